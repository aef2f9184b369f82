package app

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/practice"
)

// PracticeReader is what the practice day reads.
type PracticeReader interface {
	PracticeSettings() (practice.Settings, error)
	Cards() ([]practice.Card, error)
	Reviews(since time.Time) (map[uint][]practice.Review, error)
}

// PracticeDay is the day's interview practice: the reviews to do, what
// comes due, and how well each topic is held.
type PracticeDay struct {
	Settings  practice.Settings
	Scheduler practice.Scheduler
	Cards     []practice.Card
	// Queue is the day's reviews in order: the due cards, then the new
	// cards today's allowance has left.
	Queue      []practice.Card
	DueToday   int // learnt cards due by the end of today
	DueWeek    int // learnt cards due in the seven days after
	NewToday   int // new cards already reviewed today
	Strength   []practice.Strength
	Achieved   practice.Achieved // the last 30 days
	ReviewDays map[time.Time]int // reviews per day, the last year
}

// LoadPractice reads the cards and the last year's reviews and works out
// the day.
func LoadPractice(r PracticeReader, now time.Time) (PracticeDay, error) {
	return inOneSnapshot(r, func(r PracticeReader) (PracticeDay, error) { return loadPractice(r, now) })
}

func loadPractice(r PracticeReader, now time.Time) (PracticeDay, error) {
	st, err := r.PracticeSettings()
	if err != nil {
		return PracticeDay{}, err
	}
	cards, err := r.Cards()
	if err != nil {
		return PracticeDay{}, err
	}
	start := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	logs, err := r.Reviews(start.AddDate(-1, 0, 0))
	if err != nil {
		return PracticeDay{}, err
	}
	var all []practice.Review
	newToday := 0
	for _, log := range logs {
		for _, rv := range log {
			all = append(all, rv)
			if rv.StateBefore == practice.StateNew && !rv.At.Before(start) {
				newToday++
			}
		}
	}
	d := PracticeDay{Settings: st, Scheduler: practice.NewScheduler(st.Retention), Cards: cards, NewToday: newToday}
	d.Queue = practice.Queue(cards, now, st, newToday)
	d.DueToday, d.DueWeek = practice.Upcoming(cards, now)
	d.Strength = practice.TopicStrength(cards, now, d.Scheduler)
	d.Achieved = practice.RetentionAchieved(all, start.AddDate(0, 0, -30))
	d.ReviewDays = practice.ReviewsPerDay(all)
	return d, nil
}

// CardImporter is what importing cards needs.
type CardImporter interface {
	ImportCards(cards []practice.Card) (added, skipped int, err error)
}

// ImportCardsFrom reads an Anki-friendly TSV file and adds its cards,
// leaving out questions already stored. A bad file changes nothing.
func ImportCardsFrom(st CardImporter, r io.Reader) (added, skipped int, err error) {
	cards, err := practice.ReadTSV(r)
	if err != nil {
		return 0, 0, refused(err)
	}
	return st.ImportCards(cards)
}

// CardReader reads the cards.
type CardReader interface {
	Cards() ([]practice.Card, error)
}

// ExportCardsTo writes every card as an Anki-friendly TSV file.
func ExportCardsTo(st CardReader, w io.Writer) (int, error) {
	cards, err := st.Cards()
	if err != nil {
		return 0, err
	}
	return len(cards), practice.WriteTSV(w, cards)
}

// AttemptLogger is what logging a coding challenge needs.
type AttemptLogger interface {
	Plan() (plan.Plan, error)
	LogAttempt(c practice.Challenge, at time.Time, minutes int, result practice.Result, skillID uint) (practice.Challenge, error)
}

// LogChallenge records an attempt at a problem; its time counts as a
// study session on the skill "Coding challenge practice" when the roadmap
// has it (found by name, ignoring case). It says whether it logged one.
func LogChallenge(st AttemptLogger, c practice.Challenge, at time.Time, minutes int, result practice.Result) (practice.Challenge, bool, error) {
	p, err := st.Plan()
	if err != nil {
		return c, false, err
	}
	skill := uint(0)
	for _, cat := range p.Categories {
		for _, sk := range cat.Skills {
			if strings.EqualFold(sk.Name, practice.ChallengeSkill) {
				skill = sk.ID
			}
		}
	}
	out, err := st.LogAttempt(c, at, minutes, result, skill)
	if err != nil {
		return c, false, err
	}
	return out, skill != 0, nil
}

// BankSeeder gives the default question bank.
type BankSeeder interface {
	PracticeBankGiven() (bool, error)
	SeedPracticeBank(cards []practice.Card) (int, error)
}

// SeedPracticeBank gives a database the default question bank once in its
// life, new or made before practice existed.
func SeedPracticeBank(st BankSeeder) error {
	given, err := st.PracticeBankGiven()
	if err != nil || given {
		return err
	}
	if _, err := st.SeedPracticeBank(practice.Bank()); err != nil {
		return fmt.Errorf("adding the default interview questions: %w", err)
	}
	return nil
}

// CardAdder is what adding one card by name reads and writes.
type CardAdder interface {
	Cards() ([]practice.Card, error)
	AddCard(c practice.Card) (uint, error)
}

// UnknownTopicError says a topic typed is none of the default bank's nor
// one a card already has.
type UnknownTopicError struct {
	Topic string
	Known []practice.Topic // the default bank's, then the cards' own
}

func (e *UnknownTopicError) Error() string {
	names := make([]string, len(e.Known))
	for i, t := range e.Known {
		names[i] = string(t)
	}
	return fmt.Sprintf("%q is not a topic; use one of %s, or none", e.Topic, strings.Join(names, ", "))
}

// DuplicateCardError says a card with the same question is there already.
type DuplicateCardError struct{ ID uint }

func (e *DuplicateCardError) Error() string {
	return fmt.Sprintf("card %d already asks this question; change the question, or edit that card", e.ID)
}

// AddCard adds a learner's card as `cards add` gives it: its topic is one
// of the default bank's (by its tag or its name, in any case) or one a
// card already has, and its question is not one a card already asks (the
// rule the TSV import skips by).
func AddCard(w CardAdder, c practice.Card) (uint, error) {
	cards, err := w.Cards()
	if err != nil {
		return 0, err
	}
	if c.Topic, err = topicOf(string(c.Topic), cards); err != nil {
		return 0, err
	}
	front := strings.TrimSpace(c.Front)
	for _, o := range cards {
		if strings.TrimSpace(o.Front) == front {
			return 0, &DuplicateCardError{ID: o.ID}
		}
	}
	return w.AddCard(c)
}

// topicOf finds the topic typed among the default bank's and the cards'.
func topicOf(typed string, cards []practice.Card) (practice.Topic, error) {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return "", nil
	}
	known := append([]practice.Topic(nil), practice.Topics...)
	seen := map[practice.Topic]bool{}
	for _, t := range known {
		seen[t] = true
	}
	for _, c := range cards {
		if c.Topic != "" && !seen[c.Topic] {
			seen[c.Topic] = true
			known = append(known, c.Topic)
		}
	}
	for _, t := range known {
		if strings.EqualFold(typed, string(t)) || strings.EqualFold(typed, t.Name()) {
			return t, nil
		}
	}
	return "", &UnknownTopicError{Topic: typed, Known: known}
}
