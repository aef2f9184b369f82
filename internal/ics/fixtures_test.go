package ics

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestClientExports reads files shaped like what each calendar client
// exports and checks every day and note taken, and every event left out.
func TestClientExports(t *testing.T) {
	berlin, losAngeles := zone(t, "Europe/Berlin"), zone(t, "America/Los_Angeles")
	tests := []struct {
		file    string
		loc     *time.Location
		want    []string
		skipped string // Summary of the import
	}{
		// All-day holidays as VALUE=DATE, yearly RRULEs from years back
		// expanded over the two years read, a single holiday long before
		// them still taken, an escaped comma in a summary, and a timed UTC
		// event ending at the learner's midnight.
		{"google_holidays.ics", berlin, []string{
			"2017-10-31 Reformation Day (500th anniversary)",
			"2026-12-25 Christmas Day",
			"2026-12-26 St. Stephen's Day, Boxing Day",
			"2027-01-01 New Year's Day",
			"2027-03-26 Good Friday",
			"2027-03-29 Easter Monday",
			"2027-12-24 Office closed",
			"2027-12-25 Christmas Day",
			"2027-12-26 St. Stephen's Day, Boxing Day",
			"2028-01-01 New Year's Day",
		}, "10 days off"},
		// Windows zone names (quoted and not), VTIMEZONEs, DURATION on
		// all-day (P3D) and timed (PT2H) events, a weekly series with an
		// EXDATE list, and a Seattle event that is on 10-11 March there but
		// 11-12 March for a learner in Berlin.
		{"outlook.ics", berlin, []string{
			"2026-12-24 Christmas break",
			"2026-12-25 Christmas break",
			"2026-12-26 Christmas break",
			"2026-12-27 Christmas break",
			"2027-01-08 Friday off",
			"2027-01-12 Dentist",
			"2027-01-29 Friday off",
			"2027-02-15 Ski trip",
			"2027-02-16 Ski trip",
			"2027-02-17 Ski trip",
			"2027-03-11 Conference in Seattle",
			"2027-03-12 Conference in Seattle",
			"2027-05-01 Paris office closed",
		}, "13 days off"},
		// TZID=Europe/Berlin, X-APPLE fields, a structured location whose
		// quoting golang-ical rejects, EXDATE on a weekly series whose
		// UNTIL is in UTC, a yearly all-day series ending with Apple's
		// "23:00Z the evening before", and a night train past midnight.
		{"apple.ics", berlin, []string{
			"2026-12-31 New Year at the lake",
			"2027-01-01 New Year at the lake",
			"2027-01-02 New Year at the lake",
			"2027-01-06 Swimming course",
			"2027-01-20 Swimming course",
			"2027-01-27 Swimming course",
			"2027-07-04 Birthday leave",
			"2027-08-20 Night train to Vienna",
			"2027-08-21 Night train to Vienna",
		}, "9 days off"},
		// The same file for a learner in Los Angeles: the train (22:00 to
		// 07:00 in Berlin) is 13:00 to 22:00 on the 20th there; all-day
		// events stay on their dates.
		{"apple.ics", losAngeles, []string{
			"2026-12-31 New Year at the lake",
			"2027-01-01 New Year at the lake",
			"2027-01-02 New Year at the lake",
			"2027-01-06 Swimming course",
			"2027-01-20 Swimming course",
			"2027-01-27 Swimming course",
			"2027-07-04 Birthday leave",
			"2027-08-20 Night train to Vienna",
		}, "8 days off"},
		// Thunderbird's /mozilla.org/... TZIDs, a moved repeat
		// (RECURRENCE-ID), a cancelled repeat, a cancelled event that is
		// neither taken nor reported, and a plain IANA TZID.
		{"thunderbird.ics", berlin, []string{
			"2027-01-05 Bridge day",
			"2027-03-05 Bridge day",
			"2027-04-10 Museum day",
			"2027-06-18 Sports day (moved)",
			"2028-06-15 Sports day",
		}, "5 days off"},
		// Good events are taken; bad ones are named with the reason.
		{"long_event.ics", berlin, []string{
			"2027-05-01 Labour Day",
			"2027-10-03 German Unity Day",
		}, `2 days off; skipped 4: "Company offsite" (it lasts 14 months; a day off is at most a year (366 days)), ` +
			`event 4 (it has no start date), "Broken" (its start date "2027-13-45" is not a date) and 1 more`},
		// LF endings, a byte order mark, folding, lower-case names, a
		// stray line, and a file cut off before its last END lines.
		{"lf_endings.ics", berlin, []string{
			"2027-05-17 Whit Monday",
			"2027-07-26 Summer holiday",
			"2027-07-27 Summer holiday",
			"2027-07-28 Summer holiday",
			"2027-07-29 Summer holiday",
			"2027-07-30 Summer holiday",
			"2027-07-31 Summer holiday",
			"2027-08-01 Summer holiday",
			"2027-08-02 Summer holiday",
			"2027-08-03 Summer holiday",
			"2027-08-04 Summer holiday",
			"2027-08-05 Summer holiday",
			"2027-08-06 Summer holiday",
			"2027-11-01 All Saints' Day",
		}, "14 days off"},
	}
	for _, tt := range tests {
		t.Run(tt.file+" in "+tt.loc.String(), func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, err := ReadDaysOff(f, Options{From: day("2026-12-01"), To: day("2028-11-30"), Location: tt.loc})
			if err != nil {
				t.Fatal(err)
			}
			if want := strings.Join(tt.want, "\n"); lines(got) != want {
				t.Errorf("days off:\n%s\nwant:\n%s", lines(got), want)
			}
			if got.Summary() != tt.skipped {
				t.Errorf("Summary() = %q\nwant        %q", got.Summary(), tt.skipped)
			}
		})
	}
}

// TestLongEventSkippedReasons checks every reason of long_event.ics, past
// the three that Summary names.
func TestLongEventSkippedReasons(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "long_event.ics"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := ReadDaysOff(f, Options{From: day("2026-12-01"), To: day("2028-11-30"), Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	want := []Skipped{
		{`"Company offsite"`, "it lasts 14 months; a day off is at most a year (366 days)"},
		{"event 4", "it has no start date"},
		{`"Broken"`, `its start date "2027-13-45" is not a date`},
		{`"Backwards"`, "it ends before it starts"},
	}
	if len(got.Skipped) != len(want) {
		t.Fatalf("skipped %v, want %v", got.Skipped, want)
	}
	for i := range want {
		if got.Skipped[i] != want[i] {
			t.Errorf("skipped[%d] = %+v, want %+v", i, got.Skipped[i], want[i])
		}
	}
}
