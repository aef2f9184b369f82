package store

import (
	"bufio"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// The crash and concurrency tests run this test binary again as a child
// that writes sessions in a loop, printing "saved NOTE" after each write is
// committed. It does nothing when run as an ordinary test.
const (
	writerDBEnv  = "STUDYPLANNER_TEST_WRITER_DB"
	writerTagEnv = "STUDYPLANNER_TEST_WRITER_TAG"
	writerMaxEnv = "STUDYPLANNER_TEST_WRITER_MAX"
	// writerKeepLogEnv makes the child exit without closing the database,
	// as a killed process would: its last commits stay in the -wal file.
	writerKeepLogEnv = "STUDYPLANNER_TEST_WRITER_KEEP_LOG"
)

func TestHelperWriter(t *testing.T) {
	path := os.Getenv(writerDBEnv)
	if path == "" {
		t.Skip("runs only as the child process of the crash and concurrency tests")
	}
	st, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	limit, _ := strconv.Atoi(os.Getenv(writerMaxEnv))
	tag := os.Getenv(writerTagEnv)
	day := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	for i := 0; limit == 0 || i < limit; i++ {
		note := fmt.Sprintf("%s-%d", tag, i)
		if _, err := st.LogSession(plan.Session{Date: day, Minutes: 1 + i%90, Notes: note}); err != nil {
			fmt.Println("error", err)
			os.Exit(4)
		}
		fmt.Println("saved", note)
	}
	if os.Getenv(writerKeepLogEnv) == "" {
		st.Close()
	}
	os.Exit(0)
}

func startWriter(t *testing.T, path, tag string, limit int) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$")
	cmd.Env = append(os.Environ(), writerDBEnv+"="+path, writerTagEnv+"="+tag, writerMaxEnv+"="+strconv.Itoa(limit))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewScanner(out)
}

func storedNotes(t *testing.T, path string) map[string]bool {
	t.Helper()
	st, err := Open(path)
	if err != nil {
		t.Fatalf("the database does not open after the crash: %v", err)
	}
	defer st.Close()
	var check string
	if err := st.db.Raw("PRAGMA integrity_check").Scan(&check).Error; err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	sessions, err := st.Sessions(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	notes := map[string]bool{}
	for _, s := range sessions {
		notes[s.Notes] = true
	}
	return notes
}

// TestKilledWriterLosesNothingReported kills a writing process at random
// moments, many times, and checks after each that the database opens,
// passes integrity_check and holds every session reported as saved.
func TestKilledWriterLosesNothingReported(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes: not in -short")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	seed := time.Now().UnixNano()
	if s := envSeed(); s != 0 {
		seed = s
	}
	t.Logf("seed %d (set STUDYPLANNER_SEED to repeat)", seed)
	r := rand.New(rand.NewSource(seed))
	reported := map[string]bool{}
	for round := 0; round < 12; round++ {
		cmd, lines := startWriter(t, path, fmt.Sprintf("r%d", round), 0)
		want := 1 + r.Intn(40)
		seen := 0
		for seen < want && lines.Scan() {
			line := lines.Text()
			if note, ok := strings.CutPrefix(line, "saved "); ok {
				reported[note] = true
				seen++
			} else if strings.HasPrefix(line, "error") {
				t.Fatalf("the writer failed: %s", line)
			}
		}
		// Let it get into the middle of another write, then kill it.
		time.Sleep(time.Duration(r.Intn(3000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		for lines.Scan() { // lines printed before the kill were also reported
			if note, ok := strings.CutPrefix(lines.Text(), "saved "); ok {
				reported[note] = true
			}
		}
		cmd.Wait()
		stored := storedNotes(t, path)
		for note := range reported {
			if !stored[note] {
				t.Fatalf("round %d: the session %q was reported saved but is gone", round, note)
			}
		}
	}
	if len(reported) < 12 {
		t.Errorf("only %d writes were reported; the test did not exercise much", len(reported))
	}
}

// TestTwoWritersLoseNothing runs two processes writing to one database at
// once, as the window and a script would: every write lands, and neither
// sees a "database is locked" error.
func TestTwoWritersLoseNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("runs processes: not in -short")
	}
	path := filepath.Join(t.TempDir(), "two.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	const each = 150
	a, aOut := startWriter(t, path, "a", each)
	b, bOut := startWriter(t, path, "b", each)
	count := func(lines *bufio.Scanner, errs chan<- string, n chan<- int) {
		saved := 0
		for lines.Scan() {
			if strings.HasPrefix(lines.Text(), "saved ") {
				saved++
			} else {
				errs <- lines.Text()
			}
		}
		n <- saved
	}
	errs, counts := make(chan string, 10), make(chan int, 2)
	go count(aOut, errs, counts)
	go count(bOut, errs, counts)
	total := <-counts + <-counts
	if err := a.Wait(); err != nil {
		t.Errorf("writer a: %v", err)
	}
	if err := b.Wait(); err != nil {
		t.Errorf("writer b: %v", err)
	}
	close(errs)
	for e := range errs {
		t.Errorf("a writer said: %s", e)
	}
	if total != 2*each {
		t.Errorf("%d writes reported, want %d", total, 2*each)
	}
	stored := storedNotes(t, path)
	for _, tag := range []string{"a", "b"} {
		for i := 0; i < each; i++ {
			if note := fmt.Sprintf("%s-%d", tag, i); !stored[note] {
				t.Fatalf("session %s is missing", note)
			}
		}
	}
}
