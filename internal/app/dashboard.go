package app

import (
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/salary"
)

// HistoryDays is how far back the headlines (streak, pace, the year of
// study) read the study days: a year and a week.
const HistoryDays = 371

// DashboardReader is what the dashboard reads.
type DashboardReader interface {
	PlanReader
	SalaryReader
	DailyMinutes(from, to time.Time) (map[time.Time]int, error)
}

// Dashboard is the learner's standing on one day: the schedule, the study
// days of the last year, and the pay they aim for.
type Dashboard struct {
	Schedule
	Overview plan.Overview
	Minutes  map[time.Time]int
	Pay      TargetPay
}

// LoadDashboard reads and works out everything the dashboard shows.
func LoadDashboard(r DashboardReader, today time.Time) (Dashboard, error) {
	s, err := LoadSchedule(r, today)
	if err != nil {
		return Dashboard{}, err
	}
	minutes, err := r.DailyMinutes(s.Today.AddDate(0, 0, -HistoryDays), s.Today.AddDate(0, 0, 1))
	if err != nil {
		return Dashboard{}, err
	}
	data, err := LoadSalaries(r)
	if err != nil {
		return Dashboard{}, err
	}
	return Dashboard{Schedule: s, Overview: s.Plan.Overview(), Minutes: minutes, Pay: data.TargetPay()}, nil
}

// TargetPay is the published range for the learner's target country and
// level, and what it is in their comparison currency.
type TargetPay struct {
	Settings salary.Comparison
	Range    salary.Range
	Found    bool
	// InBase is the range converted, when it is in another currency and
	// can be converted.
	InBase *salary.Compared
}
