package cli

import (
	"errors"
	"fmt"
	"time"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/store"
)

func runLog(env Env, args []string) error {
	fs, db := newFlags(env, "log")
	skill := fs.String("skill", "", "the skill studied, by name")
	step := fs.String("step", "", "the roadmap step worked on, by title")
	var minutes decimalInt
	fs.Var(&minutes, "minutes", "how long, in minutes")
	day := fs.String("date", "", "the day (YYYY-MM-DD; default today)")
	start := fs.String("start", "", "when it started (HH:MM, optional)")
	note := fs.String("note", "", "a note")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("log takes no arguments, got %q; put the note in --note", fs.Args())}
	}
	if *skill == "" && *step == "" {
		return usageError{"say what you studied with --skill NAME (or --step TITLE)"}
	}
	sess := plan.Session{Date: plan.Date(env.Now()), Start: *start, Minutes: minutes.value, Notes: *note}
	if *day != "" {
		d, err := time.Parse(time.DateOnly, *day)
		if err != nil {
			return usageError{fmt.Sprintf("--date %q is not a date; write it as YYYY-MM-DD", *day)}
		}
		sess.Date = d
	}
	if err := plan.ValidateSession(sess); err != nil {
		return usageError{err.Error()}
	}
	return withData(env, db, func(st *store.Store) error {
		logged, err := app.LogSessionFor(st, sess, *skill, *step)
		var notFound *app.NotFoundError
		if errors.As(err, &notFound) {
			list := "studyplanner skills"
			if notFound.What == "step" {
				list = "studyplanner status"
			}
			if len(notFound.Close) == 0 {
				return usageError{fmt.Sprintf("%v; see %q for the names", err, list)}
			}
			return usageError{err.Error()}
		}
		if err != nil {
			return err
		}
		what := *skill
		if what == "" {
			what = *step
		}
		fmt.Fprintf(env.Stdout, "Logged %d minutes of %s on %s.\n", logged.Minutes, what, logged.Date.Format(time.DateOnly))
		return nil
	})
}
