package store

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// Roadmap loads the steps in order, each with its checklist and links.
func (s *Store) Roadmap() ([]plan.Step, error) {
	steps, err := roadmap(s.db)
	if err != nil {
		return nil, fmt.Errorf("loading the roadmap: %w", err)
	}
	return steps, nil
}

func byPosition(db *gorm.DB) *gorm.DB { return db.Order("position, id") }

// roadmap reads every step with its items and links. It reads whole tables
// and groups them here: the roadmap is always shown entire, and three plain
// scans are cheaper than GORM's preloading, which binds every parent ID.
func roadmap(db *gorm.DB) ([]plan.Step, error) {
	var rows []stepRow
	var actions []actionRow
	var links []stepLinkRow
	if err := db.Omit("Actions", "Links").Scopes(byPosition).Find(&rows).Error; err != nil {
		return nil, err
	}
	if err := db.Scopes(byPosition).Find(&actions).Error; err != nil {
		return nil, err
	}
	if err := db.Scopes(byPosition).Find(&links).Error; err != nil {
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

// parseDate reads a stored YYYY-MM-DD date; the empty string is no date.
func parseDate(s string) time.Time {
	t, err := time.Parse(snapshot.DateLayout, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(snapshot.DateLayout)
}

// ErrDuplicate is returned when a name or title is already taken.
var ErrDuplicate = errors.New("already exists")

func isUniqueViolation(err error) bool {
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}

// AddStep appends a new step to the roadmap and returns it.
func (s *Store) AddStep(title string) (plan.Step, error) {
	title = strings.TrimSpace(title)
	if err := plan.ValidateName("step's title", title); err != nil {
		return plan.Step{}, err
	}
	row := stepRow{Title: title, Status: string(plan.StepTodo)}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		row.Position = nextPosition(tx, "steps", "1 = 1")
		return tx.Omit("Actions", "Links").Create(&row).Error
	})
	if isUniqueViolation(err) {
		return plan.Step{}, fmt.Errorf("a step called %q %w; choose another title", title, ErrDuplicate)
	}
	if err != nil {
		return plan.Step{}, fmt.Errorf("adding the step: %w", err)
	}
	return plan.Step{ID: row.ID, Title: row.Title, Status: plan.StepTodo}, nil
}

func nextPosition(tx *gorm.DB, table, where string, args ...any) int {
	var max *int
	tx.Raw("SELECT MAX(position) FROM "+table+" WHERE "+where, args...).Scan(&max)
	if max == nil {
		return 0
	}
	return *max + 1
}

// UpdateStep saves a step's title, summary, notes, target date and hours.
func (s *Store) UpdateStep(st plan.Step) error {
	st.Title = strings.TrimSpace(st.Title)
	if err := plan.ValidateStep(st); err != nil {
		return err
	}
	res := s.db.Model(&stepRow{}).Where("id = ?", st.ID).Updates(map[string]any{
		"title": st.Title, "summary": st.Summary, "notes": st.Notes,
		"target_date": formatDate(st.TargetDate), "hours": st.Hours,
	})
	if isUniqueViolation(res.Error) {
		return fmt.Errorf("a step called %q %w; choose another title", st.Title, ErrDuplicate)
	}
	return rowsChanged(res, "step")
}

func rowsChanged(res *gorm.DB, what string) error {
	if res.Error != nil {
		return fmt.Errorf("saving the %s: %w", what, res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("saving the %s: %w (it may have been deleted in another window)", what, ErrNotFound)
	}
	return nil
}

// DeleteStep removes a step with its checklist and links.
func (s *Store) DeleteStep(id uint) error {
	return rowsChanged(s.db.Delete(&stepRow{}, id), "step")
}

// SetStepStatus changes a step's status.
func (s *Store) SetStepStatus(id uint, status plan.StepStatus) error {
	if !status.Valid() {
		return fmt.Errorf("%q is not a step status", status)
	}
	return s.update(&stepRow{}, id, "status", string(status), "step")
}

// MoveStep moves a step up (delta -1) or down (delta +1) the roadmap.
func (s *Store) MoveStep(id uint, delta int) error {
	return s.move("steps", "1 = 1", nil, id, delta)
}

// AddAction appends an item to a step's checklist.
func (s *Store) AddAction(stepID uint, text string) (plan.Action, error) {
	text = strings.TrimSpace(text)
	if err := plan.ValidateName("checklist item's text", text); err != nil {
		return plan.Action{}, err
	}
	row := actionRow{StepID: stepID, Text: text}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		row.Position = nextPosition(tx, "step_actions", "step_id = ?", stepID)
		return tx.Create(&row).Error
	})
	if err != nil {
		return plan.Action{}, fmt.Errorf("adding the checklist item: %w", err)
	}
	return plan.Action{ID: row.ID, Text: row.Text}, nil
}

// SetActionDone ticks or unticks a checklist item.
func (s *Store) SetActionDone(id uint, done bool) error {
	return s.update(&actionRow{}, id, "done", done, "checklist item")
}

// DeleteAction removes a checklist item.
func (s *Store) DeleteAction(id uint) error {
	return rowsChanged(s.db.Delete(&actionRow{}, id), "checklist item")
}

// MoveAction moves a checklist item up or down within its step.
func (s *Store) MoveAction(id uint, delta int) error {
	var row actionRow
	if err := s.db.First(&row, id).Error; err != nil {
		return fmt.Errorf("moving the checklist item: %w", ErrNotFound)
	}
	return s.move("step_actions", "step_id = ?", []any{row.StepID}, id, delta)
}

// AddStepLink adds a resource link to a step.
func (s *Store) AddStepLink(stepID uint, title, url string) (plan.Link, error) {
	link := plan.Link{Title: strings.TrimSpace(title), URL: strings.TrimSpace(url)}
	if err := plan.ValidateLink(link); err != nil {
		return plan.Link{}, err
	}
	row := stepLinkRow{StepID: stepID, Title: link.Title, URL: link.URL}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		row.Position = nextPosition(tx, "step_links", "step_id = ?", stepID)
		return tx.Create(&row).Error
	})
	if err != nil {
		return plan.Link{}, fmt.Errorf("adding the link: %w", err)
	}
	return plan.Link{ID: row.ID, Title: row.Title, URL: row.URL}, nil
}

// DeleteStepLink removes a step's link.
func (s *Store) DeleteStepLink(id uint) error {
	return rowsChanged(s.db.Delete(&stepLinkRow{}, id), "link")
}

// move swaps a row with its neighbour among the rows matching where, then
// renumbers them 0, 1, 2… so positions stay dense.
func (s *Store) move(table, where string, args []any, id uint, delta int) error {
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var ids []uint
		if err := tx.Raw("SELECT id FROM "+table+" WHERE "+where+" ORDER BY position, id", args...).Scan(&ids).Error; err != nil {
			return err
		}
		at := -1
		for i, v := range ids {
			if v == id {
				at = i
			}
		}
		if at < 0 {
			return ErrNotFound
		}
		to := at + delta
		if to < 0 || to >= len(ids) {
			return nil // already first or last
		}
		ids[at], ids[to] = ids[to], ids[at]
		for pos, v := range ids {
			if err := tx.Exec("UPDATE "+table+" SET position = ? WHERE id = ?", pos, v).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("moving: %w", err)
	}
	return nil
}
