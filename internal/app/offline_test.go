package app

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/studyplanner/studyplanner/internal/dataset"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
)

// TestAnUnreachableServerOffersRetryAndALocalCopy: the window's start on
// a server that does not answer is not an error but an Offline, which
// tries again and opens the newest local backup read-only.
func TestAnUnreachableServerOffersRetryAndALocalCopy(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	loc := store.Location{Path: "postgres://ana@/study?host=" + t.TempDir() + "&connect_timeout=2"}
	start, err := OpenForWindow(loc, BuiltIn, fixedNow, "en_GB")
	if err != nil || start.Offline == nil || start.Store != nil {
		t.Fatalf("start = %+v, %v; want an Offline", start, err)
	}
	defer start.Close()
	o := start.Offline
	if !strings.Contains(o.Problem().Error(), "cannot reach the database server") {
		t.Errorf("problem: %v", o.Problem())
	}
	if _, err := o.LocalCopy(); err == nil || !strings.Contains(err.Error(), "no backup") {
		t.Errorf("a local copy with no backup: %v", err)
	}
	if _, err := o.Retry(); !errors.Is(err, store.ErrServerUnreachable) {
		t.Errorf("retry: %v", err)
	}

	// This computer's backup of the server's data, as the daily backup
	// leaves it.
	doc := dataset.Large(1, fixedNow())
	dir := store.BackupDir(loc.Path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := snapshot.Encode(&buf, doc); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "studyplanner-20261124-090000.json"), buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	o = newOffline(loc, BuiltIn, fixedNow, "en_GB", o.Problem())
	defer o.close()
	st, err := o.LocalCopy()
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.Counts()
	if err != nil {
		t.Fatal(err)
	}
	if want := store.DocumentCounts(doc); got != want {
		t.Errorf("the local copy holds %s, the backup %s", got, want)
	}
	if !st.ReadOnly() {
		t.Error("the local copy can be written")
	}
	if _, err := st.LogSession(plan.Session{Date: fixedNow(), Minutes: 10}); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("a save into the local copy: %v", err)
	}
}
