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

	"github.com/studyplanner/studyplanner/internal/store"
)

type fakeOffline struct {
	t       *testing.T
	backups []store.Backup
	reached bool
}

func (f *fakeOffline) Problem() error {
	return errors.New("cannot reach the database server of postgres://ana@db/study?learner=ana: it may be down")
}
func (f *fakeOffline) Backups() []store.Backup { return f.backups }
func (f *fakeOffline) Retry() (*store.Store, error) {
	if !f.reached {
		return nil, store.ErrServerUnreachable
	}
	return f.open(), nil
}
func (f *fakeOffline) LocalCopy() (*store.Store, error) { return f.open(), nil }
func (f *fakeOffline) open() *store.Store {
	st, err := store.Open(filepath.Join(f.t.TempDir(), "copy.db"))
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(func() { st.Close() })
	st.Import(fixture())
	return st
}

func labelTextsOf(o fyne.CanvasObject) string {
	var out []string
	visible(o, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	})
	return strings.Join(out, "\n")
}

// TestAnUnreachableServerOpensAWindowThatSaysSo: the window opens, says
// in words that the server cannot be reached, keeps trying when asked,
// and opens a local copy of the newest backup.
func TestAnUnreachableServerOpensAWindowThatSaysSo(t *testing.T) {
	a := test.NewTempApp(t)
	f := &fakeOffline{t: t, backups: []store.Backup{{Path: "/b/studyplanner-20261124-090000.json", Time: time.Now().Add(-20 * time.Hour)}}}
	w := showOffline(a, f, func(st *store.Store) *MainWindow { return NewMainWindow(a, st, noPack) })
	text := labelTextsOf(w.Content())
	if !strings.Contains(text, "Cannot reach the database server") || !strings.Contains(text, "20 hours ago") {
		t.Errorf("the window says:\n%s", text)
	}
	test.Tap(w.retry)
	if w.Main != nil || !w.problem.Visible() || !strings.Contains(w.problem.Text, "No answer from the server") {
		t.Errorf("a failed retry: main %v, problem %q", w.Main, w.problem.Text)
	}
	test.Tap(w.local)
	if w.Main == nil {
		t.Fatal("the local copy did not open")
	}

	// No backup: no local copy to offer; a retry that reaches the server
	// opens the data.
	f = &fakeOffline{t: t}
	w = showOffline(a, f, func(st *store.Store) *MainWindow { return NewMainWindow(a, st, noPack) })
	if !w.local.Disabled() || !strings.Contains(labelTextsOf(w.Content()), "no backup") {
		t.Error("a local copy is offered with no backup")
	}
	f.reached = true
	test.Tap(w.retry)
	if w.Main == nil {
		t.Error("a retry that reached the server did not open the data")
	}
}
