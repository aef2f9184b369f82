package ics

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// calendar wraps events in a calendar, with CRLF endings.
func calendar(events ...string) string {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n")
	for _, e := range events {
		b.WriteString("BEGIN:VEVENT\n" + strings.TrimLeft(e, "\n") + "END:VEVENT\n")
	}
	b.WriteString("END:VCALENDAR\n")
	return strings.ReplaceAll(b.String(), "\n", "\r\n")
}

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// lines shows days off one a line, "2006-01-02 note", for comparing.
func lines(d DaysOff) string {
	var out []string
	for _, off := range d.Days {
		out = append(out, off.Date.Format("2006-01-02")+" "+off.Note)
	}
	return strings.Join(out, "\n")
}

func dates(d DaysOff) string {
	var out []string
	for _, off := range d.Days {
		out = append(out, off.Date.Format("2006-01-02"))
	}
	return strings.Join(out, " ")
}

type readCase struct {
	name     string
	cal      string
	from, to string // the period read; 2026-12-01 to 2028-11-30 when empty
	loc      string // the learner's zone; Europe/Berlin when empty
	want     string // dates taken, space-separated
}

func runReadCases(t *testing.T, tests []readCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := Options{From: day("2026-12-01"), To: day("2028-11-30"), Location: zone(t, "Europe/Berlin")}
			if tt.from != "" {
				opts.From, opts.To = day(tt.from), day(tt.to)
			}
			if tt.loc != "" {
				opts.Location = zone(t, tt.loc)
			}
			got, err := ReadDaysOff(strings.NewReader(tt.cal), opts)
			if err != nil {
				t.Fatal(err)
			}
			if dates(got) != tt.want {
				t.Errorf("days off %s\nwant     %s", dates(got), tt.want)
			}
		})
	}
}

