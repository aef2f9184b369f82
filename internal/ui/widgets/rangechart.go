package widgets

import (
	"fmt"
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/salary"
)

// RangeChart draws one horizontal bar per salary range, from its minimum
// to its maximum on a common scale in the base currency, the median
// marked, the learner's target highlighted. An offer or job ad, which is
// one amount, is a dot where that amount falls, never a bar. A survey's
// median of reported pay for the row's country, when there is one, is a
// marker on the bar (a ringed line in another colour). Each row also says
// the figure in its own currency. Tapping a row opens it; tapping a
// marker opens the median.
type RangeChart struct {
	widget.BaseWidget
	rows   []salary.Compared
	base   string
	target func(salary.Range) bool
	// Scale, when above zero, is the amount at the right end of the scale,
	// so that two charts (market ranges, offers) draw on one scale; else
	// the chart's own highest figure is.
	Scale int64
	// OnTapped is called with the row tapped.
	OnTapped func(salary.Compared)
	// Reported gives the survey median to mark on a market row's bar, if
	// any; OnMarkerTapped is called with the median whose marker was
	// tapped.
	Reported       func(salary.Compared) (salary.ComparedReported, bool)
	OnMarkerTapped func(salary.ComparedReported)
}

// markerReach is how far from a marker, either side, a tap opens it.
const markerReach = 12

// NewRangeChart makes an empty chart; Set fills it.
func NewRangeChart() *RangeChart {
	c := &RangeChart{target: func(salary.Range) bool { return false }}
	c.ExtendBaseWidget(c)
	return c
}

// Set shows rows, converted to base; target tells the learner's own
// target, which is highlighted (nil for none).
func (c *RangeChart) Set(rows []salary.Compared, base string, target func(salary.Range) bool) {
	if target == nil {
		target = func(salary.Range) bool { return false }
	}
	c.rows, c.base, c.target = rows, base, target
	c.Refresh()
}

func (c *RangeChart) rowHeight() float32 {
	return c.Theme().Size(theme.SizeNameText) * 4.2
}

// Tapped opens the marker or else the row under the pointer.
func (c *RangeChart) Tapped(ev *fyne.PointEvent) {
	i := int(ev.Position.Y / c.rowHeight())
	if i < 0 || i >= len(c.rows) {
		return
	}
	if m, x, ok := c.marker(c.rows[i], c.style(c.Size().Width)); ok && c.OnMarkerTapped != nil {
		if d := ev.Position.X - x; d >= -markerReach && d <= markerReach {
			c.OnMarkerTapped(m)
			return
		}
	}
	if c.OnTapped != nil {
		c.OnTapped(c.rows[i])
	}
}

// marker is the survey median marked on a row, and where it is drawn.
func (c *RangeChart) marker(row salary.Compared, st chartStyle) (salary.ComparedReported, float32, bool) {
	if c.Reported == nil || row.Err != nil || row.IsOffer() {
		return salary.ComparedReported{}, 0, false
	}
	m, ok := c.Reported(row)
	if !ok || m.Err != nil {
		return salary.ComparedReported{}, 0, false
	}
	return m, st.barX + min(st.scale(m.BaseMedian), st.barW), true
}

// MarkerAt is where the marker of row i is drawn, for tests and
// screenshots; false when the row has none.
func (c *RangeChart) MarkerAt(i int) (fyne.Position, bool) {
	if i < 0 || i >= len(c.rows) {
		return fyne.Position{}, false
	}
	_, x, ok := c.marker(c.rows[i], c.style(c.Size().Width))
	return fyne.NewPos(x, (float32(i)+0.5)*c.rowHeight()), ok
}

// CreateRenderer draws the chart at once, at the size it has: Fyne makes a
// new renderer for a chart whose old one it dropped while the chart was off
// screen, and lays it out only when its size changes.
func (c *RangeChart) CreateRenderer() fyne.WidgetRenderer {
	r := &rangeChartRenderer{c: c, size: c.Size()}
	r.build()
	return r
}

type rangeChartRenderer struct {
	c       *RangeChart
	objects []fyne.CanvasObject
	size    fyne.Size
	drawn   drawnFor
}

func (r *rangeChartRenderer) MinSize() fyne.Size {
	return fyne.NewSize(420, r.c.rowHeight()*float32(max(len(r.c.rows), 1)))
}
func (r *rangeChartRenderer) Layout(s fyne.Size) {
	if !r.drawn.current(s) {
		r.size = s
		r.build()
	}
}
func (r *rangeChartRenderer) Refresh()                     { r.size = r.c.Size(); r.build(); canvas.Refresh(r.c) }
func (r *rangeChartRenderer) Destroy()                     {}
func (r *rangeChartRenderer) Objects() []fyne.CanvasObject { return r.objects }

