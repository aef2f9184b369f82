package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestWriteFileReplacesWholeAndKeepsTheMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.json")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("new data"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	if string(got) != "new data" || info.Mode().Perm() != 0o640 {
		t.Errorf("after writing: %q with mode %v, want the new data with mode 0640", got, info.Mode().Perm())
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestDevicesAreWrittenDirectlyNeverReplaced writes through symbolic
// links to the devices, so that a broken Create replaces only the link in
// a temporary folder, never the machine's /dev/null.
func TestDevicesAreWrittenDirectlyNeverReplaced(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no /dev here")
	}
	dir := t.TempDir()
	null := filepath.Join(dir, "null")
	if err := os.Symlink(os.DevNull, null); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(null, []byte("discarded"), 0o600); err != nil {
		t.Errorf("writing to %s: %v", os.DevNull, err)
	}
	if info, err := os.Stat(null); err != nil || info.Mode().IsRegular() {
		t.Errorf("the device was replaced by a regular file (%v)", err)
	}
	if _, err := os.Stat("/dev/full"); err == nil {
		full := filepath.Join(dir, "full")
		if err := os.Symlink("/dev/full", full); err != nil {
			t.Fatal(err)
		}
		err := WriteFile(full, make([]byte, 1<<16), 0o600)
		if !errors.Is(err, syscall.ENOSPC) {
			t.Errorf("writing to /dev/full = %v, want the disk-full error reported", err)
		}
		if info, _ := os.Stat(full); info.Mode().IsRegular() {
			t.Error("/dev/full was replaced by a regular file")
		}
	}
}

func TestAbortLeavesTheTargetAsItWas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "backup.db")
	os.WriteFile(path, []byte("good"), 0o600)
	f, err := Create(path, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("half"))
	f.Abort()
	if got, _ := os.ReadFile(path); string(got) != "good" {
		t.Errorf("after an abort the file holds %q", got)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestStaleFilesOfKilledWritersAreCleanedLiveOnesKept kills writers in
// the middle of writing, then cleans: their files go; the file of a
// writer still at work stays.
func TestStaleFilesOfKilledWritersAreCleanedLiveOnesKept(t *testing.T) {
	if os.Getenv("ATOMICFILE_WRITER") != "" {
		f, err := Create(os.Getenv("ATOMICFILE_WRITER"), 0o600)
		if err != nil {
			os.Exit(3)
		}
		f.Write(make([]byte, 1<<20))
		os.Stdout.WriteString("writing\n")
		time.Sleep(time.Minute) // killed here
		os.Exit(0)
	}
	if runtime.GOOS == "windows" {
		t.Skip("uses SIGKILL")
	}
	dir := t.TempDir()
	target := filepath.Join(dir, "export.json")
	for i := 0; i < 5; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestStaleFilesOfKilledWritersAreCleanedLiveOnesKept$")
		cmd.Env = append(os.Environ(), "ATOMICFILE_WRITER="+target)
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 8)
		out.Read(buf)
		cmd.Process.Kill()
		cmd.Wait()
	}
	live, err := Create(target, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer live.Abort()
	left, _ := filepath.Glob(filepath.Join(dir, ".*.partial"))
	if len(left) != 6 {
		t.Fatalf("%d temporary files before cleaning, want 5 abandoned and 1 live", len(left))
	}
	removed := CleanStale(dir)
	if len(removed) != 5 {
		t.Errorf("CleanStale removed %d files, want the 5 abandoned ones", len(removed))
	}
	if _, err := os.Stat(live.TempName()); err != nil {
		t.Errorf("the file of a writer still at work was removed: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".notes.partial.txt"), nil, 0o600); err == nil {
		if r := CleanStale(dir); len(r) != 0 {
			t.Errorf("CleanStale removed a file that is not ours: %v", r)
		}
	}
}

// A file that cannot be started names the file asked for, not the
// temporary file beside it, and keeps the cause for callers to word.
func TestAFailedCreateNamesTheTargetNotTheTemporaryFile(t *testing.T) {
	target := filepath.Join(t.TempDir(), "missing", "x.pdf")
	err := WriteFile(target, []byte("x"), 0o600)
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != target || !errors.Is(err, fs.ErrNotExist) || strings.Contains(err.Error(), suffix) {
		t.Errorf("error %v, want a PathError naming %s", err, target)
	}
}
