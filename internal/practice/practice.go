// Package practice is interview practice: question cards scheduled by FSRS
// (github.com/open-spaced-repetition/go-fsrs), coding challenges that come
// back to be solved again, mock interviews, and the figures drawn from
// their reviews. It knows nothing of the store or the window.
package practice

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// Limits on what a learner keeps.
const (
	MaxCards       = 20_000
	MaxReviews     = 200_000 // a hundred reviews a day for five years
	MaxChallenges  = 5_000
	MaxAttempts    = 20_000
	MaxMocks       = 1_000
	MaxMockAnswers = 20_000
	MaxTags        = 20
	MaxMockCards   = 50
	MaxMinutes     = 1440
)

// Topic is a card's subject, written as a tag (lower case, no spaces).
// The default bank's topics have names (TopicName); a learner may use any
// other.
type Topic string

// The default bank's topics.
const (
	Algorithms     Topic = "algorithms"
	DataStructures Topic = "data-structures"
	Databases      Topic = "databases-sql"
	HTTP           Topic = "http-apis"
	Security       Topic = "security"
	SystemDesign   Topic = "system-design"
	Testing        Topic = "testing"
	VersionControl Topic = "version-control"
	Behavioural    Topic = "behavioural"
)

// Topics lists the default bank's topics in the order screens show them.
var Topics = []Topic{Algorithms, DataStructures, Databases, HTTP, Security, SystemDesign, Testing, VersionControl, Behavioural}

var topicNames = map[Topic]string{
	Algorithms: "Algorithms", DataStructures: "Data structures", Databases: "Databases & SQL", HTTP: "HTTP & APIs",
	Security: "Security", SystemDesign: "System design basics", Testing: "Testing", VersionControl: "Version control",
	Behavioural: "Behavioural",
}

// Name is the topic as a person reads it.
func (t Topic) Name() string {
	if n, ok := topicNames[t]; ok {
		return n
	}
	if t == "" {
		return "No topic"
	}
	return string(t)
}

// Card is one question with its model answer (Markdown) and its schedule.
type Card struct {
	ID        uint
	Front     string
	Back      string
	Topic     Topic
	Tags      []string
	Skills    []string // names of the skills it tests
	Suspended bool
	// ApplicationID ties the card to a job application (questions for
	// that company), or is nil.
	ApplicationID *uint
	// BankKey names the default bank's question the card was made from, so
	// the bank is given once; empty for the learner's own cards.
	BankKey  string
	Schedule Schedule
}

// Validate checks a card as the form, the store and every import do.
func (c Card) Validate() error {
	if err := plan.ValidateLength("question", c.Front, plan.MaxTextLen); err != nil {
		return err
	}
	if strings.TrimSpace(c.Front) == "" {
		return fmt.Errorf("the question is missing")
	}
	if err := plan.ValidateLength("answer", c.Back, plan.MaxNotesLen); err != nil {
		return err
	}
	if err := ValidateTag("topic", string(c.Topic)); err != nil {
		return err
	}
	if len(c.Tags) > MaxTags {
		return fmt.Errorf("the card has %d tags; keep it to %d", len(c.Tags), MaxTags)
	}
	for _, t := range c.Tags {
		if err := ValidateTag("tag", t); err != nil {
			return err
		}
		if t == "" {
			return fmt.Errorf("a tag is empty")
		}
	}
	if len(c.Skills) > MaxTags {
		return fmt.Errorf("the card is linked to %d skills; keep it to %d", len(c.Skills), MaxTags)
	}
	for _, s := range c.Skills {
		if err := plan.ValidateName("skill's name", s); err != nil {
			return err
		}
	}
	return c.Schedule.Validate()
}

// ValidateTag checks a topic or tag: no spaces (a space separates tags in
// an Anki file), no "::" prefix of ours, at most plan.MaxNameLen characters.
func ValidateTag(what, t string) error {
	if err := plan.ValidateLength(what, t, plan.MaxNameLen); err != nil {
		return err
	}
	if strings.ContainsAny(t, " \t\r\n") {
		return fmt.Errorf("the %s %q holds a space; join its words with - instead", what, t)
	}
	if strings.HasPrefix(t, topicPrefix) || strings.HasPrefix(t, skillPrefix) {
		return fmt.Errorf("the %s %q starts with %q, which Study Planner keeps for itself", what, t, strings.SplitN(t, "::", 2)[0]+"::")
	}
	return nil
}

