package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// timelineAt opens the timeline with the clock set to a Wednesday early in
// the fixture's plan (which starts on Monday 2 November 2026).
func timelineAt(t *testing.T) (*MainWindow, *timeline) {
	t.Helper()
	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	tl := m.timeline
	tl.now = func() time.Time { return time.Date(2026, 11, 4, 18, 0, 0, 0, time.UTC) }
	press(m, fyne.Key5)
	return m, tl
}

var nov4 = time.Date(2026, 11, 4, 0, 0, 0, 0, time.UTC)

func TestLoggingASessionChangesTheDayAndTheSkill(t *testing.T) {
	m, tl := timelineAt(t)
	if got := tl.monthLabel.Text; got != "November 2026" {
		t.Fatalf("month = %q", got)
	}
	if tl.facts(nov4).PlannedHours == 0 {
		t.Fatal("nothing is planned on a study day of the plan")
	}
	test.Tap(findButton(t, m, "Log a session…"))
	form := tl.sessionForm.form
	minutes := form.Items[2].Widget.(*widgets.TextField)
	// A real value to start from, the planned time, not a grey example
	// that looks like one (fails on 0e819a4: "45" in grey, and Enter
	// said the minutes were missing).
	if minutes.Text == "" || minutes.PlaceHolder != "" {
		t.Errorf("the minutes start as %q with the placeholder %q", minutes.Text, minutes.PlaceHolder)
	}
	minutes.SetText("50")
	form.Items[3].Widget.(*widgets.Choice).SetSelected("Go")
	test.Tap(findButton(t, m, "Save"))
	if tl.sessionForm.problem.Visible() {
		t.Fatalf("saving said %q", tl.sessionForm.problem.Text)
	}

	if got := tl.facts(nov4).LoggedMin; got != 50 {
		t.Errorf("the calendar shows %d minutes on 4 November, want 50", got)
	}
	found := false
	onScreen(m, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == "50 min · Go" {
			found = true
		}
	})
	if !found {
		t.Error("the day panel does not list the session")
	}
	press(m, fyne.Key3)
	if _, label, buttons := checkRow(t, m, "Go"); label == nil || !strings.Contains(buttons.Objects[0].(*widget.Label).Text, "50 min of 80 h logged") {
		t.Errorf("the skill shows %q, want its logged time", buttons.Objects[0].(*widget.Label).Text)
	}
}

func TestASessionFormRefusesBadInput(t *testing.T) {
	m, tl := timelineAt(t)
	test.Tap(findButton(t, m, "Log a session…"))
	form := tl.sessionForm.form
	minutes := form.Items[2].Widget.(*widgets.TextField)
	test.Type(minutes, "two hours")
	if err := minutes.Validate(); err == nil || !strings.Contains(err.Error(), "minutes") {
		t.Errorf("minutes field says %v", err)
	}
	start := form.Items[1].Widget.(*widgets.TextField)
	test.Type(start, "7pm")
	if err := start.Validate(); err == nil || !strings.Contains(err.Error(), "HH:MM") {
		t.Errorf("start field says %v", err)
	}
	test.Tap(findButton(t, m, "Save"))
	if !tl.sessionForm.problem.Visible() || !strings.HasPrefix(tl.sessionForm.problem.Text, "Started: ") {
		t.Errorf("saving invalid input says %q", tl.sessionForm.problem.Text)
	}
	// Saving past the fields' checks is refused by the store's own rules.
	if err := tl.sessionForm.save(); err == nil {
		t.Error("the save itself accepted invalid input")
	}
	sessions, err := tl.store.Sessions(nov4.AddDate(-1, 0, 0), nov4.AddDate(1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(sessions) != 0 {
		t.Errorf("a session was stored from invalid input: %+v", sessions)
	}
}

func TestCalendarKeyboardAndWeekView(t *testing.T) {
	_, tl := timelineAt(t)
	tl.calendar.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if !tl.selected.Equal(nov4.AddDate(0, 0, 1)) {
		t.Errorf("Right selected %s", tl.selected)
	}
	tl.calendar.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if tl.monthLabel.Text != "December 2026" || !tl.selected.Equal(time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Page Down shows %q with %s selected", tl.monthLabel.Text, tl.selected)
	}
	tl.calendar.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	if !tl.selected.Equal(nov4) || tl.monthLabel.Text != "November 2026" {
		t.Errorf("Home went to %s", tl.selected)
	}
	tl.viewSwitch.SetSelected("Week")
	if len(tl.week.columns.Objects) != 7 {
		t.Fatalf("the week view has %d days", len(tl.week.columns.Objects))
	}
	if tl.monthLabel.Text != "Week of 2 Nov 2026" {
		t.Errorf("week label %q", tl.monthLabel.Text)
	}
	var blocks []string
	visible(tl.week.root, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "\n") {
			blocks = append(blocks, l.Text)
		}
	})
	if len(blocks) == 0 || !strings.Contains(strings.Join(blocks, " "), "Decide your pace") {
		t.Errorf("the week's planned blocks are %q, want the first step's work", blocks)
	}
	test.Tap(findButtonWithIconIn(t, tl, theme.NavigateNextIcon()))
	if tl.monthLabel.Text != "Week of 9 Nov 2026" {
		t.Errorf("next week shows %q", tl.monthLabel.Text)
	}
}

