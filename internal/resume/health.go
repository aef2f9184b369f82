package resume

import (
	"fmt"
	"strings"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// Health is what the portfolio lacks to show what the learner knows.
type Health struct {
	// Unshown are the done skills no finished project proves.
	Unshown []plan.Skill
	// Projects are the finished projects that lack something a reader
	// looks for, each with what it lacks.
	Projects []ProjectGap
}

// ProjectGap is what one project lacks.
type ProjectGap struct {
	Project                        plan.Project
	NoLink, NoDescription, NoSkill bool
}

// Lacks lists what the project lacks, in words.
func (g ProjectGap) Lacks() []string {
	var out []string
	if g.NoLink {
		out = append(out, "a public link")
	}
	if g.NoDescription {
		out = append(out, "a description")
	}
	if g.NoSkill {
		out = append(out, "a skill it proves")
	}
	return out
}

// Healthy reports whether nothing is missing.
func (h Health) Healthy() bool { return len(h.Unshown) == 0 && len(h.Projects) == 0 }

// CheckHealth finds the done skills that no finished project proves, and
// the projects (finished or on the way) without a public link, a
// description or a skill they prove. Skills set aside are not counted.
func CheckHealth(cats []plan.Category, projects []plan.Project) Health {
	proven := plan.ProvenSkills(projects)
	var h Health
	for _, c := range cats {
		for _, sk := range c.Skills {
			if sk.Status == plan.SkillDone && !proven[sk.ID] {
				h.Unshown = append(h.Unshown, sk)
			}
		}
	}
	for _, p := range projects {
		if p.Status == plan.ProjectPlanned {
			continue
		}
		g := ProjectGap{Project: p, NoLink: strings.TrimSpace(p.RepoURL) == "",
			NoDescription: strings.TrimSpace(p.Description) == "", NoSkill: len(p.SkillIDs) == 0}
		if g.NoLink || g.NoDescription || g.NoSkill {
			h.Projects = append(h.Projects, g)
		}
	}
	return h
}

// Checklist is the health as short lines, the same on the Skills screen,
// the Today card and the command line: "3 done skills have no project to
// show them".
func (h Health) Checklist() []string {
	var out []string
	switch n := len(h.Unshown); n {
	case 0:
	case 1:
		out = append(out, fmt.Sprintf("1 done skill has no project to show it: %s", h.Unshown[0].Name))
	default:
		out = append(out, fmt.Sprintf("%d done skills have no project to show them", n))
	}
	for _, g := range h.Projects {
		out = append(out, fmt.Sprintf("%s lacks %s", g.Project.Name, joinWords(g.Lacks())))
	}
	return out
}

func joinWords(ws []string) string {
	switch len(ws) {
	case 0:
		return ""
	case 1:
		return ws[0]
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " and " + ws[len(ws)-1]
}
