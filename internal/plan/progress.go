package plan

// Overview is the learner's standing across the whole path.
type Overview struct {
	// HoursDone and HoursTotal weigh every step and skill by its estimated
	// hours, so finishing a 120-hour language moves the needle more than
	// ticking "update your LinkedIn profile".
	HoursDone  float64
	HoursTotal int
	StepsDone  int
	// StepsTotal leaves out skipped steps: the learner chose not to walk them.
	StepsTotal int
	SkillsDone int
	// SkillsTotal leaves out skipped skills.
	SkillsTotal int
	// SkillsProven counts skills a finished portfolio project demonstrates.
	SkillsProven int
	// Current is the step to work on now, or nil when every step is done or
	// skipped.
	Current *Step
	// NextActions are the first open items of the current step.
	NextActions []string
}

// MaxNextActions bounds the dashboard's to-do list.
const MaxNextActions = 5

// Fraction is the share of the path completed, from 0 to 1.
func (o Overview) Fraction() float64 {
	if o.HoursTotal > 0 {
		return clamp01(o.HoursDone / float64(o.HoursTotal))
	}
	// Without estimates, count items instead.
	items := o.StepsTotal + o.SkillsTotal
	if items == 0 {
		return 0
	}
	return clamp01(float64(o.StepsDone+o.SkillsDone) / float64(items))
}

// Percent is Fraction rounded down to a whole percentage, so 99.6% of the
// way does not claim to be finished.
func (o Overview) Percent() int {
	return int(o.Fraction() * 100)
}

// Summarize computes the Overview of a roadmap and its skills.
func Summarize(steps []Step, categories []Category) Overview {
	var o Overview
	for i := range steps {
		st := &steps[i]
		if st.Status == StepSkipped {
			continue
		}
		o.StepsTotal++
		if st.Status == StepDone {
			o.StepsDone++
		}
		if !st.CoversSkills {
			o.HoursTotal += st.Hours
			o.HoursDone += float64(st.Hours) * StepFraction(*st)
		}
		if o.Current == nil && st.Status == StepInProgress {
			o.Current = st
		}
	}
	if o.Current == nil {
		for i := range steps {
			if steps[i].Status == StepTodo {
				o.Current = &steps[i]
				break
			}
		}
	}
	for _, c := range categories {
		for _, sk := range c.Skills {
			if sk.Status == SkillSkipped {
				continue
			}
			o.SkillsTotal++
			o.HoursTotal += sk.Hours
			if sk.Done() {
				o.SkillsDone++
				o.HoursDone += float64(sk.Hours)
			}
			if sk.Proven {
				o.SkillsProven++
			}
		}
	}
	o.NextActions = nextActions(o.Current, categories)
	return o
}

func nextActions(current *Step, categories []Category) []string {
	if current == nil {
		return nil
	}
	var next []string
	for _, a := range current.Actions {
		if len(next) == MaxNextActions {
			return next
		}
		if !a.Done {
			next = append(next, a.Text)
		}
	}
	if !current.CoversSkills {
		return next
	}
	for _, c := range categories {
		for _, sk := range c.Skills {
			if len(next) == MaxNextActions {
				return next
			}
			if !sk.Done() && sk.Status != SkillSkipped {
				next = append(next, "Study "+sk.Name)
			}
		}
	}
	return next
}

// StepFraction is how far a step has come: a done step is complete, and an
// open one is as far along as its ticked checklist.
func StepFraction(s Step) float64 {
	switch s.Status {
	case StepDone:
		return 1
	case StepSkipped:
		return 0
	}
	if len(s.Actions) == 0 {
		return 0
	}
	done := 0
	for _, a := range s.Actions {
		if a.Done {
			done++
		}
	}
	return float64(done) / float64(len(s.Actions))
}

// CategoryProgress counts a category's done skills out of those not
// skipped.
func CategoryProgress(c Category) (done, total int) {
	for _, sk := range c.Skills {
		switch {
		case sk.SetAside():
			continue
		case sk.Done():
			done++
		}
		total++
	}
	return done, total
}

// Ratio is done/total as a fraction, 0 when there is nothing to do.
func Ratio(done, total int) float64 {
	if total <= 0 {
		return 0
	}
	return clamp01(float64(done) / float64(total))
}

func clamp01(f float64) float64 {
	switch {
	case f < 0:
		return 0
	case f > 1:
		return 1
	}
	return f
}
