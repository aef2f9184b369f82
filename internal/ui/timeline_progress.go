package ui

import (
	"fmt"
	"image/color"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/dustin/go-humanize"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// progressTab sets what was done against what was planned: the headline
// numbers, hours per week as a chart, and a year of study as a heatmap.
type progressTab struct {
	schedule *widget.Label
	finish   *widget.Label
	streak   *widget.Label
	thisWeek *widget.Label
	chart    *weekChart
	heatmap  *heatmap
	root     fyne.CanvasObject
}

func newProgressTab() *progressTab {
	p := &progressTab{chart: newWeekChart(), heatmap: newHeatmap()}
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
	bars := make([]weekBar, len(planned))
	ws := plan.WeekStart(pl.Settings.StartDate, pl.Settings.WeekStart)
	for i := range planned {
		start := ws.AddDate(0, 0, 7*i)
		done := 0
		for d := start; d.Before(start.AddDate(0, 0, 7)); d = d.AddDate(0, 0, 1) {
			done += minutes[d]
		}
		bars[i] = weekBar{start: start, planned: planned[i], done: float64(done) / 60, current: !today.Before(start) && today.Before(start.AddDate(0, 0, 7))}
	}
	p.chart.set(bars)
	p.heatmap.set(minutes, today, pl.Settings.WeekStart)
}

type weekBar struct {
	start         time.Time
	planned, done float64
	current       bool
}

// weekChart draws one column per plan week: the planned hours as an
// outline, the logged hours as a bar inside it.
type weekChart struct {
	widget.BaseWidget
	bars []weekBar
}

func newWeekChart() *weekChart {
	c := &weekChart{}
	c.ExtendBaseWidget(c)
	return c
}

func (c *weekChart) set(bars []weekBar) { c.bars = bars; c.Refresh() }

func (c *weekChart) CreateRenderer() fyne.WidgetRenderer { return &weekChartRenderer{c: c} }

type weekChartRenderer struct {
	c       *weekChart
	objects []fyne.CanvasObject
	size    fyne.Size
}

func (r *weekChartRenderer) MinSize() fyne.Size { return fyne.NewSize(300, 180) }
func (r *weekChartRenderer) Layout(s fyne.Size) { r.size = s; r.build() }
func (r *weekChartRenderer) Refresh()           { r.build(); canvas.Refresh(r.c) }
func (r *weekChartRenderer) Destroy()           {}
func (r *weekChartRenderer) Objects() []fyne.CanvasObject {
	return r.objects
}

func (r *weekChartRenderer) build() {
	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	primary, fg, muted := th.Color(theme.ColorNamePrimary, v), th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNamePlaceHolder, v)
	small := th.Size(theme.SizeNameCaptionText)
	r.objects = r.objects[:0]
	bars := r.c.bars
	if len(bars) == 0 || r.size.Width <= 0 {
		return
	}
	top := 0.0
	for _, b := range bars {
		top = math.Max(top, math.Max(b.planned, b.done))
	}
	if top == 0 {
		top = 1
	}
	axisW := fyne.MeasureText("00 h", small, fyne.TextStyle{}).Width + 4
	labelH := small * 1.6
	chartH := r.size.Height - labelH
	colW := (r.size.Width - axisW) / float32(len(bars))
	scale := func(h float64) float32 { return chartH * float32(h/top) }
	for _, frac := range []float64{0, 0.5, 1} {
		y := chartH - scale(top*frac)
		line := canvas.NewRectangle(withAlpha(muted, 0x50))
		line.Move(fyne.NewPos(axisW, y))
		line.Resize(fyne.NewSize(r.size.Width-axisW, 1))
		t := canvas.NewText(humanize.FtoaWithDigits(top*frac, 0)+" h", muted)
		t.TextSize = small
		t.Move(fyne.NewPos(0, y-small/2-2))
		r.objects = append(r.objects, line, t)
	}
	for i, b := range bars {
		x := axisW + float32(i)*colW
		outline := canvas.NewRectangle(color.Transparent)
		outline.StrokeColor, outline.StrokeWidth = withAlpha(fg, 0x90), 1
		outline.Move(fyne.NewPos(x+colW*0.15, chartH-scale(b.planned)))
		outline.Resize(fyne.NewSize(colW*0.7, scale(b.planned)))
		fill := primary
		if b.done < b.planned*0.8 && !b.current {
			fill = withAlpha(primary, 0x90)
		}
		bar := canvas.NewRectangle(fill)
		bar.Move(fyne.NewPos(x+colW*0.25, chartH-scale(b.done)))
		bar.Resize(fyne.NewSize(colW*0.5, scale(b.done)))
		r.objects = append(r.objects, outline, bar)
		if b.start.Day() <= 7 || i == 0 { // label the first week of each month
			t := canvas.NewText(b.start.Format("Jan"), muted)
			t.TextSize = small
			if b.current {
				t.Color = primary
			}
			t.Move(fyne.NewPos(x, chartH+2))
			r.objects = append(r.objects, t)
		}
	}
}

