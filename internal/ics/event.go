package ics

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	ical "github.com/arran4/golang-ical"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// maxEventLength is the longest event, in days, taken as days off: a
// holiday lasts days or weeks, while a year-long event is a term, a
// project or a mistake, and would block a whole plan.
const maxEventLength = 366

// event is one VEVENT, read as far as days off need.
type event struct {
	index     int // from 1, in file order: names an event without a summary
	uid       string
	note      string
	cancelled bool
	recurring bool // it has an RRULE or RDATE
	start     moment
	length    length
	// recurrence is the RECURRENCE-ID of an event that replaces one repeat
	// of a series (a holiday moved to another day), nil for others.
	recurrence *moment
	// err says why the event cannot be taken, in words; nil when it can.
	err error
	ev  *ical.VEvent
}

func loadEvent(i int, ev *ical.VEvent, z *zones) *event {
	e := &event{
		index:     i + 1,
		uid:       strings.TrimSpace(value(ev, ical.ComponentPropertyUniqueId)),
		note:      cleanNote(value(ev, ical.ComponentPropertySummary)),
		cancelled: strings.EqualFold(strings.TrimSpace(value(ev, ical.ComponentPropertyStatus)), "CANCELLED"),
		recurring: ev.GetProperty(ical.ComponentPropertyRrule) != nil || ev.GetProperty(ical.ComponentPropertyRdate) != nil,
		ev:        ev,
	}
	if p := ev.GetProperty(ical.ComponentPropertyRecurrenceId); p != nil {
		// An unreadable RECURRENCE-ID leaves the event standing on its own
		// rather than losing it.
		if ms, err := propMoments(p, z); err == nil && len(ms) > 0 {
			e.recurrence = &ms[0]
		}
	}
	e.err = e.readTimes(z)
	return e
}

func value(ev *ical.VEvent, name ical.ComponentProperty) string {
	if p := ev.GetProperty(name); p != nil {
		return p.Value
	}
	return ""
}

// name is how a message names the event: its summary, or its place in the
// file when it has none.
func (e *event) name() string {
	if e.note == "" {
		return fmt.Sprintf("event %d", e.index)
	}
	return strconv.Quote(cutRunes(e.note, 60))
}

// readTimes reads when the event starts and how long it lasts, and checks
// it is not too long to be a day off.
func (e *event) readTimes(z *zones) error {
	p := e.ev.GetProperty(ical.ComponentPropertyDtStart)
	switch {
	case p != nil && strings.TrimSpace(p.Value) != "":
		asDate, loc := propForm(p, z)
		m, err := parseMoment(p.Value, asDate, loc)
		if err != nil {
			return fmt.Errorf("its start date %w", err)
		}
		e.start = m
	case e.recurrence != nil:
		// A moved repeat may leave its start to RECURRENCE-ID.
		e.start = *e.recurrence
	default:
		return errors.New("it has no start date")
	}
	l, err := e.readLength(z)
	if err != nil {
		return err
	}
	e.length = l
	first, last := days(e.start, l, z.fallback)
	return checkLength(first, last)
}

// readLength reads DTEND or DURATION. Without either, an all-day event
// lasts its day and a timed one is a moment (RFC 5545, 3.6.1).
func (e *event) readLength(z *zones) (length, error) {
	if p := e.ev.GetProperty(ical.ComponentPropertyDtEnd); p != nil {
		asDate, loc := propForm(p, z)
		end, err := parseMoment(p.Value, asDate, loc)
		if err != nil {
			return length{}, fmt.Errorf("its end date %w", err)
		}
		return between(e.start, end)
	}
	if p := e.ev.GetProperty(ical.ComponentPropertyDuration); p != nil {
		return parseDuration(p.Value)
	}
	if e.start.date {
		return length{days: 1}, nil
	}
	return length{}, nil
}

// between is the length from start to an end, which is exclusive: an
// all-day event ending on the 26th covers up to the 25th. An all-day
// event ending on the day it starts still covers that day (wholeDays), as
// some exporters mean by it.
func between(start, end moment) (length, error) {
	if start.date {
		endDay := end.wall
		if !end.date && !dateOnly(end.wall).Equal(end.wall) {
			endDay = dateOnly(end.wall).AddDate(0, 0, 1) // ends during that day
		}
		n := plan.DaysBetween(start.wall, endDay)
		if n < 0 {
			return length{}, errEndsBeforeStart
		}
		return length{days: n}, nil
	}
	var to time.Time
	if end.date { // that day's midnight, on the start's clock
		to = time.Date(end.wall.Year(), end.wall.Month(), end.wall.Day(), 0, 0, 0, 0, start.loc)
	} else {
		to = end.instant()
	}
	d := to.Sub(start.instant())
	if d < 0 {
		return length{}, errEndsBeforeStart
	}
	return length{clock: d}, nil
}

// days is the first and last of the learner's days an occurrence covers.
// Timed events land on the learner's days, so a late-evening flight in
// another zone counts where the learner is; one that ends exactly at
// midnight does not take the next day.
func days(start moment, l length, learner *time.Location) (first, last time.Time) {
	if start.date {
		return start.wall, start.wall.AddDate(0, 0, l.wholeDays()-1)
	}
	from := start.instant()
	to := from.AddDate(0, 0, l.days).Add(l.clock)
	first = plan.Date(from.In(learner))
	if !to.After(from) {
		return first, first
	}
	return first, plan.Date(to.Add(-time.Nanosecond).In(learner))
}

// checkLength refuses an occurrence too long to be a day off.
func checkLength(first, last time.Time) error {
	if n := plan.DaysBetween(first, last) + 1; n > maxEventLength {
		return fmt.Errorf("it lasts %s; a day off is at most a year (%d days)", lasting(n), maxEventLength)
	}
	return nil
}

// lasting says a long stretch of days the way a person would.
func lasting(days int) string {
	switch months := int(math.Round(float64(days) / 30.44)); {
	case days < 400:
		return fmt.Sprintf("%d days", days)
	case months < 24:
		return fmt.Sprintf("%d months", months)
	default:
		return fmt.Sprintf("%d years", int(math.Round(float64(days)/365.25)))
	}
}

// cleanNote makes a summary fit for a day's note: one line, no control
// characters, at most plan.MaxNameLen characters.
func cleanNote(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	return cutRunes(strings.Join(strings.Fields(s), " "), plan.MaxNameLen)
}
