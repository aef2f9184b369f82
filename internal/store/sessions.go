package store

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// LogSession records time studied and returns its ID. The skill it was
// for, if any, is marked practised on that day (unless it was practised
// later already), in the same transaction.
func (s *Store) LogSession(sess plan.Session) (uint, error) {
	sess.Notes = strings.TrimSpace(sess.Notes)
	if err := plan.ValidateSession(sess); err != nil {
		return 0, err
	}
	row := sessionRowOf(sess)
	row.ID = 0
	err := s.write(func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		return markPractised(tx, sess)
	}, "sessions")
	if err != nil {
		return 0, fmt.Errorf("logging the session: %w", err)
	}
	return row.ID, nil
}

func sessionColumns(sess plan.Session) columns {
	row := sessionRowOf(sess)
	return columns{"date": row.Date, "start_time": row.StartTime, "minutes": row.Minutes,
		"skill_id": row.SkillID, "step_id": row.StepID, "notes": strings.TrimSpace(row.Notes)}
}

// UpdateSession saves the fields of a logged session changed from before
// to after.
func (s *Store) UpdateSession(before, after plan.Session) error {
	after.Notes = strings.TrimSpace(after.Notes)
	if err := plan.ValidateSession(after); err != nil {
		return err
	}
	err := s.write(func(tx *gorm.DB) error {
		if err := updateChanged(tx, "sessions", "id", before.ID, sessionColumns(before), sessionColumns(after), "session"); err != nil {
			return err
		}
		return markPractised(tx, after)
	})
	if err != nil {
		return fmt.Errorf("saving the session: %w", err)
	}
	return nil
}

func markPractised(tx *gorm.DB, sess plan.Session) error {
	if sess.SkillID == 0 {
		return nil
	}
	return tx.Exec(`UPDATE skills SET last_practised = ? WHERE id = ? AND last_practised < ?`,
		formatDate(sess.Date), sess.SkillID, formatDate(sess.Date)).Error
}

// DeleteSession removes a logged session.
func (s *Store) DeleteSession(id uint) error { return s.deleteRow(&sessionRow{}, id, "session") }

func sessionRowOf(sess plan.Session) sessionRow {
	row := sessionRow{ID: sess.ID, Date: formatDate(plan.Date(sess.Date)), StartTime: sess.Start, Minutes: sess.Minutes, Notes: sess.Notes}
	if sess.SkillID != 0 {
		id := sess.SkillID
		row.SkillID = &id
	}
	if sess.StepID != 0 {
		id := sess.StepID
		row.StepID = &id
	}
	return row
}

func sessionOf(r sessionRow) plan.Session {
	sess := plan.Session{ID: r.ID, Date: parseDate(r.Date), Start: r.StartTime, Minutes: r.Minutes, Notes: r.Notes}
	if r.SkillID != nil {
		sess.SkillID = *r.SkillID
	}
	if r.StepID != nil {
		sess.StepID = *r.StepID
	}
	return sess
}

// Sessions loads the sessions from one day up to (not including) another,
// by date and start time. It reads only those days, through the date index.
func (s *Store) Sessions(from, to time.Time) ([]plan.Session, error) {
	var rows []sessionRow
	err := s.db.Where("date >= ? AND date < ?", formatDate(plan.Date(from)), formatDate(plan.Date(to))).
		Order("date, start_time, id").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("loading the sessions: %w", explain(err))
	}
	out := make([]plan.Session, len(rows))
	for i, r := range rows {
		out[i] = sessionOf(r)
	}
	return out, nil
}

// Logged totals the minutes logged per skill and per step. It reads the
// running totals the schema keeps (migration 6), never the sessions: as
// fast at twenty years of history as at one. (A file from before them on
// a read-only disk, which cannot be migrated, is summed.)
func (s *Store) Logged() (plan.Logged, error) {
	var l plan.Logged
	err := s.read(func(tx *gorm.DB) (err error) {
		if s.schema < totalsVersion {
			l, err = summedTotals(tx)
			return err
		}
		l, err = keptTotals(tx)
		return err
	})
	if err != nil {
		return plan.Logged{}, fmt.Errorf("totalling the logged time: %w", err)
	}
	return l, nil
}

// DailyMinutes totals the minutes studied on each day from one day up to
// (not including) another. It reads only the index of dates and minutes
// (sessions_by_date_minutes), and only the days asked for.
func (s *Store) DailyMinutes(from, to time.Time) (map[time.Time]int, error) {
	out := map[time.Time]int{}
	var day string
	var minutes int64
	err := eachScan(s.db, `SELECT date, SUM(minutes) AS minutes FROM sessions WHERE date >= ? AND date < ? GROUP BY date`,
		[]any{&day, integer{&minutes}}, func() { out[parseDate(day)] = int(minutes) },
		formatDate(plan.Date(from)), formatDate(plan.Date(to)))
	if err != nil {
		return nil, fmt.Errorf("totalling the study days: %w", explain(err))
	}
	return out, nil
}
