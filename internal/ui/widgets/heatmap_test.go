package widgets

import (
	"image/color"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// heatToday is a Wednesday.
var heatToday = time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)

// heatmapOnScreen shows h in a window, a label under it for the pointer to
// leave it for, in Fyne's test theme.
func heatmapOnScreen(t *testing.T, h *Heatmap, size fyne.Size) fyne.Window {
	t.Helper()
	test.NewTempApp(t)
	win := test.NewTempWindow(t, container.NewVBox(h, widget.NewLabel("Below the heatmap")))
	win.SetPadded(false)
	win.Resize(fyne.NewSize(size.Width, size.Height+60))
	h.Resize(size)
	return win
}

func heatTexts(h *Heatmap) []*canvas.Text {
	var texts []*canvas.Text
	for _, o := range test.WidgetRenderer(h).Objects() {
		if x, ok := o.(*canvas.Text); ok && x.Text != "" {
			texts = append(texts, x)
		}
	}
	return texts
}

func heatSquares(h *Heatmap) []*canvas.Rectangle {
	var squares []*canvas.Rectangle
	for _, o := range test.WidgetRenderer(h).Objects() {
		if x, ok := o.(*canvas.Rectangle); ok {
			squares = append(squares, x)
		}
	}
	return squares
}

// lineSaying is the text the heatmap draws that holds want, or nil.
func lineSaying(h *Heatmap, want string) *canvas.Text {
	for _, x := range heatTexts(h) {
		if strings.Contains(x.Text, want) {
			return x
		}
	}
	return nil
}

func alphaOf(c color.Color) uint8 {
	if c == nil {
		return 0
	}
	return color.NRGBAModel.Convert(c).(color.NRGBA).A
}

// squareShaded is the middle of the topmost square drawn in the primary
// colour at alpha a: the days of heatDays are the only ones at their
// shade, and the legend's swatches lie below the grid.
func squareShaded(t *testing.T, h *Heatmap, a uint8) fyne.Position {
	t.Helper()
	primary := rgbOf(h.Theme().Color(theme.ColorNamePrimary, theme.VariantLight))
	var found *canvas.Rectangle
	for _, sq := range heatSquares(h) {
		if rgbOf(sq.FillColor) == primary && alphaOf(sq.FillColor) == a && (found == nil || sq.Position().Y < found.Position().Y) {
			found = sq
		}
	}
	if found == nil {
		t.Fatalf("no square drawn at alpha %#x", a)
	}
	return found.Position().Add(fyne.NewPos(found.Size().Width/2, found.Size().Height/2))
}

// A day of each kind: 2 h 30 min today, 45 min yesterday, 10 min forty
// days ago.
func heatDays() map[time.Time]int {
	return map[time.Time]int{heatToday: 150, heatToday.AddDate(0, 0, -1): 45, heatToday.AddDate(0, 0, -40): 10}
}

// Fails on 0a96a61: the heatmap wrote only the months; which row was
// which weekday was left to guess.
func TestHeatmapWritesTheWeekdaysFromThePlansWeekStart(t *testing.T) {
	h := NewHeatmap()
	heatmapOnScreen(t, h, fyne.NewSize(760, 200))
	for _, start := range []time.Weekday{time.Monday, time.Sunday, time.Saturday} {
		h.Set(heatDays(), heatToday, start)
		gridLeft, gridTop := float32(1e9), float32(1e9)
		for _, sq := range heatSquares(h) {
			if sq.Size().Width > 4 {
				gridLeft, gridTop = min(gridLeft, sq.Position().X), min(gridTop, sq.Position().Y)
			}
		}
		var top *canvas.Text
		n := 0
		for _, x := range heatTexts(h) {
			if !isWeekdayName(x.Text) {
				continue
			}
			n++
			if x.Position().X+x.MinSize().Width > gridLeft {
				t.Errorf("week from %v: %q is not left of the grid", start, x.Text)
			}
			if top == nil || x.Position().Y < top.Position().Y {
				top = x
			}
		}
		if n < 3 || top == nil {
			t.Fatalf("week from %v: %d weekdays written", start, n)
		}
		if want := start.String()[:3]; top.Text != want {
			t.Errorf("week from %v: the top row is labelled %q, want %q", start, top.Text, want)
		}
		if nov := lineSaying(h, "Nov"); nov == nil || nov.Position().Y >= gridTop {
			t.Errorf("week from %v: November is not written above the grid", start)
		}
	}
}

func isWeekdayName(s string) bool {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if s == d.String()[:3] {
			return true
		}
	}
	return false
}

