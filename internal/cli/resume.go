package cli

import (
	"fmt"
	"strings"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/localeenv"
	"github.com/studyplanner/studyplanner/internal/store"
)

func runResume(env Env, args []string) error {
	pre, args := leadingDB(args)
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" {
		if len(args) == 0 {
			return usageError{"resume needs an action: export, import or health"}
		}
		fmt.Fprintln(env.Stdout, "Usage: studyplanner resume export [--format json|pdf] [--version NAME] --out FILE\n"+
			"       studyplanner resume import [--dry-run] FILE.json\n       studyplanner resume health\n\n"+
			"export writes your résumé as JSON Resume (schema 1.2.1) or as a PDF on your locale's paper (A4 or Letter),\n"+
			"built from your profile, your done skills and your finished projects; --version writes a tailored version.\n"+
			"import adds a JSON Resume file's profile, work, education and certificates to yours, printing what it changes;\n"+
			"--dry-run only prints it. health lists what your portfolio lacks.")
		return nil
	}
	action, rest := args[0], append(pre, args[1:]...)
	switch action {
	case "export":
		return runResumeExport(env, rest)
	case "import":
		return runResumeImport(env, rest)
	case "health":
		return runResumeHealth(env, rest)
	}
	return usageError{fmt.Sprintf("unknown resume action %q; use export, import or health", action)}
}

func runResumeExport(env Env, args []string) error {
	fs, db := newFlags(env, "resume")
	format := fs.String("format", "json", "json (JSON Resume) or pdf")
	out := fs.String("out", "", "file to write (- for standard output)")
	version := fs.String("version", "", "a tailored version's name (default: the whole résumé)")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		return usageError{"resume export needs --out FILE (or --out - for standard output)"}
	}
	f := app.ResumeFormat(strings.ToLower(*format))
	if f != app.ResumeJSON && f != app.ResumePDF {
		return usageError{fmt.Sprintf("--format %q: use json or pdf", *format)}
	}
	return withData(env, db, func(st *store.Store) error {
		d, err := app.LoadResume(st)
		if err != nil {
			return err
		}
		v, err := d.Version(*version)
		if err != nil {
			return err
		}
		doc, err := d.Document(v, env.Now())
		if err != nil {
			return err
		}
		data, err := app.ResumeBytes(doc, f, localeenv.PaperLocale(), env.Now())
		if err != nil {
			return err
		}
		if err := writeOutput(env, *out, data); err != nil || *out == "-" {
			return err
		}
		fmt.Fprintf(env.Stdout, "Wrote the résumé of %s (%s, %s) to %s.\n", doc.Basics.Name,
			count(len(doc.Skills), "skill", "skills"), count(len(doc.Projects), "project", "projects"), *out)
		return nil
	})
}

func runResumeImport(env Env, args []string) error {
	fs, db := newFlags(env, "resume")
	dry := fs.Bool("dry-run", false, "print what would change and change nothing")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"resume import needs exactly one FILE.json (or - for standard input)"}
	}
	name := fs.Arg(0)
	in, err := openInput(env, name)
	if err != nil {
		return nothingChanged(name, err)
	}
	defer in.Close()
	return withData(env, db, func(st *store.Store) error {
		preview, err := app.PreviewResumeImport(st, in)
		if err != nil {
			return nothingChanged(name, err)
		}
		lines := preview.Changes.Lines()
		if *dry || preview.Changes.None() {
			if *dry && !preview.Changes.None() {
				fmt.Fprintln(env.Stdout, "Importing it would change:")
			}
			fmt.Fprintln(env.Stdout, "  "+strings.Join(lines, "\n  "))
			return nil
		}
		if err := app.ApplyResumeImport(st, preview); err != nil {
			return nothingChanged(name, err)
		}
		fmt.Fprintf(env.Stdout, "Imported the résumé in %s:\n  %s\n", name, strings.Join(lines, "\n  "))
		return nil
	})
}

func runResumeHealth(env Env, args []string) error {
	fs, db := newFlags(env, "resume")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	return withData(env, db, func(st *store.Store) error {
		d, err := app.LoadResume(st)
		if err != nil {
			return err
		}
		if d.Health.Healthy() {
			fmt.Fprintln(env.Stdout, "Every done skill is shown by a finished project, and every project has a link, a description and a skill.")
			return nil
		}
		for _, line := range d.Health.Checklist() {
			fmt.Fprintln(env.Stdout, "- "+line)
		}
		return nil
	})
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
