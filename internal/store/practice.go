package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/practice"
)

type practiceSettingsRow struct {
	ID        uint `gorm:"primaryKey"`
	Retention float64
	NewPerDay int
}

func (practiceSettingsRow) TableName() string { return "practice_settings" }

// FSRSColumns are a schedule's columns, shared by cards and challenges
// (whose difficulty column is named difficulty_fsrs beside the problem's
// difficulty).
type FSRSColumns struct {
	Due           string
	Stability     float64
	ElapsedDays   uint64
	ScheduledDays uint64
	Reps          uint64
	Lapses        uint64
	State         int
	LastReview    string
}

type cardRow struct {
	ID            uint `gorm:"primaryKey"`
	Front         string
	Back          string
	Topic         string
	Tags          string
	Skills        string
	Suspended     bool
	ApplicationID *uint
	BankKey       *string
	Difficulty    float64
	FSRSColumns   `gorm:"embedded"`
}

func (cardRow) TableName() string { return "cards" }

type reviewRow struct {
	ID            uint `gorm:"primaryKey"`
	CardID        uint
	Rating        int
	ReviewedAt    string
	ElapsedDays   uint64
	ScheduledDays uint64
	StateBefore   int
	Retention     float64
}

func (reviewRow) TableName() string { return "review_log" }

type challengeRow struct {
	ID             uint `gorm:"primaryKey"`
	Title          string
	URL            string `gorm:"column:url"`
	Source         string
	Pattern        string
	Difficulty     string
	DifficultyFSRS float64 `gorm:"column:difficulty_fsrs"`
	FSRSColumns    `gorm:"embedded"`
}

func (challengeRow) TableName() string { return "challenges" }

type attemptRow struct {
	ReviewFields
	ChallengeID uint
	Minutes     int
	Result      string
	SessionID   *uint
}

// ReviewFields are the log columns an attempt shares with a card's review.
type ReviewFields struct {
	ID            uint `gorm:"primaryKey"`
	Rating        int
	ReviewedAt    string
	ElapsedDays   uint64
	ScheduledDays uint64
	StateBefore   int
	Retention     float64
}

func (attemptRow) TableName() string { return "challenge_attempts" }

type mockRow struct {
	ID      uint `gorm:"primaryKey"`
	TakenAt string
	Minutes int
	Topics  string
}

func (mockRow) TableName() string { return "mocks" }

type mockAnswerRow struct {
	ID       uint `gorm:"primaryKey"`
	MockID   uint
	Position int
	CardID   *uint
	Question string
	Rating   int
}

func (mockAnswerRow) TableName() string { return "mock_answers" }

// Moments are stored in UTC to the nanosecond, so that the review log
// replays to exactly the stored schedule.
const momentLayout = "2006-01-02T15:04:05.999999999Z07:00"

func formatMoment(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(momentLayout)
}

