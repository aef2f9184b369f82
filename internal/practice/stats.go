package practice

import (
	"sort"
	"time"
)

// Strength is how well a topic is held on a day: the mean retrievability
// of its cards (a card never reviewed counts as 0: not yet learnt).
type Strength struct {
	Topic    Topic
	Cards    int // cards that count (not suspended)
	Reviewed int // of which reviewed at least once
	Mean     float64
}

// TopicStrength is each topic's strength on a moment, the default topics
// first in their order and then the learner's own by name. Suspended
// cards do not count; a topic with no card left is not listed.
func TopicStrength(cards []Card, on time.Time, s Scheduler) []Strength {
	by := map[Topic]*Strength{}
	for _, c := range cards {
		if c.Suspended {
			continue
		}
		st := by[c.Topic]
		if st == nil {
			st = &Strength{Topic: c.Topic}
			by[c.Topic] = st
		}
		st.Cards++
		if c.Schedule.State != StateNew {
			st.Reviewed++
			st.Mean += s.Retrievability(c.Schedule, on)
		}
	}
	var out []Strength
	for _, t := range Topics {
		if st := by[t]; st != nil {
			out = append(out, *st)
			delete(by, t)
		}
	}
	var rest []Strength
	for _, st := range by {
		rest = append(rest, *st)
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i].Topic < rest[j].Topic })
	out = append(out, rest...)
	for i := range out {
		out[i].Mean /= float64(out[i].Cards)
	}
	return out
}

// Achieved is the retention actually achieved: the share of reviews of
// cards already learnt (not new) that were not rated Again.
type Achieved struct {
	Reviews  int
	Recalled int
}

// Share is Recalled/Reviews, or 0 with no reviews.
func (a Achieved) Share() float64 {
	if a.Reviews == 0 {
		return 0
	}
	return float64(a.Recalled) / float64(a.Reviews)
}

// RetentionAchieved counts the reviews of learnt cards since a moment
// (zero: all of them).
func RetentionAchieved(log []Review, since time.Time) Achieved {
	var a Achieved
	for _, r := range log {
		if r.StateBefore == StateNew || r.At.Before(since) {
			continue
		}
		a.Reviews++
		if r.Rating != Again {
			a.Recalled++
		}
	}
	return a
}

// CramCard is a card whose recall on a coming day would be under the
// target, with that recall.
type CramCard struct {
	Card           Card
	Retrievability float64
}

// CramSet lists the cards (not suspended; of the given topics, or all when
// none are given) whose retrievability on the day of an interview falls
// below the desired retention, weakest first. Cards never reviewed are in
// it at 0.
func CramSet(cards []Card, on time.Time, s Scheduler, topics []Topic) []CramCard {
	want := map[Topic]bool{}
	for _, t := range topics {
		want[t] = true
	}
	var out []CramCard
	for _, c := range cards {
		if c.Suspended || (len(want) > 0 && !want[c.Topic]) {
			continue
		}
		if r := s.Retrievability(c.Schedule, on); r < s.Retention() {
			out = append(out, CramCard{Card: c, Retrievability: r})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Retrievability < out[j].Retrievability })
	return out
}

// ReviewsPerDay counts reviews by calendar day (plan.Date of their time),
// for the heatmap.
func ReviewsPerDay(log []Review) map[time.Time]int {
	out := map[time.Time]int{}
	for _, r := range log {
		out[Day(r.At)]++
	}
	return out
}

// PickMock chooses n cards for a mock interview from the chosen topics
// (all when none): the due ones first, most overdue first, then the
// weakest by retrievability, never a suspended card.
func PickMock(cards []Card, now time.Time, s Scheduler, topics []Topic, n int) []Card {
	set := CramSet(cards, now, s, topics)
	var due, rest []Card
	for _, c := range set {
		if c.Card.IsDue(now) {
			due = append(due, c.Card)
		} else {
			rest = append(rest, c.Card)
		}
	}
	sort.SliceStable(due, func(i, j int) bool { return due[i].Schedule.Due.Before(due[j].Schedule.Due) })
	picked := append(due, rest...)
	if len(picked) < n {
		// Too few weak cards: fill with the rest of the topic's cards.
		in := map[uint]bool{}
		for _, c := range picked {
			in[c.ID] = true
		}
		want := map[Topic]bool{}
		for _, t := range topics {
			want[t] = true
		}
		for _, c := range cards {
			if !c.Suspended && !in[c.ID] && (len(want) == 0 || want[c.Topic]) {
				picked = append(picked, c)
			}
		}
	}
	if len(picked) > n {
		picked = picked[:n]
	}
	return picked
}
