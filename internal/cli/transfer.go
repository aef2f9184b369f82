package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/studyplanner/studyplanner/internal/snapshot"
)

func runExport(env Env, args []string) error {
	fs, db := newFlags(env, "export")
	format := fs.String("format", "json", "file format: json (see docs/backup-format.md)")
	out := fs.String("out", "", "file to write (default: standard output)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("export takes no arguments, got %q; name the file with --out", fs.Args())}
	}
	if *format != "json" {
		return usageError{fmt.Sprintf("unknown --format %q; the formats are: json", *format)}
	}
	st, err := openSeeded(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	doc, err := st.Export()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := snapshot.Encode(&buf, doc); err != nil {
		return err
	}
	if *out == "" || *out == "-" {
		_, err := env.Stdout.Write(buf.Bytes())
		return err
	}
	return writeFileAtomic(*out, buf.Bytes())
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
