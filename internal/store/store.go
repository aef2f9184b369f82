// Package store keeps the learner's data in an SQLite file through GORM. It
// owns the schema, its migrations and every transaction; callers see only
// the domain types of package plan and salary and the snapshot document.
package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// Errors callers can tell apart.
var (
	ErrNotFound    = errors.New("not found")
	ErrNewerSchema = errors.New("this database was written by a newer version of Study Planner")
)

// Store is an open database.
type Store struct {
	db   *gorm.DB
	path string
}

// busyTimeout is how long a write waits for another process (a second
// window, or a script running a subcommand) before giving up.
const busyTimeout = 10 * time.Second

// Open opens or creates the database at path and brings its schema up to
// date. It does not add any content; see Seed.
func Open(path string) (*Store, error) {
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("the database path %q contains '?' or '#'; choose a path without them", path)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("creating the data folder %s: %w", dir, err)
		}
	}
	existed, err := inspect(path)
	if err != nil {
		return nil, err
	}
	// Every transaction begins IMMEDIATE, taking the write lock up front:
	// two processes then queue on the busy timeout instead of failing when
	// a read inside a transaction is upgraded to a write. The journal mode
	// is set only after the file has passed its checks, because setting it
	// writes to the file.
	dsn := path + "?_txlock=immediate" +
		"&_pragma=foreign_keys(1)" +
		"&_pragma=synchronous(FULL)" + // a reported save survives power loss
		fmt.Sprintf("&_pragma=busy_timeout(%d)", busyTimeout.Milliseconds())
	db, err := gorm.Open(sqlite.Open(dsn), &gorm.Config{
		Logger:                 logger.Default.LogMode(logger.Silent),
		SkipDefaultTransaction: true, // our writes choose their own transactions
	})
	if err != nil {
		return nil, openError(path, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	// One connection: SQLite allows one writer at a time anyway, and a
	// single connection keeps this process's writes from competing.
	sqlDB.SetMaxOpenConns(1)
	if err := sqlDB.Ping(); err != nil {
		sqlDB.Close()
		return nil, openError(path, err)
	}
	if existed {
		if err := checkContents(db, path); err != nil {
			sqlDB.Close()
			return nil, err
		}
	}
	if err := db.Exec("PRAGMA journal_mode = WAL").Error; err != nil {
		sqlDB.Close()
		return nil, openError(path, err)
	}
	if err := migrate(db); err != nil {
		sqlDB.Close()
		if errors.Is(err, ErrNewerSchema) {
			return nil, fmt.Errorf("%s: %w; update Study Planner to open it", path, err)
		}
		return nil, openError(path, err)
	}
	return &Store{db: db, path: path}, nil
}

func openError(path string, err error) error {
	msg := err.Error()
	if strings.Contains(msg, "not a database") || strings.Contains(msg, "malformed") || strings.Contains(msg, "corrupt") {
		return &DamagedError{path, "SQLite reports it damaged (" + msg + ")"}
	}
	return fmt.Errorf("opening the database %s: %w", path, err)
}

// checkContents reads an existing file before anything is written to it:
// SQLite's quick check must pass, and a database with tables must be ours.
func checkContents(db *gorm.DB, path string) error {
	var results []string
	if err := db.Raw("PRAGMA quick_check").Scan(&results).Error; err != nil {
		return openError(path, err)
	}
	if len(results) != 1 || results[0] != "ok" {
		reason := strings.Join(results, "; ")
		if len(reason) > 200 {
			reason = reason[:200] + "…"
		}
		return &DamagedError{path, "SQLite's integrity check fails (" + reason + ")"}
	}
	var tables, ours int64
	if err := db.Raw("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").Scan(&tables).Error; err != nil {
		return openError(path, err)
	}
	db.Raw("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").Scan(&ours)
	if tables > 0 && ours == 0 {
		return &DamagedError{path, "it is a database of another application (it has no Study Planner tables)"}
	}
	return nil
}

// Close releases the database.
func (s *Store) Close() error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

const seededKey = "seeded_at"

// Seed fills a new database with the default content, starting the plan on
// today: doc gives the plan settings and salaries, and the default pack the
// roadmap and skills. It does so once in the database's life: a learner who
// deletes the defaults does not get them back on the next start. It reports
// whether it seeded.
func (s *Store) Seed(doc snapshot.Document, pack snapshot.Pack, today time.Time) (bool, error) {
	if err := doc.Validate(); err != nil {
		return false, fmt.Errorf("the default content is invalid: %w", err)
	}
	if err := pack.Validate(); err != nil {
		return false, fmt.Errorf("the default roadmap pack is invalid: %w", err)
	}
	seeded := false
	err := s.db.Transaction(func(tx *gorm.DB) error {
		done, err := hasMeta(tx, seededKey)
		if err != nil {
			return err
		}
		if done {
			return fillReferenceData(tx, doc)
		}
		if err := insertDocument(tx, doc, today); err != nil {
			return err
		}
		if _, err := mergePack(tx, pack); err != nil {
			return err
		}
		seeded = true
		if err := markMeta(tx, referenceDataKey); err != nil {
			return err
		}
		return markSeeded(tx)
	})
	if err != nil {
		return false, fmt.Errorf("adding the default roadmap: %w", err)
	}
	return seeded, nil
}

func markSeeded(tx *gorm.DB) error { return markMeta(tx, seededKey) }

// referenceDataKey records that the default exchange rates and purchasing
// power factors were given, so a database made before they existed gets
// them once, and a learner who deletes one does not see it come back.
const referenceDataKey = "reference_data_at"

func markMeta(tx *gorm.DB, key string) error {
	return tx.Save(&metaRow{Key: key, Value: time.Now().UTC().Format(time.RFC3339)}).Error
}

func hasMeta(tx *gorm.DB, key string) (bool, error) {
	var n int64
	err := tx.Model(&metaRow{}).Where("key = ?", key).Count(&n).Error
	return n > 0, err
}

// fillReferenceData gives an older database the default rates and factors,
// once.
func fillReferenceData(tx *gorm.DB, doc snapshot.Document) error {
	done, err := hasMeta(tx, referenceDataKey)
	if err != nil || done {
		return err
	}
	if err := insertReferenceData(tx, doc); err != nil {
		return err
	}
	return markMeta(tx, referenceDataKey)
}

// Plan loads the settings, the roadmap and the skills together.
func (s *Store) Plan() (plan.Plan, error) {
	var p plan.Plan
	err := s.read(func(tx *gorm.DB) error {
		var err error
		if p.Settings, err = settings(tx); err != nil {
			return err
		}
		if p.Steps, err = roadmap(tx); err != nil {
			return err
		}
		p.Categories, err = categories(tx)
		return err
	})
	if err != nil {
		return plan.Plan{}, fmt.Errorf("loading the plan: %w", err)
	}
	return p, nil
}

// Settings loads the plan settings; a database without any gets the
// defaults, starting today.
func (s *Store) Settings() (plan.Settings, error) {
	st, err := settings(s.db)
	if err != nil {
		return plan.Settings{}, fmt.Errorf("loading the plan settings: %w", err)
	}
	return st, nil
}

func settings(db *gorm.DB) (plan.Settings, error) {
	var rows []planSettingsRow
	if err := db.Limit(1).Find(&rows).Error; err != nil {
		return plan.Settings{}, err
	}
	if len(rows) == 0 {
		return plan.DefaultSettings(time.Now(), time.Monday), nil
	}
	r := rows[0]
	start, err := time.Parse(snapshot.DateLayout, r.StartDate)
	if err != nil {
		return plan.Settings{}, fmt.Errorf("the stored start date %q is not a date: %w", r.StartDate, err)
	}
	days, err := plan.ParseStudyDays(strings.Split(r.StudyDays, ","))
	if err != nil {
		return plan.Settings{}, fmt.Errorf("the stored study days: %w", err)
	}
	var off []dayOffRow
	if err := db.Order("date").Find(&off).Error; err != nil {
		return plan.Settings{}, err
	}
	st := plan.Settings{StartDate: start, HorizonMonths: r.HorizonMonths, HoursPerWeek: r.HoursPerWeek, StudyDays: days,
		WeekStart: time.Weekday(r.WeekStart), MinStreakMinutes: r.MinStreakMinutes}
	for _, o := range off {
		st.DaysOff = append(st.DaysOff, plan.DayOff{Date: parseDate(o.Date), Note: o.Note})
	}
	return st, nil
}

// SaveSettings stores new plan settings, days off included, after checking
// them.
func (s *Store) SaveSettings(st plan.Settings) error {
	if err := st.Validate(); err != nil {
		return err
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := saveSettings(tx, st); err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM days_off").Error; err != nil {
			return err
		}
		return insertDaysOff(tx, st.DaysOff)
	})
	if err != nil {
		return fmt.Errorf("saving the plan settings: %w", err)
	}
	return nil
}

