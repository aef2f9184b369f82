package snapshot

import (
	"fmt"
	"time"

	"github.com/studyplanner/studyplanner/internal/practice"
)

// Practice is the interview practice of version 6: the scheduler's
// settings, the question cards with their FSRS state and review log, the
// coding challenges with their attempts, and the mock interviews.
// Moments are RFC 3339 with nanoseconds, in UTC.
type Practice struct {
	Retention  float64     `json:"desired_retention"`
	NewPerDay  int         `json:"new_cards_per_day"`
	Cards      []Card      `json:"cards"`
	Challenges []Challenge `json:"challenges"`
	Mocks      []Mock      `json:"mock_interviews"`
}

// Empty says whether p holds nothing but the default settings.
func (p *Practice) Empty() bool {
	return p == nil || (len(p.Cards) == 0 && len(p.Challenges) == 0 && len(p.Mocks) == 0 &&
		p.Retention == practice.DefaultRetention && p.NewPerDay == practice.DefaultNewPerDay)
}

// Card is a question card. Schedule is absent for a card never reviewed.
type Card struct {
	Front     string   `json:"front"`
	Back      string   `json:"back"`
	Topic     string   `json:"topic,omitempty"`
	Tags      []string `json:"tags,omitempty"`
	Skills    []string `json:"skills,omitempty"`
	Suspended bool     `json:"suspended,omitempty"`
	// Application is the application the card is for, by its position
	// in JobSearch.Applications from 1; 0 for none. ApplicationID, a raw
	// database ID, is only read, from documents written before.
	Application   int       `json:"application,omitempty"`
	ApplicationID *uint     `json:"application_id,omitempty"`
	BankKey       string    `json:"bank_key,omitempty"`
	Schedule      *Schedule `json:"schedule,omitempty"`
	Reviews       []Review  `json:"reviews,omitempty"`
}

// Schedule is a card's or a problem's FSRS state.
type Schedule struct {
	Due           string  `json:"due"`
	Stability     float64 `json:"stability"`
	Difficulty    float64 `json:"difficulty"`
	ElapsedDays   uint64  `json:"elapsed_days"`
	ScheduledDays uint64  `json:"scheduled_days"`
	Reps          uint64  `json:"reps"`
	Lapses        uint64  `json:"lapses"`
	State         string  `json:"state"`
	LastReview    string  `json:"last_review"`
}

// Review is a line of the review log.
type Review struct {
	Rating        int     `json:"rating"`
	At            string  `json:"at"`
	ElapsedDays   uint64  `json:"elapsed_days"`
	ScheduledDays uint64  `json:"scheduled_days"`
	StateBefore   string  `json:"state_before"`
	Retention     float64 `json:"retention"`
}

// Challenge is a coding problem with its attempts.
type Challenge struct {
	Title      string    `json:"title"`
	URL        string    `json:"url,omitempty"`
	Source     string    `json:"source,omitempty"`
	Pattern    string    `json:"pattern,omitempty"`
	Difficulty string    `json:"difficulty"`
	Schedule   *Schedule `json:"schedule,omitempty"`
	Attempts   []Attempt `json:"attempts,omitempty"`
}

// Attempt is one try at a problem, and the review it counted as.
type Attempt struct {
	Review
	Minutes int    `json:"minutes"`
	Result  string `json:"result"`
}

// Mock is a mock interview.
type Mock struct {
	At      string       `json:"at"`
	Minutes int          `json:"minutes"`
	Topics  []string     `json:"topics,omitempty"`
	Answers []MockAnswer `json:"answers"`
}

// MockAnswer is one question of a mock: Card is the index of its card in
// Practice.Cards, or absent when the card was deleted.
type MockAnswer struct {
	Card     *int   `json:"card,omitempty"`
	Question string `json:"question"`
	Rating   int    `json:"rating"`
}

// MomentLayout is how moments are written.
const MomentLayout = "2006-01-02T15:04:05.999999999Z07:00"

// FormatMoment writes a moment in UTC; the zero time is "".
func FormatMoment(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(MomentLayout)
}

func parseMoment(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(MomentLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("must be a moment written like 2026-03-02T09:15:00Z, not %q", s)
	}
	return t, nil
}

// ScheduleOf writes a schedule; nil for a card never reviewed.
func ScheduleOf(s practice.Schedule) *Schedule {
	if s.State == practice.StateNew && s.Reps == 0 {
		return nil
	}
	return &Schedule{Due: FormatMoment(s.Due), Stability: s.Stability, Difficulty: s.Difficulty, ElapsedDays: s.ElapsedDays,
		ScheduledDays: s.ScheduledDays, Reps: s.Reps, Lapses: s.Lapses, State: s.State.String(), LastReview: FormatMoment(s.LastReview)}
}

// Domain reads a schedule; nil is a new card's.
func (s *Schedule) Domain() (practice.Schedule, error) {
	if s == nil {
		return practice.Schedule{}, nil
	}
	st, err := practice.ParseState(s.State)
	if err != nil {
		return practice.Schedule{}, err
	}
	due, err := parseMoment(s.Due)
	if err != nil {
		return practice.Schedule{}, err
	}
	last, err := parseMoment(s.LastReview)
	if err != nil {
		return practice.Schedule{}, err
	}
	out := practice.Schedule{Due: due, Stability: s.Stability, Difficulty: s.Difficulty, ElapsedDays: s.ElapsedDays,
		ScheduledDays: s.ScheduledDays, Reps: s.Reps, Lapses: s.Lapses, State: st, LastReview: last}
	return out, out.Validate()
}

