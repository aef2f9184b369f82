package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/jobpdf"
	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
)

const jobsUsage = `jobs [--db PATH] [--stage S] [--json]
  studyplanner jobs add [--db PATH] --company C --role R [--url U] [--source S] [--stage S] [--date D]
  studyplanner jobs move [--db PATH] ID STAGE [--date D] [--note N]
  studyplanner jobs stats [--db PATH] [--json]
  studyplanner jobs export [--db PATH] --format csv|pdf|record-csv --out FILE [--name NAME] [--from D] [--to D]
  studyplanner jobs import [--db PATH] FILE.csv [--events FILE] [--map FIELD=HEADER,...]
    (an application already there, the same company, role and first date, is left out)`

func runJobs(env Env, args []string) error {
	db, args := leadingDB(args)
	sub := map[string]func(Env, []string) error{
		"add": runJobsAdd, "move": runJobsMove, "stats": runJobsStats, "export": runJobsExport, "import": runJobsImport,
	}
	if len(args) > 0 {
		if run, ok := sub[args[0]]; ok {
			return run(env, append(append([]string(nil), db...), args[1:]...))
		}
	}
	return runJobsList(env, append(db, args...))
}

// applicationJSON is one entry of `jobs --json`.
type applicationJSON struct {
	ID            uint        `json:"id"`
	Company       string      `json:"company"`
	Role          string      `json:"role"`
	URL           string      `json:"url"`
	Source        string      `json:"source"`
	Location      string      `json:"location"`
	Remote        string      `json:"remote"`
	SalaryAsked   int64       `json:"salary_asked"`
	SalaryOffered int64       `json:"salary_offered"`
	Currency      string      `json:"currency"`
	Stage         string      `json:"stage"`
	LastMove      string      `json:"last_move"`
	DaysSince     int         `json:"days_since_last_move"`
	NextAction    string      `json:"next_action,omitempty"`
	NextDate      string      `json:"next_action_date,omitempty"`
	History       []eventJSON `json:"history"`
}

type eventJSON struct {
	Stage string `json:"stage"`
	Date  string `json:"date"`
	Note  string `json:"note"`
}

