// Package ics writes the plan as an iCalendar (RFC 5545) file and reads a
// calendar's events as days off, through github.com/arran4/golang-ical.
package ics

import (
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	ical "github.com/arran4/golang-ical"
	"github.com/dustin/go-humanize"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// uidDomain ends every UID, so ours never collide with another app's.
const uidDomain = "@studyplanner.invalid"

// Write writes one all-day event per day with planned study and one per
// step target date. UIDs depend only on the day or the step's title, so
// importing a new export into a calendar app updates the events instead of
// adding copies; the sequence number, taken from now, lets the app know
// the newer copy wins.
func Write(w io.Writer, days map[time.Time][]plan.PlanItem, steps []plan.Step, now time.Time) error {
	cal := ical.NewCalendarFor("Study Planner")
	cal.SetMethod(ical.MethodPublish)
	cal.SetName("Study plan")
	cal.SetXWRCalName("Study plan")
	sequence := int(now.Unix() / 60)

	dates := make([]time.Time, 0, len(days))
	for d := range days {
		dates = append(dates, d)
	}
	sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
	for _, d := range dates {
		items := days[d]
		if len(items) == 0 {
			continue
		}
		ev := cal.AddEvent("study-" + d.Format("20060102") + uidDomain)
		allDay(ev, d, now, sequence)
		total := 0.0
		var names, lines []string
		for _, it := range items {
			total += it.Hours
			names = append(names, it.Name)
			lines = append(lines, fmt.Sprintf("%s: %s h (%s)", it.Name, humanize.FtoaWithDigits(it.Hours, 1), it.Step))
		}
		ev.SetSummary(fmt.Sprintf("Study %s h: %s", humanize.FtoaWithDigits(total, 1), strings.Join(names, ", ")))
		ev.SetDescription(strings.Join(lines, "\n"))
	}
	for _, st := range steps {
		if st.TargetDate.IsZero() {
			continue
		}
		sum := sha1.Sum([]byte(st.Title))
		ev := cal.AddEvent("step-" + hex.EncodeToString(sum[:8]) + uidDomain)
		allDay(ev, st.TargetDate, now, sequence)
		ev.SetSummary("Target: " + st.Title)
		ev.SetDescription(st.Summary)
	}
	if err := cal.SerializeTo(w); err != nil {
		return fmt.Errorf("writing the calendar: %w", err)
	}
	return nil
}

func allDay(ev *ical.VEvent, day, now time.Time, sequence int) {
	ev.SetDtStampTime(now.UTC())
	ev.SetAllDayStartAt(day)
	ev.SetAllDayEndAt(day.AddDate(0, 0, 1))
	ev.SetSequence(sequence)
	ev.SetProperty(ical.ComponentPropertyTransp, "TRANSPARENT")
}

// Limits on what ReadDaysOff accepts.
const (
	MaxBytes       = 4 << 20
	MaxDays        = 5000
	maxEventLength = 366 // days
)

// ReadDaysOff reads every event of a calendar as days off: all-day events
// from their first day up to their end, timed events on the days they touch.
// It checks the whole file before returning anything.
func ReadDaysOff(r io.Reader) ([]plan.DayOff, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading the calendar: %w", err)
	}
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("the calendar is larger than %d MB; export a shorter period", MaxBytes>>20)
	}
	if !strings.Contains(string(data[:min(len(data), 512)]), "BEGIN:VCALENDAR") {
		return nil, errors.New("this is not an iCalendar file: it does not begin with BEGIN:VCALENDAR")
	}
	cal, err := ical.ParseCalendar(strings.NewReader(string(data)))
	if err != nil {
		return nil, fmt.Errorf("the calendar cannot be read: %w", err)
	}
	events := cal.Events()
	if len(events) == 0 {
		return nil, errors.New("the calendar has no events to take as days off")
	}
	notes := map[time.Time]string{}
	for i, ev := range events {
		name := fmt.Sprintf("event %d", i+1)
		if p := ev.GetProperty(ical.ComponentPropertySummary); p != nil && p.Value != "" {
			name = fmt.Sprintf("event %d (%q)", i+1, p.Value)
		}
		first, last, err := eventDays(ev)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
			note := ""
			if p := ev.GetProperty(ical.ComponentPropertySummary); p != nil {
				note = strings.TrimSpace(p.Value)
			}
			if len(note) > plan.MaxNameLen {
				note = note[:plan.MaxNameLen]
			}
			if _, seen := notes[d]; !seen || notes[d] == "" {
				notes[d] = note
			}
			if len(notes) > MaxDays {
				return nil, fmt.Errorf("the calendar covers more than %d days; export a shorter period", MaxDays)
			}
		}
	}
	out := make([]plan.DayOff, 0, len(notes))
	for d, n := range notes {
		out = append(out, plan.DayOff{Date: d, Note: n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out, nil
}

// eventDays is the first and last calendar day an event covers.
func eventDays(ev *ical.VEvent) (first, last time.Time, err error) {
	start := ev.GetProperty(ical.ComponentPropertyDtStart)
	if start == nil {
		return first, last, errors.New("it has no start (DTSTART)")
	}
	allDay := len(start.Value) == 8
	if allDay {
		first, err = ev.GetAllDayStartAt()
	} else {
		first, err = ev.GetStartAt()
	}
	if err != nil {
		return first, last, fmt.Errorf("its start %q is not a date: %w", start.Value, err)
	}
	first = plan.Date(first)
	last = first
	if ev.GetProperty(ical.ComponentPropertyDtEnd) != nil {
		var end time.Time
		if allDay {
			end, err = ev.GetAllDayEndAt()
			end = end.AddDate(0, 0, -1) // DTEND of an all-day event is the day after
		} else {
			end, err = ev.GetEndAt()
			end = end.Add(-time.Nanosecond)
		}
		if err != nil {
			return first, last, fmt.Errorf("its end is not a date: %w", err)
		}
		if end = plan.Date(end); end.After(first) {
			last = end
		}
	}
	if plan.DaysBetween(first, last) >= maxEventLength {
		return first, last, fmt.Errorf("it lasts more than %d days; is it really a day off?", maxEventLength)
	}
	return first, last, nil
}
