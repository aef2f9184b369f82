package store

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// Categories loads the skill categories in order, each with its skills, and
// each skill with its links, prerequisites and proven flag.
func (s *Store) Categories() ([]plan.Category, error) {
	var cats []plan.Category
	err := s.read(func(tx *gorm.DB) error {
		var err error
		cats, err = categories(tx)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("loading the skills: %w", err)
	}
	return cats, nil
}

func categories(db *gorm.DB) ([]plan.Category, error) {
	// Whole tables grouped here, as for the roadmap: cheaper than preloading.
	var rows []categoryRow
	var skills []skillRow
	var links []skillLinkRow
	if err := db.Omit("Skills").Scopes(byPosition).Find(&rows).Error; err != nil {
		return nil, err
	}
	if err := db.Omit("Links").Scopes(byPosition).Find(&skills).Error; err != nil {
		return nil, err
	}
	if err := db.Scopes(byPosition).Find(&links).Error; err != nil {
		return nil, err
	}
	linksOf := map[uint][]skillLinkRow{}
	for _, l := range links {
		linksOf[l.SkillID] = append(linksOf[l.SkillID], l)
	}
	index := make(map[uint]int, len(rows))
	for i, r := range rows {
		index[r.ID] = i
	}
	for _, sk := range skills {
		sk.Links = linksOf[sk.ID]
		if i, ok := index[sk.CategoryID]; ok {
			rows[i].Skills = append(rows[i].Skills, sk)
		}
	}
	var prereqs []prerequisiteRow
	if err := db.Order("skill_id, prerequisite_id").Find(&prereqs).Error; err != nil {
		return nil, err
	}
	requires := map[uint][]uint{}
	for _, p := range prereqs {
		requires[p.SkillID] = append(requires[p.SkillID], p.PrerequisiteID)
	}
	projects, err := projects(db)
	if err != nil {
		return nil, err
	}
	proven := plan.ProvenSkills(projects)

	cats := make([]plan.Category, len(rows))
	for i, r := range rows {
		cats[i] = plan.Category{ID: r.ID, Name: r.Name, Skills: make([]plan.Skill, len(r.Skills))}
		for j, sk := range r.Skills {
			skill := plan.Skill{ID: sk.ID, Name: sk.Name, Status: plan.SkillStatus(sk.Status),
				CurrentLevel: sk.CurrentLevel, TargetLevel: sk.TargetLevel, Hours: sk.Hours, Notes: sk.Notes,
				LastPractised: parseDate(sk.LastPractised), Prerequisites: requires[sk.ID], Proven: proven[sk.ID],
				Links: make([]plan.Link, len(sk.Links))}
			for k, l := range sk.Links {
				skill.Links[k] = plan.Link{ID: l.ID, Title: l.Title, URL: l.URL}
			}
			cats[i].Skills[j] = skill
		}
	}
	return cats, nil
}

// AddCategory appends a new, empty skill category.
func (s *Store) AddCategory(name string) (plan.Category, error) {
	name = strings.TrimSpace(name)
	if err := plan.ValidateName("category's name", name); err != nil {
		return plan.Category{}, err
	}
	row := categoryRow{Name: name}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		row.Position = nextPosition(tx, "skill_categories", "1 = 1")
		return tx.Omit("Skills").Create(&row).Error
	})
	if isUniqueViolation(err) {
		return plan.Category{}, fmt.Errorf("a category called %q %w; choose another name", name, ErrDuplicate)
	}
	if err != nil {
		return plan.Category{}, fmt.Errorf("adding the category: %w", err)
	}
	return plan.Category{ID: row.ID, Name: row.Name}, nil
}

// RenameCategory changes a category's name.
func (s *Store) RenameCategory(id uint, name string) error {
	name = strings.TrimSpace(name)
	if err := plan.ValidateName("category's name", name); err != nil {
		return err
	}
	res := s.db.Model(&categoryRow{}).Where("id = ?", id).Update("name", name)
	if isUniqueViolation(res.Error) {
		return fmt.Errorf("a category called %q %w; choose another name", name, ErrDuplicate)
	}
	return rowsChanged(res, "category")
}

// DeleteCategory removes a category with all its skills.
func (s *Store) DeleteCategory(id uint) error {
	return rowsChanged(s.db.Delete(&categoryRow{}, id), "category")
}

