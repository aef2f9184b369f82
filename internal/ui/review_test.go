package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// The fixture's plan runs from Monday 2 November 2026, 10 h a week on
// weekdays: 2 h a day. Monday 23 November is the first study day of the
// fourth week.
var (
	nov23 = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	nov24 = nov23.AddDate(0, 0, 1)
)

// weekStudied is the week of 16 to 22 November: 6 h 30 min on four of
// the five study days, none on Wednesday.
func weekStudied(doc snapshot.Document) snapshot.Document {
	doc.Sessions = []snapshot.Session{
		{Date: "2026-11-16", Minutes: 90, Skill: "Go"},
		{Date: "2026-11-17", Minutes: 120, Step: "Decide your pace"},
		{Date: "2026-11-19", Minutes: 60, Skill: "SQL"},
		{Date: "2026-11-20", Minutes: 120, Skill: "Go"},
	}
	return doc
}

const lastWeekHeadline = "Last week (16–22 Nov): 6 h 30 min of 10 h studied, on 4 of 5 study days."

// reviewWindow opens doc's window at 800×600 on the given day, the
// welcome already answered.
func reviewWindow(t *testing.T, doc snapshot.Document, today time.Time) (*MainWindow, *store.Store) {
	t.Helper()
	st, _ := openFixture(t, doc)
	if err := st.MarkWelcomed(); err != nil {
		t.Fatal(err)
	}
	m := newTestWindow(t, st)
	m.Resize(fyne.NewSize(800, 600))
	m.now = func() time.Time { return today }
	return m, st
}

func pressEscape(t *testing.T, m *MainWindow) {
	t.Helper()
	keys := m.Canvas().OnTypedKey()
	if keys == nil {
		t.Fatal("nothing on screen hears Escape")
	}
	keys(&fyne.KeyEvent{Name: fyne.KeyEscape})
}

// reviewOnScreen fails unless the review is the dialog on view, and
// gives its text.
func reviewOnScreen(t *testing.T, m *MainWindow) string {
	t.Helper()
	overlays := m.Canvas().Overlays().List()
	if m.review == nil || len(overlays) != 1 {
		t.Fatalf("no weekly review on screen (%d dialogs)", len(overlays))
	}
	return textUnder(overlays[0])
}

// textUnder is labelsUnder with the lines of rich texts too.
func textUnder(o fyne.CanvasObject) string {
	texts := []string{labelsUnder(o)}
	visible(o, func(c fyne.CanvasObject) {
		if rt, ok := c.(*widget.RichText); ok {
			for _, seg := range rt.Segments {
				texts = append(texts, seg.Textual())
			}
		}
	})
	return strings.Join(texts, "\n")
}

// Fails on 0a96a61: no weekly review.
func TestTheWeeklyReviewShowsLastWeekOnTheFirstStudyDay(t *testing.T) {
	m, _ := reviewWindow(t, weekStudied(fixture()), nov23)
	m.ReviewIfDue()
	text := reviewOnScreen(t, m)
	if got := m.review.headline.Text; got != lastWeekHeadline {
		t.Errorf("the headline is %q, want %q", got, lastWeekHeadline)
	}
	for _, want := range []string{
		"Mon 16", "1 h 30 min", "of 2 h", // day by day
		"Sat 21", "free day",
		"Your time went to Go (3 h 30 min), Decide your pace (2 h) and SQL (1 h).",
		"Where you stand today: 11 study days behind.", // 6 h 30 min of the 30 h due before today
		"Streak: 2 days (longest 2).",
		"Your plan fits",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the review does not say %q:\n%s", want, text)
		}
	}
	// Within an 800×600 window, its way out in view.
	if size := m.review.dialog.MinSize(); size.Width > 800 || size.Height > 600 {
		t.Errorf("the review needs %v, more than the window", size)
	}
	keep := findButton(t, m, "Keep the plan")
	if pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(keep); pos.Y < 0 || pos.Y+keep.Size().Height > 600 || pos.X+keep.Size().Width > 800 {
		t.Errorf("Keep the plan is at %v, outside the window", pos)
	}
	inFirstScreenful(t, m, "the headline", m.review.headline)

	// Escape closes it, and it does not come back that day.
	pressEscape(t, m)
	if n := len(m.Canvas().Overlays().List()); n != 0 {
		t.Fatalf("Escape left %d dialogs open", n)
	}
	m.review = nil
	m.ReviewIfDue()
	if m.review != nil {
		t.Error("the review showed itself twice")
	}
}

