package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/practice"
	"github.com/studyplanner/studyplanner/internal/salary"
)

// TestTheNewScreensDialogsCloseOnEscape opens each dialog of the new
// screens at 800×600: while it is open no shortcut switches the screen
// under it, and Escape closes it.
func TestTheNewScreensDialogsCloseOnEscape(t *testing.T) {
	st, _ := openFixture(t, wiredFixture())
	m := newTestWindow(t, st)
	m.Resize(fyne.NewSize(800, 600))
	p := m.screens[6].(*practiceScreen)
	sal := m.screens[3].(*salaries)
	dialogs := []struct {
		name   string
		screen fyne.KeyName
		open   func()
	}{
		{"a salary or offer", fyne.Key4, func() { sal.edit(salary.Range{}) }},
		{"the Sources", fyne.Key4, sal.showSources},
		{"a stage", fyne.Key6, func() { m.jobs.setup.editStage(jobsearch.Stage{Kind: jobsearch.KindAnswer}) }},
		{"a new application", fyne.Key6, m.jobs.addApplication},
		{"tailoring", fyne.Key8, func() { m.resume.tailorFor("Acme · Go developer", "Go and PostgreSQL", nil, func() {}) }},
		{"a challenge's log", fyne.Key7, func() { p.challenge.edit(practice.Challenge{Difficulty: practice.Medium}) }},
		{"a card", fyne.Key7, func() { p.cards.edit(practice.Card{Topic: practice.Databases}) }},
		{"a saved mock", fyne.Key7, func() { showInformation("Mock interview saved", "3 questions.", m.Window) }},
	}
	for _, d := range dialogs {
		press(m, d.screen)
		at := m.Current()
		d.open()
		if m.Canvas().Overlays().Top() == nil {
			t.Errorf("%s: no dialog", d.name)
			continue
		}
		press(m, fyne.Key1)
		menuItem(t, m, "View", "Dashboard").Action()
		if m.Current() != at {
			t.Errorf("%s: the screen switched under the dialog", d.name)
		}
		key(m, fyne.KeyEscape)
		if top := m.Canvas().Overlays().Top(); top != nil {
			t.Errorf("Escape left %s open", d.name)
			top.Hide()
		}
	}
}