// SaveSkill creates the skill (ID 0) in the category or updates it, with its
// links and prerequisites, in one transaction. Prerequisites that would make
// a circle are refused with a *plan.CycleError naming it.
func (s *Store) SaveSkill(categoryID uint, sk plan.Skill) (uint, error) {
	sk.Name = strings.TrimSpace(sk.Name)
	if err := plan.ValidateSkill(sk); err != nil {
		return 0, err
	}
	row := skillRow{ID: sk.ID, CategoryID: categoryID, Name: sk.Name, Status: string(sk.Status),
		CurrentLevel: sk.CurrentLevel, TargetLevel: sk.TargetLevel, Hours: sk.Hours, Notes: sk.Notes,
		LastPractised: formatDate(sk.LastPractised)}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if sk.ID == 0 {
			row.Position = nextPosition(tx, "skills", "category_id = ?", categoryID)
			if err := tx.Omit("Links").Create(&row).Error; err != nil {
				return err
			}
		} else {
			res := tx.Model(&skillRow{}).Where("id = ?", sk.ID).Updates(map[string]any{
				"category_id": categoryID, "name": row.Name, "status": row.Status, "current_level": row.CurrentLevel,
				"target_level": row.TargetLevel, "hours": row.Hours, "notes": row.Notes, "last_practised": row.LastPractised,
			})
			if err := rowsChanged(res, "skill"); err != nil {
				return err
			}
			if err := tx.Where("skill_id = ?", sk.ID).Delete(&skillLinkRow{}).Error; err != nil {
				return err
			}
			if err := tx.Where("skill_id = ?", sk.ID).Delete(&prerequisiteRow{}).Error; err != nil {
				return err
			}
		}
		for i, l := range sk.Links {
			link := skillLinkRow{SkillID: row.ID, Position: i, Title: strings.TrimSpace(l.Title), URL: strings.TrimSpace(l.URL)}
			if err := tx.Create(&link).Error; err != nil {
				return err
			}
		}
		for _, p := range sk.Prerequisites {
			if p == row.ID {
				return fmt.Errorf("%q cannot be its own prerequisite", sk.Name)
			}
			if err := tx.Create(&prerequisiteRow{SkillID: row.ID, PrerequisiteID: p}).Error; err != nil {
				return err
			}
		}
		return checkNoCycle(tx)
	})
	var cycle *plan.CycleError
	switch {
	case errors.As(err, &cycle):
		return 0, cycle
	case isUniqueViolation(err):
		return 0, fmt.Errorf("a skill called %q %w; choose another name", sk.Name, ErrDuplicate)
	case err != nil:
		return 0, fmt.Errorf("saving the skill %q: %w", sk.Name, err)
	}
	return row.ID, nil
}

// checkNoCycle fails with a *plan.CycleError if the stored prerequisites
// now go round in a circle.
func checkNoCycle(tx *gorm.DB) error {
	var edges []struct{ Skill, Prerequisite string }
	err := tx.Raw(`SELECT s.name AS skill, p.name AS prerequisite
		FROM skill_prerequisites sp
		JOIN skills s ON s.id = sp.skill_id
		JOIN skills p ON p.id = sp.prerequisite_id`).Scan(&edges).Error
	if err != nil {
		return err
	}
	requires := map[string][]string{}
	for _, e := range edges {
		requires[e.Skill] = append(requires[e.Skill], e.Prerequisite)
	}
	if cycle := plan.FindCycle(requires); cycle != nil {
		return cycle
	}
	return nil
}

// SetSkillStatus changes a skill's status; marking it learning or done also
// records today as the day it was last practised.
func (s *Store) SetSkillStatus(id uint, status plan.SkillStatus, today time.Time) error {
	if !status.Valid() {
		return fmt.Errorf("%q is not a skill status", status)
	}
	fields := map[string]any{"status": string(status)}
	if status == plan.SkillLearning || status == plan.SkillDone {
		fields["last_practised"] = formatDate(plan.Date(today))
	}
	return rowsChanged(s.db.Model(&skillRow{}).Where("id = ?", id).Updates(fields), "skill")
}

// SkillImpact is what else deleting a skill touches.
type SkillImpact struct {
	Dependants []string // skills that list it as a prerequisite
	Projects   []string // projects that demonstrate it
}

// Empty reports whether deleting the skill touches nothing else.
func (i SkillImpact) Empty() bool { return len(i.Dependants) == 0 && len(i.Projects) == 0 }

// ImpactOfDeletingSkill lists what else a skill's deletion would change.
func (s *Store) ImpactOfDeletingSkill(id uint) (SkillImpact, error) {
	var impact SkillImpact
	err := s.read(func(tx *gorm.DB) error {
		if err := tx.Raw(`SELECT s.name FROM skill_prerequisites sp JOIN skills s ON s.id = sp.skill_id
			WHERE sp.prerequisite_id = ? ORDER BY s.name`, id).Scan(&impact.Dependants).Error; err != nil {
			return err
		}
		return tx.Raw(`SELECT p.name FROM project_skills ps JOIN projects p ON p.id = ps.project_id
			WHERE ps.skill_id = ? ORDER BY p.name`, id).Scan(&impact.Projects).Error
	})
	if err != nil {
		return SkillImpact{}, fmt.Errorf("checking what uses the skill: %w", err)
	}
	return impact, nil
}

// DeleteSkill removes a skill; it stops being a prerequisite of other
// skills and leaves the projects that demonstrated it.
func (s *Store) DeleteSkill(id uint) error {
	return rowsChanged(s.db.Delete(&skillRow{}, id), "skill")
}
