package cli

import (
	"fmt"

	"github.com/studyplanner/studyplanner/internal/store"
)

// Recovery is what the window offers when the database could not be
// opened: the reason, the backups, and the two ways on. Either way the
// damaged file is first moved aside under a new name, never deleted.
type Recovery struct {
	problem *store.DamagedError
	backups []store.Backup

	env    Env
	db     *dbFlag
	opened *store.Store
}

func newRecovery(env Env, db *dbFlag, problem *store.DamagedError) *Recovery {
	backups, _ := store.Backups(problem.Path, env.Now())
	return &Recovery{problem: problem, backups: backups, env: env, db: db}
}

// Problem says why the database could not be opened.
func (r *Recovery) Problem() error { return r.problem }

// Backups lists the backups there are to restore, newest first.
func (r *Recovery) Backups() []store.Backup { return r.backups }

// StartAfresh moves the damaged file aside and opens a new database with
// the default roadmap. It returns the new store and where the old file went.
func (r *Recovery) StartAfresh() (*store.Store, string, error) {
	aside, err := store.MoveAside(r.problem.Path, r.env.Now())
	if err != nil {
		return nil, "", err
	}
	st, err := openSeeded(r.env, r.db)
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
	if _, err := st.RestoreFrom(backup.Path, r.env.Now()); err != nil {
		return st, aside, fmt.Errorf("restoring %s: %w", backup.Path, err)
	}
	return st, aside, nil
}

func (r *Recovery) close() {
	if r.opened != nil {
		r.opened.Close()
	}
}
