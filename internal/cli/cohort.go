package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
)

// runCohort prints a mentor's cohort: one row per learner
// (app.LoadCohort).
func runCohort(env Env, args []string) error {
	fs, db := newFlags(env, "cohort")
	asJSON := fs.Bool("json", false, "print JSON")
	by := fs.String("sort", "name", "sort by "+strings.Join(app.CohortSorts, ", "))
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("cohort takes no arguments, got %q", fs.Args())}
	}
	if !store.IsServerURL(db.value) {
		return usageError{"name the server with --db postgres://MENTOR@HOST:5432/DATABASE"}
	}
	rows, err := app.LoadCohort(db.value, env.Now())
	if err != nil {
		return err
	}
	if err := app.SortCohort(rows, *by); err != nil {
		return usageError{err.Error()}
	}
	if *asJSON {
		return printCohortJSON(env, rows)
	}
	if len(rows) == 0 {
		fmt.Fprintln(env.Stdout, "No learner's data can be read with this login yet. Set the cohort up with: studyplanner server init --db URL --learners ana,ben --mentor NAME;\na learner appears once their app has opened their data.")
		return nil
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "Learner\tProgress\tStanding\tLast 7 days\tLast 28 days\tStreak\tCards due\tCurrent step\tLast study")
	for _, r := range rows {
		if r.Problem != "" {
			fmt.Fprintf(w, "%s\t\t\t\t\t\t\t\t(cannot be read: %s)\n", r.Learner, r.Problem)
			continue
		}
		fmt.Fprintf(w, "%s\t%d%%\t%s\t%.1f h\t%.1f h\t%d d\t%d\t%s\t%s\n", r.Learner, r.Percent, standingText(r),
			r.Hours7, r.Hours28, r.Streak, r.CardsDue, orDash(r.CurrentStep), dayOrNever(r.LastActivity))
	}
	return w.Flush()
}

func standingText(r app.CohortRow) string {
	switch {
	case !r.Started:
		return "not started"
	case r.DaysAhead < 0:
		return fmt.Sprintf("%d days behind", -r.DaysAhead)
	case r.DaysAhead > 0:
		return fmt.Sprintf("%d days ahead", r.DaysAhead)
	}
	return "on track"
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func dayOrNever(t time.Time) string {
	if t.IsZero() {
		return "not this year"
	}
	return t.Format(time.DateOnly)
}

func printCohortJSON(env Env, rows []app.CohortRow) error {
	type row struct {
		Learner      string  `json:"learner"`
		Percent      int     `json:"progress_percent"`
		Started      bool    `json:"started"`
		DaysAhead    int     `json:"days_ahead"`
		Hours7       float64 `json:"hours_last_7_days"`
		Hours28      float64 `json:"hours_last_28_days"`
		Streak       int     `json:"streak_days"`
		CardsDue     int     `json:"practice_cards_due"`
		CurrentStep  string  `json:"current_step"`
		LastActivity string  `json:"last_study_day"`
		Problem      string  `json:"problem,omitempty"`
	}
	out := make([]row, len(rows))
	for i, r := range rows {
		out[i] = row{r.Learner, r.Percent, r.Started, r.DaysAhead, r.Hours7, r.Hours28, r.Streak, r.CardsDue, r.CurrentStep, "", r.Problem}
		if !r.LastActivity.IsZero() {
			out[i].LastActivity = r.LastActivity.Format(time.DateOnly)
		}
	}
	return snapshot.WriteJSON(env.Stdout, out)
}
