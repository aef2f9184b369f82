package plan

import (
	"testing"
	"time"
)

func TestStudyTimer(t *testing.T) {
	start := time.Date(2026, 11, 25, 18, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		cycle   bool
		after   time.Duration
		minutes int
		onBreak bool
		left    time.Duration
	}{
		{"plain", false, 47*time.Minute + 40*time.Second, 48, false, 0},
		{"under half a minute", false, 20 * time.Second, 0, false, 0},
		{"first focus", true, 10 * time.Minute, 10, false, 15 * time.Minute},
		{"first break counts no study", true, 28 * time.Minute, 25, true, 2 * time.Minute},
		{"second focus", true, 40 * time.Minute, 35, false, 15 * time.Minute},
		{"two full cycles", true, 60 * time.Minute, 50, false, 25 * time.Minute},
	}
	for _, tt := range tests {
		timer := StudyTimer{Started: start, Cycle: tt.cycle}
		now := start.Add(tt.after)
		if got := timer.StudyMinutes(now); got != tt.minutes {
			t.Errorf("%s: StudyMinutes = %d, want %d", tt.name, got, tt.minutes)
		}
		onBreak, left := timer.Phase(now)
		if onBreak != tt.onBreak || left != tt.left {
			t.Errorf("%s: Phase = %v, %v; want %v, %v", tt.name, onBreak, left, tt.onBreak, tt.left)
		}
	}
}

func TestShouldRemind(t *testing.T) {
	s := Settings{StudyDays: WeekdaysOnly}
	s.DaysOff = []DayOff{{Date: day("2026-11-27")}} // a Friday off
	at := func(d string, hh, mm int) time.Time {
		return day(d).Add(time.Duration(hh)*time.Hour + time.Duration(mm)*time.Minute)
	}
	tests := []struct {
		name     string
		now      time.Time
		lastSent time.Time
		want     bool
	}{
		{"before the time", at("2026-11-25", 17, 59), time.Time{}, false},
		{"at the time", at("2026-11-25", 18, 0), time.Time{}, true},
		{"later the same evening", at("2026-11-25", 21, 0), time.Time{}, true},
		{"already sent today", at("2026-11-25", 18, 1), at("2026-11-25", 18, 0), false},
		{"sent yesterday", at("2026-11-26", 18, 0), at("2026-11-25", 18, 0), true},
		{"a day off", at("2026-11-27", 18, 0), time.Time{}, false},
		{"the weekend", at("2026-11-28", 18, 0), time.Time{}, false},
	}
	for _, tt := range tests {
		if got := ShouldRemind(s, "18:00", tt.now, tt.lastSent); got != tt.want {
			t.Errorf("%s: ShouldRemind = %v, want %v", tt.name, got, tt.want)
		}
	}
	if ShouldRemind(s, "6pm", at("2026-11-25", 19, 0), time.Time{}) {
		t.Error("a malformed time reminded")
	}
}
