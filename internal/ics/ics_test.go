package ics

import (
	"bytes"
	"strconv"
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

var exportedAt = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)

// sample is two planned days, a day with nothing planned, two target
// dates (one without a date), and three sessions logged before: one with
// a start time, one without, one on the same day.
func sample() Export {
	return Export{
		Days: map[time.Time][]plan.PlanItem{
			day("2026-11-25"): {{SkillID: 1, Name: "Go", Step: "Learn", Hours: 1.5}, {SkillID: 2, Name: "SQL", Step: "Learn", Hours: 0.5}},
			day("2026-11-26"): {{SkillID: 2, Name: "SQL", Step: "Learn", Hours: 1.25}},
			day("2026-11-27"): nil, // nothing planned: no event
		},
		Steps: []plan.Step{
			{Title: "Learn", TargetDate: day("2027-03-01"), Summary: "Skills"},
			{Title: "No date"},
		},
		Sessions: []Session{
			{Date: day("2026-11-23"), Start: "07:15", Minutes: 50, What: "Go", Notes: "Tour; chapters 1, 2"},
			{Date: day("2026-11-24"), Minutes: 30},
			{Date: day("2026-11-24"), Start: "21:00", Minutes: 95, What: "Decide your pace"},
		},
		StudyAt: "18:30",
		Now:     exportedAt,
	}
}

func write(t *testing.T, e Export) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, e); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func parse(t *testing.T, s string) *ical.Calendar {
	t.Helper()
	cal, err := ical.ParseCalendar(strings.NewReader(s))
	if err != nil {
		t.Fatalf("our calendar does not parse: %v", err)
	}
	return cal
}

func prop(ev *ical.VEvent, name ical.ComponentProperty) string {
	if p := ev.GetProperty(name); p != nil {
		return p.Value
	}
	return ""
}

// TestStudyDaysAreTimedBlocksWithAReminder: each planned day is one event
// at the study time, as long as the work planned, named after it, with a
// display alarm before it; each session a past event at its start (or the
// study time) without one; target dates stay all-day.
// Fails on 522c7e7: every event was all-day, without an alarm, and no
// session was exported.
func TestStudyDaysAreTimedBlocksWithAReminder(t *testing.T) {
	cal := parse(t, write(t, sample()))
	tests := []struct {
		uid, start, end, summary string
		alarm                    bool
	}{
		{"study-20261125", "20261125T183000", "20261125T203000", "Study: Go, SQL (2 h)", true},
		{"study-20261126", "20261126T183000", "20261126T194500", "Study: SQL (1 h 15 min)", true},
		{"session-20261123-1", "20261123T071500", "20261123T080500", "Studied: Go (50 min)", false},
		{"session-20261124-1", "20261124T183000", "20261124T190000", "Studied (30 min)", false},
		{"session-20261124-2", "20261124T210000", "20261124T223500", "Studied: Decide your pace (1 h 35 min)", false},
		{"step-", "20270301", "20270302", "Target: Learn", false},
	}
	events := cal.Events()
	if len(events) != len(tests) {
		t.Fatalf("%d events, want %d (one per planned day, per session, per target date)", len(events), len(tests))
	}
	for i, tt := range tests {
		ev := events[i]
		if !strings.HasPrefix(ev.Id(), tt.uid) || !strings.HasSuffix(ev.Id(), uidDomain) {
			t.Errorf("event %d UID = %q, want %s…%s", i, ev.Id(), tt.uid, uidDomain)
		}
		start, end := ev.GetProperty(ical.ComponentPropertyDtStart), ev.GetProperty(ical.ComponentPropertyDtEnd)
		if start == nil || end == nil || start.Value != tt.start || end.Value != tt.end {
			t.Errorf("%s: from %v to %v, want %s to %s", tt.summary, start, end, tt.start, tt.end)
		}
		if got := prop(ev, ical.ComponentPropertySummary); got != tt.summary {
			t.Errorf("event %d summary %q, want %q", i, got, tt.summary)
		}
		if prop(ev, ical.ComponentPropertyDtstamp) != "20261125T090000Z" {
			t.Errorf("%s: DTSTAMP %q", tt.summary, prop(ev, ical.ComponentPropertyDtstamp))
		}
		alarms := ev.Alarms()
		if !tt.alarm {
			if len(alarms) != 0 {
				t.Errorf("%s has a reminder, but it is past or all-day", tt.summary)
			}
			continue
		}
		if len(alarms) != 1 || prop2(alarms[0], ical.ComponentPropertyAction) != "DISPLAY" ||
			prop2(alarms[0], ical.ComponentPropertyTrigger) != "-PT10M" || prop2(alarms[0], ical.ComponentPropertyDescription) != tt.summary {
			t.Errorf("%s: alarms %+v, want one DISPLAY 10 minutes before, describing it", tt.summary, alarms)
		}
	}
	if got := ical.FromText(prop(events[0], ical.ComponentPropertyDescription)); got != "Go: 1 h 30 min (Learn)\nSQL: 30 min (Learn)" {
		t.Errorf("the first block's description is %q", got)
	}
	if v := events[5].GetProperty(ical.ComponentPropertyDtStart).ICalParameters["VALUE"]; len(v) != 1 || v[0] != "DATE" {
		t.Errorf("the target date is not all-day: %v", v)
	}
	for _, ev := range events[:5] {
		if _, zoned := ev.GetProperty(ical.ComponentPropertyDtStart).ICalParameters["TZID"]; zoned {
			t.Errorf("%s has a TZID without a VTIMEZONE", ev.Id())
		}
	}
}

