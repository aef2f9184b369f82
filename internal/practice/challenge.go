package practice

import (
	"fmt"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// ChallengeSkill is the roadmap skill a coding challenge's time is logged
// on, when the learner has it.
const ChallengeSkill = "Coding challenge practice"

// Difficulty is a problem's difficulty as its site grades it.
type Difficulty string

// The difficulties.
const (
	Easier Difficulty = "easy"
	Medium Difficulty = "medium"
	Harder Difficulty = "hard"
)

// Difficulties lists them in order.
var Difficulties = []Difficulty{Easier, Medium, Harder}

// Result is how an attempt at a problem went.
type Result string

// The results.
const (
	Solved    Result = "solved"
	WithHints Result = "hints"
	NotSolved Result = "not_solved"
)

// Results lists them from best to worst.
var Results = []Result{Solved, WithHints, NotSolved}

// Label is the result as a person reads it.
func (r Result) Label() string {
	switch r {
	case Solved:
		return "Solved unaided"
	case WithHints:
		return "Solved with hints"
	case NotSolved:
		return "Not solved"
	}
	return string(r)
}

// ParseResult reads a result from its value or its label.
func ParseResult(s string) (Result, error) {
	for _, r := range Results {
		if strings.EqualFold(s, string(r)) || strings.EqualFold(s, r.Label()) {
			return r, nil
		}
	}
	return "", fmt.Errorf("%q is not a result; use solved, hints or not_solved", s)
}

// Rating is the FSRS rating an attempt counts as: solved unaided is Good,
// with hints Hard, not solved Again.
func (r Result) Rating() Rating {
	switch r {
	case Solved:
		return Good
	case WithHints:
		return Hard
	}
	return Again
}

// Challenge is a coding problem the learner solves, scheduled to come
// back like a card.
type Challenge struct {
	ID         uint
	Title      string
	URL        string
	Source     string // LeetCode, Exercism…
	Pattern    string // two pointers, BFS, DP…
	Difficulty Difficulty
	Schedule   Schedule
	Attempts   []Attempt // oldest first
}

// Attempt is one try at a problem: also a review of it.
type Attempt struct {
	Review
	Minutes int
	Result  Result
}

// Validate checks a challenge (without its attempts).
func (c Challenge) Validate() error {
	if err := plan.ValidateName("problem's title", c.Title); err != nil {
		return err
	}
	if c.URL != "" {
		if err := plan.ValidateURL(c.URL); err != nil {
			return err
		}
	}
	if err := plan.ValidateLength("source", c.Source, plan.MaxNameLen); err != nil {
		return err
	}
	if err := plan.ValidateLength("pattern", c.Pattern, plan.MaxNameLen); err != nil {
		return err
	}
	switch c.Difficulty {
	case Easier, Medium, Harder:
	default:
		return fmt.Errorf("the difficulty %q is not easy, medium or hard", c.Difficulty)
	}
	return c.Schedule.Validate()
}

// ValidateAttempt checks an attempt.
func ValidateAttempt(a Attempt) error {
	if a.Minutes < 1 || a.Minutes > MaxMinutes {
		return fmt.Errorf("the time taken, %d minutes, is out of range; give 1 to %d minutes", a.Minutes, MaxMinutes)
	}
	if _, err := ParseResult(string(a.Result)); err != nil {
		return err
	}
	if err := plan.ValidateDate("attempt's date", a.At); err != nil {
		return err
	}
	return nil
}

// Attempt records an attempt made at a moment: the challenge with its new
// schedule (in whole days, never minutes) and the attempt appended.
func (s Scheduler) Attempt(c Challenge, at time.Time, minutes int, r Result) (Challenge, Attempt, error) {
	a := Attempt{Minutes: minutes, Result: r, Review: Review{At: at, Rating: r.Rating()}}
	if err := ValidateAttempt(a); err != nil {
		return c, a, err
	}
	next, rev := s.inDays().Rate(c.Schedule, at, r.Rating())
	a.Review = rev
	c.Schedule = next
	c.Attempts = append(append([]Attempt(nil), c.Attempts...), a)
	return c, a, nil
}

// Mock is a mock interview: a timed set of cards answered aloud and rated
// by the learner.
type Mock struct {
	ID      uint
	At      time.Time
	Minutes int // the time it took
	Topics  []Topic
	Answers []MockAnswer
}

// MockAnswer is one question of a mock and how the learner rated the
// answer.
type MockAnswer struct {
	CardID   *uint
	Question string
	Rating   Rating
}

// Validate checks a mock.
func (m Mock) Validate() error {
	if err := plan.ValidateDate("mock interview's date", m.At); err != nil {
		return err
	}
	if m.Minutes < 0 || m.Minutes > MaxMinutes {
		return fmt.Errorf("the mock interview's time, %d minutes, is out of range; give 0 to %d", m.Minutes, MaxMinutes)
	}
	if len(m.Answers) == 0 {
		return fmt.Errorf("the mock interview has no answers; rate at least one question")
	}
	if len(m.Answers) > MaxMockCards {
		return fmt.Errorf("the mock interview has %d questions; keep it to %d", len(m.Answers), MaxMockCards)
	}
	for _, t := range m.Topics {
		if err := ValidateTag("topic", string(t)); err != nil {
			return err
		}
	}
	for _, a := range m.Answers {
		if err := plan.ValidateLength("question", a.Question, plan.MaxTextLen); err != nil {
			return err
		}
		if !a.Rating.Valid() {
			return fmt.Errorf("the rating %d is not one of 1 (again) to 4 (easy)", a.Rating)
		}
	}
	return nil
}

// Score is the share of a mock's answers not rated Again.
func (m Mock) Score() float64 {
	if len(m.Answers) == 0 {
		return 0
	}
	ok := 0
	for _, a := range m.Answers {
		if a.Rating != Again {
			ok++
		}
	}
	return float64(ok) / float64(len(m.Answers))
}
