package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/dustin/go-humanize"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/atomicfile"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
)

func runExport(env Env, args []string) error {
	fs, db := newFlags(env, "export")
	format := fs.String("format", "json", "json: all your data (see docs/backup-format.md); ics: the planned study days and step target dates as calendar events; csv: one spreadsheet file per table, in the folder --out names")
	out := fs.String("out", "", "file to write (default or -: standard output)")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("export takes no arguments, got %q; name the file with --out", fs.Args())}
	}
	switch *format {
	case "json", "ics":
	case "csv":
		if *out == "" || *out == "-" {
			return usageError{"--format csv writes one file per table: name the folder with --out DIR"}
		}
	default:
		return usageError{fmt.Sprintf("unknown --format %q; the formats are: json, ics, csv", *format)}
	}
	return withData(env, db, func(st *store.Store) error {
		switch *format {
		case "csv":
			return writeCSV(env, st, *out)
		case "ics":
			return writeCalendar(env, st, *out)
		}
		data, err := app.ExportDocument(st)
		if err != nil {
			return err
		}
		return writeOutput(env, *out, data)
	})
}

// writeCalendar writes the plan as a calendar. The reminder time is the
// window's (a preference of that computer), so without a study time in
// the plan the blocks are at plan.DefaultStudyTime here: the note on
// standard error says so, and how to set one.
func writeCalendar(env Env, st *store.Store, out string) error {
	var buf bytes.Buffer
	if err := app.WriteCalendar(st, &buf, env.Now(), ""); err != nil {
		return err
	}
	if err := writeOutput(env, out, buf.Bytes()); err != nil {
		return err
	}
	if s, err := st.Settings(); err == nil && s.StudyTime == "" {
		fmt.Fprintf(env.Stderr, "The plan has no study time, so the study blocks start at %s. Set yours with: studyplanner plan --study-time HH:MM\n",
			plan.DefaultStudyTime)
	}
	return nil
}

// writeOutput puts data where --out says: standard output for "" or "-",
// a device or pipe directly, a regular file atomically (keeping the mode
// of the file it replaces).
func writeOutput(env Env, out string, data []byte) error {
	if out == "" || out == "-" {
		_, err := env.Stdout.Write(data)
		return err
	}
	atomicfile.CleanStale(filepath.Dir(out))
	if err := atomicfile.WriteFile(out, data, 0o600); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	return nil
}

// writeCSV writes one CSV file per table into dir.
func writeCSV(env Env, st app.Exporter, dir string) error {
	tables, err := app.ExportTables(st)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating the folder %s: %w", dir, store.Explain(err))
	}
	atomicfile.CleanStale(dir)
	names := make([]string, 0, len(tables))
	for name, data := range tables {
		if err := atomicfile.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			return fmt.Errorf("writing %s: %w", filepath.Join(dir, name), err)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	fmt.Fprintf(env.Stdout, "Wrote %s to %s.\n", strings.Join(names, ", "), dir)
	return nil
}

func runImport(env Env, args []string) error {
	fs, db := newFlags(env, "import")
	dryRun := fs.Bool("dry-run", false, "say what the import would do, and change nothing")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"import needs exactly one FILE (or - for standard input)"}
	}
	name := fs.Arg(0)
	in, err := openInput(env, name)
	if err != nil {
		return nothingChanged(name, err)
	}
	defer in.Close()
	head, _ := in.Peek(512)
	return withData(env, db, func(st *store.Store) error {
		kind := app.KindOf(head)
		if *dryRun {
			return previewImport(env, st, kind, name, in)
		}
		switch kind {
		case app.Backup:
			return restoreBackup(env, st, name, in)
		case app.Calendar:
			return importHolidays(env, st, name, in)
		}
		return importDocument(env, st, name, in)
	})
}

// nothingChanged names the file a refused import read; the report says
// nothing was changed.
func nothingChanged(name string, err error) error {
	return fmt.Errorf("%s: %w", name, app.Refused(err))
}

// input is a file, or standard input, with a look at its first bytes, so
// that what it is can be told by its content and not only its name.
type input struct {
	*bufio.Reader
	file *os.File
}

func (in input) Close() {
	if in.file != nil {
		in.file.Close()
	}
}

func openInput(env Env, name string) (input, error) {
	if name == "-" {
		return input{Reader: bufio.NewReaderSize(env.Stdin, 4096)}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return input{}, fmt.Errorf("cannot read it: %w", err)
	}
	return input{Reader: bufio.NewReaderSize(f, 4096), file: f}, nil
}

func importDocument(env Env, st *store.Store, name string, in input) error {
	done, err := app.ImportDocument(st, in, env.Now())
	if err != nil {
		if done.Backup.Path != "" {
			return fmt.Errorf("%s: %w (the backup made first is %s)", name, err, done.Backup.Path)
		}
		return nothingChanged(name, err)
	}
	fmt.Fprintf(env.Stdout, "Imported %s into %s: %s.\nThe data it replaced is backed up in %s.\n",
		name, st.Path(), done.Counts, done.Backup.Path)
	return nil
}

