package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Quitting empties every window, dialogs included, before the app closes
// them: nothing with a cursor of its own (a text field) is left under the
// pointer for Fyne to change the cursor of on a window already torn down.
func TestQuitLeavesNothingUnderThePointer(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	press(m, fyne.Key3) // Skills, with its search field
	dialog.NewCustom("A form", "Close", widget.NewEntry(), m).Show()
	fields := func() (n int) {
		visible(m.Canvas().Content(), func(o fyne.CanvasObject) {
			if _, ok := o.(fyne.Focusable); ok {
				n++
			}
		})
		return n
	}
	if fields() == 0 {
		t.Fatal("nothing with a cursor of its own on screen to begin with")
	}
	Quit(fyne.CurrentApp())
	if n := len(m.Canvas().Overlays().List()); n != 0 {
		t.Errorf("%d dialogs left in the window at quit", n)
	}
	if n := fields(); n != 0 {
		t.Errorf("%d fields left under the pointer at quit", n)
	}
}
