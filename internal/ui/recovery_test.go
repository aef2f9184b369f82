package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
)

type fakeRecovery struct {
	t        *testing.T
	backups  []store.Backup
	chose    string
	restored store.Backup
}

func (f *fakeRecovery) Problem() error {
	return &store.DamagedError{Path: "x.db", Reason: "it is not an SQLite database"}
}
func (f *fakeRecovery) Backups() []store.Backup { return f.backups }
func (f *fakeRecovery) open() *store.Store {
	st, err := store.Open(filepath.Join(f.t.TempDir(), "new.db"))
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(func() { st.Close() })
	st.Import(fixture())
	return st
}
func (f *fakeRecovery) StartAfresh() (*store.Store, string, error) {
	f.chose = "fresh"
	return f.open(), "x.db.damaged-1", nil
}
func (f *fakeRecovery) Restore(b store.Backup) (*store.Store, string, error) {
	f.chose, f.restored = "restore", b
	return f.open(), "x.db.damaged-1", nil
}

func noPack() (snapshot.Pack, error) { return snapshot.Pack{}, errors.New("none") }

func TestRecoveryOffersTheNewestBackup(t *testing.T) {
	a := test.NewTempApp(t)
	newest := store.Backup{Path: "/b/2.db", Time: time.Now().Add(-3 * time.Hour), Size: 4096}
	r := &fakeRecovery{t: t, backups: []store.Backup{newest, {Path: "/b/1.db", Time: time.Now().Add(-27 * time.Hour)}}}
	w := showRecovery(a, r, func(st *store.Store) *MainWindow { return NewMainWindow(a, st, noPack) })
	if !strings.HasPrefix(w.Title(), Title) {
		t.Errorf("title %q", w.Title())
	}
	said := false
	visible(w.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == "Study Planner could not open x.db: it is not an SQLite database. Nothing was written to it." {
			said = true
		}
	})
	if !said {
		t.Error("the window does not say plainly what is wrong")
	}
	test.Tap(w.restore)
	if r.chose != "restore" || r.restored.Path != "/b/2.db" {
		t.Errorf("chose %q with %+v, want the newest backup restored", r.chose, r.restored)
	}
	if w.Main == nil {
		t.Fatal("the main window did not open")
	}
	w.Main.Resize(fyne.NewSize(900, 700))
	if w.Main.Current() != 0 {
		t.Error("the main window does not show the dashboard")
	}
}

func TestRecoveryWithoutBackupsStartsAfresh(t *testing.T) {
	a := test.NewTempApp(t)
	r := &fakeRecovery{t: t}
	w := showRecovery(a, r, func(st *store.Store) *MainWindow { return NewMainWindow(a, st, noPack) })
	if !w.restore.Disabled() {
		t.Error("restore is offered without a backup")
	}
	test.Tap(w.fresh)
	if r.chose != "fresh" || w.Main == nil {
		t.Errorf("chose %q, main window %v", r.chose, w.Main)
	}
}
