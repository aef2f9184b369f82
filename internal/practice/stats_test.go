package practice

import (
	"testing"
	"time"
)

func reviewed(s Scheduler, when time.Time, ratings ...Rating) Schedule {
	var c Schedule
	for i, r := range ratings {
		c, _ = s.Rate(c, when.Add(time.Duration(i)*10*time.Minute), r)
	}
	return c
}

func TestQueueAndUpcoming(t *testing.T) {
	s := NewScheduler(DefaultRetention)
	now := at("2026-06-10 09:00")
	learnt := reviewed(s, now.AddDate(0, 0, -30), Good, Good) // due long ago
	soon := reviewed(s, now.Add(-time.Hour), Good, Good)      // due in days
	cards := []Card{
		{ID: 1, Front: "new 1"}, {ID: 2, Front: "new 2"}, {ID: 3, Front: "new 3"},
		{ID: 4, Front: "overdue", Schedule: learnt},
		{ID: 5, Front: "suspended", Schedule: learnt, Suspended: true},
		{ID: 6, Front: "soon", Schedule: soon},
	}
	q := Queue(cards, now, Settings{Retention: 0.9, NewPerDay: 2}, 1)
	if len(q) != 2 || q[0].ID != 4 || q[1].ID != 1 {
		t.Errorf("queue %v, want the overdue card then one new card (allowance 2, one used)", ids(q))
	}
	if q := Queue(cards, now, Settings{Retention: 0.9, NewPerDay: 0}, 0); len(q) != 1 {
		t.Errorf("no new cards a day: queue %v", ids(q))
	}
	// A card being learnt, back in ten minutes, waits behind the new ones.
	learning := reviewed(s, now.Add(-time.Minute), Good)
	cards = append(cards, Card{ID: 7, Front: "learning", Schedule: learning})
	if q := Queue(cards, now, Settings{Retention: 0.9, NewPerDay: 1}, 0); len(q) != 3 || q[0].ID != 4 || q[1].ID != 1 || q[2].ID != 7 {
		t.Errorf("queue %v, want overdue 4, new 1, then learning 7", ids(q))
	}
	cards = cards[:len(cards)-1]
	today, week := Upcoming(cards, now)
	if today != 1 || week != 1 {
		t.Errorf("upcoming %d today, %d this week; want 1 and 1", today, week)
	}
}

func ids(cards []Card) []uint {
	var out []uint
	for _, c := range cards {
		out = append(out, c.ID)
	}
	return out
}

func TestTopicStrengthAndCram(t *testing.T) {
	s := NewScheduler(0.9)
	start := at("2026-01-05 10:00")
	strong := reviewed(s, start, Good, Good)
	cards := []Card{
		{ID: 1, Topic: Security, Schedule: strong},
		{ID: 2, Topic: Security},
		{ID: 3, Topic: Testing, Schedule: strong},
		{ID: 4, Topic: "mine", Schedule: strong, Suspended: true},
	}
	on := strong.LastReview.AddDate(0, 0, 1)
	st := TopicStrength(cards, on, s)
	if len(st) != 2 || st[0].Topic != Security || st[1].Topic != Testing {
		t.Fatalf("strengths %+v, want security then testing (a topic of only suspended cards is left out)", st)
	}
	r := s.Retrievability(strong, on)
	if st[0].Cards != 2 || st[0].Reviewed != 1 || st[0].Mean != r/2 || st[1].Mean != r {
		t.Errorf("strengths %+v, want security at %.3f/2 and testing at %.3f", st, r, r)
	}
	// Long after, the strong cards fall below 0.9 and join the cram set;
	// the new card is in it from the start, weakest first.
	later := strong.Due.AddDate(0, 0, 10)
	cram := CramSet(cards, later, s, nil)
	if len(cram) != 3 || cram[0].Card.ID != 2 {
		t.Errorf("cram set %+v, want the new card first, then the two learnt ones", cram)
	}
	if cram := CramSet(cards, on, s, []Topic{Testing}); len(cram) != 0 {
		t.Errorf("the day after, testing needs no cram: %+v", cram)
	}
}

func TestRetentionAchieved(t *testing.T) {
	log := []Review{
		{Rating: Good, StateBefore: StateNew}, {Rating: Again, StateBefore: StateReview},
		{Rating: Good, StateBefore: StateReview}, {Rating: Hard, StateBefore: StateRelearning},
	}
	a := RetentionAchieved(log, time.Time{})
	if a.Reviews != 3 || a.Recalled != 2 || a.Share() != 2.0/3 {
		t.Errorf("achieved %+v, want 2 of 3 (the first review of a new card does not count)", a)
	}
	if (Achieved{}).Share() != 0 {
		t.Error("no reviews should give 0")
	}
}

func TestChallengeAttempt(t *testing.T) {
	s := NewScheduler(0.9)
	c := Challenge{Title: "Two sum", Difficulty: Easier}
	day := at("2026-02-01 20:00")
	c, a, err := s.Attempt(c, day, 25, Solved)
	if err != nil || a.Rating != Good || len(c.Attempts) != 1 || c.Schedule.State != StateReview || c.Schedule.Due.Sub(day) < 24*time.Hour {
		t.Fatalf("attempt: %+v %+v %v; want the problem back in days, not minutes", c, a, err)
	}
	// Not solved: back the next day, not in five minutes.
	c, _, _ = s.Attempt(c, c.Schedule.Due, 30, NotSolved)
	if c.Schedule.Due.Sub(c.Schedule.LastReview) < 24*time.Hour || c.Schedule.Lapses != 1 {
		t.Errorf("not solved: %+v", c.Schedule)
	}
	if _, _, err := s.Attempt(c, day, 0, Solved); err == nil {
		t.Error("0 minutes accepted")
	}
	if _, _, err := s.Attempt(c, day, 10, "maybe"); err == nil {
		t.Error("unknown result accepted")
	}
	for _, bad := range []Challenge{{Title: "", Difficulty: Easier}, {Title: "x", Difficulty: "trivial"}, {Title: "x", Difficulty: Medium, URL: "javascript:alert(1)"}} {
		if bad.Validate() == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}

func TestMockValidate(t *testing.T) {
	m := Mock{At: at("2026-02-01 20:00"), Minutes: 20, Topics: []Topic{Security}, Answers: []MockAnswer{{Question: "q", Rating: Good}, {Question: "r", Rating: Again}}}
	if err := m.Validate(); err != nil || m.Score() != 0.5 {
		t.Errorf("mock: %v score %v", err, m.Score())
	}
	m.Answers = nil
	if m.Validate() == nil {
		t.Error("a mock without answers accepted")
	}
}
