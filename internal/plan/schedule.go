package plan

import "time"

// Week is one calendar week of the plan and the work it is meant for.
type Week struct {
	Number int       // 1 for the week holding the start date
	Start  time.Time // the first day of the calendar week, which may precede the plan's start
	// PlanDays counts the days of this week inside the plan: fewer than 7 in
	// the first and last weeks when the plan starts or ends mid-week.
	PlanDays int
	Steps    []string // titles of the roadmap steps worked on this week
	Skills   []string // names of the skills studied this week
}

// End is the first day after the week.
func (w Week) End() time.Time { return w.Start.AddDate(0, 0, 7) }

// Contains reports whether day falls in the week.
func (w Week) Contains(day time.Time) bool {
	d := Date(day)
	return !d.Before(w.Start) && d.Before(w.End())
}

// WeekStart returns the first day of the calendar week holding day.
func WeekStart(day time.Time, first time.Weekday) time.Time {
	d := Date(day)
	back := (int(d.Weekday()) - int(first) + 7) % 7
	return d.AddDate(0, 0, -back)
}

// workItem is a stretch of the path: a step's own work or one skill.
type workItem struct {
	step  string
	skill string
	hours int
}

// Schedule lays the whole path, in roadmap order, evenly over the plan's
// days and reports which steps and skills each calendar week is for. A step
// that covers skills is worked through skill by skill, in category order.
// Skipped steps take no time. Work with no estimate still shows in the week
// where its turn comes, so nothing on the roadmap disappears from the
// calendar.
func Schedule(s Settings, steps []Step, categories []Category, firstDay time.Weekday) []Week {
	start := Date(s.StartDate)
	finish := s.FinishDate()
	totalDays := DaysBetween(start, finish)
	if totalDays <= 0 {
		return nil
	}

	var items []workItem
	totalHours := 0
	for _, st := range steps {
		if st.Status == StepSkipped {
			continue
		}
		if !st.CoversSkills {
			items = append(items, workItem{step: st.Title, hours: st.Hours})
			totalHours += st.Hours
			continue
		}
		added := false
		for _, c := range categories {
			for _, sk := range c.Skills {
				if sk.Status == SkillSkipped {
					continue
				}
				items = append(items, workItem{step: st.Title, skill: sk.Name, hours: sk.Hours})
				totalHours += sk.Hours
				added = true
			}
		}
		if !added {
			items = append(items, workItem{step: st.Title})
		}
	}
	if totalHours == 0 {
		// No estimates at all: give every item an equal slice of time.
		for i := range items {
			items[i].hours = 1
		}
		totalHours = len(items)
	}

	var weeks []Week
	dayOffset := 0 // plan days before the current week
	for ws := WeekStart(start, firstDay); ws.Before(finish); ws = ws.AddDate(0, 0, 7) {
		first := maxTime(ws, start)
		last := minTime(ws.AddDate(0, 0, 7), finish)
		days := DaysBetween(first, last)
		weeks = append(weeks, Week{Number: len(weeks) + 1, Start: ws, PlanDays: days})
		assign(&weeks[len(weeks)-1], items, totalHours, totalDays, dayOffset, dayOffset+days)
		dayOffset += days
	}
	return weeks
}

// assign fills w with the items whose share of the timeline overlaps plan
// days [from, to). An item spanning hours [a, b) of the path occupies plan
// days [a*totalDays/totalHours, b*totalDays/totalHours); comparing
// cross-multiplied keeps the arithmetic exact.
func assign(w *Week, items []workItem, totalHours, totalDays, from, to int) {
	lo, hi := from*totalHours, to*totalHours
	isLast := to == totalDays
	cum := 0
	for _, it := range items {
		a, b := cum*totalDays, (cum+it.hours)*totalDays
		cum += it.hours
		var overlaps bool
		if a == b {
			// Unestimated work sits at a point; the last week takes the end.
			overlaps = a >= lo && (a < hi || isLast)
		} else {
			overlaps = a < hi && b > lo
		}
		if !overlaps {
			continue
		}
		if len(w.Steps) == 0 || w.Steps[len(w.Steps)-1] != it.step {
			w.Steps = append(w.Steps, it.step)
		}
		if it.skill != "" {
			w.Skills = append(w.Skills, it.skill)
		}
	}
}

// WeekOf finds the plan week holding day.
func WeekOf(weeks []Week, day time.Time) (Week, bool) {
	for _, w := range weeks {
		if w.Contains(day) {
			return w, true
		}
	}
	return Week{}, false
}

// WeeksLeft is the number of weeks, rounded up, from today until the plan's
// finish date; 0 once it has passed.
func WeeksLeft(s Settings, today time.Time) int {
	days := DaysBetween(today, s.FinishDate())
	if days <= 0 {
		return 0
	}
	return (days + 6) / 7
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
