package ics

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	ical "github.com/arran4/golang-ical"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// Limits on what ReadDaysOff accepts.
const (
	MaxBytes = 4 << 20
	MaxDays  = 5000
)

// Options says which stretch of time a calendar is read for.
type Options struct {
	// From and To are calendar dates (plan.Date). Repeating events are
	// expanded over [From, To]; single events outside it are still taken.
	// A zero From is today; a zero To is plan.MaxHorizonMonths after From.
	From, To time.Time
	// Location is the learner's time zone: timed events land on its days.
	// Nil means time.Local.
	Location *time.Location
}

// Skipped is an event left out of the import, and why, in words a person
// understands.
type Skipped struct {
	Event  string // `"Company offsite"`, or `event 4` when it has no summary
	Reason string // "it lasts 14 months; a day off is at most a year (366 days)"
}

// DaysOff is what a calendar gives: days sorted, unique, each a plan.Date
// with a note, and the events that were left out.
type DaysOff struct {
	Days    []plan.DayOff
	Skipped []Skipped
}

var errTooManyRules = errors.New("the calendar has too many repeating events to read them all, and this is one left out")

var errTooManyDays = fmt.Errorf("the calendar gives more than %d days off; export a shorter period, or only the calendar that holds your holidays", MaxDays)

// ErrOwnExport is returned (wrapped) for Study Planner's own export, whose
// PRODID names it.
var ErrOwnExport = errors.New("this is Study Planner's own plan export, not a holiday calendar; " +
	"importing it would turn your study days into days off")

// ReadDaysOff reads a calendar's events as days off: all-day events from
// their first day to their last, timed events on the learner's days they
// touch, repeating events on each repeat within the options' period. An
// event that cannot be taken is left out and listed in Skipped; the whole
// file is refused only when it is not a calendar, too large, Study
// Planner's own export, gives no day off at all, or more than MaxDays.
func ReadDaysOff(r io.Reader, opts Options) (DaysOff, error) {
	opts, err := opts.normalised()
	if err != nil {
		return DaysOff{}, err
	}
	cal, err := parseCalendar(r)
	if err != nil {
		return DaysOff{}, err
	}
	if ownExport(cal) {
		return DaysOff{}, fmt.Errorf("%w; choose the calendar that holds your holidays instead", ErrOwnExport)
	}
	rd := &reader{opts: opts, zones: newZones(cal, opts.Location), notes: map[time.Time]string{}, budget: maxRepeatsPerFile}
	if err := rd.read(cal.Events()); err != nil {
		return DaysOff{}, err
	}
	return rd.result()
}

func (o Options) normalised() (Options, error) {
	if o.Location == nil {
		o.Location = time.Local
	}
	if o.From.IsZero() {
		o.From = time.Now().In(o.Location)
	}
	o.From = plan.Date(o.From)
	if o.To.IsZero() {
		o.To = plan.AddMonths(o.From, plan.MaxHorizonMonths)
	}
	o.To = plan.Date(o.To)
	if o.To.Before(o.From) {
		return o, fmt.Errorf("the period to read the calendar for ends on %s, before it starts on %s", formatDay(o.To), formatDay(o.From))
	}
	return o, nil
}

func formatDay(d time.Time) string { return d.Format("2 Jan 2006") }

// parseCalendar reads and parses the file, after normalise has made it
// something golang-ical accepts.
func parseCalendar(r io.Reader) (*ical.Calendar, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("the calendar file could not be read: %w", err)
	}
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("the calendar is larger than %d MB; export a shorter period, or only the calendar that holds your holidays", MaxBytes>>20)
	}
	text := decode(data)
	if !LooksLikeCalendar(text[:min(len(text), 1024)]) {
		return nil, errors.New("this is not an iCalendar file: it does not begin with BEGIN:VCALENDAR; " +
			"export the calendar from your calendar app as an .ics file and choose that")
	}
	cal, err := ical.ParseCalendarWithOptions(strings.NewReader(normalise(text)),
		ical.WithUnknownPropertyHandler(ical.AcceptUnknownPropertyHandler))
	if err != nil {
		return nil, fmt.Errorf("the calendar file is damaged and cannot be read; export it again from your calendar app: %w", err)
	}
	return cal, nil
}

