package app

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// NotFoundError says a name matches no skill or step, with the names that
// come close.
type NotFoundError struct {
	What, Name string
	Close      []string
}

func (e *NotFoundError) Error() string {
	msg := fmt.Sprintf("there is no %s called %q", e.What, e.Name)
	if len(e.Close) == 0 {
		return msg
	}
	quoted := make([]string, len(e.Close))
	for i, n := range e.Close {
		quoted[i] = strconv.Quote(n)
	}
	return msg + "; did you mean " + strings.Join(quoted, " or ") + "?"
}

// FindSkill looks a skill up by name, ignoring case.
func FindSkill(p plan.Plan, name string) (uint, error) {
	var names []string
	for _, c := range p.Categories {
		for _, sk := range c.Skills {
			if strings.EqualFold(sk.Name, name) {
				return sk.ID, nil
			}
			names = append(names, sk.Name)
		}
	}
	return 0, &NotFoundError{What: "skill", Name: name, Close: containing(names, name)}
}

// FindStep looks a roadmap step up by title, ignoring case.
func FindStep(p plan.Plan, title string) (uint, error) {
	var titles []string
	for _, st := range p.Steps {
		if strings.EqualFold(st.Title, title) {
			return st.ID, nil
		}
		titles = append(titles, st.Title)
	}
	return 0, &NotFoundError{What: "step", Name: title, Close: containing(titles, title)}
}

func containing(all []string, part string) []string {
	var out []string
	for _, n := range all {
		if strings.Contains(strings.ToLower(n), strings.ToLower(part)) {
			out = append(out, n)
		}
	}
	return out
}

// SessionLogger is what logging a session by name needs.
type SessionLogger interface {
	Plan() (plan.Plan, error)
	LogSession(s plan.Session) (uint, error)
}

// LogSessionFor logs a session for the skill and step named (either may be
// empty), as a script names them.
func LogSessionFor(st SessionLogger, s plan.Session, skill, step string) (plan.Session, error) {
	if err := plan.ValidateSession(s); err != nil {
		return s, err
	}
	p, err := st.Plan()
	if err != nil {
		return s, err
	}
	if skill != "" {
		if s.SkillID, err = FindSkill(p, skill); err != nil {
			return s, err
		}
	}
	if step != "" {
		if s.StepID, err = FindStep(p, step); err != nil {
			return s, err
		}
	}
	s.ID, err = st.LogSession(s)
	return s, err
}
