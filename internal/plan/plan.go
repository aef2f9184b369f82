// Package plan holds the learner's path as plain values: roadmap steps with
// their checklists, skills grouped by category, the plan settings, and the
// arithmetic on them (progress, where the learner is, the week-by-week
// schedule). It knows nothing of storage or widgets.
package plan

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// StepStatus is where the learner stands on one roadmap step.
type StepStatus string

// The statuses a step can have, in the order the UI offers them.
const (
	StepTodo       StepStatus = "todo"
	StepInProgress StepStatus = "in_progress"
	StepDone       StepStatus = "done"
	StepSkipped    StepStatus = "skipped"
)

// StepStatuses lists every valid status, in display order.
var StepStatuses = []StepStatus{StepTodo, StepInProgress, StepDone, StepSkipped}

// Valid reports whether s is one of StepStatuses.
func (s StepStatus) Valid() bool {
	for _, v := range StepStatuses {
		if s == v {
			return true
		}
	}
	return false
}

// Label is the status as a person reads it.
func (s StepStatus) Label() string {
	switch s {
	case StepTodo:
		return "To do"
	case StepInProgress:
		return "In progress"
	case StepDone:
		return "Done"
	case StepSkipped:
		return "Skipped"
	}
	return string(s)
}

// StepStatusFromLabel is the inverse of Label.
func StepStatusFromLabel(label string) (StepStatus, error) {
	for _, s := range StepStatuses {
		if s.Label() == label {
			return s, nil
		}
	}
	return "", fmt.Errorf("unknown step status %q", label)
}

// Step is one stage of the roadmap.
type Step struct {
	ID      uint
	Title   string
	Summary string
	Status  StepStatus
	// TargetDate is when the learner means to finish the step; zero for
	// none.
	TargetDate time.Time
	Notes      string // Markdown
	Links      []Link
	// Hours is the estimated work for the step's own actions. A step that
	// CoversSkills is where the skills checklist is studied, so its work is
	// the skills' hours instead.
	Hours        int
	CoversSkills bool
	Actions      []Action
}

// Action is one item of a step's checklist.
type Action struct {
	ID   uint
	Text string
	Done bool
}

// Category groups related skills.
type Category struct {
	ID     uint
	Name   string
	Skills []Skill
}

// Skill is one thing a backend job asks for, with the hours it takes to learn.
type Skill struct {
	ID           uint
	CategoryID   uint
	Name         string
	Status       SkillStatus
	CurrentLevel int // 0 (none) to MaxLevel
	TargetLevel  int
	Hours        int
	Notes        string // Markdown
	Links        []Link
	// Prerequisites are the IDs of skills that should come first.
	Prerequisites []uint
	// LastPractised is when the learner last worked on the skill; zero for
	// never.
	LastPractised time.Time
	// Proven is set when a finished portfolio project demonstrates the skill.
	Proven bool
	// Group names the choose-one group the skill belongs to ("Main
	// language"), or is empty.
	Group string
}

// Done reports whether the skill is learned: ticked done, or proven by a
// finished project (the project shows it is learned, whatever the tick
// says). A skill set aside is never done.
func (s Skill) Done() bool {
	return s.Status == SkillDone || (s.Proven && s.Status != SkillSkipped)
}

// SetAside reports whether the skill is set aside for later: not counted,
// not planned, not offered in pickers, and brought back by choosing it.
func (s Skill) SetAside() bool { return s.Status == SkillSkipped }

// State is the skill's state in words, the same on every screen and in
// every command: "Done, proven by a project", "Done", "Learning", "Not
// started", "Set aside".
func (s Skill) State() string {
	switch {
	case s.Done() && s.Proven:
		return "Done, proven by a project"
	case s.Done():
		return SkillDone.Label()
	}
	return s.Status.Label()
}

