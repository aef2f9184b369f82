package widgets

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/practice"
	"github.com/studyplanner/studyplanner/internal/salary"
)

// A chart builds its shapes once per change of data, theme or size: the
// layout passes Fyne makes at the size a chart already has (several per
// screen switch) reuse them. Rebuilding on every pass made switching to
// Salaries on a large history cost a third of a second.
func TestChartsBuildTheirShapesOncePerChange(t *testing.T) {
	test.NewTempApp(t)
	day := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	heat := NewHeatmap()
	heat.Set(map[time.Time]int{day: 60, day.AddDate(0, 0, -3): 30}, day, time.Monday)
	ranges := NewRangeChart()
	ranges.Set([]salary.Compared{{Range: salary.Range{Country: "Germany", Currency: "EUR", Min: 50000, Max: 70000}, BaseMin: 50000, BaseMax: 70000}}, "EUR", nil)
	levels := NewLevelChart()
	levels.SetCategories([]plan.Category{{Name: "Languages", Skills: []plan.Skill{{Name: "Go", CurrentLevel: 2, TargetLevel: 4}}}})
	weeks := NewWeekChart()
	weeks.Set([]WeekBar{{Start: day, Planned: 10, Done: 4, Current: true}})
	month := NewMonthCalendar()
	month.SetMonth(day, day, day, time.Monday, func(time.Time) DayFacts { return DayFacts{PlannedHours: 1, Focus: "Go"} })

	topics := NewTopicChart()
	topics.Set([]practice.Strength{{Topic: "databases-sql", Cards: 10, Reviewed: 6, Mean: 0.8}}, 0.9)
	funnel := NewFunnelChart()
	funnel.Set([]FunnelStep{{Label: "Applied", Count: 10}, {Label: "Screening", Count: 4, Conversion: 0.4}})
	perWeek := NewWeekBars()
	perWeek.Set([]int{2, 0, 3}, "2 Nov", "16 Nov")

	charts := map[string]fyne.Widget{"heatmap": heat, "salary ranges": ranges, "skill levels": levels, "weeks": weeks, "month": month,
		"topic strength": topics, "funnel": funnel, "applications a week": perWeek}
	for name, chart := range charts {
		size := fyne.NewSize(900, 400)
		chart.Resize(size)
		r := test.WidgetRenderer(chart)
		r.Layout(size)
		first := r.Objects()[0]
		firstPos := first.Position()
		// Moving a shape off its place shows whether a layout pass put
		// it back: a month calendar keeps its shapes and places them.
		first.Move(fyne.NewPos(-1000, -1000))
		r.Layout(size)
		if r.Objects()[0] != first || first.Position() != fyne.NewPos(-1000, -1000) {
			t.Errorf("%s: a layout pass at the same size built or placed its shapes again", name)
		}
		chart.Refresh()
		if got := r.Objects()[0]; got == first && got.Position() != firstPos {
			t.Errorf("%s: Refresh (new data or theme) did not draw the chart again", name)
		}
		r.Layout(fyne.NewSize(700, 400))
		if got := r.Objects()[0]; got == first && got.Position() == fyne.NewPos(-1000, -1000) {
			t.Errorf("%s: a new size did not draw the chart again", name)
		}
	}
}
