package widgets

import (
	"image/color"
	"strings"
	"testing"
	"time"

	_ "github.com/studyplanner/studyplanner/internal/localeenv" // no locale noise under LANG=C

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// Fails on 0a96a61: the days of October and December that fill November's
// grid were shaded for the study logged and the work planned on them, as
// November's were, and only their numbers were grey, the grey of a free
// day: at a glance next month's planned days read as this month's. Now
// they have no shade and all their text is a fainter grey, readable at
// 3:1 but plainly behind the month's own days, in either theme and after
// a switch between them.
func TestOtherMonthsDaysStepBack(t *testing.T) {
	c := NewMonthCalendar()
	nov := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	busy := func(time.Time) DayFacts { return DayFacts{LoggedMin: 150, PlannedHours: 2, Focus: "Go"} }
	free := func(time.Time) DayFacts { return DayFacts{Free: true} }
	a := showThenSwitch(t, c, fyne.NewSize(700, 500), func() { c.SetMonth(nov, today, today, time.Monday, busy) })
	for _, th := range []fyne.Theme{newTheme, oldTheme} {
		a.Settings().SetTheme(th)
		bg := th.Color(theme.ColorNameBackground, theme.VariantLight)
		// A free day of November: the grey the month's own quiet days keep.
		c.SetMonth(nov, today, today, time.Monday, free)
		r := test.WidgetRenderer(c).(*monthCalendarRenderer)
		freeDay := Contrast(r.cells[7].number.Color, bg) // Monday 2 November
		if freeDay < MinTextContrast {
			t.Fatalf("a free day of the month reads at %.2f:1", freeDay)
		}
		c.SetMonth(nov, today, today, time.Monday, busy)
		others := 0
		for row := 0; row < calendarRows; row++ {
			for col := 0; col < 7; col++ {
				d, cell := c.dayAt(row, col), r.cells[row*7+col]
				if d.Month() == time.November {
					if alphaOf(cell.bg.FillColor) == 0 {
						t.Errorf("%s, studied, has no shade", d.Format("2 Jan"))
					}
					continue
				}
				others++
				if alphaOf(cell.bg.FillColor) != 0 {
					t.Errorf("%s, of another month, is shaded %v", d.Format("2 Jan"), cell.bg.FillColor)
				}
				assertSteppedBack(t, d, bg, freeDay, map[string]*canvas.Text{"number": cell.number, "planned work": cell.planned, "time logged": cell.logged})
			}
		}
		if others != 6+6 {
			t.Errorf("%d days of other months, want October's 6 and December's 6", others)
		}
	}
}

// assertSteppedBack checks that each text of day d reads on bg at 3:1 (as
// WCAG 2 asks of large text and a control's parts) and at least a step
// fainter than a free day of the month, which reads at freeDay.
func assertSteppedBack(t *testing.T, d time.Time, bg color.Color, freeDay float64, texts map[string]*canvas.Text) {
	t.Helper()
	for what, text := range texts {
		if text.Text == "" {
			continue
		}
		got := Contrast(text.Color, bg)
		if got < 3 {
			t.Errorf("%s's %s %q reads at %.2f:1, below 3:1", d.Format("2 Jan"), what, text.Text, got)
		}
		if got > freeDay-1 {
			t.Errorf("%s's %s %q reads at %.2f:1, near a free day of the month's %.2f:1", d.Format("2 Jan"), what, text.Text, got, freeDay)
		}
	}
}

// Fails on 0e819a4: in a narrow window one day's "✓ 1 h 15 min" ran into
// the next day's, and planned hours were written "1.6 h".
func TestCalendarTextsStayInTheirDay(t *testing.T) {
	test.NewTempApp(t)
	c := NewMonthCalendar()
	nov := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	busy := func(time.Time) DayFacts {
		return DayFacts{LoggedMin: 75, PlannedHours: 1.6, Focus: "Relational database design"}
	}
	w := test.NewWindow(c)
	defer w.Close()
	c.SetMonth(nov, nov, nov, time.Monday, busy)
	w.Resize(fyne.NewSize(420, 420)) // 60 pixels a day
	c.Resize(fyne.NewSize(420, 420))
	r := test.WidgetRenderer(c).(*monthCalendarRenderer)
	cellWidth := c.Size().Width / 7
	for i, cell := range r.cells {
		for _, text := range []*canvas.Text{cell.planned, cell.logged} {
			if w := fyne.MeasureText(text.Text, text.TextSize, text.TextStyle).Width; w > cellWidth {
				t.Fatalf("day %d: %q is %.0f wide in a %.0f cell", i, text.Text, w, cellWidth)
			}
		}
	}
	c.Resize(fyne.NewSize(1400, 700))
	if got := r.cells[10].planned.Text; !strings.HasPrefix(got, "1 h 36 min Relational") {
		t.Errorf("a wide day says %q", got)
	}
}