func TestRepeats(t *testing.T) {
	runReadCases(t, []readCase{
		{name: "yearly holiday over two years",
			cal:  calendar("UID:x\nDTSTART;VALUE=DATE:20101225\nRRULE:FREQ=YEARLY\nSUMMARY:Christmas\n"),
			want: "2026-12-25 2027-12-25"},
		{name: "yearly holiday on the period's edges",
			cal:  calendar("UID:x\nDTSTART;VALUE=DATE:20101201\nRRULE:FREQ=YEARLY\n"),
			from: "2026-12-01", to: "2027-12-01", want: "2026-12-01 2027-12-01"},
		{name: "weekly on Saturdays: every Saturday of the period",
			cal:  calendar("UID:s\nDTSTART;VALUE=DATE:20260103\nRRULE:FREQ=WEEKLY;BYDAY=SA\n"),
			from: "2027-01-01", to: "2027-01-31", want: "2027-01-02 2027-01-09 2027-01-16 2027-01-23 2027-01-30"},
		{name: "EXDATE removes one",
			cal:  calendar("UID:s\nDTSTART;VALUE=DATE:20260103\nRRULE:FREQ=WEEKLY;BYDAY=SA\nEXDATE;VALUE=DATE:20270116\n"),
			from: "2027-01-01", to: "2027-01-31", want: "2027-01-02 2027-01-09 2027-01-23 2027-01-30"},
		{name: "EXDATE on several lines and in lists",
			cal:  calendar("UID:s\nDTSTART;VALUE=DATE:20260103\nRRULE:FREQ=WEEKLY;BYDAY=SA\nEXDATE;VALUE=DATE:20270102,20270109\nEXDATE;VALUE=DATE:20270130\n"),
			from: "2027-01-01", to: "2027-01-31", want: "2027-01-16 2027-01-23"},
		{name: "EXDATE as date-times in the event's zone",
			cal: calendar("UID:t\nDTSTART;TZID=America/New_York:20270104T090000\nDURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=4\n" +
				"EXDATE;TZID=America/New_York:20270105T090000\nEXDATE:20270106T140000Z\n"),
			want: "2027-01-04 2027-01-07"},
		{name: "EXDATE as a date on a timed series",
			cal:  calendar("UID:t\nDTSTART;TZID=Europe/Berlin:20270104T090000\nRRULE:FREQ=DAILY;COUNT=3\nEXDATE;VALUE=DATE:20270105\n"),
			want: "2027-01-04 2027-01-06"},
		{name: "EXDATE date-times on an all-day series name their day",
			cal: calendar("UID:s\nDTSTART;VALUE=DATE:20260103\nRRULE:FREQ=WEEKLY;BYDAY=SA\n" +
				"EXDATE:20270109T000000\nEXDATE:20270115T230000Z\nEXDATE;TZID=Europe/Berlin:20270123T000000\n"),
			from: "2027-01-01", to: "2027-01-31", want: "2027-01-02 2027-01-30"},
		{name: "EXDATE that names no repeat changes nothing",
			cal:  calendar("UID:t\nDTSTART;TZID=Europe/Berlin:20270104T090000\nRRULE:FREQ=DAILY;COUNT=2\nEXDATE;TZID=Europe/Berlin:20270105T100000\n"),
			want: "2027-01-04 2027-01-05"},
		{name: "RDATE adds days, with or without a rule",
			cal: calendar("UID:r\nDTSTART;VALUE=DATE:20270301\nRDATE;VALUE=DATE:20270310,20270320\nRDATE;VALUE=DATE:20270401\n",
				"UID:q\nDTSTART;VALUE=DATE:20270501\nRRULE:FREQ=YEARLY;COUNT=1\nRDATE;VALUE=DATE:20270601\n"),
			want: "2027-03-01 2027-03-10 2027-03-20 2027-04-01 2027-05-01 2027-06-01"},
		{name: "RDATE periods last their own length",
			cal:  calendar("UID:p\nDTSTART;VALUE=DATE:20270301\nRDATE;VALUE=PERIOD:20270310T100000Z/P2D,20270320T100000Z/20270320T110000Z\n"),
			want: "2027-03-01 2027-03-10 2027-03-11 2027-03-12 2027-03-20"},
		{name: "RECURRENCE-ID moves one repeat",
			cal: calendar("UID:m\nDTSTART;VALUE=DATE:20270104\nRRULE:FREQ=WEEKLY;COUNT=3\nSUMMARY:Course off\n",
				"UID:m\nRECURRENCE-ID;VALUE=DATE:20270111\nDTSTART;VALUE=DATE:20270113\nSUMMARY:Course off (moved)\n"),
			want: "2027-01-04 2027-01-13 2027-01-18"},
		{name: "a cancelled repeat is dropped",
			cal: calendar("UID:m\nDTSTART;VALUE=DATE:20270104\nRRULE:FREQ=WEEKLY;COUNT=3\n",
				"UID:m\nRECURRENCE-ID;VALUE=DATE:20270111\nSTATUS:CANCELLED\n"),
			want: "2027-01-04 2027-01-18"},
		{name: "a moved timed repeat found by its original time",
			cal: calendar("UID:m\nDTSTART;TZID=Europe/Berlin:20270104T090000\nDTEND;TZID=Europe/Berlin:20270104T100000\nRRULE:FREQ=DAILY;COUNT=3\n",
				"UID:m\nRECURRENCE-ID:20270105T080000Z\nDTSTART;TZID=Europe/Berlin:20270110T090000\n"),
			want: "2027-01-04 2027-01-06 2027-01-10"},
		{name: "a moved repeat without its series stands alone",
			cal:  calendar("UID:orphan\nRECURRENCE-ID;VALUE=DATE:20270111\nDTSTART;VALUE=DATE:20270113\n"),
			want: "2027-01-13"},
		{name: "UNTIL ends the series, inclusive",
			cal:  calendar("UID:u\nDTSTART;VALUE=DATE:20270101\nRRULE:FREQ=DAILY;UNTIL=20270103\n"),
			want: "2027-01-01 2027-01-02 2027-01-03"},
		{name: "UNTIL as a date on a timed series takes that whole day",
			cal:  calendar("UID:u\nDTSTART;TZID=Europe/Berlin:20270101T180000\nRRULE:FREQ=DAILY;UNTIL=20270102\n"),
			want: "2027-01-01 2027-01-02"},
		{name: "lower-case rules and parts rrule-go does not know",
			cal:  calendar("UID:l\nDTSTART;VALUE=DATE:20270101\nRRULE:rscale=gregorian;freq=monthly;count=2;X-NAME=foo;\n"),
			want: "2027-01-01 2027-02-01"},
		{name: "an occurrence begun before the period reaches into it",
			cal:  calendar("UID:b\nDTSTART;VALUE=DATE:20261129\nDURATION:P3D\nRRULE:FREQ=YEARLY\n"),
			from: "2026-12-01", to: "2026-12-31", want: "2026-11-29 2026-11-30 2026-12-01"},
		{name: "a daily rule begun in the year 1 reaches the period",
			cal:  calendar("UID:d\nDTSTART;VALUE=DATE:00010101\nRRULE:FREQ=DAILY;INTERVAL=3\n"),
			from: "2027-01-01", to: "2027-01-07", want: "2027-01-03 2027-01-06"}, // 0001-01-01 + 3n days
		{name: "an infinite daily rule stops at the period's end",
			cal:  calendar("UID:d\nDTSTART;VALUE=DATE:20270101\nRRULE:FREQ=DAILY\n"),
			from: "2027-01-01", to: "2027-01-05", want: "2027-01-01 2027-01-02 2027-01-03 2027-01-04 2027-01-05"},
	})
}

