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

// ProjectionMinDays is how much of the plan must have passed before a
// finish date is projected from the learner's real pace: a few days say
// nothing about a pace, and a projection from them swings by years.
const ProjectionMinDays = 14

// Standing is how the learner stands against the plan on one day. The
// measure is time: what the plan gave the days before today against what
// was logged from the start date to today. Ticks do not move it, so no
// figure jumps by weeks after one session or one tick.
type Standing struct {
	// Started is false before the plan's start date.
	Started bool
	// PlannedHours is the study time the plan gave the days from its start
	// to yesterday (today is not over), at most the whole work.
	PlannedHours float64
	// StudiedHours is the time logged from the start date to today.
	StudiedHours float64
	// DaysAhead is the difference in study days at the planned pace:
	// positive ahead, negative behind, 0 within a day of the plan.
	DaysAhead int
	// Projection is when the work left is done at the recent pace, once
	// ProjectionMinDays of the plan have passed.
	Projection Projection
}

// Projection is a finish date projected from the learner's real pace.
type Projection struct {
	// Ready is false until ProjectionMinDays of the plan have passed;
	// DaysToWait then says how many are left.
	Ready      bool
	DaysToWait int
	// Pace is the hours per week studied over the last PaceWindowDays
	// days of the plan (fewer, early on).
	Pace float64
	// Finish is the projected day; zero when nothing was studied lately
	// or the pace would take more than ten years.
	Finish time.Time
}

// StandingOn measures the learner against the plan on today, given the
// minutes studied per day and the hours of work left.
func (p Plan) StandingOn(minutes map[time.Time]int, remaining float64, today time.Time) Standing {
	s := p.Settings
	start, today := Date(s.StartDate), Date(today)
	if today.Before(start) {
		return Standing{}
	}
	st := Standing{Started: true}
	st.PlannedHours = math.Min(capacityBetween(s, start, today), p.TotalWork())
	for d, m := range minutes {
		if !d.Before(start) && !d.After(today) {
			st.StudiedHours += float64(m) / 60
		}
	}
	if n := s.StudyDaysPerWeek(); n > 0 && s.StudyHoursPerWeek() > 0 {
		perDay := s.StudyHoursPerWeek() / float64(n)
		st.DaysAhead = int((st.StudiedHours - st.PlannedHours) / perDay) // toward zero: a part day is not a day
	}
	st.Projection = project(minutes, remaining, start, today)
	return st
}

func project(minutes map[time.Time]int, remaining float64, start, today time.Time) Projection {
	days := int(today.Sub(start).Hours()/24) + 1 // today included
	if days < ProjectionMinDays {
		return Projection{DaysToWait: ProjectionMinDays - days}
	}
	window := min(days, PaceWindowDays)
	total := 0
	for d := today.AddDate(0, 0, -window+1); !d.After(today); d = d.AddDate(0, 0, 1) {
		total += minutes[d]
	}
	pr := Projection{Ready: true, Pace: float64(total) / 60 / (float64(window) / 7)}
	pr.Finish, _ = ProjectedFinish(remaining, pr.Pace, today)
	return pr
}

// ProjectedFinish is when the remaining hours are done at the given weekly
// pace; ok is false when the pace is zero or so slow that the day is more
// than ten years away.
func ProjectedFinish(remaining, hoursPerWeek float64, today time.Time) (finish time.Time, ok bool) {
	if remaining <= 0 {
		return Date(today), true
	}
	if hoursPerWeek <= 0 {
		return time.Time{}, false
	}
	days := math.Ceil(remaining / hoursPerWeek * 7)
	if days > maxForecastDays {
		return time.Time{}, false // further than any plan reaches
	}
	return Date(today).AddDate(0, 0, int(days)), true
}

// TotalWork is the estimated hours of the whole path: every step and skill
// that is not skipped, done or not.
func (p Plan) TotalWork() float64 {
	o := p.Overview()
	return float64(o.HoursTotal)
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

// Week is how the week holding today goes: the hours studied, the hours
// the plan gives the whole week, and the part of them due before today.
type Week struct {
	Start                      time.Time
	Studied, Planned, DueSoFar float64
}

// WeekOf measures the week holding today against the plan's weekly hours.
// Days outside the plan's dates and days off give no hours.
func (p Plan) WeekOf(minutes map[time.Time]int, today time.Time) Week {
	s := p.Settings
	today = Date(today)
	w := Week{Start: WeekStart(today, s.WeekStart)}
	start, finish := Date(s.StartDate), s.FinishDate()
	for d := w.Start; d.Before(w.Start.AddDate(0, 0, 7)); d = d.AddDate(0, 0, 1) {
		w.Studied += float64(minutes[d]) / 60
		if d.Before(start) || !d.Before(finish) {
			continue
		}
		w.Planned += s.DayCapacity(d)
		if d.Before(today) {
			w.DueSoFar += s.DayCapacity(d)
		}
	}
	return w
}

// OnTrack reports whether the week's study keeps up with what was due
// before today, a quarter of an hour either way.
func (w Week) OnTrack() bool { return w.Studied+0.25 >= w.DueSoFar }
