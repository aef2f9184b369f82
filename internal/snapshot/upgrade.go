package snapshot

import "github.com/studyplanner/studyplanner/internal/plan"

// documentV1 is version 1 of the document exactly as that version wrote it.
// It is frozen: a v1 file must keep reading the same way forever.
type documentV1 struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	Plan    Plan   `json:"plan"`
	Roadmap []struct {
		Title        string   `json:"title"`
		Summary      string   `json:"summary"`
		Status       string   `json:"status"`
		Hours        int      `json:"hours"`
		CoversSkills bool     `json:"covers_skills"`
		Actions      []Action `json:"actions"`
	} `json:"roadmap"`
	SkillCategories []struct {
		Name   string `json:"name"`
		Skills []struct {
			Name  string `json:"name"`
			Hours int    `json:"hours"`
			Done  bool   `json:"done"`
		} `json:"skills"`
	} `json:"skill_categories"`
	Salaries []Salary `json:"salaries"`
}

// upgrade brings a version 1 document to version 2: a done skill becomes
// status done, anything else not started, and every skill gets the default
// target level. Decode then takes it on from version 2.
func (old documentV1) upgrade() Document {
	doc := Document{Format: Format, Version: 2, Plan: Plan{StartDate: old.Plan.StartDate, HorizonMonths: old.Plan.HorizonMonths}, Salaries: old.Salaries, Projects: []Project{}}
	for _, st := range old.Roadmap {
		doc.Roadmap = append(doc.Roadmap, Step{
			Title: st.Title, Summary: st.Summary, Status: st.Status, Hours: st.Hours,
			CoversSkills: st.CoversSkills, Actions: st.Actions, Links: []Link{},
		})
	}
	for _, c := range old.SkillCategories {
		cat := Category{Name: c.Name, Skills: []Skill{}}
		for _, sk := range c.Skills {
			status := plan.SkillNotStarted
			if sk.Done {
				status = plan.SkillDone
			}
			cat.Skills = append(cat.Skills, Skill{
				Name: sk.Name, Status: string(status), TargetLevel: plan.DefaultTargetLevel,
				Hours: sk.Hours, Links: []Link{}, Prerequisites: []string{},
			})
		}
		doc.SkillCategories = append(doc.SkillCategories, cat)
	}
	return doc
}
