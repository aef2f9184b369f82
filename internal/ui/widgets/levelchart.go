package widgets

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// LevelChart draws, per skill category, the average level reached as a bar
// and the average target as a marker line, on a 0–5 scale. It is drawn with
// canvas primitives in theme colours, so it follows light and dark themes.
type LevelChart struct {
	widget.BaseWidget
	rows []LevelRow
}

// LevelRow is one category's bar.
type LevelRow struct {
	name            string
	current, target float64
}

// NewLevelChart makes an empty chart; SetCategories fills it.
func NewLevelChart() *LevelChart {
	c := &LevelChart{}
	c.ExtendBaseWidget(c)
	return c
}

// SetCategories shows each category's average levels.
func (c *LevelChart) SetCategories(cats []plan.Category) {
	c.rows = c.rows[:0]
	for _, cat := range cats {
		cur, target := plan.CategoryLevels(cat)
		c.rows = append(c.rows, LevelRow{cat.Name, cur, target})
	}
	c.Refresh()
}

// CreateRenderer draws the chart at once, at the size it has: Fyne makes a
// new renderer for a chart whose old one it dropped while the chart was off
// screen, and lays it out only when its size changes.
func (c *LevelChart) CreateRenderer() fyne.WidgetRenderer {
	r := &levelChartRenderer{chart: c}
	r.build(c.Size())
	return r
}

type levelChartRenderer struct {
	chart   *LevelChart
	objects []fyne.CanvasObject
	drawn   drawnFor
}

func (r *levelChartRenderer) Layout(size fyne.Size) {
	if !r.drawn.current(size) {
		r.build(size)
	}
}

func (r *levelChartRenderer) MinSize() fyne.Size {
	th := r.chart.Theme()
	rowH := th.Size(theme.SizeNameText) * 2.2
	return fyne.NewSize(360, rowH*float32(len(r.chart.rows)+1))
}

func (r *levelChartRenderer) Refresh() {
	r.build(r.chart.Size())
	canvas.Refresh(r.chart)
}

func (r *levelChartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *levelChartRenderer) Destroy()                     {}

// build lays out the whole chart again, in the theme of the moment; it is
// a few dozen primitives, so rebuilding is simpler than keeping them in
// step.
func (r *levelChartRenderer) build(size fyne.Size) {
	r.drawn.built(size)
	th := r.chart.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	muted := th.Color(theme.ColorNamePlaceHolder, v)
	primary := th.Color(theme.ColorNamePrimary, v)
	track := th.Color(theme.ColorNameInputBackground, v)
	textSize := th.Size(theme.SizeNameText)
	pad := th.Size(theme.SizeNamePadding)

	r.objects = nil
	if len(r.chart.rows) == 0 {
		t := canvas.NewText("No skill categories yet", muted)
		t.Move(fyne.NewPos(pad, pad))
		r.objects = append(r.objects, t)
		return
	}
	labelW := float32(0)
	for _, row := range r.chart.rows {
		if w := fyne.MeasureText(row.name, textSize, fyne.TextStyle{}).Width; w > labelW {
			labelW = w
		}
	}
	if max := size.Width * 0.4; labelW > max {
		labelW = max
	}
	valueW := fyne.MeasureText("0.0 / 0.0", textSize, fyne.TextStyle{}).Width
	barX := labelW + 2*pad
	barW := size.Width - barX - valueW - 2*pad
	if barW < 40 {
		barW = 40
	}
	rowH := size.Height / float32(len(r.chart.rows)+1)
	if max := textSize * 3; rowH > max {
		rowH = max
	}
	barH := rowH * 0.5
	scale := func(level float64) float32 { return barW * float32(level/plan.MaxLevel) }

	// The scale, drawn first so the bars sit on top of its grid lines.
	y := float32(len(r.chart.rows)) * rowH
	for level := 0; level <= plan.MaxLevel; level++ {
		t := canvas.NewText(fmt.Sprint(level), muted)
		t.TextSize = th.Size(theme.SizeNameCaptionText)
		t.Move(fyne.NewPos(barX+scale(float64(level))-3, y+pad))
		tick := canvas.NewRectangle(Tint(muted, 0x60))
		tick.Move(fyne.NewPos(barX+scale(float64(level)), 0))
		tick.Resize(fyne.NewSize(1, y))
		r.objects = append(r.objects, tick, t)
	}
	for i, row := range r.chart.rows {
		y := float32(i) * rowH
		label := canvas.NewText(row.name, fg)
		label.TextSize = textSize
		label.Move(fyne.NewPos(0, y+(rowH-textSize)/2-2))
		bg := canvas.NewRectangle(track)
		bg.CornerRadius = 3
		bg.Move(fyne.NewPos(barX, y+(rowH-barH)/2))
		bg.Resize(fyne.NewSize(barW, barH))
		bar := canvas.NewRectangle(primary)
		bar.CornerRadius = 3
		bar.Move(bg.Position())
		bar.Resize(fyne.NewSize(scale(row.current), barH))
		marker := canvas.NewRectangle(fg)
		marker.Move(fyne.NewPos(barX+scale(row.target)-1, y+(rowH-barH)/2-3))
		marker.Resize(fyne.NewSize(3, barH+6))
		value := canvas.NewText(fmt.Sprintf("%.1f / %.1f", row.current, row.target), muted)
		value.TextSize = textSize
		value.Move(fyne.NewPos(barX+barW+pad, y+(rowH-textSize)/2-2))
		r.objects = append(r.objects, label, bg, bar, marker, value)
	}
}
