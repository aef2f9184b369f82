package snapshot

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// PackFormat names a roadmap pack: a path to share, without anyone's
// progress in it.
const PackFormat = "studyplanner-pack"

// PackVersion is the pack version this build writes; it reads every
// version up to it.
//
//	1: steps, checklists, links, categories, skills, estimates, prerequisites
//	2: choose-one groups of skills ("group")
const PackVersion = 2

// Pack is a roadmap and skills definition: steps with their checklists and
// links, categories with their skills, estimates and prerequisites. It holds
// no statuses, ticks, levels reached, notes or projects.
type Pack struct {
	Format          string         `json:"format"`
	Version         int            `json:"version"`
	Name            string         `json:"name"`
	Description     string         `json:"description"`
	Roadmap         []PackStep     `json:"roadmap"`
	SkillCategories []PackCategory `json:"skill_categories"`
}

// PackStep is a roadmap step as a pack defines it.
type PackStep struct {
	Title        string   `json:"title"`
	Summary      string   `json:"summary"`
	Hours        int      `json:"hours"`
	CoversSkills bool     `json:"covers_skills"`
	Actions      []string `json:"actions"`
	Links        []Link   `json:"links"`
}

// PackCategory is a category of skills in a pack.
type PackCategory struct {
	Name   string      `json:"name"`
	Skills []PackSkill `json:"skills"`
}

// PackSkill is a skill as a pack defines it.
type PackSkill struct {
	Name          string   `json:"name"`
	Hours         int      `json:"hours"`
	TargetLevel   int      `json:"target_level"`
	Prerequisites []string `json:"prerequisites"`
	Links         []Link   `json:"links"`
	// Group names the choose-one group the skill is in: of the skills
	// sharing a group, the learner picks one (version 2).
	Group string `json:"group,omitempty"`
}

// EncodePack writes p as indented JSON; the same pack gives the same bytes.
func EncodePack(w io.Writer, p Pack) error {
	if err := WriteJSON(w, p); err != nil {
		return fmt.Errorf("writing the pack: %w", err)
	}
	return nil
}

// DecodePack reads and validates a whole pack.
func DecodePack(r io.Reader) (Pack, error) {
	data, head, err := readJSON(r, "pack")
	if err != nil {
		return Pack{}, err
	}
	switch {
	case head.Format == Format:
		return Pack{}, errors.New("this is a full Study Planner backup, not a roadmap pack; restore it with “studyplanner import” instead")
	case head.Format != PackFormat:
		return Pack{}, fmt.Errorf("this is not a roadmap pack: its \"format\" is %q, expected %q", head.Format, PackFormat)
	}
	if err := checkVersion("pack", head.Version, PackVersion); err != nil {
		return Pack{}, err
	}
	var p Pack
	if err := decodeStrict(data, &p); err != nil {
		return Pack{}, err
	}
	if err := p.Validate(); err != nil {
		return Pack{}, err
	}
	return p, nil
}

// Validate checks a pack by the same rules as a document's roadmap and
// skills, reporting problems at the same paths.
func (p Pack) Validate() error {
	v := &validator{}
	v.check(p.Format == PackFormat, "format", "must be %q", PackFormat)
	v.check(p.Version >= 1 && p.Version <= PackVersion, "version", "must be between 1 and %d", PackVersion)
	v.domain("name", plan.ValidateName("pack's name", p.Name))
	v.domain("description", plan.ValidateLength("pack's description", p.Description, plan.MaxTextLen))
	doc := p.AsDocument()
	v.roadmap(doc.Roadmap)
	v.skillCategories(doc.SkillCategories)
	return v.err()
}

// AsDocument is the pack as a learner's data on the day they start it:
// every step to do, every skill not started.
func (p Pack) AsDocument() Document {
	doc := Document{Format: Format, Version: Version, Plan: DefaultPlan(), Projects: []Project{}, Sessions: []Session{},
		Salaries: []Salary{}, Comparison: DefaultComparison(), ExchangeRates: []Rate{}, PPP: []PPP{}}
	for _, st := range p.Roadmap {
		actions := make([]Action, len(st.Actions))
		for i, a := range st.Actions {
			actions[i] = Action{Text: a}
		}
		doc.Roadmap = append(doc.Roadmap, Step{
			Title: st.Title, Summary: st.Summary, Status: string(plan.StepTodo), Hours: st.Hours,
			CoversSkills: st.CoversSkills, Actions: actions, Links: orEmpty(st.Links),
		})
	}
	for _, c := range p.SkillCategories {
		cat := Category{Name: c.Name, Skills: []Skill{}}
		for _, sk := range c.Skills {
			cat.Skills = append(cat.Skills, Skill{
				Name: sk.Name, Status: string(plan.SkillNotStarted), TargetLevel: sk.TargetLevel, Hours: sk.Hours,
				Links: orEmpty(sk.Links), Prerequisites: orEmpty(sk.Prerequisites), Group: sk.Group,
			})
		}
		doc.SkillCategories = append(doc.SkillCategories, cat)
	}
	return doc
}

// PackOf is the definition part of a document, for sharing.
func PackOf(doc Document, name, description string) Pack {
	p := Pack{Format: PackFormat, Version: PackVersion, Name: name, Description: description,
		Roadmap: []PackStep{}, SkillCategories: []PackCategory{}}
	for _, st := range doc.Roadmap {
		actions := make([]string, len(st.Actions))
		for i, a := range st.Actions {
			actions[i] = a.Text
		}
		p.Roadmap = append(p.Roadmap, PackStep{Title: st.Title, Summary: st.Summary, Hours: st.Hours,
			CoversSkills: st.CoversSkills, Actions: actions, Links: orEmpty(st.Links)})
	}
	for _, c := range doc.SkillCategories {
		cat := PackCategory{Name: c.Name, Skills: []PackSkill{}}
		for _, sk := range c.Skills {
			cat.Skills = append(cat.Skills, PackSkill{Name: sk.Name, Hours: sk.Hours, TargetLevel: sk.TargetLevel,
				Prerequisites: orEmpty(sk.Prerequisites), Links: orEmpty(sk.Links), Group: sk.Group})
		}
		p.SkillCategories = append(p.SkillCategories, cat)
	}
	return p
}

// orEmpty makes a nil list an empty one, so every list is written as [] and
// documents compare equal however they were built.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Summary says in a line what a pack holds.
func (p Pack) Summary() string {
	skills := 0
	for _, c := range p.SkillCategories {
		skills += len(c.Skills)
	}
	return fmt.Sprintf("%q: %d steps, %d skills in %d categories", strings.TrimSpace(p.Name), len(p.Roadmap), skills, len(p.SkillCategories))
}
