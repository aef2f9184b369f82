package widgets

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/practice"
)

// TopicChart draws, per interview topic, how well it is held on a day
// (the mean retrievability of its cards, 0–100 %) as a bar, with the
// desired retention as a line across all rows. A topic under the line is
// drawn in the theme's warning colour: the ones to review before an
// interview.
type TopicChart struct {
	widget.BaseWidget
	rows   []practice.Strength
	target float64
}

// NewTopicChart makes an empty chart; Set fills it.
func NewTopicChart() *TopicChart {
	c := &TopicChart{}
	c.ExtendBaseWidget(c)
	return c
}

// Set shows the topics' strengths against the desired retention.
func (c *TopicChart) Set(rows []practice.Strength, target float64) {
	c.rows, c.target = rows, target
	c.Refresh()
}

// Rows are the topics shown.
func (c *TopicChart) Rows() []practice.Strength { return c.rows }

// CreateRenderer draws the chart at the size it has.
func (c *TopicChart) CreateRenderer() fyne.WidgetRenderer {
	r := &topicChartRenderer{chart: c}
	r.build(c.Size())
	return r
}

type topicChartRenderer struct {
	chart   *TopicChart
	objects []fyne.CanvasObject
	drawn   drawnFor
}

func (r *topicChartRenderer) Layout(size fyne.Size) {
	if !r.drawn.current(size) {
		r.build(size)
	}
}

func (r *topicChartRenderer) MinSize() fyne.Size {
	rowH := r.chart.Theme().Size(theme.SizeNameText) * 2.2
	return fyne.NewSize(300, rowH*float32(len(r.chart.rows)+1))
}

func (r *topicChartRenderer) Refresh() {
	r.build(r.chart.Size())
	canvas.Refresh(r.chart)
}

func (r *topicChartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *topicChartRenderer) Destroy()                     {}

// build lays the chart out again in the theme of the moment.
func (r *topicChartRenderer) build(size fyne.Size) {
	r.drawn.built(size)
	th := r.chart.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	muted := th.Color(theme.ColorNamePlaceHolder, v)
	good := th.Color(theme.ColorNamePrimary, v)
	weak := th.Color(theme.ColorNameWarning, v)
	track := th.Color(theme.ColorNameInputBackground, v)
	textSize := th.Size(theme.SizeNameText)
	small := th.Size(theme.SizeNameCaptionText)
	pad := th.Size(theme.SizeNamePadding)

	r.objects = nil
	rows := r.chart.rows
	if len(rows) == 0 {
		t := canvas.NewText("No cards yet", muted)
		t.Move(fyne.NewPos(pad, pad))
		r.objects = append(r.objects, t)
		return
	}
	labelW := float32(0)
	for _, row := range rows {
		labelW = max(labelW, fyne.MeasureText(row.Topic.Name(), textSize, fyne.TextStyle{}).Width)
	}
	labelW = min(labelW, size.Width*0.35)
	valueW := fyne.MeasureText("100% · 99/99", small, fyne.TextStyle{}).Width
	barX := labelW + 2*pad
	barW := max(size.Width-barX-valueW-2*pad, 40)
	rowH := min(size.Height/float32(len(rows)+1), textSize*3)
	barH := rowH * 0.5
	scale := func(p float64) float32 { return barW * float32(max(0, min(p, 1))) }

	y := float32(len(rows)) * rowH
	for _, p := range []float64{0, 0.5, 1} {
		t := canvas.NewText(fmt.Sprintf("%.0f%%", 100*p), muted)
		t.TextSize = small
		w := fyne.MeasureText(t.Text, small, fyne.TextStyle{}).Width
		t.Move(fyne.NewPos(barX+scale(p)-w/2, y+pad))
		tick := canvas.NewRectangle(Tint(muted, 0x60))
		tick.Move(fyne.NewPos(barX+scale(p), 0))
		tick.Resize(fyne.NewSize(1, y))
		r.objects = append(r.objects, tick, t)
	}
	for i, row := range rows {
		y := float32(i) * rowH
		label := canvas.NewText(FitText(row.Topic.Name(), labelW, textSize), fg)
		label.TextSize = textSize
		label.Move(fyne.NewPos(0, y+(rowH-textSize)/2-2))
		bg := canvas.NewRectangle(track)
		bg.CornerRadius = 3
		bg.Move(fyne.NewPos(barX, y+(rowH-barH)/2))
		bg.Resize(fyne.NewSize(barW, barH))
		colour := good
		if row.Mean < r.chart.target {
			colour = weak
		}
		bar := canvas.NewRectangle(colour)
		bar.CornerRadius = 3
		bar.Move(bg.Position())
		bar.Resize(fyne.NewSize(scale(row.Mean), barH))
		value := canvas.NewText(fmt.Sprintf("%.0f%% · %d/%d", 100*row.Mean, row.Reviewed, row.Cards), muted)
		value.TextSize = small
		value.Move(fyne.NewPos(barX+barW+pad, y+(rowH-small)/2-2))
		r.objects = append(r.objects, label, bg, bar, value)
	}
	// The target, over the bars.
	line := canvas.NewRectangle(fg)
	line.Move(fyne.NewPos(barX+scale(r.chart.target)-1, 0))
	line.Resize(fyne.NewSize(2, y))
	r.objects = append(r.objects, line)
}
