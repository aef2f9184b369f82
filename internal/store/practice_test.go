package store

import (
	"database/sql"
	"math/rand"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/practice"
)

// testdata/v6-before-practice.db was written by the build of main with
// schema version 6 (the built-in roadmap seeded, two sessions logged:
// 45 minutes of Go on 2026-11-20 noted "v6 session", 30 minutes of Coding
// challenge practice). Migration 7 adds the practice tables and keeps
// everything.
func TestMigratesAVersion6DatabaseToPracticeKeepingEverything(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v6.db")
	copyFile(t, "testdata/v6-before-practice.db", path)
	// The counts before, read straight from the version 6 file: this
	// build's export reads tables a version 6 file does not have yet.
	oldCounts := version6Counts(t, path)

	st, err := Open(path)
	must(t, err)
	defer st.Close()
	var version int
	must(t, st.db.Raw("SELECT MAX(version) FROM schema_migrations").Scan(&version).Error)
	if version != SchemaVersion() {
		t.Fatalf("schema version %d after opening, want %d", version, SchemaVersion())
	}
	doc := mustExport(t, st)
	got, err := st.Counts()
	must(t, err)
	got.Cards, got.Reviews, got.Challenges, got.Mocks = 0, 0, 0, 0
	if got != oldCounts {
		t.Errorf("counts after migration %v, before %v", got, oldCounts)
	}
	if len(doc.Sessions) != 2 || doc.Sessions[0].Notes != "v6 session" {
		t.Errorf("sessions after migration: %+v", doc.Sessions)
	}
	settings, err := st.PracticeSettings()
	must(t, err)
	if settings != practice.DefaultSettings() {
		t.Errorf("practice settings %+v, want the defaults", settings)
	}
	// The bank is given once to the migrated database, then never again.
	n, err := st.SeedPracticeBank(practice.Bank())
	must(t, err)
	if n != len(practice.Bank()) {
		t.Errorf("gave %d questions, want %d", n, len(practice.Bank()))
	}
	cards, err := st.Cards()
	must(t, err)
	must(t, st.DeleteCard(cards[0].ID))
	if n, err := st.SeedPracticeBank(practice.Bank()); err != nil || n != 0 {
		t.Errorf("seeding again added %d (%v)", n, err)
	}
	cards, err = st.Cards()
	must(t, err)
	if len(cards) != len(practice.Bank())-1 {
		t.Errorf("%d cards after seeding twice and deleting one, want %d", len(cards), len(practice.Bank())-1)
	}
}

func TestSeedPracticeBankSkipsQuestionsAlreadyThere(t *testing.T) {
	st, _ := openTemp(t)
	bank := practice.Bank()
	own := bank[3]
	own.BankKey = ""
	_, err := st.AddCard(own)
	must(t, err)
	n, err := st.SeedPracticeBank(bank)
	must(t, err)
	if n != len(bank)-1 {
		t.Errorf("added %d, want %d (the question already there skipped)", n, len(bank)-1)
	}
}

func TestReviewCardStoresStateAndAppendsLog(t *testing.T) {
	st, _ := openTemp(t)
	id, err := st.AddCard(practice.Card{Front: "What is a join?", Back: "Rows of two tables matched.", Topic: practice.Databases})
	must(t, err)
	must(t, st.UpdatePracticeSettings(practice.DefaultSettings(), practice.Settings{Retention: 0.85, NewPerDay: 5}))
	t0 := time.Date(2026, 4, 1, 9, 0, 0, 0, time.Local)
	var last practice.Card
	for i, r := range []practice.Rating{practice.Good, practice.Good, practice.Again, practice.Good} {
		last, err = st.ReviewCard(id, t0.Add(time.Duration(i)*26*time.Hour), r)
		must(t, err)
	}
	stored, err := st.Card(id)
	must(t, err)
	if !sameSchedule(stored.Schedule, last.Schedule) {
		t.Errorf("stored %+v, returned %+v", stored.Schedule, last.Schedule)
	}
	logs, err := st.Reviews(time.Time{})
	must(t, err)
	if len(logs[id]) != 4 || logs[id][2].Rating != practice.Again || logs[id][0].Retention != 0.85 {
		t.Fatalf("log %+v", logs[id])
	}
	if r := practice.Replay(logs[id]); !sameSchedule(r, stored.Schedule) {
		t.Errorf("the log replays to %+v, stored %+v", r, stored.Schedule)
	}
	// Append-only: no line is rewritten.
	if err := st.db.Exec("UPDATE review_log SET rating = 4").Error; err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Errorf("rewriting the log: %v", err)
	}
	if _, err := st.ReviewCard(id, t0, 7); err == nil {
		t.Error("rating 7 accepted")
	}
	if _, err := st.ReviewCard(9999, t0, practice.Good); err == nil {
		t.Error("a missing card reviewed")
	}
	// Editing the card keeps its schedule.
	after := stored
	after.Back = strings.Repeat("long answer ", 800)
	after.Suspended = true
	must(t, st.UpdateCard(stored, after))
	edited, err := st.Card(id)
	must(t, err)
	if !edited.Suspended || !sameSchedule(edited.Schedule, stored.Schedule) {
		t.Errorf("after editing: %+v", edited)
	}
}

