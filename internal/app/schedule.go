package app

import (
	"fmt"
	"io"
	"time"

	"github.com/studyplanner/studyplanner/internal/ics"
	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/plan"
)

// PlanReader is what the schedule reads: the plan and the time logged.
type PlanReader interface {
	Plan() (plan.Plan, error)
	Logged() (plan.Logged, error)
}

// Schedule is the plan in time as of one day: what is left, where it
// goes, whether it fits.
type Schedule struct {
	Plan     plan.Plan
	Logged   plan.Logged
	Forecast plan.Forecast
	// Fit says whether the plan fits, with the remedies when it does not.
	Fit   plan.Fit
	Today time.Time
}

// LoadSchedule reads the plan and the logged time and forecasts the rest
// from today.
func LoadSchedule(r PlanReader, today time.Time) (Schedule, error) {
	return inOneSnapshot(r, func(r PlanReader) (Schedule, error) { return loadSchedule(r, today) })
}

func loadSchedule(r PlanReader, today time.Time) (Schedule, error) {
	p, err := r.Plan()
	if err != nil {
		return Schedule{}, err
	}
	logged, err := r.Logged()
	if err != nil {
		return Schedule{}, err
	}
	today = plan.Date(today)
	f := p.Forecast(logged, today)
	return Schedule{Plan: p, Logged: logged, Forecast: f, Fit: p.FitOf(f, logged, today), Today: today}, nil
}

// TodaysWork is the work planned for today, for the tray and the Today
// card.
func (s Schedule) TodaysWork() []plan.PlanItem { return s.Forecast.Days[s.Today] }

// CalendarReader is what the calendar export reads: the plan, the time
// logged, and the sessions.
type CalendarReader interface {
	PlanReader
	Sessions(from, to time.Time) ([]plan.Session, error)
	JobBoard() (jobsearch.Board, error)
	JobSettings() (jobsearch.Settings, error)
}

// WriteCalendar writes the plan from today as timed study blocks at the
// plan's study time (reminder, where the caller knows the reminder time,
// stands in for one that is not set; see plan.Settings.StudyAt), the
// sessions logged up to today as past events, and the steps' target dates,
// as an iCalendar file.
func WriteCalendar(r CalendarReader, w io.Writer, now time.Time, reminder string) error {
	s, err := LoadSchedule(r, now)
	if err != nil {
		return fmt.Errorf("reading the plan for the calendar: %w", err)
	}
	logged, err := r.Sessions(time.Time{}, s.Today.AddDate(0, 0, 1))
	if err != nil {
		return fmt.Errorf("reading the sessions for the calendar: %w", err)
	}
	studyAt := s.Plan.Settings.StudyAt(reminder)
	appointments, err := jobAppointments(r, s.Today, studyAt)
	if err != nil {
		return fmt.Errorf("reading the job search for the calendar: %w", err)
	}
	return ics.Write(w, ics.Export{Days: s.Forecast.Days, Steps: s.Plan.Steps, Sessions: calendarSessions(s.Plan, logged),
		StudyAt: studyAt, Now: now, Appointments: appointments})
}

// calendarSessions names what each session was spent on.
func calendarSessions(p plan.Plan, sessions []plan.Session) []ics.Session {
	names := map[uint]string{}
	for _, c := range p.Categories {
		for _, sk := range c.Skills {
			names[sk.ID] = sk.Name
		}
	}
	steps := map[uint]string{}
	for _, st := range p.Steps {
		steps[st.ID] = st.Title
	}
	out := make([]ics.Session, len(sessions))
	for i, se := range sessions {
		what := names[se.SkillID]
		if what == "" {
			what = steps[se.StepID]
		}
		out[i] = ics.Session{Date: se.Date, Start: se.Start, Minutes: se.Minutes, What: what, Notes: se.Notes}
	}
	return out
}
