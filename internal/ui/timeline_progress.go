package ui

import (
	"fmt"
	"math"
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
	schedule       *widget.Label
	scheduleDetail *widget.Label
	finish         *widget.Label
	streak         *widget.Label
	streakRule     *widget.Label
	thisWeek       *widget.Label
	chart          *widgets.WeekChart
	heatmap        *widgets.Heatmap
	root           fyne.CanvasObject
}

func newProgressTab() *progressTab {
	p := &progressTab{chart: widgets.NewWeekChart(), heatmap: widgets.NewHeatmap()}
	// The heatmap names a day as the rest of the app does, in this
	// learner's order: "Tue 3 Nov 2026" or "Tue Nov 3, 2026".
	p.heatmap.FormatDate = func(d time.Time) string { return d.Format("Mon ") + longDate(d) }
	big := func() *widget.Label {
		l := widget.NewLabel("")
		l.TextStyle = fyne.TextStyle{Bold: true}
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	p.schedule, p.finish, p.streak, p.thisWeek = big(), big(), big(), big()
	p.scheduleDetail, p.streakRule = wrappedLabel(""), wrappedLabel("")
	cards := responsiveGrid(
		widget.NewCard("Against the plan", "", container.NewVBox(p.schedule, p.scheduleDetail)),
		widget.NewCard("Projected finish", "", p.finish),
		widget.NewCard("Streak", "", container.NewVBox(p.streak, p.streakRule)),
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
	schedule, scheduleDetail, finish, streak, streakRule, thisWeek string
	projection                                                     plan.Projection
}

func progressHeadlines(p plan.Plan, f plan.Forecast, minutes map[time.Time]int, today time.Time) headlines {
	var h headlines
	st := p.StandingOn(minutes, f.RemainingHours, today)
	h.schedule, h.scheduleDetail = standingText(p.Settings, st)
	h.finish, h.projection = projectionText(st.Projection), st.Projection
	cur, long := plan.Streaks(minutes, p.Settings, today)
	h.streak = fmt.Sprintf("%d %s (longest %d)", cur, plural(cur, "day", "days"), long)
	h.streakRule = streakRule(p.Settings)
	// The same week, and the same target, as the Today card's.
	w := p.WeekOf(minutes, today)
	h.thisWeek = fmt.Sprintf("%s of %s studied", plan.FormatMinutes(int(math.Round(w.Studied*60))), plan.FormatMinutes(int(math.Round(w.Planned*60))))
	return h
}

// standingText is the headline and the sentence under it for how the
// learner stands against the time the plan gave the days so far.
func standingText(s plan.Settings, st plan.Standing) (headline, detail string) {
	if !st.Started {
		return "The plan starts " + humanize.Time(s.StartDate), "Nothing is due before " + longDate(s.StartDate) + "."
	}
	detail = fmt.Sprintf("%s studied of the %s the plan gave the days before today.",
		plan.FormatMinutes(int(math.Round(st.StudiedHours*60))), plan.FormatMinutes(int(math.Round(st.PlannedHours*60))))
	switch n := st.DaysAhead; {
	case n > 0:
		return fmt.Sprintf("%d study %s ahead", n, plural(n, "day", "days")), detail
	case n < 0:
		return fmt.Sprintf("%d study %s behind", -n, plural(-n, "day", "days")), detail
	}
	return "On schedule", detail
}

// projectionText is the finish date at the learner's real pace, or why
// there is none yet.
func projectionText(pr plan.Projection) string {
	switch {
	case !pr.Ready:
		return fmt.Sprintf("In %d %s: two weeks of study show your pace; a few days do not", pr.DaysToWait, plural(pr.DaysToWait, "day", "days"))
	case pr.Pace == 0:
		return "Nothing logged in the last four weeks: log your study to see when you will finish"
	case pr.Finish.IsZero():
		return fmt.Sprintf("More than ten years away at your recent %s", weeklyHours(pr.Pace))
	}
	return fmt.Sprintf("%s (%s) at your recent %s", longDate(pr.Finish), humanize.Time(pr.Finish), weeklyHours(pr.Pace))
}

// streakRule says what makes a day count, where the streak is shown.
func streakRule(s plan.Settings) string {
	return fmt.Sprintf("A day counts with %s of study. Days off and days you do not study on do not break it.", plan.FormatMinutes(s.MinStreakMinutes))
}

func (p *progressTab) show(pl plan.Plan, f plan.Forecast, minutes map[time.Time]int, today time.Time) {
	h := progressHeadlines(pl, f, minutes, today)
	p.schedule.SetText(h.schedule)
	p.scheduleDetail.SetText(h.scheduleDetail)
	p.finish.SetText(h.finish)
	p.streak.SetText(h.streak)
	p.streakRule.SetText(h.streakRule)
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