// ownExport reports whether Study Planner wrote the calendar: Write names
// itself as the PRODID's owner, "-//Study Planner//…", in every version so
// far. Another product that merely mentions Study Planner is not refused.
func ownExport(cal *ical.Calendar) bool {
	for _, p := range cal.CalendarProperties {
		if p.IANAToken == string(ical.PropertyProductId) && strings.HasPrefix(strings.ToLower(strings.TrimSpace(p.Value)), ownProductOwner) {
			return true
		}
	}
	return false
}

// reader gathers the days off of one calendar.
type reader struct {
	opts  Options
	zones *zones
	notes map[time.Time]string // the days off so far, with their notes
	// taken and noted are the days in notes, and those with a note, as
	// spans: thousands of events over the same days are then a look-up
	// each instead of a walk over every day.
	taken, noted spans
	skipped      []Skipped
	events       int
	budget       int // repeats the rest of the file may still generate
}

func (rd *reader) read(vevents []*ical.VEvent) error {
	rd.events = len(vevents)
	events := make([]*event, len(vevents))
	for i, ev := range vevents {
		events[i] = loadEvent(i, ev, rd.zones)
	}
	series, replaced := linkOverrides(events)
	for _, e := range events {
		var err error
		switch {
		case e.cancelled:
			// Not a day off; a cancelled repeat is dropped by its series.
		case e.err != nil:
			rd.skip(e, e.err)
		case e.recurrence != nil && series[e.uid]:
			err = rd.single(e, momentSet{}) // a moved repeat stands for itself
		case e.recurring:
			err = rd.series(e, replaced[e.uid])
		default:
			err = rd.single(e, replaced[e.uid])
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// linkOverrides finds which UIDs have a series, and by UID the repeats
// that events with the same UID and a RECURRENCE-ID replace (moved or
// cancelled). A moved repeat without a summary keeps its series' name.
func linkOverrides(events []*event) (series map[string]bool, replaced map[string]momentSet) {
	series, ids := map[string]bool{}, map[string][]moment{}
	notes := map[string]string{}
	for _, e := range events {
		if e.uid != "" && e.recurrence == nil {
			series[e.uid] = true
			notes[e.uid] = e.note
		}
	}
	for _, e := range events {
		if e.uid == "" || e.recurrence == nil || !series[e.uid] {
			continue
		}
		ids[e.uid] = append(ids[e.uid], *e.recurrence)
		if e.note == "" {
			e.note = notes[e.uid]
		}
	}
	replaced = map[string]momentSet{}
	for uid, ms := range ids {
		replaced[uid] = newMomentSet(ms)
	}
	return series, replaced
}

func (rd *reader) skip(e *event, why error) {
	rd.skipped = append(rd.skipped, Skipped{Event: e.name(), Reason: why.Error()})
}

// single takes a one-off event, unless a moved repeat replaces it.
func (rd *reader) single(e *event, replaced momentSet) error {
	if replaced.has(e.start) {
		return nil
	}
	first, last := days(e.start, e.length, rd.opts.Location)
	return rd.add(first, last, e.note)
}

// series takes each repeat of a repeating event that falls in the period,
// less those excluded (EXDATE) or replaced by a moved or cancelled repeat.
func (rd *reader) series(e *event, replaced momentSet) error {
	occs, err := rd.repeats(e)
	if err == nil && len(occs) == 0 {
		err = fmt.Errorf("none of its repeats falls between %s and %s", formatDay(rd.opts.From), formatDay(rd.opts.To))
	}
	var excluded []moment
	if err == nil {
		excluded, err = exdates(e.ev, rd.zones)
	}
	if errors.Is(err, errTooManyDays) {
		return err
	}
	if err != nil {
		rd.skip(e, err)
		return nil
	}
	excludedSet := newMomentSet(excluded)
	var kept []span
	for _, o := range occs {
		if !excludedSet.has(o.start) && !replaced.has(o.start) {
			first, last := days(o.start, o.length, rd.opts.Location)
			kept = append(kept, span{first, last})
		}
	}
	for _, s := range merge(kept) {
		if err := rd.add(s.first, s.last, e.note); err != nil {
			return err
		}
	}
	return nil
}

// span is the days from first to last.
type span struct{ first, last time.Time }

// spans are disjoint, sorted, and never adjacent (they would be merged).
type spans []span

// holds reports whether every day of s is in the spans.
func (ss spans) holds(s span) bool {
	i := sort.Search(len(ss), func(i int) bool { return !ss[i].last.Before(s.first) })
	return i < len(ss) && !ss[i].first.After(s.first) && !ss[i].last.Before(s.last)
}

// insert adds the days of s, merging it with the spans it touches.
func (ss *spans) insert(s span) {
	out := make(spans, 0, len(*ss)+1)
	placed := false
	for _, x := range *ss {
		switch {
		case x.last.AddDate(0, 0, 1).Before(s.first):
			out = append(out, x)
		case s.last.AddDate(0, 0, 1).Before(x.first):
			if !placed {
				out, placed = append(out, s), true
			}
			out = append(out, x)
		default: // they overlap or touch
			s = span{minTime(s.first, x.first), maxTime(s.last, x.last)}
		}
	}
	if !placed {
		out = append(out, s)
	}
	*ss = out
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// merge joins overlapping and adjacent spans, so that a series of long,
// overlapping repeats marks each day once rather than once per repeat.
func merge(spans []span) []span {
	sort.Slice(spans, func(i, j int) bool { return spans[i].first.Before(spans[j].first) })
	var out []span
	for _, s := range spans {
		if n := len(out); n > 0 && !s.first.After(out[n-1].last.AddDate(0, 0, 1)) {
			if s.last.After(out[n-1].last) {
				out[n-1].last = s.last
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// repeats lists the repeats of a series that touch the period: its start,
// its RRULEs' repeats and its RDATEs.
func (rd *reader) repeats(e *event) ([]occurrence, error) {
	all := []occurrence{{e.start, e.length}}
	lo := rd.opts.From.AddDate(0, 0, -e.length.wholeDays()-2) // a repeat begun earlier may reach in
	hi := rd.opts.To.AddDate(0, 0, 2)                         // zones differ from the learner's by < 2 days
	for _, p := range e.ev.GetProperties(ical.ComponentPropertyRrule) {
		walls, err := rd.expandRule(p.Value, e, lo, hi)
		if err != nil {
			return nil, err
		}
		for _, w := range walls {
			all = append(all, occurrence{moment{wall: w, loc: e.start.loc, date: e.start.date}, e.length})
		}
	}
	for _, p := range e.ev.GetProperties(ical.ComponentPropertyRdate) {
		more, err := rdates(p, rd.zones, e.length)
		if err != nil {
			return nil, err
		}
		all = append(all, more...)
	}
	return rd.inPeriod(all)
}

// expandRule expands one RRULE within the file's budget of repeats.
func (rd *reader) expandRule(rule string, e *event, lo, hi time.Time) ([]time.Time, error) {
	opt, err := parseRule(rule, e.start, rd.opts.Location)
	if err != nil {
		return nil, err
	}
	if rd.budget -= ruleCost; rd.budget <= 0 {
		return nil, errTooManyRules
	}
	budget := min(maxRepeatsPerEvent, rd.budget)
	walls, err := expand(opt, e.start.wall, lo, hi, &budget)
	rd.budget -= min(maxRepeatsPerEvent, rd.budget) - max(budget, 0)
	switch {
	case errors.Is(err, errBadRule):
		return nil, fmt.Errorf("its repeat rule %q cannot be read", cutRunes(strings.TrimSpace(rule), 60))
	case errors.Is(err, errTooManyRepeats) && rd.budget <= 0:
		return nil, errTooManyRules
	}
	return walls, err
}

// inPeriod keeps the distinct repeats that cover a day of the period, and
// refuses a repeat too long to be a day off.
func (rd *reader) inPeriod(all []occurrence) ([]occurrence, error) {
	type key struct {
		wall int64
		loc  *time.Location
		date bool
	}
	seen := map[key]bool{}
	var out []occurrence
	for _, o := range all {
		first, last := days(o.start, o.length, rd.opts.Location)
		if err := checkLength(first, last); err != nil {
			return nil, err
		}
		k := key{o.start.wall.Unix(), o.start.loc, o.start.date}
		if seen[k] || first.After(rd.opts.To) || last.Before(rd.opts.From) {
			continue
		}
		seen[k] = true
		out = append(out, o)
	}
	return out, nil
}

// add marks the days from first to last as off; a day keeps the first
// non-empty note it is given.
func (rd *reader) add(first, last time.Time, note string) error {
	s := span{first, last}
	if rd.noted.holds(s) || note == "" && rd.taken.holds(s) {
		return nil // changes nothing
	}
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		if old, ok := rd.notes[d]; ok {
			if old == "" {
				rd.notes[d] = note
			}
			continue
		}
		rd.notes[d] = note
		if len(rd.notes) > MaxDays {
			return errTooManyDays
		}
	}
	rd.taken.insert(s)
	if note != "" {
		rd.noted.insert(s)
	}
	return nil
}

func (rd *reader) result() (DaysOff, error) {
	if len(rd.notes) == 0 {
		return DaysOff{}, rd.nothingTaken()
	}
	out := DaysOff{Days: make([]plan.DayOff, 0, len(rd.notes)), Skipped: rd.skipped}
	for d, n := range rd.notes {
		out.Days = append(out.Days, plan.DayOff{Date: d, Note: n})
	}
	sort.Slice(out.Days, func(i, j int) bool { return out.Days[i].Date.Before(out.Days[j].Date) })
	return out, nil
}

// nothingTaken says why a calendar gave no day off at all.
func (rd *reader) nothingTaken() error {
	switch {
	case rd.events == 0:
		return errors.New("the calendar has no events, so it gives no days off; export the calendar that holds your holidays")
	case len(rd.skipped) == 0:
		return errors.New("the calendar's events are all cancelled or removed, so it gives no days off; export the calendar that holds your holidays")
	}
	if rd.events == 1 {
		return fmt.Errorf("the calendar's only event cannot be taken as a day off: %s; correct it in your calendar app and export again",
			listSkipped(rd.skipped))
	}
	return fmt.Errorf("none of the calendar's %d events can be taken as days off: %s; correct them in your calendar app and export again",
		rd.events, listSkipped(rd.skipped))
}

// Summary says in one line what an import will do or did, naming at most
// three of the events left out.
func (d DaysOff) Summary() string {
	s := "no days off"
	if n := len(d.Days); n > 0 {
		s = count(n, "day off", "days off")
	}
	if len(d.Skipped) == 0 {
		return s
	}
	return fmt.Sprintf("%s; skipped %d: %s", s, len(d.Skipped), d.LeftOut())
}

// LeftOut names at most three of the events left out, with why:
// `"Trip" (it has no start date), event 4 (…) and 2 more`; empty when none
// was.
func (d DaysOff) LeftOut() string { return listSkipped(d.Skipped) }

// listSkipped names up to three skipped events with their reasons.
func listSkipped(skipped []Skipped) string {
	const named = 3
	var parts []string
	for _, s := range skipped[:min(len(skipped), named)] {
		parts = append(parts, s.Event+" ("+s.Reason+")")
	}
	out := strings.Join(parts, ", ")
	if more := len(skipped) - named; more > 0 {
		out += fmt.Sprintf(" and %d more", more)
	}
	return out
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
