package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/store/storetest"
	"gorm.io/gorm"
)

// The two-device test runs this test binary again, twice, as two devices
// on one server database. Each device edits one field of the shared step
// from the step as it first loaded it, logs sessions (printing "saved
// NOTE" after each commit, and retrying one whose save failed), then reads
// until it sees all the other device's sessions and its edit, and prints
// "saw OTHER".
const (
	deviceDBEnv    = "STUDYPLANNER_TEST_DEVICE_DB"
	deviceTagEnv   = "STUDYPLANNER_TEST_DEVICE_TAG"
	deviceOtherEnv = "STUDYPLANNER_TEST_DEVICE_OTHER"
	deviceCountEnv = "STUDYPLANNER_TEST_DEVICE_N"
)

func TestHelperDevice(t *testing.T) {
	loc := os.Getenv(deviceDBEnv)
	if loc == "" {
		t.Skip("runs only as a child process of the two-device test")
	}
	tag, other := os.Getenv(deviceTagEnv), os.Getenv(deviceOtherEnv)
	n, _ := strconv.Atoi(os.Getenv(deviceCountEnv))
	if err := runDevice(loc, tag, other, n); err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	os.Exit(0)
}

func runDevice(loc, tag, other string, n int) error {
	st, err := Open(loc)
	if err != nil {
		return err
	}
	defer st.Close()
	steps, err := st.Roadmap()
	if err != nil {
		return err
	}
	before := steps[0]
	fmt.Println("loaded")
	day := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		note := fmt.Sprintf("%s-%d", tag, i)
		if err := retry(func() error {
			_, err := st.LogSession(plan.Session{Date: day, Minutes: 1 + i%60, Notes: note, StepID: before.ID})
			return err
		}); err != nil {
			return err
		}
		fmt.Println("saved", note)
		if i == n/3 {
			// Wait while the server ends this device's connections.
			fmt.Println("halfway")
			if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil {
				return err
			}
		}
		if i == n/2 {
			// The edit is made from the step as this device loaded it,
			// before the other device's edit: only the changed field is
			// written, so neither undoes the other.
			after := before
			if tag == "a" {
				after.Notes = "notes from device a"
			} else {
				after.Summary = "summary from device b"
			}
			if err := retry(func() error { return st.UpdateStep(before, after) }); err != nil {
				return err
			}
			fmt.Println("edited")
		}
	}
	return waitForOther(st, other, n)
}

// retry repeats a save the connection's loss failed, as the window keeps
// the learner's input to save again; any other error ends the device.
func retry(save func() error) error {
	for attempt := 0; ; attempt++ {
		err := save()
		if err == nil || !errors.Is(err, ErrConnectionLost) || attempt == 20 {
			return err
		}
		fmt.Println("lost", err)
		time.Sleep(50 * time.Millisecond)
	}
}