func runJobsList(env Env, args []string) error {
	fs, db := newFlags(env, "jobs")
	stage := fs.String("stage", "", "list only the applications now in this stage")
	asJSON := fs.Bool("json", false, "print a JSON list")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unknown jobs command %q; the commands are add, move, stats, export, import", fs.Arg(0))}
	}
	var d app.JobsData
	if err := withData(env, db, func(st *store.Store) (err error) { d, err = app.LoadJobs(st); return err }); err != nil {
		return err
	}
	apps := d.Board.Applications
	empty := "No applications yet. Add one with: studyplanner jobs add --company C --role R"
	if *stage != "" {
		st, ok := d.Board.StageNamed(*stage)
		if !ok {
			return usageError{fmt.Sprintf("--stage %q is not a stage; the stages are: %s", *stage, stageNames(d.Board))}
		}
		apps = d.Board.InStage(st.ID)
		if len(d.Board.Applications) > 0 {
			empty = fmt.Sprintf("No application is at %s now; \"studyplanner jobs\" lists them all.", st.Name)
		}
	}
	now := env.Now()
	if *asJSON {
		list := []applicationJSON{}
		for _, a := range apps {
			list = append(list, applicationEntry(d, a, now))
		}
		return snapshot.WriteJSON(env.Stdout, list)
	}
	if len(apps) == 0 {
		fmt.Fprintln(env.Stdout, empty)
		return nil
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tCOMPANY\tROLE\tSTAGE\tSINCE\tNEXT")
	for _, a := range apps {
		e := applicationEntry(d, a, now)
		next := ""
		if e.NextAction != "" {
			next = e.NextAction + " " + e.NextDate
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\n", a.ID, oneLine(a.Company, 40), oneLine(a.Role, 40), e.Stage, daysWords(e.DaysSince), next)
	}
	return w.Flush()
}

func applicationEntry(d app.JobsData, a jobsearch.Application, now time.Time) applicationJSON {
	st, _ := d.Board.StageOf(a.Current().StageID)
	e := applicationJSON{ID: a.ID, Company: a.Company, Role: a.Role, URL: a.URL, Source: a.Source, Location: a.Location,
		Remote: string(a.Remote), SalaryAsked: a.SalaryAsked, SalaryOffered: a.SalaryOffered, Currency: a.Currency,
		Stage: st.Name, LastMove: a.LastMove().Format(time.DateOnly), DaysSince: jobsearch.DaysSince(a, now), History: []eventJSON{}}
	if act, ok := d.Board.NextAction(a, now, d.Settings.FollowUpDays); ok {
		e.NextAction = act.What
		e.NextDate = act.Due.Format(time.DateOnly)
		if act.Interview {
			e.NextDate = act.Due.Format("2006-01-02 15:04")
		}
	}
	for _, ev := range a.History {
		s, _ := d.Board.StageOf(ev.StageID)
		e.History = append(e.History, eventJSON{Stage: s.Name, Date: ev.Date.Format(time.DateOnly), Note: ev.Note})
	}
	return e
}

func daysWords(n int) string {
	switch n {
	case 0:
		return "today"
	case 1:
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}

func stageNames(b jobsearch.Board) string {
	names := make([]string, len(b.Stages))
	for i, s := range b.Stages {
		names[i] = s.Name
	}
	return strings.Join(names, ", ")
}

func dateFlag(name, value string, today time.Time) (time.Time, error) {
	if value == "" {
		return plan.Date(today), nil
	}
	d, err := time.Parse(time.DateOnly, strings.TrimSpace(value))
	if err != nil {
		return time.Time{}, usageError{fmt.Sprintf("--%s %q is not a date; write it as YYYY-MM-DD", name, value)}
	}
	return d, nil
}

func runJobsAdd(env Env, args []string) error {
	fs, db := newFlags(env, "jobs")
	company := fs.String("company", "", "the company (required)")
	role := fs.String("role", "", "the role (required)")
	url := fs.String("url", "", "the posting's web address")
	source := fs.String("source", "", "how you found it: "+strings.Join(jobsearch.Sources, ", ")+", or your own words")
	stage := fs.String("stage", "Applied", "the stage it starts in")
	day := fs.String("date", "", "the day (YYYY-MM-DD; default today)")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("jobs add takes flags only, got %q; quote a name with spaces", fs.Args())}
	}
	if strings.TrimSpace(*company) == "" || strings.TrimSpace(*role) == "" {
		return usageError{"jobs add needs --company and --role"}
	}
	date, err := dateFlag("date", *day, env.Now())
	if err != nil {
		return err
	}
	n := app.NewApplication{Application: jobsearch.Application{Company: *company, Role: *role, URL: *url, Source: *source}, Stage: *stage, Date: date}
	return withData(env, db, func(st *store.Store) error {
		id, in, err := app.AddApplication(st, n)
		if err != nil {
			return stageUsage(err)
		}
		fmt.Fprintf(env.Stdout, "Added application %d: %s, %s (%s on %s).\n", id, strings.TrimSpace(*company), strings.TrimSpace(*role),
			in.Name, date.Format(time.DateOnly))
		return nil
	})
}

func runJobsMove(env Env, args []string) error {
	fs, db := newFlags(env, "jobs")
	day := fs.String("date", "", "the day of the move (YYYY-MM-DD; default today)")
	note := fs.String("note", "", "a note on the move")
	// Flags may come after ID and STAGE: parse, take the arguments, parse
	// the rest.
	if err := parse(env, fs, args); err != nil {
		return err
	}
	var pos []string
	for rest := fs.Args(); len(rest) > 0; rest = fs.Args() {
		pos = append(pos, rest[0])
		if err := parse(env, fs, rest[1:]); err != nil {
			return err
		}
	}
	if len(pos) < 2 {
		return usageError{"jobs move needs the application's ID and the stage: jobs move 12 Screening"}
	}
	id, err := strconv.ParseUint(pos[0], 10, 32)
	if err != nil || id == 0 {
		return usageError{fmt.Sprintf("%q is not an application's ID; \"studyplanner jobs\" lists them", pos[0])}
	}
	stage := strings.Join(pos[1:], " ")
	date, err := dateFlag("date", *day, env.Now())
	if err != nil {
		return err
	}
	return withData(env, db, func(st *store.Store) error {
		to, err := app.MoveApplication(st, uint(id), stage, date, *note)
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("there is no application %d; \"studyplanner jobs\" lists them", id)
		}
		if err != nil {
			return stageUsage(err)
		}
		fmt.Fprintf(env.Stdout, "Moved application %d to %s on %s.\n", id, to.Name, date.Format(time.DateOnly))
		return nil
	})
}

