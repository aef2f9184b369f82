package store

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// Export reads everything into one document, inside one transaction so the
// document is a consistent picture even while another process writes.
func (s *Store) Export() (snapshot.Document, error) {
	doc := snapshot.Document{Format: snapshot.Format, Version: snapshot.Version}
	var salaries []salaryRow
	err := s.read(func(tx *gorm.DB) error {
		st, err := settings(tx)
		if err != nil {
			return err
		}
		doc.Plan = snapshot.Plan{StartDate: st.StartDate.Format(snapshot.DateLayout), HorizonMonths: st.HorizonMonths}
		steps, err := roadmap(tx)
		if err != nil {
			return err
		}
		cats, err := categories(tx)
		if err != nil {
			return err
		}
		doc.Roadmap = documentSteps(steps)
		doc.SkillCategories = documentCategories(cats)
		return tx.Scopes(byPosition).Find(&salaries).Error
	})
	if err != nil {
		return snapshot.Document{}, fmt.Errorf("reading the data to export: %w", err)
	}
	doc.Salaries = make([]snapshot.Salary, len(salaries))
	for i, r := range salaries {
		doc.Salaries[i] = snapshot.Salary{Country: r.Country, CountryCode: r.CountryCode, Currency: r.Currency, Min: r.MinAmount, Max: r.MaxAmount, Year: r.Year, Source: r.Source}
	}
	return doc, nil
}

func documentSteps(steps []plan.Step) []snapshot.Step {
	out := make([]snapshot.Step, len(steps))
	for i, st := range steps {
		out[i] = snapshot.Step{Title: st.Title, Summary: st.Summary, Status: string(st.Status), Hours: st.Hours, CoversSkills: st.CoversSkills, Actions: make([]snapshot.Action, len(st.Actions))}
		for j, a := range st.Actions {
			out[i].Actions[j] = snapshot.Action{Text: a.Text, Done: a.Done}
		}
	}
	return out
}

func documentCategories(cats []plan.Category) []snapshot.Category {
	out := make([]snapshot.Category, len(cats))
	for i, c := range cats {
		out[i] = snapshot.Category{Name: c.Name, Skills: make([]snapshot.Skill, len(c.Skills))}
		for j, sk := range c.Skills {
			out[i].Skills[j] = snapshot.Skill{Name: sk.Name, Hours: sk.Hours, Done: sk.Done}
		}
	}
	return out
}

// Import replaces all data with doc in one transaction. The document is
// validated whole first; if anything is wrong, nothing is written.
func (s *Store) Import(doc snapshot.Document) error {
	if err := doc.Validate(); err != nil {
		return err
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		// Children first, then parents, so no foreign key is left dangling.
		for _, table := range []string{"step_actions", "steps", "skills", "skill_categories", "salaries", "plan_settings"} {
			if err := tx.Exec("DELETE FROM " + table).Error; err != nil {
				return fmt.Errorf("clearing %s: %w", table, err)
			}
		}
		if err := insertDocument(tx, doc, time.Now()); err != nil {
			return err
		}
		// The learner now has their own data; never seed over it.
		return markSeeded(tx)
	})
	if err != nil {
		return fmt.Errorf("importing: %w", err)
	}
	return nil
}

// insertBatch bounds the rows per INSERT, well under SQLite's limit on
// bound parameters.
const insertBatch = 200

// insertDocument writes a validated document into empty tables. A document
// without a start date starts the plan today.
func insertDocument(tx *gorm.DB, doc snapshot.Document, today time.Time) error {
	start := plan.Date(today)
	if doc.Plan.StartDate != "" {
		var err error
		if start, err = time.Parse(snapshot.DateLayout, doc.Plan.StartDate); err != nil {
			return fmt.Errorf("plan start date: %w", err)
		}
	}
	settings := planSettingsRow{ID: 1, StartDate: start.Format(snapshot.DateLayout), HorizonMonths: doc.Plan.HorizonMonths}
	if err := tx.Create(&settings).Error; err != nil {
		return fmt.Errorf("writing the plan settings: %w", err)
	}

	for i, st := range doc.Roadmap {
		row := stepRow{Position: i, Title: st.Title, Summary: st.Summary, Status: st.Status, Hours: st.Hours, CoversSkills: st.CoversSkills}
		if err := tx.Omit("Actions").Create(&row).Error; err != nil {
			return fmt.Errorf("writing step %q: %w", st.Title, err)
		}
		actions := make([]actionRow, len(st.Actions))
		for j, a := range st.Actions {
			actions[j] = actionRow{StepID: row.ID, Position: j, Text: a.Text, Done: a.Done}
		}
		if err := createAll(tx, actions); err != nil {
			return fmt.Errorf("writing the checklist of %q: %w", st.Title, err)
		}
	}

	for i, c := range doc.SkillCategories {
		row := categoryRow{Position: i, Name: c.Name}
		if err := tx.Omit("Skills").Create(&row).Error; err != nil {
			return fmt.Errorf("writing category %q: %w", c.Name, err)
		}
		skills := make([]skillRow, len(c.Skills))
		for j, sk := range c.Skills {
			skills[j] = skillRow{CategoryID: row.ID, Position: j, Name: sk.Name, Hours: sk.Hours, Done: sk.Done}
		}
		if err := createAll(tx, skills); err != nil {
			return fmt.Errorf("writing the skills of %q: %w", c.Name, err)
		}
	}

	salaries := make([]salaryRow, len(doc.Salaries))
	for i, s := range doc.Salaries {
		salaries[i] = salaryRow{Position: i, Country: s.Country, CountryCode: s.CountryCode, Currency: s.Currency, MinAmount: s.Min, MaxAmount: s.Max, Year: s.Year, Source: s.Source}
	}
	if err := createAll(tx, salaries); err != nil {
		return fmt.Errorf("writing the salaries: %w", err)
	}
	return nil
}

func createAll[T any](tx *gorm.DB, rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	return tx.CreateInBatches(rows, insertBatch).Error
}
