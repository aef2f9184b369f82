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

func TestReadDaysOff(t *testing.T) {
	holidays := strings.ReplaceAll(`BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:a
DTSTAMP:20260101T000000Z
DTSTART;VALUE=DATE:20261224
DTEND;VALUE=DATE:20261227
SUMMARY:Christmas
END:VEVENT
BEGIN:VEVENT
UID:b
DTSTAMP:20260101T000000Z
DTSTART;VALUE=DATE:20270101
SUMMARY:New Year
END:VEVENT
BEGIN:VEVENT
UID:c
DTSTAMP:20260101T000000Z
DTSTART:20270115T090000Z
DTEND:20270115T170000Z
SUMMARY:Training day
END:VEVENT
END:VCALENDAR
`, "\n", "\r\n")
	got, err := ReadDaysOff(strings.NewReader(holidays))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2026-12-24 Christmas", "2026-12-25 Christmas", "2026-12-26 Christmas", "2027-01-01 New Year", "2027-01-15 Training day"}
	var lines []string
	for _, d := range got {
		lines = append(lines, d.Date.Format("2006-01-02")+" "+d.Note)
	}
	if strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Errorf("days off = %q, want %q", lines, want)
	}
}

func TestReadDaysOffRejects(t *testing.T) {
	event := func(body string) string {
		return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\n" + body + "END:VEVENT\r\nEND:VCALENDAR\r\n"
	}
	tests := []struct{ name, file, want string }{
		{"empty", "", "not an iCalendar file"},
		{"json", `{"format": "studyplanner"}`, "not an iCalendar file"},
		{"no events", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "no events"},
		{"no start", event("SUMMARY:Odd\r\n"), `event 1 ("Odd"): it has no start`},
		{"bad date", event("DTSTART;VALUE=DATE:2026xx01\r\n"), "not a date"},
		{"a year long", event("DTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20280101\r\n"), "more than 366 days"},
	}
	for _, tt := range tests {
		if _, err := ReadDaysOff(strings.NewReader(tt.file)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: ReadDaysOff = %v, want an error mentioning %q", tt.name, err, tt.want)
		}
	}
}
