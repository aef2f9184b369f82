package cli

import (
	"bytes"
	"fmt"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
)

func runPack(env Env, args []string) error {
	pre, args := leadingDB(args)
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" {
		if len(args) == 0 {
			return usageError{"pack needs an action: export, import, publish or published"}
		}
		fmt.Fprintln(env.Stdout, "Usage: studyplanner pack export [--name NAME] --out FILE\n       studyplanner pack import FILE\n"+
			"       studyplanner pack publish --db postgres://MENTOR@HOST/DATABASE FILE   (a mentor, to the cohort)\n"+
			"       studyplanner pack published   and   studyplanner pack import --published NAME   (a learner on that server)\n\n"+
			"A pack is a roadmap and its skills, with checklists, estimates, prerequisites and links but none of your progress.\n"+
			"Importing one merges it by name: new steps and skills are added, nothing is deleted, no progress changes.")
		return nil
	}
	action, rest := args[0], append(pre, args[1:]...)
	switch action {
	case "export":
		return runPackExport(env, rest)
	case "import":
		return runPackImport(env, rest)
	case "publish":
		return runPackPublish(env, rest)
	case "published":
		return runPackPublished(env, rest)
	}
	return usageError{fmt.Sprintf("unknown pack action %q; use export, import, publish or published", action)}
}

func runPackExport(env Env, args []string) error {
	fs, db := newFlags(env, "pack")
	out := fs.String("out", "", "file to write (- for standard output)")
	name := fs.String("name", "", "the pack's name (default: the name of the pack your roadmap came from)")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		return usageError{"pack export needs --out FILE (or --out - for standard output)"}
	}
	return withData(env, db, func(st *store.Store) error {
		p, err := st.ExportPack(*name)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := snapshot.EncodePack(&buf, p); err != nil {
			return err
		}
		if err := writeOutput(env, *out, buf.Bytes()); err != nil || *out == "-" {
			return err
		}
		fmt.Fprintf(env.Stdout, "Wrote the pack %s to %s.\n", p.Summary(), *out)
		return nil
	})
}

func runPackImport(env Env, args []string) error {
	fs, db := newFlags(env, "pack")
	published := fs.String("published", "", "merge the pack your mentor published under this name (see pack published)")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if *published != "" {
		if fs.NArg() > 0 {
			return usageError{"pack import takes either FILE or --published NAME, not both"}
		}
		return mergePublished(env, db, *published)
	}
	if fs.NArg() != 1 {
		return usageError{"pack import needs exactly one FILE (or - for standard input)"}
	}
	name := fs.Arg(0)
	in, err := openInput(env, name)
	if err != nil {
		return nothingChanged(name, err)
	}
	defer in.Close()
	p, err := snapshot.DecodePack(in)
	if err != nil {
		return nothingChanged(name, err)
	}
	return withData(env, db, func(st *store.Store) error {
		done, err := app.ImportPack(st, p, env.Now())
		if err != nil {
			return nothingChanged(name, err)
		}
		fmt.Fprintf(env.Stdout, "Merged the pack %s: %s.\nThe data before the merge is backed up in %s.\n", p.Summary(), done.Result, done.Backup.Path)
		return nil
	})
}

// runPackPublish publishes a pack file into the cohort schema, as a mentor.
func runPackPublish(env Env, args []string) error {
	fs, db := newFlags(env, "pack")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"pack publish needs exactly one FILE (or - for standard input)"}
	}
	if !store.IsServerURL(db.value) {
		return usageError{"pack publish needs the cohort's server: --db postgres://MENTOR@HOST/DATABASE"}
	}
	name := fs.Arg(0)
	in, err := openInput(env, name)
	if err != nil {
		return nothingChanged(name, err)
	}
	defer in.Close()
	p, err := snapshot.DecodePack(in)
	if err != nil {
		return nothingChanged(name, err)
	}
	if err := store.PublishPack(db.value, p, env.Now()); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Published the pack %s to the cohort; each learner is offered it by name.\n", p.Summary())
	return nil
}

// runPackPublished lists the packs published to the learner's cohort.
func runPackPublished(env Env, args []string) error {
	fs, db := newFlags(env, "pack")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	return withData(env, db, func(st *store.Store) error {
		packs, err := st.PublishedPacks()
		if err != nil {
			return err
		}
		if len(packs) == 0 {
			fmt.Fprintln(env.Stdout, "Your mentor has published no pack yet.")
		}
		for _, p := range packs {
			mark := ""
			if p.New {
				mark = "  (new: merge it with studyplanner pack import --published \"" + p.Name + "\")"
			}
			fmt.Fprintf(env.Stdout, "%s, published %s%s\n", p.Name, p.PublishedAt.Local().Format("2 Jan 2006 15:04"), mark)
		}
		return nil
	})
}

// mergePublished merges a published pack by name and remembers it was.
func mergePublished(env Env, db *dbFlag, name string) error {
	return withData(env, db, func(st *store.Store) error {
		p, published, err := st.PublishedPack(name)
		if err != nil {
			return nothingChanged(name, err)
		}
		done, err := app.ImportPack(st, p, env.Now())
		if err != nil {
			return nothingChanged(name, err)
		}
		if err := st.MarkPackSeen(published); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Merged the pack %s: %s.\nThe data before the merge is backed up in %s.\n", p.Summary(), done.Result, done.Backup.Path)
		return nil
	})
}
