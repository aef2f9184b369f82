package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/studyplanner/studyplanner/internal/store"
)

func TestTheWindowIsOfferedARecoveryForADamagedFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "studyplanner.db")
	// A good database with a backup, then the database is damaged.
	run(t, "", "--db", db, "log", "--skill", "Go", "--minutes", "30", "--date", "2026-11-20")
	if r := run(t, "", "--db", db, "backup"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	want := run(t, "", "--db", db, "export").stdout
	for _, side := range []string{"", "-wal", "-shm"} {
		os.Remove(db + side)
	}
	garbage := bytes.Repeat([]byte("garbage "), 100)
	os.WriteFile(db, garbage, 0o600)

	var got *Recovery
	var out, errOut bytes.Buffer
	code := Main(Env{Stdout: &out, Stderr: &errOut, Now: fixedNow, Locale: "en_GB", OpenWindow: func(st *store.Store, r *Recovery) error {
		if st != nil || r == nil {
			return errors.New("the window got a store for a damaged file")
		}
		got = r
		_, aside, err := r.Restore(r.Backups()[0])
		if err != nil {
			return err
		}
		if kept, _ := os.ReadFile(aside); !bytes.Equal(kept, garbage) {
			return errors.New("the damaged file was not kept byte for byte")
		}
		return nil
	}}, []string{"--db", db})
	if code != 0 || got == nil {
		t.Fatalf("exit %d, stderr %q", code, errOut.String())
	}
	if !strings.Contains(got.Problem().Error(), "not an SQLite database") {
		t.Errorf("problem = %v", got.Problem())
	}
	if after := run(t, "", "--db", db, "export").stdout; after != want {
		t.Error("the restored database differs from the backup")
	}
}
