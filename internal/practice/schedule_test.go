package practice

import (
	"bytes"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"time"

	fsrs "github.com/open-spaced-repetition/go-fsrs/v3"
)

func at(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

// A card rated Good, Good, Again, Good on given dates has, after each
// step, the state and interval go-fsrs gives for that sequence, and the
// log holds every step and replays to the card.
func TestGoodGoodAgainGood(t *testing.T) {
	steps := []struct {
		when   string
		rating Rating
		state  State // as the sequence must go
	}{
		{"2026-03-02 09:00", Good, StateLearning},
		{"2026-03-02 09:15", Good, StateReview},
		{"2026-03-05 18:30", Again, StateRelearning},
		{"2026-03-05 18:40", Good, StateReview},
	}
	for _, retention := range []float64{0.90, 0.80, 0.97} {
		s := NewScheduler(retention)
		p := fsrs.DefaultParam()
		p.RequestRetention = retention
		lib := fsrs.NewFSRS(p)
		want := fsrs.NewCard()
		var got Schedule
		var log []Review
		for i, st := range steps {
			now := at(st.when)
			info := lib.Next(want, now, fsrs.Rating(st.rating))
			want = info.Card
			var rev Review
			got, rev = s.Rate(got, now, st.rating)
			log = append(log, rev)
			if got.State != st.state || State(want.State) != st.state {
				t.Errorf("retention %.2f step %d: state %s, go-fsrs %d, want %s", retention, i+1, got.State, want.State, st.state)
			}
			if !reflect.DeepEqual(got.fsrs(), want) {
				t.Errorf("retention %.2f step %d: card %+v, go-fsrs gives %+v", retention, i+1, got, want)
			}
			if got.ScheduledDays != want.ScheduledDays || !got.Due.Equal(want.Due) {
				t.Errorf("retention %.2f step %d: interval %d days due %v, go-fsrs %d due %v", retention, i+1, got.ScheduledDays, got.Due, want.ScheduledDays, want.Due)
			}
			l := info.ReviewLog
			if rev.Rating != Rating(l.Rating) || !rev.At.Equal(l.Review) || rev.ElapsedDays != l.ElapsedDays ||
				rev.ScheduledDays != l.ScheduledDays || rev.StateBefore != State(l.State) || rev.Retention != retention {
				t.Errorf("retention %.2f step %d: log %+v, go-fsrs %+v", retention, i+1, rev, l)
			}
		}
		if len(log) != len(steps) {
			t.Fatalf("log has %d lines, want %d", len(log), len(steps))
		}
		if r := Replay(log); !reflect.DeepEqual(r, got) {
			t.Errorf("retention %.2f: replay gives %+v, want %+v", retention, r, got)
		}
		// The lapse is counted, and the review after the lapse waits
		// from the lapse.
		if got.Lapses != 1 || got.Reps != 4 {
			t.Errorf("retention %.2f: lapses %d reps %d, want 1 and 4", retention, got.Lapses, got.Reps)
		}
	}
}

// A higher desired retention brings cards back sooner.
func TestRetentionShortensIntervals(t *testing.T) {
	var c Schedule
	c, _ = NewScheduler(0.9).Rate(c, at("2026-01-01 10:00"), Good)
	c, _ = NewScheduler(0.9).Rate(c, at("2026-01-01 10:10"), Good)
	now := c.Due
	low := NewScheduler(0.75).Intervals(c, now)[Good]
	high := NewScheduler(0.95).Intervals(c, now)[Good]
	if !(low > high) {
		t.Errorf("Good at 0.75 waits %v, at 0.95 %v; want the lower retention to wait longer", low, high)
	}
}

func TestIntervalsOrderedAndLabelled(t *testing.T) {
	s := NewScheduler(DefaultRetention)
	var c Schedule
	now := at("2026-05-01 08:00")
	iv := s.Intervals(c, now)
	if iv[Again] != time.Minute || iv[Good] != 10*time.Minute {
		t.Errorf("a new card's Again/Good wait %v/%v, want go-fsrs's 1 min/10 min", iv[Again], iv[Good])
	}
	c, _ = s.Rate(c, now, Good)
	c, _ = s.Rate(c, now.Add(10*time.Minute), Good)
	iv = s.Intervals(c, c.Due)
	if !(iv[Again] < iv[Hard] && iv[Hard] < iv[Good] && iv[Good] < iv[Easy]) {
		t.Errorf("intervals not increasing: %v", iv)
	}
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{30 * time.Second, "1 min"}, {5 * time.Minute, "5 min"}, {3 * time.Hour, "3 h"}, {24 * time.Hour, "1 day"},
		{3 * 24 * time.Hour, "3 days"}, {61 * 24 * time.Hour, "2 mo"}, {45 * 24 * time.Hour, "1.5 mo"}, {800 * 24 * time.Hour, "2.2 yr"},
	} {
		if got := FormatInterval(tc.d); got != tc.want {
			t.Errorf("FormatInterval(%v) = %q, want %q", tc.d, got, tc.want)
		}
	}
}

func TestSettingsValidate(t *testing.T) {
	for _, tc := range []struct {
		s  Settings
		ok bool
	}{
		{DefaultSettings(), true}, {Settings{0.70, 0}, true}, {Settings{0.97, 500}, true},
		{Settings{0.69, 10}, false}, {Settings{0.98, 10}, false}, {Settings{0.9, -1}, false}, {Settings{0.9, 501}, false},
	} {
		if err := tc.s.Validate(); (err == nil) != tc.ok {
			t.Errorf("%+v: err %v, want ok=%v", tc.s, err, tc.ok)
		}
	}
}

