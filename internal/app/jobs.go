package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/assets"
	"github.com/studyplanner/studyplanner/internal/atomicfile"
	"github.com/studyplanner/studyplanner/internal/ics"
	"github.com/studyplanner/studyplanner/internal/jobpdf"
	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/resume"
)

// JobReader is what the job search's screen and commands read.
type JobReader interface {
	JobBoard() (jobsearch.Board, error)
	JobSettings() (jobsearch.Settings, error)
	Settings() (plan.Settings, error)
}

// JobWriter is what adding, moving and importing applications write.
type JobWriter interface {
	JobReader
	AddApplication(a jobsearch.Application) (uint, error)
	MoveApplication(appID, stageID uint, date time.Time, note string) (uint, error)
	ImportApplications(apps []jobsearch.Application) error
}

// JobsData is the search as read at one moment, with its figures.
type JobsData struct {
	Board     jobsearch.Board
	Settings  jobsearch.Settings
	WeekStart time.Weekday
	Figures   jobsearch.Figures
}

// LoadJobs reads the board, the search's settings, and works out the
// figures with the plan's week.
func LoadJobs(r JobReader) (JobsData, error) {
	return inOneSnapshot(r, func(r JobReader) (JobsData, error) { return loadJobs(r) })
}

func loadJobs(r JobReader) (JobsData, error) {
	var d JobsData
	var err error
	if d.Board, err = r.JobBoard(); err != nil {
		return d, err
	}
	if d.Settings, err = r.JobSettings(); err != nil {
		return d, err
	}
	ps, err := r.Settings()
	if err != nil {
		return d, err
	}
	d.WeekStart = ps.WeekStart
	d.Figures = d.Board.Compute(d.WeekStart)
	return d, nil
}

// NewApplication is what `jobs add` and the quick form give.
type NewApplication struct {
	Application jobsearch.Application
	Stage       string // a stage's name; "" for Applied
	Date        time.Time
	Note        string
}

// AddApplication adds an application in its first stage, found by name
// (ignoring case); it returns the new ID and that stage, by its own name.
func AddApplication(w JobWriter, n NewApplication) (uint, jobsearch.Stage, error) {
	b, err := w.JobBoard()
	if err != nil {
		return 0, jobsearch.Stage{}, err
	}
	name := n.Stage
	if strings.TrimSpace(name) == "" {
		name = "Applied"
	}
	st, err := stageNamed(b, name)
	if err != nil {
		return 0, st, err
	}
	a := n.Application
	a.History = []jobsearch.Event{{StageID: st.ID, Date: plan.Date(n.Date), Note: strings.TrimSpace(n.Note)}}
	id, err := w.AddApplication(a)
	return id, st, err
}

// UnknownStageError says a name is none of the board's stages.
type UnknownStageError struct {
	Name   string
	Stages []string // the board's stages, in order
}

func (e *UnknownStageError) Error() string {
	return fmt.Sprintf("%q is not a stage; the stages are: %s", e.Name, strings.Join(e.Stages, ", "))
}

func stageNamed(b jobsearch.Board, name string) (jobsearch.Stage, error) {
	st, ok := b.StageNamed(name)
	if !ok {
		names := make([]string, len(b.Stages))
		for i, s := range b.Stages {
			names[i] = s.Name
		}
		return st, &UnknownStageError{Name: strings.TrimSpace(name), Stages: names}
	}
	return st, nil
}

// MoveApplication moves application id into the stage named.
func MoveApplication(w JobWriter, id uint, stage string, date time.Time, note string) (jobsearch.Stage, error) {
	b, err := w.JobBoard()
	if err != nil {
		return jobsearch.Stage{}, err
	}
	st, err := stageNamed(b, stage)
	if err != nil {
		return st, err
	}
	_, err = w.MoveApplication(id, st.ID, date, note)
	return st, err
}

