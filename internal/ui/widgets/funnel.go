package widgets

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FunnelStep is one bar of a funnel: a stage, how many reached it, and
// what share of the step before did.
type FunnelStep struct {
	Label      string
	Count      int
	Conversion float64 // 0 to 1; the first step's is not shown
}

// FunnelChart draws the job search's funnel: one centred bar per stage,
// its width the share of the first stage's count, with the count and the
// conversion from the step before beside it, in the theme's colours.
type FunnelChart struct {
	widget.BaseWidget
	steps []FunnelStep
}

// NewFunnelChart makes an empty funnel; Set fills it.
func NewFunnelChart() *FunnelChart {
	f := &FunnelChart{}
	f.ExtendBaseWidget(f)
	return f
}

// Set shows steps, first to last.
func (f *FunnelChart) Set(steps []FunnelStep) {
	f.steps = steps
	f.Refresh()
}

// Steps are the steps shown.
func (f *FunnelChart) Steps() []FunnelStep { return f.steps }

func (f *FunnelChart) CreateRenderer() fyne.WidgetRenderer {
	r := &funnelRenderer{f: f, size: f.Size()}
	r.build()
	return r
}

type funnelRenderer struct {
	f       *FunnelChart
	objects []fyne.CanvasObject
	size    fyne.Size
	drawn   drawnFor
}

func (r *funnelRenderer) rowH() float32 { return r.f.Theme().Size(theme.SizeNameText) * 2.4 }

func (r *funnelRenderer) MinSize() fyne.Size {
	return fyne.NewSize(320, r.rowH()*float32(max(len(r.f.steps), 1)))
}
func (r *funnelRenderer) Layout(s fyne.Size) {
	if !r.drawn.current(s) {
		r.size = s
		r.build()
	}
}
func (r *funnelRenderer) Refresh()                     { r.size = r.f.Size(); r.build(); canvas.Refresh(r.f) }
func (r *funnelRenderer) Destroy()                     {}
func (r *funnelRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *funnelRenderer) build() {
	r.drawn.built(r.size)
	r.objects = r.objects[:0]
	if r.size.Width <= 0 || len(r.f.steps) == 0 {
		return
	}
	th := r.f.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	bg := th.Color(theme.ColorNameBackground, v)
	fg, primary := th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNamePrimary, v)
	muted := th.Color(theme.ColorNamePlaceHolder, v)
	text, pad := th.Size(theme.SizeNameText), th.Size(theme.SizeNamePadding)
	labelW := min(r.size.Width*0.32, 200)
	valueW := fyne.MeasureText("100% of the stage before", th.Size(theme.SizeNameCaptionText), fyne.TextStyle{}).Width + 2*pad
	barX := labelW + pad
	barW := max32(r.size.Width-barX-valueW, 40)
	top := max(r.f.steps[0].Count, 1)
	rowH := r.rowH()
	for i, s := range r.f.steps {
		y := float32(i) * rowH
		label := canvas.NewText(FitText(s.Label, labelW-pad, text), fg)
		label.Move(fyne.NewPos(pad, y+(rowH-text)/2-2))
		w := barW * float32(s.Count) / float32(top)
		fill := Tint(primary, uint8(0xff-min(i*18, 0x90)))
		bar := canvas.NewRectangle(fill)
		bar.CornerRadius = 3
		bar.Move(fyne.NewPos(barX+(barW-w)/2, y+rowH*0.15))
		bar.Resize(fyne.NewSize(max32(w, 2), rowH*0.7))
		count := canvas.NewText(fmt.Sprint(s.Count), Legible(fg, Over(fill, bg)))
		count.TextStyle = fyne.TextStyle{Bold: true}
		cw := fyne.MeasureText(count.Text, text, count.TextStyle).Width
		if cw+2*pad > w {
			// Too narrow a bar to hold its count: the count goes beside it.
			count.Color = fg
			count.Move(fyne.NewPos(barX+(barW+w)/2+pad, y+(rowH-text)/2-2))
		} else {
			count.Move(fyne.NewPos(barX+(barW-cw)/2, y+(rowH-text)/2-2))
		}
		r.objects = append(r.objects, label, bar, count)
		if i > 0 {
			conv := canvas.NewText(fmt.Sprintf("%.0f%% of the stage before", s.Conversion*100), muted)
			conv.TextSize = th.Size(theme.SizeNameCaptionText)
			conv.Move(fyne.NewPos(barX+barW+pad, y+(rowH-conv.TextSize)/2-2))
			r.objects = append(r.objects, conv)
		}
	}
}

