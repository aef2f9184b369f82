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

	"github.com/studyplanner/studyplanner/internal/atomicfile"
	"github.com/studyplanner/studyplanner/internal/ics"
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
	st, err := openSeeded(env, db)
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
	return writeOutput(env, *out, buf.Bytes())
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
		return fmt.Errorf("writing %s: %w", out, store.Explain(err))
	}
	return nil
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
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"import needs exactly one FILE (or - for standard input)"}
	}
	name := fs.Arg(0)
	in, err := openInput(env, name)
	if err != nil {
		return fmt.Errorf("%w\nNothing was changed.", err)
	}
	defer in.Close()
	head, _ := in.Peek(512)
	switch {
	case bytes.HasPrefix(head, []byte("SQLite format 3\x00")):
		return restoreBackup(env, db, name, in)
	case ics.LooksLikeCalendar(head):
		return importDaysOff(env, db, name, in)
	}
	return importDocument(env, db, name, in)
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
		return input{}, fmt.Errorf("cannot read %s: %w", name, store.Explain(err))
	}
	return input{Reader: bufio.NewReaderSize(f, 4096), file: f}, nil
}

// importDocument replaces all data with a JSON document, after backing
// the current data up.
func importDocument(env Env, db *dbFlag, name string, in input) error {
	// Read and check the whole document before touching the database.
	doc, err := snapshot.Decode(in)
	if err != nil {
		return fmt.Errorf("%s: %w\nNothing was changed.", name, err)
	}
	st, err := openStore(db)
	if err != nil {
		return err
	}
	defer st.Close()
	safety, err := st.NewBackup(env.Now())
	if err != nil {
		return fmt.Errorf("backing up the current data before the import: %w\nNothing was changed.", err)
	}
	if err := st.Import(doc); err != nil {
		return fmt.Errorf("%s: %w\nNothing was changed; the backup made first is %s.", name, err, safety.Path)
	}
	fmt.Fprintf(env.Stdout, "Imported %s into %s: %s.\nThe data it replaced is backed up in %s.\n",
		name, st.Path(), store.DocumentCounts(doc), safety.Path)
	return nil
}

// importDaysOff adds a calendar's events to the plan as days off.
func importDaysOff(env Env, db *dbFlag, name string, in input) error {
	st, err := openSeeded(env, db)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Settings()
	if err != nil {
		return err
	}
	got, err := ics.ReadDaysOff(in, ics.Options{From: plan.Date(env.Now()), To: s.FinishDate(), Location: time.Local})
	if err != nil {
		return fmt.Errorf("%s: %w\nNothing was changed.", name, err)
	}
	if err := st.AddDaysOff(got.Days); err != nil {
		return fmt.Errorf("%s: %w\nNothing was changed.", name, err)
	}
	days := got.Days
	fmt.Fprintf(env.Stdout, "From %s: %s (%s to %s); the plan now leaves them free.\n", name, got.Summary(),
		days[0].Date.Format(time.DateOnly), days[len(days)-1].Date.Format(time.DateOnly))
	return nil
}

// restoreBackup replaces all data with a backup's. A backup on standard
// input is copied to a temporary file first: SQLite reads files.
func restoreBackup(env Env, db *dbFlag, name string, in input) error {
	path := name
	if in.file == nil {
		tmp, err := os.CreateTemp("", "studyplanner-stdin-*.db")
		if err != nil {
			return fmt.Errorf("reading the backup from standard input: %w", store.Explain(err))
		}
		defer os.Remove(tmp.Name())
		_, err = io.Copy(tmp, in)
		tmp.Close()
		if err != nil {
			return fmt.Errorf("reading the backup from standard input: %w", store.Explain(err))
		}
		path = tmp.Name()
	}
	st, err := openStore(db)
	if err != nil {
		return err
	}
	defer st.Close()
	done, err := st.RestoreFrom(path, env.Now())
	if err != nil {
		return fmt.Errorf("%s: %w\nNothing was changed.", name, err)
	}
	fmt.Fprintf(env.Stdout, "Restored %s from the backup %s: %s.\nThe data it replaced is backed up in %s (%s).\n",
		st.Path(), name, done.Counts, done.Safety.Path, humanize.IBytes(uint64(done.Safety.Size)))
	return nil
}
