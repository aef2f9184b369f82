package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/dustin/go-humanize"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// dashboardStore is what the dashboard reads, and writes when the learner
// acts on it: a remedy for a plan that does not fit, a session logged.
type dashboardStore interface {
	app.DashboardReader
	app.ScopeWriter
	LogSession(s plan.Session) (uint, error)
}

// dashboard answers "what do I do today, and does my plan fit?" first,
// then "where am I?" at a glance.
type dashboard struct {
	data   dashboardStore
	report errorReporter
	now    func() time.Time

	today *todayPanel
	fit   *fitPanel

	progress       *widgets.Meter
	progressLabel  *widget.Label
	stepTitle      *widget.Label
	stepDetail     *widget.Label
	skillsCount    *widget.Label
	skillsBar      *widgets.Meter
	weeksLeft      *widget.Label
	finish         *widget.Label
	nextActions    *widget.Label
	thisWeek       *widget.Label
	schedule       *widget.Label
	projected      *widget.Label
	scheduleDetail *widget.Label
	streak         *widget.Label
	streakRule     *widget.Label
	weekHours      *widget.Label
	pay            *widget.Label
	payDetail      *widget.Label
	root           fyne.CanvasObject
}

func newDashboard(data dashboardStore, report errorReporter, startWork func(plan.PlanItem)) *dashboard {
	d := &dashboard{data: data, report: report, now: time.Now}
	log := func(s plan.Session) error { _, err := data.LogSession(s); return err }
	d.today = newTodayPanel(log, startWork, report, d.reload)
	d.fit = newFitPanel(data, report, d.reload)
	big := func() *widget.Label {
		l := widget.NewLabel("")
		l.TextStyle = fyne.TextStyle{Bold: true}
		l.SizeName = theme.SizeNameSubHeadingText
		return l
	}
	wrapped := func() *widget.Label {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	d.progress = widgets.NewMeter()
	d.progressLabel = wrapped()
	d.stepTitle = big()
	d.stepTitle.Wrapping = fyne.TextWrapWord
	d.stepDetail = wrapped()
	d.skillsCount = big()
	d.skillsBar = widgets.NewMeter()
	d.weeksLeft = big()
	d.finish = wrapped()
	d.nextActions = wrapped()
	d.thisWeek = wrapped()
	d.schedule, d.streak, d.weekHours = big(), big(), big()
	d.projected = wrapped()
	d.scheduleDetail, d.streakRule = wrapped(), wrapped()
	d.pay, d.payDetail = big(), wrapped()

	cards := responsiveGrid(
		widget.NewCard("Overall progress", "", container.NewVBox(d.progress, d.progressLabel)),
		widget.NewCard("Current step", "", container.NewVBox(d.stepTitle, d.stepDetail)),
		widget.NewCard("Skills", "", container.NewVBox(d.skillsCount, d.skillsBar)),
		widget.NewCard("Time left", "", container.NewVBox(d.weeksLeft, d.finish)),
		widget.NewCard("Against the plan", "", container.NewVBox(d.schedule, d.scheduleDetail, d.projected)),
		widget.NewCard("Rhythm", "", container.NewVBox(d.streak, d.streakRule, d.weekHours)),
		widget.NewCard("Pay you are aiming for", "", container.NewVBox(d.pay, d.payDetail)),
	)
	lead := responsiveGrid(
		widget.NewCard("", "", d.today.root),
		widget.NewCard("", "", d.fit.root),
	)
	d.root = container.NewVScroll(container.NewVBox(
		lead,
		cards,
		widget.NewCard("Next actions", "", d.nextActions),
		widget.NewCard("Planned this week", "", d.thisWeek),
	))
	return d
}

func (d *dashboard) name() string               { return "Dashboard" }
func (d *dashboard) icon() fyne.Resource        { return theme.HomeIcon() }
func (d *dashboard) content() fyne.CanvasObject { return d.root }

func (d *dashboard) reload() { d.load()() }

// load reads what the dashboard needs and returns the step that puts it on
// screen, to run on the UI thread.
func (d *dashboard) load() func() {
	data, err := app.LoadDashboard(d.data, d.now())
	if err != nil {
		return func() { d.report("load your progress", err) }
	}
	return func() { d.show(data); d.today.showPractice(data.CardsDue, data.CardsThisWeek) }
}

func (d *dashboard) show(data app.Dashboard) {
	p, today := data.Plan, data.Today
	o := data.Overview

	d.progress.SetValue(o.Fraction())
	if o.HoursTotal > 0 {
		d.progressLabel.SetText(fmt.Sprintf("About %s of %s estimated hours done, counting the skills and checklist items ticked done.",
			humanize.Comma(int64(o.HoursDone)), humanize.Comma(int64(o.HoursTotal))))
	} else {
		d.progressLabel.SetText("Add steps or skills with hour estimates to see your progress.")
	}

	switch {
	case len(p.Steps) == 0:
		d.stepTitle.SetText("No roadmap yet")
		d.stepDetail.SetText("Add steps on the Roadmap screen, or import a roadmap.")
	case o.Current == nil:
		d.stepTitle.SetText("Every step is done")
		d.stepDetail.SetText("You have walked the whole roadmap. Congratulations!")
	default:
		d.stepTitle.SetText(o.Current.Title)
		d.stepDetail.SetText(fmt.Sprintf("Step %d of %d · %s · %s",
			stepNumber(p.Steps, o.Current.ID), len(p.Steps), o.Current.Status.Label(), checklistPhrase(*o.Current)))
	}

	d.skillsCount.SetText(fmt.Sprintf("%d of %d done · %d proven", o.SkillsDone, o.SkillsTotal, o.SkillsProven))
	d.skillsBar.SetValue(plan.Ratio(o.SkillsDone, o.SkillsTotal))

	left := plan.WeeksLeft(p.Settings, today)
	finish := p.Settings.FinishDate()
	if left == 0 {
		d.weeksLeft.SetText("Plan period over")
		d.finish.SetText(fmt.Sprintf("Your %d-month plan ended on %s. Extend it on the Timeline screen.", p.Settings.HorizonMonths, longDate(finish)))
	} else {
		d.weeksLeft.SetText(fmt.Sprintf("%d %s left", left, plural(left, "week", "weeks")))
		d.finish.SetText(fmt.Sprintf("Your %d-month plan runs from %s to %s. Whether the work fits in it is said at the top.",
			p.Settings.HorizonMonths, longDate(p.Settings.StartDate), longDate(finish)))
	}

	if len(o.NextActions) == 0 {
		d.nextActions.SetText("Nothing open on the current step. Pick the next step on the Roadmap screen.")
	} else {
		d.nextActions.SetText("• " + strings.Join(o.NextActions, "\n• "))
	}
	h := d.showTimeline(data)
	d.showPay(data.Pay)
	d.today.show(data)
	d.fit.show(data.Schedule, h.projection)
}

// showPay shows the salary range for the learner's target country and
// level, in their comparison currency.
func (d *dashboard) showPay(pay app.TargetPay) {
	cmp := pay.Settings
	if !pay.Found {
		d.pay.SetText("No figure for your target")
		d.payDetail.SetText(fmt.Sprintf("Add a %s salary for %s on the Salaries screen.", strings.ToLower(cmp.TargetLevel.Label()), cmp.TargetCountry))
		return
	}
	r := pay.Range
	d.pay.SetText(salary.CompactRange(r) + " a year")
	detail := fmt.Sprintf("%s, %s (%d).", r.Country, strings.ToLower(r.Level.Label()), r.Year)
	if c := pay.InBase; c != nil {
		detail += fmt.Sprintf(" About %s in %s.", salary.CompactRange(salary.Range{Currency: cmp.Base, Min: c.BaseMin, Max: c.BaseMax}), cmp.Base)
	}
	d.payDetail.SetText(detail)
}

// showTimeline fills the headlines of the timeline: the forecast, how the
// learner stands against the plan, the streak and this week's hours. It
// returns them, for the fit panel's word on the real pace.
func (d *dashboard) showTimeline(data app.Dashboard) headlines {
	p, f := data.Plan, data.Forecast
	d.thisWeek.SetText(weekPlanText(f, p.Settings.WeekStart, data.Today))
	h := progressHeadlines(p, f, data.Minutes, data.Today)
	d.schedule.SetText(h.schedule)
	d.scheduleDetail.SetText(h.scheduleDetail)
	d.projected.SetText("Projected finish: " + h.finish)
	d.streak.SetText("Streak " + h.streak)
	d.streakRule.SetText(h.streakRule)
	d.weekHours.SetText(h.thisWeek + " this week")
	return h
}

// weekPlanText lists the work planned for the week holding today.
func weekPlanText(f plan.Forecast, weekStart time.Weekday, today time.Time) string {
	ws := plan.WeekStart(today, weekStart)
	for _, w := range f.Weeks {
		if !w.Start.Equal(ws) {
			continue
		}
		if len(w.Items) == 0 {
			return "Nothing planned this week."
		}
		var parts []string
		for _, it := range w.Items {
			parts = append(parts, fmt.Sprintf("%s (%s)", it.Name, hoursText(it.Hours)))
		}
		return "Planned: " + strings.Join(parts, ", ")
	}
	return "Today is outside your plan's dates."
}

func stepNumber(steps []plan.Step, id uint) int {
	for i, s := range steps {
		if s.ID == id {
			return i + 1
		}
	}
	return 0
}

func checklistPhrase(s plan.Step) string {
	if len(s.Actions) == 0 {
		return "no checklist"
	}
	done := 0
	for _, a := range s.Actions {
		if a.Done {
			done++
		}
	}
	return fmt.Sprintf("%d of %d actions done", done, len(s.Actions))
}