// Random review histories: due dates never fall before the review that
// set them, the log replays to the state, and an Anki file of the cards
// reads back to the same cards.
func TestRandomHistories(t *testing.T) {
	r := rand.New(rand.NewSource(16))
	for n := 0; n < 300; n++ {
		retention := MinRetention + r.Float64()*(MaxRetention-MinRetention)
		s := NewScheduler(retention)
		now := time.Date(2020+r.Intn(6), time.Month(1+r.Intn(12)), 1+r.Intn(28), r.Intn(24), r.Intn(60), 0, 0, time.UTC)
		var c Schedule
		var log []Review
		for i := 0; i < 1+r.Intn(25); i++ {
			// Review when due, early, late, or (a clock set back) before
			// the last review.
			switch r.Intn(4) {
			case 0:
				if !c.Due.IsZero() {
					now = c.Due
				}
			case 1:
				now = now.Add(time.Duration(r.Intn(90*24)) * time.Hour)
			case 2:
				now = now.Add(time.Duration(r.Intn(600)) * time.Minute)
			case 3:
				now = now.Add(-time.Duration(r.Intn(48)) * time.Hour)
			}
			if i%7 == 6 { // the learner changes the setting now and then
				s = NewScheduler(MinRetention + r.Float64()*(MaxRetention-MinRetention))
			}
			prev := c
			var rev Review
			c, rev = s.Rate(c, now, Ratings[r.Intn(4)])
			log = append(log, rev)
			if c.Due.Before(rev.At) || (!prev.LastReview.IsZero() && rev.At.Before(prev.LastReview)) {
				t.Fatalf("history %d review %d: due %v before the review at %v (last %v)", n, i, c.Due, rev.At, prev.LastReview)
			}
			if err := c.Validate(); err != nil {
				t.Fatalf("history %d review %d: %v", n, i, err)
			}
			if err := ValidateReview(rev); err != nil {
				t.Fatalf("history %d review %d: %v", n, i, err)
			}
		}
		if got := Replay(log); !reflect.DeepEqual(got, c) {
			t.Fatalf("history %d: replay %+v, stored %+v", n, got, c)
		}
	}
}

func TestTSVRoundTripOfBank(t *testing.T) {
	cards := Bank()
	var buf bytes.Buffer
	if err := WriteTSV(&buf, cards); err != nil {
		t.Fatal(err)
	}
	got, err := ReadTSV(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(cards) {
		t.Fatalf("read %d cards, wrote %d", len(got), len(cards))
	}
	for i := range cards {
		want := cards[i]
		want.BankKey = ""
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("card %d: read %+v, wrote %+v", i, got[i], want)
		}
	}
}

func TestTSVOddCards(t *testing.T) {
	cards := []Card{
		{Front: "Tabs\tand \"quotes\"", Back: "Line one\nline two\n\n- a list", Tags: []string{"mine", "x"}},
		{Front: "Only front and back", Back: ""},
		{Front: strings.Repeat("é", 2000), Back: strings.Repeat("a", 10_000), Topic: "own-topic", Skills: []string{"Go"}},
	}
	var buf bytes.Buffer
	if err := WriteTSV(&buf, cards); err != nil {
		t.Fatal(err)
	}
	got, err := ReadTSV(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, cards) {
		t.Errorf("read %+v\nwant %+v", got, cards)
	}
}

func TestTSVBadFiles(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"empty", "", "holds no cards"},
		{"headers only", "#separator:tab\n#html:false\n", "holds no cards"},
		{"no back", "just a front\n", "line 1: it has no back"},
		{"too many columns", "a\tb\tc\td\n", "4 columns"},
		{"empty front on line 3", "#separator:tab\nq\ta\n\tanswer\n", "line 3: the question is missing"},
		{"control char", "q\x07\ta\n", "control character"},
		{"long front", strings.Repeat("x", 2001) + "\tb\n", "keep it to 2,000"},
		{"not utf-8", "q\xff\ta\n", "not valid text"},
	} {
		_, err := ReadTSV(strings.NewReader(tc.data))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err %v, want it to say %q", tc.name, err, tc.want)
		}
	}
	// Anki's own header lines and a plain two-column file both read.
	got, err := ReadTSV(strings.NewReader("#separator:tab\n#html:false\nWhat is 2+2?\tFour\n"))
	if err != nil || len(got) != 1 || got[0].Back != "Four" {
		t.Errorf("plain file: %+v %v", got, err)
	}
}

func TestBankCoversTopics(t *testing.T) {
	cards := Bank()
	if len(cards) < 80 {
		t.Errorf("bank has %d questions, want at least 80", len(cards))
	}
	per := map[Topic]int{}
	keys := map[string]bool{}
	fronts := map[string]bool{}
	for _, c := range cards {
		if err := c.Validate(); err != nil {
			t.Errorf("%s: %v", c.BankKey, err)
		}
		if keys[c.BankKey] || fronts[c.Front] {
			t.Errorf("%s: key or question twice", c.BankKey)
		}
		keys[c.BankKey], fronts[c.Front] = true, true
		if len(c.Skills) == 0 {
			t.Errorf("%s: linked to no skill", c.BankKey)
		}
		per[c.Topic]++
	}
	for _, topic := range Topics {
		if per[topic] < 5 {
			t.Errorf("topic %s has %d questions, want at least 5", topic, per[topic])
		}
	}
}
