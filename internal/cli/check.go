package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/dustin/go-humanize"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/store"
)

// runCheck reads the whole database for damage (app.CheckData), which
// opening it does not do: opening checks the header and the schema, and
// the whole file only after an unclean end.
func runCheck(env Env, args []string) error {
	fs, db := newFlags(env, "check")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("check takes no arguments, got %q", fs.Args())}
	}
	loc, err := location(db)
	if err != nil {
		return err
	}
	if err := mustExist(loc.Path); err != nil {
		return err
	}
	return withData(env, db, func(st *store.Store) error {
		c, err := app.CheckData(st)
		if err != nil {
			return err
		}
		reader := "SQLite read all of it"
		if st.OnServer() {
			reader = "the time logged agrees with the sessions"
		}
		fmt.Fprintf(env.Stdout, "The data in %s is healthy: %s (%s) and found nothing wrong. (%s)\n",
			st.Path(), reader, humanize.Bytes(uint64(c.Bytes)), c.Took.Round(time.Millisecond))
		if c.TotalsRebuilt {
			fmt.Fprintln(env.Stdout, "The time logged per skill and step, as kept for the screens, disagreed with the sessions "+
				"and was worked out again from them; nothing was lost.")
		}
		return nil
	})
}

// mustExist refuses to check a database that is not there, rather than
// create one to check.
func mustExist(path string) error {
	if store.IsServerURL(path) {
		return nil // the server says whether it can be reached when it is opened
	}
	_, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("there is no database at %s, so there is nothing to check", path)
	}
	return err
}
