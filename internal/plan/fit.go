package plan

import (
	"math"
	"slices"
	"time"
)

// RemedyKind names one way to make a plan that does not fit, fit.
type RemedyKind int

// The remedies, in the order they are offered.
const (
	// MoreHours studies more each week, by the same finish date.
	MoreHours RemedyKind = iota
	// LaterFinish keeps the weekly hours and moves the finish date.
	LaterFinish
	// SmallerScope sets aside some skills for later.
	SmallerScope
)

// Remedy is one change that makes the plan fit, already checked by
// forecasting the plan with it.
type Remedy struct {
	Kind RemedyKind
	// HoursPerWeek is the new weekly pace (MoreHours).
	HoursPerWeek float64
	// HorizonMonths is the new length of the plan (LaterFinish).
	HorizonMonths int
	// SetAside are the skills to set aside (SmallerScope), with their
	// hours left; Group is set when they are the rest of a choose-one group
	// and Keep is then the skill kept.
	SetAside    []Skill
	Group, Keep string
	SavedHours  float64
	// Finish is when the remaining work is done with the change.
	Finish time.Time
}

// Fit is the answer to "does my plan fit?" with, when it does not, the
// changes that would make it.
type Fit struct {
	Fits      bool
	Remaining float64
	// Finish is when the remaining work is done at the planned pace; zero
	// when no study time is left at all.
	Finish time.Time
	// Deadline is the plan's finish date.
	Deadline time.Time
	// NeededHoursPerWeek is the pace that fits the work by the deadline
	// (+Inf when no study day is left before it).
	NeededHoursPerWeek float64
	Remedies           []Remedy
}

// CheckFit answers whether the plan fits, and finds remedies when not.
func (p Plan) CheckFit(logged Logged, today time.Time) Fit {
	return p.checkFit(p.Forecast(logged, today), logged, today)
}

// FitOf is CheckFit for a forecast already made.
func (p Plan) FitOf(f Forecast, logged Logged, today time.Time) Fit {
	return p.checkFit(f, logged, today)
}

func (p Plan) checkFit(f Forecast, logged Logged, today time.Time) Fit {
	fit := Fit{Fits: f.Fits, Remaining: f.RemainingHours, Finish: f.Finish, Deadline: p.Settings.FinishDate(),
		NeededHoursPerWeek: f.NeededHoursPerWeek}
	if f.Fits {
		return fit
	}
	if r, ok := p.moreHours(f, logged, today); ok {
		fit.Remedies = append(fit.Remedies, r)
	}
	if r, ok := p.laterFinish(f, logged, today); ok {
		fit.Remedies = append(fit.Remedies, r)
	}
	if r, ok := p.smallerScope(f, logged, today); ok {
		fit.Remedies = append(fit.Remedies, r)
	}
	return fit
}

// moreHours is the weekly pace, rounded up to the half hour, that fits the
// work by the deadline, if the app allows that many hours.
func (p Plan) moreHours(f Forecast, logged Logged, today time.Time) (Remedy, bool) {
	if math.IsInf(f.NeededHoursPerWeek, 1) || math.IsNaN(f.NeededHoursPerWeek) {
		return Remedy{}, false
	}
	// The rounding up almost always fits; a second half hour covers the
	// float error of sharing hours among days.
	for hours := math.Ceil(f.NeededHoursPerWeek*2) / 2; hours <= MaxHoursPerWeek; hours += 0.5 {
		q := p
		q.Settings.HoursPerWeek = hours
		if g := q.Forecast(logged, today); g.Fits {
			return Remedy{Kind: MoreHours, HoursPerWeek: hours, Finish: g.Finish}, true
		}
		if hours > math.Ceil(f.NeededHoursPerWeek*2)/2 {
			break
		}
	}
	return Remedy{}, false
}

// laterFinish is the shortest plan, up to the longest the app allows, that
// fits the work at the present pace.
func (p Plan) laterFinish(f Forecast, logged Logged, today time.Time) (Remedy, bool) {
	s := p.Settings
	from := latest(Date(today), Date(s.StartDate))
	remaining := f.RemainingHours
	capacity := capacityBetween(s, from, s.FinishDate())
	for months := s.HorizonMonths + 1; months <= MaxHorizonMonths; months++ {
		q := p
		q.Settings.HorizonMonths = months
		capacity += capacityBetween(s, latest(from, p.withHorizon(months-1)), p.withHorizon(months))
		if capacity+hoursEpsilon < remaining {
			continue
		}
		if g := q.Forecast(logged, today); g.Fits {
			return Remedy{Kind: LaterFinish, HorizonMonths: months, Finish: g.Finish}, true
		}
	}
	return Remedy{}, false
}

