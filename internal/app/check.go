package app

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/studyplanner/studyplanner/internal/store"
)

// Checker is what a check of the whole data reads.
type Checker interface {
	Check(level store.CheckLevel) (store.Health, error)
	ReadOnly() bool
}

// DataChecker is what checking the data on demand needs: the check, and
// working the running totals out again when they are out of step.
type DataChecker interface {
	Checker
	RebuildTotals() error
}

// DataCheck is what checking the data found.
type DataCheck struct {
	store.Health
	// TotalsRebuilt says the time totals per skill and step disagreed with
	// the sessions and were worked out again from them: nothing was lost.
	TotalsRebuilt bool
	Took          time.Duration
}

// ErrTotalsOutOfStep says the time totals per skill and step disagree with
// the sessions on a database that cannot be written, so they could not be
// worked out again.
var ErrTotalsOutOfStep = errors.New("the time logged per skill and step, as the database keeps it, disagrees with the sessions; " +
	"they could not be worked out again because the file can only be read: copy it to a folder you can write to and check it there")

// CheckData reads the whole database for damage, as Settings ▸ Check data
// and "studyplanner check" do: SQLite's integrity check of every page and
// index, the foreign keys, and the running totals against the sessions
// (worked out again when they disagree, which loses nothing). It takes
// time in proportion to the data: run it off the window's thread. Damage
// found comes back as the error, a *store.DamageFoundError in words; the
// DataCheck says what was read either way.
func CheckData(st DataChecker) (DataCheck, error) {
	began := time.Now()
	h, err := st.Check(store.FullCheck)
	if err != nil {
		return DataCheck{}, err
	}
	c := DataCheck{Health: h}
	if h.TotalsOff && len(h.Damage) == 0 {
		if st.ReadOnly() {
			c.Took = time.Since(began)
			return c, ErrTotalsOutOfStep
		}
		if err := st.RebuildTotals(); err != nil {
			return c, err
		}
		c.TotalsOff, c.TotalsRebuilt = false, true
	}
	c.Took = time.Since(began)
	return c, h.Err()
}

// BackupTaker is what the daily backup needs.
type BackupTaker interface {
	Checker
	Path() string
	NewBackup(now time.Time) (store.Backup, error)
}

// dailyBackup keeps two calls in one process (the window's, and the
// command line's fallback) from making two backups of one day.
var dailyBackup sync.Mutex

// DailyBackup makes the day's automatic backup when one is due (none
// younger than store.BackupEvery): it returns the backup made, or a zero
// Backup when none was due or the data is read-only. It reads the whole
// file twice, to check it (SQLite's quick check, which opening runs only
// after an unclean end) and to copy it, so the window calls it on a
// goroutine once its figures are drawn, never before they are. A damaged
// file is not backed up, so that the backups from before the damage are
// not pruned. Its error, in words, is told to the learner; it is not fatal.
func DailyBackup(st BackupTaker, now time.Time) (store.Backup, error) {
	dailyBackup.Lock()
	defer dailyBackup.Unlock()
	if st.ReadOnly() {
		return store.Backup{}, nil
	}
	due, err := store.BackupDue(st.Path(), now)
	if err != nil {
		return store.Backup{}, fmt.Errorf("the daily backup failed: %w", err)
	}
	if !due {
		return store.Backup{}, nil
	}
	h, err := st.Check(store.QuickCheck)
	if err == nil {
		err = h.Err()
	}
	if err != nil {
		return store.Backup{}, fmt.Errorf("the daily backup was not made, so that the backups from before are kept: %w", err)
	}
	b, err := st.NewBackup(now)
	if err != nil {
		return store.Backup{}, fmt.Errorf("the daily backup failed: %w", err)
	}
	return b, nil
}