// chartStyle is what a build draws with: the theme's colours and sizes,
// and where the columns are.
type chartStyle struct {
	fg, muted, primary, track, highlight, bg, survey color.Color
	text, small, pad                                 float32
	rowH, labelW, barX, barW                         float32
	top                                              int64
}

func (c *RangeChart) style(width float32) chartStyle {
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	st := chartStyle{
		fg: th.Color(theme.ColorNameForeground, v), muted: th.Color(theme.ColorNamePlaceHolder, v),
		primary: th.Color(theme.ColorNamePrimary, v), track: th.Color(theme.ColorNameInputBackground, v),
		highlight: th.Color(theme.ColorNameSelection, v), bg: th.Color(theme.ColorNameBackground, v),
		survey: th.Color(theme.ColorNameWarning, v),
		text:   th.Size(theme.SizeNameText), small: th.Size(theme.SizeNameCaptionText), pad: th.Size(theme.SizeNamePadding),
		rowH: c.rowHeight(), labelW: width * 0.3, top: c.Scale,
	}
	if st.top <= 0 {
		for _, row := range c.rows {
			if row.Err == nil && row.BaseMax > st.top {
				st.top = row.BaseMax
			}
		}
	}
	st.top = max(st.top, 1)
	valueW := fyne.MeasureText("€000k – €000k", st.text, fyne.TextStyle{Bold: true}).Width + 3*st.pad + markerRing/2
	st.barX = st.labelW + st.pad
	st.barW = max32(width-st.barX-valueW, 60)
	return st
}

func (st chartStyle) scale(v int64) float32 { return st.barW * float32(float64(v)/float64(st.top)) }

func (r *rangeChartRenderer) build() {
	r.drawn.built(r.size)
	r.objects = r.objects[:0]
	if r.size.Width <= 0 {
		return
	}
	st := r.c.style(r.size.Width)
	for i, row := range r.c.rows {
		r.drawRow(st, row, float32(i)*st.rowH)
	}
}

// drawRow draws one figure at height y: its name and original figure, the
// track, and its bar or dot with the amount in the base currency.
func (r *rangeChartRenderer) drawRow(st chartStyle, row salary.Compared, y float32) {
	isTarget := r.c.target(row.Range)
	if isTarget {
		// The row's text is drawn on the highlight and must read on it.
		under := Over(st.highlight, st.bg)
		st.fg, st.muted, st.survey = Legible(st.fg, under), Legible(st.muted, under), Legible(st.survey, under)
		bg := canvas.NewRectangle(st.highlight)
		bg.CornerRadius = 6
		bg.Move(fyne.NewPos(0, y+2))
		bg.Resize(fyne.NewSize(r.size.Width, st.rowH-4))
		r.objects = append(r.objects, bg)
	}
	name, original := rowText(row)
	if isTarget {
		name = "★ " + name
	}
	label := canvas.NewText(FitText(name, st.labelW-st.pad, st.text), st.fg)
	label.TextStyle = fyne.TextStyle{Bold: isTarget}
	label.Move(fyne.NewPos(st.pad, y+st.pad))
	small := canvas.NewText(FitText(original, st.labelW-st.pad, st.small), st.muted)
	small.TextSize = st.small
	small.Move(fyne.NewPos(st.pad, y+st.pad+st.text*1.5))
	r.objects = append(r.objects, label, small)

	barY, barH := y+st.rowH*0.3, st.rowH*0.4
	track := canvas.NewRectangle(st.track)
	track.CornerRadius = 4
	track.Move(fyne.NewPos(st.barX, barY))
	track.Resize(fyne.NewSize(st.barW, barH))
	r.objects = append(r.objects, track)
	if row.Err != nil {
		note := canvas.NewText(FitText("No rate for "+row.Currency+": add one under Rates", st.barW-st.pad, st.small), Legible(st.muted, Over(st.track, st.bg)))
		note.TextSize = st.small
		note.Move(fyne.NewPos(st.barX+st.pad, barY+(barH-st.small)/2-2))
		r.objects = append(r.objects, note)
		return
	}
	if row.IsOffer() {
		r.drawDot(st, row, barY, barH)
	} else {
		r.drawBar(st, row, barY, barH, isTarget)
		r.drawMarker(st, row, barY, barH)
	}
	value := canvas.NewText(salary.CompactRange(salary.Range{Currency: r.c.base, Min: row.BaseMin, Max: row.BaseMax}), st.fg)
	value.TextStyle = fyne.TextStyle{Bold: true}
	// Clear of a survey marker's ring at the bar's end.
	value.Move(fyne.NewPos(st.barX+st.barW+markerRing/2+2*st.pad, barY+(barH-st.text)/2-2))
	r.objects = append(r.objects, value)
}

