package store

import (
	"bytes"
	"encoding/binary"
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

func TestDamagedFilesAreRefusedAndLeftAlone(t *testing.T) {
	good := aGoodDatabase(t)
	random := make([]byte, 8192)
	rand.New(rand.NewSource(7)).Read(random)
	corrupted := append([]byte(nil), good...)
	// Scribble over a page past the header that Open reads: the schema's
	// last page (page 1, an interior node once the schema outgrows it,
	// points to it). The middle of the file held it until the schema grew.
	start := len(corrupted) / 2
	if corrupted[100] == 0x05 {
		pageSize := int(binary.BigEndian.Uint16(corrupted[16:18]))
		start = (int(binary.BigEndian.Uint32(corrupted[108:112]))-1)*pageSize + 100
	}
	for i := start; i < start+3000 && i < len(corrupted); i++ {
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
