package widgets

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// Heatmap is a year of study days, one square a day, darker the longer
// studied, weeks as columns.
type Heatmap struct {
	widget.BaseWidget
	minutes   map[time.Time]int
	today     time.Time
	weekStart time.Weekday
}

// NewHeatmap makes an empty heatmap; Set fills it.
func NewHeatmap() *Heatmap {
	h := &Heatmap{}
	h.ExtendBaseWidget(h)
	return h
}

// Set shows the minutes studied each day of the year up to today.
func (h *Heatmap) Set(minutes map[time.Time]int, today time.Time, weekStart time.Weekday) {
	h.minutes, h.today, h.weekStart = minutes, plan.Date(today), weekStart
	h.Refresh()
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
}

const heatmapWeeks = 53

func (r *heatmapRenderer) MinSize() fyne.Size { return fyne.NewSize(heatmapWeeks*8, 7*14+24) }
func (r *heatmapRenderer) Layout(s fyne.Size) { r.build(s) }
func (r *heatmapRenderer) Refresh()           { r.build(r.h.Size()); canvas.Refresh(r.h) }
func (r *heatmapRenderer) Destroy()           {}
func (r *heatmapRenderer) Objects() []fyne.CanvasObject {
	return r.objects
}

func (r *heatmapRenderer) build(size fyne.Size) {
	h := r.h
	th := h.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	primary, empty, muted := th.Color(theme.ColorNamePrimary, v), th.Color(theme.ColorNameInputBackground, v), th.Color(theme.ColorNamePlaceHolder, v)
	small := th.Size(theme.SizeNameCaptionText)
	r.objects = nil
	if h.today.IsZero() || size.Width <= 0 {
		return
	}
	labelH := small * 1.6
	cell := float32(math.Min(float64(size.Width/heatmapWeeks), float64((size.Height-labelH)/7)))
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
				fill = Tint(primary, 0xb0)
			case m >= 30:
				fill = Tint(primary, 0x78)
			case m > 0:
				fill = Tint(primary, 0x40)
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