func TestTimedEventsLandOnLearnersDays(t *testing.T) {
	lateUTC := calendar("UID:a\nDTSTART:20261224T233000Z\nDTEND:20261225T010000Z\n")
	runReadCases(t, []readCase{
		{name: "UTC evening is the next day in Berlin", cal: lateUTC, want: "2026-12-25"},
		{name: "and the same day in Los Angeles", cal: lateUTC, loc: "America/Los_Angeles", want: "2026-12-24"},
		{name: "ending at local midnight does not take the next day",
			cal: calendar("UID:a\nDTSTART;TZID=Europe/Berlin:20261224T000000\nDTEND;TZID=Europe/Berlin:20261226T000000\n"), want: "2026-12-24 2026-12-25"},
		{name: "a minute past midnight does",
			cal: calendar("UID:a\nDTSTART;TZID=Europe/Berlin:20261224T000000\nDTEND;TZID=Europe/Berlin:20261226T000100\n"), want: "2026-12-24 2026-12-25 2026-12-26"},
		{name: "TZID is read in its zone, then moved to the learner's",
			cal: calendar("UID:a\nDTSTART;TZID=Asia/Tokyo:20261225T080000\nDURATION:PT1H\n"), loc: "America/Los_Angeles", want: "2026-12-24"},
		{name: "floating times are the learner's",
			cal: calendar("UID:a\nDTSTART:20261225T003000\nDTEND:20261225T013000\n"), loc: "America/Los_Angeles", want: "2026-12-25"},
		{name: "times written without seconds",
			cal: calendar("UID:a\nDTSTART:20261224T2330Z\nDTEND:20261225T0100Z\n"), want: "2026-12-25"},
		{name: "a timed event without an end is its start's day",
			cal: calendar("UID:a\nDTSTART:20261225T220000Z\n"), want: "2026-12-25"},
		{name: "Windows zone names, quoted or not",
			cal: calendar("UID:a\nDTSTART;TZID=\"Tokyo Standard Time\":20261225T080000\nDURATION:PT1H\n",
				"UID:b\nDTSTART;TZID=AUS Eastern Standard Time:20270110T080000\nDURATION:PT1H\n",
				"UID:c\nDTSTART;TZID=India Standard Time:20270120T040000\nDURATION:PT1H\n"),
			loc: "Europe/London", want: "2026-12-24 2027-01-09 2027-01-19"},
		{name: "Thunderbird's path TZIDs",
			cal: calendar("UID:a\nDTSTART;TZID=/mozilla.org/20050126_1/America/New_York:20261224T220000\nDURATION:PT1H\n"), want: "2026-12-25"},
		{name: "an unknown TZID is read as the learner's zone",
			cal: calendar("UID:a\nDTSTART;TZID=Customized Time Zone:20261224T233000\nDURATION:PT1H\n"), want: "2026-12-24 2026-12-25"},
		{name: "a repeat keeps its clock time across summer time",
			cal:  calendar("UID:a\nDTSTART;TZID=America/New_York:20270306T200000\nDURATION:PT1H\nRRULE:FREQ=WEEKLY;COUNT=3\n"),
			want: "2027-03-07 2027-03-14 2027-03-21", from: "2027-03-01", to: "2027-03-31"},
	})
}