func findButtonWithIconIn(t *testing.T, tl *timeline, icon fyne.Resource) *widget.Button {
	t.Helper()
	var found *widget.Button
	visible(tl.root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Icon != nil && b.Icon.Name() == icon.Name() {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button with the %s icon", icon.Name())
	}
	return found
}

func TestPlanSettingsSaveAndRefuse(t *testing.T) {
	_, tl := timelineAt(t)
	ps := tl.settings
	ps.fields.hours.SetText("12.5")
	ps.fields.days.SetSelected([]string{"Mon", "Wed", "Fri"})
	ps.fields.months.SetSelected(monthsLabel(12))
	ps.save()
	s, _ := tl.store.Settings()
	if s.HoursPerWeek != 12.5 || s.StudyDaysPerWeek() != 3 || !s.StudyDays[time.Wednesday] || s.HorizonMonths != 12 {
		t.Errorf("stored %+v", s)
	}
	if !strings.Contains(tl.verdict.Text, "12.5 h a week") {
		t.Errorf("the verdict did not follow: %q", tl.verdict.Text)
	}

	ps.fields.days.SetSelected(nil)
	ps.save()
	if !ps.problem.Visible() || !strings.Contains(ps.problem.Text, "study day") {
		t.Errorf("no study days says %q", ps.problem.Text)
	}
	ps.fields.days.SetSelected([]string{"Mon"})
	ps.fields.hours.SetText("lots")
	ps.save()
	if !strings.Contains(ps.problem.Text, "Hours a week") {
		t.Errorf("bad hours say %q", ps.problem.Text)
	}
	if after, _ := tl.store.Settings(); after.HoursPerWeek != 12.5 || after.StudyDaysPerWeek() != 3 {
		t.Errorf("a refused save changed the settings: %+v", after)
	}
}

func TestStudyTimerLogsFocusTime(t *testing.T) {
	_, tl := timelineAt(t)
	clock := time.Date(2026, 11, 4, 18, 0, 0, 0, time.UTC)
	tl.now = func() time.Time { return clock }
	p := tl.timer
	p.skill.SetSelected("Python")
	p.cycle.SetChecked(true)
	test.Tap(p.button)
	if !p.Running() {
		t.Fatal("the timer did not start")
	}
	clock = clock.Add(40 * time.Minute) // 25 focus, 5 break, 10 focus
	p.tick()
	if !strings.HasPrefix(p.phase.Text, "Focus") {
		t.Errorf("phase %q at 40 minutes, want Focus", p.phase.Text)
	}
	test.Tap(p.button)
	sessions, _ := tl.store.Sessions(nov4, nov4.AddDate(0, 0, 1))
	if len(sessions) != 1 || sessions[0].Minutes != 35 || sessions[0].Start != "18:00" || tl.skills[sessions[0].SkillID] != "Python" {
		t.Errorf("the timer logged %+v, want 35 minutes of Python from 18:00", sessions)
	}
	if got := tl.facts(nov4).LoggedMin; got != 35 {
		t.Errorf("the calendar shows %d minutes", got)
	}
}

func TestDashboardShowsTheTimelineHeadlines(t *testing.T) {
	st, _ := openFixture(t, fixture())
	if _, err := st.LogSession(plan.Session{Date: nov4.AddDate(0, 0, -1), Minutes: 30}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.LogSession(plan.Session{Date: nov4, Minutes: 45}); err != nil {
		t.Fatal(err)
	}
	m := newTestWindow(t, st)
	d := m.screens[0].(*dashboard)
	d.now = func() time.Time { return nov4.Add(20 * time.Hour) }
	d.reload() // the dashboard was loaded on the real day
	if !strings.HasPrefix(d.streak.Text, "Streak 2 days") {
		t.Errorf("streak = %q, want 2 days", d.streak.Text)
	}
	if !strings.Contains(d.weekHours.Text, "1 h 15 min of 10 h studied") {
		t.Errorf("this week = %q", d.weekHours.Text)
	}
	if !strings.Contains(d.fit.verdict.Text, "fit") {
		t.Errorf("the plan's verdict is %q", d.fit.verdict.Text)
	}
	if d.schedule.Text == "" || d.projected.Text == "" {
		t.Error("the schedule headlines are empty")
	}
}

func TestANewSessionOffersTheDaysPlannedWork(t *testing.T) {
	m, tl := timelineAt(t)
	test.Tap(findButton(t, m, "Log a session…"))
	form := tl.sessionForm.form
	skill, step := form.Items[3].Widget.(*widgets.Choice), form.Items[4].Widget.(*widgets.Choice)
	planned := tl.forecast.Days[nov4][0]
	want := planned.Name
	if planned.SkillID == 0 {
		if step.Selected != want {
			t.Errorf("the step offered is %q, want the day's planned %q", step.Selected, want)
		}
		return
	}
	if skill.Selected != want {
		t.Errorf("the skill offered is %q, want the day's planned %q", skill.Selected, want)
	}
}

func TestASessionIsForASkillOrAStepNotBoth(t *testing.T) {
	m, tl := timelineAt(t)
	test.Tap(findButton(t, m, "Log a session…"))
	form := tl.sessionForm.form
	skill, step := form.Items[3].Widget.(*widgets.Choice), form.Items[4].Widget.(*widgets.Choice)
	step.SetSelected("Decide your pace")
	skill.SetSelected("Go")
	if step.Selected != noChoice {
		t.Errorf("choosing a skill left the step %q chosen", step.Selected)
	}
	step.SetSelected("Decide your pace")
	if skill.Selected != noChoice {
		t.Errorf("choosing a step left the skill %q chosen", skill.Selected)
	}
}

// TestSavingPlanSettingsKeepsDaysOffAScriptAdded is the issue's own case:
// the window is open on Plan settings, a script imports holidays, then the
// learner changes the hours and saves. The script's days off stay, and the
// screen shows them.
func TestSavingPlanSettingsKeepsDaysOffAScriptAdded(t *testing.T) {
	m, tl := timelineAt(t)
	tl.tabs.SelectIndex(2)
	script, err := store.Open(m.data.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer script.Close()
	holidays := []plan.DayOff{{Date: time.Date(2026, 12, 24, 0, 0, 0, 0, time.UTC), Note: "Christmas Eve"},
		{Date: time.Date(2026, 12, 25, 0, 0, 0, 0, time.UTC), Note: "Christmas"}}
	if err := script.AddDaysOff(holidays); err != nil {
		t.Fatal(err)
	}
	tl.settings.fields.hours.SetText("12")
	test.Tap(findButton(t, m, "Save plan"))
	if tl.settings.problem.Visible() {
		t.Fatalf("saving said %q", tl.settings.problem.Text)
	}
	s, _ := script.Settings()
	if s.HoursPerWeek != 12 || len(s.DaysOff) != 2 {
		t.Errorf("after saving: %v h a week and %d days off; want 12 h and the script's 2 days off", s.HoursPerWeek, len(s.DaysOff))
	}
	if n := tl.settings.daysOff.list.Length(); n != 2 {
		t.Errorf("the screen lists %d days off, want the 2 the script added", n)
	}
}

// TestTheStudyTimeIsAPlanSetting: Plan settings stores the study time
// written HH:MM, refuses one that is not a time of day in words without
// storing anything, and empty means the reminder time, which the
// window's calendar export then uses.
// Fails on 522c7e7: there was no study time, and the export was all-day.
func TestTheStudyTimeIsAPlanSetting(t *testing.T) {
	m, tl := timelineAt(t)
	tl.tabs.SelectIndex(2)
	ps := tl.settings
	ps.studyTime.SetText("7:45")
	test.Tap(findButton(t, m, "Save plan"))
	if s, _ := tl.store.Settings(); s.StudyTime != "07:45" || ps.problem.Visible() {
		t.Fatalf("stored %q, problem %q", s.StudyTime, ps.problem.Text)
	}
	ps.studyTime.SetText("after dinner")
	if ps.studyTime.Validate() == nil {
		t.Error("the field takes \"after dinner\" for a time")
	}
	ps.save() // as TestPlanSettingsSaveAndRefuse: the form's button is greyed out
	if s, _ := tl.store.Settings(); s.StudyTime != "07:45" || !strings.Contains(ps.problem.Text, "Study time") {
		t.Errorf("a bad time: stored %q, problem %q", s.StudyTime, ps.problem.Text)
	}
	var buf strings.Builder
	if err := ps.writeCalendar(&buf); err != nil || !strings.Contains(buf.String(), "DTSTART:20261104T074500\r\n") {
		t.Errorf("the export does not put study at 07:45 (%v)", err)
	}

	fyne.CurrentApp().Preferences().SetString(prefReminderTime, "19:20")
	ps.studyTime.SetText("")
	test.Tap(findButton(t, m, "Save plan"))
	if s, _ := tl.store.Settings(); s.StudyTime != "" || ps.studyTime.PlaceHolder != "" || !strings.Contains(ps.studyTimeItem.HintText, "19:20") {
		t.Fatalf("emptied: stored %q, the field shows %q, the hint says %q", s.StudyTime, ps.studyTime.PlaceHolder, ps.studyTimeItem.HintText)
	}
	buf.Reset()
	if err := ps.writeCalendar(&buf); err != nil || !strings.Contains(buf.String(), "DTSTART:20261104T192000\r\n") {
		t.Errorf("without a study time the window's export is not at the reminder time (%v)", err)
	}
}

// shownLabel is the visible label whose text starts with prefix, or nil.
func shownLabel(m *MainWindow, prefix string) *widget.Label {
	var found *widget.Label
	onScreen(m, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, prefix) {
			found = l
		}
	})
	return found
}

// TestSavingThePlanSaysWhatItDid: Save plan says what it stored and what
// follows, or that there was nothing to store, next to the button, until
// the next edit; a refused save says why and nothing else.
// Fails on 0a96a61: a save said nothing, whether it stored the plan or
// found nothing to store.
func TestSavingThePlanSaysWhatItDid(t *testing.T) {
	m, tl := timelineAt(t)
	tl.tabs.SelectIndex(2)
	ps := tl.settings
	save := func() { t.Helper(); test.Tap(findButton(t, m, "Save plan")) }

	save()
	if l := shownLabel(m, "Nothing to save"); l == nil || l.Text != "Nothing to save: the plan is as you set it." {
		t.Errorf("saving the plan as it is says nothing (%v)", l)
	}
	ps.fields.hours.SetText("12")
	if shownLabel(m, "Nothing to save") != nil {
		t.Error("the note stays after an edit")
	}

	ps.fields.months.SetSelected(monthsLabel(9))
	save()
	want := "Saved: 12 h a week, 9 months, Mon–Fri. The calendar is re-planned."
	l := shownLabel(m, "Saved")
	if l == nil || l.Text != want || l.Importance != widget.SuccessImportance {
		t.Fatalf("saving says %v, want %q as a success", l, want)
	}
	tl.reload() // as a logged session does
	if shownLabel(m, "Saved") == nil {
		t.Error("the confirmation went with a reload, before any edit")
	}
	ps.streak.SetText("")
	test.Type(ps.streak, "150")
	if shownLabel(m, "Saved") != nil {
		t.Error("the confirmation stays after an edit")
	}
	save()
	if l := shownLabel(m, "Saved"); l == nil || l.Text != "Saved: 12 h a week, 9 months, Mon–Fri. A day now counts for your streak with 2 h 30 min of study." {
		t.Errorf("saving the streak day says %v", l)
	}

	ps.fields.days.SetSelected([]string{"Mon", "Wed", "Fri", "Sat", "Sun"})
	save()
	if l := shownLabel(m, "Saved"); l == nil || !strings.HasPrefix(l.Text, "Saved: 12 h a week, 9 months, Mon, Wed, Fri–Sun.") {
		t.Errorf("saving other study days says %v", l)
	}

	ps.fields.days.SetSelected(nil)
	save()
	if !ps.problem.Visible() || shownLabel(m, "Saved") != nil || shownLabel(m, "Nothing to save") != nil {
		t.Errorf("a refused save: problem %q shown %v, and a confirmation beside it", ps.problem.Text, ps.problem.Visible())
	}
}
