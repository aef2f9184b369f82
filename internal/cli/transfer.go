package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/studyplanner/studyplanner/internal/ics"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/store"

	"github.com/studyplanner/studyplanner/internal/snapshot"
)

func runExport(env Env, args []string) error {
	fs, db := newFlags(env, "export")
	format := fs.String("format", "json", "json: all your data (see docs/backup-format.md); ics: the planned study days and step target dates as calendar events; csv: one spreadsheet file per table, in the folder --out names")
	out := fs.String("out", "", "file to write (default: standard output)")
	if err := parse(fs, args); err != nil {
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
	st, err := openSeeded(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if *format == "csv" {
		return writeCSV(env, st, *out)
	}
	var buf bytes.Buffer
	if *format == "ics" {
		err = writeCalendar(env, st, &buf)
	} else {
		err = writeDocument(st, &buf)
	}
	if err != nil {
		return err
	}
	if *out == "" || *out == "-" {
		_, err := env.Stdout.Write(buf.Bytes())
		return err
	}
	return writeFileAtomic(*out, buf.Bytes())
}

func writeDocument(st *store.Store, w io.Writer) error {
	doc, err := st.Export()
	if err != nil {
		return err
	}
	return snapshot.Encode(w, doc)
}

// writeCalendar writes the plan from today as iCalendar events.
func writeCalendar(env Env, st *store.Store, w io.Writer) error {
	p, err := st.Plan()
	if err != nil {
		return err
	}
	logged, err := st.Logged()
	if err != nil {
		return err
	}
	f := p.Forecast(logged, env.Now())
	return ics.Write(w, f.Days, p.Steps, env.Now())
}

// writeCSV writes one CSV file per table into dir.
func writeCSV(env Env, st *store.Store, dir string) error {
	doc, err := st.Export()
	if err != nil {
		return err
	}
	tables, err := snapshot.CSVTables(doc)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	names := make([]string, 0, len(tables))
	for name, data := range tables {
		if err := writeFileAtomic(filepath.Join(dir, name), data); err != nil {
			return err
		}
		names = append(names, name)
	}
	sort.Strings(names)
	fmt.Fprintf(env.Stdout, "Wrote %s to %s.\n", strings.Join(names, ", "), dir)
	return nil
}

// writeFileAtomic writes through a temporary file in the same folder and
// renames it into place, so an interrupted export never leaves a half file
// where a good one was.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

func runImport(env Env, args []string) error {
	fs, db := newFlags(env, "import")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"import needs exactly one FILE (or - for standard input)"}
	}
	name := fs.Arg(0)
	if strings.EqualFold(filepath.Ext(name), ".ics") {
		return importDaysOff(env, *db, name)
	}
	if name != "-" && store.IsSQLite(name) {
		return restoreBackup(env, *db, name)
	}
	// Read and check the whole document before touching the database.
	var doc snapshot.Document
	err := readInput(env, name, func(r io.Reader) (err error) {
		doc, err = snapshot.Decode(r)
		return err
	})
	if err != nil {
		return err
	}
	st, err := openStore(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Import(doc); err != nil {
		return fmt.Errorf("%s: %w\nNothing was changed.", name, err)
	}
	fmt.Fprintf(env.Stdout, "Imported %s into %s: %d steps, %d skill categories, %d salary ranges.\n",
		name, st.Path(), len(doc.Roadmap), len(doc.SkillCategories), len(doc.Salaries))
	return nil
}

// readInput hands the named file, or standard input for "-", to decode, and
// words a failure the way every import reports it.
func readInput(env Env, name string, decode func(io.Reader) error) error {
	var r io.Reader = env.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("%w\nNothing was changed.", err)
		}
		defer f.Close()
		r = f
	}
	if err := decode(r); err != nil {
		return fmt.Errorf("%s: %w\nNothing was changed.", name, err)
	}
	return nil
}

// importDaysOff adds a calendar's events to the plan as days off.
func importDaysOff(env Env, dbFlag, name string) error {
	var days []plan.DayOff
	err := readInput(env, name, func(r io.Reader) (err error) {
		days, err = ics.ReadDaysOff(r)
		return err
	})
	if err != nil {
		return err
	}
	st, err := openSeeded(env, dbFlag)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.AddDaysOff(days); err != nil {
		return fmt.Errorf("%s: %w\nNothing was changed.", name, err)
	}
	fmt.Fprintf(env.Stdout, "Added %d days off from %s (%s to %s); the plan now leaves them free.\n", len(days), name,
		days[0].Date.Format(snapshot.DateLayout), days[len(days)-1].Date.Format(snapshot.DateLayout))
	return nil
}

// restoreBackup replaces all data with a backup's.
func restoreBackup(env Env, dbFlag, name string) error {
	st, err := openStore(dbFlag)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.RestoreFrom(name, env.Now()); err != nil {
		return fmt.Errorf("%s: %w\nNothing was changed.", name, err)
	}
	fmt.Fprintf(env.Stdout, "Restored %s from the backup %s (the data it replaced is in %s).\n", st.Path(), name, store.BackupDir(st.Path()))
	return nil
}
