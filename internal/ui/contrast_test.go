package ui

import (
	"fmt"
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// contrastRow is one pair of colours the app shows together, measured.
type contrastRow struct {
	what  string
	ratio float64
	min   float64
}

// contrastTable measures, in one variant, the theme's colours the app pairs.
func contrastTable(t *testing.T, th fyne.Theme) []contrastRow {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
	bg, field := c(theme.ColorNameBackground), c(theme.ColorNameInputBackground)
	return []contrastRow{
		{"text on the background", widgets.Contrast(c(theme.ColorNameForeground), bg), widgets.MinTextContrast},
		{"muted text (scales, notes) on the background", widgets.Contrast(c(theme.ColorNamePlaceHolder), bg), widgets.MinTextContrast},
		{"a placeholder in a field", widgets.Contrast(c(theme.ColorNamePlaceHolder), field), widgets.MinTextContrast},
		{"a caption on the background", widgets.Contrast(captionColour(t), bg), widgets.MinTextContrast},
		{"a success note (a save confirmed) on the background", widgets.Contrast(successColour(t), bg), widgets.MinTextContrast},
		{"a field's or checkbox's outline on the background", widgets.Contrast(c(theme.ColorNameInputBorder), bg), widgets.MinOutlineContrast},
		{"a checkbox's outline on its own fill", widgets.Contrast(c(theme.ColorNameInputBorder), field), widgets.MinOutlineContrast},
		{"an unticked checkbox, as drawn, on the background", widgets.Contrast(outlineInk(t, widget.NewCheck("Remind me", nil)), bg), widgets.MinOutlineContrast},
		{"an unselected radio button, as drawn, on the background", widgets.Contrast(outlineInk(t, widget.NewRadioGroup([]string{"Week"}, nil)), bg), widgets.MinOutlineContrast},
		{"a bar (primary) on its track", widgets.Contrast(c(theme.ColorNamePrimary), field), widgets.MinOutlineContrast},
	}
}

// captionColour is the colour a caption's text is drawn in.
func captionColour(t *testing.T) color.Color {
	return labelInk(t, caption("Today"))
}

// successColour is the colour a success note's text is drawn in, as Plan
// settings confirms a save.
func successColour(t *testing.T) color.Color {
	l := widget.NewLabel("Saved")
	l.Importance = widget.SuccessImportance
	return labelInk(t, l)
}

// labelInk is the colour l's text is drawn in.
func labelInk(t *testing.T, l *widget.Label) color.Color {
	test.NewTempWindow(t, l)
	var found color.Color
	drawnTexts(l, color.White, func(text *canvas.Text, _ color.Color, _ fyne.Position) { found = text.Color })
	if found == nil {
		t.Fatalf("the label %q draws no text", l.Text)
	}
	return found
}

// outlineInk is the colour the outline of an unticked checkbox or an
// unselected radio button is drawn in, as the most opaque pixel of it
// shows: a line too thin to cover a whole pixel is drawn fainter.
func outlineInk(t *testing.T, control fyne.Widget) color.Color {
	test.NewTempWindow(t, control)
	var ink color.NRGBA
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *canvas.Image:
			if res, ok := x.Resource.(fyne.ThemedResource); ok && x.Image != nil && res.ThemeColorName() == theme.ColorNameInputBorder {
				ink = inkOf(x.Image)
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
	walk(control)
	if ink.A == 0 {
		t.Fatalf("%T draws no outline", control)
	}
	return ink
}

// drawnTexts calls fn with every text drawn under root, the colour
// beneath its middle (the filled rectangles drawn before it there, laid
// over bg) and where it is in root.
func drawnTexts(root fyne.CanvasObject, bg color.Color, fn func(text *canvas.Text, under color.Color, at fyne.Position)) {
	type fill struct {
		pos, end fyne.Position
		colour   color.Color
	}
	var fills []fill
	var walk func(o fyne.CanvasObject, at fyne.Position)
	walk = func(o fyne.CanvasObject, at fyne.Position) {
		if !o.Visible() {
			return
		}
		at = at.Add(o.Position())
		switch x := o.(type) {
		case *canvas.Rectangle:
			fills = append(fills, fill{at, at.Add(x.Size()), x.FillColor})
		case *canvas.Text:
			if x.Text == "" {
				return
			}
			size := x.Size().Max(x.MinSize())
			mid := at.Add(fyne.NewPos(size.Width/2, size.Height/2))
			under := widgets.Over(bg, color.Black)
			for _, f := range fills {
				if f.colour != nil && mid.X >= f.pos.X && mid.X <= f.end.X && mid.Y >= f.pos.Y && mid.Y <= f.end.Y {
					under = widgets.Over(f.colour, under)
				}
			}
			fn(x, under, at)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c, at)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c, at)
			}
		}
	}
	walk(root, fyne.NewPos(-root.Position().X, -root.Position().Y))
}

