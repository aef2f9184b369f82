package store

import (
	"bytes"
	"database/sql"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/glebarez/go-sqlite"
)

// aGoodDatabase makes a real database with data, closed, as one file.
func aGoodDatabase(t *testing.T) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "good.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Import(sampleDocument()); err != nil {
		t.Fatal(err)
	}
	st.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	st.db.Exec("PRAGMA journal_mode = DELETE")
	st.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// pageOf finds where a table's root page starts in a database file, and
// the page size.
func pageOf(t *testing.T, data []byte, table string) (int, int) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "look.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var root, size int
	if err := db.QueryRow("SELECT rootpage FROM sqlite_master WHERE name = ?", table).Scan(&root); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow("PRAGMA page_size").Scan(&size); err != nil {
		t.Fatal(err)
	}
	return (root - 1) * size, size
}

func TestDamagedFilesAreRefusedAndLeftAlone(t *testing.T) {
	good := aGoodDatabase(t)
	random := make([]byte, 8192)
	rand.New(rand.NewSource(7)).Read(random)
	corrupted := append([]byte(nil), good...)
	// Scribble over a page past the header that opening reads: the
	// migrations table's (the middle of the file may be an empty table's
	// page, which nothing reads until it is used).
	first, size := pageOf(t, good, "schema_migrations")
	for i := first; i < first+size && i < len(corrupted); i++ {
		corrupted[i] = byte(i * 7)
	}
	tests := []struct {
		name, want string
		data       []byte
	}{
		{"random bytes", "not an SQLite database", random},
		{"a text file", "not an SQLite database", []byte("Shopping list:\n- milk\n- bread\n")},
		{"an empty file", "empty", []byte{}},
		{"a truncated database", "cut short", good[:len(good)/2+100]},
		{"a database cut inside its header", "cut short", good[:60]},
		{"a corrupted database", "", corrupted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "studyplanner.db")
			if err := os.WriteFile(path, tt.data, 0o600); err != nil {
				t.Fatal(err)
			}
			st, err := Open(path)
			if err == nil {
				st.Close()
				t.Fatal("Open accepted it")
			}
			var damaged *DamagedError
			if !errors.As(err, &damaged) {
				t.Fatalf("Open = %v, want a DamagedError", err)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "Nothing was written") {
				t.Errorf("message %q does not say %q and that nothing was written", err, tt.want)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, tt.data) {
				t.Error("the file's bytes changed")
			}
			for _, side := range []string{"-wal", "-journal"} {
				if info, err := os.Stat(path + side); err == nil && info.Size() > 0 {
					t.Errorf("%s appeared with %d bytes", side, info.Size())
				}
			}
		})
	}
}

func TestAGoodDatabaseStillOpens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ok.db")
	if err := os.WriteFile(path, aGoodDatabase(t), 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := Open(path)
	if err != nil {
		t.Fatalf("a good database was refused: %v", err)
	}
	defer st.Close()
	if steps, _ := st.Roadmap(); len(steps) != 2 {
		t.Errorf("%d steps", len(steps))
	}
}
