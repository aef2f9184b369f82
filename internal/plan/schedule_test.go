package plan

import (
	"reflect"
	"testing"
	"time"
)

// A path whose hours make the arithmetic easy to follow: 100 hours over a
// plan of whole weeks.
func samplePath() ([]Step, []Category) {
	st := []Step{
		{Title: "Decide", Hours: 10},
		{Title: "Learn", CoversSkills: true},
		{Title: "Portfolio", Hours: 30},
	}
	cats := []Category{
		{Name: "Languages", Skills: []Skill{{Name: "Go", Hours: 40}}},
		{Name: "Data", Skills: []Skill{{Name: "SQL", Hours: 20}}},
	}
	return st, cats
}

func TestScheduleWeeks(t *testing.T) {
	st, cats := samplePath()
	// 2026-11-23 is a Monday; the month to 2026-12-23 is 30 days, so 5
	// weeks, the last of 2 days.
	s := Settings{StartDate: day("2026-11-23"), HorizonMonths: 1}
	weeks := Schedule(s, st, cats, time.Monday)
	if len(weeks) != 5 {
		t.Fatalf("got %d weeks, want 5", len(weeks))
	}
	wantDays := []int{7, 7, 7, 7, 2}
	for i, w := range weeks {
		if w.Number != i+1 {
			t.Errorf("week %d numbered %d", i+1, w.Number)
		}
		if w.PlanDays != wantDays[i] {
			t.Errorf("week %d has %d plan days, want %d", i+1, w.PlanDays, wantDays[i])
		}
		if w.Start.Weekday() != time.Monday {
			t.Errorf("week %d starts on %v", i+1, w.Start.Weekday())
		}
	}
	// 100 hours over 30 days: Decide takes days 0–3, Go 3–15, SQL 15–21
	// and Portfolio 21–30.
	want := []struct{ steps, skills []string }{
		{[]string{"Decide", "Learn"}, []string{"Go"}},
		{[]string{"Learn"}, []string{"Go"}},
		{[]string{"Learn"}, []string{"Go", "SQL"}},
		{[]string{"Portfolio"}, nil},
		{[]string{"Portfolio"}, nil},
	}
	for i, w := range weeks {
		if !reflect.DeepEqual(w.Steps, want[i].steps) || !reflect.DeepEqual(w.Skills, want[i].skills) {
			t.Errorf("week %d = %q %q, want %q %q", i+1, w.Steps, w.Skills, want[i].steps, want[i].skills)
		}
	}
}

func TestScheduleStartsMidWeek(t *testing.T) {
	st, cats := samplePath()
	s := Settings{StartDate: day("2026-11-25"), HorizonMonths: 9} // a Wednesday
	weeks := Schedule(s, st, cats, time.Monday)
	if got := weeks[0].Start.Format("2006-01-02"); got != "2026-11-23" {
		t.Errorf("first week starts %s, want the Monday 2026-11-23", got)
	}
	if weeks[0].PlanDays != 5 {
		t.Errorf("first week has %d plan days, want 5 (Wednesday to Sunday)", weeks[0].PlanDays)
	}
	total := 0
	for _, w := range weeks {
		total += w.PlanDays
	}
	if want := DaysBetween(s.StartDate, s.FinishDate()); total != want {
		t.Errorf("weeks cover %d plan days, want %d", total, want)
	}
	last := weeks[len(weeks)-1]
	if !last.Contains(s.FinishDate().AddDate(0, 0, -1)) {
		t.Errorf("the last week %s does not hold the plan's last day", last.Start)
	}
}

func TestScheduleKeepsEveryItemInOrder(t *testing.T) {
	st, cats := samplePath()
	st = append(st, Step{Title: "No estimate"}, Step{Title: "Skipped", Hours: 500, Status: StepSkipped})
	s := Settings{StartDate: day("2026-11-25"), HorizonMonths: 9}
	weeks := Schedule(s, st, cats, time.Monday)
	var order []string
	seen := map[string]bool{}
	for _, w := range weeks {
		for _, name := range append(append([]string{}, w.Steps...), w.Skills...) {
			if !seen[name] {
				seen[name] = true
				order = append(order, name)
			}
		}
	}
	for _, name := range []string{"Decide", "Learn", "Go", "SQL", "Portfolio", "No estimate"} {
		if !seen[name] {
			t.Errorf("%q is in no week", name)
		}
	}
	if seen["Skipped"] {
		t.Error("a skipped step was scheduled")
	}
	if !weeks[len(weeks)-1].hasStep("No estimate") {
		t.Error("unestimated work at the end of the path belongs in the last week")
	}
	if order[0] != "Decide" || order[len(order)-1] != "No estimate" {
		t.Errorf("items out of order: %q", order)
	}
}

func TestScheduleWithoutEstimates(t *testing.T) {
	st := []Step{{Title: "One"}, {Title: "Two"}}
	s := Settings{StartDate: day("2026-11-23"), HorizonMonths: 1}
	weeks := Schedule(s, st, nil, time.Monday)
	if !weeks[0].hasStep("One") || weeks[0].hasStep("Two") {
		t.Errorf("first week = %q, want only One", weeks[0].Steps)
	}
	if !weeks[len(weeks)-1].hasStep("Two") {
		t.Errorf("last week = %q, want Two", weeks[len(weeks)-1].Steps)
	}
}

func TestScheduleEmptyPlan(t *testing.T) {
	s := Settings{StartDate: day("2026-11-23"), HorizonMonths: 2}
	weeks := Schedule(s, nil, nil, time.Monday)
	if len(weeks) == 0 {
		t.Fatal("an empty roadmap still has calendar weeks")
	}
	for _, w := range weeks {
		if len(w.Steps) > 0 || len(w.Skills) > 0 {
			t.Errorf("week %d plans %q %q with nothing to plan", w.Number, w.Steps, w.Skills)
		}
	}
}

func (w Week) hasStep(title string) bool {
	for _, s := range w.Steps {
		if s == title {
			return true
		}
	}
	return false
}
