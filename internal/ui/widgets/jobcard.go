package widgets

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// JobCard is an application on the job search board: the company, the
// role, the days since it last moved and the next action with its date.
// It is moved to another column by dragging it there, or from the
// keyboard: focus it (Tab) and press Shift+Left or Shift+Right, or [ and ].
// A tap or Enter opens it.
type JobCard struct {
	widget.BaseWidget
	Company, Role string
	Since         string // "3 days since the last move"
	Next          string // "Follow up · Tue 1 Dec", or ""
	Overdue       bool   // the next action is due: drawn in the warning colour

	// OnTapped opens the application.
	OnTapped func()
	// OnMove moves it by delta columns (-1 left, +1 right).
	OnMove func(delta int)
	// OnDragged follows the pointer while the card is dragged, in the
	// window's coordinates; OnDropped is where the drag ended.
	OnDragged func(at fyne.Position)
	OnDropped func(at fyne.Position)

	focused, dragging bool
	shift             bool // a Shift key is held, as KeyDown and KeyUp told
	dragAt            fyne.Position
}

// NewJobCard makes a card.
func NewJobCard(company, role, since, next string, overdue bool) *JobCard {
	c := &JobCard{Company: company, Role: role, Since: since, Next: next, Overdue: overdue}
	c.ExtendBaseWidget(c)
	return c
}

// Tapped opens the card.
func (c *JobCard) Tapped(*fyne.PointEvent) {
	if c.OnTapped != nil {
		c.OnTapped()
	}
}

// Dragged follows the pointer.
func (c *JobCard) Dragged(ev *fyne.DragEvent) {
	if !c.dragging {
		c.dragging = true
		c.Refresh()
	}
	c.dragAt = ev.AbsolutePosition
	if c.dragAt.IsZero() {
		// A driver that gives no absolute position (fyne's test driver):
		// the point the drag started at, moved by the drag.
		c.dragAt = fyne.CurrentApp().Driver().AbsolutePositionForObject(c).Add(ev.Position).Add(ev.Dragged)
	}
	if c.OnDragged != nil {
		c.OnDragged(c.dragAt)
	}
}

// DragEnd drops the card where the pointer was last.
func (c *JobCard) DragEnd() {
	c.dragging = false
	c.Refresh()
	if c.OnDropped != nil {
		c.OnDropped(c.dragAt)
	}
}

// Dragging says whether the card is being dragged.
func (c *JobCard) Dragging() bool { return c.dragging }

// FocusGained marks the card focused.
func (c *JobCard) FocusGained() { c.focused = true; c.Refresh() }

// FocusLost clears the mark.
func (c *JobCard) FocusLost() { c.focused, c.shift = false, false; c.Refresh() }

// TypedRune moves the card with [ and ].
func (c *JobCard) TypedRune(r rune) {
	switch r {
	case '[':
		c.move(-1)
	case ']':
		c.move(1)
	}
}

// TypedKey opens the card on Enter or Space, and moves it on Shift+Left
// and Shift+Right. Fyne's desktop driver makes no shortcut of Shift with
// another key alone: an arrow comes here, with Shift held.
func (c *JobCard) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		c.Tapped(nil)
	case fyne.KeyLeft, fyne.KeyRight:
		if !c.shiftHeld() {
			return
		}
		if ev.Name == fyne.KeyLeft {
			c.move(-1)
		} else {
			c.move(1)
		}
	}
}

// KeyDown notes a Shift key pressed while the card has the focus.
func (c *JobCard) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		c.shift = true
	}
}

// KeyUp notes a Shift key let go.
func (c *JobCard) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		c.shift = false
	}
}

// shiftHeld asks the desktop driver, which knows of a Shift pressed
// before the card had the focus, or else goes by KeyDown and KeyUp.
func (c *JobCard) shiftHeld() bool {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return c.shift
}

// TypedShortcut moves the card with Shift+Left and Shift+Right, for a
// driver that sends them as a shortcut.
func (c *JobCard) TypedShortcut(s fyne.Shortcut) {
	ks, ok := s.(*desktop.CustomShortcut)
	if !ok || ks.Modifier != fyne.KeyModifierShift {
		return
	}
	switch ks.KeyName {
	case fyne.KeyLeft:
		c.move(-1)
	case fyne.KeyRight:
		c.move(1)
	}
}

func (c *JobCard) move(delta int) {
	if c.OnMove != nil {
		c.OnMove(delta)
	}
}

