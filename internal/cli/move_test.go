package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

// TestMoveToAServerAndBackGivesTheSameExport: a learner's file moved to a
// server, then from the server to a new file, exports the same document
// at every step; each move leaves its source as it was and points this
// computer at the copy; no password is kept.
func TestMoveToAServerAndBackGivesTheSameExport(t *testing.T) {
	server := storetest.Server(t)
	withPassword := strings.Replace(server, "postgres://postgres@", "postgres://postgres:not-kept@", 1)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	run(t, "", "--db", a, "log", "--skill", "Go", "--minutes", "45", "--date", "2026-11-20", "--note", "before the move")
	run(t, "", "--db", a, "plan", "--hours-per-week", "7.5")
	before := run(t, "", "--db", a, "export").stdout

	r := run(t, "", "--db", a, "move", "--to", withPassword)
	if r.code != 0 || !strings.Contains(r.stdout, "Moved 5 steps") || !strings.Contains(r.stdout, "password in the address was not kept") {
		t.Fatalf("move to the server: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	remembered, err := store.Remembered()
	if err != nil || !store.IsServerURL(remembered) || strings.Contains(remembered, "not-kept") {
		t.Fatalf("this computer points at %q (%v); want the server, without its password", remembered, err)
	}
	data, _ := store.DataDir()
	if raw, _ := os.ReadFile(filepath.Join(data, store.LocationFile)); strings.Contains(string(raw), "not-kept") {
		t.Fatal("the password was written to disk")
	}
	if got := run(t, "", "export"); got.code != 0 || got.stdout != before {
		t.Fatalf("the server's export differs from the file's (exit %d, %s)", got.code, got.stderr)
	}
	if got := run(t, "", "--db", a, "export").stdout; got != before {
		t.Error("moving changed the source")
	}

	// Back to a new file, from wherever this computer points now.
	r = run(t, "", "move", "--to", b)
	if r.code != 0 {
		t.Fatalf("move back to a file: exit %d, %s", r.code, r.stderr)
	}
	if got := run(t, "", "export").stdout; got != before {
		t.Error("file → server → file does not give the same export")
	}
	if got := run(t, "", "--db", server, "export").stdout; got != before {
		t.Error("moving back changed the server's copy")
	}

	// The server's schema holds data now: a second move there is refused
	// and changes nothing.
	run(t, "", "--db", b, "log", "--skill", "Go", "--minutes", "20", "--date", "2026-11-21")
	r = run(t, "", "--db", b, "move", "--to", server)
	if r.code == 0 || !strings.Contains(r.stderr, "already holds data") {
		t.Errorf("a move onto data: exit %d, %s", r.code, r.stderr)
	}
	if got := run(t, "", "--db", server, "export").stdout; got != before {
		t.Error("a refused move changed the destination")
	}
	if r := run(t, "", "--db", server, "move", "--to", server); r.code == 0 || !strings.Contains(r.stderr, "already there") {
		t.Errorf("a move onto itself: exit %d, %s", r.code, r.stderr)
	}
	if r := run(t, "", "--db", b, "move"); r.code != 2 || !strings.Contains(r.stderr, "--to") {
		t.Errorf("move without --to: exit %d, %s", r.code, r.stderr)
	}
}
