package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/store"
)

var fixedNow = func() time.Time { return time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC) }

func exportOf(t *testing.T, st *store.Store) []byte {
	t.Helper()
	data, err := ExportDocument(st)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestADamagedFileOpensAsARecoveryThatRestoresTheNewestBackup: the window
// is given a recovery, not an error, and restoring it brings back the
// backup's data while the damaged file is kept byte for byte.
func TestADamagedFileOpensAsARecoveryThatRestoresTheNewestBackup(t *testing.T) {
	dir := t.TempDir()
	loc := store.Location{Path: filepath.Join(dir, "studyplanner.db")}
	st, err := Open(loc, BuiltIn, fixedNow(), "en_GB")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.LogSession(plan.Session{Date: fixedNow(), Minutes: 30}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.NewBackup(fixedNow()); err != nil {
		t.Fatal(err)
	}
	want := exportOf(t, st)
	st.Close()
	for _, side := range []string{"", "-wal", "-shm"} {
		os.Remove(loc.Path + side)
	}
	garbage := bytes.Repeat([]byte("garbage "), 100)
	os.WriteFile(loc.Path, garbage, 0o600)

	start, err := OpenForWindow(loc, BuiltIn, fixedNow, "en_GB")
	if err != nil {
		t.Fatalf("OpenForWindow = %v, want a recovery", err)
	}
	defer start.Close()
	if start.Store != nil || start.Recovery == nil {
		t.Fatal("the window got a store for a damaged file")
	}
	if !strings.Contains(start.Recovery.Problem().Error(), "not an SQLite database") {
		t.Errorf("problem = %v", start.Recovery.Problem())
	}
	restored, aside, err := start.Recovery.Restore(start.Recovery.Backups()[0])
	if err != nil {
		t.Fatal(err)
	}
	if kept, _ := os.ReadFile(aside); !bytes.Equal(kept, garbage) {
		t.Error("the damaged file was not kept byte for byte")
	}
	if got := exportOf(t, restored); !bytes.Equal(got, want) {
		t.Error("the restored data differs from the backup")
	}
}
