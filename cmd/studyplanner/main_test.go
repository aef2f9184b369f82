package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain lets a test run this very program as a child process, with the
// environment a script would give it.
func TestMain(m *testing.M) {
	if args := os.Getenv("STUDYPLANNER_TEST_ARGS"); args != "" {
		os.Args = append([]string{"studyplanner"}, strings.Split(args, "\x1f")...)
		main()
		return
	}
	os.Exit(m.Run())
}

// TestHeadlessCommandsPrintNothingElse runs commands under the C locale,
// the default of Docker images and CI machines: standard error must stay
// empty (Fyne's lang package used to print "Error parsing user locale C"
// from its init on every run).
func TestHeadlessCommandsPrintNothingElse(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	for _, locale := range []string{"C.UTF-8", "C", "POSIX"} {
		for _, args := range [][]string{{"--db", db, "status"}, {"--version"}, {"--db", db, "skills", "--json"}} {
			cmd := exec.Command(os.Args[0])
			cmd.Env = append(cleanLocale(os.Environ()), "LANG="+locale, "STUDYPLANNER_TEST_ARGS="+strings.Join(args, "\x1f"))
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("LANG=%s studyplanner %v: %v\n%s", locale, args, err, stderr.String())
			}
			if stderr.Len() > 0 {
				t.Errorf("LANG=%s studyplanner %v printed on standard error:\n%s", locale, args, stderr.String())
			}
		}
	}
}

func cleanLocale(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "LANG=") && !strings.HasPrefix(kv, "LC_") && !strings.HasPrefix(kv, "LANGUAGE=") {
			out = append(out, kv)
		}
	}
	return out
}

func TestTheFallbackIDIsFyneAppTomls(t *testing.T) {
	toml, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(toml), `ID = "`+fallbackAppID+`"`) {
		t.Errorf("FyneApp.toml does not give the ID %q that plain builds use", fallbackAppID)
	}
}