func parseMoment(s string) time.Time {
	t, err := time.Parse(momentLayout, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func columnsOfSchedule(s practice.Schedule) (FSRSColumns, float64) {
	return FSRSColumns{Due: formatMoment(s.Due), Stability: s.Stability, ElapsedDays: s.ElapsedDays, ScheduledDays: s.ScheduledDays,
		Reps: s.Reps, Lapses: s.Lapses, State: int(s.State), LastReview: formatMoment(s.LastReview)}, s.Difficulty
}

func scheduleOfColumns(c FSRSColumns, difficulty float64) practice.Schedule {
	return practice.Schedule{Due: parseMoment(c.Due), Stability: c.Stability, Difficulty: difficulty, ElapsedDays: c.ElapsedDays,
		ScheduledDays: c.ScheduledDays, Reps: c.Reps, Lapses: c.Lapses, State: practice.State(c.State), LastReview: parseMoment(c.LastReview)}
}

func (c FSRSColumns) updates(difficultyColumn string, difficulty float64) map[string]any {
	return map[string]any{"due": c.Due, "stability": c.Stability, difficultyColumn: difficulty, "elapsed_days": c.ElapsedDays,
		"scheduled_days": c.ScheduledDays, "reps": c.Reps, "lapses": c.Lapses, "state": c.State, "last_review": c.LastReview}
}

func jsonList(list []string) string {
	if len(list) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(list)
	return string(b)
}

func parseList(s string) []string {
	var out []string
	_ = json.Unmarshal([]byte(s), &out)
	if len(out) == 0 {
		return nil
	}
	return out
}

func cardOfRow(r cardRow) practice.Card {
	c := practice.Card{ID: r.ID, Front: r.Front, Back: r.Back, Topic: practice.Topic(r.Topic), Tags: parseList(r.Tags),
		Skills: parseList(r.Skills), Suspended: r.Suspended, ApplicationID: r.ApplicationID,
		Schedule: scheduleOfColumns(r.FSRSColumns, r.Difficulty)}
	if r.BankKey != nil {
		c.BankKey = *r.BankKey
	}
	return c
}

func cardRowOf(c practice.Card) cardRow {
	cols, d := columnsOfSchedule(c.Schedule)
	r := cardRow{ID: c.ID, Front: strings.TrimSpace(c.Front), Back: strings.TrimRight(c.Back, " \t\r\n"), Topic: string(c.Topic),
		Tags: jsonList(c.Tags), Skills: jsonList(c.Skills), Suspended: c.Suspended, ApplicationID: c.ApplicationID,
		Difficulty: d, FSRSColumns: cols}
	if c.BankKey != "" {
		key := c.BankKey
		r.BankKey = &key
	}
	return r
}

// cardColumns are the columns a card's editor changes: not its schedule,
// which only a review changes.
func cardColumns(c practice.Card) columns {
	r := cardRowOf(c)
	return columns{"front": r.Front, "back": r.Back, "topic": r.Topic, "tags": r.Tags, "skills": r.Skills,
		"suspended": r.Suspended, "application_id": r.ApplicationID}
}

func reviewOfRow(r ReviewFields) practice.Review {
	return practice.Review{ID: r.ID, Rating: practice.Rating(r.Rating), At: parseMoment(r.ReviewedAt), ElapsedDays: r.ElapsedDays,
		ScheduledDays: r.ScheduledDays, StateBefore: practice.State(r.StateBefore), Retention: r.Retention}
}

func reviewFieldsOf(r practice.Review) ReviewFields {
	return ReviewFields{Rating: int(r.Rating), ReviewedAt: formatMoment(r.At), ElapsedDays: r.ElapsedDays,
		ScheduledDays: r.ScheduledDays, StateBefore: int(r.StateBefore), Retention: r.Retention}
}

// PracticeSettings reads the scheduler's settings.
func (s *Store) PracticeSettings() (practice.Settings, error) {
	var row practiceSettingsRow
	if err := s.db.Limit(1).Find(&row, 1).Error; err != nil {
		return practice.Settings{}, fmt.Errorf("reading the practice settings: %w", explain(err))
	}
	if row.ID == 0 {
		return practice.DefaultSettings(), nil
	}
	return practice.Settings{Retention: row.Retention, NewPerDay: row.NewPerDay}, nil
}

func practiceSettingsColumns(st practice.Settings) columns {
	return columns{"retention": st.Retention, "new_per_day": st.NewPerDay}
}

// UpdatePracticeSettings saves the settings changed from before to after.
func (s *Store) UpdatePracticeSettings(before, after practice.Settings) error {
	if err := after.Validate(); err != nil {
		return err
	}
	err := s.write(func(tx *gorm.DB) error {
		return updateChanged(tx, "practice_settings", "id", 1, practiceSettingsColumns(before), practiceSettingsColumns(after), "practice settings")
	})
	if err != nil {
		return fmt.Errorf("saving the practice settings: %w", err)
	}
	return nil
}

// Cards reads every card, oldest first.
func (s *Store) Cards() ([]practice.Card, error) {
	var rows []cardRow
	if err := s.db.Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("loading the cards: %w", explain(err))
	}
	out := make([]practice.Card, len(rows))
	for i, r := range rows {
		out[i] = cardOfRow(r)
	}
	return out, nil
}

// Card reads one card.
func (s *Store) Card(id uint) (practice.Card, error) {
	var row cardRow
	if err := rowsChanged(s.db.Limit(1).Find(&row, id), "card"); err != nil {
		return practice.Card{}, explain(err)
	}
	return cardOfRow(row), nil
}

// AddCard stores a new card, not yet reviewed, and returns its ID.
func (s *Store) AddCard(c practice.Card) (uint, error) {
	c.Schedule = practice.Schedule{}
	if err := c.Validate(); err != nil {
		return 0, err
	}
	row := cardRowOf(c)
	row.ID = 0
	err := s.write(func(tx *gorm.DB) error { return tx.Create(&row).Error }, "cards")
	if err != nil {
		return 0, fmt.Errorf("adding the card: %w", err)
	}
	return row.ID, nil
}

// UpdateCard saves what the editor changed: question, answer, topic,
// tags, skills, suspension and application; never the schedule.
func (s *Store) UpdateCard(before, after practice.Card) error {
	if err := after.Validate(); err != nil {
		return err
	}
	err := s.write(func(tx *gorm.DB) error {
		return updateChanged(tx, "cards", "id", before.ID, cardColumns(before), cardColumns(after), "card")
	})
	if err != nil {
		return fmt.Errorf("saving the card: %w", err)
	}
	return nil
}

// DeleteCard removes a card and its review log.
func (s *Store) DeleteCard(id uint) error { return s.deleteRow(&cardRow{}, id, "card") }

// ReviewCard rates a card at a moment: in one transaction it reads the
// card as it is now (another window may have reviewed it), schedules it
// with the desired retention, stores the new state and appends the
// review to the log.
func (s *Store) ReviewCard(id uint, at time.Time, r practice.Rating) (practice.Card, error) {
	if !r.Valid() {
		return practice.Card{}, fmt.Errorf("the rating %d is not one of 1 (again) to 4 (easy)", r)
	}
	var card practice.Card
	err := s.write(func(tx *gorm.DB) error {
		var err error
		card, err = reviewCard(tx, id, at, r)
		return err
	}, "review_log")
	if err != nil {
		return practice.Card{}, fmt.Errorf("saving the review: %w", err)
	}
	return card, nil
}

func reviewCard(tx *gorm.DB, id uint, at time.Time, r practice.Rating) (practice.Card, error) {
	var row cardRow
	if err := rowsChanged(tx.Limit(1).Find(&row, id), "card"); err != nil {
		return practice.Card{}, err
	}
	st, err := practiceSettings(tx)
	if err != nil {
		return practice.Card{}, err
	}
	card := cardOfRow(row)
	next, rev := practice.NewScheduler(st.Retention).Rate(card.Schedule, at, r)
	cols, d := columnsOfSchedule(next)
	if err := tx.Model(&cardRow{}).Where("id = ?", id).Updates(cols.updates("difficulty", d)).Error; err != nil {
		return practice.Card{}, err
	}
	log := reviewRow{CardID: id, Rating: int(rev.Rating), ReviewedAt: formatMoment(rev.At), ElapsedDays: rev.ElapsedDays,
		ScheduledDays: rev.ScheduledDays, StateBefore: int(rev.StateBefore), Retention: rev.Retention}
	if err := tx.Create(&log).Error; err != nil {
		return practice.Card{}, err
	}
	card.Schedule = next
	return card, nil
}

func practiceSettings(tx *gorm.DB) (practice.Settings, error) {
	var row practiceSettingsRow
	if err := tx.Limit(1).Find(&row, 1).Error; err != nil {
		return practice.Settings{}, err
	}
	if row.ID == 0 {
		return practice.DefaultSettings(), nil
	}
	return practice.Settings{Retention: row.Retention, NewPerDay: row.NewPerDay}, nil
}

// Reviews reads the review log since a moment (zero: all of it), oldest
// first, by card.
func (s *Store) Reviews(since time.Time) (map[uint][]practice.Review, error) {
	var rows []reviewRow
	q := s.db.Order("id")
	if !since.IsZero() {
		q = q.Where("reviewed_at >= ?", formatMoment(since))
	}
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("loading the review log: %w", explain(err))
	}
	out := map[uint][]practice.Review{}
	for _, r := range rows {
		out[r.CardID] = append(out[r.CardID], reviewOfRow(ReviewFields{ID: r.ID, Rating: r.Rating, ReviewedAt: r.ReviewedAt,
			ElapsedDays: r.ElapsedDays, ScheduledDays: r.ScheduledDays, StateBefore: r.StateBefore, Retention: r.Retention}))
	}
	return out, nil
}

