package widgets

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/salary"
)

// RangeChart draws one horizontal bar per salary, from its minimum to its
// maximum on a common scale in the base currency, the median marked, the
// learner's target highlighted. Each row also says the range in its own
// currency. Tapping a row opens it.
type RangeChart struct {
	widget.BaseWidget
	rows   []salary.Compared
	base   string
	target func(salary.Range) bool
	// OnTapped is called with the row tapped.
	OnTapped func(salary.Compared)
}

// NewRangeChart makes an empty chart; Set fills it.
func NewRangeChart() *RangeChart {
	c := &RangeChart{target: func(salary.Range) bool { return false }}
	c.ExtendBaseWidget(c)
	return c
}

// Set shows rows, converted to base; target tells the learner's own
// target, which is highlighted.
func (c *RangeChart) Set(rows []salary.Compared, base string, target func(salary.Range) bool) {
	c.rows, c.base, c.target = rows, base, target
	c.Refresh()
}

func (c *RangeChart) rowHeight() float32 {
	return c.Theme().Size(theme.SizeNameText) * 4.2
}

// Tapped opens the row under the pointer.
func (c *RangeChart) Tapped(ev *fyne.PointEvent) {
	i := int(ev.Position.Y / c.rowHeight())
	if i >= 0 && i < len(c.rows) && c.OnTapped != nil {
		c.OnTapped(c.rows[i])
	}
}

// CreateRenderer draws the chart at once, at the size it has: Fyne makes a
// new renderer for a chart whose old one it dropped while the chart was off
// screen, and lays it out only when its size changes.
func (c *RangeChart) CreateRenderer() fyne.WidgetRenderer {
	r := &rangeChartRenderer{c: c}
	r.build(c.Size())
	return r
}

type rangeChartRenderer struct {
	c       *RangeChart
	objects []fyne.CanvasObject
}

func (r *rangeChartRenderer) MinSize() fyne.Size {
	return fyne.NewSize(420, r.c.rowHeight()*float32(max(len(r.c.rows), 1)))
}
func (r *rangeChartRenderer) Layout(s fyne.Size)           { r.build(s) }
func (r *rangeChartRenderer) Refresh()                     { r.build(r.c.Size()); canvas.Refresh(r.c) }
func (r *rangeChartRenderer) Destroy()                     {}
func (r *rangeChartRenderer) Objects() []fyne.CanvasObject { return r.objects }

// build draws the chart anew in the theme of the moment.
func (r *rangeChartRenderer) build(size fyne.Size) {
	c := r.c
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg, muted := th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNamePlaceHolder, v)
	primary, track := th.Color(theme.ColorNamePrimary, v), th.Color(theme.ColorNameInputBackground, v)
	highlight, bg := th.Color(theme.ColorNameSelection, v), th.Color(theme.ColorNameBackground, v)
	text, small, pad := th.Size(theme.SizeNameText), th.Size(theme.SizeNameCaptionText), th.Size(theme.SizeNamePadding)
	r.objects = nil
	if size.Width <= 0 {
		return
	}
	var top int64
	for _, row := range c.rows {
		if row.Err == nil && row.BaseMax > top {
			top = row.BaseMax
		}
	}
	if top == 0 {
		top = 1
	}
	rowH := c.rowHeight()
	labelW := size.Width * 0.3
	valueW := fyne.MeasureText("€000k – €000k", text, fyne.TextStyle{Bold: true}).Width + 2*pad
	barX := labelW + pad
	barW := size.Width - barX - valueW
	if barW < 60 {
		barW = 60
	}
	scale := func(v int64) float32 { return barW * float32(float64(v)/float64(top)) }
	for i, row := range c.rows {
		y := float32(i) * rowH
		isTarget := c.target(row.Range)
		// The row's text is drawn on the highlight, for the target, and
		// must read on it.
		rowFg, rowMuted := fg, muted
		if isTarget {
			under := Over(highlight, bg)
			rowFg, rowMuted = Legible(fg, under), Legible(muted, under)
			bg := canvas.NewRectangle(highlight)
			bg.CornerRadius = 6
			bg.Move(fyne.NewPos(0, y+2))
			bg.Resize(fyne.NewSize(size.Width, rowH-4))
			r.objects = append(r.objects, bg)
		}
		name := row.Country
		if row.Level != salary.Unspecified {
			name += " · " + row.Level.Label()
		}
		if isTarget {
			name = "★ " + name
		}
		label := canvas.NewText(FitText(name, labelW-pad, text), rowFg)
		label.TextStyle = fyne.TextStyle{Bold: isTarget}
		label.Move(fyne.NewPos(pad, y+pad))
		original := canvas.NewText(FitText(salary.FormatRange(row.Range)+" · "+strconv.Itoa(row.Year), labelW-pad, small), rowMuted)
		original.TextSize = small
		original.Move(fyne.NewPos(pad, y+pad+text*1.5))
		r.objects = append(r.objects, label, original)

		barY, barH := y+rowH*0.3, rowH*0.4
		bgBar := canvas.NewRectangle(track)
		bgBar.CornerRadius = 4
		bgBar.Move(fyne.NewPos(barX, barY))
		bgBar.Resize(fyne.NewSize(barW, barH))
		r.objects = append(r.objects, bgBar)
		if row.Err != nil {
			note := canvas.NewText(FitText("No rate for "+row.Currency+": add one under Rates", barW-pad, small), Legible(muted, Over(track, bg)))
			note.TextSize = small
			note.Move(fyne.NewPos(barX+pad, barY+(barH-small)/2-2))
			r.objects = append(r.objects, note)
			continue
		}
		fill := Tint(primary, 0xb0)
		if isTarget {
			fill = primary
		}
		bar := canvas.NewRectangle(fill)
		bar.CornerRadius = 4
		bar.Move(fyne.NewPos(barX+scale(row.BaseMin), barY))
		bar.Resize(fyne.NewSize(max32(scale(row.BaseMax)-scale(row.BaseMin), 3), barH))
		r.objects = append(r.objects, bar)
		if row.BaseMedian != 0 {
			m := canvas.NewRectangle(fg)
			m.Move(fyne.NewPos(barX+scale(row.BaseMedian)-1, barY-3))
			m.Resize(fyne.NewSize(3, barH+6))
			r.objects = append(r.objects, m)
		}
		value := canvas.NewText(salary.CompactRange(salary.Range{Currency: c.base, Min: row.BaseMin, Max: row.BaseMax}), rowFg)
		value.TextStyle = fyne.TextStyle{Bold: true}
		value.Move(fyne.NewPos(barX+barW+pad, barY+(barH-text)/2-2))
		r.objects = append(r.objects, value)
	}
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
