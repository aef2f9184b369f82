package store

import (
	"errors"
	"fmt"

	"gorm.io/gorm"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

const (
	packNameKey        = "pack_name"
	packDescriptionKey = "pack_description"
	defaultPackName    = "My roadmap"
)

// ExportPack is the learner's roadmap and skills as a pack to share: the
// definitions, none of the progress. It carries the name of the pack the
// roadmap came from unless name is given. It reads the roadmap and the
// skills only: a pack holds no sessions, projects or salaries, so none
// are read.
func (s *Store) ExportPack(name string) (snapshot.Pack, error) {
	var doc snapshot.Document
	err := s.read(func(tx *gorm.DB) error {
		steps, err := roadmap(tx)
		if err != nil {
			return err
		}
		cats, err := categories(tx)
		if err != nil {
			return err
		}
		doc.Roadmap = documentSteps(steps)
		doc.SkillCategories = documentCategories(cats, skillNames(cats))
		return nil
	})
	if err != nil {
		return snapshot.Pack{}, fmt.Errorf("reading the roadmap to export: %w", err)
	}
	description := s.meta(packDescriptionKey, "")
	if name == "" {
		name = s.meta(packNameKey, defaultPackName)
	}
	return snapshot.PackOf(doc, name, description), nil
}

func (s *Store) meta(key, fallback string) string {
	var rows []metaRow
	if err := s.db.Where("key = ?", key).Limit(1).Find(&rows).Error; err != nil || len(rows) == 0 {
		return fallback
	}
	return rows[0].Value
}

// PackResult counts what a pack import changed.
type PackResult struct {
	StepsAdded, StepsUpdated   int
	ActionsAdded               int
	CategoriesAdded            int
	SkillsAdded, SkillsUpdated int
}

func (r PackResult) String() string {
	return fmt.Sprintf("%d steps added, %d updated, %d checklist items added; %d categories added; %d skills added, %d updated",
		r.StepsAdded, r.StepsUpdated, r.ActionsAdded, r.CategoriesAdded, r.SkillsAdded, r.SkillsUpdated)
}

// ImportPack merges a pack into the roadmap and skills by name, in one
// transaction: new steps, items, categories and skills are added, existing
// ones get the pack's summary, estimates, links and prerequisites, and no
// status, tick, level or note of the learner's is touched. Nothing is ever
// deleted. If the merged prerequisites would go round in a circle, nothing
// is written and the error names the circle.
func (s *Store) ImportPack(p snapshot.Pack) (PackResult, error) {
	if err := p.Validate(); err != nil {
		return PackResult{}, err
	}
	var result PackResult
	err := s.write(func(tx *gorm.DB) error {
		var err error
		result, err = mergePack(tx, p)
		return err
	}, "steps", "step_actions", "step_links", "skill_categories", "skills", "skill_links", "skill_prerequisites")
	var cycle *plan.CycleError
	if errors.As(err, &cycle) {
		return PackResult{}, fmt.Errorf("with this pack, %w", cycle)
	}
	if err != nil {
		return PackResult{}, fmt.Errorf("importing the pack: %w", err)
	}
	return result, nil
}

func mergePack(tx *gorm.DB, p snapshot.Pack) (PackResult, error) {
	var res PackResult
	doc := p.AsDocument()
	if err := mergeSteps(tx, doc.Roadmap, &res); err != nil {
		return res, err
	}
	if err := mergeSkills(tx, doc.SkillCategories, &res); err != nil {
		return res, err
	}
	if err := checkNoCycle(tx); err != nil {
		return res, err
	}
	for key, value := range map[string]string{packNameKey: p.Name, packDescriptionKey: p.Description} {
		if err := tx.Save(&metaRow{Key: key, Value: value}).Error; err != nil {
			return res, err
		}
	}
	return res, nil
}

func mergeSteps(tx *gorm.DB, steps []snapshot.Step, res *PackResult) error {
	var existing []stepRow
	if err := tx.Preload("Actions").Preload("Links").Find(&existing).Error; err != nil {
		return err
	}
	byTitle := map[string]stepRow{}
	for _, r := range existing {
		byTitle[r.Title] = r
	}
	var added []snapshot.Step
	for _, st := range steps {
		old, ok := byTitle[st.Title]
		if !ok {
			added = append(added, st)
			continue
		}
		res.StepsUpdated++
		err := tx.Model(&stepRow{}).Where("id = ?", old.ID).Updates(map[string]any{
			"summary": st.Summary, "hours": st.Hours, "covers_skills": st.CoversSkills}).Error
		if err != nil {
			return fmt.Errorf("updating step %q: %w", st.Title, err)
		}
		have := map[string]bool{}
		for _, a := range old.Actions {
			have[a.Text] = true
		}
		var newActions []snapshot.Action
		for _, a := range st.Actions {
			if !have[a.Text] {
				newActions = append(newActions, a)
			}
		}
		res.ActionsAdded += len(newActions)
		if err := insertActions(tx, old.ID, newActions, len(old.Actions)); err != nil {
			return err
		}
		urls := map[string]bool{}
		for _, l := range old.Links {
			urls[l.URL] = true
		}
		var newLinks []snapshot.Link
		for _, l := range st.Links {
			if !urls[l.URL] {
				newLinks = append(newLinks, l)
			}
		}
		if err := insertStepLinks(tx, old.ID, newLinks, len(old.Links)); err != nil {
			return err
		}
	}
	res.StepsAdded = len(added)
	for _, st := range added {
		res.ActionsAdded += len(st.Actions)
	}
	_, err := insertSteps(tx, added, nextPosition(tx, "steps", "1 = 1"))
	return err
}

// existingSkills is what a pack's skills are merged into, by name.
type existingSkills struct {
	categories map[string]uint     // ID by name
	skills     map[string]skillRow // with their links
	ids        map[string]uint     // every skill's ID, the pack's new ones too
}

func loadExistingSkills(tx *gorm.DB) (existingSkills, error) {
	e := existingSkills{categories: map[string]uint{}, skills: map[string]skillRow{}, ids: map[string]uint{}}
	var cats []categoryRow
	if err := tx.Omit("Skills").Find(&cats).Error; err != nil {
		return e, err
	}
	for _, c := range cats {
		e.categories[c.Name] = c.ID
	}
	var skills []skillRow
	if err := tx.Preload("Links").Find(&skills).Error; err != nil {
		return e, err
	}
	for _, sk := range skills {
		e.ids[sk.Name] = sk.ID
		e.skills[sk.Name] = sk
	}
	return e, nil
}

// mergeSkills adds the pack's new categories and skills, updates the
// estimates and adds the links of skills the learner has, then adds the
// prerequisites (last: they may name skills added anywhere in the pack).
func mergeSkills(tx *gorm.DB, cats []snapshot.Category, res *PackResult) error {
	e, err := loadExistingSkills(tx)
	if err != nil {
		return err
	}
	var newCats []snapshot.Category
	for _, c := range cats {
		fresh, err := e.updateKnown(tx, c.Skills, res)
		if err != nil {
			return err
		}
		res.SkillsAdded += len(fresh)
		catID, catExists := e.categories[c.Name]
		if !catExists {
			newCats = append(newCats, snapshot.Category{Name: c.Name, Skills: fresh})
			continue
		}
		if err := e.addToCategory(tx, catID, fresh); err != nil {
			return err
		}
	}
	res.CategoriesAdded = len(newCats)
	if _, err := insertCategories(tx, newCats, e.ids); err != nil {
		return err
	}
	for _, c := range cats {
		for _, sk := range c.Skills {
			if err := insertPrerequisites(tx, e.ids[sk.Name], sk.Prerequisites, e.ids); err != nil {
				return fmt.Errorf("writing the prerequisites of %q: %w", sk.Name, err)
			}
		}
	}
	return nil
}

// updateKnown updates the skills the learner already has (estimate, new
// links) and returns the others.
func (e existingSkills) updateKnown(tx *gorm.DB, skills []snapshot.Skill, res *PackResult) ([]snapshot.Skill, error) {
	var fresh []snapshot.Skill
	for _, sk := range skills {
		old, ok := e.skills[sk.Name]
		if !ok {
			fresh = append(fresh, sk)
			continue
		}
		res.SkillsUpdated++
		if err := tx.Model(&skillRow{}).Where("id = ?", old.ID).Update("hours", sk.Hours).Error; err != nil {
			return nil, fmt.Errorf("updating skill %q: %w", sk.Name, err)
		}
		// A group the pack gives is taken; one the learner set is kept.
		if sk.Group != "" && old.ChoiceGroup == "" {
			if err := tx.Model(&skillRow{}).Where("id = ?", old.ID).Update("choice_group", sk.Group).Error; err != nil {
				return nil, fmt.Errorf("updating skill %q: %w", sk.Name, err)
			}
		}
		if err := addNewSkillLinks(tx, old, sk.Links); err != nil {
			return nil, err
		}
	}
	return fresh, nil
}

// addNewSkillLinks appends the links whose address the skill lacks.
func addNewSkillLinks(tx *gorm.DB, old skillRow, links []snapshot.Link) error {
	urls := map[string]bool{}
	for _, l := range old.Links {
		urls[l.URL] = true
	}
	position := len(old.Links)
	for _, l := range links {
		if urls[l.URL] {
			continue
		}
		if err := tx.Create(&skillLinkRow{SkillID: old.ID, Position: position, Title: l.Title, URL: l.URL}).Error; err != nil {
			return err
		}
		position++
	}
	return nil
}

func (e existingSkills) addToCategory(tx *gorm.DB, catID uint, fresh []snapshot.Skill) error {
	first := nextPosition(tx, "skills", "category_id = ?", catID)
	for i, sk := range fresh {
		id, err := insertSkill(tx, catID, first+i, sk)
		if err != nil {
			return err
		}
		e.ids[sk.Name] = id
	}
	return nil
}