// waitForOther reads until the other device's sessions and edit are all
// there (or a minute has passed: the test then fails on the missing line).
func waitForOther(st *Store, other string, n int) error {
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		sessions, err := st.Sessions(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
		if err != nil && !errors.Is(err, ErrConnectionLost) {
			return err
		}
		seen := 0
		for _, s := range sessions {
			if strings.HasPrefix(s.Notes, other+"-") {
				seen++
			}
		}
		steps, err := st.Roadmap()
		if err == nil && seen >= n && steps[0].Notes == "notes from device a" && steps[0].Summary == "summary from device b" {
			fmt.Println("saw", other)
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return nil
}

func startDevice(t *testing.T, loc, tag, other string, n int) (*exec.Cmd, *bufio.Scanner, io.WriteCloser) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperDevice$")
	cmd.Env = append(os.Environ(), deviceDBEnv+"="+loc, deviceTagEnv+"="+tag, deviceOtherEnv+"="+other, deviceCountEnv+"="+strconv.Itoa(n))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewScanner(out), in
}

// TestTwoDevicesOnOneServerSeeEachOthersWritesAndLoseNone: two processes
// on one learner's schema write at the same time, each editing a
// different field of one step from the same stale copy; midway every
// connection of theirs is terminated by the server. Each device sees all
// the other's writes, both edits stay, and every session a device was
// told was saved is there, with the running totals agreeing.
func TestTwoDevicesOnOneServerSeeEachOthersWritesAndLoseNone(t *testing.T) {
	server := storetest.Server(t)
	st, err := Open(server)
	must(t, err)
	defer st.Close()
	must(t, st.Import(sampleDocument()))

	const n = 60
	type line struct{ device, text string }
	lines := make(chan line)
	cmds := map[string]*exec.Cmd{}
	stdins := map[string]io.WriteCloser{}
	for tag, other := range map[string]string{"a": "b", "b": "a"} {
		cmd, out, in := startDevice(t, server, tag, other, n)
		cmds[tag], stdins[tag] = cmd, in
		go func() {
			for out.Scan() {
				lines <- line{tag, out.Text()}
			}
			lines <- line{tag, "exited"}
		}()
	}
	saved := map[string]bool{}
	saw := map[string]bool{}
	halfway, running := 0, 2
	var terminated int64
	for running > 0 {
		l := <-lines
		switch {
		case strings.HasPrefix(l.text, "saved "):
			saved[strings.TrimPrefix(l.text, "saved ")] = true
		case strings.HasPrefix(l.text, "saw "):
			saw[l.device] = true
		case strings.HasPrefix(l.text, "error "):
			t.Errorf("device %s: %s", l.device, l.text)
		case l.text == "exited":
			running--
		case l.text == "halfway":
			if halfway++; halfway < 2 {
				continue
			}
			// Both devices stand midway: the server ends every
			// connection of theirs, then they go on.
			terminated = storetest.QueryInt(t, `SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid, 10000))
				FROM pg_stat_activity WHERE application_name = 'studyplanner/`+st.learner+`'`)
			for _, in := range stdins {
				fmt.Fprintln(in, "go")
			}
		}
	}
	for tag, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("device %s: %v", tag, err)
		}
	}
	if terminated < 2 {
		t.Errorf("%d connections were ended midway, want at least the two devices'", terminated)
	}
	if !saw["a"] || !saw["b"] {
		t.Errorf("a device did not see the other's writes: %v", saw)
	}
	notes := map[string]int{}
	sessions, err := st.Sessions(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	must(t, err)
	for _, s := range sessions {
		notes[s.Notes]++
	}
	for note := range saved {
		if notes[note] == 0 {
			t.Errorf("%s was reported saved and is not there", note)
		}
	}
	if len(saved) != 2*n {
		t.Errorf("%d sessions reported saved, want %d", len(saved), 2*n)
	}
	steps, err := st.Roadmap()
	must(t, err)
	if steps[0].Notes != "notes from device a" || steps[0].Summary != "summary from device b" {
		t.Errorf("an edit was lost: notes %q, summary %q", steps[0].Notes, steps[0].Summary)
	}
	totalsMatch(t, st, "two devices writing")
}

// TestAConnectionKilledMidTransactionLosesNothingAcknowledged: the
// server ends the connection of a save in the middle of its transaction.
// The save is reported failed in words, what it wrote is not there,
// everything saved before is, and the next save works on a new
// connection.
func TestAConnectionKilledMidTransactionLosesNothingAcknowledged(t *testing.T) {
	server := storetest.Server(t)
	st, err := Open(server)
	must(t, err)
	defer st.Close()
	must(t, st.Import(sampleDocument()))
	day := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 5; i++ {
		_, err := st.LogSession(plan.Session{Date: day, Minutes: 10, Notes: fmt.Sprintf("acknowledged-%d", i)})
		must(t, err)
	}
	err = st.write(func(tx *gorm.DB) error {
		if err := tx.Create(&sessionRow{Date: "2026-11-25", Minutes: 30, Notes: "doomed"}).Error; err != nil {
			return err
		}
		var pid int
		if err := tx.Raw("SELECT pg_backend_pid()").Scan(&pid).Error; err != nil {
			return err
		}
		storetest.Exec(t, fmt.Sprintf("SELECT pg_terminate_backend(%d, 10000)", pid))
		return nil
	})
	if !errors.Is(err, ErrConnectionLost) || !strings.Contains(err.Error(), "not saved") {
		t.Fatalf("the killed save: %v, want it reported lost in words", err)
	}
	_, err = st.LogSession(plan.Session{Date: day, Minutes: 10, Notes: "after"})
	must(t, err)

	other, err := Open(server) // another device
	must(t, err)
	defer other.Close()
	sessions, err := other.Sessions(day, day.AddDate(0, 0, 1))
	must(t, err)
	var got []string
	for _, s := range sessions {
		got = append(got, s.Notes)
	}
	want := []string{"acknowledged-0", "acknowledged-1", "acknowledged-2", "acknowledged-3", "acknowledged-4", "after"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stored %q, want %q", got, want)
	}
}