// Cursor shows the card can be picked up.
func (c *JobCard) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer draws the card in the theme's colours.
func (c *JobCard) CreateRenderer() fyne.WidgetRenderer {
	r := &jobCardRenderer{c: c, bg: canvas.NewRectangle(nil), company: canvas.NewText("", nil), role: canvas.NewText("", nil),
		since: canvas.NewText("", nil), next: canvas.NewText("", nil), when: canvas.NewText("", nil)}
	r.company.TextStyle = fyne.TextStyle{Bold: true}
	r.Refresh()
	return r
}

type jobCardRenderer struct {
	c                          *JobCard
	bg                         *canvas.Rectangle
	company, role, since, next *canvas.Text
	when                       *canvas.Text // the next action's date, when it needs a line of its own
}

func (r *jobCardRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.company, r.role, r.since, r.next, r.when}
}
func (r *jobCardRenderer) Destroy() {}

func (r *jobCardRenderer) sizes() (text, small, pad float32) {
	th := r.c.Theme()
	return th.Size(theme.SizeNameText), th.Size(theme.SizeNameCaptionText), th.Size(theme.SizeNamePadding)
}

func (r *jobCardRenderer) MinSize() fyne.Size {
	text, small, pad := r.sizes()
	lines := 3
	if r.c.Next != "" {
		lines = 4
	}
	if _, when := r.nextLines(150 - 2*pad); when != "" {
		lines = 5
	}
	return fyne.NewSize(150, 2*pad+text*1.4*2+small*1.4*float32(lines-2)+pad)
}

// nextLines splits the next action over two lines when it is too wide for
// one: "Follow up" and "overdue since 24 Oct 2025", so its date is never
// cut.
func (r *jobCardRenderer) nextLines(width float32) (what, when string) {
	_, small, _ := r.sizes()
	style := fyne.TextStyle{Bold: r.c.Overdue}
	if fyne.MeasureText(r.c.Next, small, style).Width <= width {
		return r.c.Next, ""
	}
	what, when, ok := strings.Cut(r.c.Next, " · ")
	if !ok {
		return r.c.Next, ""
	}
	return what, when
}

func (r *jobCardRenderer) Layout(size fyne.Size) {
	text, small, pad := r.sizes()
	r.bg.Resize(size)
	w := size.Width - 2*pad
	r.company.Text = FitText(r.c.Company, w, text)
	r.role.Text = FitText(r.c.Role, w, text)
	r.since.Text = FitText(r.c.Since, w, small)
	what, when := r.nextLines(w)
	r.next.Text = FitText(what, w, small)
	r.when.Text = FitText(when, w, small)
	y := pad
	for _, t := range []*canvas.Text{r.company, r.role} {
		t.TextSize = text
		t.Move(fyne.NewPos(pad, y))
		y += text * 1.4
	}
	for _, t := range []*canvas.Text{r.since, r.next, r.when} {
		t.TextSize = small
		t.Move(fyne.NewPos(pad, y))
		y += small * 1.4
	}
}

func (r *jobCardRenderer) Refresh() {
	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	bg := th.Color(theme.ColorNameBackground, v)
	fill := Over(th.Color(theme.ColorNameInputBackground, v), bg)
	var stroke color.Color = th.Color(theme.ColorNameSeparator, v)
	width := float32(1)
	switch {
	case r.c.dragging:
		fill = Over(th.Color(theme.ColorNameSelection, v), bg)
		stroke, width = th.Color(theme.ColorNamePrimary, v), 2
	case r.c.focused:
		stroke, width = th.Color(theme.ColorNameFocus, v), 2
	}
	r.bg.FillColor, r.bg.StrokeColor, r.bg.StrokeWidth, r.bg.CornerRadius = fill, stroke, width, 6
	fg := Legible(th.Color(theme.ColorNameForeground, v), fill)
	muted := Legible(th.Color(theme.ColorNamePlaceHolder, v), fill)
	r.company.Color, r.role.Color, r.since.Color = fg, fg, muted
	r.next.Color = muted
	if r.c.Overdue {
		r.next.Color = Legible(th.Color(theme.ColorNameWarning, v), fill)
		r.next.TextStyle = fyne.TextStyle{Bold: true}
	} else {
		r.next.TextStyle = fyne.TextStyle{}
	}
	r.when.Color, r.when.TextStyle = r.next.Color, r.next.TextStyle
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}
