package widgets

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Meter is a progress bar with its percentage written beside it. Fyne's
// progress bar writes it across the bar in white, which reads on the done
// part but not on the pale rest of the bar in the light theme, where a low
// percentage sits; beside the bar it is text on the background, which
// reads in any theme. The bar is drawn as the app's charts draw theirs.
type Meter struct {
	widget.BaseWidget

	// Value is the part done, from 0 to 1.
	Value float64
}

// NewMeter makes a meter at 0.
func NewMeter() *Meter {
	m := &Meter{}
	m.ExtendBaseWidget(m)
	return m
}

// SetValue shows v, the part done from 0 to 1.
func (m *Meter) SetValue(v float64) {
	m.Value = v
	m.Refresh()
}

// Percent is the value as the meter writes it: rounded down, as Fyne's
// progress bar did, so nothing short of done says 100% (but 0.29 says 29%,
// not the 28 its floating-point product rounds down to).
func (m *Meter) Percent() string {
	return fmt.Sprintf("%d%%", int(math.Floor(100*math.Max(0, math.Min(1, m.Value))+1e-9)))
}

func (m *Meter) CreateRenderer() fyne.WidgetRenderer {
	r := &meterRenderer{m: m, track: canvas.NewRectangle(nil), bar: canvas.NewRectangle(nil), label: canvas.NewText("", nil)}
	r.label.Alignment = fyne.TextAlignTrailing
	r.Refresh()
	return r
}

type meterRenderer struct {
	m          *Meter
	track, bar *canvas.Rectangle
	label      *canvas.Text
}

func (r *meterRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.track, r.bar, r.label}
}

func (r *meterRenderer) Destroy() {}

// labelWidth is room for the widest percentage, so the bar keeps its length
// as the value changes.
func (r *meterRenderer) labelWidth() float32 {
	return fyne.MeasureText("100%", r.label.TextSize, r.label.TextStyle).Width
}

func (r *meterRenderer) MinSize() fyne.Size {
	th := r.m.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	text := fyne.MeasureText("100%", th.Size(theme.SizeNameText), fyne.TextStyle{})
	return fyne.NewSize(text.Width+pad+4*pad, text.Height+pad)
}

func (r *meterRenderer) Layout(size fyne.Size) {
	pad := r.m.Theme().Size(theme.SizeNameInnerPadding)
	labelW := r.labelWidth()
	barW := max32(size.Width-labelW-pad, 0)
	r.track.Move(fyne.NewPos(0, 0))
	r.track.Resize(fyne.NewSize(barW, size.Height))
	r.bar.Move(fyne.NewPos(0, 0))
	r.bar.Resize(fyne.NewSize(barW*float32(math.Max(0, math.Min(1, r.m.Value))), size.Height))
	r.label.Move(fyne.NewPos(size.Width-labelW, 0))
	r.label.Resize(fyne.NewSize(labelW, size.Height))
}

// Refresh draws the meter in the theme of the moment.
func (r *meterRenderer) Refresh() {
	th := r.m.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	radius := th.Size(theme.SizeNameInputRadius)
	r.track.FillColor, r.track.CornerRadius = th.Color(theme.ColorNameInputBackground, v), radius
	r.bar.FillColor, r.bar.CornerRadius = th.Color(theme.ColorNamePrimary, v), radius
	r.label.Text, r.label.Color = r.m.Percent(), th.Color(theme.ColorNameForeground, v)
	r.label.TextSize = th.Size(theme.SizeNameText)
	r.Layout(r.m.Size())
	r.track.Refresh()
	r.bar.Refresh()
	r.label.Refresh()
}