func TestLengths(t *testing.T) {
	runReadCases(t, []readCase{
		{name: "all-day without an end is one day", cal: calendar("UID:a\nDTSTART;VALUE=DATE:20270301\n"), want: "2027-03-01"},
		{name: "all-day ending the day it starts is one day", cal: calendar("UID:a\nDTSTART;VALUE=DATE:20270301\nDTEND;VALUE=DATE:20270301\n"), want: "2027-03-01"},
		{name: "P1D", cal: calendar("UID:a\nDTSTART;VALUE=DATE:20270301\nDURATION:P1D\n"), want: "2027-03-01"},
		{name: "P3D", cal: calendar("UID:a\nDTSTART;VALUE=DATE:20270301\nDURATION:P3D\n"), want: "2027-03-01 2027-03-02 2027-03-03"},
		{name: "P1W", cal: calendar("UID:a\nDTSTART;VALUE=DATE:20270301\nDURATION:P1W\n"),
			want: "2027-03-01 2027-03-02 2027-03-03 2027-03-04 2027-03-05 2027-03-06 2027-03-07"},
		{name: "PT2H on an all-day event is its day", cal: calendar("UID:a\nDTSTART;VALUE=DATE:20270301\nDURATION:PT2H\n"), want: "2027-03-01"},
		{name: "PT2H over midnight", cal: calendar("UID:a\nDTSTART;TZID=Europe/Berlin:20270301T230000\nDURATION:PT2H\n"), want: "2027-03-01 2027-03-02"},
		{name: "P1DT12H", cal: calendar("UID:a\nDTSTART;TZID=Europe/Berlin:20270301T000000\nDURATION:P1DT12H\n"), want: "2027-03-01 2027-03-02"},
		{name: "timed with an all-day end", cal: calendar("UID:a\nDTSTART;TZID=Europe/Berlin:20270301T120000\nDTEND;VALUE=DATE:20270303\n"), want: "2027-03-01 2027-03-02"},
		{name: "all-day with a timed end", cal: calendar("UID:a\nDTSTART;VALUE=DATE:20270301\nDTEND:20270302T120000\n"), want: "2027-03-01 2027-03-02"},
		{name: "366 days is the longest", cal: calendar("UID:a\nDTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:20280102\n"),
			from: "2027-12-30", to: "2028-01-10", want: datesFrom("2027-01-01", 366)},
	})
}

func datesFrom(first string, n int) string {
	var out []string
	for d := day(first); len(out) < n; d = d.AddDate(0, 0, 1) {
		out = append(out, d.Format("2006-01-02"))
	}
	return strings.Join(out, " ")
}

