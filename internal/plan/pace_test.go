package plan

import (
	"math"
	"testing"
	"time"
)

func minutesOn(days ...string) map[time.Time]int {
	m := map[time.Time]int{}
	for _, d := range days {
		m[day(d)] += 30
	}
	return m
}

func TestStreaks(t *testing.T) {
	s := Settings{StudyDays: WeekdaysOnly, MinStreakMinutes: 20}
	s.DaysOff = []DayOff{{Date: day("2026-11-19")}}
	// 2026-11-16 is a Monday.
	tests := []struct {
		name             string
		minutes          map[time.Time]int
		today            string
		current, longest int
	}{
		{"nothing", nil, "2026-11-20", 0, 0},
		{"today counts", minutesOn("2026-11-20"), "2026-11-20", 1, 1},
		{"today not yet studied keeps the run", minutesOn("2026-11-18"), "2026-11-19", 1, 1},
		{"a missed study day breaks it", minutesOn("2026-11-16", "2026-11-18"), "2026-11-18", 1, 1},
		{"a day off does not break it", minutesOn("2026-11-18", "2026-11-20"), "2026-11-20", 2, 2},
		{"the weekend does not break it", minutesOn("2026-11-20", "2026-11-23"), "2026-11-23", 2, 2},
		{"studying at the weekend counts", minutesOn("2026-11-20", "2026-11-21", "2026-11-23"), "2026-11-23", 3, 3},
		{"longest is kept after a break", minutesOn("2026-11-09", "2026-11-10", "2026-11-11", "2026-11-16"), "2026-11-17", 1, 3},
		{"a gap ends the current run", minutesOn("2026-11-09", "2026-11-10"), "2026-11-17", 0, 2},
	}
	for _, tt := range tests {
		cur, long := Streaks(tt.minutes, s, day(tt.today))
		if cur != tt.current || long != tt.longest {
			t.Errorf("%s: streaks = %d, %d; want %d, %d", tt.name, cur, long, tt.current, tt.longest)
		}
	}
	short := map[time.Time]int{day("2026-11-20"): 10}
	if cur, _ := Streaks(short, s, day("2026-11-20")); cur != 0 {
		t.Error("10 minutes counted for a 20-minute streak day")
	}
}

func TestRecentPaceAndProjection(t *testing.T) {
	today := day("2026-11-28")
	m := map[time.Time]int{
		day("2026-11-28"): 120, // today counts
		day("2026-11-01"): 600, // 27 days ago, the window's first day
		day("2026-10-31"): 999, // outside the window
	}
	if got := RecentPace(m, today); math.Abs(got-12/4.0) > 1e-9 {
		t.Errorf("RecentPace = %v, want 3 h/week (12 h over 4 weeks)", got)
	}
	tests := []struct {
		remaining, pace float64
		want            string
		ok              bool
	}{
		{30, 10, "2026-12-19", true}, // 3 weeks
		{0, 0, "2026-11-28", true},
		{5, 0, "", false},
		{1, 3, "2026-12-01", true}, // 2.33 days, rounded up
	}
	for _, tt := range tests {
		got, ok := ProjectedFinish(tt.remaining, tt.pace, today)
		if ok != tt.ok || (ok && got.Format("2006-01-02") != tt.want) {
			t.Errorf("ProjectedFinish(%v, %v) = %s, %v; want %s, %v", tt.remaining, tt.pace, got.Format("2006-01-02"), ok, tt.want, tt.ok)
		}
	}
}

func TestDaysAheadAndBaseline(t *testing.T) {
	// Four weeks from Monday 2026-11-02 at 7 h a week, every day a study day:
	// 1 h a day, 28 h in all, for 28 h of work.
	s := Settings{StartDate: day("2026-11-02"), HorizonMonths: 1, HoursPerWeek: 7, WeekStart: time.Monday, MinStreakMinutes: 15}
	for d := range s.StudyDays {
		s.StudyDays[d] = true
	}
	s.HorizonMonths = 1 // to 2026-12-02: 30 days
	p := Plan{Settings: s, Steps: []Step{{Title: "All", Hours: 30, Status: StepTodo}}}
	today := day("2026-11-12") // 10 days in: 10 h expected
	tests := []struct {
		remaining float64
		want      int
	}{
		{20, 0},  // 10 h done: on track
		{25, -5}, // 5 h done: 5 days behind
		{14, 6},  // 16 h done: 6 days ahead
	}
	for _, tt := range tests {
		if got := p.DaysAhead(tt.remaining, today); got != tt.want {
			t.Errorf("DaysAhead(remaining %v) = %d, want %d", tt.remaining, got, tt.want)
		}
	}
	weeks := p.BaselineWeeks()
	want := []float64{7, 7, 7, 7, 2}
	if len(weeks) != len(want) {
		t.Fatalf("baseline weeks = %v, want %v", weeks, want)
	}
	for i := range want {
		if weeks[i] != want[i] {
			t.Errorf("baseline week %d = %v, want %v", i+1, weeks[i], want[i])
		}
	}
}

func TestWeekStartForLocale(t *testing.T) {
	tests := map[string]time.Weekday{
		"en_US.UTF-8": time.Sunday, "en-CA": time.Sunday, "ja_JP": time.Sunday,
		"en_GB.UTF-8": time.Monday, "de_DE": time.Monday, "C": time.Monday, "": time.Monday, "fr": time.Monday,
	}
	for locale, want := range tests {
		if got := WeekStartForLocale(locale); got != want {
			t.Errorf("WeekStartForLocale(%q) = %v, want %v", locale, got, want)
		}
	}
}