func prop2(a *ical.VAlarm, name ical.ComponentProperty) string {
	if p := a.GetProperty(name); p != nil {
		return p.Value
	}
	return ""
}

// TestAReExportReplacesRatherThanDuplicates: two exports of the same data
// at different times differ only in their stamps, and the later one's
// SEQUENCE is higher, so a client updates its events.
// Fails on 522c7e7: Write took days, steps and a time, no sessions.
func TestAReExportReplacesRatherThanDuplicates(t *testing.T) {
	first := sample()
	later := sample()
	later.Now = exportedAt.Add(7 * 24 * time.Hour)
	a, b := write(t, first), write(t, later)
	stable := func(s string) string {
		var out []string
		for _, line := range strings.Split(s, "\r\n") {
			if !strings.HasPrefix(line, "DTSTAMP:") && !strings.HasPrefix(line, "SEQUENCE:") {
				out = append(out, line)
			}
		}
		return strings.Join(out, "\n")
	}
	if stable(a) != stable(b) {
		t.Errorf("a re-export changed more than its stamps:\n%s\n---\n%s", stable(a), stable(b))
	}
	seq := func(s string) int {
		n, _ := strconv.Atoi(prop(parse(t, s).Events()[0], ical.ComponentPropertySequence))
		return n
	}
	if seq(a) >= seq(b) {
		t.Errorf("SEQUENCE %d then %d: the later export does not win", seq(a), seq(b))
	}
}

// TestTheExportIsWellFormed: lines are folded at 75 octets (never inside
// a character), text is escaped, and the app's own reader reads every
// event back, timed and all-day, on its day.
func TestTheExportIsWellFormed(t *testing.T) {
	e := sample()
	long := strings.Repeat("Ünïcödé, long; notes\\ ", 12)
	e.Steps[0].Summary = long + "\r\nsecond line"
	e.Sessions[0].Notes = long
	out := write(t, e)
	if strings.Count(out, "\n") != strings.Count(out, "\r\n") {
		t.Error("lines end in a bare LF; RFC 5545 wants CRLF") // fails on 522c7e7
	}
	for i, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line %d has %d octets: %q", i+1, len(line), line)
		}
		if !strings.ContainsRune(line, '\uFFFD') && !utf8Valid(line) {
			t.Errorf("line %d is cut inside a character", i+1)
		}
	}
	if !strings.Contains(strings.ReplaceAll(out, "\r\n ", ""), `Ünïcödé\, long\; notes\\ `) {
		t.Error("commas, semicolons and backslashes are not escaped")
	}
	cal := parse(t, out)
	if got := ical.FromText(prop(cal.Events()[5], ical.ComponentPropertyDescription)); got != long+"\nsecond line" {
		t.Errorf("the description reads back as %q", got)
	}

	// Our reader refuses our own export as holidays; under another
	// PRODID it reads each event on its day.
	other := strings.Replace(out, "PRODID:"+productID, "PRODID:-//Someone Else//EN", 1)
	got, err := ReadDaysOff(strings.NewReader(other), Options{From: day("2026-11-01"), To: day("2027-12-31"), Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	if want := "2026-11-23 2026-11-24 2026-11-25 2026-11-26 2027-03-01"; dates(got) != want || len(got.Skipped) != 0 {
		t.Errorf("read back %s (skipped %v), want %s", dates(got), got.Skipped, want)
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// TestABadStudyTimeIsRefusedInWords: the writer never guesses a time.
func TestABadStudyTimeIsRefusedInWords(t *testing.T) {
	e := sample()
	e.StudyAt = "evening"
	var buf bytes.Buffer
	if err := Write(&buf, e); err == nil || !strings.Contains(err.Error(), "24-hour HH:MM") {
		t.Errorf("Write(study time %q) = %v", e.StudyAt, err)
	}
}

// TestAStepsOwnWorkIsNotNamedTwice: a step's own work is an item named
// after the step; its line does not repeat the name.
func TestAStepsOwnWorkIsNotNamedTwice(t *testing.T) {
	e := sample()
	e.Days = map[time.Time][]plan.PlanItem{day("2026-11-25"): {{Name: "Decide your pace", Step: "Decide your pace", Hours: 1}}}
	ev := parse(t, write(t, e)).Events()[0]
	if got := ical.FromText(prop(ev, ical.ComponentPropertyDescription)); got != "Decide your pace: 1 h" {
		t.Errorf("description %q", got)
	}
}
