package store

import (
	"fmt"
	"strings"

	"gorm.io/gorm"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// Roadmap loads the steps in order, each with its checklist and links.
func (s *Store) Roadmap() ([]plan.Step, error) {
	steps, err := roadmap(s.db)
	if err != nil {
		return nil, fmt.Errorf("loading the roadmap: %w", err)
	}
	return steps, nil
}

// roadmap reads every step with its items and links. It reads whole tables
// and groups them here: the roadmap is always shown entire, and three plain
// scans are cheaper than GORM's preloading, which binds every parent ID.
func roadmap(db *gorm.DB) ([]plan.Step, error) {
	rows, err := readSteps(db)
	if err != nil {
		return nil, err
	}
	actions, err := readActions(db)
	if err != nil {
		return nil, err
	}
	links, err := readStepLinks(db)
	if err != nil {
		return nil, err
	}
	index := make(map[uint]int, len(rows))
	for i, r := range rows {
		index[r.ID] = i
	}
	for _, a := range actions {
		if i, ok := index[a.StepID]; ok {
			rows[i].Actions = append(rows[i].Actions, a)
		}
	}
	for _, l := range links {
		if i, ok := index[l.StepID]; ok {
			rows[i].Links = append(rows[i].Links, l)
		}
	}
	steps := make([]plan.Step, len(rows))
	for i, r := range rows {
		steps[i] = plan.Step{ID: r.ID, Title: r.Title, Summary: r.Summary, Status: plan.StepStatus(r.Status),
			TargetDate: parseDate(r.TargetDate), Notes: r.Notes, Hours: r.Hours, CoversSkills: r.CoversSkills,
			Actions: make([]plan.Action, len(r.Actions)), Links: make([]plan.Link, len(r.Links))}
		for j, a := range r.Actions {
			steps[i].Actions[j] = plan.Action{ID: a.ID, Text: a.Text, Done: a.Done}
		}
		for j, l := range r.Links {
			steps[i].Links[j] = plan.Link{ID: l.ID, Title: l.Title, URL: l.URL}
		}
	}
	return steps, nil
}

// AddStep appends a new step to the roadmap and returns it.
func (s *Store) AddStep(title string) (plan.Step, error) {
	title = strings.TrimSpace(title)
	if err := plan.ValidateName("step's title", title); err != nil {
		return plan.Step{}, err
	}
	row := stepRow{Title: title, Status: string(plan.StepTodo)}
	err := s.write(func(tx *gorm.DB) error {
		row.Position = nextPosition(tx, "steps", "1 = 1")
		return tx.Omit("Actions", "Links").Create(&row).Error
	}, "steps")
	if isUniqueViolation(err) {
		return plan.Step{}, fmt.Errorf("a step called %q %w; choose another title", title, ErrDuplicate)
	}
	if err != nil {
		return plan.Step{}, fmt.Errorf("adding the step: %w", err)
	}
	return plan.Step{ID: row.ID, Title: row.Title, Status: plan.StepTodo}, nil
}

// stepColumns are the fields of a step its form edits; status, checklist
// and links are changed one at a time elsewhere.
func stepColumns(st plan.Step) columns {
	return columns{"title": strings.TrimSpace(st.Title), "summary": st.Summary, "notes": st.Notes,
		"target_date": formatDate(st.TargetDate), "hours": st.Hours}
}

// UpdateStep saves the fields of a step changed from before to after: its
// title, summary, notes, target date and hours.
func (s *Store) UpdateStep(before, after plan.Step) error {
	after.Title = strings.TrimSpace(after.Title)
	if err := plan.ValidateStep(after); err != nil {
		return err
	}
	err := s.write(func(tx *gorm.DB) error {
		return updateChanged(tx, "steps", "id", before.ID, stepColumns(before), stepColumns(after), "step")
	})
	if isUniqueViolation(err) {
		return fmt.Errorf("a step called %q %w; choose another title", after.Title, ErrDuplicate)
	}
	if err != nil {
		return fmt.Errorf("saving the step: %w", err)
	}
	return nil
}

// DeleteStep removes a step with its checklist and links.
func (s *Store) DeleteStep(id uint) error { return s.deleteRow(&stepRow{}, id, "step") }

// SetStepStatus changes a step's status.
func (s *Store) SetStepStatus(id uint, status plan.StepStatus) error {
	if !status.Valid() {
		return fmt.Errorf("%q is not a step status", status)
	}
	return s.setColumn(&stepRow{}, id, "status", string(status), "step")
}

// setColumn changes one column of one row.
func (s *Store) setColumn(model any, id uint, column string, value any, what string) error {
	err := s.write(func(tx *gorm.DB) error {
		return rowsChanged(tx.Model(model).Where("id = ?", id).Update(column, value), what)
	})
	if err != nil {
		return fmt.Errorf("saving the %s: %w", what, err)
	}
	return nil
}

// MoveStep moves a step up (delta -1) or down (delta +1) the roadmap.
func (s *Store) MoveStep(id uint, delta int) error {
	return s.move("steps", "", id, delta)
}

// AddAction appends an item to a step's checklist.
func (s *Store) AddAction(stepID uint, text string) (plan.Action, error) {
	text = strings.TrimSpace(text)
	if err := plan.ValidateAction(text); err != nil {
		return plan.Action{}, err
	}
	row := actionRow{StepID: stepID, Text: text}
	err := s.write(func(tx *gorm.DB) error {
		row.Position = nextPosition(tx, "step_actions", "step_id = ?", stepID)
		return tx.Create(&row).Error
	}, "step_actions")
	if err != nil {
		return plan.Action{}, fmt.Errorf("adding the checklist item: %w", err)
	}
	return plan.Action{ID: row.ID, Text: row.Text}, nil
}

// SetActionDone ticks or unticks a checklist item.
func (s *Store) SetActionDone(id uint, done bool) error {
	return s.setColumn(&actionRow{}, id, "done", done, "checklist item")
}

// DeleteAction removes a checklist item.
func (s *Store) DeleteAction(id uint) error { return s.deleteRow(&actionRow{}, id, "checklist item") }

// MoveAction moves a checklist item up or down within its step.
func (s *Store) MoveAction(id uint, delta int) error {
	return s.move("step_actions", "step_id", id, delta)
}

// AddStepLink adds a resource link to a step.
func (s *Store) AddStepLink(stepID uint, title, url string) (plan.Link, error) {
	link := plan.Link{Title: strings.TrimSpace(title), URL: strings.TrimSpace(url)}
	if err := plan.ValidateLink(link); err != nil {
		return plan.Link{}, err
	}
	row := stepLinkRow{StepID: stepID, Title: link.Title, URL: link.URL}
	err := s.write(func(tx *gorm.DB) error {
		row.Position = nextPosition(tx, "step_links", "step_id = ?", stepID)
		return tx.Create(&row).Error
	}, "step_links")
	if err != nil {
		return plan.Link{}, fmt.Errorf("adding the link: %w", err)
	}
	return plan.Link{ID: row.ID, Title: row.Title, URL: row.URL}, nil
}

// DeleteStepLink removes a step's link.
func (s *Store) DeleteStepLink(id uint) error { return s.deleteRow(&stepLinkRow{}, id, "link") }