type statsJSON struct {
	Total              int                      `json:"total"`
	Sent               int                      `json:"sent"`
	Answered           int                      `json:"answered"`
	ResponseRate       float64                  `json:"response_rate"`
	MedianDaysToAnswer *float64                 `json:"median_days_to_first_answer"`
	PerWeek            []jobWeekJSON            `json:"per_week"`
	Funnel             []funnelJSON             `json:"funnel"`
	BySource           []jobsearch.SourceResult `json:"by_source"`
}

type jobWeekJSON struct {
	Week  string `json:"week"`
	Count int    `json:"count"`
}

type funnelJSON struct {
	Stage      string  `json:"stage"`
	Reached    int     `json:"reached"`
	Conversion float64 `json:"conversion"`
}

func runJobsStats(env Env, args []string) error {
	fs, db := newFlags(env, "jobs")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	var d app.JobsData
	if err := withData(env, db, func(st *store.Store) (err error) { d, err = app.LoadJobs(st); return err }); err != nil {
		return err
	}
	f := d.Figures
	if *asJSON {
		out := statsJSON{Total: f.Total, Sent: f.Sent, Answered: f.Answered, ResponseRate: f.ResponseRate, PerWeek: []jobWeekJSON{},
			Funnel: []funnelJSON{}, BySource: f.BySource}
		if out.BySource == nil {
			out.BySource = []jobsearch.SourceResult{}
		}
		if f.HasMedian {
			out.MedianDaysToAnswer = &f.MedianDaysToAnswer
		}
		for _, w := range f.PerWeek {
			out.PerWeek = append(out.PerWeek, jobWeekJSON{w.Start.Format(time.DateOnly), w.Count})
		}
		for _, s := range f.Funnel {
			out.Funnel = append(out.Funnel, funnelJSON{s.Stage.Name, s.Reached, s.Conversion})
		}
		return snapshot.WriteJSON(env.Stdout, out)
	}
	// Percentages of nothing say nothing.
	switch {
	case f.Total == 0:
		fmt.Fprintln(env.Stdout, "No applications yet, so no figures. Add one with: studyplanner jobs add --company C --role R")
		return nil
	case f.Sent == 0:
		fmt.Fprintf(env.Stdout, "%s saved, none sent yet, so no figures; they start with the first one sent.\n", plural(f.Total, "1 application", fmt.Sprintf("%d applications", f.Total)))
		return nil
	}
	fmt.Fprintf(env.Stdout, "%d applications, %d sent; %d answered: a response rate of %.0f%%.\n", f.Total, f.Sent, f.Answered, f.ResponseRate*100)
	if f.HasMedian {
		fmt.Fprintf(env.Stdout, "The first answer came after %s days (the median).\n", strconv.FormatFloat(f.MedianDaysToAnswer, 'f', -1, 64))
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "\nFUNNEL\tREACHED\tOF THE STEP BEFORE")
	for _, s := range f.Funnel {
		fmt.Fprintf(w, "%s\t%d\t%.0f%%\n", s.Stage.Name, s.Reached, s.Conversion*100)
	}
	fmt.Fprintln(w, "\nSOURCE\tSENT\tANSWERED\tOFFERS\tHIRED")
	for _, s := range f.BySource {
		name := s.Source
		if name == "" {
			name = "(not said)"
		}
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\n", oneLine(name, 30), s.Sent, s.Answered, s.Offers, s.Hired)
	}
	return w.Flush()
}

