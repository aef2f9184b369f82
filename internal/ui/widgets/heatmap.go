package widgets

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// Heatmap is a year of study days, one square a day, darker the longer
// studied, weeks as columns. The weekdays are written on the left, from the
// plan's first day of the week, the months along the top, and a legend
// under the grid says what each shade means. Under the legend a line names
// the day the pointer rests on, or the day last tapped; with neither, it
// gives the best week, so the heatmap says something without a pointer.
// (Fyne has no tooltips; a line that stays in place is also easier to
// read than one that follows the pointer.)
type Heatmap struct {
	widget.BaseWidget

	// FormatDate writes a day on the line under the grid; nil writes
	// "Tue 3 Nov 2026".
	FormatDate func(time.Time) string

	minutes   map[time.Time]int
	reviews   map[time.Time]int // interview practice reviews, named on the line under the grid
	today     time.Time
	weekStart time.Weekday
	hovered   time.Time // the day under the pointer; zero for none
	picked    time.Time // the day last tapped; zero for none
}

// NewHeatmap makes an empty heatmap; Set fills it.
func NewHeatmap() *Heatmap {
	h := &Heatmap{}
	h.ExtendBaseWidget(h)
	return h
}

// SetReviews gives the interview practice reviews of each day, which the
// line under the grid names beside the time studied (the shades stay the
// time).
func (h *Heatmap) SetReviews(reviews map[time.Time]int) {
	h.reviews = reviews
	h.Refresh()
}

// Set shows the minutes studied each day of the year up to today.
func (h *Heatmap) Set(minutes map[time.Time]int, today time.Time, weekStart time.Weekday) {
	h.minutes, h.today, h.weekStart = minutes, plan.Date(today), weekStart
	// A day pointed at or tapped stays named while the year around it
	// is read again (a session logged, the plan saved).
	if !h.shows(h.picked) {
		h.picked = time.Time{}
	}
	if !h.shows(h.hovered) {
		h.hovered = time.Time{}
	}
	h.Refresh()
}

const heatmapWeeks = 53

// heatLevels are the shades a day can take, from the least study up. The
// steps are fixed durations rather than ones relative to the learner's
// streak minimum: a square keeps its shade when that setting changes, the
// legend reads as plain time, and the hour and two hours match the month
// calendar's shades. (The streak card already says which days count.)
var heatLevels = []struct {
	from  int // minutes
	alpha uint8
}{{1, 0x40}, {30, 0x78}, {60, 0xb0}, {120, 0xff}}

// heatLevel is the shade of a day of m minutes: an index into heatLevels,
// or -1 for none.
func heatLevel(m int) int {
	level := -1
	for i, l := range heatLevels {
		if m >= l.from {
			level = i
		}
	}
	return level
}

// heatLevelText says what shade level means: "none", "under 30 min",
// "30 min to 1 h", "2 h or more".
func heatLevelText(level int) string {
	switch {
	case level < 0:
		return "none"
	case level == 0:
		return "under " + plan.FormatMinutes(heatLevels[1].from)
	case level == len(heatLevels)-1:
		return plan.FormatMinutes(heatLevels[level].from) + " or more"
	}
	return plan.FormatMinutes(heatLevels[level].from) + " to " + plan.FormatMinutes(heatLevels[level+1].from)
}

// first is the day at the top of the first column: the grid ends with the
// week holding today.
func (h *Heatmap) first() time.Time {
	return plan.WeekStart(h.today, h.weekStart).AddDate(0, 0, -7*(heatmapWeeks-1))
}

// shows reports whether day has a square: in the grid, and not after today.
func (h *Heatmap) shows(day time.Time) bool {
	return !day.IsZero() && !h.today.IsZero() && !day.Before(h.first()) && !day.After(h.today)
}

// heatmapGeometry is where the parts of the heatmap go at one size.
type heatmapGeometry struct {
	small, textH float32 // the labels' text size and line height
	gutter       float32 // the weekday labels' column
	top          float32 // the month labels' row
	cell         float32 // a day's square and the gap after it
	legendY      float32
	lineY        float32 // the line naming a day or the best week
}