// ImportCards adds new cards, leaving out any whose question is already
// stored (or twice in the list). It reports how many it added and left
// out. All or nothing: one bad card stores none.
func (s *Store) ImportCards(cards []practice.Card) (added, skipped int, err error) {
	for i, c := range cards {
		c.Schedule = practice.Schedule{}
		if err := c.Validate(); err != nil {
			return 0, 0, fmt.Errorf("card %d: %w", i+1, err)
		}
	}
	err = s.write(func(tx *gorm.DB) error {
		added, skipped, err = insertNewCards(tx, cards)
		return err
	}, "cards")
	if err != nil {
		return 0, 0, fmt.Errorf("importing the cards: %w", err)
	}
	return added, skipped, nil
}

func insertNewCards(tx *gorm.DB, cards []practice.Card) (added, skipped int, err error) {
	var fronts []string
	if err := tx.Model(&cardRow{}).Pluck("front", &fronts).Error; err != nil {
		return 0, 0, err
	}
	have := map[string]bool{}
	for _, f := range fronts {
		have[f] = true
	}
	var rows []cardRow
	for _, c := range cards {
		row := cardRowOf(practice.Card{Front: c.Front, Back: c.Back, Topic: c.Topic, Tags: c.Tags, Skills: c.Skills,
			Suspended: c.Suspended, ApplicationID: c.ApplicationID, BankKey: c.BankKey})
		if have[row.Front] {
			skipped++
			continue
		}
		have[row.Front] = true
		rows = append(rows, row)
	}
	if err := createAll(tx, rows); err != nil {
		return 0, 0, err
	}
	return len(rows), skipped, nil
}

