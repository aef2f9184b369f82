package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
)

// dashboardOn opens the dashboard of doc at 800×600 on the given day.
func dashboardOn(t *testing.T, doc snapshot.Document, today time.Time) (*MainWindow, *dashboard, *store.Store) {
	t.Helper()
	st, _ := openFixture(t, doc)
	m := newTestWindow(t, st)
	m.Resize(fyne.NewSize(800, 600))
	d := m.screens[0].(*dashboard)
	d.now = func() time.Time { return today }
	d.reload() // the dashboard was loaded on the real day
	return m, d, st
}

// inFirstScreenful fails unless o is shown and starts inside the window.
func inFirstScreenful(t *testing.T, m *MainWindow, what string, o fyne.CanvasObject) {
	t.Helper()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	if !o.Visible() || pos.Y < 0 || pos.Y+20 > m.Canvas().Size().Height {
		t.Errorf("%s is at y %v, not in the first screenful of a %v window", what, pos.Y, m.Canvas().Size())
	}
}

// labelsUnder joins the text of every visible label under o.
func labelsUnder(o fyne.CanvasObject) string {
	var texts []string
	visible(o, func(c fyne.CanvasObject) {
		if l, ok := c.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	})
	return strings.Join(texts, "\n")
}

// Fails on 522c7e7: the dashboard led with "Planned finish 23 May 2027"
// and said the plan did not fit below the fold, with no remedy.
func TestTheDashboardLeadsWithWhetherThePlanFits(t *testing.T) {
	doc := fourLanguageFixture()
	doc.Plan.HoursPerWeek = 5 // 6 months: about 130 h for 245
	m, d, st := dashboardOn(t, doc, nov4.Add(9*time.Hour))
	if d.fit.verdict.Text != "Your plan does not fit" {
		t.Fatalf("the verdict is %q", d.fit.verdict.Text)
	}
	inFirstScreenful(t, m, "the verdict", d.fit.verdict)
	inFirstScreenful(t, m, "the remedies", d.fit.remedies)
	remedies := labelsUnder(d.fit.remedies)
	for _, want := range []string{"Study ", "Give it ", "as your one main language"} {
		if !strings.Contains(remedies, want) {
			t.Errorf("no remedy saying %q in:\n%s", want, remedies)
		}
	}
	test.Tap(findButtonIn(t, d.fit.remedies, "Do it", 2)) // the smaller scope
	cats, _ := st.Categories()
	aside := 0
	for _, sk := range cats[0].Skills {
		if sk.SetAside() {
			aside++
		}
	}
	if aside != 3 || !d.fit.done.Visible() {
		t.Errorf("%d languages set aside, with the note %q; want 3 and a note", aside, d.fit.done.Text)
	}
}

// Fails on 522c7e7: "10 days behind" on day 3 with nothing due, and a
// projected finish from three days of study.
func TestTheFirstDaysShowNoWildFigures(t *testing.T) {
	doc := fixture()
	doc.Plan.StartDate = "2026-11-02" // a Monday; weekdays, 10 h a week
	_, d, st := dashboardOn(t, doc, time.Date(2026, 11, 4, 9, 0, 0, 0, time.UTC))
	if got := d.schedule.Text; got != "2 study days behind" {
		t.Errorf("day 3 with nothing logged: %q, want the two study days that were due", got)
	}
	if !strings.Contains(d.projected.Text, "two weeks of study show your pace") {
		t.Errorf("projection on day 3: %q", d.projected.Text)
	}
	if _, err := st.LogSession(plan.Session{Date: nov4, Minutes: 45}); err != nil {
		t.Fatal(err)
	}
	d.reload()
	if got := d.schedule.Text; got != "1 study day behind" && got != "2 study days behind" {
		t.Errorf("one 45-minute session moved the standing to %q", got)
	}
}

// Fails on 522c7e7, which had no Today card.
func TestTodaysWorkIsOneClickFromTheTimerOrDone(t *testing.T) {
	m, d, st := dashboardOn(t, fixture(), nov4.Add(9*time.Hour))
	inFirstScreenful(t, m, "today's work", d.today.items)
	if !strings.Contains(labelsUnder(d.today.items), "Decide your pace") {
		t.Fatalf("today's card shows:\n%s", labelsUnder(d.today.items))
	}
	if !strings.HasPrefix(d.today.week.Text, "This week: ") {
		t.Errorf("the week in words: %q", d.today.week.Text)
	}
	test.Tap(findButtonIn(t, d.today.items, "Start timer", 0))
	if m.Current() != 4 || !m.timeline.timer.Running() {
		t.Errorf("Start timer went to screen %d, running %v", m.Current(), m.timeline.timer.Running())
	}
	m.timeline.timer.finish()
	press(m, fyne.Key1)
	var done *widget.Button
	visible(d.today.items, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Log ") && done == nil {
			done = b
		}
	})
	if done == nil {
		t.Fatal("no button to log today's work done")
	}
	test.Tap(done)
	sessions, _ := st.Sessions(nov4, nov4.AddDate(0, 0, 1))
	if len(sessions) != 1 || sessions[0].StepID == 0 {
		t.Fatalf("logging today's work stored %+v", sessions)
	}
	if !strings.Contains(labelsUnder(d.today.items), "logged") {
		t.Error("the card does not show the time logged")
	}
}
