package app

import (
	"fmt"
	"time"

	"github.com/studyplanner/studyplanner/internal/store"
)

// Recovery is what can be done when the database could not be opened: the
// reason, the backups, and the two ways on. Either way the damaged file is
// first moved aside under a new name, never deleted.
type Recovery struct {
	problem *store.DamagedError
	backups []store.Backup

	loc     store.Location
	content Content
	now     func() time.Time
	locale  string
	opened  *store.Store
}

func newRecovery(loc store.Location, content Content, now func() time.Time, locale string, problem *store.DamagedError) *Recovery {
	backups, _ := store.Backups(problem.Path, now())
	return &Recovery{problem: problem, backups: backups, loc: loc, content: content, now: now, locale: locale}
}

// Problem says why the database could not be opened.
func (r *Recovery) Problem() error { return r.problem }

// Backups lists the backups there are to restore, newest first.
func (r *Recovery) Backups() []store.Backup { return r.backups }

// StartAfresh moves the damaged file aside and opens a new database with
// the default roadmap. It returns the new store and where the old file went.
func (r *Recovery) StartAfresh() (*store.Store, string, error) {
	aside, err := store.MoveAside(r.problem.Path, r.now())
	if err != nil {
		return nil, "", err
	}
	st, err := Open(r.loc, r.content, r.now(), r.locale)
	if err != nil {
		return nil, aside, err
	}
	r.opened = st
	return st, aside, nil
}

// Restore moves the damaged file aside and restores backup into a new
// database in its place.
func (r *Recovery) Restore(backup store.Backup) (*store.Store, string, error) {
	st, aside, err := r.StartAfresh()
	if err != nil {
		return nil, aside, err
	}
	if _, err := st.RestoreFrom(backup.Path, r.now()); err != nil {
		return st, aside, fmt.Errorf("restoring %s: %w", backup.Path, err)
	}
	return st, aside, nil
}

func (r *Recovery) close() {
	if r.opened != nil {
		r.opened.Close()
	}
}
