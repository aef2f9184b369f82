package store

import (
	"fmt"
	"strings"

	"gorm.io/gorm"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// Projects loads the portfolio projects in order with the skills each
// demonstrates.
func (s *Store) Projects() ([]plan.Project, error) {
	var out []plan.Project
	err := s.read(func(tx *gorm.DB) error {
		var err error
		out, err = projects(tx)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("loading the projects: %w", err)
	}
	return out, nil
}

func projects(db *gorm.DB) ([]plan.Project, error) {
	rows, err := readProjects(db)
	if err != nil {
		return nil, err
	}
	links, err := readProjectSkills(db)
	if err != nil {
		return nil, err
	}
	skills := map[uint][]uint{}
	for _, l := range links {
		skills[l.ProjectID] = append(skills[l.ProjectID], l.SkillID)
	}
	out := make([]plan.Project, len(rows))
	for i, r := range rows {
		out[i] = plan.Project{ID: r.ID, Name: r.Name, Description: r.Description, RepoURL: r.RepoURL,
			Started: parseDate(r.Started), Finished: parseDate(r.Finished),
			Status: plan.ProjectStatus(r.Status), SkillIDs: skills[r.ID]}
	}
	return out, nil
}

func projectColumns(p plan.Project) columns {
	return columns{"name": strings.TrimSpace(p.Name), "description": p.Description, "repo_url": strings.TrimSpace(p.RepoURL), "status": string(p.Status),
		"started": formatDate(p.Started), "finished": formatDate(p.Finished)}
}

var projectGrows = []string{"projects", "project_skills"}

// AddProject stores a new project with the skills it demonstrates, in one
// transaction, and returns its ID.
func (s *Store) AddProject(p plan.Project) (uint, error) {
	p.Name, p.RepoURL = strings.TrimSpace(p.Name), strings.TrimSpace(p.RepoURL)
	if err := plan.ValidateProject(p); err != nil {
		return 0, err
	}
	row := projectRow{Name: p.Name, Description: p.Description, RepoURL: p.RepoURL, Status: string(p.Status),
		Started: formatDate(p.Started), Finished: formatDate(p.Finished)}
	err := s.write(func(tx *gorm.DB) error {
		row.Position = nextPosition(tx, "projects", "1 = 1")
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		return addProjectSkills(tx, row.ID, p.SkillIDs)
	}, projectGrows...)
	if err != nil {
		return 0, projectError(p.Name, err)
	}
	return row.ID, nil
}

// UpdateProject saves what the learner changed from before to after: the
// changed fields and the skills linked or unlinked.
func (s *Store) UpdateProject(before, after plan.Project) error {
	if err := plan.ValidateProject(after); err != nil {
		return err
	}
	err := s.write(func(tx *gorm.DB) error {
		if err := updateChanged(tx, "projects", "id", before.ID, projectColumns(before), projectColumns(after), "project"); err != nil {
			return err
		}
		links := diffSets(before.SkillIDs, after.SkillIDs)
		if err := tx.Where("project_id = ? AND skill_id IN ?", before.ID, orNone(links.removed)).Delete(&projectSkillRow{}).Error; err != nil {
			return err
		}
		return addProjectSkills(tx, before.ID, links.added)
	}, projectGrows...)
	if err != nil {
		return projectError(after.Name, err)
	}
	return nil
}

func addProjectSkills(tx *gorm.DB, projectID uint, skills []uint) error {
	for _, id := range skills {
		err := tx.Exec(`INSERT INTO project_skills (project_id, skill_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, projectID, id).Error
		if err != nil {
			return err
		}
	}
	return nil
}

func projectError(name string, err error) error {
	if isUniqueViolation(err) {
		return fmt.Errorf("a project called %q %w; choose another name", name, ErrDuplicate)
	}
	return fmt.Errorf("saving the project %q: %w", name, err)
}

// DeleteProject removes a project; its skills stay.
func (s *Store) DeleteProject(id uint) error { return s.deleteRow(&projectRow{}, id, "project") }
