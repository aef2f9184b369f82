package widgets

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// PickList is a list whose arrow keys move the selection itself, as in a
// file manager's sidebar: Fyne's list moves only a focus mark and waits
// for Space. Home and End go to the first and last item.
type PickList struct {
	widget.List
	current    widget.ListItemID
	onSelected func(widget.ListItemID)
}

// NewPickList is a list of length() items, made by create and filled by
// update; onSelected hears every selection, by mouse or by key.
func NewPickList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject), onSelected func(widget.ListItemID)) *PickList {
	l := &PickList{current: -1, onSelected: onSelected}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.OnSelected = func(id widget.ListItemID) {
		l.current = id
		if l.onSelected != nil {
			l.onSelected(id)
		}
	}
	l.OnUnselected = func(id widget.ListItemID) {
		if l.current == id {
			l.current = -1
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// Current is the selected item, or -1.
func (l *PickList) Current() widget.ListItemID { return l.current }

// TypedKey moves the selection with Up, Down, Home and End. Fyne's own
// handling of Up and Down runs too, so its focus mark moves with the
// selection; Space, which in Fyne's list selects the marked row, has
// nothing left to do (and would jump back to a stale mark).
func (l *PickList) TypedKey(e *fyne.KeyEvent) {
	n := l.Length()
	switch e.Name {
	case fyne.KeySpace:
	case fyne.KeyUp:
		l.List.TypedKey(e)
		l.pick(max(l.current-1, 0), n)
	case fyne.KeyDown:
		l.List.TypedKey(e)
		l.pick(l.current+1, n)
	case fyne.KeyHome:
		l.pick(0, n)
	case fyne.KeyEnd:
		l.pick(n-1, n)
	default:
		l.List.TypedKey(e)
	}
}

func (l *PickList) pick(i, n int) {
	if i < 0 || i >= n || i == l.current {
		return
	}
	l.Select(i)
	l.ScrollTo(i)
}

// Choice is a drop-down whose options can be reached by typing: a letter
// selects the next option starting with it, as in a native drop-down
// (typing "P" three times goes through PHP, PostgreSQL, Python).
type Choice struct {
	widget.Select
}

// NewChoice is a drop-down of options; changed hears each new choice.
func NewChoice(options []string, changed func(string)) *Choice {
	c := &Choice{}
	c.Options, c.OnChanged = options, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedRune selects the next option that starts with r.
func (c *Choice) TypedRune(r rune) {
	if i := nextStartingWith(c.Options, c.SelectedIndex(), r); i >= 0 {
		c.SetSelectedIndex(i)
	}
}

// nextStartingWith is the first option after from (wrapping round) that
// starts with r, ignoring case, or -1.
func nextStartingWith(options []string, from int, r rune) int {
	want := unicode.ToLower(r)
	for step := 1; step <= len(options); step++ {
		i := (from + step) % len(options)
		if i < 0 {
			i += len(options)
		}
		first := []rune(strings.TrimSpace(options[i]))
		if len(first) > 0 && unicode.ToLower(first[0]) == want {
			return i
		}
	}
	return -1
}
