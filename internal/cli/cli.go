// Package cli is the command line of the studyplanner binary: it parses
// the global flags and the headless subcommands for scripts and tests,
// calls the use cases of package app, and prints their results as text or
// JSON. With no subcommand it opens the data for the window and hands it
// over.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/internal/app"
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
	// OpenWindow runs the GUI until the window closes, on the data as it
	// was opened: an open store or, when the file is damaged, a recovery
	// that asks the learner what to do. Only package main can create a
	// window, so it is passed in.
	OpenWindow func(app.Startup) error
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
		{"plan", "set and print the week-by-week study plan", "plan [--db PATH] [--start DATE] [--months N] [--hours-per-week H] [--study-time HH:MM] [--json]", runPlan},
		{"log", "record a study session", "log [--db PATH] --skill NAME --minutes N [--date YYYY-MM-DD] [--start HH:MM] [--note TEXT]", runLog},
		{"export", "write all your data to a file (JSON), or the plan as a calendar (ICS)", "export [--db PATH] [--format json|ics] [--out FILE]", runExport},
		{"import", "replace all your data with an export or a backup, or add a calendar's events as days off", "import [--db PATH] FILE.json|BACKUP.db|FILE.ics", runImport},
		{"backup", "make a consistent copy of the database", "backup [--db PATH] [--out FILE]", runBackup},
		{"backups", "list the automatic backups", "backups [--db PATH]", runBackups},
		{"salaries", "compare the salary ranges in one currency", "salaries [--db PATH] [--base CODE] [--ppp] [--json [--survey]]", runSalaries},
		{"rates", "list the exchange rates, or update them from the European Central Bank", "rates [update] [--db PATH] [--from FILE|URL] [--year YEAR | --ppp YEAR] [--replace-manual]", runRates},
		{"skills", "list the skills with their status, levels and prerequisites", "skills [--db PATH] [--json]", runSkills},
		{"pack", "share a roadmap: export or import a roadmap pack (no progress in it)", "pack export [--db PATH] [--name NAME] --out FILE | pack import [--db PATH] FILE | pack import --published NAME | pack publish --db URL FILE | pack published", runPack},
		{"check", "read the whole database file for damage", "check [--db PATH]", runCheck},
		{"resume", "export your résumé (JSON Resume or PDF), import one, or check your portfolio", "resume export [--db PATH] [--format json|pdf] [--version NAME] --out FILE | resume import [--db PATH] [--dry-run] FILE.json | resume health", runResume},
		{"jobs", "list, add, move, import and export job applications, and their figures", jobsUsage, runJobs},
		{"review", "list the interview practice cards due today, or rate one", "review [--db PATH] [--due] [--json] | review --card ID --rating again|hard|good|easy", runReview},
		{"cards", "add practice cards, or import and export them as an Anki-friendly TSV file", "cards add [--db PATH] --front TEXT --back TEXT [--tags T] [--topic T] | cards import [--db PATH] FILE.tsv | cards export [--db PATH] [--out FILE]", runCards},
		{"challenges", "list the coding challenges logged, with their attempts", "challenges [--db PATH] [--json]", runChallenges},
		{"server", "set up a PostgreSQL server for learners and a mentor", "server init --db URL --learners ana,ben [--mentor NAME]", runServer},
		{"cohort", "a mentor's table of their learners: progress, standing, recent hours", "cohort --db postgres://MENTOR@HOST/DATABASE [--sort name|progress|behind|activity] [--json]", runCohort},
		{"move", "copy all your data to another file or a PostgreSQL server, and use it from now on", "move [--db PATH] --to FILE|postgres://USER@HOST/DATABASE?learner=NAME", runMove},
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
	var db dbFlag
	global.Var(&db, "db", "database file (default: $"+store.EnvVar+", then the data folder)")
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
		return report(env, "studyplanner", openWindow(env, db))
	}
	name := rest[0]
	if name == "help" {
		printUsage(env.Stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == name {
			sub := rest[1:]
			if db.set {
				sub = append([]string{"--db", db.value}, sub...)
			}
			return report(env, "studyplanner "+name, c.run(env, sub))
		}
	}
	fmt.Fprintf(env.Stderr, "studyplanner: unknown command %q\n\n", name)
	printUsage(env.Stderr)
	return exitUsage
}

// maxMessage bounds an error message printed for a person (in
// characters); longer ones are cut with a count.
const maxMessage = 2000

func report(env Env, prefix string, err error) int {
	err = store.Explain(err)
	var usage usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &usage):
		fmt.Fprintf(env.Stderr, "%s: %s\n", prefix, plan.Shorten(err.Error(), maxMessage))
		return exitUsage
	}
	fmt.Fprintf(env.Stderr, "%s: %s\n", prefix, plan.Shorten(err.Error(), maxMessage))
	if errors.Is(err, app.ErrNothingChanged) {
		fmt.Fprintln(env.Stderr, "Nothing was changed.")
	}
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

// dbFlag is the --db flag: a path, and whether it was given at all, so
// that --db "" is an error rather than the default database.
type dbFlag struct {
	value string
	set   bool
}

func (f *dbFlag) String() string     { return f.value }
func (f *dbFlag) Set(v string) error { f.value, f.set = v, true; return nil }