// practiceBankKey records that the default question bank was given, so a
// database gets it once (new or made before practice existed) and a
// learner who deletes a question does not see it come back.
const practiceBankKey = "practice_bank_at"

// SeedPracticeBank gives the database the default question bank once in
// its life, skipping any question already there. It reports how many
// cards it added.
func (s *Store) SeedPracticeBank(cards []practice.Card) (int, error) {
	if s.readOnly {
		return 0, nil
	}
	added := 0
	err := s.write(func(tx *gorm.DB) error {
		done, err := hasMeta(tx, practiceBankKey)
		if err != nil || done {
			return err
		}
		if added, _, err = insertNewCards(tx, cards); err != nil {
			return err
		}
		return markMeta(tx, practiceBankKey)
	}, "cards")
	if err != nil {
		return 0, fmt.Errorf("adding the default interview questions: %w", err)
	}
	return added, nil
}

// PracticeBankGiven says whether SeedPracticeBank has nothing left to do.
func (s *Store) PracticeBankGiven() (bool, error) {
	if s.readOnly {
		return true, nil
	}
	var n int64
	if err := s.db.Model(&metaRow{}).Where("key = ?", practiceBankKey).Count(&n).Error; err != nil {
		return false, explain(err)
	}
	return n > 0, nil
}

// Challenges reads the coding challenges with their attempts, oldest
// first.
func (s *Store) Challenges() ([]practice.Challenge, error) {
	var out []practice.Challenge
	err := s.read(func(tx *gorm.DB) (err error) { out, err = challenges(tx); return err })
	if err != nil {
		return nil, fmt.Errorf("loading the coding challenges: %w", err)
	}
	return out, nil
}

func challenges(tx *gorm.DB) ([]practice.Challenge, error) {
	var rows []challengeRow
	if err := tx.Order("id").Find(&rows).Error; err != nil {
		return nil, err
	}
	var attempts []attemptRow
	if err := tx.Order("id").Find(&attempts).Error; err != nil {
		return nil, err
	}
	by := map[uint][]practice.Attempt{}
	for _, a := range attempts {
		by[a.ChallengeID] = append(by[a.ChallengeID], practice.Attempt{Review: reviewOfRow(a.ReviewFields), Minutes: a.Minutes, Result: practice.Result(a.Result)})
	}
	out := make([]practice.Challenge, len(rows))
	for i, r := range rows {
		out[i] = challengeOfRow(r)
		out[i].Attempts = by[r.ID]
	}
	return out, nil
}

func challengeOfRow(r challengeRow) practice.Challenge {
	return practice.Challenge{ID: r.ID, Title: r.Title, URL: r.URL, Source: r.Source, Pattern: r.Pattern,
		Difficulty: practice.Difficulty(r.Difficulty), Schedule: scheduleOfColumns(r.FSRSColumns, r.DifficultyFSRS)}
}

func challengeRowOf(c practice.Challenge) challengeRow {
	cols, d := columnsOfSchedule(c.Schedule)
	return challengeRow{ID: c.ID, Title: strings.TrimSpace(c.Title), URL: strings.TrimSpace(c.URL), Source: strings.TrimSpace(c.Source),
		Pattern: strings.TrimSpace(c.Pattern), Difficulty: string(c.Difficulty), DifficultyFSRS: d, FSRSColumns: cols}
}

func challengeColumns(c practice.Challenge) columns {
	r := challengeRowOf(c)
	return columns{"title": r.Title, "url": r.URL, "source": r.Source, "pattern": r.Pattern, "difficulty": r.Difficulty}
}