// Fails on 0a96a61: there was no legend; a shade said nothing about how
// long was studied.
func TestHeatmapLegendSaysWhatEachShadeMeans(t *testing.T) {
	h := NewHeatmap()
	heatmapOnScreen(t, h, fyne.NewSize(760, 200))
	h.Set(map[time.Time]int{heatToday: 150, heatToday.AddDate(0, 0, -1): 75, heatToday.AddDate(0, 0, -2): 45, heatToday.AddDate(0, 0, -3): 10}, heatToday, time.Monday)
	gridFills := map[color.Color]bool{}
	legend := map[string]fyne.Position{}
	for _, x := range heatTexts(h) {
		legend[x.Text] = x.Position()
	}
	for _, label := range []string{"none", "under 30 min", "30 min to 1 h", "1 h to 2 h", "2 h or more"} {
		at, ok := legend[label]
		if !ok {
			t.Errorf("the legend does not say %q", label)
			continue
		}
		// The shade it names is the square just left of it.
		var swatch *canvas.Rectangle
		for _, sq := range heatSquares(h) {
			p := sq.Position()
			if p.X < at.X && p.X > at.X-2*sq.Size().Width-8 && p.Y+sq.Size().Height > at.Y && p.Y < at.Y+h.Theme().Size(theme.SizeNameCaptionText)*1.5 {
				swatch = sq
			}
		}
		if swatch == nil {
			t.Errorf("no swatch beside %q", label)
			continue
		}
		gridFills[swatch.FillColor] = true
	}
	if len(gridFills) != 5 {
		t.Errorf("the legend shows %d different shades, want 5", len(gridFills))
	}
}

// Fails on 0a96a61: the heatmap did not hear the pointer; no day said
// how long it was studied.
func TestHeatmapNamesTheDayUnderThePointer(t *testing.T) {
	h := NewHeatmap()
	win := heatmapOnScreen(t, h, fyne.NewSize(760, 200))
	h.Set(heatDays(), heatToday, time.Monday)
	c := win.Canvas()

	test.MoveMouse(c, squareShaded(t, h, 0x78))
	if lineSaying(h, "Tue 24 Nov 2026: 45 min studied") == nil {
		t.Errorf("pointing at yesterday says %q", texts(h))
	}
	test.MoveMouse(c, squareShaded(t, h, 0xff))
	if lineSaying(h, "Wed 25 Nov 2026, today: 2 h 30 min studied") == nil {
		t.Errorf("pointing at today says %q", texts(h))
	}
	if n := outlined(h); n != 1 {
		t.Errorf("%d squares are outlined, want the one pointed at", n)
	}
	// Monday is a row above Tuesday as Tuesday is above Wednesday.
	tue, wed := squareShaded(t, h, 0x78), squareShaded(t, h, 0xff)
	test.MoveMouse(c, fyne.NewPos(tue.X, 2*tue.Y-wed.Y))
	if lineSaying(h, "Mon 23 Nov 2026: nothing logged") == nil {
		t.Errorf("pointing at a day without study says %q", texts(h))
	}
	test.MoveMouse(c, fyne.NewPos(10, h.Size().Height+20)) // on the label below
	if lineSaying(h, "Best week") == nil || lineSaying(h, "Nov 2026:") != nil {
		t.Errorf("after the pointer left, the heatmap says %q", texts(h))
	}
	if n := outlined(h); n != 0 {
		t.Errorf("%d squares stay outlined after the pointer left", n)
	}
}

// Fails on 0a96a61, as above: a tap, on a touch screen or for a learner
// who wants the line to stay, did nothing.
func TestHeatmapKeepsATappedDay(t *testing.T) {
	h := NewHeatmap()
	win := heatmapOnScreen(t, h, fyne.NewSize(760, 200))
	h.Set(heatDays(), heatToday, time.Monday)
	c := win.Canvas()

	test.TapCanvas(c, squareShaded(t, h, 0x40))
	if lineSaying(h, "Fri 16 Oct 2026: 10 min studied") == nil {
		t.Fatalf("tapping a day says %q", texts(h))
	}
	test.MoveMouse(c, squareShaded(t, h, 0xff))
	if lineSaying(h, "Wed 25 Nov 2026") == nil {
		t.Errorf("the pointer on another day says %q", texts(h))
	}
	test.MoveMouse(c, fyne.NewPos(10, h.Size().Height+20))
	if lineSaying(h, "Fri 16 Oct 2026: 10 min studied") == nil {
		t.Errorf("the tapped day was not kept when the pointer left: %q", texts(h))
	}
	test.TapCanvas(c, fyne.NewPos(2, 2)) // the corner, no day
	if lineSaying(h, "Best week") == nil {
		t.Errorf("tapping beside the days says %q", texts(h))
	}
}

