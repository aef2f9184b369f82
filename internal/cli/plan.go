package cli

import (
	"flag"
	"fmt"
	"math"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dustin/go-humanize"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
)

// planJSON is what `plan --json` prints.
type planJSON struct {
	Fits               bool         `json:"fits"`
	Finish             *string      `json:"finish"` // null when no study time is left at all
	PlanFinish         string       `json:"plan_finish"`
	Start              string       `json:"start"`
	Months             int          `json:"months"`
	HoursPerWeek       float64      `json:"hours_per_week"`
	StudyTime          string       `json:"study_time,omitempty"`
	RemainingHours     float64      `json:"remaining_hours"`
	NeededHoursPerWeek *float64     `json:"needed_hours_per_week,omitempty"`
	Remedies           []remedyJSON `json:"remedies,omitempty"`
	Weeks              []weekJSON   `json:"weeks"`
}

// remedyJSON is one change that would make the plan fit.
type remedyJSON struct {
	Kind         string   `json:"kind"` // more_hours, later_finish or smaller_scope
	HoursPerWeek float64  `json:"hours_per_week,omitempty"`
	Months       int      `json:"months,omitempty"`
	SetAside     []string `json:"set_aside,omitempty"`
	SavedHours   float64  `json:"saved_hours,omitempty"`
	Finish       string   `json:"finish"`
}

type weekJSON struct {
	Start         string     `json:"start"`
	CapacityHours float64    `json:"capacity_hours"`
	PlannedHours  float64    `json:"planned_hours"`
	Items         []itemJSON `json:"items"`
}

type itemJSON struct {
	Skill *string `json:"skill"` // null for a step's own work
	Step  string  `json:"step"`
	Hours float64 `json:"hours"`
}

// round2 keeps two decimals: hours to the minute or so, without float noise.
func round2(f float64) float64 { return math.Round(f*100) / 100 }

func runPlan(env Env, args []string) error {
	fs, db := newFlags(env, "plan")
	start := fs.String("start", "", "set the plan's first day (YYYY-MM-DD)")
	var months decimalInt
	fs.Var(&months, "months", fmt.Sprintf("set the plan's length in months (%d-%d)", plan.MinHorizonMonths, plan.MaxHorizonMonths))
	var hours decimalFloat
	fs.Var(&hours, "hours-per-week", "set the hours you study a week")
	studyTime := fs.String("study-time", "", "set the time of day you usually study (24-hour HH:MM), where the calendar export puts each day's study; \"\" for the reminder time, else "+plan.DefaultStudyTime)
	asJSON := fs.Bool("json", false, "print the plan as JSON")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("plan takes no arguments, got %q", fs.Args())}
	}
	return withData(env, db, func(st *store.Store) error {
		if err := changeSettings(st, fs, settingsFlags{*start, months.value, hours.value, *studyTime}); err != nil {
			return err
		}
		s, err := app.LoadSchedule(st, env.Now())
		if err != nil {
			return err
		}
		if *asJSON {
			return printPlanJSON(env, s.Plan, s.Forecast, s.Fit)
		}
		return printPlanText(env, s.Plan, s.Forecast, s.Fit, s.Today)
	})
}

// changeSettings applies the flags that were given, all or none.
// settingsStore is what changing the plan from the command line needs.
type settingsStore interface {
	Settings() (plan.Settings, error)
	UpdateSettings(before, after plan.Settings) error
}

// settingsFlags are the values of plan's flags that change the settings.
type settingsFlags struct {
	start     string
	months    int
	hours     float64
	studyTime string
}

func changeSettings(st settingsStore, fs *flag.FlagSet, f settingsFlags) error {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if !set["start"] && !set["months"] && !set["hours-per-week"] && !set["study-time"] {
		return nil
	}
	before, err := st.Settings()
	if err != nil {
		return err
	}
	s := before
	if set["start"] {
		d, err := time.Parse(time.DateOnly, f.start)
		if err != nil {
			return usageError{fmt.Sprintf("--start %q is not a date; write it as YYYY-MM-DD", f.start)}
		}
		s.StartDate = d
	}
	if set["months"] {
		s.HorizonMonths = f.months
	}
	if set["hours-per-week"] {
		s.HoursPerWeek = f.hours
	}
	if set["study-time"] {
		if s.StudyTime, err = studyTimeFlag(f.studyTime); err != nil {
			return err
		}
	}
	if err := s.Validate(); err != nil {
		return usageError{err.Error() + "; nothing was changed"}
	}
	return st.UpdateSettings(before, s)
}

// studyTimeFlag reads --study-time: a time of day, or "" for none.
func studyTimeFlag(v string) (string, error) {
	if strings.TrimSpace(v) == "" {
		return "", nil
	}
	at, err := plan.ParseClock(v)
	if err != nil {
		return "", usageError{"--study-time " + err.Error() + "; nothing was changed"}
	}
	return at, nil
}

