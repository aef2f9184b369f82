package store

import (
	"fmt"
	"reflect"
	"strings"

	"gorm.io/gorm"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// CheckLevel is how thoroughly Check reads the file.
type CheckLevel int

const (
	// QuickCheck is SQLite's quick_check: every page and every b-tree,
	// in about the time it takes to read the file. The daily backup runs it.
	QuickCheck CheckLevel = iota
	// FullCheck is SQLite's integrity_check, which also matches every
	// index against its table and every UNIQUE constraint, plus the
	// foreign keys and the running totals: what "Check data" runs.
	FullCheck
)

// maxProblems bounds the problems a check lists; SQLite may find
// thousands in one damaged file.
const maxProblems = 10

// Health is what a check of the whole file found.
type Health struct {
	Path  string
	Bytes int64 // the database's size as SQLite sees it
	// Damage is what SQLite found wrong, in its words (at most
	// maxProblems, the last saying how many more): the file is damaged.
	Damage []string
	// TotalsOff says the running totals per skill and step disagree with
	// the sessions (FullCheck only). They are worked out from the
	// sessions, so RebuildTotals puts them right without loss.
	TotalsOff bool
}

// Healthy reports whether the check found nothing wrong.
func (h Health) Healthy() bool { return len(h.Damage) == 0 && !h.TotalsOff }

// Err is the damage found, as a *DamageFoundError in words, or nil when
// SQLite found none (running totals out of step are not damage: see
// RebuildTotals).
func (h Health) Err() error {
	if len(h.Damage) == 0 {
		return nil
	}
	return &DamageFoundError{Path: h.Path, Damage: h.Damage}
}

// DamageFoundError says a check found an open database damaged. Unlike a
// DamagedError, the file opened: the damage lies in pages opening does
// not read.
type DamageFoundError struct {
	Path   string
	Damage []string
}

func (e *DamageFoundError) Error() string {
	return fmt.Sprintf("%s is damaged: SQLite's check found %s. Keep the file as it is, in case its data can be recovered, "+
		"and restore the newest backup from before the damage (\"studyplanner backups\" lists them, in %s)",
		e.Path, strings.Join(e.Damage, "; "), BackupDir(e.Path))
}

// Check reads the whole database to find damage: the pages and b-trees
// (QuickCheck), or with FullCheck also the indexes against their tables,
// the foreign keys and the running totals against the sessions. It writes
// nothing, so it is safe on a damaged file and on a read-only disk. Its
// time grows with the file: it is for the daily backup, off the window's
// thread, and on demand, never for opening.
func (s *Store) Check(level CheckLevel) (Health, error) {
	h := Health{Path: s.path}
	if s.server {
		// The server keeps its own pages sound; the totals are ours.
		err := s.read(func(tx *gorm.DB) error {
			if err := tx.Raw(`SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c
				JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'`).
				Scan(&h.Bytes).Error; err != nil {
				return err
			}
			if level == FullCheck {
				return checkTotals(tx, &h)
			}
			return nil
		})
		if err != nil {
			return Health{}, fmt.Errorf("checking %s: %w", s.path, err)
		}
		return h, nil
	}
	var pages int64
	if err := s.db.Raw("PRAGMA page_count").Scan(&pages).Error; err != nil {
		return Health{}, fmt.Errorf("checking %s: %w", s.path, explain(err))
	}
	h.Bytes = pages * s.pageSize
	damage, err := s.sqliteCheck(level)
	if err != nil {
		return Health{}, fmt.Errorf("checking %s: %w", s.path, explain(err))
	}
	h.Damage = damage
	if level == FullCheck && len(damage) == 0 {
		if err := s.read(func(tx *gorm.DB) error { return checkReferences(tx, s.schema, &h) }); err != nil {
			return Health{}, fmt.Errorf("checking %s: %w", s.path, err)
		}
	}
	if len(h.Damage) > maxProblems {
		more := len(h.Damage) - maxProblems + 1
		h.Damage = append(h.Damage[:maxProblems-1], fmt.Sprintf("and %d more", more))
	}
	return h, nil
}

// sqliteCheck runs SQLite's own check, which is a transaction of its own
// (a damaged file can end the transaction it runs in), and returns what it
// found wrong.
func (s *Store) sqliteCheck(level CheckLevel) ([]string, error) {
	pragma := "PRAGMA quick_check"
	if level == FullCheck {
		pragma = "PRAGMA integrity_check"
	}
	var results []string
	err := s.db.Raw(pragma).Scan(&results).Error
	switch code := primaryCode(err); {
	case code == codeCorrupt || code == codeNotADB:
		// Damage SQLite cannot read past is an error, not lines of its
		// report.
		return []string{"SQLite cannot read the file to its end: " + wordsFor(err).Error()}, nil
	case err != nil:
		return nil, err
	case len(results) != 1 || results[0] != "ok":
		return results, nil
	}
	return nil, nil
}

// checkReferences adds to h the rows that refer to rows that do not exist
// and whether the running totals disagree with the sessions.
func checkReferences(tx *gorm.DB, schema int, h *Health) error {
	var orphans []struct{ Table, Parent string }
	if err := tx.Raw("PRAGMA foreign_key_check").Scan(&orphans).Error; err != nil {
		return err
	}
	for _, o := range orphans {
		h.Damage = append(h.Damage, fmt.Sprintf("a row of %s refers to a row of %s that does not exist", o.Table, o.Parent))
	}
	if schema < totalsVersion {
		return nil
	}
	return checkTotals(tx, h)
}

// checkTotals sets h.TotalsOff when the running totals disagree with the
// sessions.
func checkTotals(tx *gorm.DB, h *Health) error {
	kept, err := keptTotals(tx)
	if err != nil {
		return err
	}
	summed, err := summedTotals(tx)
	if err != nil {
		return err
	}
	h.TotalsOff = !reflect.DeepEqual(kept, summed)
	return nil
}

// totalsVersion is the schema version that keeps running totals.
const totalsVersion = 6

// RebuildTotals works the running totals per skill and step out again
// from the sessions, in one transaction. Check says when they need it;
// the triggers that keep them make that a sign of a bug, not of use.
func (s *Store) RebuildTotals() error {
	err := s.write(func(tx *gorm.DB) error {
		for _, stmt := range []string{
			`DELETE FROM skill_minutes`, `DELETE FROM step_minutes`,
			`INSERT INTO skill_minutes (skill_id, minutes)
				SELECT skill_id, SUM(minutes) FROM sessions WHERE skill_id IS NOT NULL GROUP BY skill_id`,
			`INSERT INTO step_minutes (step_id, minutes)
				SELECT step_id, SUM(minutes) FROM sessions WHERE step_id IS NOT NULL GROUP BY step_id`,
		} {
			if err := tx.Exec(stmt).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("working out the time logged per skill and step again: %w", err)
	}
	return nil
}

// keptTotals reads the running totals; summedTotals sums the sessions,
// reading them all (what Logged did before migration 6, and still does
// on a read-only file from before it).
func keptTotals(tx *gorm.DB) (plan.Logged, error) {
	return loggedBy(tx, `SELECT 1, skill_id, minutes FROM skill_minutes UNION ALL SELECT 0, step_id, minutes FROM step_minutes`)
}

func summedTotals(tx *gorm.DB) (plan.Logged, error) {
	return loggedBy(tx, `SELECT 1, skill_id, SUM(minutes) FROM sessions WHERE skill_id IS NOT NULL GROUP BY skill_id
		UNION ALL SELECT 0, step_id, SUM(minutes) FROM sessions WHERE step_id IS NOT NULL GROUP BY step_id`)
}

// loggedBy reads the minutes by skill and by step from one query (one
// round trip to a server) whose rows are (1 for a skill or 0 for a step,
// its ID, minutes).
func loggedBy(tx *gorm.DB, query string) (plan.Logged, error) {
	l := plan.Logged{BySkill: map[uint]int{}, ByStep: map[uint]int{}}
	var isSkill, id, minutes int64
	err := eachScan(tx, query, []any{integer{&isSkill}, integer{&id}, integer{&minutes}}, func() {
		if isSkill == 1 {
			l.BySkill[uint(id)] = int(minutes)
		} else {
			l.ByStep[uint(id)] = int(minutes)
		}
	})
	if err != nil {
		return plan.Logged{}, err
	}
	return l, nil
}

// checkIntegrity runs SQLite's quick check on a read-only connection, and
// refuses a file it finds damaged.
func checkIntegrity(db *gorm.DB, path string) error {
	var results []string
	if err := db.Raw("PRAGMA quick_check").Scan(&results).Error; err != nil {
		return explainOpen(path, err)
	}
	if len(results) != 1 || results[0] != "ok" {
		reason := strings.Join(results, "; ")
		if len(reason) > 200 {
			reason = reason[:200] + "…"
		}
		return &DamagedError{path, "SQLite's integrity check fails (" + reason + ")"}
	}
	return nil
}
