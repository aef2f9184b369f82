package ui

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// TestTheHeatmapReadsAt800x600: on the smallest window the app is made
// for, the Progress tab's heatmap has room for its weekdays, its legend
// and its line, draws nothing outside itself, and names a tapped day the
// way the rest of the app writes dates.
// Fails on 0a96a61: there was no legend, no weekdays and no line.
func TestTheHeatmapReadsAt800x600(t *testing.T) {
	m, tl := timelineAt(t)
	if _, err := tl.store.LogSession(plan.Session{Date: nov4, Minutes: 150}); err != nil {
		t.Fatal(err)
	}
	tl.reload()
	m.Resize(fyne.NewSize(800, 600))
	tl.tabs.SelectIndex(1)
	h := tl.progress.heatmap
	if !h.Visible() || h.Size().Width < h.MinSize().Width {
		t.Fatalf("the heatmap is %v, less than its least size %v", h.Size(), h.MinSize())
	}
	said := map[string]bool{}
	var today *canvas.Rectangle
	primary := rgbaOf(h.Theme().Color(theme.ColorNamePrimary, fyne.CurrentApp().Settings().ThemeVariant()))
	for _, o := range test.WidgetRenderer(h).Objects() {
		p, s := o.Position(), o.Size()
		if p.X < 0 || p.Y < 0 || p.X+s.Width > h.Size().Width+1 || p.Y+s.Height > h.Size().Height+1 {
			t.Errorf("%T at %v, %v, lies outside the heatmap's %v", o, p, s, h.Size())
		}
		switch x := o.(type) {
		case *canvas.Text:
			said[x.Text] = true
			if strings.HasSuffix(x.Text, "…") {
				t.Errorf("%q is cut short", x.Text)
			}
		case *canvas.Rectangle:
			if rgbaOf(x.FillColor) == primary && (today == nil || p.Y < today.Position().Y) {
				today = x
			}
		}
	}
	for _, want := range []string{"Mon", "Nov", "none", "2 h or more"} {
		if !said[want] {
			t.Errorf("the heatmap does not say %q: %v", want, said)
		}
	}
	if today == nil {
		t.Fatal("no day is drawn at the darkest shade")
	}
	tappable, ok := fyne.CanvasObject(h).(fyne.Tappable)
	if !ok {
		t.Fatal("the heatmap cannot be tapped")
	}
	tappable.Tapped(&fyne.PointEvent{Position: today.Position().Add(fyne.NewPos(2, 2))})
	want := "Wed " + longDate(nov4) + ", today: 2 h 30 min studied"
	found := false
	for _, o := range test.WidgetRenderer(h).Objects() {
		if x, ok := o.(*canvas.Text); ok && x.Text == want {
			found = true
		}
	}
	if !found {
		t.Errorf("tapping today does not say %q", want)
	}
}

func rgbaOf(c color.Color) color.NRGBA {
	if c == nil {
		return color.NRGBA{}
	}
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}
