package plan

import (
	"math"
	"time"
)

// Streaks counts runs of study days. A day counts when at least
// s.MinStreakMinutes were studied on it. The rules forgive: a day that is
// not a study day, or is a day off, neither counts nor breaks a streak
// (unless studied on, when it counts), and today does not break the current
// streak before it is over.
func Streaks(minutes map[time.Time]int, s Settings, today time.Time) (current, longest int) {
	if len(minutes) == 0 {
		return 0, 0
	}
	first := Date(today)
	for d := range minutes {
		if d.Before(first) {
			first = d
		}
	}
	today = Date(today)
	run := 0
	for d := first; !d.After(today); d = d.AddDate(0, 0, 1) {
		switch {
		case minutes[d] >= s.MinStreakMinutes:
			run++
		case d.Equal(today), !s.StudyDays[d.Weekday()], s.IsOff(d):
			// No study yet today, or a free day: the run goes on.
		default:
			run = 0
		}
		if run > longest {
			longest = run
		}
	}
	return run, longest
}

// PaceWindowDays is how far back the recent pace looks.
const PaceWindowDays = 28

// RecentPace is the hours per week studied over the last PaceWindowDays
// days, today included.
func RecentPace(minutes map[time.Time]int, today time.Time) float64 {
	total := 0
	today = Date(today)
	for d := today.AddDate(0, 0, -PaceWindowDays+1); !d.After(today); d = d.AddDate(0, 0, 1) {
		total += minutes[d]
	}
	return float64(total) / 60 / (PaceWindowDays / 7.0)
}

// ProjectedFinish is when the remaining hours are done at the given weekly
// pace; ok is false when the pace is zero.
func ProjectedFinish(remaining, hoursPerWeek float64, today time.Time) (finish time.Time, ok bool) {
	if remaining <= 0 {
		return Date(today), true
	}
	if hoursPerWeek <= 0 {
		return time.Time{}, false
	}
	days := int(math.Ceil(remaining / hoursPerWeek * 7))
	return Date(today).AddDate(0, 0, days), true
}

// TotalWork is the estimated hours of the whole path: every step and skill
// that is not skipped, done or not.
func (p Plan) TotalWork() float64 {
	o := p.Overview()
	return float64(o.HoursTotal)
}

// DaysAhead says how far ahead (positive) or behind (negative) of the
// original plan the learner is, in days of their study time. The plan
// expected the total work spread over the study capacity from the start
// date to the finish; the learner has done the total minus what remains.
func (p Plan) DaysAhead(remaining float64, today time.Time) int {
	s := p.Settings
	start, finish := Date(s.StartDate), s.FinishDate()
	var elapsed, capacity float64
	for d := start; d.Before(finish); d = d.AddDate(0, 0, 1) {
		c := s.DayCapacity(d)
		capacity += c
		if d.Before(Date(today)) {
			elapsed += c
		}
	}
	if capacity == 0 {
		return 0
	}
	total := p.TotalWork()
	expected := total * elapsed / capacity
	done := total - remaining
	perDay := s.HoursPerWeek / 7
	return int(math.Round((done - expected) / perDay))
}

// BaselineWeeks is the hours the plan gave each week when it was made: all
// the work, done or not, laid from the start date at the weekly capacity.
// Set against the hours logged, it shows how the weeks really went.
func (p Plan) BaselineWeeks() []float64 {
	s := p.Settings
	start, finish := Date(s.StartDate), s.FinishDate()
	left := p.TotalWork()
	var weeks []float64
	for ws := WeekStart(start, s.WeekStart); ws.Before(finish); ws = ws.AddDate(0, 0, 7) {
		planned := 0.0
		for d := ws; d.Before(ws.AddDate(0, 0, 7)); d = d.AddDate(0, 0, 1) {
			if d.Before(start) || !d.Before(finish) {
				continue
			}
			take := math.Min(s.DayCapacity(d), left)
			planned += take
			left -= take
		}
		weeks = append(weeks, planned)
	}
	return weeks
}
