package cli

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
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
	st, err := openSeeded(env, db)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := st.Plan()
	if err != nil {
		return err
	}
	if *skill != "" {
		if sess.SkillID, err = findSkillID(p, *skill); err != nil {
			return err
		}
	}
	if *step != "" {
		if sess.StepID, err = findStepID(p, *step); err != nil {
			return err
		}
	}
	if _, err := st.LogSession(sess); err != nil {
		return err
	}
	what := *skill
	if what == "" {
		what = *step
	}
	fmt.Fprintf(env.Stdout, "Logged %d minutes of %s on %s.\n", sess.Minutes, what, sess.Date.Format(time.DateOnly))
	return nil
}

// findSkillID looks a skill up by name, ignoring case, and suggests names
// that contain what was typed when none matches.
func findSkillID(p plan.Plan, name string) (uint, error) {
	var names []string
	for _, c := range p.Categories {
		for _, sk := range c.Skills {
			if strings.EqualFold(sk.Name, name) {
				return sk.ID, nil
			}
			names = append(names, sk.Name)
		}
	}
	return 0, notFound("skill", name, names, "studyplanner skills")
}

func findStepID(p plan.Plan, title string) (uint, error) {
	var titles []string
	for _, st := range p.Steps {
		if strings.EqualFold(st.Title, title) {
			return st.ID, nil
		}
		titles = append(titles, st.Title)
	}
	return 0, notFound("step", title, titles, "studyplanner status")
}

func notFound(what, name string, all []string, listCommand string) error {
	var close []string
	for _, n := range all {
		if strings.Contains(strings.ToLower(n), strings.ToLower(name)) {
			close = append(close, strconv.Quote(n))
		}
	}
	msg := fmt.Sprintf("there is no %s called %q", what, name)
	if len(close) > 0 {
		msg += fmt.Sprintf("; did you mean %s?", strings.Join(close, " or "))
	} else {
		msg += fmt.Sprintf("; see %q for the names", listCommand)
	}
	return usageError{msg}
}