// The heatmap's measures: the gap between the grid, the legend and the
// line under it, and how small and large a day's square may be.
const (
	heatGap     = 6
	heatMinCell = 8  // the smallest square that can still be pointed at
	heatMaxCell = 16 // larger squares only spread the year out
	heatMinRow  = 14 // the height a square gets at the heatmap's least size
)

func (h *Heatmap) geometry(size fyne.Size) heatmapGeometry {
	small := h.Theme().Size(theme.SizeNameCaptionText)
	g := heatmapGeometry{small: small, textH: fyne.MeasureText("Mg", small, fyne.TextStyle{}).Height}
	for d := time.Sunday; d <= time.Saturday; d++ {
		g.gutter = max(g.gutter, fyne.MeasureText(d.String()[:3], small, fyne.TextStyle{}).Width)
	}
	g.gutter += heatGap
	g.top = g.textH + 2
	below := 2*heatGap + 2*g.textH
	g.cell = min((size.Width-g.gutter)/heatmapWeeks, (size.Height-g.top-below)/7, heatMaxCell)
	g.legendY = g.top + 7*g.cell + heatGap
	g.lineY = g.legendY + g.textH + heatGap
	return g
}

// dayAt is the day whose square holds p, if any.
func (h *Heatmap) dayAt(p fyne.Position) (time.Time, bool) {
	g := h.geometry(h.Size())
	if g.cell <= 0 || p.X < g.gutter || p.Y < g.top {
		return time.Time{}, false
	}
	col, row := int((p.X-g.gutter)/g.cell), int((p.Y-g.top)/g.cell)
	if col >= heatmapWeeks || row >= 7 {
		return time.Time{}, false
	}
	day := h.first().AddDate(0, 0, 7*col+row)
	return day, h.shows(day)
}

// MouseIn and MouseMoved name the day under the pointer.
func (h *Heatmap) MouseIn(ev *desktop.MouseEvent)    { h.hover(ev.Position) }
func (h *Heatmap) MouseMoved(ev *desktop.MouseEvent) { h.hover(ev.Position) }

// MouseOut goes back to the day tapped, or to the best week.
func (h *Heatmap) MouseOut() { h.setHovered(time.Time{}) }

func (h *Heatmap) hover(p fyne.Position) {
	day, _ := h.dayAt(p)
	h.setHovered(day)
}

func (h *Heatmap) setHovered(day time.Time) {
	if !h.shows(day) {
		day = time.Time{}
	}
	if !day.Equal(h.hovered) {
		h.hovered = day
		h.Refresh()
	}
}

// Tapped keeps the day tapped named after the pointer leaves, for a touch
// screen and for reading it at leisure; a tap beside the days lets it go.
func (h *Heatmap) Tapped(ev *fyne.PointEvent) {
	day, ok := h.dayAt(ev.Position)
	if !ok {
		day = time.Time{}
	}
	h.picked = day
	h.hovered = time.Time{}
	h.Refresh()
}

// shown is the day the line under the grid names: the one pointed at,
// else the one tapped; zero for none.
func (h *Heatmap) shown() time.Time {
	if !h.hovered.IsZero() {
		return h.hovered
	}
	return h.picked
}

func (h *Heatmap) formatDate(d time.Time) string {
	if h.FormatDate != nil {
		return h.FormatDate(d)
	}
	return d.Format("Mon 2 Jan 2006")
}

// lines are what the line under the grid may say, longest first: it says
// the first that fits.
func (h *Heatmap) lines() []string {
	if d := h.shown(); !d.IsZero() {
		name := h.formatDate(d)
		if d.Equal(h.today) {
			name += ", today"
		}
		reviewed := ""
		if n := h.reviews[d]; n > 0 {
			reviewed = fmt.Sprintf(", %d practice reviews", n)
		}
		if m := h.minutes[d]; m > 0 {
			return []string{fmt.Sprintf("%s: %s studied%s", name, plan.FormatMinutes(m), reviewed)}
		}
		return []string{name + ": nothing logged" + reviewed}
	}
	best, from, days := h.bestWeek()
	if days == 0 {
		return []string{"Nothing logged in the last year yet: each day you log fills in its square.", "Nothing logged yet."}
	}
	week := fmt.Sprintf("Best week: %s, from %s.", plan.FormatMinutes(best), h.formatDate(from))
	return []string{
		fmt.Sprintf("%s Studied on %s. Point at or tap a day for its time.", week, countDays(days)),
		week + " Point at or tap a day for its time.",
		week,
	}
}