// widgetTexts measures every text each of the app's own widgets draws,
// over what it draws beneath.
func widgetTexts(t *testing.T, th fyne.Theme) []contrastRow {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	bg := th.Color(theme.ColorNameBackground, v)
	var rows []contrastRow
	for _, w := range drawnWidgets() {
		win := test.NewTempWindow(t, w.widget)
		win.SetPadded(false)
		win.Resize(w.size)
		w.fill()
		worst := map[string]contrastRow{}
		drawnTexts(w.widget, bg, func(text *canvas.Text, under color.Color, at fyne.Position) {
			key := fmt.Sprintf("%s: text %v on %v", w.name, widgets.Over(text.Color, under), under)
			row := contrastRow{fmt.Sprintf("%s: %q", w.name, text.Text), widgets.Contrast(text.Color, under), widgets.MinTextContrast}
			if w.muted != nil && w.muted(at) {
				row.what += ", of another month"
				row.min = widgets.MinMutedTextContrast
			}
			if old, seen := worst[key]; !seen || row.ratio < old.ratio {
				worst[key] = row
			}
		})
		if len(worst) == 0 {
			t.Errorf("%s draws no text", w.name)
		}
		for _, row := range worst {
			rows = append(rows, row)
		}
	}
	return rows
}

type drawnWidget struct {
	name   string
	widget fyne.Widget
	size   fyne.Size
	fill   func()
	// muted, if set, tells the texts that step back, held to
	// widgets.MinMutedTextContrast, by where they are drawn.
	muted func(at fyne.Position) bool
}

// drawnWidgets are the app's widgets with data that makes them draw every
// kind of text they have: each shade of a calendar day, the highlighted
// target salary, a meter low and high, both kinds of block.
func drawnWidgets() []drawnWidget {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	week, heat, levels, ranges, month := widgets.NewWeekChart(), widgets.NewHeatmap(), widgets.NewLevelChart(), widgets.NewRangeChart(), widgets.NewMonthCalendar()
	low, high := widgets.NewMeter(), widgets.NewMeter()
	return []drawnWidget{
		{name: "week chart", widget: week, size: fyne.NewSize(600, 220), fill: func() {
			// The current week is the first of November, so its month is
			// written, in the primary colour.
			var bars []widgets.WeekBar
			for i := 0; i < 8; i++ {
				start := time.Date(2026, 10, 5+7*i, 0, 0, 0, 0, time.UTC)
				bars = append(bars, widgets.WeekBar{Start: start, Planned: 10, Done: float64(i), Current: i == 4})
			}
			week.Set(bars)
		}},
		{name: "heatmap", widget: heat, size: fyne.NewSize(700, 150), fill: func() { heat.Set(map[time.Time]int{today: 150}, today, time.Monday) }},
		{name: "level chart", widget: levels, size: fyne.NewSize(600, 160), fill: func() {
			levels.SetCategories([]plan.Category{{Name: "Languages", Skills: []plan.Skill{{Name: "Go", CurrentLevel: 2, TargetLevel: 3}}}})
		}},
		{name: "range chart", widget: ranges, size: fyne.NewSize(700, 250), fill: func() {
			ranges.Set([]salary.Compared{
				{Range: salary.Range{ID: 1, Country: "Germany", Currency: "EUR", Min: 40000, Max: 70000, Year: 2023}, BaseMin: 40000, BaseMax: 70000},
				{Range: salary.Range{ID: 2, Country: "Spain", Currency: "EUR", Min: 25000, Max: 40000, Year: 2023}, BaseMin: 25000, BaseMax: 40000},
				{Range: salary.Range{ID: 3, Country: "Peru", Currency: "PEN", Min: 1, Max: 2, Year: 2023}, Err: fmt.Errorf("no rate")},
			}, "EUR", func(r salary.Range) bool { return r.ID == 1 })
		}},
		{name: "month calendar", widget: month, size: fyne.NewSize(700, 500), fill: func() {
			month.SetMonth(today, today, today.AddDate(0, 0, 1), time.Monday, func(d time.Time) widgets.DayFacts {
				// Every shade: a week of each, and days planned or off.
				shades := []widgets.DayFacts{{LoggedMin: 150}, {LoggedMin: 75}, {LoggedMin: 20}, {PlannedHours: 2, Focus: "Go"}, {Off: true}}
				f := shades[(d.Day()/7)%len(shades)]
				if d.Equal(today) {
					f = widgets.DayFacts{LoggedMin: 150, PlannedHours: 2, Focus: "Go"}
				}
				return f
			})
		},
			// The days of October and December step back, at 3:1.
			muted: otherMonthOf(month, today, time.Monday, fyne.NewSize(700, 500))},
		{name: "meter at 13%", widget: low, size: fyne.NewSize(400, 30), fill: func() { low.SetValue(0.13) }},
		{name: "meter at 87%", widget: high, size: fyne.NewSize(400, 30), fill: func() { high.SetValue(0.87) }},
		{name: "week block planned", widget: widgets.NewBlock("Python\n3.6 h", plannedTint), size: fyne.NewSize(150, 60), fill: func() {}},
		{name: "week block logged", widget: widgets.NewBlock("✓ 1 h 30 min Go", loggedTint), size: fyne.NewSize(150, 60), fill: func() {}},
	}
}

