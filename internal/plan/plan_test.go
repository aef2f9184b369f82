package plan

import (
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		from   string
		months int
		want   string
	}{
		{"2026-11-25", 9, "2027-08-25"},
		{"2026-01-31", 1, "2026-02-28"}, // clamps to the month's last day
		{"2028-01-31", 1, "2028-02-29"}, // leap year
		{"2026-12-15", 1, "2027-01-15"}, // crosses the year
		{"2026-03-31", 36, "2029-03-31"},
		{"2026-05-31", -1, "2026-04-30"},
	}
	for _, tt := range tests {
		if got := AddMonths(day(tt.from), tt.months).Format("2006-01-02"); got != tt.want {
			t.Errorf("AddMonths(%s, %d) = %s, want %s", tt.from, tt.months, got, tt.want)
		}
	}
}

func TestSettingsValidate(t *testing.T) {
	good := DefaultSettings(day("2026-11-25"), time.Monday)
	tests := []struct {
		name    string
		change  func(*Settings)
		wantErr bool
	}{
		{"default", func(*Settings) {}, false},
		{"shortest", func(s *Settings) { s.HorizonMonths = 1 }, false},
		{"longest", func(s *Settings) { s.HorizonMonths = 36 }, false},
		{"zero months", func(s *Settings) { s.HorizonMonths = 0 }, true},
		{"too long", func(s *Settings) { s.HorizonMonths = 37 }, true},
		{"no start", func(s *Settings) { s.StartDate = time.Time{} }, true},
		{"half an hour", func(s *Settings) { s.HoursPerWeek = 0.5 }, false},
		{"no hours", func(s *Settings) { s.HoursPerWeek = 0 }, true},
		{"too many hours", func(s *Settings) { s.HoursPerWeek = 101 }, true},
		{"no study days", func(s *Settings) { s.StudyDays = [7]bool{} }, true},
		{"no streak minimum", func(s *Settings) { s.MinStreakMinutes = 0 }, true},
		// Fails on 522c7e7 (no StudyTime): a study time is HH:MM or empty.
		{"study time", func(s *Settings) { s.StudyTime = "07:30" }, false},
		{"study time unpadded", func(s *Settings) { s.StudyTime = "7:30" }, true},
		{"study time past midnight", func(s *Settings) { s.StudyTime = "24:10" }, true},
		{"study time in words", func(s *Settings) { s.StudyTime = "evening" }, true},
	}
	for _, tt := range tests {
		s := good
		tt.change(&s)
		if err := s.Validate(); (err != nil) != tt.wantErr {
			t.Errorf("%s: Validate() = %v, want error %v", tt.name, err, tt.wantErr)
		}
	}
}

func TestWeeksLeft(t *testing.T) {
	s := Settings{StartDate: day("2026-11-25"), HorizonMonths: 9} // finishes 2027-08-25
	tests := []struct {
		today string
		want  int
	}{
		{"2026-11-25", 39}, // 273 days
		{"2027-08-18", 1},
		{"2027-08-24", 1}, // one day left still counts as a week
		{"2027-08-25", 0},
		{"2028-01-01", 0},
		{"2026-01-01", 86}, // before the start: 601 days, the plan plus the wait
	}
	for _, tt := range tests {
		if got := WeeksLeft(s, day(tt.today)); got != tt.want {
			t.Errorf("WeeksLeft on %s = %d, want %d", tt.today, got, tt.want)
		}
	}
}

func TestWeekStart(t *testing.T) {
	tests := []struct {
		day   string
		first time.Weekday
		want  string
	}{
		{"2026-11-25", time.Monday, "2026-11-23"}, // a Wednesday
		{"2026-11-23", time.Monday, "2026-11-23"},
		{"2026-11-29", time.Monday, "2026-11-23"}, // Sunday ends the week
		{"2026-11-29", time.Sunday, "2026-11-29"},
		{"2026-11-25", time.Sunday, "2026-11-22"},
	}
	for _, tt := range tests {
		if got := WeekStart(day(tt.day), tt.first).Format("2006-01-02"); got != tt.want {
			t.Errorf("WeekStart(%s, %v) = %s, want %s", tt.day, tt.first, got, tt.want)
		}
	}
}

// TestStudyAtFallsBackToTheReminderThenSixPM: the plan's own study time
// wins, then the reminder time, then 18:00; ParseClock pads the hour.
// Fails on 522c7e7: there was no study time.
func TestStudyAtFallsBackToTheReminderThenSixPM(t *testing.T) {
	for _, tt := range []struct{ own, reminder, want string }{
		{"07:30", "19:00", "07:30"},
		{"", "19:00", "19:00"},
		{"", "9:05", "09:05"},
		{"", "", "18:00"},
		{"", "soon", "18:00"},
	} {
		if got := (Settings{StudyTime: tt.own}).StudyAt(tt.reminder); got != tt.want {
			t.Errorf("study time %q, reminder %q: StudyAt = %q, want %q", tt.own, tt.reminder, got, tt.want)
		}
	}
	if got, err := ParseClock(" 6:45 "); got != "06:45" || err != nil {
		t.Errorf("ParseClock(6:45) = %q, %v", got, err)
	}
	if _, err := ParseClock("25:00"); err == nil || !strings.Contains(err.Error(), "24-hour HH:MM") {
		t.Errorf("ParseClock(25:00) = %v", err)
	}
}
