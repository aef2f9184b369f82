package store

import (
	"errors"
	"fmt"
	"strings"

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
		return nil, fmt.Errorf("loading the skills: %w", explain(err))
	}
	return cats, nil
}

func categories(db *gorm.DB) ([]plan.Category, error) {
	// Whole tables joined up here, as for the roadmap: cheaper than
	// preloading. Skills are scanned in order into one slice, their links
	// and prerequisites into them, then copied once into their categories.
	cats, err := readCategories(db)
	if err != nil {
		return nil, err
	}
	var skills []plan.Skill
	at := map[uint]int{}
	var row skillScan
	err = eachScan(db, `SELECT id, category_id, name, status, current_level, target_level, hours, notes,
		last_practised, choice_group FROM skills ORDER BY position, id`, row.destinations(), func() {
		at[uint(row.id)] = len(skills)
		skills = append(skills, row.skill())
	})
	if err != nil {
		return nil, err
	}
	skill := func(id int64) *plan.Skill {
		if i, ok := at[uint(id)]; ok {
			return &skills[i]
		}
		return nil
	}
	if err := readSkillLinksAndPrerequisites(db, skill); err != nil {
		return nil, err
	}
	projects, err := projectsWithSkills(db)
	if err != nil {
		return nil, err
	}
	for id := range plan.ProvenSkills(projects) {
		if sk := skill(int64(id)); sk != nil {
			sk.Proven = true
		}
	}
	return groupSkills(cats, skills), nil
}

// projectsWithSkills are the projects that demonstrate skills, each with
// only its status and skills: what plan.ProvenSkills needs, in one query.
func projectsWithSkills(db *gorm.DB) ([]plan.Project, error) {
	var out []plan.Project
	var id, skillID int64
	var status string
	err := eachScan(db, `SELECT p.id, p.status, ps.skill_id FROM projects p JOIN project_skills ps ON ps.project_id = p.id
		ORDER BY p.id, ps.skill_id`, []any{integer{&id}, &status, integer{&skillID}}, func() {
		if n := len(out); n == 0 || out[n-1].ID != uint(id) {
			out = append(out, plan.Project{ID: uint(id), Status: plan.ProjectStatus(status)})
		}
		last := &out[len(out)-1]
		last.SkillIDs = append(last.SkillIDs, uint(skillID))
	})
	return out, err
}

// readCategories reads the categories in order, without their skills.
func readCategories(db *gorm.DB) ([]plan.Category, error) {
	var cats []plan.Category
	var id int64
	var name string
	err := eachScan(db, `SELECT id, name FROM skill_categories ORDER BY position, id`, []any{integer{&id}, &name}, func() {
		cats = append(cats, plan.Category{ID: uint(id), Name: name})
	})
	return cats, err
}

// groupSkills puts the skills, in their order, into their categories,
// each category's slice made at its size.
func groupSkills(cats []plan.Category, skills []plan.Skill) []plan.Category {
	index := make(map[uint]int, len(cats))
	counts := make([]int, len(cats))
	for i, c := range cats {
		index[c.ID] = i
	}
	for _, sk := range skills {
		if i, ok := index[sk.CategoryID]; ok {
			counts[i]++
		}
	}
	for i := range cats {
		cats[i].Skills = make([]plan.Skill, 0, counts[i])
	}
	for _, sk := range skills {
		if i, ok := index[sk.CategoryID]; ok {
			cats[i].Skills = append(cats[i].Skills, sk)
		}
	}
	return cats
}

// skillScan is where a row of skills is scanned, one for all the rows.
type skillScan struct {
	id, category, current, target, hours  int64
	name, status, notes, practised, group string
}

func (s *skillScan) destinations() []any {
	return []any{integer{&s.id}, integer{&s.category}, &s.name, &s.status, integer{&s.current}, integer{&s.target}, integer{&s.hours},
		&s.notes, &s.practised, &s.group}
}

// skill is the row's skill without its links, prerequisites and proven
// flag; Links is empty, not nil.
func (s *skillScan) skill() plan.Skill {
	return plan.Skill{ID: uint(s.id), CategoryID: uint(s.category), Name: s.name, Status: plan.SkillStatus(s.status),
		CurrentLevel: int(s.current), TargetLevel: int(s.target), Hours: int(s.hours), Notes: s.notes,
		LastPractised: parseDate(s.practised), Group: s.group, Links: []plan.Link{}}
}

// readSkillLinksAndPrerequisites reads every skill's links and
// prerequisites into the skill that skill finds by ID.
func readSkillLinksAndPrerequisites(db *gorm.DB, skill func(id int64) *plan.Skill) error {
	var skillID, id, prerequisite int64
	var title, url string
	err := eachScan(db, `SELECT skill_id, id, title, url FROM skill_links ORDER BY position, id`,
		[]any{integer{&skillID}, integer{&id}, &title, &url}, func() {
			if sk := skill(skillID); sk != nil {
				sk.Links = append(sk.Links, plan.Link{ID: uint(id), Title: title, URL: url})
			}
		})
	if err != nil {
		return err
	}
	return eachScan(db, `SELECT skill_id, prerequisite_id FROM skill_prerequisites ORDER BY skill_id, prerequisite_id`,
		[]any{integer{&skillID}, integer{&prerequisite}}, func() {
			if sk := skill(skillID); sk != nil {
				sk.Prerequisites = append(sk.Prerequisites, uint(prerequisite))
			}
		})
}

