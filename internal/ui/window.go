// Package ui is Study Planner's window: a sidebar of five screens, each in
// its own file, that turn the store's domain values into widgets and the
// learner's clicks into store calls. It never imports fyne/v2/app, so every
// screen can be driven headless by fyne.io/fyne/v2/test.
package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
)

// Title is the window's title; scripts and the smoke test look for it.
const Title = "Study Planner"

// Indexes of the screens shortcuts lead to.
const (
	skillsScreen   = 2 // Ctrl+F searches here
	timelineScreen = 4 // Ctrl+N logs a session here
)

// A screen is one page of the window.
type screen interface {
	name() string
	icon() fyne.Resource
	content() fyne.CanvasObject
	// reload reads the screen's data from the store again. It runs each
	// time the screen is shown, so a change made on one screen is seen on
	// the others.
	reload()
}

// MainWindow is the app's only window.
type MainWindow struct {
	fyne.Window
	screens []screen
	sidebar *widget.List
	body    *fyne.Container
	current int
	backups *backupActions
}

// NewMainWindow builds the window on an open store; the caller shows it.
// builtInPack loads the roadmap pack the app ships with.
func NewMainWindow(a fyne.App, st *store.Store, builtInPack func() (snapshot.Pack, error)) *MainWindow {
	w := a.NewWindow(Title)
	m := &MainWindow{Window: w, current: -1}
	report := func(action string, err error) { showError(w, action, err) }
	m.screens = []screen{
		newDashboard(st, report),
		newRoadmap(st, report, w),
		newSkills(st, report, w),
		newSalaries(st, report, w),
		newTimeline(st, report, w),
	}
	m.body = container.NewStack()
	m.sidebar = widget.NewList(
		func() int { return len(m.screens) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Dashboard"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(m.screens[id].icon())
			row.Objects[1].(*widget.Label).SetText(m.screens[id].name())
		},
	)
	m.sidebar.OnSelected = func(id widget.ListItemID) { m.show(id) }

	split := container.NewHSplit(m.sidebar, m.body)
	split.Offset = 0.18
	w.SetContent(split)
	w.Resize(fyne.NewSize(1100, 720))
	m.addShortcuts(a)
	packs := &packActions{store: st, win: w, builtIn: builtInPack, changed: m.reloadCurrent}
	m.backups = &backupActions{store: st, win: w, now: time.Now, changed: m.reloadCurrent}
	file := append(m.backups.menuItems(), fyne.NewMenuItemSeparator())
	w.SetMainMenu(fyne.NewMainMenu(fyne.NewMenu("File", append(file, packs.menuItems()...)...)))
	m.sidebar.Select(0)
	return m
}

func (m *MainWindow) reloadCurrent() {
	if m.current >= 0 {
		m.screens[m.current].reload()
	}
}

// ShowScreen switches to screen i (0 is the dashboard).
func (m *MainWindow) ShowScreen(i int) { m.sidebar.Select(i) }

// Current is the index of the screen on view.
func (m *MainWindow) Current() int { return m.current }

func (m *MainWindow) show(i int) {
	if i < 0 || i >= len(m.screens) {
		return
	}
	m.current = i
	s := m.screens[i]
	s.reload()
	m.body.Objects = []fyne.CanvasObject{s.content()}
	m.body.Refresh()
	m.SetTitle(Title + " — " + s.name())
}

func (m *MainWindow) addShortcuts(a fyne.App) {
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5}
	for i, k := range keys {
		i := i
		m.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { m.ShowScreen(i) })
	}
	m.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		m.ShowScreen(skillsScreen)
		m.screens[skillsScreen].(*skills).focusSearch()
	})
	m.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		m.ShowScreen(timelineScreen)
		t := m.screens[timelineScreen].(*timeline)
		t.editSession(plan.Session{Date: t.now()})
	})
	m.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { a.Quit() })
}

// showError tells the learner what failed in words, not as a raw error.
func showError(w fyne.Window, action string, err error) {
	if err == nil {
		return
	}
	dialog.ShowError(fmt.Errorf("Could not %s.\n\n%v", action, err), w)
}

// errorReporter is how screens report a failed action.
type errorReporter func(action string, err error)
