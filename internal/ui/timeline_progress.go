package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/dustin/go-humanize"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// progressTab sets what was done against what was planned: the headline
// numbers, hours per week as a chart, and a year of study as a heatmap.
type progressTab struct {
	schedule *widget.Label
	finish   *widget.Label
	streak   *widget.Label
	thisWeek *widget.Label
	chart    *widgets.WeekChart
	heatmap  *widgets.Heatmap
	root     fyne.CanvasObject
}

func newProgressTab() *progressTab {
	p := &progressTab{chart: widgets.NewWeekChart(), heatmap: widgets.NewHeatmap()}
	big := func() *widget.Label {
		l := widget.NewLabel("")
		l.TextStyle = fyne.TextStyle{Bold: true}
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	p.schedule, p.finish, p.streak, p.thisWeek = big(), big(), big(), big()
	cards := container.NewAdaptiveGrid(2,
		widget.NewCard("Against the plan", "", p.schedule),
		widget.NewCard("Projected finish", "", p.finish),
		widget.NewCard("Streak", "", p.streak),
		widget.NewCard("This week", "", p.thisWeek),
	)
	legend := widget.NewLabel("Hours per week: the outline is what the plan set when it was made, the bar what you logged.")
	legend.Wrapping = fyne.TextWrapWord
	p.root = container.NewVScroll(container.NewVBox(
		cards,
		widget.NewCard("Planned and done", "", container.NewVBox(legend, p.chart)),
		widget.NewCard("The last 365 days", "", p.heatmap),
	))
	return p
}

// headlines are the four numbers the progress tab and the dashboard share.
type headlines struct {
	schedule, finish, streak, thisWeek string
}

func progressHeadlines(p plan.Plan, f plan.Forecast, minutes map[time.Time]int, today time.Time) headlines {
	var h headlines
	switch ahead := p.DaysAhead(f.RemainingHours, today); {
	case today.Before(p.Settings.StartDate):
		h.schedule = "The plan starts " + humanize.Time(p.Settings.StartDate)
	case ahead > 0:
		h.schedule = fmt.Sprintf("%d %s ahead", ahead, plural(ahead, "day", "days"))
	case ahead < 0:
		h.schedule = fmt.Sprintf("%d %s behind", -ahead, plural(-ahead, "day", "days"))
	default:
		h.schedule = "On schedule"
	}
	pace := plan.RecentPace(minutes, today)
	if end, ok := plan.ProjectedFinish(f.RemainingHours, pace, today); ok {
		h.finish = fmt.Sprintf("%s (%s) at your recent %s h a week", longDate(end), humanize.Time(end), humanize.FtoaWithDigits(pace, 1))
	} else {
		h.finish = "Log some study to see when you will finish at your real pace"
	}
	cur, long := plan.Streaks(minutes, p.Settings, today)
	h.streak = fmt.Sprintf("%d %s (longest %d)", cur, plural(cur, "day", "days"), long)
	ws := plan.WeekStart(today, p.Settings.WeekStart)
	done := 0
	for d := ws; d.Before(ws.AddDate(0, 0, 7)); d = d.AddDate(0, 0, 1) {
		done += minutes[d]
	}
	h.thisWeek = fmt.Sprintf("%s of %s h studied", hoursText(float64(done)/60), humanize.FtoaWithDigits(p.Settings.HoursPerWeek, 1))
	return h
}

func (p *progressTab) show(pl plan.Plan, f plan.Forecast, minutes map[time.Time]int, today time.Time) {
	h := progressHeadlines(pl, f, minutes, today)
	p.schedule.SetText(h.schedule)
	p.finish.SetText(h.finish)
	p.streak.SetText(h.streak)
	p.thisWeek.SetText(h.thisWeek)

	planned := pl.BaselineWeeks()
	bars := make([]widgets.WeekBar, len(planned))
	ws := plan.WeekStart(pl.Settings.StartDate, pl.Settings.WeekStart)
	for i := range planned {
		start := ws.AddDate(0, 0, 7*i)
		done := 0
		for d := start; d.Before(start.AddDate(0, 0, 7)); d = d.AddDate(0, 0, 1) {
			done += minutes[d]
		}
		bars[i] = widgets.WeekBar{Start: start, Planned: planned[i], Done: float64(done) / 60, Current: !today.Before(start) && today.Before(start.AddDate(0, 0, 7))}
	}
	p.chart.Set(bars)
	p.heatmap.Set(minutes, today, pl.Settings.WeekStart)
}