// AddCategory appends a new, empty skill category.
func (s *Store) AddCategory(name string) (plan.Category, error) {
	name = strings.TrimSpace(name)
	if err := plan.ValidateCategoryName(name); err != nil {
		return plan.Category{}, err
	}
	row := categoryRow{Name: name}
	err := s.write(func(tx *gorm.DB) error {
		row.Position = nextPosition(tx, "skill_categories", "1 = 1")
		return tx.Omit("Skills").Create(&row).Error
	}, "skill_categories")
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
	if err := plan.ValidateCategoryName(name); err != nil {
		return err
	}
	err := s.setColumn(&categoryRow{}, id, "name", name, "category")
	if isUniqueViolation(err) {
		return fmt.Errorf("a category called %q %w; choose another name", name, ErrDuplicate)
	}
	return err
}

// DeleteCategory removes a category with all its skills.
func (s *Store) DeleteCategory(id uint) error { return s.deleteRow(&categoryRow{}, id, "category") }

// skillColumns are the fields of a skill its form edits.
func skillColumns(sk plan.Skill) columns {
	return columns{"category_id": sk.CategoryID, "name": strings.TrimSpace(sk.Name), "status": string(sk.Status),
		"current_level": sk.CurrentLevel, "target_level": sk.TargetLevel, "hours": sk.Hours, "notes": sk.Notes,
		"last_practised": formatDate(sk.LastPractised), "choice_group": strings.TrimSpace(sk.Group)}
}

// skillGrows names the tables a skill's save may add rows to.
var skillGrows = []string{"skills", "skill_links", "skill_prerequisites"}

// AddSkill stores a new skill in sk.CategoryID, with its links and
// prerequisites, in one transaction, and returns its ID. Prerequisites
// that would make a circle are refused with a *plan.CycleError naming it.
func (s *Store) AddSkill(sk plan.Skill) (uint, error) {
	sk.Name = strings.TrimSpace(sk.Name)
	if err := plan.ValidateSkill(sk); err != nil {
		return 0, err
	}
	row := skillRow{CategoryID: sk.CategoryID, Name: sk.Name, Status: string(sk.Status), CurrentLevel: sk.CurrentLevel,
		TargetLevel: sk.TargetLevel, Hours: sk.Hours, Notes: sk.Notes, LastPractised: formatDate(sk.LastPractised),
		ChoiceGroup: strings.TrimSpace(sk.Group)}
	err := s.write(func(tx *gorm.DB) error {
		row.Position = nextPosition(tx, "skills", "category_id = ?", sk.CategoryID)
		if err := tx.Omit("Links").Create(&row).Error; err != nil {
			return err
		}
		if err := addSkillLinks(tx, row.ID, sk.Links); err != nil {
			return err
		}
		if err := addPrerequisites(tx, row.ID, sk.Name, sk.Prerequisites); err != nil {
			return err
		}
		return checkNoCycle(tx)
	}, skillGrows...)
	if err != nil {
		return 0, skillError(sk.Name, err)
	}
	return row.ID, nil
}

// UpdateSkill saves what the learner changed from before to after: the
// changed fields, the links added and removed, the prerequisites added and
// removed. Links and prerequisites another window added meanwhile stay.
func (s *Store) UpdateSkill(before, after plan.Skill) error {
	after.Name = strings.TrimSpace(after.Name)
	if err := plan.ValidateSkill(after); err != nil {
		return err
	}
	err := s.write(func(tx *gorm.DB) error {
		if err := updateChanged(tx, "skills", "id", before.ID, skillColumns(before), skillColumns(after), "skill"); err != nil {
			return err
		}
		if err := saveSkillLinks(tx, before, after); err != nil {
			return err
		}
		prereqs := diffSets(before.Prerequisites, after.Prerequisites)
		if err := tx.Where("skill_id = ? AND prerequisite_id IN ?", before.ID, orNone(prereqs.removed)).Delete(&prerequisiteRow{}).Error; err != nil {
			return err
		}
		if err := addPrerequisites(tx, before.ID, after.Name, prereqs.added); err != nil {
			return err
		}
		return checkNoCycle(tx)
	}, skillGrows...)
	if err != nil {
		return skillError(after.Name, err)
	}
	return nil
}

func skillError(name string, err error) error {
	var cycle *plan.CycleError
	switch {
	case errors.As(err, &cycle):
		return cycle
	case isUniqueViolation(err):
		return fmt.Errorf("a skill called %q %w; choose another name", name, ErrDuplicate)
	}
	return fmt.Errorf("saving the skill %q: %w", name, err)
}

// orNone keeps "IN ?" valid for an empty list.
func orNone(ids []uint) []uint {
	if len(ids) == 0 {
		return []uint{0}
	}
	return ids
}

