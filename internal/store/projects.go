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
	var rows []projectRow
	if err := db.Scopes(byPosition).Find(&rows).Error; err != nil {
		return nil, err
	}
	var links []projectSkillRow
	if err := db.Order("project_id, skill_id").Find(&links).Error; err != nil {
		return nil, err
	}
	skills := map[uint][]uint{}
	for _, l := range links {
		skills[l.ProjectID] = append(skills[l.ProjectID], l.SkillID)
	}
	out := make([]plan.Project, len(rows))
	for i, r := range rows {
		out[i] = plan.Project{ID: r.ID, Name: r.Name, Description: r.Description, RepoURL: r.RepoURL,
			Status: plan.ProjectStatus(r.Status), SkillIDs: skills[r.ID]}
	}
	return out, nil
}

// SaveProject creates (ID 0) or updates a project and the skills it
// demonstrates, in one transaction, and returns its ID.
func (s *Store) SaveProject(p plan.Project) (uint, error) {
	p.Name = strings.TrimSpace(p.Name)
	p.RepoURL = strings.TrimSpace(p.RepoURL)
	if err := plan.ValidateProject(p); err != nil {
		return 0, err
	}
	row := projectRow{ID: p.ID, Name: p.Name, Description: p.Description, RepoURL: p.RepoURL, Status: string(p.Status)}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if p.ID == 0 {
			row.Position = nextPosition(tx, "projects", "1 = 1")
			if err := tx.Create(&row).Error; err != nil {
				return err
			}
		} else {
			res := tx.Model(&projectRow{}).Where("id = ?", p.ID).Updates(map[string]any{
				"name": row.Name, "description": row.Description, "repo_url": row.RepoURL, "status": row.Status,
			})
			if err := rowsChanged(res, "project"); err != nil {
				return err
			}
			if err := tx.Where("project_id = ?", p.ID).Delete(&projectSkillRow{}).Error; err != nil {
				return err
			}
		}
		for _, id := range p.SkillIDs {
			if err := tx.Create(&projectSkillRow{ProjectID: row.ID, SkillID: id}).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if isUniqueViolation(err) {
		return 0, fmt.Errorf("a project called %q %w; choose another name", p.Name, ErrDuplicate)
	}
	if err != nil {
		return 0, fmt.Errorf("saving the project %q: %w", p.Name, err)
	}
	return row.ID, nil
}

// DeleteProject removes a project; its skills stay.
func (s *Store) DeleteProject(id uint) error {
	return rowsChanged(s.db.Delete(&projectRow{}, id), "project")
}
