package ui

import (
	"fmt"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/resume"
)

// todayPanel is what a learner opening the app wants first: today's
// planned work, one click to start the timer on it, one to log it done,
// and how the week goes, in words.
type todayPanel struct {
	log       func(plan.Session) error
	startWork func(plan.PlanItem) // starts the study timer on a piece of work
	report    errorReporter
	changed   func()

	title *widget.Label
	items *fyne.Container
	week  *widget.Label
	// portfolio says what the portfolio lacks: "3 done skills have no
	// project to show them".
	portfolio *widget.Label
	cards     *widget.Label // interview practice due
	root      fyne.CanvasObject
}

func newTodayPanel(log func(plan.Session) error, startWork func(plan.PlanItem), report errorReporter, changed func()) *todayPanel {
	p := &todayPanel{log: log, startWork: startWork, report: report, changed: changed,
		title: heading(""), items: container.NewVBox(), week: wrappedLabel(""), cards: wrappedLabel("")}
	p.week.TextStyle = fyne.TextStyle{Bold: true}
	p.portfolio = wrappedLabel("")
	p.portfolio.Importance = widget.WarningImportance
	p.cards.Hide()
	p.root = container.NewVBox(p.title, p.items, p.week, p.cards, p.portfolio)
	return p
}

func (p *todayPanel) show(d app.Dashboard) {
	p.title.SetText("Today, " + d.Today.Format("Monday 2 January"))
	var rows []fyne.CanvasObject
	for _, it := range d.TodayPlan {
		rows = append(rows, p.itemRow(d.Today, it)...)
	}
	if len(rows) == 0 {
		rows = append(rows, wrappedLabel(nothingTodayText(d.Plan.Settings, d.Forecast, d.Today)))
	}
	for _, it := range d.Jobs {
		l := wrappedLabel(agendaLine(it))
		l.Importance = widget.WarningImportance
		if it.Interview {
			l.TextStyle = fyne.TextStyle{Bold: true}
		}
		rows = append(rows, l)
	}
	p.items.Objects = rows
	p.items.Refresh()
	p.week.SetText(weekText(d.Week))
	p.portfolio.SetText(portfolioText(d.Portfolio))
	showIf(p.portfolio, !d.Portfolio.Healthy())
}

// portfolioText is the portfolio's first want, and how many more there
// are, with where to see them.
func portfolioText(h resume.Health) string {
	lines := h.Checklist()
	switch len(lines) {
	case 0:
		return ""
	case 1:
		return "Portfolio: " + lines[0] + " (Skills ▸ Projects)."
	}
	return fmt.Sprintf("Portfolio: %s, and %s (Skills ▸ Projects).", lines[0], plural(len(lines)-1, "one more thing", fmt.Sprintf("%d more things", len(lines)-1)))
}

// itemRow is one piece of work: what and how long, what to open, and the
// two buttons.
func (p *todayPanel) itemRow(today time.Time, it app.TodayItem) []fyne.CanvasObject {
	planned := int(math.Round(it.Hours * 60))
	line := fmt.Sprintf("%s · %s", it.Name, plan.FormatMinutes(planned))
	if it.LoggedMinutes > 0 {
		line += fmt.Sprintf(" · %s logged", plan.FormatMinutes(it.LoggedMinutes))
	}
	what := widget.NewLabelWithStyle(line, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	what.Wrapping = fyne.TextWrapWord
	rows := []fyne.CanvasObject{what}
	if it.Next != "" {
		rows = append(rows, nextThing(it))
	}
	start := widget.NewButtonWithIcon("Start timer", theme.MediaPlayIcon(), func() { p.startWork(it.PlanItem) })
	left := max(planned-it.LoggedMinutes, 1)
	done := widget.NewButtonWithIcon("Log "+plan.FormatMinutes(left)+" done", theme.ConfirmIcon(), func() {
		p.logDone(today, it, left)
	})
	if it.LoggedMinutes >= planned {
		done.Disable()
		done.SetText("Done for today")
	}
	return append(rows, container.NewHBox(start, done))
}

// nextThing is the resource to open or the checklist item to do next.
func nextThing(it app.TodayItem) fyne.CanvasObject {
	if u, ok := plan.SafeURL(it.NextURL); ok {
		link := widget.NewHyperlink("Open: "+it.Next, u)
		link.Truncation = fyne.TextTruncateEllipsis
		return link
	}
	l := wrappedLabel("Next: " + it.Next)
	return l
}

func (p *todayPanel) logDone(today time.Time, it app.TodayItem, minutes int) {
	s := plan.Session{Date: today, Minutes: minutes, SkillID: it.SkillID, Notes: "Planned work, logged from the dashboard"}
	if it.SkillID == 0 {
		s.StepID = it.StepID
	}
	if err := p.log(s); err != nil {
		p.report("log the session", err)
		return
	}
	p.changed()
}

// nothingTodayText says why nothing is planned today and when the next
// study is.
func nothingTodayText(s plan.Settings, f plan.Forecast, today time.Time) string {
	why := "Nothing is planned today."
	switch {
	case today.Before(s.StartDate):
		why = "Your plan starts on " + longDate(s.StartDate) + "."
	case s.IsOff(today):
		why = "A day off: nothing is planned."
	case !s.StudyDays[today.Weekday()]:
		why = "Not one of your study days: rest."
	case f.RemainingHours == 0:
		return "Nothing is left to plan: every step and skill is done or set aside."
	}
	for d := today.AddDate(0, 0, 1); d.Before(today.AddDate(0, 0, 60)); d = d.AddDate(0, 0, 1) {
		if items := f.Days[d]; len(items) > 0 {
			return fmt.Sprintf("%s Next: %s on %s.", why, items[0].Name, longDate(d))
		}
	}
	return why
}

// weekText is the week in words: "6 h of 8 h done; on track".
func weekText(w plan.Week) string {
	done := plan.FormatMinutes(int(math.Round(w.Studied * 60)))
	planned := plan.FormatMinutes(int(math.Round(w.Planned * 60)))
	switch {
	case w.Planned == 0:
		return fmt.Sprintf("This week: %s studied; the plan gives this week no hours.", done)
	case w.Studied+0.01 >= w.Planned:
		return fmt.Sprintf("This week: %s of %s done. The week's plan is done.", done, planned)
	case w.OnTrack():
		return fmt.Sprintf("This week: %s of %s done; on track.", done, planned)
	}
	behind := plan.FormatMinutes(int(math.Round((w.DueSoFar - w.Studied) * 60)))
	return fmt.Sprintf("This week: %s of %s done; %s behind what was due before today.", done, planned, behind)
}

// showPractice says how many interview practice cards are due today and
// in the next seven days (on the Practice screen, Ctrl+7).
func (p *todayPanel) showPractice(today, week int) {
	p.cards.SetText(fmt.Sprintf("Interview practice: %s due today, %d in the next 7 days (Practice, Ctrl+7).",
		plural(today, "1 card", fmt.Sprintf("%d cards", today)), week))
	showIf(p.cards, today+week > 0)
}
