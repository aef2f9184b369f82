package store

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/dataset"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

func encoded(t *testing.T, st *Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	must(t, snapshot.Encode(&buf, mustExport(t, st)))
	return buf.Bytes()
}

// TestTheSixteenfoldHistoryRoundTrips: eighty years of the sample
// learner's study (dataset.Copied ×16: 142,512 sessions, more than twenty
// years of heavy use, see plan.MaxSessions) is stored, exported, imported
// into a new file and exported again identically, and restored from a
// backup into a third file, identically too. It takes about 15 seconds on
// the build machine (docs/performance.md), so -short leaves it out; make
// test and CI, which run without -short, run it.
func TestTheSixteenfoldHistoryRoundTrips(t *testing.T) {
	if testing.Short() {
		t.Skip("stores 142,512 sessions three times (about 15 s): not in -short")
	}
	began := time.Now()
	dir := t.TempDir()
	doc := dataset.Copied(1, today, 16)
	first, err := Open(filepath.Join(dir, "first.db"))
	must(t, err)
	defer first.Close()
	must(t, first.Import(doc))
	want := encoded(t, first)
	if c, _ := first.Counts(); c.Sessions != 142_512 {
		t.Fatalf("%d sessions stored, want 142,512", c.Sessions)
	}
	totalsMatch(t, first, "importing the ×16 history")

	decoded, err := snapshot.Decode(bytes.NewReader(want))
	must(t, err)
	second, err := Open(filepath.Join(dir, "second.db"))
	must(t, err)
	defer second.Close()
	must(t, second.Import(decoded))
	if got := encoded(t, second); !bytes.Equal(got, want) {
		t.Errorf("export → import into a new file → export differs (%d bytes, then %d)", len(want), len(got))
	}

	backup := filepath.Join(dir, "backup.db")
	must(t, first.BackupTo(backup))
	third, err := Open(filepath.Join(dir, "third.db"))
	must(t, err)
	defer third.Close()
	if _, err := third.RestoreFrom(backup, today); err != nil {
		t.Fatalf("restoring the ×16 backup: %v", err)
	}
	if got := encoded(t, third); !bytes.Equal(got, want) {
		t.Error("the restored ×16 history exports differently")
	}
	t.Logf("the ×16 round trips took %s; the export is %.1f MB", time.Since(began).Round(100*time.Millisecond), float64(len(want))/1e6)
}
