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

func TestProjectedFinish(t *testing.T) {
	today := day("2026-11-28")
	tests := []struct {
		remaining, pace float64
		want            string
		ok              bool
	}{
		{30, 10, "2026-12-19", true}, // 3 weeks
		{0, 0, "2026-11-28", true},
		{5, 0, "", false},
		{1, 3, "2026-12-01", true}, // 2.33 days, rounded up
		{1000, 0.1, "", false},     // 190 years: no date
	}
	for _, tt := range tests {
		got, ok := ProjectedFinish(tt.remaining, tt.pace, today)
		if ok != tt.ok || (ok && got.Format("2006-01-02") != tt.want) {
			t.Errorf("ProjectedFinish(%v, %v) = %s, %v; want %s, %v", tt.remaining, tt.pace, got.Format("2006-01-02"), ok, tt.want, tt.ok)
		}
	}
}

// weekdayPlan starts on Monday 2 November 2026: 10 h a week over five
// weekdays, 2 h a day, nine months, 500 h of work (it does not fit: the
// standing must not care).
func weekdayPlan() Plan {
	s := DefaultSettings(day("2026-11-02"), time.Monday)
	return Plan{Settings: s, Steps: []Step{{Title: "All", Hours: 500, Status: StepTodo}}}
}

// The first week: "10 days behind" on day 3, "6 days ahead" after
// one 45-minute session, a finish in 2092. Measured against the time
// planned up to today, none of it happens.
func TestStandingInTheFirstWeeks(t *testing.T) {
	p := weekdayPlan()
	tests := []struct {
		name     string
		today    string
		minutes  map[string]int
		ahead    int
		planned  float64
		ready    bool
		waitDays int
	}{
		{"before the start", "2026-11-01", nil, 0, 0, false, 0},
		{"first day, nothing yet", "2026-11-02", nil, 0, 0, false, 13},
		{"day 3, nothing logged", "2026-11-04", nil, -2, 4, false, 11},
		{"day 3, 45 minutes today", "2026-11-04", map[string]int{"2026-11-04": 45}, -1, 4, false, 11},
		{"day 3, on plan", "2026-11-04", map[string]int{"2026-11-02": 120, "2026-11-03": 120}, 0, 4, false, 11},
		{"day 3, a weekend's worth ahead", "2026-11-04", map[string]int{"2026-11-02": 240, "2026-11-03": 240, "2026-11-04": 120}, 3, 4, false, 11},
		{"weekend after week 1", "2026-11-07", map[string]int{"2026-11-02": 600}, 0, 10, false, 8},
		{"two weeks in", "2026-11-15", map[string]int{"2026-11-02": 1200}, 0, 20, true, 0},
	}
	for _, tt := range tests {
		minutes := map[time.Time]int{}
		for d, m := range tt.minutes {
			minutes[day(d)] = m
		}
		st := p.StandingOn(minutes, 480, day(tt.today))
		if st.DaysAhead != tt.ahead || math.Abs(st.PlannedHours-tt.planned) > 1e-9 {
			t.Errorf("%s: %d days ahead of %v h planned; want %d of %v", tt.name, st.DaysAhead, st.PlannedHours, tt.ahead, tt.planned)
		}
		if st.Projection.Ready != tt.ready || st.Projection.DaysToWait != tt.waitDays {
			t.Errorf("%s: projection ready %v, %d days to wait; want %v, %d", tt.name, st.Projection.Ready, st.Projection.DaysToWait, tt.ready, tt.waitDays)
		}
	}
}

// No session moves the standing by more than its own length in study
// days, whatever the day: the old measure moved by weeks.
func TestOneSessionMovesTheStandingByItsLengthAtMost(t *testing.T) {
	p := weekdayPlan()
	for offset := 0; offset < 60; offset++ {
		today := day("2026-11-02").AddDate(0, 0, offset)
		minutes := map[time.Time]int{}
		before := p.StandingOn(minutes, 480, today)
		minutes[today] = 45
		after := p.StandingOn(minutes, 479.25, today)
		if d := after.DaysAhead - before.DaysAhead; d < 0 || d > 1 {
			t.Fatalf("on %s one 45-minute session moved the standing by %d days", today.Format("2006-01-02"), d)
		}
		if before.Projection.Ready && after.Projection.Ready && !before.Projection.Finish.IsZero() {
			t.Fatalf("on %s a projection was made from no study at all", today.Format("2006-01-02"))
		}
	}
}

func TestTheProjectionUsesTheRecentPace(t *testing.T) {
	p := weekdayPlan()
	today := day("2026-12-13") // six weeks in: the last four count
	minutes := map[time.Time]int{
		day("2026-12-13"): 120, // today counts
		day("2026-11-16"): 600, // 27 days ago, the window's first day
		day("2026-11-15"): 999, // outside the window
	}
	st := p.StandingOn(minutes, 30, today)
	if math.Abs(st.Projection.Pace-3) > 1e-9 {
		t.Errorf("pace %v, want 3 h a week (12 h over 4 weeks)", st.Projection.Pace)
	}
	if got := st.Projection.Finish.Format("2006-01-02"); got != "2027-02-21" {
		t.Errorf("projected finish %s, want 2027-02-21 (10 weeks at 3 h)", got)
	}
	// Early on, the pace is over the days the plan has run, not four weeks.
	early := p.StandingOn(map[time.Time]int{day("2026-11-02"): 14 * 60}, 30, day("2026-11-15"))
	if math.Abs(early.Projection.Pace-7) > 1e-9 {
		t.Errorf("pace after two weeks %v, want 7 h a week (14 h over 2 weeks)", early.Projection.Pace)
	}
}

func TestBaselineWeeks(t *testing.T) {
	// Four weeks from Monday 2026-11-02 at 7 h a week, every day a study day:
	// 1 h a day to 2026-12-02 (30 days), for 30 h of work.
	s := Settings{StartDate: day("2026-11-02"), HorizonMonths: 1, HoursPerWeek: 7, WeekStart: time.Monday, MinStreakMinutes: 15}
	for d := range s.StudyDays {
		s.StudyDays[d] = true
	}
	p := Plan{Settings: s, Steps: []Step{{Title: "All", Hours: 30, Status: StepTodo}}}
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
