package ics

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestRepeatBudget: a file with more repeating events than the budget
// allows is still read, with the rest named as left out.
func TestRepeatBudget(t *testing.T) {
	var events []string
	rules := maxRepeatsPerFile/ruleCost + 10
	for i := 0; i < rules; i++ {
		events = append(events, fmt.Sprintf("UID:%d\nDTSTART;VALUE=DATE:20100101\nRRULE:FREQ=YEARLY;COUNT=2\n", i))
	}
	events = append(events, "UID:good\nDTSTART;VALUE=DATE:20270101\nRRULE:FREQ=YEARLY\n", "UID:single\nDTSTART;VALUE=DATE:20270301\n")
	got, err := ReadDaysOff(strings.NewReader(calendar(events...)), Options{From: day("2026-12-01"), To: day("2028-11-30"), Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	if dates(got) != "2027-03-01" {
		t.Errorf("days off %s, want only the single event's", dates(got))
	}
	// Each rule costs ruleCost and its two repeats: the first ones are
	// read (and left out for falling before the period), the last ones
	// and the good series after them are left out for the budget.
	first, last := got.Skipped[0], got.Skipped[len(got.Skipped)-1]
	if !strings.HasPrefix(first.Reason, "none of its repeats falls between") {
		t.Errorf("first event left out because %q", first.Reason)
	}
	if last.Reason != errTooManyRules.Error() || last.Event != fmt.Sprintf("event %d", rules+1) {
		t.Errorf("last left out: %+v, want the good series, for the budget", last)
	}
	if len(got.Skipped) != rules+1 {
		t.Errorf("%d left out, want %d", len(got.Skipped), rules+1)
	}
}

// TestRulesThatNeverMatchAreCheap: rrule-go searches to the year 9999 for
// a repeat that never comes; expand keeps that search to 400 years.
func TestRulesThatNeverMatchAreCheap(t *testing.T) {
	var events []string
	for i := 0; i < 100; i++ {
		events = append(events, fmt.Sprintf("UID:%d\nDTSTART;VALUE=DATE:00010101\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\n", i))
	}
	events = append(events, "UID:single\nDTSTART;VALUE=DATE:20270301\n")
	start := time.Now()
	got, err := ReadDaysOff(strings.NewReader(calendar(events...)), Options{From: day("2026-12-01"), To: day("2028-11-30"), Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	// Unshifted, each rule takes about 150 ms on a laptop: 15 s in all.
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("100 rules that never match took %v", took)
	}
	if dates(got) != "2027-03-01" || len(got.Skipped) != 100 {
		t.Errorf("days off %s, %d skipped; want 2027-03-01 and 100", dates(got), len(got.Skipped))
	}
}

// TestLargeFilesStayFast: shapes of file that took time growing with the
// square of their size (about 15 s each here before unfold built lines
// with a Builder and normalise bounded parameters; hours at MaxBytes) are
// read in well under a second.
func TestLargeFilesStayFast(t *testing.T) {
	head := "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20270101\n"
	tail := "END:VEVENT\nEND:VCALENDAR\n"
	tests := []struct{ name, file string }{
		{"a summary folded 300000 times", head + "SUMMARY:x" + strings.Repeat("\n x", 300_000) + "\n" + tail},
		{"a line with 100000 parameters", head + "X-A" + strings.Repeat(";A=", 100_000) + ":x\n" + tail},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			if _, err := ReadDaysOff(strings.NewReader(tt.file), Options{From: day("2026-12-01"), To: day("2028-11-30"), Location: time.UTC}); err != nil {
				t.Fatal(err)
			}
			if took := time.Since(start); took > 2*time.Second {
				t.Errorf("took %v", took)
			}
		})
	}
}