func importHolidays(env Env, st *store.Store, name string, in input) error {
	p, added, err := app.ImportHolidays(st, in, env.Now())
	if err != nil {
		return nothingChanged(name, err)
	}
	if len(added) == 0 {
		fmt.Fprintf(env.Stdout, "From %s: nothing to add, %s.\n", name, nothingNew(p))
		return nil
	}
	fmt.Fprintf(env.Stdout, "From %s: added %s, %s to %s; the plan now leaves them free.\n", name,
		countOf(len(added), "day off", "days off"), added[0].Date.Format(time.DateOnly), added[len(added)-1].Date.Format(time.DateOnly))
	printDaysOff(env, added)
	printFacts(env, p)
	return nil
}

// nothingNew says why a calendar added no day off.
func nothingNew(p app.HolidayPreview) string {
	if p.AlreadyOff == 1 {
		return "its only day is off already"
	}
	return fmt.Sprintf("all %d of its days are off already", p.AlreadyOff)
}

// shownDaysOff is how many days off an import lists; a count stands for
// the rest.
const shownDaysOff = 10

func printDaysOff(env Env, days []plan.DayOff) {
	for _, d := range days[:min(len(days), shownDaysOff)] {
		fmt.Fprintf(env.Stdout, "  %s %s  %s\n", d.Date.Format("Mon"), d.Date.Format(time.DateOnly), d.Note)
	}
	if more := len(days) - shownDaysOff; more > 0 {
		fmt.Fprintf(env.Stdout, "  … and %d more\n", more)
	}
}

func printFacts(env Env, p app.HolidayPreview) {
	for _, f := range p.Facts() {
		fmt.Fprintln(env.Stdout, f)
	}
}

// previewImport says what importing the file would do and changes
// nothing (--dry-run).
func previewImport(env Env, st *store.Store, kind app.FileKind, name string, in input) error {
	switch kind {
	case app.Calendar:
		p, err := app.PreviewHolidays(st, in, env.Now())
		if err != nil {
			return nothingChanged(name, err)
		}
		if len(p.New) == 0 {
			fmt.Fprintf(env.Stdout, "From %s: nothing to add, %s.\n", name, nothingNew(p))
		} else {
			fmt.Fprintf(env.Stdout, "From %s, the import would add %s, %s to %s:\n", name,
				countOf(len(p.New), "day off", "days off"), p.First().Format(time.DateOnly), p.Last().Format(time.DateOnly))
			printDaysOff(env, p.New)
			printFacts(env, p)
		}
	case app.Backup:
		path, done, err := backupPath(name, in)
		if err != nil {
			return nothingChanged(name, err)
		}
		defer done()
		doc, err := store.ReadBackup(path)
		if err != nil {
			return nothingChanged(name, err)
		}
		fmt.Fprintf(env.Stdout, "Restoring the backup %s would replace all the data in %s with its %s, after backing the data up.\n",
			name, st.Path(), store.DocumentCounts(doc))
	default:
		doc, err := snapshot.Decode(in)
		if err != nil {
			return nothingChanged(name, err)
		}
		fmt.Fprintf(env.Stdout, "Importing %s would replace all the data in %s with its %s, after backing the data up.\n",
			name, st.Path(), store.DocumentCounts(doc))
	}
	fmt.Fprintln(env.Stdout, "Nothing was changed (--dry-run).")
	return nil
}

func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%s %s", humanize.Comma(int64(n)), many)
}

// backupPath is a file SQLite can read the backup from: the file itself,
// or a temporary copy of standard input, removed by done.
func backupPath(name string, in input) (path string, done func(), err error) {
	if in.file != nil {
		return name, func() {}, nil
	}
	tmp, err := os.CreateTemp("", "studyplanner-stdin-*.db")
	if err != nil {
		return "", nil, fmt.Errorf("reading the backup from standard input: %w", store.Explain(err))
	}
	_, err = io.Copy(tmp, in)
	tmp.Close()
	if err != nil {
		os.Remove(tmp.Name())
		return "", nil, fmt.Errorf("reading the backup from standard input: %w", store.Explain(err))
	}
	return tmp.Name(), func() { os.Remove(tmp.Name()) }, nil
}

// restoreBackup replaces all data with a backup's. A backup on standard
// input is copied to a temporary file first: SQLite reads files.
func restoreBackup(env Env, st *store.Store, name string, in input) error {
	path, removeCopy, err := backupPath(name, in)
	if err != nil {
		return err
	}
	defer removeCopy()
	done, err := app.RestoreBackup(st, path, env.Now())
	if err != nil {
		return nothingChanged(name, err)
	}
	fmt.Fprintf(env.Stdout, "Restored %s from the backup %s: %s.\nThe data it replaced is backed up in %s (%s).\n",
		st.Path(), name, done.Counts, done.Safety.Path, humanize.IBytes(uint64(done.Safety.Size)))
	return nil
}
