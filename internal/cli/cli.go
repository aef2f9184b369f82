// Package cli is the command line of the studyplanner binary: the global
// flags, the headless subcommands for scripts and tests, and the hand-over
// to the window when no subcommand is given.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/assets"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/store"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// Env is what a command runs with. Tests fill it with buffers and a fixed
// clock.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Now            func() time.Time
	// OpenWindow runs the GUI until the window closes, on an open store, or,
	// when the database could not be opened, on a recovery that asks the
	// learner what to do. Only package main can create a window, so it is
	// passed in.
	OpenWindow func(*store.Store, *Recovery) error
	// Version is the app's version, shown by --version.
	Version string
	// Locale is the user's locale ("en_US.UTF-8"); a new plan's weeks start
	// on the day usual there. Empty reads it from $LC_ALL, $LC_TIME, $LANG.
	Locale string
}

type command struct {
	name    string
	summary string
	usage   string
	run     func(env Env, args []string) error
}

func commands() []command {
	return []command{
		{"status", "print a short summary of your progress", "status [--db PATH]", runStatus},
		{"plan", "set and print the week-by-week study plan", "plan [--db PATH] [--start DATE] [--months N] [--hours-per-week H] [--json]", runPlan},
		{"log", "record a study session", "log [--db PATH] --skill NAME --minutes N [--date YYYY-MM-DD] [--start HH:MM] [--note TEXT]", runLog},
		{"export", "write all your data to a file (JSON), or the plan as a calendar (ICS)", "export [--db PATH] [--format json|ics] [--out FILE]", runExport},
		{"import", "replace all your data with an export or a backup, or add a calendar's events as days off", "import [--db PATH] FILE.json|BACKUP.db|FILE.ics", runImport},
		{"backup", "make a consistent copy of the database", "backup [--db PATH] [--out FILE]", runBackup},
		{"backups", "list the automatic backups", "backups [--db PATH]", runBackups},
		{"salaries", "compare the salary ranges in one currency", "salaries [--db PATH] [--base CODE] [--ppp] [--json]", runSalaries},
		{"skills", "list the skills with their status, levels and prerequisites", "skills [--db PATH] [--json]", runSkills},
		{"pack", "share a roadmap: export or import a roadmap pack (no progress in it)", "pack export [--db PATH] [--name NAME] --out FILE | pack import [--db PATH] FILE", runPack},
	}
}

// usageError marks a mistake in how the command was called (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// Main runs the command line and returns the process's exit code.
func Main(env Env, args []string) int {
	if env.Now == nil {
		env.Now = time.Now
	}
	if env.Locale == "" {
		for _, v := range []string{"LC_ALL", "LC_TIME", "LANG"} {
			if env.Locale = os.Getenv(v); env.Locale != "" {
				break
			}
		}
	}
	global := flag.NewFlagSet("studyplanner", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	dbPath := global.String("db", "", "database file (default: $"+store.EnvVar+", then the data folder)")
	showVersion := global.Bool("version", false, "print the version and exit")
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage(env.Stdout)
			return exitOK
		}
		fmt.Fprintf(env.Stderr, "studyplanner: %v\n\n", err)
		printUsage(env.Stderr)
		return exitUsage
	}
	if *showVersion {
		fmt.Fprintf(env.Stdout, "Study Planner %s\n", env.Version)
		return exitOK
	}
	rest := global.Args()
	if len(rest) == 0 {
		return report(env, "studyplanner", openWindow(env, *dbPath))
	}
	name := rest[0]
	if name == "help" {
		printUsage(env.Stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == name {
			sub := rest[1:]
			if *dbPath != "" {
				sub = append([]string{"--db", *dbPath}, sub...)
			}
			return report(env, "studyplanner "+name, c.run(env, sub))
		}
	}
	fmt.Fprintf(env.Stderr, "studyplanner: unknown command %q\n\n", name)
	printUsage(env.Stderr)
	return exitUsage
}

func report(env Env, prefix string, err error) int {
	err = store.Explain(err)
	var usage usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &usage):
		fmt.Fprintf(env.Stderr, "%s: %v\n", prefix, err)
		return exitUsage
	}
	fmt.Fprintf(env.Stderr, "%s: %v\n", prefix, err)
	return exitError
}

func printUsage(w io.Writer) {
	fmt.Fprintf(w, `Study Planner: plan and track your path to a backend developer job.

Usage:
  studyplanner [--db PATH]             open the window
  studyplanner [--db PATH] COMMAND ... run a command without a window

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, `
Run "studyplanner COMMAND --help" for a command's flags.

The data lives in %s unless --db or $%s names another file.
`, defaultLocation(), store.EnvVar)
}

func defaultLocation() string {
	dir, err := store.DataDir()
	if err != nil {
		return "the user's data folder"
	}
	return dir + string(os.PathSeparator) + store.FileName
}

// newFlags makes a subcommand's flag set with the --db flag every command
// takes. Its help goes to stdout, since asking for help is not an error.
func newFlags(env Env, c string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(c, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := fs.String("db", "", "database file (default: $"+store.EnvVar+", then the data folder)")
	fs.Usage = func() {
		for _, cmd := range commands() {
			if cmd.name == c {
				fmt.Fprintf(env.Stdout, "Usage: studyplanner %s\n\n%s.\n\nFlags:\n", cmd.usage, capitalize(cmd.summary))
			}
		}
		fs.SetOutput(env.Stdout)
		fs.PrintDefaults()
		fs.SetOutput(env.Stderr)
	}
	return fs, db
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// openSeeded opens the database and, on its first start, fills it with the
// default roadmap.
func openSeeded(env Env, dbFlag string) (*store.Store, error) {
	st, err := openStore(dbFlag)
	if err != nil {
		return nil, err
	}
	content, err := assets.DefaultContent()
	if err != nil {
		st.Close()
		return nil, err
	}
	content.Plan.WeekStart = plan.WeekdayName(plan.WeekStartForLocale(env.Locale))
	pack, err := assets.BackendPack()
	if err != nil {
		st.Close()
		return nil, err
	}
	if _, err := st.Seed(content, pack, env.Now()); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

func openStore(dbFlag string) (*store.Store, error) {
	path, err := store.ResolvePath(dbFlag)
	if err != nil {
		return nil, err
	}
	return store.Open(path)
}

func openWindow(env Env, dbFlag string) error {
	if env.OpenWindow == nil {
		return errors.New("this build has no window")
	}
	st, err := openSeeded(env, dbFlag)
	var damaged *store.DamagedError
	if errors.As(err, &damaged) {
		// The window explains and offers a way out instead of a bare error.
		rec := newRecovery(env, dbFlag, damaged)
		defer rec.close()
		return env.OpenWindow(nil, rec)
	}
	if err != nil {
		return err
	}
	defer st.Close()
	// A daily backup at start; failing to make one must not keep the
	// learner out, so it is reported and the app goes on.
	if _, err := st.AutoBackup(env.Now()); err != nil {
		fmt.Fprintf(env.Stderr, "studyplanner: the daily backup failed: %v\n", err)
	}
	return env.OpenWindow(st, nil)
}
