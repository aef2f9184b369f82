package store

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/studyplanner/studyplanner/internal/dataset"
)

// holderDBEnv makes TestHelperHolder open the database it names, say
// "open", and keep it open until its standard input closes or it is
// killed: another instance of the app.
const holderDBEnv = "STUDYPLANNER_TEST_HOLDER_DB"

func TestHelperHolder(t *testing.T) {
	path := os.Getenv(holderDBEnv)
	if path == "" {
		t.Skip("runs only as the child process of the start-up check tests")
	}
	st, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	fmt.Println("open")
	bufio.NewReader(os.Stdin).ReadString('\n')
	st.Close()
	os.Exit(0)
}

// startHolder starts another process that has path open; kill ends it
// without closing, as a crash or a power cut would.
func startHolder(t *testing.T, path string) (kill func()) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHolder$")
	cmd.Env = append(os.Environ(), holderDBEnv+"="+path)
	stdin, err := cmd.StdinPipe()
	must(t, err)
	out, err := cmd.StdoutPipe()
	must(t, err)
	cmd.Stderr = os.Stderr
	must(t, cmd.Start())
	line, _ := bufio.NewReader(out).ReadString('\n')
	if strings.TrimSpace(line) != "open" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the other instance did not open the database: %q", line)
	}
	done := false
	kill = func() {
		if !done {
			done = true
			cmd.Process.Kill()
			cmd.Wait()
			stdin.Close()
		}
	}
	t.Cleanup(kill)
	return kill
}

// damagedInTheMiddle makes a database, closed cleanly, with one page in
// the middle of its data overwritten: damage that reading the header and
// the schema does not meet, and SQLite's checks do.
func damagedInTheMiddle(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "studyplanner.db")
	st, err := Open(path)
	must(t, err)
	must(t, st.Import(dataset.Large(1, today)))
	pageSize := st.pageSize
	must(t, st.Close())
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Fatal("a clean close left the -wal file")
	}
	data := fileBytes(t, path)
	page := int64(len(data)) / pageSize / 2
	for i := page * pageSize; i < (page+1)*pageSize; i++ {
		data[i] = 0xEE
	}
	must(t, os.WriteFile(path, data, 0o600))
	return path
}

func openFine(t *testing.T, path, when string) {
	t.Helper()
	st, err := Open(path)
	if err != nil {
		t.Fatalf("%s, Open = %v; want it opened after the cheap checks", when, err)
	}
	must(t, st.Close())
}

// TestACleanlyClosedFileIsNotReadWholeAtOpen: opening reads the header
// and the schema, so damage deep in the data is not met there; the checks
// on demand find it, in words.
func TestACleanlyClosedFileIsNotReadWholeAtOpen(t *testing.T) {
	path := damagedInTheMiddle(t)
	st, err := Open(path)
	if err != nil {
		t.Fatalf("Open = %v; the quick check ran at an ordinary open", err)
	}
	defer st.Close()
	for _, level := range []CheckLevel{QuickCheck, FullCheck} {
		h, err := st.Check(level)
		must(t, err)
		if h.Healthy() || len(h.Damage) == 0 || len(h.Damage) > maxProblems || h.Bytes == 0 {
			t.Errorf("check %d found %+v; want the damage, at most %d lines of it", level, h, maxProblems)
		}
	}
}

// TestAFileLeftOpenIsCheckedWholeUnlessAnotherInstanceHasIt: another
// process that has the database open leaves a -wal file beside it, as a
// crashed one does; while it runs (its lock on the -shm file held) the
// second instance does not read the file whole; once it has ended without
// closing, the next open does, and refuses the damage without writing.
func TestAFileLeftOpenIsCheckedWholeUnlessAnotherInstanceHasIt(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("without SQLite's lock to ask, every -wal leads to the full check")
	}
	path := damagedInTheMiddle(t)
	kill := startHolder(t, path)
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Fatalf("the other instance has no -wal file: %v", err)
	}
	if !openElsewhere(path) {
		t.Fatal("the other instance's lock is not seen")
	}
	openFine(t, path, "with another instance running")
	openFine(t, path, "again with another instance running")
	kill()
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Fatalf("the killed instance left no -wal file: %v", err)
	}
	before := fileBytes(t, path)
	_, err := Open(path)
	var damaged *DamagedError
	if !errors.As(err, &damaged) {
		t.Fatalf("after an instance was killed, Open = %v; want the quick check to refuse the damage", err)
	}
	if !bytes.Equal(before, fileBytes(t, path)) {
		t.Error("the damaged file was written to")
	}
}

// TestAFileLeftOpenByThisProcessIsNotCheckedAgain: a second store on a
// file this process has open does not ask the -shm lock (closing the
// descriptor would drop this process's own locks) nor read it whole.
func TestAFileLeftOpenByThisProcessIsNotCheckedAgain(t *testing.T) {
	path := damagedInTheMiddle(t)
	first, err := Open(path)
	must(t, err)
	openFine(t, path, "with a store of this process open")
	second, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("OpenReadOnly beside an open store = %v", err)
	}
	must(t, second.Close())
	// The first store still holds its locks: a write works and is seen.
	must(t, first.MarkWelcomed())
	must(t, first.Close())
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Error("the last close left the -wal file")
	}
}