// Fails on 0a96a61: no weekly review.
func TestTheWeeklyReviewWaitsForTheFirstStudyDayAndComesOnce(t *testing.T) {
	m, st := reviewWindow(t, weekStudied(fixture()), nov24)
	m.ReviewIfDue()
	if m.review != nil || len(m.Canvas().Overlays().List()) != 0 {
		t.Fatal("the review showed itself on Tuesday")
	}
	// Monday's, opened on another computer: the file remembers it.
	m.now = func() time.Time { return nov23 }
	m.ReviewIfDue()
	reviewOnScreen(t, m)
	again := newTestWindow(t, st)
	again.now = m.now
	again.ReviewIfDue()
	if again.review != nil {
		t.Error("a second window on the same file showed the review again")
	}
}

// Fails on 0a96a61: no weekly review.
func TestTheWeeklyReviewNeverOpensOverTheWelcome(t *testing.T) {
	// The sessions are logged after the import: a document with study in
	// it counts as welcomed, a new database logging some does not.
	st, _ := openFixture(t, fixture())
	for _, s := range weekStudied(fixture()).Sessions {
		day, _ := time.Parse(time.DateOnly, s.Date)
		if _, err := st.LogSession(plan.Session{Date: day, Minutes: s.Minutes}); err != nil {
			t.Fatal(err)
		}
	}
	m := newTestWindow(t, st)
	m.now = func() time.Time { return nov23 }
	m.WelcomeIfFirstRun() // as startMain does
	m.ReviewIfDue()
	if m.welcome == nil || m.review != nil || len(m.Canvas().Overlays().List()) != 1 {
		t.Fatalf("welcome %v, review %v, %d dialogs; want the welcome alone", m.welcome != nil, m.review != nil, len(m.Canvas().Overlays().List()))
	}
	if shown, _ := st.ReviewShown(nov23.AddDate(0, 0, -7)); shown {
		t.Error("the review counts as shown behind the welcome")
	}
}

// reviewMenuItem is View ▸ Weekly Review….
func reviewMenuItem(t *testing.T, m *MainWindow) *fyne.MenuItem {
	t.Helper()
	for _, top := range m.MainMenu().Items {
		for _, it := range top.Items {
			if it.Label == "Weekly Review…" {
				if top.Label != "View" {
					t.Errorf("Weekly Review… is in %s, want View", top.Label)
				}
				return it
			}
		}
	}
	t.Fatal("no Weekly Review… in the menus")
	return nil
}

// Fails on 0a96a61: no weekly review.
func TestTheMenuOpensTheWeeklyReviewAnyDay(t *testing.T) {
	wednesday := nov23.AddDate(0, 0, 2)
	m, _ := reviewWindow(t, weekStudied(fixture()), wednesday)
	reviewMenuItem(t, m).Action()
	reviewOnScreen(t, m)
	if got := m.review.headline.Text; got != lastWeekHeadline {
		t.Errorf("from the menu on Wednesday: %q", got)
	}
	test.Tap(findButton(t, m, "Keep the plan"))
	if n := len(m.Canvas().Overlays().List()); n != 0 {
		t.Errorf("Keep the plan left %d dialogs open", n)
	}

	// In the plan's first week there is no week to look back on yet.
	m.now = func() time.Time { return nov4 }
	reviewMenuItem(t, m).Action()
	text := reviewOnScreen(t, m)
	if want := "The first review is on Monday 9 Nov 2026."; !strings.Contains(text, want) || m.review.days.Visible() {
		t.Errorf("in the first week the review says:\n%s\nwant %q and no days", text, want)
	}
	// A short review is sized to its wrapped text, not cut off to scroll.
	if need, has := m.review.scroll.Content.MinSize().Height, m.review.scroll.Size().Height; need > has {
		t.Errorf("the short review needs %v high and shows %v", need, has)
	}
}

