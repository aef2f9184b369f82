package plan

import (
	"math"
	"time"
)

// PlanItem is a piece of work given to a day or a week.
type PlanItem struct {
	SkillID uint   // 0 for a step's own work
	StepID  uint   // the step the work belongs to
	Name    string // the skill's name, or the step's title for its own work
	Step    string // the step's title
	Hours   float64
}

// PlanWeek is one calendar week of the forecast.
type PlanWeek struct {
	Start         time.Time
	CapacityHours float64 // study time the week still offers (none before today)
	PlannedHours  float64
	Items         []PlanItem
}

// Forecast is the plan from today on: which work goes on which day, and
// whether it all fits before the finish date.
type Forecast struct {
	// Days holds the work planned for each day from today, keyed by date.
	Days map[time.Time][]PlanItem
	// Weeks are the calendar weeks of the plan's horizon, in order.
	Weeks []PlanWeek
	// RemainingHours is the work left, after done items and logged hours.
	RemainingHours float64
	// Fits reports whether the remaining work fits before the finish date.
	Fits bool
	// Finish is the day the remaining work is done at the planned pace: on
	// or before the plan's finish date when it fits, after it when not. It
	// is zero when the plan leaves no study time at all.
	Finish time.Time
	// NeededHoursPerWeek is the pace that would make the work fit, when it
	// does not. It is +Inf when no study day is left before the finish date.
	NeededHoursPerWeek float64
}

// maxForecastDays bounds how far past the horizon the forecast looks for a
// finish date: ten years of the current pace.
const maxForecastDays = 3653

// hoursEpsilon absorbs float rounding when hours are split across days.
const hoursEpsilon = 1e-9

// Forecast plans the remaining work from today. Work is taken in roadmap
// order; the skills of the step that covers them are taken so that every
// prerequisite comes before its dependants. Done and skipped work is left
// out, logged hours are taken off what remains, and no day gets more than
// its capacity. Days before today are not planned: the past stays as it
// happened.
func (p Plan) Forecast(logged Logged, today time.Time) Forecast {
	s := p.Settings
	start, finish := Date(s.StartDate), s.FinishDate()
	from := Date(today)
	if from.Before(start) {
		from = start
	}
	items := remainingWork(p, logged)
	f := Forecast{Days: map[time.Time][]PlanItem{}}
	for _, it := range items {
		f.RemainingHours += it.Hours
	}

	next := 0 // the first item with hours left
	var last time.Time
	for d, n := from, 0; next < len(items) && n < maxForecastDays; d, n = d.AddDate(0, 0, 1), n+1 {
		capacity := s.DayCapacity(d)
		for capacity > hoursEpsilon && next < len(items) {
			it := &items[next]
			take := math.Min(capacity, it.Hours)
			day := *it
			day.Hours = take
			f.Days[d] = append(f.Days[d], day)
			capacity -= take
			it.Hours -= take
			if it.Hours <= hoursEpsilon {
				next++
			}
			last = d
		}
	}
	switch {
	case len(items) == 0:
		f.Fits, f.Finish = true, from
	case next == len(items):
		f.Finish = last.AddDate(0, 0, 1)
		f.Fits = !f.Finish.After(finish)
	}
	if !f.Fits {
		f.NeededHoursPerWeek = neededPace(s, from, finish, f.RemainingHours)
	}

	f.Weeks = planWeeks(s, f.Days, from)
	return f
}

// planWeeks groups the days' work into the calendar weeks of the plan's
// horizon, with the capacity each week still offers from today.
func planWeeks(s Settings, days map[time.Time][]PlanItem, from time.Time) []PlanWeek {
	start, finish := Date(s.StartDate), s.FinishDate()
	var weeks []PlanWeek
	for ws := WeekStart(start, s.WeekStart); ws.Before(finish); ws = ws.AddDate(0, 0, 7) {
		w := PlanWeek{Start: ws}
		for d := ws; d.Before(ws.AddDate(0, 0, 7)); d = d.AddDate(0, 0, 1) {
			if d.Before(from) || !d.Before(finish) {
				continue
			}
			w.CapacityHours += s.DayCapacity(d)
			for _, it := range days[d] {
				w.PlannedHours += it.Hours
				w.Items = addItem(w.Items, it)
			}
		}
		weeks = append(weeks, w)
	}
	return weeks
}

// addItem adds hours to the week's line for the same work, or a new line.
func addItem(items []PlanItem, it PlanItem) []PlanItem {
	for i := range items {
		if items[i].SkillID == it.SkillID && items[i].StepID == it.StepID {
			items[i].Hours += it.Hours
			return items
		}
	}
	return append(items, it)
}

// neededPace is the weekly hours that would fit the remaining work into the
// study days left before the finish date.
func neededPace(s Settings, from, finish time.Time, remaining float64) float64 {
	days := 0
	for d := from; d.Before(finish); d = d.AddDate(0, 0, 1) {
		if s.DayCapacity(d) > 0 {
			days++
		}
	}
	if days == 0 {
		return math.Inf(1)
	}
	return remaining / float64(days) * float64(s.StudyDaysPerWeek())
}

// remainingWork lists the work left in the order it should be done.
func remainingWork(p Plan, logged Logged) []PlanItem {
	var items []PlanItem
	skillsPlaced := false
	for _, st := range p.Steps {
		if st.Status == StepDone || st.Status == StepSkipped {
			continue
		}
		if st.CoversSkills && !skillsPlaced {
			items = append(items, skillWork(p.Categories, logged, st)...)
			skillsPlaced = true
		}
		left := float64(st.Hours)*(1-StepFraction(Step{Status: StepTodo, Actions: st.Actions})) - float64(logged.ByStep[st.ID])/60
		if left > hoursEpsilon {
			items = append(items, PlanItem{StepID: st.ID, Name: st.Title, Step: st.Title, Hours: left})
		}
	}
	if !skillsPlaced {
		// No step is for the skills: they still need their time.
		items = append(items, skillWork(p.Categories, logged, Step{Title: "Skills"})...)
	}
	return items
}

// skillWork is the open skills with hours left, ordered so that every
// prerequisite comes before its dependants and, among skills free to go, in
// checklist order.
func skillWork(categories []Category, logged Logged, step Step) []PlanItem {
	var open []Skill
	for _, c := range categories {
		for _, sk := range c.Skills {
			if !sk.Done() && !sk.SetAside() {
				open = append(open, sk)
			}
		}
	}
	order := prerequisiteOrder(open)
	var items []PlanItem
	for _, i := range order {
		sk := open[i]
		left := float64(sk.Hours) - float64(logged.BySkill[sk.ID])/60
		if left > hoursEpsilon {
			items = append(items, PlanItem{SkillID: sk.ID, StepID: step.ID, Name: sk.Name, Step: step.Title, Hours: left})
		}
	}
	return items
}
