package ics

import (
	"bytes"
	"strings"
	"testing"
	"time"

	ical "github.com/arran4/golang-ical"

	"github.com/studyplanner/studyplanner/internal/plan"
)

func day(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

func sample() (map[time.Time][]plan.PlanItem, []plan.Step) {
	days := map[time.Time][]plan.PlanItem{
		day("2026-11-25"): {{SkillID: 1, Name: "Go", Step: "Learn", Hours: 1.5}, {SkillID: 2, Name: "SQL", Step: "Learn", Hours: 0.5}},
		day("2026-11-26"): {{SkillID: 2, Name: "SQL", Step: "Learn", Hours: 2}},
		day("2026-11-27"): nil, // nothing planned: no event
	}
	steps := []plan.Step{
		{Title: "Learn", TargetDate: day("2027-03-01"), Summary: "Skills"},
		{Title: "No date"},
	}
	return days, steps
}

func TestWriteParsesBackWithOneEventPerBlock(t *testing.T) {
	days, steps := sample()
	var buf bytes.Buffer
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	if err := Write(&buf, days, steps, now); err != nil {
		t.Fatal(err)
	}
	cal, err := ical.ParseCalendar(&buf)
	if err != nil {
		t.Fatalf("our calendar does not parse: %v", err)
	}
	events := cal.Events()
	tests := []struct{ uid, start, summary string }{
		{"study-20261125" + uidDomain, "20261125", "Study 2 h: Go, SQL"},
		{"study-20261126" + uidDomain, "20261126", "Study 2 h: SQL"},
		{"", "20270301", "Target: Learn"},
	}
	if len(events) != len(tests) {
		t.Fatalf("%d events, want %d (one per planned day, one per target date)", len(events), len(tests))
	}
	uids := map[string]bool{}
	for i, tt := range tests {
		ev := events[i]
		if uids[ev.Id()] {
			t.Errorf("UID %q is used twice", ev.Id())
		}
		uids[ev.Id()] = true
		if tt.uid != "" && ev.Id() != tt.uid {
			t.Errorf("event %d UID = %q, want %q", i, ev.Id(), tt.uid)
		}
		if got := ev.GetProperty(ical.ComponentPropertyDtStart).Value; got != tt.start {
			t.Errorf("event %d starts %q, want the all-day date %q", i, got, tt.start)
		}
		if got := ev.GetProperty(ical.ComponentPropertySummary).Value; got != tt.summary {
			t.Errorf("event %d summary %q, want %q", i, got, tt.summary)
		}
	}
}

func TestUIDsAreStableAcrossExports(t *testing.T) {
	days, steps := sample()
	var a, b bytes.Buffer
	Write(&a, days, steps, time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC))
	Write(&b, days, steps, time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC))
	uidsOf := func(s string) []string {
		var out []string
		for _, line := range strings.Split(s, "\n") {
			if strings.HasPrefix(line, "UID:") {
				out = append(out, strings.TrimSpace(line))
			}
		}
		return out
	}
	if ua, ub := uidsOf(a.String()), uidsOf(b.String()); strings.Join(ua, ",") != strings.Join(ub, ",") {
		t.Errorf("UIDs changed between exports:\n%v\n%v", ua, ub)
	}
	if !strings.Contains(b.String(), "SEQUENCE:") {
		t.Error("no SEQUENCE: calendar apps cannot tell the newer copy")
	}
}
