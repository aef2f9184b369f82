package cli

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/store"
)

// runMove copies the data to another file or to a server (app.Move) and
// points this computer at it.
func runMove(env Env, args []string) error {
	fs, db := newFlags(env, "move")
	to := fs.String("to", "", "where to move the data: a file path, or postgres://USER@HOST:5432/DATABASE?learner=NAME")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("move takes no arguments, got %q; name the place with --to", fs.Args())}
	}
	if strings.TrimSpace(*to) == "" {
		return usageError{"name where to move the data with --to FILE or --to postgres://USER@HOST/DATABASE?learner=NAME"}
	}
	return withData(env, db, func(st *store.Store) error {
		moved, err := app.Move(st, *to)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Moved %s from %s to %s.\n", moved.Counts, moved.From, moved.To)
		fmt.Fprintf(env.Stdout, "This computer now opens %s when no --db is given. %s is left as it was.\n", moved.To, moved.From)
		if hasPassword(*to) {
			fmt.Fprintln(env.Stdout, "The password in the address was not kept: put it in ~/.pgpass (or PGPASSWORD) so the next start can log in.")
		}
		return nil
	})
}

// hasPassword reports whether a server URL carries a password.
func hasPassword(loc string) bool {
	if !store.IsServerURL(loc) {
		return false
	}
	u, err := url.Parse(loc)
	if err != nil {
		return false
	}
	_, set := u.User.Password()
	return set || u.Query().Get("password") != ""
}
