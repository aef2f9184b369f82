package store

import (
	"fmt"

	"gorm.io/gorm"

	"github.com/studyplanner/studyplanner/internal/practice"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// practiceTables are the interview practice's tables, children first.
var practiceTables = []string{"mock_answers", "mocks", "review_log", "challenge_attempts", "challenges", "cards", "practice_settings"}

// documentPractice reads the interview practice into the document's
// part.
func documentPractice(tx *gorm.DB) (*snapshot.Practice, error) {
	// A file opened read-only at an older schema has no practice.
	if !tx.Migrator().HasTable("cards") {
		return nil, nil
	}
	st, err := practiceSettings(tx)
	if err != nil {
		return nil, err
	}
	p := &snapshot.Practice{Retention: st.Retention, NewPerDay: st.NewPerDay, Cards: []snapshot.Card{},
		Challenges: []snapshot.Challenge{}, Mocks: []snapshot.Mock{}}
	index, err := documentCards(tx, p)
	if err != nil {
		return nil, err
	}
	chs, err := challenges(tx)
	if err != nil {
		return nil, err
	}
	for _, c := range chs {
		dc := snapshot.Challenge{Title: c.Title, URL: c.URL, Source: c.Source, Pattern: c.Pattern, Difficulty: string(c.Difficulty),
			Schedule: snapshot.ScheduleOf(c.Schedule)}
		for _, a := range c.Attempts {
			dc.Attempts = append(dc.Attempts, snapshot.Attempt{Review: snapshot.ReviewOf(a.Review), Minutes: a.Minutes, Result: string(a.Result)})
		}
		p.Challenges = append(p.Challenges, dc)
	}
	ms, err := mocks(tx)
	if err != nil {
		return nil, err
	}
	p.Mocks = documentMocks(ms, index)
	return p, nil
}

// documentCards reads the cards with their review logs into p, and
// returns each card's place in the list by ID.
func documentCards(tx *gorm.DB, p *snapshot.Practice) (map[uint]int, error) {
	var cards []cardRow
	if err := tx.Order("id").Find(&cards).Error; err != nil {
		return nil, err
	}
	var reviews []reviewRow
	if err := tx.Order("id").Find(&reviews).Error; err != nil {
		return nil, err
	}
	byCard := map[uint][]snapshot.Review{}
	for _, r := range reviews {
		byCard[r.CardID] = append(byCard[r.CardID], snapshot.ReviewOf(reviewOfRow(ReviewFields{Rating: r.Rating, ReviewedAt: r.ReviewedAt,
			ElapsedDays: r.ElapsedDays, ScheduledDays: r.ScheduledDays, StateBefore: r.StateBefore, Retention: r.Retention})))
	}
	index := map[uint]int{}
	for i, r := range cards {
		c := cardOfRow(r)
		index[c.ID] = i
		p.Cards = append(p.Cards, snapshot.Card{Front: c.Front, Back: c.Back, Topic: string(c.Topic), Tags: c.Tags, Skills: c.Skills,
			Suspended: c.Suspended, ApplicationID: c.ApplicationID, BankKey: c.BankKey, Schedule: snapshot.ScheduleOf(c.Schedule),
			Reviews: byCard[c.ID]})
	}
	return index, nil
}

// documentMocks writes the mocks oldest first, each answer pointing to
// its card's place in the list.
func documentMocks(ms []practice.Mock, index map[uint]int) []snapshot.Mock {
	out := []snapshot.Mock{}
	for i := len(ms) - 1; i >= 0; i-- { // oldest first in the file
		m := ms[i]
		dm := snapshot.Mock{At: snapshot.FormatMoment(m.At), Minutes: m.Minutes, Answers: []snapshot.MockAnswer{}}
		for _, t := range m.Topics {
			dm.Topics = append(dm.Topics, string(t))
		}
		for _, a := range m.Answers {
			da := snapshot.MockAnswer{Question: a.Question, Rating: int(a.Rating)}
			if a.CardID != nil {
				if j, ok := index[*a.CardID]; ok {
					da.Card = &j
				}
			}
			dm.Answers = append(dm.Answers, da)
		}
		out = append(out, dm)
	}
	return out
}

// insertPractice writes a validated document's practice into empty
// tables; a document without one leaves the default settings.
func insertPractice(tx *gorm.DB, p *snapshot.Practice) error {
	if p == nil {
		return tx.Exec(`INSERT INTO practice_settings (id) VALUES (1) ON CONFLICT DO NOTHING`).Error
	}
	err := tx.Save(&practiceSettingsRow{ID: 1, Retention: p.Retention, NewPerDay: p.NewPerDay}).Error
	if err != nil {
		return fmt.Errorf("writing the practice settings: %w", err)
	}
	ids := make([]uint, len(p.Cards))
	for i, dc := range p.Cards {
		c, _ := dc.Domain() // validated
		row := cardRowOf(c)
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("writing card %d: %w", i+1, err)
		}
		ids[i] = row.ID
		logs := make([]reviewRow, len(dc.Reviews))
		for j, dr := range dc.Reviews {
			r, _ := dr.Domain()
			f := reviewFieldsOf(r)
			logs[j] = reviewRow{CardID: row.ID, Rating: f.Rating, ReviewedAt: f.ReviewedAt, ElapsedDays: f.ElapsedDays,
				ScheduledDays: f.ScheduledDays, StateBefore: f.StateBefore, Retention: f.Retention}
		}
		if err := createAll(tx, logs); err != nil {
			return fmt.Errorf("writing the reviews of card %d: %w", i+1, err)
		}
	}
	for i, dc := range p.Challenges {
		c, _ := dc.Domain()
		row := challengeRowOf(c)
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("writing challenge %d: %w", i+1, err)
		}
		attempts := make([]attemptRow, len(c.Attempts))
		for j, a := range c.Attempts {
			attempts[j] = attemptRow{ReviewFields: reviewFieldsOf(a.Review), ChallengeID: row.ID, Minutes: a.Minutes, Result: string(a.Result)}
		}
		if err := createAll(tx, attempts); err != nil {
			return fmt.Errorf("writing the attempts of challenge %d: %w", i+1, err)
		}
	}
	for i, dm := range p.Mocks {
		m, _ := dm.Domain()
		for j, a := range dm.Answers {
			if a.Card != nil {
				id := ids[*a.Card]
				m.Answers[j].CardID = &id
			}
		}
		if _, err := insertMock(tx, m, false); err != nil {
			return fmt.Errorf("writing mock interview %d: %w", i+1, err)
		}
	}
	return nil
}

// markPracticeBank records, on an import, whether the default question
// bank is still to be given: a document with no practice (from before
// practice existed, or made by another program) gets it on the next start;
// one with practice says what the learner kept. (A learner who deleted
// every card exports no practice, and gets the bank again after an
// import: the lesser evil than a new learner's import without it.)
func markPracticeBank(tx *gorm.DB, doc snapshot.Document) error {
	if doc.Practice == nil {
		return tx.Where("key = ?", practiceBankKey).Delete(&metaRow{}).Error
	}
	return markMeta(tx, practiceBankKey)
}

// practiceCounts counts the practice rows of a document.
func practiceCounts(p *snapshot.Practice) (cards, reviews, challenges, mocks int) {
	if p == nil {
		return 0, 0, 0, 0
	}
	for _, c := range p.Cards {
		reviews += len(c.Reviews)
	}
	return len(p.Cards), reviews, len(p.Challenges), len(p.Mocks)
}
