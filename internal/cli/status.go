package cli

import (
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/dustin/go-humanize"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/store"
)

func runStatus(env Env, args []string) error {
	fs, db := newFlags(env, "status")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("status takes no arguments, got %q", fs.Args())}
	}
	return withData(env, db, func(st *store.Store) error {
		s, err := app.LoadSchedule(st, env.Now())
		if err != nil {
			return err
		}
		return printStatus(env, s, st.Path())
	})
}

func printStatus(env Env, s app.Schedule, path string) error {
	p, today := s.Plan, s.Today
	o := p.Overview()
	finish := p.Settings.FinishDate()

	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "Overall progress:\t%d%% of about %s hours\n", o.Percent(), humanize.Comma(int64(o.HoursTotal)))
	current := "all steps done"
	if o.Current != nil {
		current = "now: " + o.Current.Title
	}
	fmt.Fprintf(w, "Roadmap steps:\t%d/%d done (%s)\n", o.StepsDone, o.StepsTotal, current)
	fmt.Fprintf(w, "Skills:\t%d/%d done\n", o.SkillsDone, o.SkillsTotal)
	fmt.Fprintf(w, "Plan ends:\t%s (%d-month plan from %s, %s)\n",
		finish.Format(time.DateOnly), p.Settings.HorizonMonths,
		p.Settings.StartDate.Format(time.DateOnly), weeksLeftPhrase(plan.WeeksLeft(p.Settings, today)))
	fmt.Fprintf(w, "Database:\t%s\n", path)
	return w.Flush()
}

func weeksLeftPhrase(n int) string {
	switch n {
	case 0:
		return "finish date reached"
	case 1:
		return "1 week left"
	}
	return fmt.Sprintf("%d weeks left", n)
}
