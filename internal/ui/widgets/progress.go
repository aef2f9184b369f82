package widgets

import (
	"image/color"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/dustin/go-humanize"
)

// WeekBar is one week of the chart: its hours planned and done.
type WeekBar struct {
	Start         time.Time
	Planned, Done float64
	Current       bool // the week holding today
}

// WeekChart draws one column per plan week: the planned hours as an
// outline, the logged hours as a bar inside it.
type WeekChart struct {
	widget.BaseWidget
	bars []WeekBar
}

// NewWeekChart makes an empty chart; Set fills it.
func NewWeekChart() *WeekChart {
	c := &WeekChart{}
	c.ExtendBaseWidget(c)
	return c
}

// Set shows the weeks.
func (c *WeekChart) Set(bars []WeekBar) { c.bars = bars; c.Refresh() }

// CreateRenderer draws the chart at once, at the size it has: Fyne makes a
// new renderer for a chart whose old one it dropped while the chart was off
// screen, and lays it out only when its size changes.
func (c *WeekChart) CreateRenderer() fyne.WidgetRenderer {
	r := &weekChartRenderer{c: c}
	r.build(c.Size())
	return r
}

type weekChartRenderer struct {
	c       *WeekChart
	objects []fyne.CanvasObject
	drawn   drawnFor
}

func (r *weekChartRenderer) MinSize() fyne.Size { return fyne.NewSize(300, 180) }
func (r *weekChartRenderer) Layout(s fyne.Size) {
	if !r.drawn.current(s) {
		r.build(s)
	}
}
func (r *weekChartRenderer) Refresh() { r.build(r.c.Size()); canvas.Refresh(r.c) }
func (r *weekChartRenderer) Destroy() {}
func (r *weekChartRenderer) Objects() []fyne.CanvasObject {
	return r.objects
}

// build draws the chart anew in the theme of the moment: a few hundred
// primitives, cheap to make, and never a colour left from another theme.
func (r *weekChartRenderer) build(size fyne.Size) {
	r.drawn.built(size)
	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	primary, fg, muted := th.Color(theme.ColorNamePrimary, v), th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNamePlaceHolder, v)
	small := th.Size(theme.SizeNameCaptionText)
	r.objects = nil
	bars := r.c.bars
	if len(bars) == 0 || size.Width <= 0 {
		return
	}
	top := 0.0
	for _, b := range bars {
		top = math.Max(top, math.Max(b.Planned, b.Done))
	}
	if top == 0 {
		top = 1
	}
	axisW := fyne.MeasureText("00 h", small, fyne.TextStyle{}).Width + 4
	labelH := small * 1.6
	base := size.Height - labelH // the zero line
	// Room above the top line for its label, which is centred on it.
	chartH := base - small/2 - 2
	colW := (size.Width - axisW) / float32(len(bars))
	scale := func(h float64) float32 { return chartH * float32(h/top) }
	for _, frac := range []float64{0, 0.5, 1} {
		y := base - scale(top*frac)
		line := canvas.NewRectangle(Tint(muted, 0x50))
		line.Move(fyne.NewPos(axisW, y))
		line.Resize(fyne.NewSize(size.Width-axisW, 1))
		t := canvas.NewText(humanize.FtoaWithDigits(top*frac, 0)+" h", muted)
		t.TextSize = small
		t.Move(fyne.NewPos(0, y-small/2-2))
		r.objects = append(r.objects, line, t)
	}
	for i, b := range bars {
		x := axisW + float32(i)*colW
		outline := canvas.NewRectangle(color.Transparent)
		outline.StrokeColor, outline.StrokeWidth = Tint(fg, 0x90), 1
		outline.Move(fyne.NewPos(x+colW*0.15, base-scale(b.Planned)))
		outline.Resize(fyne.NewSize(colW*0.7, scale(b.Planned)))
		fill := primary
		if b.Done < b.Planned*0.8 && !b.Current {
			fill = Tint(primary, 0x90)
		}
		bar := canvas.NewRectangle(fill)
		bar.Move(fyne.NewPos(x+colW*0.25, base-scale(b.Done)))
		bar.Resize(fyne.NewSize(colW*0.5, scale(b.Done)))
		r.objects = append(r.objects, outline, bar)
		if b.Start.Day() <= 7 || i == 0 { // label the first week of each month
			t := canvas.NewText(b.Start.Format("Jan"), muted)
			t.TextSize = small
			if b.Current {
				t.Color = Legible(primary, th.Color(theme.ColorNameBackground, v))
			}
			t.Move(fyne.NewPos(x, base+2))
			r.objects = append(r.objects, t)
		}
	}
}
