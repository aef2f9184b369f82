package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/dustin/go-humanize"

	"github.com/studyplanner/studyplanner/internal/store"
)

func runBackup(env Env, args []string) error {
	fs, db := newFlags(env, "backup")
	out := fs.String("out", "", "file to write (default: a new file in the backups folder beside the database)")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("backup takes no arguments, got %q; name the file with --out", fs.Args())}
	}
	return withData(env, db, func(st *store.Store) error {
		path := *out
		if path == "" {
			b, err := st.NewBackup(env.Now())
			if err != nil {
				if st.ReadOnly() {
					return fmt.Errorf("%w; on a read-only disk, write the backup elsewhere with --out FILE", err)
				}
				return err
			}
			path = b.Path
		} else if err := st.BackupTo(path); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Backed up %s to %s. Restore it with: studyplanner import %s\n", st.Path(), path, path)
		return nil
	})
}

func runBackups(env Env, args []string) error {
	fs, db := newFlags(env, "backups")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	loc, err := location(db)
	if err != nil {
		return err
	}
	all, err := store.Backups(loc.Path, env.Now())
	if err != nil {
		return err
	}
	if len(all) == 0 {
		fmt.Fprintf(env.Stdout, "No backups yet in %s.\n", store.BackupDir(loc.Path))
		return nil
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "MADE\tSIZE\tFILE")
	for _, b := range all {
		made := humanize.RelTime(b.Time, env.Now(), "ago", "from now")
		if b.Future {
			made = "dated " + b.Time.Format("2006-01-02 15:04") + " (the clock was wrong)"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", made, humanize.Bytes(uint64(b.Size)), b.Path)
	}
	return w.Flush()
}
