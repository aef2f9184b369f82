package ics

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	ical "github.com/arran4/golang-ical"
)

// moment is a DATE or DATE-TIME value as a calendar writes it. The clock
// reading is kept as written (wall, in UTC) beside the zone it is read in,
// because repeats follow the clock of the event's zone, not elapsed time:
// a weekly 10:00 meeting stays at 10:00 across a change to summer time.
type moment struct {
	wall time.Time      // the date and clock as written, as if in UTC
	loc  *time.Location // where the clock is read; UTC for a date
	date bool           // a whole day (VALUE=DATE): no clock, no zone
}

// instant is the point in time a date-time stands for.
func (m moment) instant() time.Time {
	y, mo, d := m.wall.Date()
	h, mi, s := m.wall.Clock()
	return time.Date(y, mo, d, h, mi, s, 0, m.loc)
}

// day is the date a moment names when matched against an all-day series.
// A UTC time there is how some apps write "that day, at my midnight"
// (Apple writes 23:00Z the evening before for Berlin), so it is rounded to
// the nearest midnight rather than cut.
func (m moment) day() time.Time {
	if m.date || m.loc != time.UTC {
		return dateOnly(m.wall)
	}
	return dateOnly(m.wall.Add(12 * time.Hour))
}

func dateOnly(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// momentSet holds the repeats a series leaves out (EXDATE) or replaces
// (RECURRENCE-ID), answering in constant time: a file may list thousands.
// A date leaves out every repeat on that day; a date-time the repeat at
// that instant, or an all-day repeat on its day (see day).
type momentSet struct {
	instants map[int64]bool
	dates    map[time.Time]bool
	near     map[time.Time]bool // the days date-times name
}

func newMomentSet(ms []moment) momentSet {
	s := momentSet{instants: map[int64]bool{}, dates: map[time.Time]bool{}, near: map[time.Time]bool{}}
	for _, m := range ms {
		if m.date {
			s.dates[m.wall] = true
			continue
		}
		s.instants[m.instant().Unix()] = true
		s.near[m.day()] = true
		s.near[dateOnly(m.wall)] = true
	}
	return s
}

// has reports whether the set names the repeat starting at m.
func (s momentSet) has(m moment) bool {
	if m.date {
		return s.dates[m.wall] || s.near[m.wall]
	}
	return s.instants[m.instant().Unix()] || s.dates[dateOnly(m.wall)] || s.dates[m.day()]
}

// Layouts of DATE-TIME values; the short ones are not RFC 5545 but some
// exporters leave the seconds out.
var clockLayouts = []string{"20060102T150405", "20060102T1504"}

// parseMoment reads one date or date-time value. asDate is set by
// VALUE=DATE; an eight-digit value is a date either way.
func parseMoment(value string, asDate bool, loc *time.Location) (moment, error) {
	v := strings.ToUpper(strings.TrimSpace(value))
	if len(v) == 8 || asDate && len(v) > 8 && v[8] == 'T' {
		d, err := time.Parse("20060102", v[:8])
		if err != nil {
			return moment{}, fmt.Errorf("%s is not a date", quoteDate(v))
		}
		return moment{wall: d, loc: time.UTC, date: true}, nil
	}
	if rest, utc := strings.CutSuffix(v, "Z"); utc {
		v, loc = rest, time.UTC
	}
	for _, layout := range clockLayouts {
		if t, err := time.Parse(layout, v); err == nil && len(v) == len(layout) {
			return moment{wall: t, loc: loc}, nil
		}
	}
	return moment{}, fmt.Errorf("%s is not a date", quoteDate(strings.ToUpper(strings.TrimSpace(value))))
}

// quoteDate shows a value the way a person writes a date, so that
// "20261345" reads as "2026-13-45" in a message.
func quoteDate(v string) string {
	if len(v) >= 8 && allDigits(v[:8]) {
		rest := v[8:]
		if len(rest) >= 7 && rest[0] == 'T' && allDigits(rest[1:7]) {
			rest = " " + rest[1:3] + ":" + rest[3:5] + ":" + rest[5:7] + rest[7:]
		}
		v = v[:4] + "-" + v[4:6] + "-" + v[6:8] + rest
	}
	return fmt.Sprintf("%q", cutRunes(v, 40))
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// cutRunes shortens s to at most n characters, marking the cut with "…".
// It counts runes, never splitting one.
func cutRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	return strings.TrimRight(string(r), " ") + "…"
}

// param is the first value of a property parameter. Parameter names are
// case-insensitive, and the parser keeps them as written.
func param(p *ical.IANAProperty, name string) string {
	for k, v := range p.ICalParameters {
		if strings.EqualFold(k, name) && len(v) > 0 {
			return strings.TrimSpace(v[0])
		}
	}
	return ""
}

// propMoments reads every value of a property that holds dates, such as
// EXDATE, which may repeat and list several values on one line.
func propMoments(p *ical.IANAProperty, z *zones) ([]moment, error) {
	asDate, loc := propForm(p, z)
	var out []moment
	for _, v := range strings.Split(p.Value, ",") {
		if strings.TrimSpace(v) == "" {
			continue
		}
		m, err := parseMoment(v, asDate, loc)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// propForm is how a property's values are read: as dates, or as clock
// times in the zone its TZID names (the learner's when it has none).
func propForm(p *ical.IANAProperty, z *zones) (asDate bool, loc *time.Location) {
	loc = z.fallback
	if tzid := param(p, "TZID"); tzid != "" {
		loc = z.lookup(tzid)
	}
	return strings.EqualFold(param(p, "VALUE"), "DATE"), loc
}

// length is how long an event lasts: whole days (nominal, so a day across
// a change to summer time is still a day) and clock time. A DURATION has
// both; a DTEND gives exact clock time for timed events.
type length struct {
	days  int
	clock time.Duration
}

// wholeDays is how many calendar days an all-day event with this length
// covers: at least its first, and any part of a day counts as a day.
func (l length) wholeDays() int {
	n := l.days + int((l.clock+24*time.Hour-1)/(24*time.Hour))
	return max(n, 1)
}

var errEndsBeforeStart = errors.New("it ends before it starts")

// parseDuration reads an RFC 5545 DURATION such as P1D, PT2H, P1W or
// P1DT12H. Numbers are capped at six digits: a longer event is refused
// for its length anyway, and time.Duration would overflow.
func parseDuration(value string) (length, error) {
	v := strings.ToUpper(strings.TrimSpace(value))
	bad := fmt.Errorf("its length %q cannot be read", cutRunes(value, 40))
	v = strings.TrimPrefix(v, "+")
	if rest, neg := strings.CutPrefix(v, "-"); neg {
		if _, err := parseDuration(rest); err != nil {
			return length{}, bad
		}
		return length{}, errEndsBeforeStart
	}
	v, ok := strings.CutPrefix(v, "P")
	if !ok || v == "" {
		return length{}, bad
	}
	var l length
	inClock := false
	for v != "" {
		if v[0] == 'T' {
			inClock, v = true, v[1:]
			continue
		}
		n := 0
		for n < len(v) && v[n] >= '0' && v[n] <= '9' {
			n++
		}
		if n == 0 || n > 6 || n == len(v) {
			return length{}, bad
		}
		if !l.add(atoi(v[:n]), v[n], inClock) {
			return length{}, bad
		}
		v = v[n+1:]
	}
	return l, nil
}

// add adds one number-and-unit part of a DURATION.
func (l *length) add(n int, unit byte, inClock bool) bool {
	switch {
	case !inClock && unit == 'W':
		l.days += 7 * n
	case !inClock && unit == 'D':
		l.days += n
	case inClock && unit == 'H':
		l.clock += time.Duration(n) * time.Hour
	case inClock && unit == 'M':
		l.clock += time.Duration(n) * time.Minute
	case inClock && unit == 'S':
		l.clock += time.Duration(n) * time.Second
	default:
		return false
	}
	return true
}

func atoi(digits string) int {
	n := 0
	for i := 0; i < len(digits); i++ {
		n = n*10 + int(digits[i]-'0')
	}
	return n
}