// ParseTags splits what a learner typed into tags: separated by spaces or
// commas, each once, in the order typed.
func ParseTags(s string) []string {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' })
	var out []string
	seen := map[string]bool{}
	for _, f := range fields {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

// Settings are the learner's choices for the scheduler.
type Settings struct {
	// Retention is the desired retention: the chance of recalling a card
	// when it comes due (0.70–0.97; Anki's default, 0.90).
	Retention float64
	// NewPerDay is how many new cards a day's reviews bring in.
	NewPerDay int
}

// Bounds of the settings.
const (
	MinRetention     = 0.70
	MaxRetention     = 0.97
	DefaultRetention = 0.90
	DefaultNewPerDay = 10
	MaxNewPerDay     = 500
)

// DefaultSettings are Anki's defaults where it has one.
func DefaultSettings() Settings {
	return Settings{Retention: DefaultRetention, NewPerDay: DefaultNewPerDay}
}

// Validate checks the settings.
func (s Settings) Validate() error {
	if !(s.Retention >= MinRetention-1e-9 && s.Retention <= MaxRetention+1e-9) {
		return fmt.Errorf("the desired retention %.2f is out of range; choose from %.2f to %.2f (0.90 is Anki's default)", s.Retention, MinRetention, MaxRetention)
	}
	if s.NewPerDay < 0 || s.NewPerDay > MaxNewPerDay {
		return fmt.Errorf("new cards per day is %d; choose from 0 to %d", s.NewPerDay, MaxNewPerDay)
	}
	return nil
}

// Day is the calendar day of t in its own location, at midnight UTC, as
// plan.Date gives it.
func Day(t time.Time) time.Time { return plan.Date(t) }

// endOfDay is the first moment after t's day, in t's location.
func endOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, t.Location())
}

// IsDue says whether the card is due by the end of now's day. New cards
// are never "due": they come in through the new-card allowance.
func (c Card) IsDue(now time.Time) bool {
	return !c.Suspended && c.Schedule.State != StateNew && c.Schedule.Due.Before(endOfDay(now))
}

// Queue is the day's reviews: the cards due by now, most overdue first;
// then as many new cards as today's allowance has left (newToday is how
// many new cards were already reviewed today), in the order given; then
// the cards that come due later today (a card just failed or being
// learnt, back in minutes), soonest first.
func Queue(cards []Card, now time.Time, s Settings, newToday int) []Card {
	var due, fresh, later []Card
	for _, c := range cards {
		switch {
		case c.Suspended:
		case c.Schedule.State == StateNew:
			fresh = append(fresh, c)
		case !c.Schedule.Due.After(now):
			due = append(due, c)
		case c.IsDue(now):
			later = append(later, c)
		}
	}
	byDue := func(list []Card) {
		sort.SliceStable(list, func(i, j int) bool { return list[i].Schedule.Due.Before(list[j].Schedule.Due) })
	}
	byDue(due)
	byDue(later)
	left := max(s.NewPerDay-newToday, 0)
	if len(fresh) > left {
		fresh = fresh[:left]
	}
	return append(append(due, fresh...), later...)
}

// Upcoming counts the cards due today (overdue included) and in the next
// seven days after today, suspended and new cards apart.
func Upcoming(cards []Card, now time.Time) (today, week int) {
	end := endOfDay(now)
	weekEnd := end.AddDate(0, 0, 7)
	for _, c := range cards {
		if c.Suspended || c.Schedule.State == StateNew {
			continue
		}
		switch {
		case c.Schedule.Due.Before(end):
			today++
		case c.Schedule.Due.Before(weekEnd):
			week++
		}
	}
	return today, week
}

// FormatInterval puts the wait until a card's next review as a button's
// label does: minutes, days, months or years.
func FormatInterval(d time.Duration) string {
	switch days := d.Hours() / 24; {
	case d < time.Hour:
		return fmt.Sprintf("%d min", max(int(d.Round(time.Minute)/time.Minute), 1))
	case d < 24*time.Hour:
		return fmt.Sprintf("%d h", int(d.Round(time.Hour)/time.Hour))
	case days < 1.5:
		return "1 day"
	case days < 31:
		return fmt.Sprintf("%.0f days", days)
	case days < 365:
		return trimZero(fmt.Sprintf("%.1f mo", days/30.4)) // 30.4 days: a mean month
	default:
		return trimZero(fmt.Sprintf("%.1f yr", days/365.25))
	}
}

func trimZero(s string) string { return strings.Replace(s, ".0 ", " ", 1) }