// saveSettings writes the plan's columns of the settings row, creating it
// if needed, and leaves the salary comparison's columns as they are.
func saveSettings(tx *gorm.DB, st plan.Settings) error {
	return tx.Exec(`INSERT INTO plan_settings (id, start_date, horizon_months, hours_per_week, study_days, week_start, min_streak_minutes)
		VALUES (1, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET start_date = excluded.start_date, horizon_months = excluded.horizon_months,
			hours_per_week = excluded.hours_per_week, study_days = excluded.study_days,
			week_start = excluded.week_start, min_streak_minutes = excluded.min_streak_minutes`,
		st.StartDate.Format(snapshot.DateLayout), st.HorizonMonths, st.HoursPerWeek,
		strings.Join(plan.FormatStudyDays(st.StudyDays), ","), int(st.WeekStart), st.MinStreakMinutes).Error
}

func insertDaysOff(tx *gorm.DB, days []plan.DayOff) error {
	for _, d := range days {
		err := tx.Exec(`INSERT INTO days_off (date, note) VALUES (?, ?) ON CONFLICT (date) DO UPDATE SET note = excluded.note`,
			formatDate(plan.Date(d.Date)), d.Note).Error
		if err != nil {
			return err
		}
	}
	return nil
}

// AddDaysOff adds days off to the plan, keeping those already there, in one
// transaction; a day already off takes the new note.
func (s *Store) AddDaysOff(days []plan.DayOff) error {
	for _, d := range days {
		if d.Date.IsZero() {
			return errors.New("a day off needs a date")
		}
		if err := plan.ValidateLength("note", d.Note, plan.MaxNameLen); err != nil {
			return err
		}
	}
	if err := s.db.Transaction(func(tx *gorm.DB) error { return insertDaysOff(tx, days) }); err != nil {
		return fmt.Errorf("adding days off: %w", err)
	}
	return nil
}

func (s *Store) update(model any, id uint, column string, value any, what string) error {
	res := s.db.Model(model).Where("id = ?", id).Update(column, value)
	if res.Error != nil {
		return fmt.Errorf("saving the %s: %w", what, res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("saving the %s: %w (it may have been deleted in another window)", what, ErrNotFound)
	}
	return nil
}

// read runs fn in a deferred (read) transaction: a consistent snapshot of
// several tables that does not hold the write lock.
func (s *Store) read(fn func(tx *gorm.DB) error) error {
	return s.db.Transaction(fn, &sql.TxOptions{ReadOnly: true})
}