// ExportJobsCSV writes the applications to path and their stage events
// beside it (jobsearch.EventsFileName), each file whole or not at all.
// It returns the events file's path.
func ExportJobsCSV(r JobReader, path string) (string, error) {
	b, err := r.JobBoard()
	if err != nil {
		return "", err
	}
	var apps, events bytes.Buffer
	if err := jobsearch.WriteCSV(b, &apps, &events); err != nil {
		return "", err
	}
	eventsPath := jobsearch.EventsFileName(path)
	if err := writeFile(path, apps.Bytes()); err != nil {
		return "", err
	}
	return eventsPath, writeFile(eventsPath, events.Bytes())
}

// applicantNamer gives the record its applicant: the résumé's profile.
// The store has it; a reader without it leaves the line to fill by hand.
type applicantNamer interface {
	ResumeParts() (resume.Parts, error)
}

// recordHeader is h with the applicant's name from the résumé's profile
// when h names nobody.
func recordHeader(r JobReader, h jobpdf.Header) (jobpdf.Header, error) {
	n, ok := r.(applicantNamer)
	if strings.TrimSpace(h.Name) != "" || !ok {
		return h, nil
	}
	parts, err := n.ResumeParts()
	if err != nil {
		return h, err
	}
	h.Name = strings.TrimSpace(parts.Profile.Name)
	return h, nil
}

// WriteRecord writes the record of applications (as PDF, or as CSV when
// asCSV) from the board. The applicant is h.Name, or else the résumé
// profile's name.
func WriteRecord(r JobReader, w io.Writer, h jobpdf.Header, asCSV bool) error {
	b, err := r.JobBoard()
	if err != nil {
		return err
	}
	if h, err = recordHeader(r, h); err != nil {
		return err
	}
	if len(h.Fonts.Regular) == 0 {
		h.Fonts = jobpdf.Fonts{Regular: assets.FontRegular, Bold: assets.FontBold}
	}
	entries := b.Record(h.From, h.To)
	if asCSV {
		return jobsearch.WriteRecordCSV(w, entries)
	}
	return jobpdf.Write(w, h, entries)
}

// ReadJobsCSV reads an applications file and, when eventsPath is not
// empty, its stage events file, against the board's stages.
func ReadJobsCSV(r JobReader, path, eventsPath string, m jobsearch.Mapping, today time.Time) (jobsearch.Import, error) {
	b, err := r.JobBoard()
	if err != nil {
		return jobsearch.Import{}, err
	}
	f, err := os.Open(path)
	if err != nil {
		return jobsearch.Import{}, fmt.Errorf("cannot read %s: %w", path, err)
	}
	defer f.Close()
	var events io.Reader
	if eventsPath != "" {
		ef, err := os.Open(eventsPath)
		if err != nil {
			return jobsearch.Import{}, fmt.Errorf("cannot read the stage events %s: %w", eventsPath, err)
		}
		defer ef.Close()
		events = ef
	}
	im, err := jobsearch.ReadCSV(f, events, m, b.Stages, today)
	if err != nil {
		return im, err
	}
	return im.LeaveOutExisting(b.Applications), nil
}

// ErrNoGoodRows says an import had nothing to add.
var ErrNoGoodRows = errors.New("no row of the file can be imported")

// ImportJobs adds the good rows of an import in one transaction, leaving
// out those already on the board as it is now (jobsearch.SameApplication:
// the board may have changed since the file was read). It returns how
// many it added; an import whose good rows were all there already adds
// nothing and is no error.
func ImportJobs(w JobWriter, im jobsearch.Import) (int, error) {
	if len(im.Good) == 0 && len(im.Already) == 0 {
		return 0, ErrNoGoodRows
	}
	b, err := w.JobBoard()
	if err != nil {
		return 0, err
	}
	im = im.LeaveOutExisting(b.Applications)
	if len(im.Good) == 0 {
		return 0, nil
	}
	apps := make([]jobsearch.Application, len(im.Good))
	for i, r := range im.Good {
		apps[i] = r.Application
	}
	return len(apps), w.ImportApplications(apps)
}