// bestWeek is the week of the grid with the most study, the latest of
// equals, by its first day, and how many days of the grid were studied.
func (h *Heatmap) bestWeek() (minutes int, from time.Time, days int) {
	first := h.first()
	for w := 0; w < heatmapWeeks; w++ {
		start, sum := first.AddDate(0, 0, 7*w), 0
		for d := 0; d < 7; d++ {
			day := start.AddDate(0, 0, d)
			if m := h.minutes[day]; m > 0 && !day.After(h.today) {
				sum += m
				days++
			}
		}
		if sum > 0 && sum >= minutes {
			minutes, from = sum, start
		}
	}
	return minutes, from, days
}

func countDays(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}

// CreateRenderer draws the heatmap at once, at the size it has, as the
// week chart's does.
func (h *Heatmap) CreateRenderer() fyne.WidgetRenderer {
	r := &heatmapRenderer{h: h}
	r.build(h.Size())
	return r
}

type heatmapRenderer struct {
	h       *Heatmap
	objects []fyne.CanvasObject
	drawn   drawnFor
}

// MinSize leaves room for the whole legend and squares of heatMinRow,
// never narrower than squares can be pointed at.
func (r *heatmapRenderer) MinSize() fyne.Size {
	g := r.h.geometry(fyne.Size{})
	width := max(g.gutter+heatmapWeeks*heatMinCell, r.legendWidth(g))
	below := 2*heatGap + 2*g.textH
	return fyne.NewSize(width, g.top+7*heatMinRow+below)
}

func (r *heatmapRenderer) Layout(s fyne.Size) {
	if !r.drawn.current(s) {
		r.build(s)
	}
}
func (r *heatmapRenderer) Refresh() { r.build(r.h.Size()); canvas.Refresh(r.h) }
func (r *heatmapRenderer) Destroy() {}
func (r *heatmapRenderer) Objects() []fyne.CanvasObject {
	return r.objects
}

// heatPalette is the theme's colours the heatmap is drawn in.
type heatPalette struct {
	primary, empty, muted, fg color.Color
}

func (p heatPalette) shade(level int) color.Color {
	if level < 0 {
		return p.empty
	}
	return Tint(p.primary, heatLevels[level].alpha)
}

// build draws the heatmap anew in the theme of the moment, as the week
// chart does.
func (r *heatmapRenderer) build(size fyne.Size) {
	r.drawn.built(size)
	h := r.h
	th := h.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	pal := heatPalette{primary: th.Color(theme.ColorNamePrimary, v), empty: th.Color(theme.ColorNameInputBackground, v),
		muted: th.Color(theme.ColorNamePlaceHolder, v), fg: th.Color(theme.ColorNameForeground, v)}
	r.objects = nil
	if h.today.IsZero() || size.Width <= 0 {
		return
	}
	g := h.geometry(size)
	if g.cell <= 2 {
		return
	}
	r.drawDays(g, pal)
	r.drawWeekdays(g, pal)
	r.drawMonths(g, pal, size.Width)
	r.drawLegend(g, pal)
	r.drawLine(g, pal, size.Width)
}

func (r *heatmapRenderer) text(s string, c color.Color, g heatmapGeometry, at fyne.Position) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize = g.small
	t.Move(at)
	t.Resize(t.MinSize())
	r.objects = append(r.objects, t)
	return t
}

func (r *heatmapRenderer) square(fill color.Color, at fyne.Position, side float32) *canvas.Rectangle {
	sq := canvas.NewRectangle(fill)
	sq.CornerRadius = 2
	sq.Move(at)
	sq.Resize(fyne.NewSize(side, side))
	r.objects = append(r.objects, sq)
	return sq
}