func addSkillLinks(tx *gorm.DB, skillID uint, links []plan.Link) error {
	first := nextPosition(tx, "skill_links", "skill_id = ?", skillID)
	for i, l := range links {
		link := skillLinkRow{SkillID: skillID, Position: first + i, Title: strings.TrimSpace(l.Title), URL: strings.TrimSpace(l.URL)}
		if err := tx.Create(&link).Error; err != nil {
			return err
		}
	}
	return nil
}

// saveSkillLinks removes the links the learner removed (matched by title
// and address, as the form shows them) and appends those added.
func saveSkillLinks(tx *gorm.DB, before, after plan.Skill) error {
	key := func(l plan.Link) string { return strings.TrimSpace(l.Title) + "\x00" + strings.TrimSpace(l.URL) }
	kept := map[string]int{}
	for _, l := range after.Links {
		kept[key(l)]++
	}
	var removed []uint
	for _, l := range before.Links {
		if kept[key(l)] > 0 {
			kept[key(l)]--
			continue
		}
		removed = append(removed, l.ID)
	}
	had := map[string]int{}
	for _, l := range before.Links {
		had[key(l)]++
	}
	var added []plan.Link
	for _, l := range after.Links {
		if had[key(l)] > 0 {
			had[key(l)]--
			continue
		}
		added = append(added, l)
	}
	if err := tx.Where("skill_id = ? AND id IN ?", before.ID, orNone(removed)).Delete(&skillLinkRow{}).Error; err != nil {
		return err
	}
	return addSkillLinks(tx, before.ID, added)
}

func addPrerequisites(tx *gorm.DB, skillID uint, name string, ids []uint) error {
	for _, p := range ids {
		if p == skillID {
			return fmt.Errorf("%q cannot be its own prerequisite", name)
		}
		err := tx.Exec(`INSERT INTO skill_prerequisites (skill_id, prerequisite_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, skillID, p).Error
		if err != nil {
			return err
		}
	}
	return nil
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

// SetSkillStatus changes a skill's status. A skill ticked done has reached
// its target level, so a lower current level is raised to it; the day last
// practised is left to the sessions logged, which say when work was done
// (a tick says only that it is).
func (s *Store) SetSkillStatus(id uint, status plan.SkillStatus) error {
	if !status.Valid() {
		return fmt.Errorf("%q is not a skill status", status)
	}
	err := s.write(func(tx *gorm.DB) error {
		if err := rowsChanged(tx.Model(&skillRow{}).Where("id = ?", id).Update("status", string(status)), "skill"); err != nil {
			return err
		}
		if status != plan.SkillDone {
			return nil
		}
		return tx.Exec(`UPDATE skills SET current_level = target_level WHERE id = ? AND current_level < target_level`, id).Error
	})
	if err != nil {
		return fmt.Errorf("saving the skill: %w", err)
	}
	return nil
}

// Choose makes choices in choose-one groups, each keeping one skill and
// setting the others aside (keep 0 brings the whole group back), working
// on the skills as they are stored now, all in one transaction. It
// returns the skills whose status changed.
func (s *Store) Choose(choices map[string]uint) ([]plan.Skill, error) {
	var changed []plan.Skill
	err := s.write(func(tx *gorm.DB) error {
		for group, keep := range choices {
			c, err := chooseInGroup(tx, group, keep)
			if err != nil {
				return err
			}
			changed = append(changed, c...)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("saving your choice: %w", err)
	}
	return changed, nil
}

func chooseInGroup(tx *gorm.DB, group string, keep uint) ([]plan.Skill, error) {
	var rows []skillRow
	if err := tx.Omit("Links").Where("choice_group = ?", group).Scopes(byPosition).Find(&rows).Error; err != nil {
		return nil, err
	}
	g := plan.Group{Name: group}
	found := keep == 0
	for _, r := range rows {
		g.Skills = append(g.Skills, plan.Skill{ID: r.ID, Name: r.Name, Status: plan.SkillStatus(r.Status), Group: group})
		found = found || r.ID == keep
	}
	if !found {
		return nil, fmt.Errorf("the skill to keep is not in the group %q: %w", group, ErrNotFound)
	}
	changed := g.Choose(keep)
	for _, sk := range changed {
		if err := tx.Model(&skillRow{}).Where("id = ?", sk.ID).Update("status", string(sk.Status)).Error; err != nil {
			return nil, err
		}
	}
	return changed, nil
}

// SetAside sets skills aside for later (status skipped), in one
// transaction; a skill done meanwhile stays done.
func (s *Store) SetAside(ids []uint) error {
	err := s.write(func(tx *gorm.DB) error {
		return tx.Model(&skillRow{}).Where("id IN ? AND status <> ?", orNone(ids), string(plan.SkillDone)).
			Update("status", string(plan.SkillSkipped)).Error
	})
	if err != nil {
		return fmt.Errorf("setting the skills aside: %w", err)
	}
	return nil
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
func (s *Store) DeleteSkill(id uint) error { return s.deleteRow(&skillRow{}, id, "skill") }