func sameSchedule(a, b practice.Schedule) bool {
	return a.Due.Equal(b.Due) && a.LastReview.Equal(b.LastReview) && a.Stability == b.Stability && a.Difficulty == b.Difficulty &&
		a.ElapsedDays == b.ElapsedDays && a.ScheduledDays == b.ScheduledDays && a.Reps == b.Reps && a.Lapses == b.Lapses && a.State == b.State
}

func TestLogAttemptLogsASessionOnTheSkill(t *testing.T) {
	st, _ := openTemp(t)
	must(t, st.Import(sampleDocument()))
	goSkill, _ := findSkill(t, st, "Go")
	day := time.Date(2026, 5, 4, 19, 30, 0, 0, time.Local)
	c, err := st.LogAttempt(practice.Challenge{Title: "Two sum", URL: "https://leetcode.com/problems/two-sum/", Source: "LeetCode",
		Pattern: "hash map", Difficulty: practice.Easier}, day, 25, practice.Solved, goSkill.ID)
	must(t, err)
	if c.ID == 0 || c.Schedule.State == practice.StateNew || len(c.Attempts) != 1 {
		t.Fatalf("challenge %+v", c)
	}
	c2, err := st.LogAttempt(c, c.Schedule.Due, 10, practice.WithHints, 0)
	must(t, err)
	if len(c2.Attempts) != 2 || !c2.Schedule.Due.After(c.Schedule.Due) {
		t.Errorf("second attempt: %+v", c2)
	}
	all, err := st.Challenges()
	must(t, err)
	if len(all) != 1 || len(all[0].Attempts) != 2 || all[0].Attempts[1].Rating != practice.Hard {
		t.Errorf("challenges %+v", all)
	}
	sessions, err := st.Sessions(day.AddDate(0, 0, -1), day.AddDate(0, 0, 1))
	must(t, err)
	found := false
	for _, s := range sessions {
		if s.SkillID == goSkill.ID && s.Minutes == 25 && strings.Contains(s.Notes, "Two sum") {
			found = true
		}
	}
	if !found {
		t.Errorf("no 25-minute session on Go for the attempt: %+v", sessions)
	}
	if _, err := st.LogAttempt(practice.Challenge{Title: "", Difficulty: practice.Easier}, day, 5, practice.Solved, 0); err == nil {
		t.Error("a problem without a title accepted")
	}
}

func TestRecordMockReviewsItsCards(t *testing.T) {
	st, _ := openTemp(t)
	id, err := st.AddCard(practice.Card{Front: "q1", Topic: practice.Security})
	must(t, err)
	at := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)
	mid, err := st.RecordMock(practice.Mock{At: at, Minutes: 12, Topics: []practice.Topic{practice.Security},
		Answers: []practice.MockAnswer{{CardID: &id, Question: "q1", Rating: practice.Good}}})
	must(t, err)
	ms, err := st.Mocks()
	must(t, err)
	if len(ms) != 1 || ms[0].ID != mid || ms[0].Minutes != 12 || len(ms[0].Answers) != 1 {
		t.Fatalf("mocks %+v", ms)
	}
	c, err := st.Card(id)
	must(t, err)
	if c.Schedule.Reps != 1 {
		t.Errorf("the mock's answer was not a review: %+v", c.Schedule)
	}
	if _, err := st.RecordMock(practice.Mock{At: at}); err == nil {
		t.Error("a mock without answers accepted")
	}
}