// drawDays draws a square a day up to today, the day named below outlined.
func (r *heatmapRenderer) drawDays(g heatmapGeometry, pal heatPalette) {
	h := r.h
	first, shown := h.first(), h.shown()
	for w := 0; w < heatmapWeeks; w++ {
		for d := 0; d < 7; d++ {
			day := first.AddDate(0, 0, 7*w+d)
			if day.After(h.today) {
				continue
			}
			sq := r.square(pal.shade(heatLevel(h.minutes[day])), fyne.NewPos(g.gutter+float32(w)*g.cell+1, g.top+float32(d)*g.cell+1), g.cell-2)
			if day.Equal(shown) {
				sq.StrokeColor, sq.StrokeWidth = pal.fg, 1.5
			}
		}
	}
}

// drawWeekdays writes the weekdays beside their rows: every row where the
// squares are as tall as a line of text, else every other row from the
// first, as squares too small for a word each still leave the week's
// first day named.
func (r *heatmapRenderer) drawWeekdays(g heatmapGeometry, pal heatPalette) {
	every := 1
	if g.cell < g.textH {
		every = 2
	}
	first := r.h.first()
	for d := 0; d < 7; d += every {
		name := first.AddDate(0, 0, d).Weekday().String()[:3]
		r.text(name, pal.muted, g, fyne.NewPos(0, g.top+float32(d)*g.cell+(g.cell-g.textH)/2))
	}
}

// drawMonths writes each month over the first week that starts in it,
// kept inside the heatmap and clear of the month before.
func (r *heatmapRenderer) drawMonths(g heatmapGeometry, pal heatPalette, width float32) {
	first := r.h.first()
	end := float32(-1)
	for w := 0; w < heatmapWeeks; w++ {
		start := first.AddDate(0, 0, 7*w)
		if start.Day() > 7 {
			continue
		}
		name := start.Format("Jan")
		x := min(g.gutter+float32(w)*g.cell, width-fyne.MeasureText(name, g.small, fyne.TextStyle{}).Width)
		if x < end+4 {
			continue
		}
		end = r.text(name, pal.muted, g, fyne.NewPos(x, 0)).MinSize().Width + x
	}
}

// legendSwatch is the side of a legend square: a line of text's height at
// most, so the legend is one line.
func (g heatmapGeometry) legendSwatch() float32 { return min(g.cell-2, g.textH-2) }

// legendWidth is how wide the legend is drawn.
func (r *heatmapRenderer) legendWidth(g heatmapGeometry) float32 {
	x := g.gutter
	for level := -1; level < len(heatLevels); level++ {
		x += g.textH + fyne.MeasureText(heatLevelText(level), g.small, fyne.TextStyle{}).Width + 2*heatGap
	}
	return x
}

// drawLegend draws each shade with what it means beside it, under the
// grid, from the weekdays' column on.
func (r *heatmapRenderer) drawLegend(g heatmapGeometry, pal heatPalette) {
	x, side := g.gutter, g.legendSwatch()
	for level := -1; level < len(heatLevels); level++ {
		r.square(pal.shade(level), fyne.NewPos(x+1, g.legendY+(g.textH-side)/2), side)
		x += g.textH
		t := r.text(heatLevelText(level), pal.muted, g, fyne.NewPos(x, g.legendY))
		x += t.MinSize().Width + 2*heatGap
	}
}

// drawLine writes the line under the legend: the longest of its wordings
// that fits.
func (r *heatmapRenderer) drawLine(g heatmapGeometry, pal heatPalette, width float32) {
	lines := r.h.lines()
	say := lines[len(lines)-1]
	for _, l := range lines {
		if fyne.MeasureText(l, g.small, fyne.TextStyle{}).Width <= width {
			say = l
			break
		}
	}
	r.text(FitText(say, width, g.small), pal.fg, g, fyne.NewPos(0, g.lineY))
}

var (
	_ desktop.Hoverable = (*Heatmap)(nil)
	_ fyne.Tappable     = (*Heatmap)(nil)
)
