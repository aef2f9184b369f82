package app

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/studyplanner/studyplanner/internal/store"
)

// Offline is what the window can do when the server holding the data
// cannot be reached at start: try again, or open a local copy, read-only,
// of the newest backup this computer has of it.
type Offline struct {
	problem error
	backups []store.Backup

	loc     store.Location
	content Content
	now     func() time.Time
	locale  string
	copyDir string
	opened  *store.Store
}

func newOffline(loc store.Location, content Content, now func() time.Time, locale string, problem error) *Offline {
	backups, _ := store.Backups(loc.Path, now())
	return &Offline{problem: problem, backups: backups, loc: loc, content: content, now: now, locale: locale}
}

// Problem says why the data could not be opened.
func (o *Offline) Problem() error { return o.problem }

// Backups lists this computer's backups of the server's data, newest
// first.
func (o *Offline) Backups() []store.Backup { return o.backups }

// Retry tries to open the data on the server again.
func (o *Offline) Retry() (*store.Store, error) {
	st, err := Open(o.loc, o.content, o.now(), o.locale)
	if err != nil {
		return nil, err
	}
	o.opened = st
	return st, nil
}

// LocalCopy opens the newest backup read-only, in a temporary file: to
// look at the plan and the history until the server is back. Nothing
// can be saved in it.
func (o *Offline) LocalCopy() (*store.Store, error) {
	if len(o.backups) == 0 {
		return nil, fmt.Errorf("this computer has no backup of the data on the server yet")
	}
	doc, err := store.ReadBackup(o.backups[0].Path)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "studyplanner-local-copy-")
	if err != nil {
		return nil, err
	}
	o.copyDir = dir
	path := filepath.Join(dir, "local-copy.db")
	st, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	err = st.Import(doc)
	st.Close()
	if err != nil {
		return nil, err
	}
	ro, err := store.OpenReadOnly(path)
	if err != nil {
		return nil, err
	}
	o.opened = ro
	return ro, nil
}

func (o *Offline) close() {
	if o.opened != nil {
		o.opened.Close()
	}
	if o.copyDir != "" {
		os.RemoveAll(o.copyDir)
	}
}