// WeekBars is a column chart of applications sent each week, in the
// theme's primary colour, with the count over each column and the first
// day of the first and last weeks under the axis.
type WeekBars struct {
	widget.BaseWidget
	counts       []int
	first, last  string
	emptyMessage string
}

// NewWeekBars makes an empty chart.
func NewWeekBars() *WeekBars {
	b := &WeekBars{emptyMessage: "No application sent yet."}
	b.ExtendBaseWidget(b)
	return b
}

// Set shows one count per week; first and last label the ends.
func (b *WeekBars) Set(counts []int, first, last string) {
	b.counts, b.first, b.last = counts, first, last
	b.Refresh()
}

// Counts are the weeks shown.
func (b *WeekBars) Counts() []int { return b.counts }

func (b *WeekBars) CreateRenderer() fyne.WidgetRenderer {
	r := &weekBarsRenderer{b: b, size: b.Size()}
	r.build()
	return r
}

type weekBarsRenderer struct {
	b       *WeekBars
	objects []fyne.CanvasObject
	size    fyne.Size
	drawn   drawnFor
}

func (r *weekBarsRenderer) MinSize() fyne.Size {
	return fyne.NewSize(240, r.b.Theme().Size(theme.SizeNameText)*9)
}
func (r *weekBarsRenderer) Layout(s fyne.Size) {
	if !r.drawn.current(s) {
		r.size = s
		r.build()
	}
}
func (r *weekBarsRenderer) Refresh()                     { r.size = r.b.Size(); r.build(); canvas.Refresh(r.b) }
func (r *weekBarsRenderer) Destroy()                     {}
func (r *weekBarsRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *weekBarsRenderer) build() {
	r.drawn.built(r.size)
	r.objects = r.objects[:0]
	if r.size.Width <= 0 {
		return
	}
	th := r.b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg, muted, primary := th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNamePlaceHolder, v), th.Color(theme.ColorNamePrimary, v)
	small, pad := th.Size(theme.SizeNameCaptionText), th.Size(theme.SizeNamePadding)
	if len(r.b.counts) == 0 {
		t := canvas.NewText(r.b.emptyMessage, muted)
		t.Move(fyne.NewPos(pad, pad))
		r.objects = append(r.objects, t)
		return
	}
	top := 1
	for _, c := range r.b.counts {
		top = max(top, c)
	}
	axisY := r.size.Height - small*1.6
	plotH := axisY - small*1.6
	slot := r.size.Width / float32(len(r.b.counts))
	barW := max32(min(slot*0.7, 40), 1)
	for i, c := range r.b.counts {
		h := plotH * float32(c) / float32(top)
		x := float32(i)*slot + (slot-barW)/2
		bar := canvas.NewRectangle(primary)
		bar.Move(fyne.NewPos(x, axisY-h))
		bar.Resize(fyne.NewSize(barW, max32(h, 1)))
		r.objects = append(r.objects, bar)
		if c > 0 && slot >= small*1.5 {
			n := canvas.NewText(fmt.Sprint(c), fg)
			n.TextSize = small
			nw := fyne.MeasureText(n.Text, small, fyne.TextStyle{}).Width
			n.Move(fyne.NewPos(x+(barW-nw)/2, axisY-h-small*1.4))
			r.objects = append(r.objects, n)
		}
	}
	axis := canvas.NewRectangle(th.Color(theme.ColorNameSeparator, v))
	axis.Move(fyne.NewPos(0, axisY))
	axis.Resize(fyne.NewSize(r.size.Width, 1))
	first := canvas.NewText(r.b.first, muted)
	first.TextSize = small
	first.Move(fyne.NewPos(0, axisY+2))
	last := canvas.NewText(r.b.last, muted)
	last.TextSize = small
	last.Move(fyne.NewPos(r.size.Width-fyne.MeasureText(r.b.last, small, fyne.TextStyle{}).Width, axisY+2))
	r.objects = append(r.objects, axis, first, last)
}