// withHorizon is the finish date of the plan were it months long.
func (p Plan) withHorizon(months int) time.Time {
	s := p.Settings
	s.HorizonMonths = months
	return s.FinishDate()
}

// smallerScope sets aside skills until the rest fits: first the rest of
// each choose-one group no choice was made in (the roadmap asks for one
// main language, not four), then the skills planned last.
func (p Plan) smallerScope(f Forecast, logged Logged, today time.Time) (Remedy, bool) {
	s := p.Settings
	capacity := capacityBetween(s, latest(Date(today), Date(s.StartDate)), s.FinishDate())
	excess := f.RemainingHours - capacity
	if excess <= 0 {
		return Remedy{}, false
	}
	r := Remedy{Kind: SmallerScope}
	kept := map[uint]bool{}
	for _, g := range p.Groups() {
		if r.SavedHours+hoursEpsilon >= excess {
			break
		}
		if g.Chosen() != nil || len(g.Open) < 2 {
			continue
		}
		keep := g.Likeliest(logged)
		if r.Group == "" {
			r.Group, r.Keep = g.Name, keep.Name
		}
		for name, k := range p.Following(g.Name, keep.ID) {
			kept[k] = true
			r.setAsideRest(p.group(name), k, logged)
		}
	}
	// Then the skills planned last, until the rest fits.
	items := remainingWork(p.withSetAside(r.SetAside), logged)
	for i := len(items) - 1; i >= 0 && r.SavedHours+hoursEpsilon < excess; i-- {
		if id := items[i].SkillID; id != 0 && !kept[id] {
			r.SetAside = append(r.SetAside, p.skillByID(id))
			r.SavedHours += items[i].Hours
		}
	}
	if r.SavedHours+hoursEpsilon < excess {
		return Remedy{}, false
	}
	return p.confirmSetAside(r, logged, today)
}

// setAsideRest adds the open skills of g other than keep, not done and
// not already in the remedy.
func (r *Remedy) setAsideRest(g Group, keep uint, logged Logged) {
	for _, sk := range g.Open {
		if sk.ID == keep || sk.Done() || slices.ContainsFunc(r.SetAside, func(o Skill) bool { return o.ID == sk.ID }) {
			continue
		}
		r.SetAside = append(r.SetAside, sk)
		r.SavedHours += hoursLeft(sk, logged)
	}
}

// group is the plan's group called name.
func (p Plan) group(name string) Group {
	for _, g := range p.Groups() {
		if g.Name == name {
			return g
		}
	}
	return Group{Name: name}
}

// confirmSetAside checks the plan fits with r's skills set aside.
func (p Plan) confirmSetAside(r Remedy, logged Logged, today time.Time) (Remedy, bool) {
	g := p.withSetAside(r.SetAside).Forecast(logged, today)
	if !g.Fits {
		return Remedy{}, false
	}
	r.Finish = g.Finish
	return r, true
}

// capacityBetween is the study time the plan offers from from up to, not
// including, to.
func capacityBetween(s Settings, from, to time.Time) float64 {
	total := 0.0
	for d := from; d.Before(to); d = d.AddDate(0, 0, 1) {
		total += s.DayCapacity(d)
	}
	return total
}

func latest(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func hoursLeft(sk Skill, logged Logged) float64 {
	return math.Max(0, float64(sk.Hours)-float64(logged.BySkill[sk.ID])/60)
}

// withSetAside is the plan with the given skills set aside.
func (p Plan) withSetAside(skills []Skill) Plan {
	aside := map[uint]bool{}
	for _, sk := range skills {
		aside[sk.ID] = true
	}
	q := p
	q.Categories = make([]Category, len(p.Categories))
	for i, c := range p.Categories {
		q.Categories[i] = c
		q.Categories[i].Skills = make([]Skill, len(c.Skills))
		for j, sk := range c.Skills {
			if aside[sk.ID] {
				sk.Status = SkillSkipped
			}
			q.Categories[i].Skills[j] = sk
		}
	}
	return q
}

func (p Plan) skillByID(id uint) Skill {
	sk, _ := p.Skill(id)
	return sk
}

// Skill finds a skill of the plan by ID.
func (p Plan) Skill(id uint) (Skill, bool) {
	for _, c := range p.Categories {
		for _, sk := range c.Skills {
			if sk.ID == id {
				return sk, true
			}
		}
	}
	return Skill{ID: id}, false
}

// Step finds a step of the plan by ID.
func (p Plan) Step(id uint) (Step, bool) {
	for _, st := range p.Steps {
		if st.ID == id {
			return st, true
		}
	}
	return Step{ID: id}, false
}
