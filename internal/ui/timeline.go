package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/store"
)

// firstWeekday is the day calendar weeks begin on.
const firstWeekday = time.Monday

// timeline shows the plan on a month calendar: which roadmap step and which
// skills each study week is for, between the start date and the horizon.
type timeline struct {
	store  *store.Store
	report errorReporter
	now    func() time.Time

	p plan.Plan

	start      *widget.DateEntry
	horizon    *widget.Select
	finish     *widget.Label
	settingErr *widget.Label
	monthLabel *widget.Label
	calendar   *monthCalendar
	weekTitle  *widget.Label
	weekDetail *widget.Label
	root       fyne.CanvasObject
}

func newTimeline(st *store.Store, report errorReporter, _ fyne.Window) *timeline {
	t := &timeline{store: st, report: report, now: time.Now}

	t.start = widget.NewDateEntry()
	t.start.OnChanged = t.startChanged
	months := make([]string, 0, plan.MaxHorizonMonths)
	for m := plan.MinHorizonMonths; m <= plan.MaxHorizonMonths; m++ {
		months = append(months, monthsLabel(m))
	}
	t.horizon = widget.NewSelect(months, nil)
	t.finish = widget.NewLabel("")
	t.settingErr = widget.NewLabel("")
	t.settingErr.Importance = widget.DangerImportance
	t.settingErr.Wrapping = fyne.TextWrapWord
	t.settingErr.Hide()

	t.monthLabel = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	t.calendar = newMonthCalendar(firstWeekday)
	t.calendar.OnSelected = t.showWeek
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { t.moveMonth(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { t.moveMonth(1) })
	today := widget.NewButton("Today", func() { t.goTo(t.now()) })

	t.weekTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.weekDetail = widget.NewLabel("")
	t.weekDetail.Wrapping = fyne.TextWrapWord

	settings := container.NewHBox(
		widget.NewLabel("Start"), container.NewGridWrap(fyne.NewSize(170, t.start.MinSize().Height), t.start),
		widget.NewLabel("Length"), t.horizon,
		t.finish,
	)
	nav := container.NewBorder(nil, nil, container.NewHBox(prev, today), next, t.monthLabel)
	top := container.NewVBox(heading("Timeline"), settings, t.settingErr, nav)
	week := widget.NewCard("", "", container.NewVBox(t.weekTitle, t.weekDetail))
	t.root = container.NewBorder(container.NewPadded(top), container.NewPadded(week), nil, nil, container.NewPadded(t.calendar))
	return t
}

func (t *timeline) name() string               { return "Timeline" }
func (t *timeline) icon() fyne.Resource        { return theme.CalendarIcon() }
func (t *timeline) content() fyne.CanvasObject { return t.root }

func (t *timeline) reload() {
	p, err := t.store.Plan()
	if err != nil {
		t.report("load the plan", err)
		return
	}
	t.p = p
	start := p.Settings.StartDate
	t.start.OnChanged = nil
	t.start.SetDate(&start)
	t.start.OnChanged = t.startChanged
	t.horizon.OnChanged = nil
	t.horizon.SetSelected(monthsLabel(p.Settings.HorizonMonths))
	t.horizon.OnChanged = t.horizonChanged
	t.finish.SetText("Finish " + longDate(p.Settings.FinishDate()))
	month := t.calendar.month
	if month.IsZero() {
		month = t.now()
	}
	t.show(month)
	if t.calendar.selected.IsZero() {
		t.calendar.selectWeek(plan.Date(t.now()))
	} else {
		t.calendar.selectWeek(t.calendar.selected)
	}
}

func (t *timeline) show(month time.Time) {
	t.calendar.show(month, t.now(), t.p.Settings, t.p.Weeks(firstWeekday))
	t.monthLabel.SetText(t.calendar.month.Format("January 2006"))
}

func (t *timeline) moveMonth(delta int) {
	t.show(t.calendar.month.AddDate(0, delta, 0))
}

func (t *timeline) goTo(day time.Time) {
	t.show(day)
	t.calendar.selectWeek(plan.Date(day))
}

func (t *timeline) showWeek(w plan.Week) {
	end := w.End().AddDate(0, 0, -1)
	span := fmt.Sprintf("%s – %s", w.Start.Format("2 Jan"), end.Format("2 Jan 2006"))
	if w.Number == 0 {
		t.weekTitle.SetText(span)
		t.weekDetail.SetText("This week is outside your plan, which runs from " +
			longDate(t.p.Settings.StartDate) + " to " + longDate(t.p.Settings.FinishDate()) + ".")
		return
	}
	t.weekTitle.SetText(fmt.Sprintf("Week %d of %d · %s", w.Number, len(t.p.Weeks(firstWeekday)), span))
	if len(w.Steps) == 0 {
		t.weekDetail.SetText("Nothing is planned for this week. Add steps or skills to fill the plan.")
		return
	}
	detail := "Roadmap: " + strings.Join(w.Steps, ", ")
	if len(w.Skills) > 0 {
		detail += "\nSkills: " + strings.Join(w.Skills, ", ")
	}
	t.weekDetail.SetText(detail)
}

func (t *timeline) startChanged(d *time.Time) {
	if d == nil {
		t.showSettingError(fmt.Errorf("type the start date as %s, or pick it from the calendar button", t.p.Settings.StartDate.Format("2006-01-02")))
		return
	}
	s := t.p.Settings
	s.StartDate = plan.Date(*d)
	t.saveSettings(s)
}

func (t *timeline) horizonChanged(label string) {
	s := t.p.Settings
	if _, err := fmt.Sscanf(label, "%d", &s.HorizonMonths); err != nil {
		t.showSettingError(fmt.Errorf("choose the plan's length in months"))
		return
	}
	t.saveSettings(s)
}

func (t *timeline) saveSettings(s plan.Settings) {
	if err := t.store.SaveSettings(s); err != nil {
		t.showSettingError(err)
		return
	}
	t.settingErr.Hide()
	t.reload()
}

func (t *timeline) showSettingError(err error) {
	t.settingErr.SetText(sentence(err.Error()))
	t.settingErr.Show()
}

func monthsLabel(n int) string {
	return fmt.Sprintf("%d %s", n, plural(n, "month", "months"))
}
