package ui

import (
	"fmt"
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/dustin/go-humanize"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// timelineStore is what the timeline screen, its session form and its
// plan settings read and change.
type timelineStore interface {
	app.PlanReader
	DailyMinutes(from, to time.Time) (map[time.Time]int, error)
	DailyReviews(from, to time.Time) (map[time.Time]int, error)
	Sessions(from, to time.Time) ([]plan.Session, error)
	LogSession(s plan.Session) (uint, error)
	UpdateSession(before, after plan.Session) error
	DeleteSession(id uint) error
	UpdateSettings(before, after plan.Settings) error
	AddDaysOff(days []plan.DayOff) error
	AddNewDaysOff(days []plan.DayOff) ([]plan.DayOff, error)
	RemoveDaysOff(days []time.Time) error
	Settings() (plan.Settings, error)
	// The job search's interviews and follow-ups show on the calendar.
	JobBoard() (jobsearch.Board, error)
	JobSettings() (jobsearch.Settings, error)
}

// timeline is the plan in time: a calendar of study days (month or week)
// with the selected day's plan and sessions, the progress against the plan,
// and the plan's settings.
type timeline struct {
	store  timelineStore
	report errorReporter
	win    fyne.Window
	now    func() time.Time

	// What the last reload read.
	p                    plan.Plan
	forecast             plan.Forecast
	minutes              map[time.Time]int // study minutes per day, from loadedFrom up to loadedTo
	loadedFrom, loadedTo time.Time
	extraMonths          map[time.Time]bool // months read since, by their first day
	skills               map[uint]string    // every skill, to name a session's
	offered              map[uint]string    // the skills not set aside, to pick from
	steps                map[uint]string
	agenda               map[time.Time][]jobsearch.AgendaItem // the job search's appointments by day

	month    time.Time // first day of the month on view
	selected time.Time
	weekMode bool

	monthLabel  *widget.Label
	viewSwitch  *widget.RadioGroup
	calendar    *widgets.MonthCalendar
	week        *weekView
	views       *fyne.Container
	verdict     *widget.Label
	day         *dayPanel
	timer       *timerPanel
	progress    *progressTab
	settings    *planSettingsTab
	tabs        *tabbedPages
	sessionForm *formDialog // the session form last opened
	root        fyne.CanvasObject
}

func newTimeline(st timelineStore, report errorReporter, w fyne.Window) *timeline {
	t := &timeline{store: st, report: report, win: w, now: time.Now}

	t.monthLabel = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { t.step(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { t.step(1) })
	today := widget.NewButton("Today", func() { t.selectDay(t.now()) })
	t.viewSwitch = widget.NewRadioGroup([]string{"Month", "Week"}, nil)
	t.viewSwitch.Horizontal = true
	t.viewSwitch.Required = true
	rememberChoice(t.viewSwitch, prefTimelineView, "Month", func(v string) {
		t.weekMode = v == "Week"
		t.showCalendar()
	})

	t.calendar = widgets.NewMonthCalendar()
	t.calendar.OnSelected = t.selectDay
	t.week = newWeekView(t.selectDay)
	t.views = container.NewStack(t.calendar, t.week.root)
	t.verdict = widget.NewLabel("")
	t.verdict.Wrapping = fyne.TextWrapWord
	t.day = newDayPanel(t)
	t.timer = newTimerPanel(t)

	nav := container.NewBorder(nil, nil, container.NewHBox(prev, today, next), t.viewSwitch, t.monthLabel)
	side := container.NewVScroll(container.NewVBox(t.day.root, t.timer.root))
	t.day.holder = side
	calendarTab := container.NewBorder(container.NewVBox(nav, t.verdict), nil, nil, nil,
		newSideSplit(container.NewPadded(t.views), side))

	t.progress = newProgressTab()
	t.settings = newPlanSettingsTab(t)
	t.tabs = newTabbedPages(
		container.NewTabItemWithIcon("Calendar", theme.CalendarIcon(), calendarTab),
		container.NewTabItemWithIcon("Progress", theme.HistoryIcon(), t.progress.root),
		container.NewTabItemWithIcon("Plan settings", theme.SettingsIcon(), t.settings.root),
	)
	rememberTab(t.tabs, prefTimelineTab)
	t.root = t.tabs.root
	return t
}

// newSideSplit puts the calendar beside the day panel, the panel a
// third of the width.
func newSideSplit(main, side fyne.CanvasObject) fyne.CanvasObject {
	split := columns(0.66, main, side)
	return split
}

func (t *timeline) name() string               { return "Timeline" }
func (t *timeline) icon() fyne.Resource        { return theme.CalendarIcon() }
func (t *timeline) content() fyne.CanvasObject { return t.root }

func (t *timeline) reload() { t.load()() }

// load reads the plan, the logged time and the study days of the last year
// and of the month on view, works out the forecast, and returns the step
// that shows them.
func (t *timeline) load() func() {
	// The heatmap needs the last year, the calendar this month; another
	// month on view is read when it is shown (ensureMonth). load may run
	// off the UI thread, so it reads no state the UI changes.
	today := plan.Date(t.now())
	to := firstOfMonth(today).AddDate(0, 1, 7)
	d, err := app.LoadTimeline(t.store, today, to)
	if err != nil {
		return func() { t.report("load the plan", err) }
	}
	return func() {
		t.agenda = d.Agenda
		if t.selected.IsZero() {
			t.selected, t.month = today, firstOfMonth(today)
		}
		t.p, t.minutes, t.loadedFrom, t.loadedTo, t.forecast = d.Plan, d.Minutes, d.From, to, d.Forecast
		t.progress.heatmap.SetReviews(d.Reviews)
		t.extraMonths = map[time.Time]bool{}
		t.showAll(today)
	}
}

func (t *timeline) showAll(today time.Time) {
	t.ensureMonth()
	p, minutes := t.p, t.minutes
	t.skills, t.offered, t.steps = map[uint]string{}, map[uint]string{}, map[uint]string{}
	for _, c := range p.Categories {
		for _, sk := range c.Skills {
			t.skills[sk.ID] = sk.Name
			if !sk.SetAside() {
				t.offered[sk.ID] = sk.Name
			}
		}
	}
	for _, st := range p.Steps {
		t.steps[st.ID] = st.Title
	}
	t.verdict.SetText(verdictText(p.Settings, t.forecast))
	t.showCalendar()
	t.day.show(t.selected)
	t.timer.setChoices()
	t.progress.show(p, t.forecast, minutes, today)
	t.settings.show(p.Settings)
}

// verdictText says honestly whether the plan fits.
func verdictText(s plan.Settings, f plan.Forecast) string {
	text := fitText(s, f)
	if s.JobHoursPerWeek > 0 {
		text += fmt.Sprintf(" The job search takes %s of your %s h a week; study gets the rest.", hoursText(s.JobHoursPerWeek), humanize.FtoaWithDigits(s.StudyHoursPerWeek(), 1))
	}
	return text
}

func fitText(s plan.Settings, f plan.Forecast) string {
	switch {
	case f.RemainingHours == 0:
		return "Nothing left to plan: every step and skill is done or skipped."
	case f.Fits:
		return fmt.Sprintf("Your plan fits: the %s h left fit at %s h a week, done by %s (%s).",
			humanize.Comma(int64(math.Round(f.RemainingHours))), humanize.FtoaWithDigits(s.StudyHoursPerWeek(), 1),
			longDate(f.Finish), humanize.Time(f.Finish))
	case math.IsInf(f.NeededHoursPerWeek, 1):
		return "The plan's dates are over: no study day is left before its finish date. Move the start date or lengthen the plan in Plan settings."
	case f.Finish.IsZero():
		return fmt.Sprintf("Your plan does not fit: finishing by %s needs %s h a week.", longDate(s.FinishDate()), humanize.FtoaWithDigits(math.Ceil(f.NeededHoursPerWeek*10)/10, 1))
	}
	return fmt.Sprintf("Your plan does not fit: %s h left need %s h a week to finish by %s. At %s h a week you finish on %s, %s.",
		humanize.Comma(int64(math.Round(f.RemainingHours))), humanize.FtoaWithDigits(math.Ceil(f.NeededHoursPerWeek*10)/10, 1),
		longDate(s.FinishDate()), humanize.FtoaWithDigits(s.StudyHoursPerWeek(), 1), longDate(f.Finish), humanize.Time(f.Finish))
}

// facts is what the calendar shows of a day.
func (t *timeline) facts(d time.Time) widgets.DayFacts {
	f := widgets.DayFacts{LoggedMin: t.minutes[d], Off: t.p.Settings.IsOff(d), Free: !t.p.Settings.StudyDays[d.Weekday()]}
	for i, it := range t.forecast.Days[d] {
		f.PlannedHours += it.Hours
		if i == 0 {
			f.Focus = it.Name
		}
	}
	if items := t.agenda[d]; len(items) > 0 {
		f.Event = agendaShort(items[0])
		switch {
		case len(items) > 1 && !items[0].Interview:
			// Only follow-ups (interviews come first): their number
			// reads in a narrow day, a cut name does not.
			f.Event = fmt.Sprintf("%d follow-ups", len(items))
		case len(items) > 1:
			f.Event += fmt.Sprintf(" +%d", len(items)-1)
		}
	}
	return f
}

// agendaShort is an appointment in a calendar's day: "10:30 Acme", or
// "Follow up Acme".
func agendaShort(it jobsearch.AgendaItem) string {
	if it.Interview {
		return it.Start.Format("15:04") + " " + it.Company
	}
	return "Follow up " + it.Company
}

// agendaLine is an appointment in full: "10:30–11:15 Interview: Acme (Go
// developer) · online".
func agendaLine(it jobsearch.AgendaItem) string {
	if !it.Interview {
		return it.Title()
	}
	s := it.Start.Format("15:04") + "–" + it.Start.Add(time.Duration(it.Minutes)*time.Minute).Format("15:04") + " " + it.Title()
	switch {
	case it.Place != "":
		s += " · " + it.Place
	case it.Link != "":
		s += " · " + it.Link
	}
	return s
}

func (t *timeline) showCalendar() {
	if t.calendar == nil || t.week == nil {
		return // the view switch fires while the screen is being built
	}
	today := t.now()
	if t.weekMode {
		start := plan.WeekStart(t.selected, t.p.Settings.WeekStart)
		t.monthLabel.SetText(fmt.Sprintf("Week of %s", longDate(start)))
		t.week.show(start, plan.Date(today), t.selected, t)
	} else {
		t.monthLabel.SetText(t.month.Format("January 2006"))
		t.calendar.SetMonth(t.month, today, t.selected, t.p.Settings.WeekStart, t.facts)
	}
	showIf(t.calendar, !t.weekMode)
	showIf(t.week.root, t.weekMode)
}

// step moves a month, or a week in the week view.
func (t *timeline) step(delta int) {
	if t.weekMode {
		t.selectDay(t.selected.AddDate(0, 0, 7*delta))
		return
	}
	t.month = plan.AddMonths(t.month, delta)
	t.selected = plan.AddMonths(t.selected, delta)
	t.reloadIfOutside()
}

func (t *timeline) selectDay(d time.Time) {
	t.selected = plan.Date(d)
	t.month = firstOfMonth(t.selected)
	t.reloadIfOutside()
}

// reloadIfOutside reads the study days of the month on view if they were
// not loaded yet, and redraws.
func (t *timeline) reloadIfOutside() {
	t.ensureMonth()
	t.showCalendar()
	t.day.show(t.selected)
}

// ensureMonth reads the study days of the month on view, and of the months
// either side whose days the grid also shows, when they were not loaded:
// one indexed query a month.
func (t *timeline) ensureMonth() {
	for _, m := range []time.Time{plan.AddMonths(t.month, -1), t.month, plan.AddMonths(t.month, 1)} {
		if t.monthLoaded(m) {
			continue
		}
		more, err := t.store.DailyMinutes(m, m.AddDate(0, 1, 0))
		if err != nil {
			t.report("load the study days", err)
			return
		}
		for d, min := range more {
			t.minutes[d] = min
		}
		t.extraMonths[m] = true
	}
}

// monthLoaded reports whether the study days of month m are in t.minutes.
func (t *timeline) monthLoaded(m time.Time) bool {
	return t.extraMonths[m] || !m.Before(t.loadedFrom) && !m.AddDate(0, 1, 0).After(t.loadedTo)
}

func firstOfMonth(d time.Time) time.Time {
	return time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// dayPanel shows one day: what is planned for it and the sessions logged,
// which can be added, edited and deleted.
type dayPanel struct {
	t             *timeline
	title         *widget.Label
	note          *widget.Label
	planned       *fyne.Container
	sessions      *fyne.Container
	jobs          *fyne.Container // the day's interviews and follow-ups
	jobsTitle     *widget.Label
	sessionsOnDay []plan.Session
	root          fyne.CanvasObject
	holder        fyne.CanvasObject // the view around root
}

func newDayPanel(t *timeline) *dayPanel {
	d := &dayPanel{t: t, title: heading(""), note: widget.NewLabel(""), planned: container.NewVBox(), sessions: container.NewVBox()}
	d.title.SizeName = theme.SizeNameSubHeadingText
	d.note.Wrapping = fyne.TextWrapWord
	logButton := widget.NewButtonWithIcon("Log a session…", theme.ContentAddIcon(), func() { t.editSession(plan.Session{Date: d.t.selected}) })
	logButton.Importance = widget.HighImportance
	d.jobs, d.jobsTitle = container.NewVBox(), bold("Job search")
	d.root = container.NewVBox(d.title, d.note, d.jobsTitle, d.jobs, bold("Planned"), d.planned, bold("Studied"), d.sessions, logButton)
	return d
}

func (d *dayPanel) show(day time.Time) {
	t := d.t
	d.title.SetText(day.Format("Monday 2 January"))
	s := t.p.Settings
	var notes []string
	for _, off := range s.DaysOff {
		if off.Date.Equal(day) {
			notes = append(notes, "Day off"+suffix(": ", off.Note))
		}
	}
	if !s.StudyDays[day.Weekday()] {
		notes = append(notes, "Not one of your study days.")
	}
	if day.Before(s.StartDate) || !day.Before(s.FinishDate()) {
		notes = append(notes, fmt.Sprintf("Outside your plan (%s to %s).", longDate(s.StartDate), longDate(s.FinishDate())))
	}
	d.note.SetText(strings.Join(notes, " "))
	showIf(d.note, len(notes) > 0)

	var planned []fyne.CanvasObject
	for _, it := range t.forecast.Days[day] {
		l := widget.NewLabel(fmt.Sprintf("%s · %s", it.Name, hoursText(it.Hours)))
		l.Wrapping = fyne.TextWrapWord
		planned = append(planned, l)
	}
	if len(planned) == 0 {
		msg := "Nothing planned."
		if day.Before(plan.Date(t.now())) {
			msg = "Past days keep what you logged."
		}
		planned = append(planned, widget.NewLabel(msg))
	}
	setRows(d.planned, d.holder, planned...)
	var jobs []fyne.CanvasObject
	for _, it := range t.agenda[day] {
		jobs = append(jobs, wrappedLabel(agendaLine(it)))
	}
	setRows(d.jobs, d.holder, jobs...)
	showIf(d.jobsTitle, len(jobs) > 0)
	showIf(d.jobs, len(jobs) > 0)

	sessions, err := t.store.Sessions(day, day.AddDate(0, 0, 1))
	if err != nil {
		t.report("load the day's sessions", err)
		return
	}
	d.sessionsOnDay = sessions
	var rows []fyne.CanvasObject
	for _, sess := range sessions {
		text := t.sessionText(sess)
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { t.editSession(sess) })
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { t.deleteSession(sess) })
		edit.Importance, del.Importance = widget.LowImportance, widget.LowImportance
		rows = append(rows, container.NewBorder(nil, nil, nil, container.NewHBox(edit, del), l))
	}
	if len(sessions) == 0 {
		rows = append(rows, widget.NewLabel("No sessions logged."))
	}
	setRows(d.sessions, d.holder, rows...)
}

func (t *timeline) sessionText(s plan.Session) string {
	what := t.skills[s.SkillID]
	if what == "" {
		what = t.steps[s.StepID]
	}
	if what == "" {
		what = "General study"
	}
	text := plan.FormatMinutes(s.Minutes) + " · " + what
	if s.Start != "" {
		text = s.Start + " · " + text
	}
	if s.Notes != "" {
		text += " — " + s.Notes
	}
	return text
}

func (t *timeline) deleteSession(s plan.Session) {
	showDestructive("Delete session?", fmt.Sprintf("Delete %s on %s?", t.sessionText(s), longDate(s.Date)), "Delete session", func(ok bool) {
		if !ok {
			return
		}
		if err := t.store.DeleteSession(s.ID); err != nil {
			t.report("delete the session", err)
		}
		t.reload()
	}, t.win)
}
