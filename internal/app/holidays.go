package app

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/internal/ics"
	"github.com/studyplanner/studyplanner/internal/plan"
)

// SettingsReader reads the plan settings.
type SettingsReader interface {
	Settings() (plan.Settings, error)
}

// HolidayPreview is what importing a calendar as days off would do, read
// before anything is written so that the learner sees it first.
type HolidayPreview struct {
	// Read is every day the calendar gives, and the events left out.
	Read ics.DaysOff
	// New are the days that are not off yet: what the import adds.
	New []plan.DayOff
	// AlreadyOff counts the days the calendar gives that are off already;
	// the import leaves them, and their notes, as they are.
	AlreadyOff int
	// FreeAnyway counts the new days that are not study days of the week
	// (a weekend, say): the plan had no study on them anyway.
	FreeAnyway int
	// FreeWeekdays are those days' weekdays, Monday to Sunday.
	FreeWeekdays []time.Weekday
}

// First and Last are the first and last new day off; zero when there is
// none.
func (p HolidayPreview) First() time.Time {
	if len(p.New) == 0 {
		return time.Time{}
	}
	return p.New[0].Date
}

// Last is the last new day off; zero when there is none.
func (p HolidayPreview) Last() time.Time {
	if len(p.New) == 0 {
		return time.Time{}
	}
	return p.New[len(p.New)-1].Date
}

// Facts says, one sentence each, what the learner should know beyond the
// days added: the days off already, the new ones without study anyway,
// the events left out.
func (p HolidayPreview) Facts() []string {
	var out []string
	switch {
	case p.AlreadyOff == 1:
		out = append(out, "1 day of the calendar is off already and stays as it is.")
	case p.AlreadyOff > 1:
		out = append(out, fmt.Sprintf("%d days of the calendar are off already and stay as they are.", p.AlreadyOff))
	}
	if p.FreeAnyway > 0 {
		var names []string
		for _, d := range p.FreeWeekdays {
			names = append(names, d.String())
		}
		verb := "fall"
		if p.FreeAnyway == 1 {
			verb = "falls"
		}
		out = append(out, fmt.Sprintf("%s %s on a %s, when you do not study anyway.", count(p.FreeAnyway, "new day", "new days"), verb, strings.Join(names, " or ")))
	}
	switch n := len(p.Read.Skipped); {
	case n == 1:
		out = append(out, "1 event cannot be taken as a day off: "+p.Read.LeftOut()+".")
	case n > 1:
		out = append(out, fmt.Sprintf("%d events cannot be taken as days off: %s.", n, p.Read.LeftOut()))
	}
	return out
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// previewOf compares what a calendar gives with the days off there are.
func previewOf(read ics.DaysOff, s plan.Settings) HolidayPreview {
	p := HolidayPreview{Read: read}
	off := make(map[time.Time]bool, len(s.DaysOff))
	for _, d := range s.DaysOff {
		off[plan.Date(d.Date)] = true
	}
	var free [7]bool
	for _, d := range read.Days {
		if off[plan.Date(d.Date)] {
			p.AlreadyOff++
			continue
		}
		p.New = append(p.New, d)
		if !s.StudyDays[d.Date.Weekday()] {
			p.FreeAnyway++
			free[d.Date.Weekday()] = true
		}
	}
	for d := 1; d <= 7; d++ { // Monday to Sunday
		if free[d%7] {
			p.FreeWeekdays = append(p.FreeWeekdays, time.Weekday(d%7))
		}
	}
	return p
}

// PreviewHolidays reads a calendar's events as days off over the plan's
// horizon from today, in the local time zone, and compares them with the
// days off there are: what an import would add. Nothing is written.
func PreviewHolidays(st SettingsReader, r io.Reader, now time.Time) (HolidayPreview, error) {
	s, err := st.Settings()
	if err != nil {
		return HolidayPreview{}, err
	}
	got, err := ics.ReadDaysOff(r, ics.Options{From: plan.Date(now), To: s.FinishDate(), Location: time.Local})
	if err != nil {
		return HolidayPreview{}, refused(err)
	}
	return previewOf(got, s), nil
}

// NewDaysOffAdder adds the days not off yet and says which it added.
type NewDaysOffAdder interface {
	AddNewDaysOff(days []plan.DayOff) ([]plan.DayOff, error)
}

// AddHolidays adds a preview's new days off and returns the days it
// added: those still not off when it ran (another window or a script may
// have added some meanwhile). Taking the import back removes exactly these.
func AddHolidays(st NewDaysOffAdder, p HolidayPreview) ([]plan.DayOff, error) {
	if len(p.New) == 0 {
		return nil, nil
	}
	added, err := st.AddNewDaysOff(p.New)
	if err != nil {
		return nil, refused(err)
	}
	return added, nil
}

// HolidayImporter is what adding a calendar's days off needs.
type HolidayImporter interface {
	SettingsReader
	NewDaysOffAdder
}

// ImportHolidays adds a calendar's events to the plan as days off, without
// a look first (the command line's import): the preview, and the days it
// added.
func ImportHolidays(st HolidayImporter, r io.Reader, now time.Time) (HolidayPreview, []plan.DayOff, error) {
	p, err := PreviewHolidays(st, r, now)
	if err != nil {
		return HolidayPreview{}, nil, err
	}
	added, err := AddHolidays(st, p)
	if err != nil {
		return HolidayPreview{}, nil, err
	}
	return p, added, nil
}

// DaysOffRemover reads the days off and removes some.
type DaysOffRemover interface {
	SettingsReader
	RemoveDaysOff(days []time.Time) error
}

// TakeBackDaysOff removes the days an import added, and no others: a day
// removed since is not there to remove, and one the learner has given
// another note since (added again by hand, say) is theirs now and stays.
// It returns how many days it removed.
func TakeBackDaysOff(st DaysOffRemover, added []plan.DayOff) (int, error) {
	s, err := st.Settings()
	if err != nil {
		return 0, err
	}
	now := make(map[time.Time]string, len(s.DaysOff))
	for _, d := range s.DaysOff {
		now[plan.Date(d.Date)] = d.Note
	}
	var gone []time.Time
	for _, d := range added {
		if note, ok := now[plan.Date(d.Date)]; ok && note == d.Note {
			gone = append(gone, d.Date)
		}
	}
	if err := st.RemoveDaysOff(gone); err != nil {
		return 0, err
	}
	return len(gone), nil
}