// TestSkipped: a bad event is left out with a reason a person reads, and
// the good ones are still taken.
func TestSkipped(t *testing.T) {
	good := "UID:good\nDTSTART;VALUE=DATE:20270301\nSUMMARY:Good\n"
	tests := []struct{ name, event, reason string }{
		{"no start", "DESCRIPTION:Odd\n", "it has no start date"},
		{"empty start", "DTSTART:\n", "it has no start date"},
		{"not a date", "DTSTART;VALUE=DATE:20261345\n", `its start date "2026-13-45" is not a date`},
		{"30 February", "DTSTART:20270230T100000Z\n", `its start date "2027-02-30 10:00:00Z" is not a date`},
		{"bad end", "DTSTART;VALUE=DATE:20270301\nDTEND;VALUE=DATE:soon\n", `its end date "SOON" is not a date`},
		{"too long", "DTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:20280301\n", "it lasts 14 months; a day off is at most a year (366 days)"},
		{"367 days", "DTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:20280103\n", "it lasts 367 days; a day off is at most a year (366 days)"},
		{"years", "DTSTART;VALUE=DATE:20270101\nDURATION:P1500D\n", "it lasts 4 years; a day off is at most a year (366 days)"},
		{"ends before it starts", "DTSTART:20270301T100000Z\nDTEND:20270301T090000Z\n", "it ends before it starts"},
		{"negative duration", "DTSTART:20270301T100000Z\nDURATION:-PT1H\n", "it ends before it starts"},
		{"bad duration", "DTSTART:20270301T100000Z\nDURATION:P1X\n", `its length "P1X" cannot be read`},
		{"bad rule", "DTSTART;VALUE=DATE:20270301\nRRULE:FREQ=FORTNIGHTLY\n", `its repeat rule "FREQ=FORTNIGHTLY" cannot be read`},
		{"hourly rule", "DTSTART:20270301T100000Z\nRRULE:FREQ=HOURLY\n", "it repeats more often than once a day; only daily, weekly, monthly and yearly repeats are read as days off"},
		{"bad EXDATE", "DTSTART;VALUE=DATE:20270301\nRRULE:FREQ=YEARLY\nEXDATE:2027\n", `its excluded date "2027" is not a date`},
		{"bad RDATE", "DTSTART;VALUE=DATE:20270301\nRDATE;VALUE=DATE:20270399\n", `its extra date "2027-03-99" is not a date`},
		{"repeats outside the period", "DTSTART;VALUE=DATE:20100301\nRRULE:FREQ=YEARLY;COUNT=3\n", "none of its repeats falls between 1 Dec 2026 and 30 Nov 2028"},
		{"a rule that never matches", "DTSTART;VALUE=DATE:20100101\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\n", "none of its repeats falls between 1 Dec 2026 and 30 Nov 2028"},
		{"every second of every day", "DTSTART:00010101T000000Z\nRRULE:FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE=0,10,20,30,40,50;BYSECOND=0,10,20,30,40,50\n",
			"it repeats too often to be read: more than 200000 times"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadDaysOff(strings.NewReader(calendar(good, "UID:bad\nSUMMARY:Bad\n"+tt.event)), Options{From: day("2026-12-01"), To: day("2028-11-30"), Location: time.UTC})
			if err != nil {
				t.Fatal(err)
			}
			if dates(got) != "2027-03-01" {
				t.Errorf("days off %s, want the good event's 2027-03-01", dates(got))
			}
			want := []Skipped{{`"Bad"`, tt.reason}}
			if len(got.Skipped) != 1 || got.Skipped[0] != want[0] {
				t.Errorf("skipped %+v\nwant    %+v", got.Skipped, want)
			}
		})
	}
}

func TestMovedRepeatKeepsItsSeriesName(t *testing.T) {
	got, err := ReadDaysOff(strings.NewReader(calendar(
		"UID:m\nDTSTART;VALUE=DATE:20270104\nRRULE:FREQ=WEEKLY;COUNT=2\nSUMMARY:Course off\n",
		"UID:m\nRECURRENCE-ID;VALUE=DATE:20270111\nDTSTART;VALUE=DATE:20270113\n")), Options{From: day("2026-12-01"), To: day("2028-11-30")})
	if err != nil {
		t.Fatal(err)
	}
	if want := "2027-01-04 Course off\n2027-01-13 Course off"; lines(got) != want {
		t.Errorf("days off:\n%s\nwant:\n%s", lines(got), want)
	}
}

func TestCancelledEventsAreNeitherTakenNorSkipped(t *testing.T) {
	got, err := ReadDaysOff(strings.NewReader(calendar(
		"UID:a\nDTSTART;VALUE=DATE:20270301\nSUMMARY:Kept\n",
		"UID:b\nDTSTART;VALUE=DATE:20270302\nSTATUS:CANCELLED\nSUMMARY:Gone\n",
		"UID:c\nSTATUS:cancelled\nSUMMARY:Broken but cancelled\n",
		"UID:d\nDTSTART;VALUE=DATE:20270101\nRRULE:FREQ=DAILY\nSTATUS:CANCELLED\n")), Options{From: day("2026-12-01"), To: day("2028-11-30")})
	if err != nil {
		t.Fatal(err)
	}
	if dates(got) != "2027-03-01" || len(got.Skipped) != 0 {
		t.Errorf("days off %s, skipped %v; want only 2027-03-01 and nothing skipped", dates(got), got.Skipped)
	}
}