// Settings are the learner's choices that shape the schedule.
type Settings struct {
	StartDate     time.Time // a calendar date, at midnight UTC
	HorizonMonths int
	HoursPerWeek  float64
	// StudyDays says, by time.Weekday, on which days of the week the
	// learner studies; the week's hours are shared evenly among them.
	StudyDays [7]bool
	DaysOff   []DayOff // holidays and other days without study
	WeekStart time.Weekday
	// MinStreakMinutes is how much study makes a day count for a streak.
	MinStreakMinutes int
	// StudyTime is the time of day the learner usually studies, "15:04":
	// where the calendar export puts each day's study. Empty means the
	// reminder time, else DefaultStudyTime (see StudyAt).
	StudyTime string
	// JobHoursPerWeek is the part of HoursPerWeek the job search takes
	// (applications, interviews): the plan schedules study in the rest.
	JobHoursPerWeek float64
}

// StudyHoursPerWeek is the week's hours left for study once the job
// search has its part; never below zero.
func (s Settings) StudyHoursPerWeek() float64 {
	return math.Max(s.HoursPerWeek-s.JobHoursPerWeek, 0)
}

// DefaultStudyTime is when study starts when neither the plan nor the
// reminder names a time; it is also the reminder's own default.
const DefaultStudyTime = "18:00"

// ParseClock reads a 24-hour time of day, "9:30" or "09:30", and writes it
// as StudyTime keeps it, "09:30".
func ParseClock(s string) (string, error) {
	t, err := time.Parse("15:04", strings.TrimSpace(s))
	if err != nil {
		return "", fmt.Errorf("%q is not a time of day; write it as 24-hour HH:MM, like 18:30", strings.TrimSpace(s))
	}
	return t.Format("15:04"), nil
}

// StudyAt is the time of day, "15:04", the plan's study starts: its own
// study time; without one, fallback (the reminder time, where the caller
// knows it) when that is a time of day; else DefaultStudyTime.
func (s Settings) StudyAt(fallback string) string {
	if s.StudyTime != "" {
		return s.StudyTime
	}
	if at, err := ParseClock(fallback); err == nil && fallback != "" {
		return at
	}
	return DefaultStudyTime
}

// DayOff is a day the plan leaves free.
type DayOff struct {
	Date time.Time
	Note string
}

// Defaults for the settings a new plan starts with.
const (
	DefaultHoursPerWeek     = 10
	DefaultMinStreakMinutes = 15
	MinHoursPerWeek         = 0.5
	MaxHoursPerWeek         = 100
)

// WeekdaysOnly is Monday to Friday.
var WeekdaysOnly = [7]bool{false, true, true, true, true, true, false}

// DefaultSettings is a new plan starting on start.
func DefaultSettings(start time.Time, weekStart time.Weekday) Settings {
	return Settings{StartDate: Date(start), HorizonMonths: DefaultHorizonMonths, HoursPerWeek: DefaultHoursPerWeek,
		StudyDays: WeekdaysOnly, WeekStart: weekStart, MinStreakMinutes: DefaultMinStreakMinutes}
}

// StudyDaysPerWeek counts the study days in a week.
func (s Settings) StudyDaysPerWeek() int {
	n := 0
	for _, d := range s.StudyDays {
		if d {
			n++
		}
	}
	return n
}

// IsOff reports whether day is one of the days off.
func (s Settings) IsOff(day time.Time) bool {
	d := Date(day)
	for _, off := range s.DaysOff {
		if off.Date.Equal(d) {
			return true
		}
	}
	return false
}

// DayCapacity is how many hours the plan gives day: the week's hours shared
// among the study days, and none on other days or days off.
func (s Settings) DayCapacity(day time.Time) float64 {
	n := s.StudyDaysPerWeek()
	if n == 0 || !s.StudyDays[day.Weekday()] || s.IsOff(day) {
		return 0
	}
	return s.StudyHoursPerWeek() / float64(n)
}

// The horizon range the app accepts; the article's typical 6–12 months sits
// well inside it.
const (
	MinHorizonMonths     = 1
	MaxHorizonMonths     = 36
	DefaultHorizonMonths = 9
)