// otherMonthOf tells whether a text drawn at a point of a month calendar
// of size, showing the month of day with weeks from weekStart, lies in a
// day of another month: those step back, at 3:1 (widgets.MinMutedTextContrast).
// The grid is as the calendar lays it out: a header row of weekdays, then
// six rows of seven days.
func otherMonthOf(c *widgets.MonthCalendar, day time.Time, weekStart time.Weekday, size fyne.Size) func(fyne.Position) bool {
	return func(at fyne.Position) bool {
		th := c.Theme()
		header := th.Size(theme.SizeNameText) + 2*th.Size(theme.SizeNamePadding)
		if at.Y < header {
			return false
		}
		row, col := int((at.Y-header)/((size.Height-header)/6)), int(at.X/(size.Width/7))
		first := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
		d := plan.WeekStart(first, weekStart).AddDate(0, 0, 7*row+col)
		return d.Month() != day.Month()
	}
}

// Fails on 522c7e7, measured there by turning off each change it guards
// (the theme's colours and outlines, the captions' colour, Legible and
// ReadableTint, Fyne's progress bar for Meter). In light: an unticked
// checkbox drawn at 1.15:1 (its colour 1.28:1), a radio button at 1.24:1,
// muted text 3.54:1 on white and 3.19:1 in a field, captions 1.28:1; the
// calendar's text on its strongest shade 2.45:1, today's date on it 1.49:1,
// planned work 1.18:1; a target salary's figures 2.48:1; a logged session
// on the week view 2.99:1; Fyne's progress bar's 13% 2.01:1. In dark: the
// checkbox 1.25:1, captions 1.55:1, today's date 1.44:1. Run with -v for
// the whole table.
// Fails on 0a96a61 too: a success note (Plan settings' "Saved") was Fyne's
// green, 1.48:1 on white. The month calendar's days of the months either
// side are held to 3:1, not 4.5:1: they step back on purpose
// (TestOtherMonthsDaysStepBack in package widgets), and are read in full
// in their own month.
func TestTextAndOutlinesReadInBothThemes(t *testing.T) {
	for _, pref := range []string{"light", "dark"} {
		t.Run(pref, func(t *testing.T) {
			a := test.NewTempApp(t)
			th := newAppTheme(pref)
			a.Settings().SetTheme(th)
			rows := append(contrastTable(t, th), widgetTexts(t, th)...)
			for _, r := range rows {
				mark := "ok"
				if r.ratio < r.min {
					mark = "TOO LOW"
					t.Errorf("%s: %.2f:1, below %.1f:1", r.what, r.ratio, r.min)
				}
				t.Logf("%-70s %5.2f:1 (%.1f) %s", r.what, r.ratio, r.min, mark)
			}
		})
	}
}
