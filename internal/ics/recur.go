package ics

import (
	"errors"
	"fmt"
	"strings"
	"time"

	ical "github.com/arran4/golang-ical"
	"github.com/teambition/rrule-go"
)

// Bounds on expanding repeats. Repeats before the period read still have
// to be generated to reach it, so a daily rule begun centuries ago, or one
// that lists every second of the day, is stopped by the budget instead of
// filling memory.
const (
	maxRepeatsPerEvent = 200_000
	maxRepeatsPerFile  = 2_000_000
	maxInterval        = 10_000
	// ruleCost is what expanding a rule takes from the file's budget before
	// any repeat: a daily rule that never matches still costs rrule-go
	// some 800 years of steps (see expand), about 8 ms, so a file of
	// thousands of them would take a minute without it. 500 rules a file.
	ruleCost = 4000
)

// ruleParts are the RRULE parts RFC 5545 defines and rrule-go reads.
// Others (RSCALE and SKIP from RFC 7529, X- parts) are left out rather
// than refusing the rule: they do not change a Gregorian holiday.
var ruleParts = map[string]bool{
	"FREQ": true, "INTERVAL": true, "COUNT": true, "WKST": true, "BYSETPOS": true,
	"BYMONTH": true, "BYMONTHDAY": true, "BYYEARDAY": true, "BYWEEKNO": true,
	"BYDAY": true, "BYHOUR": true, "BYMINUTE": true, "BYSECOND": true,
}

var (
	errTooOften = errors.New("it repeats more often than once a day; only daily, weekly, monthly and yearly repeats are read as days off")
	errBadRule  = errors.New("the rule cannot be expanded")
)

// occurrence is one repeat of an event: when it starts and how long it
// lasts (an RDATE period may last otherwise than the event).
type occurrence struct {
	start  moment
	length length
}

// parseRule reads an RRULE. Repeats are expanded on the clock as written
// (see moment), so UNTIL is brought onto that clock too.
func parseRule(value string, start moment, learner *time.Location) (rrule.ROption, error) {
	bad := fmt.Errorf("its repeat rule %q cannot be read", cutRunes(strings.TrimSpace(value), 60))
	var kept []string
	until := ""
	for _, part := range strings.Split(strings.ToUpper(value), ";") {
		part = strings.TrimSpace(part)
		key, val, _ := strings.Cut(part, "=")
		switch {
		case key == "UNTIL":
			until = val
		case ruleParts[key]:
			kept = append(kept, part)
		}
	}
	opt, err := rrule.StrToROptionInLocation(strings.Join(kept, ";"), time.UTC)
	if err != nil || opt.Interval < 0 || opt.Interval > maxInterval {
		return rrule.ROption{}, bad
	}
	if opt.Freq > rrule.DAILY {
		return rrule.ROption{}, errTooOften
	}
	if until != "" {
		u, err := parseMoment(until, false, learner)
		if err != nil {
			return rrule.ROption{}, bad
		}
		opt.Until = untilWall(u, start)
	}
	return *opt, nil
}

// untilWall puts UNTIL on the clock of the series' start.
func untilWall(u, start moment) time.Time {
	switch {
	case start.date:
		return u.day()
	case u.date:
		return u.wall.Add(24*time.Hour - time.Second) // through that whole day
	case u.loc == time.UTC && start.loc != time.UTC:
		t := u.instant().In(start.loc)
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	}
	return u.wall
}