// UpdateChallenge saves the problem's fields changed from before to
// after; its schedule changes only with an attempt.
func (s *Store) UpdateChallenge(before, after practice.Challenge) error {
	if err := after.Validate(); err != nil {
		return err
	}
	err := s.write(func(tx *gorm.DB) error {
		return updateChanged(tx, "challenges", "id", before.ID, challengeColumns(before), challengeColumns(after), "challenge")
	})
	if err != nil {
		return fmt.Errorf("saving the challenge: %w", err)
	}
	return nil
}

// DeleteChallenge removes a challenge and its attempts (their study
// sessions stay).
func (s *Store) DeleteChallenge(id uint) error { return s.deleteRow(&challengeRow{}, id, "challenge") }

// LogAttempt records an attempt at a problem: a new problem when c has no
// ID. In one transaction it schedules the problem with the attempt as a
// review, appends the attempt, and, when skillID is given, logs its time
// as a study session on that skill on the attempt's day. It returns the
// challenge as stored.
func (s *Store) LogAttempt(c practice.Challenge, at time.Time, minutes int, result practice.Result, skillID uint) (practice.Challenge, error) {
	if c.ID == 0 {
		c.Schedule = practice.Schedule{}
		c.Attempts = nil
	}
	if err := c.Validate(); err != nil {
		return c, err
	}
	if err := practice.ValidateAttempt(practice.Attempt{Minutes: minutes, Result: result, Review: practice.Review{At: at, Rating: result.Rating()}}); err != nil {
		return c, err
	}
	var out practice.Challenge
	err := s.write(func(tx *gorm.DB) error {
		var err error
		out, err = logAttempt(tx, c, at, minutes, result, skillID)
		return err
	}, "challenges", "challenge_attempts", "sessions")
	if err != nil {
		return c, fmt.Errorf("logging the attempt: %w", err)
	}
	return out, nil
}

func logAttempt(tx *gorm.DB, c practice.Challenge, at time.Time, minutes int, result practice.Result, skillID uint) (practice.Challenge, error) {
	if c.ID == 0 {
		row := challengeRowOf(c)
		if err := tx.Create(&row).Error; err != nil {
			return c, err
		}
		c.ID = row.ID
	}
	var row challengeRow
	if err := rowsChanged(tx.Limit(1).Find(&row, c.ID), "challenge"); err != nil {
		return c, err
	}
	st, err := practiceSettings(tx)
	if err != nil {
		return c, err
	}
	stored := challengeOfRow(row)
	stored, a, err := practice.NewScheduler(st.Retention).Attempt(stored, at, minutes, result)
	if err != nil {
		return c, err
	}
	cols, d := columnsOfSchedule(stored.Schedule)
	if err := tx.Model(&challengeRow{}).Where("id = ?", c.ID).Updates(cols.updates("difficulty_fsrs", d)).Error; err != nil {
		return c, err
	}
	attempt := attemptRow{ReviewFields: reviewFieldsOf(a.Review), ChallengeID: c.ID, Minutes: minutes, Result: string(result)}
	if skillID != 0 {
		sess := plan.Session{Date: plan.Date(at), Start: at.Format("15:04"), Minutes: minutes, SkillID: skillID,
			Notes: "Coding challenge: " + stored.Title}
		srow := sessionRowOf(sess)
		if err := tx.Create(&srow).Error; err != nil {
			return c, err
		}
		if err := markPractised(tx, sess); err != nil {
			return c, err
		}
		attempt.SessionID = &srow.ID
	}
	if err := tx.Create(&attempt).Error; err != nil {
		return c, err
	}
	a.ID = attempt.ID
	stored.Attempts = append(append([]practice.Attempt(nil), c.Attempts...), a)
	return stored, nil
}

// Mocks reads the mock interviews, newest first.
func (s *Store) Mocks() ([]practice.Mock, error) {
	var out []practice.Mock
	err := s.read(func(tx *gorm.DB) (err error) { out, err = mocks(tx); return err })
	if err != nil {
		return nil, fmt.Errorf("loading the mock interviews: %w", err)
	}
	return out, nil
}