func printPlanJSON(env Env, p plan.Plan, f plan.Forecast, fit plan.Fit) error {
	out := planJSON{Fits: f.Fits, PlanFinish: p.Settings.FinishDate().Format(time.DateOnly),
		Start: p.Settings.StartDate.Format(time.DateOnly), Months: p.Settings.HorizonMonths,
		HoursPerWeek: p.Settings.HoursPerWeek, StudyTime: p.Settings.StudyTime, RemainingHours: round2(f.RemainingHours), Weeks: []weekJSON{}}
	if !f.Finish.IsZero() {
		finish := f.Finish.Format(time.DateOnly)
		out.Finish = &finish
	}
	if !f.Fits && !math.IsInf(f.NeededHoursPerWeek, 1) {
		needed := math.Ceil(f.NeededHoursPerWeek*10) / 10
		out.NeededHoursPerWeek = &needed
	}
	for _, r := range fit.Remedies {
		out.Remedies = append(out.Remedies, remedyOf(r))
	}
	for _, w := range f.Weeks {
		week := weekJSON{Start: w.Start.Format(time.DateOnly), CapacityHours: round2(w.CapacityHours),
			PlannedHours: round2(w.PlannedHours), Items: []itemJSON{}}
		for _, it := range w.Items {
			item := itemJSON{Step: it.Step, Hours: round2(it.Hours)}
			if it.SkillID != 0 {
				name := it.Name
				item.Skill = &name
			}
			week.Items = append(week.Items, item)
		}
		out.Weeks = append(out.Weeks, week)
	}
	return snapshot.WriteJSON(env.Stdout, out)
}

// studyTimeText is ", at 18:30" for a plan with a study time.
func studyTimeText(s plan.Settings) string {
	if s.StudyTime == "" {
		return ""
	}
	return ", at " + s.StudyTime
}

func remedyOf(r plan.Remedy) remedyJSON {
	out := remedyJSON{Finish: r.Finish.Format(time.DateOnly), SavedHours: round2(r.SavedHours)}
	switch r.Kind {
	case plan.MoreHours:
		out.Kind, out.HoursPerWeek = "more_hours", r.HoursPerWeek
	case plan.LaterFinish:
		out.Kind, out.Months = "later_finish", r.HorizonMonths
	default:
		out.Kind = "smaller_scope"
		for _, sk := range r.SetAside {
			out.SetAside = append(out.SetAside, sk.Name)
		}
	}
	return out
}

// printRemedies says how to make the plan fit, with the command for each
// change a command can make.
func printRemedies(env Env, fit plan.Fit) {
	if len(fit.Remedies) == 0 {
		return
	}
	fmt.Fprintln(env.Stdout, "To make it fit, one of:")
	for _, r := range fit.Remedies {
		switch r.Kind {
		case plan.MoreHours:
			fmt.Fprintf(env.Stdout, "  study %s h a week (done by %s): studyplanner plan --hours-per-week %s\n",
				humanize.FtoaWithDigits(r.HoursPerWeek, 1), r.Finish.Format(time.DateOnly), humanize.FtoaWithDigits(r.HoursPerWeek, 1))
		case plan.LaterFinish:
			fmt.Fprintf(env.Stdout, "  give it %d months (done by %s): studyplanner plan --months %d\n", r.HorizonMonths, r.Finish.Format(time.DateOnly), r.HorizonMonths)
		default:
			names := make([]string, len(r.SetAside))
			for i, sk := range r.SetAside {
				names[i] = sk.Name
			}
			fmt.Fprintf(env.Stdout, "  set aside %s (%s h less; done by %s): in the window, Skills\n",
				strings.Join(names, ", "), humanize.Comma(int64(math.Round(r.SavedHours))), r.Finish.Format(time.DateOnly))
		}
	}
}

func printPlanText(env Env, p plan.Plan, f plan.Forecast, fit plan.Fit, today time.Time) error {
	s := p.Settings
	fmt.Fprintf(env.Stdout, "Plan: %s to %s (%d months), %s h a week on %s%s.\n",
		s.StartDate.Format(time.DateOnly), s.FinishDate().Format(time.DateOnly), s.HorizonMonths,
		humanize.FtoaWithDigits(s.HoursPerWeek, 1), strings.Join(plan.FormatStudyDays(s.StudyDays), ", "), studyTimeText(s))
	fmt.Fprintf(env.Stdout, "Work left: about %s hours.\n", humanize.Comma(int64(math.Round(f.RemainingHours))))
	switch {
	case f.Fits:
		fmt.Fprintf(env.Stdout, "It fits: done by %s.\n", f.Finish.Format(time.DateOnly))
	case math.IsInf(f.NeededHoursPerWeek, 1):
		fmt.Fprintln(env.Stdout, "It does not fit: no study day is left before the finish date. Move the start date or lengthen the plan.")
	default:
		fmt.Fprintf(env.Stdout, "It does not fit: it needs %s h a week to finish by %s.",
			humanize.FtoaWithDigits(math.Ceil(f.NeededHoursPerWeek*10)/10, 1), s.FinishDate().Format(time.DateOnly))
		if !f.Finish.IsZero() {
			fmt.Fprintf(env.Stdout, " At %s h a week you finish on %s.", humanize.FtoaWithDigits(s.HoursPerWeek, 1), f.Finish.Format(time.DateOnly))
		}
		fmt.Fprintln(env.Stdout)
	}
	printRemedies(env, fit)
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "\nWEEK OF\tHOURS\tWORK")
	shown := 0
	for _, wk := range f.Weeks {
		if wk.Start.AddDate(0, 0, 7).Before(today) || len(wk.Items) == 0 {
			continue
		}
		var names []string
		for _, it := range wk.Items {
			names = append(names, it.Name)
		}
		fmt.Fprintf(w, "%s\t%s/%s\t%s\n", wk.Start.Format(time.DateOnly), humanize.FtoaWithDigits(wk.PlannedHours, 1),
			humanize.FtoaWithDigits(wk.CapacityHours, 1), strings.Join(names, ", "))
		if shown++; shown == 8 {
			fmt.Fprintln(w, "…\t\t(all weeks: studyplanner plan --json)")
			break
		}
	}
	return w.Flush()
}
