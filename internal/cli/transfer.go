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
			var buf bytes.Buffer
			if err := app.WriteCalendar(st, &buf, env.Now()); err != nil {
				return err
			}
			return writeOutput(env, *out, buf.Bytes())
		}
		data, err := app.ExportDocument(st)
		if err != nil {
			return err
		}
		return writeOutput(env, *out, data)
	})
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
			return fmt.Errorf("writing %s: %w", filepath.Join(dir, name), store.Explain(err))
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
		return nothingChanged(name, err)
	}
	defer in.Close()
	head, _ := in.Peek(512)
	return withData(env, db, func(st *store.Store) error {
		switch app.KindOf(head) {
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
		return input{}, fmt.Errorf("cannot read it: %w", store.Explain(err))
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
	got, err := app.ImportHolidays(st, in, env.Now())
	if err != nil {
		return nothingChanged(name, err)
	}
	days := got.Days
	fmt.Fprintf(env.Stdout, "From %s: %s (%s to %s); the plan now leaves them free.\n", name, got.Summary(),
		days[0].Date.Format(time.DateOnly), days[len(days)-1].Date.Format(time.DateOnly))
	return nil
}

// restoreBackup replaces all data with a backup's. A backup on standard
// input is copied to a temporary file first: SQLite reads files.
func restoreBackup(env Env, st *store.Store, name string, in input) error {
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
	done, err := app.RestoreBackup(st, path, env.Now())
	if err != nil {
		return nothingChanged(name, err)
	}
	fmt.Fprintf(env.Stdout, "Restored %s from the backup %s: %s.\nThe data it replaced is backed up in %s (%s).\n",
		st.Path(), name, done.Counts, done.Safety.Path, humanize.IBytes(uint64(done.Safety.Size)))
	return nil
}
