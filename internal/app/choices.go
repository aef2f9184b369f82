package app

import (
	"errors"
	"fmt"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// GroupChooser is what choosing in choose-one groups writes.
type GroupChooser interface {
	Choose(choices map[string]uint) ([]plan.Skill, error)
}

// ScopeWriter is what changing the plan's scope writes: the plan settings
// and which skills are set aside.
type ScopeWriter interface {
	GroupChooser
	Settings() (plan.Settings, error)
	UpdateSettings(before, after plan.Settings) error
	SetAside(ids []uint) error
}

// ChooseInGroup keeps the named skill of a choose-one group and sets the
// others aside, and makes the choices that follow from it in the groups
// that depend on it (see plan.Following); an empty name brings the whole
// group back.
func ChooseInGroup(w GroupChooser, p plan.Plan, group, keep string) ([]plan.Skill, error) {
	var keepID uint
	for _, g := range p.Groups() {
		if g.Name != group {
			continue
		}
		for _, sk := range g.Skills {
			if sk.Name == keep {
				keepID = sk.ID
			}
		}
		if keep != "" && keepID == 0 {
			return nil, fmt.Errorf("%q is not one of the %s choices", keep, group)
		}
		return w.Choose(p.Following(group, keepID))
	}
	return nil, fmt.Errorf("the plan has no choice called %q", group)
}

// ApplyRemedy makes one of the changes plan.CheckFit offered: it writes
// only the setting the remedy changes, against the settings as stored now
// (another window's change to any other setting stays).
func ApplyRemedy(w ScopeWriter, r plan.Remedy) error {
	switch r.Kind {
	case plan.MoreHours, plan.LaterFinish:
		before, err := w.Settings()
		if err != nil {
			return err
		}
		after := before
		if r.Kind == plan.MoreHours {
			after.HoursPerWeek = r.HoursPerWeek
		} else {
			after.HorizonMonths = r.HorizonMonths
		}
		return w.UpdateSettings(before, after)
	case plan.SmallerScope:
		ids := make([]uint, len(r.SetAside))
		for i, sk := range r.SetAside {
			ids[i] = sk.ID
		}
		return w.SetAside(ids)
	}
	return errors.New("this change is not one the app knows how to make")
}
