package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Small builders of layout the screens share.

func heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameHeadingText
	l.TextStyle = fyne.TextStyle{Bold: true}
	l.Wrapping = fyne.TextWrapWord
	return l
}

// emptyState is a centred message for a screen with nothing to show yet.
// Its lines wrap at the width the screen has: a Center container would
// give them their one-line width, and a long hint would widen the window.
func emptyState(title, hint string) fyne.CanvasObject {
	t := widget.NewLabelWithStyle(title, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	t.SizeName = theme.SizeNameSubHeadingText
	t.Wrapping = fyne.TextWrapWord
	h := widget.NewLabelWithStyle(hint, fyne.TextAlignCenter, fyne.TextStyle{})
	h.Wrapping = fyne.TextWrapWord
	return container.NewVBox(layout.NewSpacer(), t, h, layout.NewSpacer())
}

// enableIf enables or disables w.
func enableIf(w fyne.Disableable, enabled bool) {
	if enabled {
		w.Enable()
	} else {
		w.Disable()
	}
}

func showIf(o fyne.CanvasObject, visible bool) {
	if visible {
		o.Show()
	} else {
		o.Hide()
	}
}

// shownOnlyLayout stacks objects in the whole space, as Fyne's stack does,
// but sizes only those shown: the window keeps every screen in it, and the
// hidden ones need no laying out each time the window is resized (nor their
// renderers made at start); one is sized when it is shown.
type shownOnlyLayout struct{}

func (shownOnlyLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		if o.Visible() {
			o.Resize(size)
			o.Move(fyne.NewPos(0, 0))
		}
	}
}

func (shownOnlyLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	for _, o := range objects {
		if o.Visible() {
			size = size.Max(o.MinSize())
		}
	}
	return size
}

// tabbedPages is a row of tabs over pages that all stay in the window, the
// ones not selected hidden. Fyne's AppTabs keeps only the selected page in
// the window, and Fyne applies a theme change to what is in the window: a
// page behind came back with the old theme's pixels in its icons and
// checkboxes. Here the AppTabs is the row of tabs alone, each over an
// empty page, and the real pages are shown and hidden as it is selected.
type tabbedPages struct {
	*container.AppTabs
	pages []fyne.CanvasObject
	shown *fyne.Container // the pages, laid out by shownOnlyLayout
	root  *fyne.Container
}

func newTabbedPages(items ...*container.TabItem) *tabbedPages {
	t := &tabbedPages{}
	tabs := make([]*container.TabItem, len(items))
	for i, it := range items {
		t.pages = append(t.pages, it.Content)
		tabs[i] = container.NewTabItemWithIcon(it.Text, it.Icon, &fyne.Container{})
	}
	t.AppTabs = container.NewAppTabs(tabs...)
	t.shown = container.New(shownOnlyLayout{}, t.pages...)
	t.root = container.New(tabsOverPages{}, t.AppTabs, t.shown)
	t.showSelected()
	t.OnSelected = func(*container.TabItem) { t.showSelected() }
	return t
}

func (t *tabbedPages) showSelected() {
	for i, p := range t.pages {
		showIf(p, i == t.SelectedIndex())
	}
	// Show and Hide refresh the pages that changed; the page shown is laid
	// out in the room it now has. Refreshing the root instead refreshed
	// every page, building all their drawing at start-up (40 ms a screen).
	t.shown.Layout.Layout(t.shown.Objects, t.shown.Size())
}

// tabsOverPages lays out a row of tabs, as tall as it needs, over the
// pages, which take the rest.
type tabsOverPages struct{}

func (tabsOverPages) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	tabs, pages := objects[0], objects[1]
	h := tabs.MinSize().Height
	tabs.Move(fyne.NewPos(0, 0))
	tabs.Resize(fyne.NewSize(size.Width, h))
	pages.Move(fyne.NewPos(0, h))
	pages.Resize(fyne.NewSize(size.Width, size.Height-h))
}

func (tabsOverPages) MinSize(objects []fyne.CanvasObject) fyne.Size {
	tabs, pages := objects[0].MinSize(), objects[1].MinSize()
	return fyne.NewSize(max(tabs.Width, pages.Width), tabs.Height+pages.Height)
}

