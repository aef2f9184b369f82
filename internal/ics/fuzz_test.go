package ics

import (
	"bytes"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// FuzzReadDaysOff: any calendar file either gives sorted, unique, bounded
// days off or an error; never a panic.
func FuzzReadDaysOff(f *testing.F) {
	days, steps := sample()
	var ours bytes.Buffer
	Write(&ours, days, steps, time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC))
	f.Add(ours.Bytes())
	f.Add([]byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261227\r\nSUMMARY:Christmas\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))
	f.Add([]byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20270115T090000Z\r\nDTEND:20270116T010000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))
	f.Add([]byte("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"))
	f.Add([]byte("not a calendar"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ReadDaysOff(bytes.NewReader(data))
		if err != nil {
			return
		}
		if len(got) == 0 || len(got) > MaxDays {
			t.Fatalf("%d days off accepted", len(got))
		}
		for i, d := range got {
			if !d.Date.Equal(plan.Date(d.Date)) {
				t.Fatalf("day %v is not a calendar date", d.Date)
			}
			if i > 0 && !got[i-1].Date.Before(d.Date) {
				t.Fatalf("days off not sorted and unique at %d", i)
			}
			if len(d.Note) > plan.MaxNameLen {
				t.Fatalf("a note of %d bytes", len(d.Note))
			}
		}
	})
}
