package practice

import (
	"fmt"
	"math"
	"time"

	fsrs "github.com/open-spaced-repetition/go-fsrs/v3"
)

// State is where a card stands in FSRS: new, being learnt, in review, or
// being learnt again after a lapse.
type State int

// The states, numbered as go-fsrs numbers them.
const (
	StateNew        State = State(fsrs.New)
	StateLearning   State = State(fsrs.Learning)
	StateReview     State = State(fsrs.Review)
	StateRelearning State = State(fsrs.Relearning)
)

func (s State) String() string {
	switch s {
	case StateNew:
		return "new"
	case StateLearning:
		return "learning"
	case StateReview:
		return "review"
	case StateRelearning:
		return "relearning"
	}
	return "unknown"
}

// ParseState reads a state's String.
func ParseState(s string) (State, error) {
	for st := StateNew; st <= StateRelearning; st++ {
		if st.String() == s {
			return st, nil
		}
	}
	return StateNew, fmt.Errorf("%q is not a card state; use new, learning, review or relearning", s)
}

// Rating is the learner's answer to "how well did you recall it?".
type Rating int

// The four buttons, numbered as go-fsrs and Anki number them (keys 1–4).
const (
	Again Rating = Rating(fsrs.Again)
	Hard  Rating = Rating(fsrs.Hard)
	Good  Rating = Rating(fsrs.Good)
	Easy  Rating = Rating(fsrs.Easy)
)

// Ratings lists the buttons in order.
var Ratings = []Rating{Again, Hard, Good, Easy}

func (r Rating) String() string { return fsrs.Rating(r).String() }

// Valid says whether r is one of the four ratings.
func (r Rating) Valid() bool { return r >= Again && r <= Easy }

// Schedule is a card's FSRS memory state: when it is due, its stability
// (days until recall falls to 90 %) and difficulty (1–10), and its counts.
type Schedule struct {
	Due           time.Time
	Stability     float64
	Difficulty    float64
	ElapsedDays   uint64
	ScheduledDays uint64
	Reps          uint64
	Lapses        uint64
	State         State
	LastReview    time.Time
}

// Validate checks a schedule read from a file.
func (s Schedule) Validate() error {
	if s.State < StateNew || s.State > StateRelearning {
		return fmt.Errorf("the card's state %d is unknown", s.State)
	}
	if math.IsNaN(s.Stability) || math.IsInf(s.Stability, 0) || s.Stability < 0 {
		return fmt.Errorf("the card's stability %v is not a number of days", s.Stability)
	}
	if math.IsNaN(s.Difficulty) || s.Difficulty < 0 || s.Difficulty > 10 {
		return fmt.Errorf("the card's difficulty %v is out of range; it is from 1 to 10", s.Difficulty)
	}
	if s.State != StateNew && (s.Due.IsZero() || s.LastReview.IsZero()) {
		return fmt.Errorf("a card in %s has no due date or last review", s.State)
	}
	return nil
}

func (s Schedule) fsrs() fsrs.Card {
	return fsrs.Card{Due: s.Due, Stability: s.Stability, Difficulty: s.Difficulty, ElapsedDays: s.ElapsedDays,
		ScheduledDays: s.ScheduledDays, Reps: s.Reps, Lapses: s.Lapses, State: fsrs.State(s.State), LastReview: s.LastReview}
}

func scheduleOf(c fsrs.Card) Schedule {
	return Schedule{Due: c.Due, Stability: c.Stability, Difficulty: c.Difficulty, ElapsedDays: c.ElapsedDays,
		ScheduledDays: c.ScheduledDays, Reps: c.Reps, Lapses: c.Lapses, State: State(c.State), LastReview: c.LastReview}
}

