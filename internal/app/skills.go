package app

import (
	"github.com/studyplanner/studyplanner/internal/plan"
)

// SkillReader is what the skill list reads.
type SkillReader interface {
	Categories() ([]plan.Category, error)
	Logged() (plan.Logged, error)
}

// SkillRow is one skill with what a list shows beside it.
type SkillRow struct {
	plan.Skill
	Category      string
	Prerequisites []string // by name
	LoggedMinutes int
}

// ListSkills lists every skill in checklist order.
func ListSkills(r SkillReader) ([]SkillRow, error) {
	cats, err := r.Categories()
	if err != nil {
		return nil, err
	}
	logged, err := r.Logged()
	if err != nil {
		return nil, err
	}
	names := map[uint]string{}
	for _, c := range cats {
		for _, sk := range c.Skills {
			names[sk.ID] = sk.Name
		}
	}
	rows := []SkillRow{}
	for _, c := range cats {
		for _, sk := range c.Skills {
			row := SkillRow{Skill: sk, Category: c.Name, Prerequisites: []string{}, LoggedMinutes: logged.BySkill[sk.ID]}
			for _, id := range sk.Prerequisites {
				row.Prerequisites = append(row.Prerequisites, names[id])
			}
			rows = append(rows, row)
		}
	}
	return rows, nil
}

// SkillsReader is what the Skills screen reads.
type SkillsReader interface {
	SkillReader
	Projects() ([]plan.Project, error)
}

// SkillsData is what the Skills screen shows: the checklist, the time
// logged on each skill, and the projects that practise them.
type SkillsData struct {
	Categories []plan.Category
	Logged     plan.Logged
	Projects   []plan.Project
}

// LoadSkills reads the Skills screen's data in one snapshot.
func LoadSkills(r SkillsReader) (SkillsData, error) {
	return inOneSnapshot(r, loadSkills)
}

func loadSkills(r SkillsReader) (SkillsData, error) {
	var d SkillsData
	var err error
	if d.Categories, err = r.Categories(); err != nil {
		return SkillsData{}, err
	}
	if d.Logged, err = r.Logged(); err != nil {
		return SkillsData{}, err
	}
	if d.Projects, err = r.Projects(); err != nil {
		return SkillsData{}, err
	}
	return d, nil
}
