package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// laidOut fails when o's last child lies outside o: the child was added
// but the container kept its old size, so it is not drawn.
func laidOut(t *testing.T, what string, o *fyne.Container) {
	t.Helper()
	if len(o.Objects) == 0 {
		t.Fatalf("%s is empty", what)
	}
	last := o.Objects[len(o.Objects)-1]
	if bottom := last.Position().Y + last.Size().Height; bottom > o.Size().Height+0.5 || last.Size().Height == 0 {
		t.Errorf("%s: its last row ends at %v, below its height %v: the row is not drawn", what, bottom, o.Size().Height)
	}
}

// Fails on 3cb03b2: the new item was stored and added to the list, but the
// list kept its height, so the item was cut off until a redraw.
func TestANewChecklistItemAndLinkShowAtOnce(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	press(m, fyne.Key2)
	r := m.screens[1].(*roadmap)
	for _, text := range []string{"Read the Go tour", "Write a CLI", "Ship it"} {
		test.Type(r.newAction, text)
		r.newAction.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		laidOut(t, "the checklist after adding "+text, r.checklist)
	}
	test.Type(r.linkTitle, "Go by Example")
	test.Type(r.linkURL, "https://gobyexample.com")
	r.linkURL.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	laidOut(t, "the links after adding one", r.links)
}

// The same fault in every list that grows in place.
func TestEveryGrowingListShowsItsNewRows(t *testing.T) {
	m, tl := timelineAt(t)
	tl.selectDay(nov4)
	test.Tap(findButton(t, m, "Log a session…"))
	form := tl.sessionForm.form
	test.Type(form.Items[2].Widget.(*widgets.TextField), "50")
	test.Tap(findButton(t, m, "Save"))
	laidOut(t, "the day's sessions", tl.day.sessions)
	laidOut(t, "the day's plan", tl.day.planned)

	p := tl.settings
	for _, day := range []time.Time{nov4.AddDate(0, 0, 30), nov4.AddDate(0, 0, 31), nov4.AddDate(0, 0, 32)} {
		p.offDate.SetDate(&day)
		p.addDayOff()
		box := p.daysOff.listBox
		laidOut(t, "the days off", box)
		if box.Size().Height < box.MinSize().Height {
			t.Errorf("the days off list is %v high, less than the %v its rows need", box.Size().Height, box.MinSize().Height)
		}
	}

	_, s := salariesScreen(t)
	s.store.SaveRate(salary.Rate{}, salary.Rate{Currency: "SEK", PerEUR: "11.2", AsOf: nov4, Source: "test"})
	s.reload()
	laidOut(t, "the exchange rates", s.rateList)
}

// Fails on 3cb03b2: the next step opened at the last one's scroll offset,
// its title out of view.
func TestAnotherStepOpensAtItsTitle(t *testing.T) {
	doc := fixture()
	for i := range doc.Roadmap {
		doc.Roadmap[i].Notes = strings.Repeat("A paragraph of notes.\n\n", 40)
	}
	st, _ := openFixture(t, doc)
	m := newTestWindow(t, st)
	m.Resize(fyne.NewSize(800, 600))
	press(m, fyne.Key2)
	r := m.screens[1].(*roadmap)
	r.stepList.Select(0)
	r.detail.ScrollToBottom()
	if r.detail.Offset.Y == 0 {
		t.Fatal("the step's detail does not scroll")
	}
	r.stepList.Select(1)
	if r.detail.Offset.Y != 0 {
		t.Errorf("step 2 opened scrolled %v down", r.detail.Offset.Y)
	}
}