// expand lists the starts (as wall clock) of a rule's repeats from lo to
// hi, taking from *budget one unit per repeat generated.
//
// rrule-go searches up to the year 9999 for a repeat before it gives up,
// so a rule that never matches (the 30th of February) costs thousands of
// years of steps. The Gregorian calendar, weekdays included, repeats every
// 400 years, so the rule is run shifted by a multiple of 400 years times
// its interval, as close to 9999 as hi allows, and shifted back; and a
// start long before lo is moved forward the same way when no COUNT ties
// the repeats to it.
func expand(opt rrule.ROption, start, lo, hi time.Time, budget *int) (walls []time.Time, err error) {
	defer func() {
		if recover() != nil { // a rule rrule-go cannot handle is no reason to crash
			walls, err = nil, errBadRule
		}
	}()
	period := 400 * max(opt.Interval, 1)
	shift := 0
	if period <= 4000 {
		if n := (lo.Year() - start.Year() - 1) / period; opt.Count == 0 && n > 0 {
			start = start.AddDate(n*period, 0, 0)
		}
		shift = max(0, (9998-hi.Year())/period) * period
	}
	if opt.Until.IsZero() || opt.Until.After(hi) {
		opt.Until = hi
	}
	opt.Dtstart, opt.Until = start.AddDate(shift, 0, 0), opt.Until.AddDate(shift, 0, 0)
	rule, err := rrule.NewRRule(opt)
	if err != nil {
		return nil, errBadRule
	}
	return collect(rule.Iterator(), shift, lo, budget)
}

// maxRepeatDays bounds the days one series may repeat on. Two repeats on
// different days of the event's clock can land on one day of the
// learner's, never three, and the days collected reach up to a year
// before the period: past this bound the series alone gives more than
// MaxDays days off in the period.
const maxRepeatDays = 2*MaxDays + 400

// collect takes repeats from a rule shifted by shift years, keeping those
// from lo on.
func collect(next rrule.Next, shift int, lo time.Time, budget *int) ([]time.Time, error) {
	var walls []time.Time
	repeatDays := 0
	for {
		t, ok := next()
		if !ok {
			return walls, nil
		}
		if *budget--; *budget < 0 {
			return nil, errTooManyRepeats
		}
		if t = t.AddDate(-shift, 0, 0); t.Before(lo) {
			continue
		}
		if len(walls) == 0 || !dateOnly(t).Equal(dateOnly(walls[len(walls)-1])) {
			if repeatDays++; repeatDays > maxRepeatDays {
				return nil, errTooManyDays
			}
		}
		walls = append(walls, t)
	}
}

var errTooManyRepeats = fmt.Errorf("it repeats too often to be read: more than %d times", maxRepeatsPerEvent)

// rdates reads one RDATE line: dates, date-times, or periods with their
// own end or length.
func rdates(p *ical.IANAProperty, z *zones, base length) ([]occurrence, error) {
	asDate, loc := propForm(p, z)
	var out []occurrence
	for _, v := range strings.Split(p.Value, ",") {
		if strings.TrimSpace(v) == "" {
			continue
		}
		from, to, period := strings.Cut(v, "/")
		m, err := parseMoment(from, asDate, loc)
		if err != nil {
			return nil, fmt.Errorf("its extra date %w", err)
		}
		l := base
		if period {
			if l, err = periodLength(m, to, asDate, loc); err != nil {
				return nil, err
			}
		}
		out = append(out, occurrence{m, l})
	}
	return out, nil
}

// periodLength reads the second half of a PERIOD: an end or a duration.
func periodLength(start moment, v string, asDate bool, loc *time.Location) (length, error) {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(strings.TrimLeft(strings.ToUpper(v), "+-"), "P") {
		return parseDuration(v)
	}
	end, err := parseMoment(v, asDate, loc)
	if err != nil {
		return length{}, fmt.Errorf("its extra date's end %w", err)
	}
	return between(start, end)
}

// exdates reads every EXDATE of an event.
func exdates(ev *ical.VEvent, z *zones) ([]moment, error) {
	var out []moment
	for _, p := range ev.GetProperties(ical.ComponentPropertyExdate) {
		ms, err := propMoments(p, z)
		if err != nil {
			return nil, fmt.Errorf("its excluded date %w", err)
		}
		out = append(out, ms...)
	}
	return out, nil
}