// Review is one line of the append-only review log: what go-fsrs's
// ReviewLog holds, and the desired retention the review was scheduled
// with, so the log replays to the card's state even after the setting
// changed.
type Review struct {
	ID            uint
	Rating        Rating
	At            time.Time
	ElapsedDays   uint64 // days since the review before
	ScheduledDays uint64 // the interval the review before had set
	StateBefore   State
	Retention     float64
}

// Scheduler schedules with go-fsrs's default parameters and the learner's
// desired retention. Fuzz is off, so the same history always gives the
// same schedule; short-term learning steps are on, as in Anki (Again on a
// new card brings it back in minutes).
type Scheduler struct {
	f *fsrs.FSRS
	// days schedules coding challenges: go-fsrs's long-term scheduler,
	// without learning steps, since solving a problem again ten minutes
	// later teaches nothing; the first attempt already waits days.
	days *fsrs.FSRS
}

// NewScheduler makes a scheduler for a desired retention.
func NewScheduler(retention float64) Scheduler {
	p := fsrs.DefaultParam()
	p.RequestRetention = retention
	long := p
	long.EnableShortTerm = false
	return Scheduler{f: fsrs.NewFSRS(p), days: fsrs.NewFSRS(long)}
}

// inDays is the scheduler that waits at least a day between reviews.
func (s Scheduler) inDays() Scheduler { return Scheduler{f: s.days, days: s.days} }

// Retention is the desired retention the scheduler aims at.
func (s Scheduler) Retention() float64 { return s.f.RequestRetention }

// Rate applies a rating given at a moment: the new schedule and the log
// line for it. A moment before the last review counts as the last review
// (a clock set back never moves a due date into the past of the log).
func (s Scheduler) Rate(c Schedule, at time.Time, r Rating) (Schedule, Review) {
	if !c.LastReview.IsZero() && at.Before(c.LastReview) {
		at = c.LastReview
	}
	info := s.f.Next(c.fsrs(), at, fsrs.Rating(r))
	l := info.ReviewLog
	return scheduleOf(info.Card), Review{Rating: Rating(l.Rating), At: l.Review, ElapsedDays: l.ElapsedDays,
		ScheduledDays: l.ScheduledDays, StateBefore: State(l.State), Retention: s.Retention()}
}

// Intervals is the wait each button would give, for the labels on the
// buttons.
func (s Scheduler) Intervals(c Schedule, at time.Time) map[Rating]time.Duration {
	out := map[Rating]time.Duration{}
	for r, info := range s.f.Repeat(c.fsrs(), at) {
		out[Rating(r)] = info.Card.Due.Sub(at)
	}
	return out
}

// Retrievability is the chance of recalling the card on a moment: 0 for a
// card never reviewed.
func (s Scheduler) Retrievability(c Schedule, on time.Time) float64 {
	if c.State == StateNew || c.Stability <= 0 {
		return 0
	}
	if on.Before(c.LastReview) {
		return 1
	}
	return s.f.GetRetrievability(c.fsrs(), on)
}

// Replay rebuilds a card's schedule from its review log, each review with
// the retention it was made with.
func Replay(log []Review) Schedule {
	c := Schedule{}
	for _, r := range log {
		c, _ = NewScheduler(r.Retention).Rate(c, r.At, r.Rating)
	}
	return c
}

// ValidateReview checks a log line read from a file.
func ValidateReview(r Review) error {
	if !r.Rating.Valid() {
		return fmt.Errorf("the rating %d is not one of 1 (again) to 4 (easy)", r.Rating)
	}
	if r.At.IsZero() {
		return fmt.Errorf("a review has no time")
	}
	if r.StateBefore < StateNew || r.StateBefore > StateRelearning {
		return fmt.Errorf("a review's state before, %d, is unknown", r.StateBefore)
	}
	if !(r.Retention >= MinRetention-1e-9 && r.Retention <= MaxRetention+1e-9) {
		return fmt.Errorf("a review's retention %.2f is out of range (%.2f to %.2f)", r.Retention, MinRetention, MaxRetention)
	}
	return nil
}