// Fails on 0a96a61: nothing said anything without a pointer.
func TestHeatmapSaysTheBestWeekWithoutAPointer(t *testing.T) {
	h := NewHeatmap()
	heatmapOnScreen(t, h, fyne.NewSize(760, 200))

	h.Set(map[time.Time]int{}, heatToday, time.Monday)
	if lineSaying(h, "Nothing logged") == nil {
		t.Errorf("an empty year says %q", texts(h))
	}
	h.Set(map[time.Time]int{heatToday.AddDate(0, 0, -9): 50}, heatToday, time.Monday)
	if lineSaying(h, "Best week: 50 min, from Mon 16 Nov 2026") == nil {
		t.Errorf("one day of study says %q", texts(h))
	}
	// Weeks from Monday: 1 h 40 min, 3 h, 2 h 30 min; from Sunday: 3 h 40
	// min, 3 h 30 min.
	week := map[time.Time]int{
		time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC): 100, // Sunday
		time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC): 120,
		time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC): 60, // Sunday
		heatToday: 150,
	}
	h.Set(week, heatToday, time.Monday)
	if lineSaying(h, "Best week: 3 h, from Mon 16 Nov 2026") == nil {
		t.Errorf("weeks from Monday say %q", texts(h))
	}
	h.Set(week, heatToday, time.Sunday)
	if lineSaying(h, "Best week: 3 h 40 min, from Sun 15 Nov 2026") == nil {
		t.Errorf("weeks from Sunday say %q", texts(h))
	}
}

// Fails on 0a96a61, as above. A theme change while a day is named keeps
// the line, in the new theme's colours.
func TestHeatmapLineFollowsTheTheme(t *testing.T) {
	h := NewHeatmap()
	size := fyne.NewSize(760, 200)
	a := test.NewTempApp(t)
	a.Settings().SetTheme(oldTheme)
	win := test.NewTempWindow(t, container.NewVBox(h, widget.NewLabel("Below the heatmap")))
	win.SetPadded(false)
	win.Resize(fyne.NewSize(size.Width, size.Height+60))
	h.Resize(size)
	h.Set(heatDays(), heatToday, time.Monday)
	test.MoveMouse(win.Canvas(), squareShaded(t, h, 0x78))
	a.Settings().SetTheme(newTheme)
	line := lineSaying(h, "Tue 24 Nov 2026: 45 min studied")
	if line == nil {
		t.Fatalf("after the theme changed the heatmap says %q", texts(h))
	}
	if rgbOf(line.Color) != themeColour(newTheme, theme.ColorNameForeground) {
		t.Errorf("the day's line is drawn in %v, not the new theme's text colour", line.Color)
	}
	assertDrawnIn(t, "hovered", test.WidgetRenderer(h).Objects(), newTheme, oldTheme, theme.ColorNameForeground, theme.ColorNamePrimary, theme.ColorNamePlaceHolder)
}

// Fails on 0a96a61: the heatmap's least size had no room for a legend or
// a line. At its least size everything it draws is inside it, and the
// line under it is whole.
func TestHeatmapFitsItsLeastSize(t *testing.T) {
	h := NewHeatmap()
	h.Set(heatDays(), heatToday, time.Monday)
	heatmapOnScreen(t, h, h.MinSize())
	assertWithin(t, test.WidgetRenderer(h).Objects(), h.MinSize())
	for _, x := range heatTexts(h) {
		if strings.HasSuffix(x.Text, "…") {
			t.Errorf("%q is cut short", x.Text)
		}
	}
	if lineSaying(h, "2 h or more") == nil || lineSaying(h, "Best week") == nil {
		t.Errorf("at its least size the heatmap says %q", texts(h))
	}
}

func texts(h *Heatmap) []string {
	var s []string
	for _, x := range heatTexts(h) {
		s = append(s, x.Text)
	}
	return s
}

// outlined counts the squares drawn with an outline.
func outlined(h *Heatmap) int {
	n := 0
	for _, sq := range heatSquares(h) {
		if sq.StrokeWidth > 0 {
			n++
		}
	}
	return n
}

// The line names a day's practice reviews beside its time; the shades
// stay the time studied.
func TestHeatmapNamesTheDaysPracticeReviews(t *testing.T) {
	h := NewHeatmap()
	win := heatmapOnScreen(t, h, fyne.NewSize(760, 200))
	h.Set(heatDays(), heatToday, time.Monday)
	h.SetReviews(map[time.Time]int{heatToday.AddDate(0, 0, -1): 12, heatToday.AddDate(0, 0, -2): 3})
	c := win.Canvas()
	tue, wed := squareShaded(t, h, 0x78), squareShaded(t, h, 0xff)
	test.MoveMouse(c, tue)
	if lineSaying(h, "Tue 24 Nov 2026: 45 min studied, 12 practice reviews") == nil {
		t.Errorf("pointing at yesterday says %q", texts(h))
	}
	test.MoveMouse(c, fyne.NewPos(tue.X, 2*tue.Y-wed.Y))
	if lineSaying(h, "Mon 23 Nov 2026: nothing logged, 3 practice reviews") == nil {
		t.Errorf("pointing at a day of reviews only says %q", texts(h))
	}
}