// ReviewOf writes a log line.
func ReviewOf(r practice.Review) Review {
	return Review{Rating: int(r.Rating), At: FormatMoment(r.At), ElapsedDays: r.ElapsedDays, ScheduledDays: r.ScheduledDays,
		StateBefore: r.StateBefore.String(), Retention: r.Retention}
}

// Domain reads a log line.
func (r Review) Domain() (practice.Review, error) {
	st, err := practice.ParseState(r.StateBefore)
	if err != nil {
		return practice.Review{}, err
	}
	at, err := parseMoment(r.At)
	if err != nil {
		return practice.Review{}, err
	}
	out := practice.Review{Rating: practice.Rating(r.Rating), At: at, ElapsedDays: r.ElapsedDays, ScheduledDays: r.ScheduledDays,
		StateBefore: st, Retention: r.Retention}
	return out, practice.ValidateReview(out)
}

// Domain reads a card (its reviews apart).
func (c Card) Domain() (practice.Card, error) {
	sched, err := c.Schedule.Domain()
	if err != nil {
		return practice.Card{}, err
	}
	out := practice.Card{Front: c.Front, Back: c.Back, Topic: practice.Topic(c.Topic), Tags: c.Tags, Skills: c.Skills,
		Suspended: c.Suspended, ApplicationID: c.ApplicationID, BankKey: c.BankKey, Schedule: sched}
	return out, out.Validate()
}

// Domain reads a challenge with its attempts.
func (c Challenge) Domain() (practice.Challenge, error) {
	sched, err := c.Schedule.Domain()
	if err != nil {
		return practice.Challenge{}, err
	}
	out := practice.Challenge{Title: c.Title, URL: c.URL, Source: c.Source, Pattern: c.Pattern,
		Difficulty: practice.Difficulty(c.Difficulty), Schedule: sched}
	if err := out.Validate(); err != nil {
		return out, err
	}
	for i, a := range c.Attempts {
		r, err := a.Review.Domain()
		if err != nil {
			return out, fmt.Errorf("attempt %d: %w", i+1, err)
		}
		at := practice.Attempt{Review: r, Minutes: a.Minutes, Result: practice.Result(a.Result)}
		if err := practice.ValidateAttempt(at); err != nil {
			return out, fmt.Errorf("attempt %d: %w", i+1, err)
		}
		out.Attempts = append(out.Attempts, at)
	}
	return out, nil
}

// Domain reads a mock; card IDs are left to the store, which knows them.
func (m Mock) Domain() (practice.Mock, error) {
	at, err := parseMoment(m.At)
	if err != nil {
		return practice.Mock{}, err
	}
	out := practice.Mock{At: at, Minutes: m.Minutes}
	for _, t := range m.Topics {
		out.Topics = append(out.Topics, practice.Topic(t))
	}
	for _, a := range m.Answers {
		out.Answers = append(out.Answers, practice.MockAnswer{Question: a.Question, Rating: practice.Rating(a.Rating)})
	}
	return out, out.Validate()
}

// practice checks the practice part of a document.
func (v *validator) practice(p *Practice) {
	if p == nil {
		return
	}
	v.domain("practice", practice.Settings{Retention: p.Retention, NewPerDay: p.NewPerDay}.Validate())
	v.total("practice.cards", "practice cards", len(p.Cards), practice.MaxCards)
	v.total("practice.challenges", "coding challenges", len(p.Challenges), practice.MaxChallenges)
	v.total("practice.mock_interviews", "mock interviews", len(p.Mocks), practice.MaxMocks)
	reviews, attempts, answers := 0, 0, 0
	for i, c := range p.Cards {
		at := fmt.Sprintf("practice.cards[%d]", i)
		_, err := c.Domain()
		v.domain(at, err)
		for j, r := range c.Reviews {
			_, err := r.Domain()
			v.domain(fmt.Sprintf("%s.reviews[%d]", at, j), err)
		}
		reviews += len(c.Reviews)
	}
	for i, c := range p.Challenges {
		_, err := c.Domain()
		v.domain(fmt.Sprintf("practice.challenges[%d]", i), err)
		attempts += len(c.Attempts)
	}
	for i, m := range p.Mocks {
		at := fmt.Sprintf("practice.mock_interviews[%d]", i)
		_, err := m.Domain()
		v.domain(at, err)
		for j, a := range m.Answers {
			v.check(a.Card == nil || (*a.Card >= 0 && *a.Card < len(p.Cards)), fmt.Sprintf("%s.answers[%d].card", at, j),
				"must be the number of a card in practice.cards (0 to %d)", len(p.Cards)-1)
		}
		answers += len(m.Answers)
	}
	v.total("practice", "card reviews", reviews, practice.MaxReviews)
	v.total("practice", "challenge attempts", attempts, practice.MaxAttempts)
	v.total("practice", "mock interview answers", answers, practice.MaxMockAnswers)
}