func runJobsExport(env Env, args []string) error {
	fs, db := newFlags(env, "jobs")
	format := fs.String("format", "csv", "csv: the applications, and their stage events in a second file beside; pdf: the record of applications for a job centre; record-csv: that record as CSV")
	out := fs.String("out", "", "the file to write (for csv, the events go to NAME-events.csv beside it)")
	name := fs.String("name", "", "your name, printed on the record (default: your résumé profile's name)")
	from := fs.String("from", "", "the record's first day (YYYY-MM-DD; default: the first application)")
	to := fs.String("to", "", "the record's last day (YYYY-MM-DD; default: the last application)")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*out) == "" {
		return usageError{"jobs export needs --out FILE"}
	}
	h, err := exportHeader(env, *format, *name, *from, *to)
	if err != nil {
		return err
	}
	return withData(env, db, func(st *store.Store) error {
		if *format == "csv" {
			events, err := app.ExportJobsCSV(st, *out)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "Wrote the applications to %s and their stage events to %s.\n", *out, events)
			return nil
		}
		var buf bytes.Buffer
		if err := app.WriteRecord(st, &buf, h, *format == "record-csv"); err != nil {
			return err
		}
		if err := writeOutput(env, *out, buf.Bytes()); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Wrote the record of applications to %s.\n", *out)
		return nil
	})
}

// exportHeader checks jobs export's format and record flags and gives the
// record's header: a range only for the record, never reversed.
func exportHeader(env Env, format, name, from, to string) (jobpdf.Header, error) {
	h := jobpdf.Header{Name: name, Printed: env.Now()}
	switch format {
	case "csv", "pdf", "record-csv":
	default:
		return h, usageError{fmt.Sprintf("unknown --format %q; the formats are csv, pdf and record-csv", format)}
	}
	if format == "csv" && (from != "" || to != "" || name != "") {
		return h, usageError{"--from, --to and --name are for the record (--format pdf or record-csv); --format csv writes every application"}
	}
	var err error
	if from != "" {
		if h.From, err = dateFlag("from", from, env.Now()); err != nil {
			return h, err
		}
	}
	if to != "" {
		if h.To, err = dateFlag("to", to, env.Now()); err != nil {
			return h, err
		}
	}
	if !h.From.IsZero() && !h.To.IsZero() && h.From.After(h.To) {
		return h, usageError{fmt.Sprintf("--from %s is after --to %s; give the earlier day first", h.From.Format(time.DateOnly), h.To.Format(time.DateOnly))}
	}
	return h, nil
}

func runJobsImport(env Env, args []string) error {
	fs, db := newFlags(env, "jobs")
	events := fs.String("events", "", "the stage events file (default: FILE-events.csv beside FILE, when there is one)")
	mapping := fs.String("map", "", "which column holds each field, FIELD=HEADER,...: fields are company, role, url, source, location, remote, salary_asked, salary_offered, currency, stage, date, notes, posting, id")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	var files []string
	for rest := fs.Args(); len(rest) > 0; rest = fs.Args() {
		files = append(files, rest[0])
		if err := parse(env, fs, rest[1:]); err != nil {
			return err
		}
	}
	if len(files) != 1 {
		return usageError{"jobs import needs one CSV file: jobs import applications.csv"}
	}
	m, err := jobsearch.ParseMapping(*mapping)
	if err != nil {
		return usageError{"--map: " + err.Error()}
	}
	eventsPath := *events
	if eventsPath == "" {
		if _, err := os.Stat(jobsearch.EventsFileName(files[0])); err == nil {
			eventsPath = jobsearch.EventsFileName(files[0])
		}
	}
	return withData(env, db, func(st *store.Store) error {
		im, err := app.ReadJobsCSV(st, files[0], eventsPath, m, env.Now())
		if err != nil {
			return err
		}
		if eventsPath != "" {
			fmt.Fprintf(env.Stdout, "Reading the stage events from %s.\n", eventsPath)
		}
		for _, r := range im.Bad {
			fmt.Fprintf(env.Stderr, "Row %d skipped: %s\n", r.Line, plan.Shorten(r.Err.Error(), 300))
		}
		n, err := app.ImportJobs(st, im)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Imported %d applications", n)
		if already := len(im.Good) + len(im.Already) - n; already > 0 {
			fmt.Fprintf(env.Stdout, "; %d were already there (the same company, role and first date)", already)
		}
		if len(im.Bad) > 0 {
			fmt.Fprintf(env.Stdout, "; skipped %d rows (named above)", len(im.Bad))
		}
		fmt.Fprintln(env.Stdout, ".")
		return nil
	})
}

// plural is one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// stageUsage makes a stage name that is not a stage a usage error (exit 2),
// as --stage is: the command was called with a wrong word.
func stageUsage(err error) error {
	var unknown *app.UnknownStageError
	if errors.As(err, &unknown) {
		return usageError{err.Error()}
	}
	return err
}