func mocks(tx *gorm.DB) ([]practice.Mock, error) {
	var rows []mockRow
	if err := tx.Order("taken_at DESC, id DESC").Find(&rows).Error; err != nil {
		return nil, err
	}
	var answers []mockAnswerRow
	if err := tx.Order("mock_id, position").Find(&answers).Error; err != nil {
		return nil, err
	}
	by := map[uint][]practice.MockAnswer{}
	for _, a := range answers {
		by[a.MockID] = append(by[a.MockID], practice.MockAnswer{CardID: a.CardID, Question: a.Question, Rating: practice.Rating(a.Rating)})
	}
	out := make([]practice.Mock, len(rows))
	for i, r := range rows {
		var topics []practice.Topic
		for _, t := range parseList(r.Topics) {
			topics = append(topics, practice.Topic(t))
		}
		out[i] = practice.Mock{ID: r.ID, At: parseMoment(r.TakenAt), Minutes: r.Minutes, Topics: topics, Answers: by[r.ID]}
	}
	return out, nil
}

// RecordMock keeps a mock interview and, in the same transaction, counts
// each rated answer to a card still stored as a review of that card. It
// returns the mock's ID.
func (s *Store) RecordMock(m practice.Mock) (uint, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	var id uint
	err := s.write(func(tx *gorm.DB) error {
		var err error
		id, err = insertMock(tx, m, true)
		return err
	}, "mocks", "mock_answers", "review_log")
	if err != nil {
		return 0, fmt.Errorf("saving the mock interview: %w", err)
	}
	return id, nil
}

func insertMock(tx *gorm.DB, m practice.Mock, review bool) (uint, error) {
	var topics []string
	for _, t := range m.Topics {
		topics = append(topics, string(t))
	}
	row := mockRow{TakenAt: formatMoment(m.At), Minutes: m.Minutes, Topics: jsonList(topics)}
	if err := tx.Create(&row).Error; err != nil {
		return 0, err
	}
	for i, a := range m.Answers {
		ans := mockAnswerRow{MockID: row.ID, Position: i, CardID: a.CardID, Question: a.Question, Rating: int(a.Rating)}
		if review && a.CardID != nil {
			_, err := reviewCard(tx, *a.CardID, m.At, a.Rating)
			if errors.Is(err, ErrNotFound) {
				ans.CardID = nil // deleted meanwhile: the answer stays, as text
			} else if err != nil {
				return 0, err
			}
		}
		if err := tx.Create(&ans).Error; err != nil {
			return 0, err
		}
	}
	return row.ID, nil
}

// PracticeDue counts the learnt cards (not suspended) due by the end of
// now's day, and those due in the seven days after, in one search of the
// due index, for the Today card.
func (s *Store) PracticeDue(now time.Time) (today, week int, err error) {
	y, m, d := now.Date()
	end := time.Date(y, m, d+1, 0, 0, 0, 0, now.Location())
	var dueToday, dueWeek int64
	endOfToday, endOfWeek := formatMoment(end), formatMoment(end.AddDate(0, 0, 7))
	err = eachScan(s.db, `SELECT COALESCE(SUM(CASE WHEN due < ? THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN due >= ? THEN 1 ELSE 0 END), 0)
		FROM cards WHERE state IN (1, 2, 3) AND suspended = 0 AND due < ?`, []any{&dueToday, &dueWeek}, func() {},
		endOfToday, endOfToday, endOfWeek)
	if err != nil {
		return 0, 0, fmt.Errorf("counting the practice cards due: %w", explain(err))
	}
	return int(dueToday), int(dueWeek), nil
}

// DailyReviews counts the card reviews and challenge attempts of each
// calendar day (in the local time zone, as plan.Date gives it) from one
// day to another, both included, for the heatmap.
func (s *Store) DailyReviews(from, to time.Time) (map[time.Time]int, error) {
	lo := formatMoment(time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.Local).Add(-24 * time.Hour))
	hi := formatMoment(time.Date(to.Year(), to.Month(), to.Day(), 0, 0, 0, 0, time.Local).Add(48 * time.Hour))
	var times []string
	err := s.db.Raw(`SELECT reviewed_at FROM review_log WHERE reviewed_at >= ? AND reviewed_at < ?
		UNION ALL SELECT reviewed_at FROM challenge_attempts WHERE reviewed_at >= ? AND reviewed_at < ?`, lo, hi, lo, hi).Scan(&times).Error
	if err != nil {
		return nil, fmt.Errorf("counting the reviews per day: %w", explain(err))
	}
	first, last := plan.Date(from), plan.Date(to)
	out := map[time.Time]int{}
	for _, t := range times {
		day := plan.Date(parseMoment(t).Local())
		if !day.Before(first) && !day.After(last) {
			out[day]++
		}
	}
	return out, nil
}
