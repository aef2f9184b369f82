// Package store keeps the learner's data through GORM, in an SQLite file
// or in the learner's schema on a PostgreSQL server. It owns the schema,
// its migrations (for both engines, dialect.go) and every transaction;
// callers see only the domain types (plan, salary, jobsearch, practice,
// resume) and the snapshot document.
package store

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"gorm.io/gorm"

	"github.com/jackc/pgx/v5"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// Store is an open database, or a view of it whose reads share one
// snapshot (see Snapshot).
type Store struct {
	*opened
	// db is the connection pool; in a view, its read transaction.
	db *gorm.DB
	// view says this Store is a Snapshot's: it reads in its transaction
	// and cannot write.
	view bool
}

// opened is what an open database's views share with it.
type opened struct {
	path     string
	readOnly bool
	// schema is the file's schema version: SchemaVersion(), unless a
	// read-only file from an older version could not be migrated.
	schema   int
	pageSize int64
	// release ends this process's hold on the file (see hold).
	release func()
	// maxBytes is snapshot.MaxDataBytes; tests lower it.
	maxBytes int64

	// idle folds the write-ahead log into the file once writes pause.
	idle   *time.Timer
	idleMu sync.Mutex
	closed bool

	// writes counts this process's committed writes, for Fingerprint.
	writes atomic.Uint64

	// server says the data is in a schema on a PostgreSQL server
	// (server.go), learner's; path is then the server's URL without the
	// password.
	server       bool
	learner      string
	serverConfig *pgx.ConnConfig
	// instance tells this store's notifications from other devices'.
	instance string
	// external counts the changes Watch saw other programs make.
	external atomic.Uint64
	// now is the clock the rules that need today use (a job application
	// is never dated after it); nil is time.Now. See SetClock.
	now func() time.Time
}

// SetClock sets the clock the store's date rules use: the command line's
// and the window's injected clock, so tests and both agree on today.
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// today is the date the store's rules take as today.
func (s *Store) today() time.Time {
	if s.now == nil {
		return time.Now()
	}
	return s.now()
}

// Fingerprint changes whenever the data may have changed: a write by this
// process, or one by another (a script, a second window), which grows or
// touches the write-ahead log or the file. A screen shown again with the
// same fingerprint on the same day has nothing new to read.
func (s *Store) Fingerprint() string {
	if s.server {
		return s.serverFingerprint()
	}
	fp := fmt.Sprint(s.writes.Load(), "|", s.external.Load())
	for _, p := range []string{s.path, s.path + "-wal"} {
		if info, err := os.Stat(p); err == nil {
			fp += fmt.Sprintf("|%d|%d", info.Size(), info.ModTime().UnixNano())
		}
	}
	return fp
}

// IdleCheckpoint is how long after the last write the write-ahead log is
// folded into the database file. While the app runs, SQLite keeps new
// writes in the -wal file beside the database; a copy of the .db alone
// (the one file the README promises) would miss them. Folded in when the
// learner pauses, the file is whole whenever they are not mid-save.
const IdleCheckpoint = 2 * time.Second

// Checkpoint folds the write-ahead log into the database file and empties
// the log. Another connection reading at that moment keeps what it needs
// and the rest is folded in next time, so a busy database is not an error
// here.
func (s *Store) Checkpoint() error {
	if s.readOnly || s.server {
		return nil
	}
	var busy, logPages, folded int
	if err := s.db.Raw("PRAGMA wal_checkpoint(TRUNCATE)").Row().Scan(&busy, &logPages, &folded); err != nil {
		return fmt.Errorf("writing the changes into the database file: %w", explain(err))
	}
	return nil
}

// foldWhenIdle (re)starts the idle timer after a write.
func (s *Store) foldWhenIdle() {
	s.idleMu.Lock()
	defer s.idleMu.Unlock()
	if s.closed || s.server {
		return
	}
	if s.idle == nil {
		s.idle = time.AfterFunc(IdleCheckpoint, func() { _ = s.Checkpoint() })
		return
	}
	s.idle.Reset(IdleCheckpoint)
}

// Close folds the write-ahead log into the file and releases the database.
func (s *Store) Close() error {
	s.idleMu.Lock()
	s.closed = true
	if s.idle != nil {
		s.idle.Stop()
	}
	s.idleMu.Unlock()
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	checkpointErr := s.Checkpoint()
	err = sqlDB.Close()
	if s.release != nil {
		s.release()
		s.release = nil
	}
	if err != nil {
		return err
	}
	return checkpointErr
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the database was opened read-only, because its
// disk or folder cannot be written.
func (s *Store) ReadOnly() bool { return s.readOnly }

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
	if s.readOnly {
		return false, nil // shown as it is; nothing can be added
	}
	seeded := false
	err := s.write(func(tx *gorm.DB) error {
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

// Seeded reports whether Seed has nothing left to do: the database had its
// content once, and the reference data too (a read-only one needs none).
// It reads two rows, without the write lock Seed takes, so that an
// ordinary start neither decodes the default content nor waits for
// another instance's write.
func (s *Store) Seeded() (bool, error) {
	if s.readOnly {
		return true, nil
	}
	var n int64
	err := s.db.Model(&metaRow{}).Where("key IN ?", []string{seededKey, referenceDataKey}).Count(&n).Error
	if err != nil {
		return false, fmt.Errorf("reading whether the data was given its content: %w", explain(err))
	}
	return n == 2, nil
}

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
		if p.Settings, err = settings(tx, s.schema); err != nil {
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

// welcomedKey records that the learner answered (or skipped) the welcome
// for this database. It lives in the file, not in the computer's
// preferences, so a new database gets the welcome even on a computer
// that has seen another, and a database moved to another computer does
// not ask again.
const welcomedKey = "welcomed_at"

// Welcomed reports whether the welcome was shown for this database.
func (s *Store) Welcomed() (bool, error) {
	var done bool
	err := s.read(func(tx *gorm.DB) error {
		var err error
		done, err = hasMeta(tx, welcomedKey)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("reading whether the welcome was shown: %w", explain(err))
	}
	return done, nil
}

// MarkWelcomed records that the welcome was shown for this database.
func (s *Store) MarkWelcomed() error {
	if err := s.write(func(tx *gorm.DB) error { return markMeta(tx, welcomedKey) }); err != nil {
		return fmt.Errorf("recording that the welcome was shown: %w", err)
	}
	return nil
}

// reviewShownKey records that the weekly review of the week from week was
// shown. It lives in the file, as the welcome's does, so a learner who
// studies on two computers is not shown the same week twice.
func reviewShownKey(week time.Time) string { return "review_shown:" + formatDate(plan.Date(week)) }

// ReviewShown reports whether the review of the week from week was shown.
func (s *Store) ReviewShown(week time.Time) (bool, error) {
	var done bool
	err := s.read(func(tx *gorm.DB) error {
		var err error
		done, err = hasMeta(tx, reviewShownKey(week))
		return err
	})
	if err != nil {
		return false, fmt.Errorf("reading whether the weekly review was shown: %w", explain(err))
	}
	return done, nil
}

// MarkReviewShown records that the review of the week from week was shown.
func (s *Store) MarkReviewShown(week time.Time) error {
	if err := s.write(func(tx *gorm.DB) error { return markMeta(tx, reviewShownKey(week)) }); err != nil {
		return fmt.Errorf("recording that the weekly review was shown: %w", err)
	}
	return nil
}
