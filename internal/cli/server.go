package cli

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/studyplanner/studyplanner/internal/store"
)

// runServer sets up a PostgreSQL server for learners and a mentor
// (store.InitServer).
func runServer(env Env, args []string) error {
	db, args := leadingDB(args)
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" {
		if len(args) == 0 {
			return usageError{"server needs an action: init"}
		}
		fmt.Fprintln(env.Stdout, "Usage: studyplanner server init --db postgres://ADMIN@HOST/DATABASE --learners ana,ben [--mentor NAME]\n\n"+
			"Makes a login role and a schema for each learner (only they may use it), and for a mentor a role that reads\n"+
			"every learner's schema and writes only the cohort schema. Safe to run again: it adds what is missing.")
		return nil
	}
	if args[0] != "init" {
		return usageError{fmt.Sprintf("unknown server action %q; use init", args[0])}
	}
	fs, dbFlag := newFlags(env, "server")
	learners := fs.String("learners", "", "the learners' names, separated by commas (lower-case letters, digits and _)")
	mentor := fs.String("mentor", "", "the mentor's name (optional)")
	if err := parse(env, fs, append(db, args[1:]...)); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("server init takes no arguments, got %q", fs.Args())}
	}
	if !store.IsServerURL(dbFlag.value) {
		return usageError{"name the server with --db postgres://ADMIN@HOST:5432/DATABASE (a role that may create roles)"}
	}
	var names []string
	for _, n := range strings.Split(*learners, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return usageError{"name the learners with --learners ana,ben"}
	}
	if _, err := store.InitServer(dbFlag.value, store.ServerPlan{Learners: names, Mentor: strings.TrimSpace(*mentor)}); err != nil {
		return err
	}
	target, _ := store.ParseServerURL(dbFlag.value)
	shown := target.Shown
	if u, err := url.Parse(shown); err == nil {
		q := u.Query()
		q.Del("learner") // the administrator's login, not a learner
		u.RawQuery = q.Encode()
		shown = u.String()
	}
	fmt.Fprintf(env.Stdout, "Set up %d learners on %s: %s.\n", len(names), shown, strings.Join(names, ", "))
	if *mentor != "" {
		fmt.Fprintf(env.Stdout, "The mentor %s reads their data and publishes into the %s schema.\n", strings.TrimSpace(*mentor), store.CohortSchema)
	}
	fmt.Fprintln(env.Stdout, "Give each role a password on the server (ALTER ROLE name PASSWORD '…') unless it trusts its network;\n"+
		"each learner then opens postgres://NAME@HOST:PORT/DATABASE, their data's tables made on the first start.")
	return nil
}
