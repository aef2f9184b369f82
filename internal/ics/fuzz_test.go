package ics

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// fuzzSeeds are small calendars that reach each way of reading an event:
// repeats, exclusions, moved and cancelled repeats, durations, zones.
var fuzzSeeds = []string{
	"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261227\r\nSUMMARY:Christmas\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
	"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20270115T090000Z\r\nDTEND:20270116T010000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
	"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
	"not a calendar",
	"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:y\r\nDTSTART;VALUE=DATE:20201225\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Xmas\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
	"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:w\nDTSTART;VALUE=DATE:20260103\nRRULE:FREQ=WEEKLY;BYDAY=SA\nEXDATE;VALUE=DATE:20270109,20270116\nEXDATE;VALUE=DATE:20270123\nRDATE;VALUE=DATE:20270101\nSUMMARY:Saturday\nEND:VEVENT\nEND:VCALENDAR\n",
	"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:s\r\nDTSTART;TZID=Europe/Berlin:20260615T090000\r\nDURATION:PT8H\r\nRRULE:FREQ=YEARLY;UNTIL=20290101T000000Z\r\nSUMMARY:Sports day\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID;TZID=Europe/Berlin:20270615T090000\r\nDTSTART;TZID=Europe/Berlin:20270618T090000\r\nDURATION:PT8H\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID;TZID=Europe/Berlin:20280615T090000\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
	"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:o\r\nDTSTART;TZID=\"W. Europe Standard Time\":20270112T083000\r\nDURATION:P1W\r\nSUMMARY:Outlook\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:p\r\nDTSTART;TZID=Pacific Standard Time:20270310T160000\r\nDTEND;TZID=Pacific Standard Time:20270311T170000\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:m\r\nDTSTART;TZID=/mozilla.org/20050126_1/Europe/Berlin:20270410T100000\r\nDURATION:P3D\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
	"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:d\r\nDTSTART:20260101T090000\r\nRRULE:FREQ=DAILY\r\nSUMMARY:Every day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
	"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:i\r\nDTSTART;VALUE=DATE:20260101\r\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:l\r\nDTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20280301\r\nSUMMARY:Offsite\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
	"\xEF\xBB\xBFbegin:vcalendar\nbegin:vevent\ndtstart;value=date:20271101\nrdate;value=period:20271105T100000Z/PT2H,20271106T100000Z/20271107T100000Z\nsummary:All Saints\n",
}

// FuzzReadDaysOff: any calendar file either gives sorted, unique, bounded
// days off with clean notes or an error; never a panic or a hang.
func FuzzReadDaysOff(f *testing.F) {
	var ours bytes.Buffer
	Write(&ours, sample())
	f.Add(ours.Bytes())
	f.Add([]byte(strings.Replace(ours.String(), "Study Planner", "Someone Else", 1)))
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	fixtures, _ := filepath.Glob(filepath.Join("testdata", "*.ics"))
	for _, name := range fixtures {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		f.Fatal(err)
	}
	opts := Options{From: day("2026-12-01"), To: day("2028-11-30"), Location: berlin}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ReadDaysOff(bytes.NewReader(data), opts)
		if err == nil {
			checkDaysOff(t, got)
		}
	})
}

// checkDaysOff fails t unless got holds what ReadDaysOff promises: some
// days, at most MaxDays, sorted and unique calendar dates, with notes of
// valid UTF-8 and at most plan.MaxNameLen characters.
func checkDaysOff(t *testing.T, got DaysOff) {
	t.Helper()
	if len(got.Days) == 0 || len(got.Days) > MaxDays {
		t.Fatalf("%d days off accepted", len(got.Days))
	}
	for i, d := range got.Days {
		if !d.Date.Equal(plan.Date(d.Date)) || d.Date.Location() != time.UTC {
			t.Fatalf("day %v is not a calendar date", d.Date)
		}
		if i > 0 && !got.Days[i-1].Date.Before(d.Date) {
			t.Fatalf("days off not sorted and unique at %d", i)
		}
		if !utf8.ValidString(d.Note) || utf8.RuneCountInString(d.Note) > plan.MaxNameLen {
			t.Fatalf("note %q: invalid UTF-8 or longer than %d characters", d.Note, plan.MaxNameLen)
		}
	}
}