func TestNotes(t *testing.T) {
	tests := []struct{ name, summary, want string }{
		{"trimmed", "  Christmas  ", "Christmas"},
		{"escapes", `Christmas\, Boxing Day\; closed`, "Christmas, Boxing Day; closed"},
		{"control characters", "Christ\x01mas\x7f\\nEve\tparty", "Christmas Eve party"},
		{"Windows-1252 file", "Caf\xe9 \x80 ok", "Café € ok"},
		{"300 × é", strings.Repeat("é", 300), strings.Repeat("é", plan.MaxNameLen-1) + "…"},
		{"300 × 漢", strings.Repeat("漢", 300), strings.Repeat("漢", plan.MaxNameLen-1) + "…"},
		{"200 × 漢 fit", strings.Repeat("漢", 200), strings.Repeat("漢", 200)},
		{"emoji at the cut", strings.Repeat("a", 198) + "🎄🎄🎄", strings.Repeat("a", 198) + "🎄…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Not through calendar(): it would turn the \n escape into a line.
			file := "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270301\r\nSUMMARY:" + tt.summary + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
			got, err := ReadDaysOff(strings.NewReader(file), Options{From: day("2026-12-01"), To: day("2028-11-30")})
			if err != nil {
				t.Fatal(err)
			}
			note := got.Days[0].Note
			if note != tt.want {
				t.Errorf("note %q\nwant %q", note, tt.want)
			}
			if !utf8.ValidString(note) || utf8.RuneCountInString(note) > plan.MaxNameLen {
				t.Errorf("note of %d characters, valid UTF-8 %v", utf8.RuneCountInString(note), utf8.ValidString(note))
			}
		})
	}
}

func TestFirstNonEmptyNoteWins(t *testing.T) {
	got, err := ReadDaysOff(strings.NewReader(calendar(
		"UID:a\nDTSTART;VALUE=DATE:20270301\nDTEND;VALUE=DATE:20270303\n",
		"UID:b\nDTSTART;VALUE=DATE:20270301\nDTEND;VALUE=DATE:20270303\nSUMMARY:Holiday\n",
		"UID:c\nDTSTART;VALUE=DATE:20270302\nDTEND;VALUE=DATE:20270304\nSUMMARY:Trip\n")), Options{From: day("2026-12-01"), To: day("2028-11-30")})
	if err != nil {
		t.Fatal(err)
	}
	if want := "2027-03-01 Holiday\n2027-03-02 Holiday\n2027-03-03 Trip"; lines(got) != want {
		t.Errorf("days off:\n%s\nwant:\n%s", lines(got), want)
	}
}

func TestOwnExportIsRefused(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	_, err := ReadDaysOff(&buf, Options{})
	if !errors.Is(err, ErrOwnExport) {
		t.Fatalf("ReadDaysOff(our own export) = %v, want ErrOwnExport", err)
	}
	if !strings.Contains(err.Error(), "Study Planner's own plan export") || !strings.Contains(err.Error(), "would turn your study days into days off") {
		t.Errorf("error %q does not say why", err)
	}
}

// TestOwnExportIsToldByItsProductID: every export so far is refused, the
// first ones' PRODID included, and only those: a holiday calendar from
// another product that mentions Study Planner still imports.
// Fails on 522c7e7: any PRODID containing "study planner" was refused.
func TestOwnExportIsToldByItsProductID(t *testing.T) {
	event := "UID:a\nDTSTART;VALUE=DATE:20270301\nSUMMARY:Holiday\n"
	for _, tt := range []struct {
		prodID  string
		refused bool
	}{
		{"-//Study Planner//Golang ICS Library", true},
		{productID, true},
		{" -//STUDY PLANNER//Study plan export//EN", true},
		{"-//Acme School//Holidays for Study Planner users//EN", false},
		{"-//Google Inc//Google Calendar 70.9054//EN", false},
	} {
		cal := strings.Replace(calendar(event), "PRODID:-//test//EN", "PRODID:"+tt.prodID, 1)
		_, err := ReadDaysOff(strings.NewReader(cal), Options{From: day("2026-12-01"), To: day("2028-11-30")})
		if got := errors.Is(err, ErrOwnExport); got != tt.refused {
			t.Errorf("PRODID %q: refused %v (%v), want %v", tt.prodID, got, err, tt.refused)
		}
	}
}

