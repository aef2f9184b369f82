package plan

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// The weekly review looks back, on the first study day of a week, at the
// week before: what the plan gave it against what was studied, and where
// that leaves the learner. It is due once per week, so a learner who
// opens the app twice that day is not asked twice.

// ReviewedWeek is the first day of the week a review made on today looks
// back on: the week before today's.
func (s Settings) ReviewedWeek(today time.Time) time.Time {
	return WeekStart(today, s.WeekStart).AddDate(0, 0, -7)
}

// ReviewDue reports whether the review of the week before today's shows
// itself today: today is the first study day of its week (a day off does
// not count as one, so after a Monday holiday it is the Tuesday), the plan
// gave the week before some study (so it has started), and the review of
// that week was not shown yet.
func (s Settings) ReviewDue(today time.Time, shown bool) bool {
	today = Date(today)
	first, ok := s.firstStudyDay(WeekStart(today, s.WeekStart))
	return !shown && ok && today.Equal(first) && s.givesStudy(s.ReviewedWeek(today))
}

// NextReview is the first day, from today on, a review is due on, if the
// plan has one left.
func (s Settings) NextReview(today time.Time) (time.Time, bool) {
	// The review after the plan's last week is the last there is.
	for d, end := Date(today), s.FinishDate().AddDate(0, 0, 14); d.Before(end); d = d.AddDate(0, 0, 1) {
		if s.ReviewDue(d, false) {
			return d, true
		}
	}
	return time.Time{}, false
}

// firstStudyDay is the first day of the week from week on which the
// learner studies: a study day that is not a day off.
func (s Settings) firstStudyDay(week time.Time) (time.Time, bool) {
	for d := week; d.Before(week.AddDate(0, 0, 7)); d = d.AddDate(0, 0, 1) {
		if s.StudyDays[d.Weekday()] && !s.IsOff(d) {
			return d, true
		}
	}
	return time.Time{}, false
}

// givesStudy reports whether the plan gives the week from week any study
// time: a study day within the plan's dates that is not a day off.
func (s Settings) givesStudy(week time.Time) bool {
	for d := week; d.Before(week.AddDate(0, 0, 7)); d = d.AddDate(0, 0, 1) {
		if s.studyDayInPlan(d) {
			return true
		}
	}
	return false
}

func (s Settings) studyDayInPlan(d time.Time) bool {
	return !d.Before(Date(s.StartDate)) && d.Before(s.FinishDate()) && s.DayCapacity(d) > 0
}

// Review is the look back on one week.
type Review struct {
	// Week is the week's first day.
	Week time.Time
	// InPlan is set when the plan gave the week some study; a review of
	// a week before the plan, or after it, has nothing to set the study
	// against.
	InPlan bool
	// Days are the week's seven days, in order.
	Days []ReviewDay
	// PlannedHours is what the plan gave the week when it was made, as
	// BaselineWeeks has it; StudiedMinutes what was logged on its days.
	PlannedHours   float64
	StudiedMinutes int
	// StudyDays counts the days the plan gave study time, and DaysStudied
	// those of them studied on; OtherDaysStudied counts the other days
	// studied on. A day counts as studied with the streak's minimum, as
	// the streak shown beside it counts it.
	StudyDays, DaysStudied, OtherDaysStudied int
	// Items are what the week's study was spent on, the most time first.
	Items []ReviewItem
	// Streak and LongestStreak are as of today, as Streaks counts them.
	Streak, LongestStreak int
	// Standing is how the learner stands against the plan today.
	Standing Standing
}

// ReviewDay is one day of a reviewed week.
type ReviewDay struct {
	Date time.Time
	// Planned is the hours the plan gave the day when it was made.
	Planned float64
	Minutes int
	// StudyDay is set when the plan gave the day study time; Off when it
	// is one of the days off.
	StudyDay, Off bool
}

// ReviewItem is a skill or a step studied in the week, with the time
// spent on it. Study tied to neither has no IDs and no name.
type ReviewItem struct {
	SkillID, StepID uint
	Name            string
	Minutes         int
}

// ReviewOf looks back on the week before today's: minutes are the minutes
// studied per day (as far back as the streak and the standing should
// see), sessions the week's sessions (for what the time went to), and
// remaining the hours of work left (for the projected finish).
func (p Plan) ReviewOf(today time.Time, minutes map[time.Time]int, sessions []Session, remaining float64) Review {
	s := p.Settings
	today = Date(today)
	r := Review{Week: s.ReviewedWeek(today), InPlan: s.givesStudy(s.ReviewedWeek(today))}
	end := r.Week.AddDate(0, 0, 7)
	left := p.workLeftOn(r.Week)
	for d := r.Week; d.Before(end); d = d.AddDate(0, 0, 1) {
		day := ReviewDay{Date: d, Minutes: minutes[d], StudyDay: s.studyDayInPlan(d), Off: s.IsOff(d)}
		if day.StudyDay {
			day.Planned = math.Min(s.DayCapacity(d), left)
			left -= day.Planned
		}
		r.add(day, s.MinStreakMinutes)
	}
	r.Items = studiedItems(p, sessions, r.Week, end)
	r.Streak, r.LongestStreak = Streaks(minutes, s, today)
	r.Standing = p.StandingOn(minutes, remaining, today)
	return r
}

// add counts one day into the week's totals.
func (r *Review) add(day ReviewDay, minStreak int) {
	r.Days = append(r.Days, day)
	r.PlannedHours += day.Planned
	r.StudiedMinutes += day.Minutes
	studied := day.Minutes > 0 && day.Minutes >= minStreak
	switch {
	case day.StudyDay:
		r.StudyDays++
		if studied {
			r.DaysStudied++
		}
	case studied:
		r.OtherDaysStudied++
	}
}

// workLeftOn is the work the plan had not yet laid on the days before
// day when it was made: BaselineWeeks lays it day by day from the start,
// so the days from day on get what is left of it.
func (p Plan) workLeftOn(day time.Time) float64 {
	s := p.Settings
	start := Date(s.StartDate)
	return math.Max(0, p.TotalWork()-capacityBetween(s, start, latest(start, day)))
}

// studiedItems totals the sessions from from up to to by the skill, or
// else the step, they were spent on.
func studiedItems(p Plan, sessions []Session, from, to time.Time) []ReviewItem {
	type key struct{ skill, step uint }
	byItem := map[key]*ReviewItem{}
	var items []*ReviewItem
	for _, se := range sessions {
		if d := Date(se.Date); d.Before(from) || !d.Before(to) {
			continue
		}
		k := key{skill: se.SkillID}
		if k.skill == 0 {
			k.step = se.StepID
		}
		it := byItem[k]
		if it == nil {
			it = &ReviewItem{SkillID: k.skill, StepID: k.step, Name: p.itemName(k.skill, k.step)}
			byItem[k] = it
			items = append(items, it)
		}
		it.Minutes += se.Minutes
	}
	out := make([]ReviewItem, len(items))
	for i, it := range items {
		out[i] = *it
	}
	slices.SortStableFunc(out, func(a, b ReviewItem) int {
		return cmp.Or(cmp.Compare(b.Minutes, a.Minutes), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// itemName is the skill's name, or the step's title, or nothing for
// study tied to neither (or to one deleted since).
func (p Plan) itemName(skill, step uint) string {
	if sk, ok := p.Skill(skill); ok && skill != 0 {
		return sk.Name
	}
	if st, ok := p.Step(step); ok && step != 0 {
		return st.Title
	}
	return ""
}
