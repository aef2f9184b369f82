package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// KeyArea holds content and hears the keyboard while it has the focus:
// the flash card a learner reviews with Space and the digits, as in
// Anki. A tap gives it the focus; a thin frame in the theme's focus
// colour shows it has it.
type KeyArea struct {
	widget.BaseWidget
	Content fyne.CanvasObject
	// OnKey hears the named keys (Space, Return…); OnRune the characters
	// typed (digits). Either may be nil.
	OnKey  func(fyne.KeyName)
	OnRune func(rune)

	focused bool
}

// NewKeyArea wraps content.
func NewKeyArea(content fyne.CanvasObject) *KeyArea {
	k := &KeyArea{Content: content}
	k.ExtendBaseWidget(k)
	return k
}

// Focused says whether the area has the focus.
func (k *KeyArea) Focused() bool { return k.focused }

// FocusGained is part of fyne.Focusable.
func (k *KeyArea) FocusGained() { k.focused = true; k.Refresh() }

// FocusLost is part of fyne.Focusable.
func (k *KeyArea) FocusLost() { k.focused = false; k.Refresh() }

// TypedRune is part of fyne.Focusable.
func (k *KeyArea) TypedRune(r rune) {
	if k.OnRune != nil {
		k.OnRune(r)
	}
}

// TypedKey is part of fyne.Focusable.
func (k *KeyArea) TypedKey(e *fyne.KeyEvent) {
	if k.OnKey != nil {
		k.OnKey(e.Name)
	}
}

// Tapped gives the area the focus.
func (k *KeyArea) Tapped(*fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(k); c != nil {
		c.Focus(k)
	}
}

// CreateRenderer draws the content inside its frame.
func (k *KeyArea) CreateRenderer() fyne.WidgetRenderer {
	frame := canvas.NewRectangle(nil)
	frame.StrokeWidth = 2
	frame.CornerRadius = 6
	r := &keyAreaRenderer{k: k, frame: frame}
	r.Refresh()
	return r
}

type keyAreaRenderer struct {
	k     *KeyArea
	frame *canvas.Rectangle
}

func (r *keyAreaRenderer) Layout(size fyne.Size) {
	pad := r.k.Theme().Size(theme.SizeNameInnerPadding)
	r.frame.Resize(size)
	r.k.Content.Move(fyne.NewPos(pad, pad))
	r.k.Content.Resize(fyne.NewSize(size.Width-2*pad, size.Height-2*pad))
}

func (r *keyAreaRenderer) MinSize() fyne.Size {
	pad := r.k.Theme().Size(theme.SizeNameInnerPadding)
	return r.k.Content.MinSize().Add(fyne.NewSize(2*pad, 2*pad))
}

func (r *keyAreaRenderer) Refresh() {
	th := r.k.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.frame.FillColor = th.Color(theme.ColorNameInputBackground, v)
	if r.k.focused {
		r.frame.StrokeColor = th.Color(theme.ColorNameFocus, v)
	} else {
		r.frame.StrokeColor = th.Color(theme.ColorNameSeparator, v)
	}
	r.frame.Refresh()
	r.k.Content.Refresh()
}

func (r *keyAreaRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.frame, r.k.Content}
}
func (r *keyAreaRenderer) Destroy() {}