// Random histories survive export → import whole: every card's state,
// every review, challenge, attempt and mock, and the settings.
func TestPracticeSurvivesExportImport(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	for round := 0; round < 3; round++ {
		st, _ := openTemp(t)
		_, err := st.SeedPracticeBank(practice.Bank()[:20])
		must(t, err)
		must(t, st.UpdatePracticeSettings(practice.DefaultSettings(), practice.Settings{Retention: 0.7 + r.Float64()*0.27, NewPerDay: r.Intn(30)}))
		cards, err := st.Cards()
		must(t, err)
		now := time.Date(2025, 1, 1, 8, 0, 0, 0, time.Local)
		for i := 0; i < 120; i++ {
			now = now.Add(time.Duration(r.Intn(72*60)) * time.Minute)
			_, err := st.ReviewCard(cards[r.Intn(len(cards))].ID, now, practice.Ratings[r.Intn(4)])
			must(t, err)
		}
		c, err := st.LogAttempt(practice.Challenge{Title: "Merge intervals", Difficulty: practice.Medium}, now, 40, practice.NotSolved, 0)
		must(t, err)
		_, err = st.LogAttempt(c, now.AddDate(0, 0, 2), 30, practice.Solved, 0)
		must(t, err)
		_, err = st.RecordMock(practice.Mock{At: now, Minutes: 20, Answers: []practice.MockAnswer{
			{CardID: &cards[0].ID, Question: cards[0].Front, Rating: practice.Hard}, {Question: "gone", Rating: practice.Again}}})
		must(t, err)
		must(t, st.DeleteCard(cards[1].ID))
		doc := mustExport(t, st)
		if doc.Practice == nil || len(doc.Practice.Cards) != 19 {
			t.Fatalf("export has %+v", doc.Practice)
		}
		// Every card's log replays to its stored state.
		for i, dc := range doc.Practice.Cards {
			c, err := dc.Domain()
			must(t, err)
			var log []practice.Review
			for _, dr := range dc.Reviews {
				rv, err := dr.Domain()
				must(t, err)
				log = append(log, rv)
			}
			if !sameSchedule(practice.Replay(log), c.Schedule) {
				t.Errorf("round %d card %d: log replays to %+v, stored %+v", round, i, practice.Replay(log), c.Schedule)
			}
		}
		other, _ := openTemp(t)
		must(t, other.Import(doc))
		again := mustExport(t, other)
		if !reflect.DeepEqual(again.Practice, doc.Practice) {
			t.Errorf("round %d: practice changed in export → import", round)
		}
		if given, _ := other.PracticeBankGiven(); !given {
			t.Error("an imported practice would be given the bank again")
		}
	}
}

func TestPracticeDueCountsTodayAndTheWeek(t *testing.T) {
	st, _ := openTemp(t)
	now := time.Date(2026, 7, 1, 20, 0, 0, 0, time.Local)
	mk := func(front string, at time.Time, ratings ...practice.Rating) uint {
		id, err := st.AddCard(practice.Card{Front: front})
		must(t, err)
		for i, r := range ratings {
			_, err := st.ReviewCard(id, at.Add(time.Duration(i)*10*time.Minute), r)
			must(t, err)
		}
		return id
	}
	mk("new", now)                                                     // new: not counted
	mk("learning", now.Add(-time.Hour), practice.Good)                 // due in minutes: today
	mk("in days", now.AddDate(0, 0, -1), practice.Good, practice.Good) // due in a few days: the week
	s := mk("suspended", now.Add(-time.Hour), practice.Good)
	c, _ := st.Card(s)
	after := c
	after.Suspended = true
	must(t, st.UpdateCard(c, after))
	today, week, err := st.PracticeDue(now)
	must(t, err)
	if today != 1 || week != 1 {
		t.Errorf("due %d today, %d in the week; want 1 and 1", today, week)
	}
}

func TestDailyReviewsCountsCardsAndChallengesByLocalDay(t *testing.T) {
	st, _ := openTemp(t)
	id, err := st.AddCard(practice.Card{Front: "q"})
	must(t, err)
	day := time.Date(2026, 8, 3, 23, 30, 0, 0, time.Local)
	_, err = st.ReviewCard(id, day, practice.Good)
	must(t, err)
	_, err = st.ReviewCard(id, day.Add(40*time.Minute), practice.Good) // the next day, local time
	must(t, err)
	_, err = st.LogAttempt(practice.Challenge{Title: "p", Difficulty: practice.Easier}, day.Add(-time.Hour), 10, practice.Solved, 0)
	must(t, err)
	got, err := st.DailyReviews(day.AddDate(0, 0, -3), day.AddDate(0, 0, 3))
	must(t, err)
	d := plan.Date(day)
	if got[d] != 2 || got[d.AddDate(0, 0, 1)] != 1 || len(got) != 2 {
		t.Errorf("reviews per day %v", got)
	}
}

// version6Counts counts the rows of a version 6 file's tables with plain
// SQL, as Counts does for this build's schema.
func version6Counts(t *testing.T, path string) Counts {
	t.Helper()
	db, err := sql.Open("sqlite", path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var c Counts
	for table, n := range map[string]*int{"steps": &c.Steps, "step_actions": &c.Actions, "skill_categories": &c.Categories,
		"skills": &c.Skills, "skill_prerequisites": &c.Prerequisites, "projects": &c.Projects, "sessions": &c.Sessions,
		"days_off": &c.DaysOff, "salaries": &c.Salaries, "exchange_rates": &c.Rates, "ppp_factors": &c.PPP} {
		if err := db.QueryRow("SELECT COUNT(*) FROM " + table).Scan(n); err != nil {
			t.Fatal(err)
		}
	}
	return c
}
