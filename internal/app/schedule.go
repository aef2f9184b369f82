package app

import (
	"fmt"
	"io"
	"time"

	"github.com/studyplanner/studyplanner/internal/ics"
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

// WriteCalendar writes the plan from today, and the steps' target dates,
// as an iCalendar file.
func WriteCalendar(r PlanReader, w io.Writer, now time.Time) error {
	s, err := LoadSchedule(r, now)
	if err != nil {
		return fmt.Errorf("reading the plan for the calendar: %w", err)
	}
	return ics.Write(w, s.Forecast.Days, s.Plan.Steps, now)
}