// A plan that no longer fits: the review offers the remedies, and one
// click re-plans; last week's figures stay as they were.
// Fails on 0a96a61: no weekly review.
func TestARemedyInTheWeeklyReviewReplans(t *testing.T) {
	doc := weekStudied(fourLanguageFixture())
	doc.Plan.HoursPerWeek = 5       // about 130 h in six months for 245
	doc.Sessions = doc.Sessions[1:] // Monday's left out
	m, d, st := dashboardOn(t, doc, nov23)
	if err := st.MarkWelcomed(); err != nil {
		t.Fatal(err)
	}
	// On an 800×600 screen the window is kept to 768×552 (fitScreen).
	m.Resize(fyne.NewSize(768, 552))
	m.now = func() time.Time { return nov23 }
	m.ReviewIfDue()
	text := reviewOnScreen(t, m)
	headline := m.review.headline.Text
	if headline != "Last week (16–22 Nov): 5 h of 5 h studied, on 3 of 5 study days." {
		t.Errorf("the headline is %q", headline)
	}
	if !strings.Contains(text, "Your plan does not fit") || !strings.Contains(text, "To make it fit, one of:") {
		t.Fatalf("the review offers no re-plan:\n%s", text)
	}
	if keep := findButton(t, m, "Keep the plan"); keep.Importance == widget.HighImportance {
		t.Error("keeping a plan that does not fit is the main button")
	}
	// The first offer is in view on an 800×600 screen, not below the
	// review's fold.
	first := findButtonIn(t, m.review.fit.remedies, "Do it", 0)
	driver, scroll := fyne.CurrentApp().Driver(), m.review.scroll
	if bottom, fold := driver.AbsolutePositionForObject(first).Y+first.Size().Height,
		driver.AbsolutePositionForObject(scroll).Y+scroll.Size().Height; bottom > fold {
		t.Errorf("the first offer ends at y %v, below the review's fold at %v", bottom, fold)
	}
	test.Tap(first) // more hours
	if s, _ := st.Settings(); s.HoursPerWeek <= 5 {
		t.Errorf("the remedy left %v h a week", s.HoursPerWeek)
	}
	if m.review.fit.verdict.Text != "Your plan fits" || !m.review.fit.done.Visible() {
		t.Errorf("after the remedy the review says %q", m.review.fit.verdict.Text)
	}
	if m.review.headline.Text != headline {
		t.Errorf("last week's figures moved with the new plan: %q", m.review.headline.Text)
	}
	if d.fit.verdict.Text != "Your plan fits" {
		t.Errorf("the dashboard behind still says %q", d.fit.verdict.Text)
	}
	findButton(t, m, "Close")
}

// A learner who studies long days at a high pace: the days' columns wrap
// instead of widening the review past an 800×600 window.
// Fails on 0a96a61: no weekly review.
func TestLongDaysKeepTheWeeklyReviewInTheWindow(t *testing.T) {
	doc := fixture()
	doc.Plan.HoursPerWeek = 100 // 14 h 17 min a day, every day
	doc.Plan.StudyDays = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
	doc.SkillCategories[0].Skills[0].Hours = 5000
	for d := 16; d <= 22; d++ {
		doc.Sessions = append(doc.Sessions, snapshot.Session{Date: fmt.Sprintf("2026-11-%d", d), Minutes: 14*60 + 25, Skill: "Go"})
	}
	m, _ := reviewWindow(t, doc, nov23)
	m.ReviewIfDue()
	text := reviewOnScreen(t, m)
	if !strings.Contains(text, "Mon 16 ✓") || !strings.Contains(text, "14 h 25 min") || !strings.Contains(text, "of 14 h 17 min") {
		t.Errorf("the long days read:\n%s", text)
	}
	if size := m.review.dialog.MinSize(); size.Width > 800 || size.Height > 600 {
		t.Errorf("the review needs %v, more than the window", size)
	}
	days := m.review.days
	if right := fyne.CurrentApp().Driver().AbsolutePositionForObject(days).X + days.Size().Width; right > 800 {
		t.Errorf("the days reach x %v: cut off at the window's edge", right)
	}
}

// Fails on 0a96a61: no weekly review.
func TestAWeekIsWrittenInTheLearnersOrder(t *testing.T) {
	defer func(order widgets.DateOrder) { dateOrder = order }(dateOrder)
	tests := []struct {
		first                string
		dayFirst, monthFirst string
	}{
		{"2026-11-16", "16–22 Nov", "Nov 16–22"},
		{"2026-11-30", "30 Nov – 6 Dec", "Nov 30 – Dec 6"},
		{"2026-12-28", "28 Dec 2026 – 3 Jan 2027", "Dec 28, 2026 – Jan 3, 2027"},
	}
	for _, tt := range tests {
		first, _ := time.Parse(time.DateOnly, tt.first)
		dateOrder = widgets.DayFirst
		if got := weekSpan(first); got != tt.dayFirst {
			t.Errorf("the week of %s, days first: %q, want %q", tt.first, got, tt.dayFirst)
		}
		dateOrder = widgets.MonthFirst
		if got := weekSpan(first); got != tt.monthFirst {
			t.Errorf("the week of %s, months first: %q, want %q", tt.first, got, tt.monthFirst)
		}
	}
}