// caption is a small note. It is drawn in the text colour: Fyne draws a
// label of low importance in the colour of disabled controls, which does
// not read on either theme's background (1.3:1 in light, 1.6:1 in dark).
func caption(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// sectionTitle is a bold section heading, with an action (an Edit button)
// at its right when right is not nil.
func sectionTitle(title string, right fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if right == nil {
		return l
	}
	return container.NewBorder(nil, nil, l, right)
}

// setRows replaces the rows of box and lays out again holder, the view
// around it. A container's minimum size grows with its rows but only its
// parent gives it the room: refreshing the box alone lays the new rows out
// past its edge, where they are not drawn until something else (a window
// resize) lays the whole view out again.
func setRows(box *fyne.Container, holder fyne.CanvasObject, rows ...fyne.CanvasObject) {
	box.Objects = rows
	box.Refresh()
	holder.Refresh()
}

// columns lays out two panes side by side, the left one taking fraction of
// the width (never less than its minimum), with a thin rule between them.
// It replaces Fyne's split, whose drag handle is drawn as a short bar that
// learners took for a stray text cursor; the panes here need no dragging.
func columns(fraction float32, left, right fyne.CanvasObject) fyne.CanvasObject {
	rule := widget.NewSeparator()
	return container.New(&columnsLayout{fraction: fraction}, left, rule, right)
}

type columnsLayout struct{ fraction float32 }

func (l *columnsLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	left, rule, right := objects[0], objects[1], objects[2]
	pad := theme.Padding()
	w := max(size.Width*l.fraction, left.MinSize().Width)
	left.Move(fyne.NewPos(0, 0))
	left.Resize(fyne.NewSize(w, size.Height))
	rule.Move(fyne.NewPos(w+pad, 0))
	rule.Resize(fyne.NewSize(theme.SeparatorThicknessSize(), size.Height))
	x := w + 2*pad + theme.SeparatorThicknessSize()
	right.Move(fyne.NewPos(x, 0))
	right.Resize(fyne.NewSize(max(size.Width-x, 0), size.Height))
}

func (l *columnsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	left, right := objects[0].MinSize(), objects[2].MinSize()
	return fyne.NewSize(left.Width+right.Width+2*theme.Padding()+theme.SeparatorThicknessSize(), max(left.Height, right.Height))
}

// responsiveGrid lays cards out in two columns when the width allows both
// at their minimum, and in one otherwise: Fyne's adaptive grid keeps two
// columns in any landscape window, and at 800 pixels two cards with
// buttons are wider than the window.
func responsiveGrid(objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(&responsiveLayout{}, objects...)
}

// responsiveLayout remembers the width it last laid out at: its height
// depends on it (one column is twice as tall), and Fyne asks a layout's
// minimum size without a width.
type responsiveLayout struct{ width float32 }

func (l *responsiveLayout) columns(objects []fyne.CanvasObject, width float32) int {
	widest := float32(0)
	for _, o := range objects {
		widest = max(widest, o.MinSize().Width)
	}
	if 2*widest+theme.Padding() <= width {
		return 2
	}
	return 1
}

// rows yields the rows of objects for cols columns with their heights.
func rows(objects []fyne.CanvasObject, cols int, each func(row []fyne.CanvasObject, height float32)) {
	for i := 0; i < len(objects); i += cols {
		row := objects[i:min(i+cols, len(objects))]
		height := float32(0)
		for _, o := range row {
			height = max(height, o.MinSize().Height)
		}
		each(row, height)
	}
}

func (l *responsiveLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	cols := l.columns(objects, size.Width)
	pad := theme.Padding()
	cellWidth := (size.Width - pad*float32(cols-1)) / float32(cols)
	y := float32(0)
	rows(objects, cols, func(row []fyne.CanvasObject, height float32) {
		for j, o := range row {
			o.Move(fyne.NewPos(float32(j)*(cellWidth+pad), y))
			o.Resize(fyne.NewSize(cellWidth, height))
		}
		y += height + pad
	})
}

// MinSize is as wide as the widest card, so the grid never widens the
// window, and as tall as the rows at the width last laid out.
func (l *responsiveLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	for _, o := range objects {
		size.Width = max(size.Width, o.MinSize().Width)
	}
	cols := 1
	if l.width > 0 {
		cols = l.columns(objects, l.width)
	}
	n := 0
	rows(objects, cols, func(_ []fyne.CanvasObject, height float32) {
		if n > 0 {
			size.Height += theme.Padding()
		}
		size.Height += height
		n++
	})
	return size
}