// newFlags makes a subcommand's flag set with the --db flag every command
// takes. A mistake in the flags is told on standard error with the usage;
// asking for --help prints the usage on standard output.
func newFlags(env Env, c string) (*flag.FlagSet, *dbFlag) {
	fs := flag.NewFlagSet(c, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parse reports the mistakes itself
	db := &dbFlag{}
	fs.Var(db, "db", "database file (default: $"+store.EnvVar+", then the data folder)")
	fs.Usage = func() {} // parse prints the usage where it belongs
	return fs, db
}

func printCommandUsage(w io.Writer, fs *flag.FlagSet) {
	for _, cmd := range commands() {
		if cmd.name == fs.Name() {
			fmt.Fprintf(w, "Usage: studyplanner %s\n\n%s.\n\nFlags:\n", cmd.usage, capitalize(cmd.summary))
		}
	}
	fs.SetOutput(w)
	fs.PrintDefaults()
}

func parse(env Env, fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printCommandUsage(env.Stdout, fs)
			return err
		}
		// A flag given a value it cannot take: say which and why, without
		// the whole usage (the flag's name is right).
		if name, reason, ok := badFlagValue(err); ok {
			return usageError{fmt.Sprintf("--%s: %s", name, reason)}
		}
		printCommandUsage(env.Stderr, fs)
		return usageError{err.Error()}
	}
	return nil
}

// badFlagValue reads the flag package's "invalid value "v" for flag -name:
// reason" into the flag's name and the reason.
func badFlagValue(err error) (name, reason string, ok bool) {
	m := badValue.FindStringSubmatch(err.Error())
	if m == nil {
		return "", "", false
	}
	reason = m[4]
	switch {
	case m[1] != "" && (reason == "parse error" || strings.HasPrefix(reason, "strconv.")):
		reason = fmt.Sprintf("%q is not true or false", m[2])
	case reason == "parse error" || strings.HasPrefix(reason, "strconv."):
		reason = fmt.Sprintf("%q is not a whole number; write digits only, such as 12", m[2])
	case reason == "value out of range":
		reason = fmt.Sprintf("%q is too large", m[2])
	}
	return m[3], reason, true
}

var badValue = regexp.MustCompile(`^invalid (boolean )?value "(.*)" for (?:flag )?-([^:]+): (.*)$`)

// decimalInt is an integer flag read in base 10 only: a person typing
// --minutes 045 means forty-five, and 0x2d or 1_000 are typing mistakes,
// not numbers (the flag package's own Int reads all three).
type decimalInt struct{ value int }

func (d *decimalInt) String() string { return strconv.Itoa(d.value) }
func (d *decimalInt) Set(s string) error {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 32)
	if err != nil {
		return fmt.Errorf("%q is not a whole number: write digits only, such as 45", s)
	}
	d.value = int(n)
	return nil
}

// decimalFloat is a number flag written the plain way: digits with an
// optional decimal point, such as 7.5 (not 0x1p3, 1e1, Inf or NaN).
type decimalFloat struct{ value float64 }

var plainDecimal = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$`)

func (d *decimalFloat) String() string { return strconv.FormatFloat(d.value, 'f', -1, 64) }
func (d *decimalFloat) Set(s string) error {
	s = strings.TrimSpace(s)
	if !plainDecimal.MatchString(s) {
		return fmt.Errorf("%q is not a number: write digits with an optional decimal point, such as 7.5", s)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("%q is not a number", s)
	}
	d.value = v
	return nil
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// withData opens the data the flags and the environment name (seeded on
// its first start), runs fn on it, and closes it: the set-up every command
// shares.
func withData(env Env, db *dbFlag, fn func(st *store.Store) error) error {
	loc, err := location(db)
	if err != nil {
		return err
	}
	st, err := app.Open(loc, app.BuiltIn, env.Now(), env.Locale)
	if err != nil {
		return err
	}
	defer st.Close()
	st.SetClock(env.Now)
	return fn(st)
}

func location(db *dbFlag) (store.Location, error) {
	loc, err := store.ResolvePath(db.value, db.set)
	if err != nil {
		return loc, usageError{err.Error()}
	}
	return loc, nil
}

func openWindow(env Env, db dbFlag) error {
	if env.OpenWindow == nil {
		return errors.New("this build has no window")
	}
	loc, err := location(&db)
	if err != nil {
		return err
	}
	start, err := app.OpenForWindow(loc, app.BuiltIn, env.Now, env.Locale)
	if err != nil {
		return err
	}
	defer start.Close()
	return env.OpenWindow(start)
}

// oneLine is s on one line, cut to n characters with an ellipsis.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// leadingDB splits off the global --db, which Main puts first, before a
// command's action (jobs add, pack export…), to hand it to the action's
// flags. db is a copy: callers append the action's arguments to it, which
// must not write over the args they came from.
func leadingDB(args []string) (db, rest []string) {
	n := 0
	switch {
	case len(args) >= 2 && (args[0] == "--db" || args[0] == "-db"):
		n = 2
	case len(args) >= 1 && (strings.HasPrefix(args[0], "--db=") || strings.HasPrefix(args[0], "-db=")):
		n = 1
	}
	return append([]string(nil), args[:n]...), args[n:]
}