// TestWholeFileErrors: what refuses a file says what is wrong and what to
// do, without Go or library words.
func TestWholeFileErrors(t *testing.T) {
	dailyForever := calendar("UID:d\nDTSTART;VALUE=DATE:20000101\nRRULE:FREQ=DAILY\n")
	tests := []struct {
		name, file string
		from, to   string
		want       string
	}{
		{"empty", "", "", "", "this is not an iCalendar file: it does not begin with BEGIN:VCALENDAR; export the calendar"},
		{"json", `{"format": "studyplanner"}`, "", "", "this is not an iCalendar file"},
		{"too big", "BEGIN:VCALENDAR\r\n" + strings.Repeat("X", MaxBytes), "", "", "the calendar is larger than 4 MB; export a shorter period"},
		{"no events", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "", "", "the calendar has no events, so it gives no days off"},
		{"only cancelled", calendar("UID:a\nDTSTART;VALUE=DATE:20270301\nSTATUS:CANCELLED\n"), "", "", "the calendar's events are all cancelled or removed"},
		{"one bad event", calendar("UID:a\nSUMMARY:Odd\n"), "", "",
			`the calendar's only event cannot be taken as a day off: "Odd" (it has no start date); correct it in your calendar app and export again`},
		{"all bad", calendar("UID:a\nSUMMARY:A\n", "UID:b\n", "UID:c\nDTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:20280301\nSUMMARY:C\n", "UID:d\nDTSTART:x\n"), "", "",
			`none of the calendar's 4 events can be taken as days off: "A" (it has no start date), event 2 (it has no start date), ` +
				`"C" (it lasts 14 months; a day off is at most a year (366 days)) and 1 more; correct them`},
		{"more than MaxDays", dailyForever, "2000-01-01", "2099-12-31", "the calendar gives more than 5000 days off; export a shorter period"},
		{"period backwards", dailyForever, "2027-01-02", "2027-01-01", "the period to read the calendar for ends on 1 Jan 2027, before it starts on 2 Jan 2027"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := Options{Location: time.UTC}
			if tt.from != "" {
				opts.From, opts.To = day(tt.from), day(tt.to)
			}
			_, err := ReadDaysOff(strings.NewReader(tt.file), opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ReadDaysOff = %v\nwant an error containing %q", err, tt.want)
			}
		})
	}
}

