package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestArrowsMoveAPickListsSelection(t *testing.T) {
	test.NewTempApp(t)
	items := []string{"Decide", "Learn", "Build", "Apply", "Interview"}
	var picked []int
	l := NewPickList(func() int { return len(items) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(items[id]) },
		func(id widget.ListItemID) { picked = append(picked, id) })
	w := test.NewWindow(l)
	defer w.Close()
	w.Resize(fyne.NewSize(200, 300))
	l.Select(1)
	for _, k := range []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyUp, fyne.KeyEnd, fyne.KeyDown, fyne.KeyHome, fyne.KeyUp} {
		l.TypedKey(&fyne.KeyEvent{Name: k})
	}
	want := []int{1, 2, 3, 2, 4, 0}
	if len(picked) != len(want) {
		t.Fatalf("selections %v, want %v (no move past either end)", picked, want)
	}
	for i := range want {
		if picked[i] != want[i] {
			t.Fatalf("selections %v, want %v", picked, want)
		}
	}
	if l.Current() != 0 {
		t.Errorf("current %d", l.Current())
	}
}

func TestTypingALetterJumpsToTheNextChoiceStartingWithIt(t *testing.T) {
	test.NewTempApp(t)
	c := NewChoice([]string{"Go", "Java", "PHP", "PostgreSQL", "Python", "ruby"}, nil)
	for _, step := range []struct {
		r    rune
		want string
	}{{'p', "PHP"}, {'P', "PostgreSQL"}, {'p', "Python"}, {'p', "PHP"}, {'r', "ruby"}, {'R', "ruby"}, {'z', "ruby"}, {'g', "Go"}} {
		c.TypedRune(step.r)
		if c.Selected != step.want {
			t.Fatalf("after %q the choice is %q, want %q", step.r, c.Selected, step.want)
		}
	}
}

// Fails on 0e819a4: after two Downs, Space jumped back to the first row.
func TestSpaceKeepsTheSelectionTheArrowsMade(t *testing.T) {
	test.NewTempApp(t)
	var picked int
	l := NewPickList(func() int { return 5 },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(widget.ListItemID, fyne.CanvasObject) {},
		func(id widget.ListItemID) { picked = id })
	w := test.NewWindow(l)
	defer w.Close()
	w.Resize(fyne.NewSize(200, 300))
	l.Select(1)
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if picked != 3 || l.Current() != 3 {
		t.Errorf("after Down, Down, Space the selection is %d", picked)
	}
}