// Validate explains what is wrong with s, if anything.
func (s Settings) Validate() error {
	if err := ValidateDate("start date", s.StartDate); err != nil {
		return err
	}
	if s.HorizonMonths < MinHorizonMonths || s.HorizonMonths > MaxHorizonMonths {
		return fmt.Errorf("the horizon must be between %d and %d months, not %d", MinHorizonMonths, MaxHorizonMonths, s.HorizonMonths)
	}
	if s.HoursPerWeek < MinHoursPerWeek || s.HoursPerWeek > MaxHoursPerWeek {
		return fmt.Errorf("hours per week must be between %g and %g, not %g", float64(MinHoursPerWeek), float64(MaxHoursPerWeek), s.HoursPerWeek)
	}
	if s.StudyDaysPerWeek() == 0 {
		return fmt.Errorf("choose at least one study day")
	}
	if s.WeekStart < time.Sunday || s.WeekStart > time.Saturday {
		return fmt.Errorf("the week must start on a weekday, not %d", s.WeekStart)
	}
	if s.MinStreakMinutes < 1 || s.MinStreakMinutes > 24*60 {
		return fmt.Errorf("the minutes that make a streak day must be between 1 and %d, not %d", 24*60, s.MinStreakMinutes)
	}
	return ValidateStudyTime(s.StudyTime)
}

// ValidateStudyTime accepts an empty study time or one written as
// ParseClock writes it, "09:30".
func ValidateStudyTime(at string) error {
	if at == "" {
		return nil
	}
	if canonical, err := ParseClock(at); err != nil || canonical != at {
		return fmt.Errorf("the study time %q is not a time of day; write it as 24-hour HH:MM, like 18:30", at)
	}
	return nil
}

// WeekStartForLocale is the first day of the week where the locale's region
// starts weeks on Sunday (the United States, Canada, Japan and a few more),
// and Monday elsewhere, as ISO 8601 has it. locale is a POSIX or BCP 47 tag
// such as "en_US.UTF-8" or "en-CA".
func WeekStartForLocale(locale string) time.Weekday {
	if i := strings.IndexAny(locale, ".@"); i >= 0 {
		locale = locale[:i]
	}
	parts := strings.FieldsFunc(locale, func(r rune) bool { return r == '_' || r == '-' })
	if len(parts) < 2 {
		return time.Monday
	}
	switch strings.ToUpper(parts[len(parts)-1]) {
	case "US", "CA", "JP", "BR", "IL", "MX", "PH", "KR", "TW", "HK", "IN", "ZA", "SA":
		return time.Sunday
	}
	return time.Monday
}

// FinishDate is the day the plan is meant to be complete.
func (s Settings) FinishDate() time.Time {
	return AddMonths(s.StartDate, s.HorizonMonths)
}

// Date returns the calendar date of t as midnight UTC, the form every date in
// this package takes, so that day arithmetic ignores time zones and DST.
func Date(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// AddMonths adds n calendar months to a date, clamping to the last day of the
// target month (31 January + 1 month is 28 or 29 February, not 2 or 3 March).
func AddMonths(day time.Time, n int) time.Time {
	y, m, d := day.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	if d > last {
		d = last
	}
	return time.Date(first.Year(), first.Month(), d, 0, 0, 0, 0, time.UTC)
}

// DaysBetween counts whole days from a to b (negative when b is earlier).
func DaysBetween(a, b time.Time) int {
	return int(Date(b).Sub(Date(a)).Hours() / 24)
}

// Plan is everything the progress and schedule arithmetic reads: the
// settings, the roadmap and the skills.
type Plan struct {
	Settings   Settings
	Steps      []Step
	Categories []Category
}

// Overview summarises the plan's progress.
func (p Plan) Overview() Overview { return Summarize(p.Steps, p.Categories) }

// WeekStart returns the first day of the calendar week holding day.
func WeekStart(day time.Time, first time.Weekday) time.Time {
	d := Date(day)
	back := (int(d.Weekday()) - int(first) + 7) % 7
	return d.AddDate(0, 0, -back)
}

// WeeksLeft is the number of weeks, rounded up, from today until the plan's
// finish date; 0 once it has passed.
func WeeksLeft(s Settings, today time.Time) int {
	days := DaysBetween(today, s.FinishDate())
	if days <= 0 {
		return 0
	}
	return (days + 6) / 7
}