// heatmap is a year of study days, one square a day, darker the longer
// studied, weeks as columns.
type heatmap struct {
	widget.BaseWidget
	minutes   map[time.Time]int
	today     time.Time
	weekStart time.Weekday
}

func newHeatmap() *heatmap {
	h := &heatmap{}
	h.ExtendBaseWidget(h)
	return h
}

func (h *heatmap) set(minutes map[time.Time]int, today time.Time, weekStart time.Weekday) {
	h.minutes, h.today, h.weekStart = minutes, plan.Date(today), weekStart
	h.Refresh()
}

func (h *heatmap) CreateRenderer() fyne.WidgetRenderer { return &heatmapRenderer{h: h} }

type heatmapRenderer struct {
	h       *heatmap
	objects []fyne.CanvasObject
	size    fyne.Size
}

const heatmapWeeks = 53

func (r *heatmapRenderer) MinSize() fyne.Size { return fyne.NewSize(heatmapWeeks*8, 7*14+24) }
func (r *heatmapRenderer) Layout(s fyne.Size) { r.size = s; r.build() }
func (r *heatmapRenderer) Refresh()           { r.build(); canvas.Refresh(r.h) }
func (r *heatmapRenderer) Destroy()           {}
func (r *heatmapRenderer) Objects() []fyne.CanvasObject {
	return r.objects
}

func (r *heatmapRenderer) build() {
	h := r.h
	th := h.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	primary, empty, muted := th.Color(theme.ColorNamePrimary, v), th.Color(theme.ColorNameInputBackground, v), th.Color(theme.ColorNamePlaceHolder, v)
	small := th.Size(theme.SizeNameCaptionText)
	r.objects = r.objects[:0]
	if h.today.IsZero() || r.size.Width <= 0 {
		return
	}
	labelH := small * 1.6
	cell := float32(math.Min(float64(r.size.Width/heatmapWeeks), float64((r.size.Height-labelH)/7)))
	if cell > 16 {
		cell = 16
	}
	first := plan.WeekStart(h.today, h.weekStart).AddDate(0, 0, -7*(heatmapWeeks-1))
	for w := 0; w < heatmapWeeks; w++ {
		for d := 0; d < 7; d++ {
			day := first.AddDate(0, 0, 7*w+d)
			if day.After(h.today) {
				continue
			}
			m := h.minutes[day]
			fill := empty
			switch {
			case m >= 120:
				fill = primary
			case m >= 60:
				fill = withAlpha(primary, 0xb0)
			case m >= 30:
				fill = withAlpha(primary, 0x78)
			case m > 0:
				fill = withAlpha(primary, 0x40)
			}
			sq := canvas.NewRectangle(fill)
			sq.CornerRadius = 2
			sq.Move(fyne.NewPos(float32(w)*cell+1, labelH+float32(d)*cell+1))
			sq.Resize(fyne.NewSize(cell-2, cell-2))
			r.objects = append(r.objects, sq)
		}
		if start := first.AddDate(0, 0, 7*w); start.Day() <= 7 {
			t := canvas.NewText(start.Format("Jan"), muted)
			t.TextSize = small
			t.Move(fyne.NewPos(float32(w)*cell, 0))
			r.objects = append(r.objects, t)
		}
	}
}