// rowText is a row's name ("Germany · Junior", an offer's "Berlin, Germany
// · Junior") and its figure as given, with the year (and for an offer, who
// made it).
func rowText(row salary.Compared) (name, original string) {
	name = row.Place()
	if row.Level != salary.Unspecified {
		name += " · " + row.Level.Label()
	}
	original = salary.FormatRange(row.Range) + " · " + strconv.Itoa(row.Year)
	if row.IsOffer() && row.Source != "" {
		original += " · " + row.Source
	}
	return name, original
}

// drawBar draws a market range from its minimum to its maximum, and its
// median.
func (r *rangeChartRenderer) drawBar(st chartStyle, row salary.Compared, barY, barH float32, isTarget bool) {
	fill := Tint(st.primary, 0xb0)
	if isTarget {
		fill = st.primary
	}
	bar := canvas.NewRectangle(fill)
	bar.CornerRadius = 4
	bar.Move(fyne.NewPos(st.barX+st.scale(row.BaseMin), barY))
	bar.Resize(fyne.NewSize(max32(st.scale(row.BaseMax)-st.scale(row.BaseMin), 3), barH))
	r.objects = append(r.objects, bar)
	if row.BaseMedian != 0 {
		m := canvas.NewRectangle(st.fg)
		m.Move(fyne.NewPos(st.barX+st.scale(row.BaseMedian)-1, barY-3))
		m.Resize(fyne.NewSize(3, barH+6))
		r.objects = append(r.objects, m)
	}
}

// markerRing is the width of a survey marker's ring.
const markerRing = 11

// drawMarker draws a survey median on a market row's bar: a line across
// the bar, ringed at its top, in a colour apart from the bar's.
func (r *rangeChartRenderer) drawMarker(st chartStyle, row salary.Compared, barY, barH float32) {
	m, x, ok := r.c.marker(row, st)
	if !ok {
		return
	}
	line := canvas.NewRectangle(st.survey)
	line.Move(fyne.NewPos(x-1.5, barY-4))
	line.Resize(fyne.NewSize(3, barH+8))
	d := float32(markerRing)
	ring := canvas.NewCircle(st.bg)
	ring.StrokeColor, ring.StrokeWidth = st.survey, 3
	ring.Move(fyne.NewPos(x-d/2, barY-4-d+2))
	ring.Resize(fyne.NewSize(d, d))
	r.objects = append(r.objects, line, ring)
	// Its amount beside the ring, on the side with room.
	label := canvas.NewText(fmt.Sprintf("survey %d: %s", m.Year, salary.Compact(r.c.base, m.BaseMedian)), Legible(st.survey, st.bg))
	label.TextSize = st.small
	w := fyne.MeasureText(label.Text, st.small, fyne.TextStyle{}).Width
	lx := x + d/2 + 3
	if lx+w > st.barX+st.barW {
		lx = x - d/2 - 3 - w
	}
	label.Move(fyne.NewPos(lx, barY-4-d+2+(d-st.small)/2-2))
	r.objects = append(r.objects, label)
}

// drawDot draws an offer: a ringed dot where its one amount falls.
func (r *rangeChartRenderer) drawDot(st chartStyle, row salary.Compared, barY, barH float32) {
	d := barH + 4
	dot := canvas.NewCircle(st.primary)
	dot.StrokeColor, dot.StrokeWidth = st.fg, 2
	x := st.barX + st.scale(row.BaseMin) - d/2
	dot.Move(fyne.NewPos(min(max(x, st.barX-2), st.barX+st.barW-d+2), barY-2))
	dot.Resize(fyne.NewSize(d, d))
	r.objects = append(r.objects, dot)
}

func max32(a, b float32) float32 {
	if a > b {
		return a
	}
	return b
}

// Rows are the rows on the chart, in order.
func (c *RangeChart) Rows() []salary.Compared { return c.rows }

// IsTarget reports whether r is highlighted as the learner's target.
func (c *RangeChart) IsTarget(r salary.Range) bool { return c.target(r) }
