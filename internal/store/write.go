package store

import (
	"errors"
	"fmt"

	"github.com/dustin/go-humanize"
	"gorm.io/gorm"

	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/practice"
	"github.com/studyplanner/studyplanner/internal/resume"
	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// tableLimits are the plan's limits on each table, so a write can be
// checked against them in its own transaction.
var tableLimits = map[string]struct {
	what  string
	limit int
	byID  bool // rows have a unique integer id
}{
	"steps":               {"roadmap steps", plan.MaxSteps, true},
	"step_actions":        {"checklist items", plan.MaxActions, true},
	"step_links":          {"step links", plan.MaxStepLinks, true},
	"skill_categories":    {"skill categories", plan.MaxCategories, true},
	"skills":              {"skills", plan.MaxSkills, true},
	"skill_links":         {"skill links", plan.MaxSkillLinks, true},
	"skill_prerequisites": {"prerequisites", plan.MaxPrerequisites, false},
	"projects":            {"projects", plan.MaxProjects, true},
	"project_skills":      {"skills linked to projects", plan.MaxProjectSkills, false},
	"days_off":            {"days off", plan.MaxDaysOff, false},
	"sessions":            {"study sessions", plan.MaxSessions, true},
	"salaries":            {"salary ranges", salary.MaxRanges, true},
	"exchange_rates":      {"exchange rates", salary.MaxRates, false},
	"ppp_factors":         {"purchasing power factors", salary.MaxPPPFactors, false},
	"resume_links":        {"profile links", resume.MaxProfileLinks, true},
	"resume_work":         {"jobs on the résumé", resume.MaxWork, true},
	"resume_education":    {"schools on the résumé", resume.MaxEducation, true},
	"resume_certificates": {"certificates on the résumé", resume.MaxCertificates, true},
	"resume_versions":     {"résumé versions", resume.MaxVersions, true},
	// A version lists skills and projects that exist, each once.
	"resume_version_skills":   {"skills in résumé versions", resume.MaxVersions * plan.MaxSkills, false},
	"resume_version_projects": {"projects in résumé versions", resume.MaxVersions * plan.MaxProjects, false},
	"annual_rates":            {"yearly average rates", salary.MaxRates, false},
	"rate_fixings":            {"daily exchange rate fixings", salary.MaxFixings, false},
	"survey_medians":          {"survey medians", salary.MaxReported, true},
	"stages":                  {"stages", jobsearch.MaxStages, true},
	"applications":            {"applications", jobsearch.MaxApplications, true},
	"stage_events":            {"moves between stages", jobsearch.MaxEvents, true},
	"contacts":                {"contacts", jobsearch.MaxContacts, true},
	"interviews":              {"interviews", jobsearch.MaxInterviews, true},
	"cards":                   {"practice cards", practice.MaxCards, true},
	"review_log":              {"card reviews", practice.MaxReviews, true},
	"challenges":              {"coding challenges", practice.MaxChallenges, true},
	"challenge_attempts":      {"challenge attempts", practice.MaxAttempts, true},
	"mocks":                   {"mock interviews", practice.MaxMocks, true},
	"mock_answers":            {"mock interview answers", practice.MaxMockAnswers, true},
}

// ErrTooLarge says a write would grow the database past what an export
// can carry.
var ErrTooLarge = fmt.Errorf("your data would grow past %s, the most Study Planner keeps in one file (so that it can always be exported and imported again); delete old notes or sessions first",
	humanize.IBytes(snapshot.MaxDataBytes))

// errWriteInSnapshot says a Snapshot's view was asked to save: a
// mistake in the program, worded for the person who sees it.
var errWriteInSnapshot = errors.New("this change was not saved: it was made while the data was being read; try again")

// write runs fn in one immediate transaction. Before it commits, the
// tables fn added rows to (named in grows) are counted against their
// limits, and the file against snapshot.MaxDataBytes, so that nothing the
// import would refuse is ever stored. Errors come back in words.
func (s *Store) write(fn func(tx *gorm.DB) error, grows ...string) error {
	if s.readOnly {
		return ErrReadOnly
	}
	if s.view {
		return errWriteInSnapshot
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if s.server {
			if err := lockLearner(tx); err != nil {
				return err
			}
		}
		before, err := s.fileBytes(tx)
		if err != nil {
			return err
		}
		if err := fn(tx); err != nil {
			return err
		}
		if s.server {
			if err := tx.Exec(`SELECT pg_notify(?, ?)`, s.channel(), s.instance).Error; err != nil {
				return err
			}
		}
		if err := checkLimits(tx, grows...); err != nil {
			return err
		}
		return s.checkSize(tx, before)
	})
	if err == nil {
		s.writes.Add(1)
		s.foldWhenIdle()
	}
	return explain(err)
}

// checkLimits counts the named tables against their limits. Counting
// reads a whole table, so a table with an integer id is first bounded by
// its ids: no more rows than the span from the lowest to the highest, two
// searches of its key. Only a span past the limit (after thousands of
// deletes, or near the limit) is counted, so logging a session does not
// read every session.
func checkLimits(tx *gorm.DB, tables ...string) error {
	for _, table := range tables {
		l, ok := tableLimits[table]
		if !ok {
			return fmt.Errorf("no limit is known for table %s", table)
		}
		if l.byID {
			var span int
			q := "SELECT COALESCE((SELECT MAX(id) FROM " + table + ") - (SELECT MIN(id) FROM " + table + ") + 1, 0)"
			if err := tx.Raw(q).Scan(&span).Error; err != nil {
				return err
			}
			if span <= l.limit {
				continue
			}
		}
		var n int
		if err := tx.Raw("SELECT COUNT(*) FROM " + table).Scan(&n).Error; err != nil {
			return err
		}
		if err := plan.CheckCount(l.what, n, l.limit); err != nil {
			return err
		}
	}
	return nil
}

// checkSize refuses a write that grew the file past the limit. A write
// that does not grow it (a delete, an edit in place) always goes through,
// so a learner over the limit can make room.
func (s *Store) checkSize(tx *gorm.DB, before int64) error {
	after, err := s.fileBytes(tx)
	if err != nil {
		return err
	}
	if after > before && after > s.maxBytes {
		return ErrTooLarge
	}
	return nil
}

// fileBytes is the database's size as this transaction sees it.
func (s *Store) fileBytes(tx *gorm.DB) (int64, error) {
	if s.server {
		return 0, nil // a server's tables are not one file; the row limits still hold
	}
	var pages int64
	if err := tx.Raw("PRAGMA page_count").Scan(&pages).Error; err != nil {
		return 0, err
	}
	return pages * s.pageSize, nil
}

func (s *Store) readPageSize() error {
	return s.db.Raw("PRAGMA page_size").Scan(&s.pageSize).Error
}

// rowsChanged turns an UPDATE or DELETE that touched no row into
// ErrNotFound: the row was deleted meanwhile, in another window or by a
// script.
func rowsChanged(res *gorm.DB, what string) error {
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("the %s was %w (it may have been deleted in another window)", what, ErrNotFound)
	}
	return nil
}

// deleteRow deletes one row by ID.
func (s *Store) deleteRow(model any, id uint, what string) error {
	err := s.write(func(tx *gorm.DB) error { return rowsChanged(tx.Delete(model, id), what) })
	if err != nil {
		return fmt.Errorf("deleting the %s: %w", what, err)
	}
	return nil
}