func writeFile(path string, data []byte) error {
	if err := atomicfile.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// Reminders before the job search's appointments in the calendar export.
const (
	InterviewAlarm = time.Hour
	FollowUpAlarm  = 10 * time.Minute
	followUpLength = 15 // minutes set aside to write a follow-up
)

// jobAppointments are the calendar's interviews (all of them, the past
// ones as a record) and the follow-ups due from today, a follow-up at the
// study time (studyAt, "15:04"). Interviews still to come remind an hour
// before; follow-ups ten minutes before.
func jobAppointments(r interface {
	JobBoard() (jobsearch.Board, error)
	JobSettings() (jobsearch.Settings, error)
}, today time.Time, studyAt string) ([]ics.Appointment, error) {
	b, err := r.JobBoard()
	if err != nil {
		return nil, err
	}
	js, err := r.JobSettings()
	if err != nil {
		return nil, err
	}
	at, err := time.Parse("15:04", studyAt)
	if err != nil {
		at = time.Date(0, 1, 1, 18, 0, 0, 0, time.UTC)
	}
	var out []ics.Appointment
	for _, it := range b.Agenda(plan.MinDate, plan.MaxDate, today, js.FollowUpDays) {
		a := ics.Appointment{Summary: it.Title(), Location: it.Place, URL: it.Link}
		if it.Interview {
			a.UID = fmt.Sprintf("interview-%d-%s", it.ApplicationID, it.Start.Format("200601021504"))
			a.Start, a.Minutes = it.Start, it.Minutes
			if a.Location == "" && a.URL != "" {
				a.Location = a.URL
			}
			if !it.Start.Before(today) {
				a.AlarmBefore = InterviewAlarm
			}
		} else {
			a.UID = fmt.Sprintf("follow-up-%d", it.ApplicationID)
			a.Start = it.Start.Add(time.Duration(at.Hour())*time.Hour + time.Duration(at.Minute())*time.Minute)
			a.Minutes, a.AlarmBefore = followUpLength, FollowUpAlarm
			a.Description = fmt.Sprintf("No move for %d days: ask %s how your application stands.", js.FollowUpDays, it.Company)
		}
		out = append(out, a)
	}
	return out, nil
}

// JobAgenda is the job search's appointments by day (plan.Date): every
// interview, and the follow-ups due from today (an overdue one on today).
func JobAgenda(r interface {
	JobBoard() (jobsearch.Board, error)
	JobSettings() (jobsearch.Settings, error)
}, today time.Time) (map[time.Time][]jobsearch.AgendaItem, error) {
	b, err := r.JobBoard()
	if err != nil {
		return nil, err
	}
	js, err := r.JobSettings()
	if err != nil {
		return nil, err
	}
	out := map[time.Time][]jobsearch.AgendaItem{}
	for _, it := range b.Agenda(plan.MinDate, plan.MaxDate, today, js.FollowUpDays) {
		d := plan.Date(it.Start)
		out[d] = append(out[d], it)
	}
	return out, nil
}

// JobsCSVFiles are the applications file and its stage events file, by
// name, to save together.
func JobsCSVFiles(r JobReader) (map[string][]byte, error) {
	b, err := r.JobBoard()
	if err != nil {
		return nil, err
	}
	var apps, events bytes.Buffer
	if err := jobsearch.WriteCSV(b, &apps, &events); err != nil {
		return nil, err
	}
	return map[string][]byte{"applications.csv": apps.Bytes(), jobsearch.EventsFileName("applications.csv"): events.Bytes()}, nil
}

// JobStep is the roadmap step the job search's time counts against, so
// the plan engine counts it like study: the step titled "Find a job"
// (the built-in roadmap's), else the first that is not the skills' step
// and speaks of a job; false when the roadmap has none.
func JobStep(steps []plan.Step) (plan.Step, bool) {
	for _, st := range steps {
		if strings.EqualFold(strings.TrimSpace(st.Title), "Find a job") {
			return st, true
		}
	}
	for _, st := range steps {
		t := strings.ToLower(st.Title)
		if !st.CoversSkills && (strings.Contains(t, "job") || strings.Contains(t, "apply") || strings.Contains(t, "application")) {
			return st, true
		}
	}
	return plan.Step{}, false
}
