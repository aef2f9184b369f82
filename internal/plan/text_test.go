package plan

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestTextRulesCountCharactersAndRefuseControlCharacters(t *testing.T) {
	tests := []struct {
		name string
		text string
		max  int
		want string // part of the error; "" for accepted
	}{
		{"ASCII at the limit", strings.Repeat("a", 200), 200, ""},
		{"one over", strings.Repeat("a", 201), 200, "201 characters long; keep it to 200"},
		{"two-byte letters counted as characters", strings.Repeat("é", 200), 200, ""},
		{"four-byte emoji counted as characters", strings.Repeat("🦫", 200), 200, ""},
		{"a CJK name one over", strings.Repeat("漢", 201), 200, "201 characters"},
		{"tab and line breaks are text", "a\tb\r\nc", 200, ""},
		{"terminal escape", "x\x1b[31mred", 200, "control character (U+001B)"},
		{"NUL", "x\x00", 200, "U+0000"},
		{"C1 control", "x\u0085", 200, "U+0085"},
		{"line separator", "x\u2028y", 200, "U+2028"},
		{"broken UTF-8", "x\xff", 200, "not valid text"},
		{"thousands grouped", strings.Repeat("a", 100_001), 100_000, "100,001 characters long; keep it to 100,000"},
	}
	for _, tt := range tests {
		err := ValidateLength("note", tt.text, tt.max)
		if (tt.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("%s: ValidateLength = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestDatesOutsideTheRangeAreRefused(t *testing.T) {
	tests := []struct {
		date time.Time
		ok   bool
	}{
		{time.Time{}, false},
		{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{time.Date(1, 1, 1, 12, 0, 0, 0, time.FixedZone("east", 3600*5)), false}, // not zero, still year 1
		{time.Date(202, 11, 25, 0, 0, 0, 0, time.UTC), false},
		{time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC), false},
		{time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{time.Date(2026, 11, 25, 18, 0, 0, 0, time.Local), true},
		{time.Date(2199, 12, 31, 0, 0, 0, 0, time.UTC), true},
		{time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC), false},
	}
	for _, tt := range tests {
		err := ValidateDate("session's date", tt.date)
		if (err == nil) != tt.ok {
			t.Errorf("ValidateDate(%v) = %v, want ok=%v", tt.date, err, tt.ok)
		}
	}
	if err := ValidateSession(Session{Date: time.Date(1, 1, 1, 1, 0, 0, 0, time.Local), Minutes: 30}); err == nil {
		t.Error("a session dated 0001-01-01 was accepted; it would be stored without a date")
	}
	if err := ValidateDayOff(DayOff{Date: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)}); err == nil {
		t.Error("a day off dated 0001-01-01 was accepted")
	}
}

func TestCheckCount(t *testing.T) {
	if err := CheckCount("checklist items", MaxActions, MaxActions); err != nil {
		t.Errorf("the limit itself was refused: %v", err)
	}
	err := CheckCount("checklist items", MaxActions+1, MaxActions)
	if err == nil || !strings.Contains(err.Error(), "at most 20,000 checklist items, and this would make 20,001") {
		t.Errorf("over the limit: %v", err)
	}
}

func TestLongMessagesAreShortenedWithACount(t *testing.T) {
	long := strings.Repeat("word ", 2000)
	got := Shorten(long, 300)
	if n := len([]rune(got)); n > 360 || !strings.Contains(got, "more characters not shown") {
		t.Errorf("Shorten gave %d characters: %q", n, got[len(got)-60:])
	}
	if Shorten("short", 300) != "short" {
		t.Error("a short message was changed")
	}
	names := make([]string, 5001)
	for i := range names {
		names[i] = fmt.Sprintf("Skill %d", i%5000)
	}
	msg := (&CycleError{Path: names}).Error()
	if len(msg) > 400 || !strings.Contains(msg, "… 4989 more …") || !strings.HasPrefix(msg, "these prerequisites go round in a circle: Skill 0 → Skill 1") {
		t.Errorf("a 5,000-skill cycle is told in %d bytes: %.200q", len(msg), msg)
	}
}

func TestFormatMinutesIsTheOneWayDurationsAreWritten(t *testing.T) {
	for m, want := range map[int]string{1: "1 min", 45: "45 min", 60: "1 h", 96: "1 h 36 min", 120: "2 h", 1440: "24 h"} {
		if got := FormatMinutes(m); got != want {
			t.Errorf("FormatMinutes(%d) = %q, want %q", m, got, want)
		}
	}
}
