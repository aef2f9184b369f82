package widgets

import (
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/salary"
)

// paletteTheme is Fyne's test theme with the colours the widgets draw with
// replaced.
type paletteTheme struct {
	fyne.Theme
	colours map[fyne.ThemeColorName]color.Color
}

func (t paletteTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := t.colours[n]; ok {
		return c
	}
	return t.Theme.Color(n, v)
}

func hex(v uint32) color.Color {
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// The widgets are switched between two themes, a dark and a light, that
// share no colour, so a colour left over from the old theme cannot pass
// for one of the new.
var (
	oldTheme = paletteTheme{test.Theme(), map[fyne.ThemeColorName]color.Color{
		theme.ColorNameBackground: hex(0x202020), theme.ColorNameForeground: hex(0xf0f0f0),
		theme.ColorNamePlaceHolder: hex(0xb0b0b0), theme.ColorNamePrimary: hex(0xff8000),
		theme.ColorNameInputBackground: hex(0x383838), theme.ColorNameInputBorder: hex(0x909090),
		theme.ColorNameSelection: hex(0x603030), theme.ColorNameForegroundOnPrimary: hex(0x000000),
	}}
	newTheme = paletteTheme{test.Theme(), map[fyne.ThemeColorName]color.Color{
		theme.ColorNameBackground: hex(0xfcfcf8), theme.ColorNameForeground: hex(0x102030),
		theme.ColorNamePlaceHolder: hex(0x506070), theme.ColorNamePrimary: hex(0x0050a0),
		theme.ColorNameInputBackground: hex(0xe8eef4), theme.ColorNameInputBorder: hex(0x405060),
		theme.ColorNameSelection: hex(0xc0d8ff), theme.ColorNameForegroundOnPrimary: hex(0xfffff0),
	}}
)

type rgb struct{ r, g, b uint8 }

// rgbOf drops the alpha: the widgets draw shades of one theme colour as
// that colour with less alpha (Tint).
func rgbOf(c color.Color) rgb {
	if c == nil {
		return rgb{}
	}
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	if n.A == 0 {
		return rgb{}
	}
	return rgb{n.R, n.G, n.B}
}

// drawnColours is every fill, stroke and text colour among objs and what
// they hold.
func drawnColours(objs []fyne.CanvasObject) map[rgb]bool {
	seen := map[rgb]bool{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *canvas.Rectangle:
			seen[rgbOf(x.FillColor)] = true
			if x.StrokeWidth > 0 {
				seen[rgbOf(x.StrokeColor)] = true
			}
		case *canvas.Text:
			if x.Text != "" {
				seen[rgbOf(x.Color)] = true
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	for _, o := range objs {
		walk(o)
	}
	delete(seen, rgb{})
	return seen
}

func themeColour(th fyne.Theme, n fyne.ThemeColorName) rgb {
	return rgbOf(th.Color(n, theme.VariantLight))
}

// assertDrawnIn checks that objs use each of the named colours of now and
// none of then's.
func assertDrawnIn(t *testing.T, what string, objs []fyne.CanvasObject, now, then fyne.Theme, names ...fyne.ThemeColorName) {
	t.Helper()
	drawn := drawnColours(objs)
	if len(drawn) == 0 {
		t.Fatalf("%s: nothing is drawn", what)
	}
	for _, n := range names {
		if !drawn[themeColour(now, n)] {
			t.Errorf("%s: nothing drawn in the theme's %s", what, n)
		}
		if drawn[themeColour(then, n)] {
			t.Errorf("%s: still drawn in the old theme's %s", what, n)
		}
	}
}

// showThenSwitch shows w in a window in the old theme, lets fill put data
// in it, and switches to the new theme while it is on screen.
func showThenSwitch(t *testing.T, w fyne.Widget, size fyne.Size, fill func()) fyne.App {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(oldTheme)
	win := test.NewTempWindow(t, w)
	win.SetPadded(false)
	win.Resize(size)
	fill()
	a.Settings().SetTheme(newTheme)
	return a
}

// A widget's renderer is Fyne's to drop: one left off screen for a minute
// (a screen not shown, a tab not selected) loses it, and Fyne makes a new
// one, with CreateRenderer, when the widget is drawn again, at the size
// the widget already has, so no Layout follows. The tests below make that
// new renderer after the theme changed back, and want it drawn at once,
// in the theme of the moment.
func assertNewRendererDrawsInTheme(t *testing.T, a fyne.App, w fyne.Widget, names ...fyne.ThemeColorName) fyne.WidgetRenderer {
	t.Helper()
	a.Settings().SetTheme(oldTheme)
	r := w.CreateRenderer()
	assertDrawnIn(t, "a new renderer", r.Objects(), oldTheme, newTheme, names...)
	r.Refresh()
	assertDrawnIn(t, "a new renderer, refreshed", r.Objects(), oldTheme, newTheme, names...)
	return r
}

// assertWithin checks that every object lies inside size and that not
// all of them sit at the origin, as objects never laid out do.
func assertWithin(t *testing.T, objs []fyne.CanvasObject, size fyne.Size) {
	t.Helper()
	placed := 0
	for _, o := range objs {
		p, s := o.Position(), o.Size()
		if p.X < -1 || p.Y < -1 || p.X+s.Width > size.Width+1 || p.Y+s.Height > size.Height+1 {
			t.Errorf("%T at %v size %v lies outside %v", o, p, s, size)
		}
		if p.X > 0 || p.Y > 0 {
			placed++
		}
	}
	if placed < len(objs)/2 {
		t.Errorf("%d of %d objects are laid out", placed, len(objs))
	}
}

func weeks() []WeekBar {
	start := time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)
	var bars []WeekBar
	for i := 0; i < 8; i++ {
		bars = append(bars, WeekBar{Start: start.AddDate(0, 0, 7*i), Planned: 10, Done: float64(i * 2), Current: i == 5})
	}
	return bars
}

// Fails on 522c7e7: the chart drew only in Layout, at a size it kept from
// there, so a new renderer drew nothing: the blank chart the learner saw
// after a while on the Settings screen switching the theme.
func TestWeekChartFollowsTheTheme(t *testing.T) {
	c := NewWeekChart()
	size := fyne.NewSize(600, 240)
	a := showThenSwitch(t, c, size, func() { c.Set(weeks()) })
	assertDrawnIn(t, "on screen", test.WidgetRenderer(c).Objects(), newTheme, oldTheme, theme.ColorNamePrimary, theme.ColorNamePlaceHolder, theme.ColorNameForeground)
	r := assertNewRendererDrawsInTheme(t, a, c, theme.ColorNamePrimary, theme.ColorNamePlaceHolder, theme.ColorNameForeground)
	assertWithin(t, r.Objects(), size)
}

// Fails on 522c7e7, as the week chart.
func TestHeatmapFollowsTheTheme(t *testing.T) {
	h := NewHeatmap()
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	minutes := map[time.Time]int{today: 150, today.AddDate(0, 0, -1): 45, today.AddDate(0, 0, -40): 10}
	size := fyne.NewSize(700, 160)
	a := showThenSwitch(t, h, size, func() { h.Set(minutes, today, time.Monday) })
	assertDrawnIn(t, "on screen", test.WidgetRenderer(h).Objects(), newTheme, oldTheme, theme.ColorNamePrimary, theme.ColorNameInputBackground, theme.ColorNamePlaceHolder)
	r := assertNewRendererDrawsInTheme(t, a, h, theme.ColorNamePrimary, theme.ColorNameInputBackground, theme.ColorNamePlaceHolder)
	assertWithin(t, r.Objects(), size)
}

func categories() []plan.Category {
	return []plan.Category{
		{Name: "Languages", Skills: []plan.Skill{{Name: "Go", CurrentLevel: 2, TargetLevel: 3}, {Name: "SQL", CurrentLevel: 1, TargetLevel: 3}}},
		{Name: "Tools", Skills: []plan.Skill{{Name: "Git", CurrentLevel: 3, TargetLevel: 4}}},
	}
}

// Fails on 522c7e7, as the week chart.
func TestLevelChartFollowsTheTheme(t *testing.T) {
	c := NewLevelChart()
	size := fyne.NewSize(600, 200)
	a := showThenSwitch(t, c, size, func() { c.SetCategories(categories()) })
	assertDrawnIn(t, "on screen", test.WidgetRenderer(c).Objects(), newTheme, oldTheme, theme.ColorNamePrimary, theme.ColorNameInputBackground, theme.ColorNameForeground)
	r := assertNewRendererDrawsInTheme(t, a, c, theme.ColorNamePrimary, theme.ColorNameInputBackground, theme.ColorNameForeground)
	assertWithin(t, r.Objects(), size)
}

// Fails on 522c7e7, as the week chart.
func TestRangeChartFollowsTheTheme(t *testing.T) {
	c := NewRangeChart()
	rows := []salary.Compared{
		{Range: salary.Range{ID: 1, Country: "Germany", Currency: "EUR", Min: 40000, Max: 70000, Year: 2023}, BaseMin: 40000, BaseMax: 70000},
		{Range: salary.Range{ID: 2, Country: "Spain", Currency: "EUR", Min: 25000, Max: 40000, Year: 2023}, BaseMin: 25000, BaseMax: 40000, BaseMedian: 30000},
	}
	size := fyne.NewSize(700, 200)
	a := showThenSwitch(t, c, size, func() {
		c.Set(rows, "EUR", func(r salary.Range) bool { return r.ID == 1 })
	})
	assertDrawnIn(t, "on screen", test.WidgetRenderer(c).Objects(), newTheme, oldTheme, theme.ColorNamePrimary, theme.ColorNameInputBackground, theme.ColorNameForeground, theme.ColorNameSelection)
	r := assertNewRendererDrawsInTheme(t, a, c, theme.ColorNamePrimary, theme.ColorNameInputBackground, theme.ColorNameForeground, theme.ColorNameSelection)
	assertWithin(t, r.Objects(), size)
}

// Fails on 522c7e7: a new renderer coloured its days but left every one of
// them at the top left corner, unsized, until the calendar was resized.
func TestMonthCalendarFollowsTheTheme(t *testing.T) {
	c := NewMonthCalendar()
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	facts := func(d time.Time) DayFacts {
		if d.Before(today) && d.Weekday() != time.Sunday {
			return DayFacts{LoggedMin: 90, PlannedHours: 2, Focus: "Go"}
		}
		return DayFacts{PlannedHours: 2, Focus: "Go"}
	}
	size := fyne.NewSize(700, 500)
	a := showThenSwitch(t, c, size, func() { c.SetMonth(today, today, today, time.Monday, facts) })
	assertDrawnIn(t, "on screen", test.WidgetRenderer(c).Objects(), newTheme, oldTheme, theme.ColorNamePrimary, theme.ColorNamePlaceHolder, theme.ColorNameForeground)
	r := assertNewRendererDrawsInTheme(t, a, c, theme.ColorNamePrimary, theme.ColorNamePlaceHolder, theme.ColorNameForeground)
	assertWithin(t, r.Objects(), size)
}

// New here: the meter stands in for Fyne's progress bar, whose percentage
// did not read in light (the contrast table in package ui).
func TestMeterFollowsTheTheme(t *testing.T) {
	m := NewMeter()
	size := fyne.NewSize(300, 30)
	a := showThenSwitch(t, m, size, func() { m.SetValue(0.4) })
	assertDrawnIn(t, "on screen", test.WidgetRenderer(m).Objects(), newTheme, oldTheme, theme.ColorNamePrimary, theme.ColorNameInputBackground, theme.ColorNameForeground)
	r := assertNewRendererDrawsInTheme(t, a, m, theme.ColorNamePrimary, theme.ColorNameInputBackground, theme.ColorNameForeground)
	assertWithin(t, r.Objects(), size)
	if got := r.Objects()[2].(*canvas.Text).Text; got != "40%" {
		t.Errorf("the meter says %q", got)
	}
}

// New here: the week view's blocks were a rectangle tinted once, when the
// week was shown, which a theme change left as it was.
func TestBlockFollowsTheTheme(t *testing.T) {
	b := NewBlock("Python\n3.6 h", 0x40)
	a := showThenSwitch(t, b, fyne.NewSize(150, 60), func() {})
	assertDrawnIn(t, "on screen", test.WidgetRenderer(b).Objects(), newTheme, oldTheme, theme.ColorNamePrimary, theme.ColorNameForeground)
	assertNewRendererDrawsInTheme(t, a, b, theme.ColorNamePrimary, theme.ColorNameForeground)
}

// A block's tint fades where its text would not read on it.
func TestBlockTintLetsItsTextRead(t *testing.T) {
	white, grey, blue := hex(0xffffff), hex(0x565656), hex(0x296ff6)
	if c := ReadableTint(blue, 0x40, white, grey); rgbOf(c) != rgbOf(blue) || color.NRGBAModel.Convert(c).(color.NRGBA).A != 0x40 {
		t.Errorf("a faint tint that reads was changed to %v", c)
	}
	c := ReadableTint(blue, 0xa0, white, grey)
	if got := Contrast(grey, Over(c, white)); got < MinTextContrast {
		t.Errorf("grey text on the tint %v reads at %.2f:1", c, got)
	}
	if a := color.NRGBAModel.Convert(c).(color.NRGBA).A; a < 0x40 {
		t.Errorf("the tint faded further than needed, to alpha %#x", a)
	}
}

func TestMeterWritesWholePercentsRoundedDown(t *testing.T) {
	for v, want := range map[float64]string{0: "0%", 0.13: "13%", 0.29: "29%", 0.999: "99%", 1: "100%", 1.2: "100%", -1: "0%"} {
		if got := (&Meter{Value: v}).Percent(); got != want {
			t.Errorf("%v is written %q, want %q", v, got, want)
		}
	}
}
