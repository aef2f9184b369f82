package plan

// Group is a choose-one group of skills: the roadmap asks for one of them
// (one main language, one database), not all. The skills not chosen are
// set aside: not counted, not planned, and brought back by choosing again.
type Group struct {
	Name string
	// Skills are every skill of the group, in checklist order.
	Skills []Skill
	// Open are the skills of the group not set aside.
	Open []Skill
}

// Chosen is the one skill of the group still open, or nil while the
// learner keeps several (or none).
func (g Group) Chosen() *Skill {
	if len(g.Open) != 1 {
		return nil
	}
	return &g.Open[0]
}

// Groups are the plan's choose-one groups, in checklist order.
func (p Plan) Groups() []Group {
	var groups []Group
	index := map[string]int{}
	for _, c := range p.Categories {
		for _, sk := range c.Skills {
			if sk.Group == "" {
				continue
			}
			i, seen := index[sk.Group]
			if !seen {
				i = len(groups)
				index[sk.Group] = i
				groups = append(groups, Group{Name: sk.Group})
			}
			groups[i].Skills = append(groups[i].Skills, sk)
			if sk.Status != SkillSkipped {
				groups[i].Open = append(groups[i].Open, sk)
			}
		}
	}
	return groups
}

// Likeliest is the open skill the learner most likely means to keep: one
// done, else one being learned, else the one with the most time logged;
// with no sign of a choice, the one with the fewest hours, which makes a
// plan fit soonest.
func (g Group) Likeliest(logged Logged) Skill {
	best, rank := g.Open[0], -1
	for _, sk := range g.Open {
		r := 0
		switch {
		case sk.Done():
			r = 3
		case sk.Status == SkillLearning:
			r = 2
		case logged.BySkill[sk.ID] > 0:
			r = 1
		}
		better := r > rank ||
			(r == rank && r == 1 && logged.BySkill[sk.ID] > logged.BySkill[best.ID]) ||
			(r == rank && r == 0 && sk.Hours < best.Hours)
		if better {
			best, rank = sk, r
		}
	}
	return best
}

// Choose keeps one skill of a group and sets the others aside; keep 0
// brings the whole group back. Skills already done stay done: what was
// learned is not set aside. It returns the skills whose status changes.
func (g Group) Choose(keep uint) []Skill {
	var changed []Skill
	for _, sk := range g.Skills {
		want := sk.Status
		switch {
		case keep == 0 || sk.ID == keep:
			if sk.Status == SkillSkipped {
				want = SkillNotStarted
			}
		case sk.Status != SkillDone:
			want = SkillSkipped
		}
		if want != sk.Status {
			sk.Status = want
			changed = append(changed, sk)
		}
	}
	return changed
}

// Following is the choice in group, keeping keep, with the choices it
// implies in the groups that depend on it: a web framework is learned in
// the main language, so keeping Python keeps the framework that requires
// Python and sets aside those that require Java, Ruby or Go. A group
// follows when each of its skills requires exactly one skill of group;
// keep 0 (every option back) brings such groups back whole too. The map
// holds group itself.
func (p Plan) Following(group string, keep uint) map[string]uint {
	choices := map[string]uint{group: keep}
	options := map[uint]bool{}
	for _, g := range p.Groups() {
		if g.Name == group {
			for _, sk := range g.Skills {
				options[sk.ID] = true
			}
		}
	}
	for _, g := range p.Groups() {
		if g.Name == group {
			continue
		}
		if k, ok := followingKeep(g, options, keep); ok {
			choices[g.Name] = k
		}
	}
	return choices
}

// followingKeep is g's skill that requires keep, if every skill of g
// requires exactly one of options.
func followingKeep(g Group, options map[uint]bool, keep uint) (uint, bool) {
	var kept uint
	for _, sk := range g.Skills {
		var on []uint
		for _, id := range sk.Prerequisites {
			if options[id] {
				on = append(on, id)
			}
		}
		if len(on) != 1 {
			return 0, false
		}
		if on[0] == keep {
			kept = sk.ID
		}
	}
	if keep != 0 && kept == 0 {
		return 0, false // no option of g goes with the one kept
	}
	return kept, true
}