func TestInfiniteDailyRuleIsCappedQuickly(t *testing.T) {
	start := time.Now()
	_, err := ReadDaysOff(strings.NewReader(calendar("UID:d\nDTSTART;VALUE=DATE:00010101\nRRULE:FREQ=DAILY\n")),
		Options{From: day("0001-01-01"), To: day("9999-12-31"), Location: time.UTC})
	if err == nil || !strings.Contains(err.Error(), "more than 5000 days off") {
		t.Errorf("ReadDaysOff = %v, want the MaxDays error", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("took %v", took)
	}
}

func TestSummary(t *testing.T) {
	day := plan.DayOff{Date: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}
	skip := func(n int) []Skipped {
		var out []Skipped
		for i := 1; i <= n; i++ {
			out = append(out, Skipped{Event: `"E` + string(rune('0'+i)) + `"`, Reason: "it has no start date"})
		}
		return out
	}
	tests := []struct {
		d    DaysOff
		want string
	}{
		{DaysOff{}, "no days off"},
		{DaysOff{Days: []plan.DayOff{day}}, "1 day off"},
		{DaysOff{Days: make([]plan.DayOff, 18)}, "18 days off"},
		{DaysOff{Days: make([]plan.DayOff, 18), Skipped: []Skipped{{`"Offsite"`, "it lasts 14 months; a day off is at most a year (366 days)"}}},
			`18 days off; skipped 1: "Offsite" (it lasts 14 months; a day off is at most a year (366 days))`},
		{DaysOff{Days: make([]plan.DayOff, 2), Skipped: skip(3)},
			`2 days off; skipped 3: "E1" (it has no start date), "E2" (it has no start date), "E3" (it has no start date)`},
		{DaysOff{Days: make([]plan.DayOff, 2), Skipped: skip(5)},
			`2 days off; skipped 5: "E1" (it has no start date), "E2" (it has no start date), "E3" (it has no start date) and 2 more`},
	}
	for _, tt := range tests {
		if got := tt.d.Summary(); got != tt.want {
			t.Errorf("Summary() = %q\nwant        %q", got, tt.want)
		}
	}
}

// TestOddFiles: files real tools write that golang-ical alone refuses.
func TestOddFiles(t *testing.T) {
	event := "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270301\r\nSUMMARY:Fête\r\nEND:VEVENT\r\n"
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "BEGIN:VCALENDAR\r\n" + event + "END:VCALENDAR\r\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	tests := []struct {
		name string
		file []byte
	}{
		{"UTF-16", utf16},
		{"Windows-1252", []byte(strings.ReplaceAll("BEGIN:VCALENDAR\r\n"+event+"END:VCALENDAR\r\n", "ê", "\xEA"))},
		{"CR only", []byte(strings.ReplaceAll("BEGIN:VCALENDAR\r\n"+event+"END:VCALENDAR\r\n", "\r\n", "\r"))},
		{"two calendars in one file", []byte("BEGIN:VCALENDAR\r\nPRODID:a\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\r\nPRODID:b\r\n" + event + "END:VCALENDAR\r\n")},
		{"END of the wrong component", []byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270301\r\nSUMMARY:Fête\r\nEND:VJOURNAL\r\nEND:VCALENDAR\r\n")},
		{"property between events", []byte("BEGIN:VCALENDAR\r\n" + event + "X-STRAY:1\r\nEND:VCALENDAR\r\n")},
		{"deep nesting", []byte("BEGIN:VCALENDAR\r\n" + event + strings.Repeat("BEGIN:X\r\n", 10000) + "END:VCALENDAR\r\n")},
		{"trailing spaces on BEGIN", []byte("BEGIN:VCALENDAR \r\nBEGIN:VEVENT \r\nDTSTART;VALUE=DATE:20270301\r\nSUMMARY:Fête\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")},
		{"bad parameter quoting", []byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270301\r\nSUMMARY:Fête\r\nLOCATION;X-A=\"b\"c\":here\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadDaysOff(bytes.NewReader(tt.file), Options{From: day("2026-12-01"), To: day("2028-11-30")})
			if err != nil {
				t.Fatal(err)
			}
			if lines(got) != "2027-03-01 Fête" {
				t.Errorf("days off %q, want 2027-03-01 Fête", lines(got))
			}
		})
	}
}

func TestSpans(t *testing.T) {
	sp := func(a, b string) span { return span{day(a), day(b)} }
	show := func(ss []span) string {
		var out []string
		for _, s := range ss {
			out = append(out, s.first.Format("01-02")+".."+s.last.Format("01-02"))
		}
		return strings.Join(out, " ")
	}
	var ss spans
	for _, s := range []span{sp("2027-01-10", "2027-01-12"), sp("2027-01-01", "2027-01-02"), sp("2027-01-20", "2027-01-20"),
		sp("2027-01-03", "2027-01-04"), sp("2027-01-11", "2027-01-21")} {
		ss.insert(s)
	}
	if got, want := show(ss), "01-01..01-04 01-10..01-21"; got != want {
		t.Errorf("spans after inserts: %s, want %s", got, want)
	}
	for s, want := range map[span]bool{sp("2027-01-02", "2027-01-04"): true, sp("2027-01-04", "2027-01-10"): false,
		sp("2027-01-10", "2027-01-21"): true, sp("2027-01-21", "2027-01-22"): false, sp("2026-12-31", "2027-01-01"): false} {
		if got := ss.holds(s); got != want {
			t.Errorf("holds(%s) = %v, want %v", show([]span{s}), got, want)
		}
	}
	merged := merge([]span{sp("2027-01-05", "2027-01-06"), sp("2027-01-01", "2027-01-03"), sp("2027-01-02", "2027-01-02"), sp("2027-01-04", "2027-01-04"), sp("2027-01-08", "2027-01-09")})
	if got, want := show(merged), "01-01..01-06 01-08..01-09"; got != want {
		t.Errorf("merge: %s, want %s", got, want)
	}
}
