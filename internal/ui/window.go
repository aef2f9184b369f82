// Package ui is Study Planner's window: a sidebar of screens, each in its
// own file, that turn the results of the use cases (package app) and the
// store's domain values into widgets, and the learner's clicks into calls.
// Each screen declares the small interface of the data it reads and
// changes; Data is all of them together. The custom widgets live in
// package widgets. It never imports fyne/v2/app, so every screen can be
// driven headless by fyne.io/fyne/v2/test.
package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// Title is the window's title; scripts and the smoke test look for it.
const Title = "Study Planner"

// Data is everything the window reads and writes: what its screens,
// menus, tray and reminders need, together. *store.Store is one.
type Data interface {
	Fingerprint() string
	// Watch calls its function when another program or device changed
	// the data (store.Store.Watch).
	Watch(stop <-chan struct{}, changed func())
	dashboardStore
	roadmapStore
	skillsStore
	salariesStore
	timelineStore
	settingsStore
	backupStore
	dataStore
	packStore
	welcomeStore
	reviewStore
	jobsStore
	practiceStore
	resumeStore
}

// A screen is one page of the window.
type screen interface {
	name() string
	icon() fyne.Resource
	content() fyne.CanvasObject
	// load reads the screen's data from the store and returns the step that
	// puts it on screen. It touches no widget, so it can run off the UI
	// thread; the step must run on it. It runs each time the screen is
	// shown, so a change made on one screen is seen on the others.
	load() func()
	// reload is load and show at once, on the UI thread, after the learner
	// changed something on the screen.
	reload()
}

// runLoad runs a screen's load when the screen is shown: on a goroutine,
// handing the result to the UI thread with fyne.Do, so the window never
// waits on the database. The headless UI tests replace it to read the
// screens right after showing them.
var runLoad = func(load func() func()) {
	go func() {
		show := load()
		fyne.Do(show)
	}()
}

// MainWindow is the app's only window.
type MainWindow struct {
	fyne.Window
	screens  []screen
	timeline *timeline // Ctrl+N logs a session here; the tray's timer is its
	jobs     *jobSearch
	skills   *skills // Ctrl+F searches here
	resume   *resumeScreen
	sidebar  *widgets.PickList
	body     *fyne.Container
	current  int
	// shownWith is, per screen, the data fingerprint and day it last
	// loaded with.
	shownWith map[int]string
	loadNow   bool // load on this thread, not in the background
	backups   *backupActions
	app       fyne.App
	data      Data
	version   string
	welcome   *welcome         // the first-run dialog, when it was shown
	review    *weeklyReview    // the last weekly review shown
	now       func() time.Time // the day the weekly review is for; tests set it
}

// NewMainWindow builds the window on an open store, in the theme the
// learner chose; the caller shows it. builtInPack loads the roadmap pack
// the app ships with.
func NewMainWindow(a fyne.App, st Data, builtInPack func() (snapshot.Pack, error)) *MainWindow {
	applyTheme(a)
	return newMainWindow(a, st, builtInPack)
}

// newMainWindow builds the window in the app's theme as it is.
func newMainWindow(a fyne.App, st Data, builtInPack func() (snapshot.Pack, error)) *MainWindow {
	w := a.NewWindow(Title)
	m := &MainWindow{Window: w, current: -1, app: a, data: st, version: "development build", now: time.Now, shownWith: map[int]string{}}
	report := func(action string, err error) { showError(w, action, err) }
	m.backups = &backupActions{store: st, win: w, now: time.Now, changed: m.reloadCurrent}
	m.skills = newSkills(st, report, w)
	m.timeline = newTimeline(st, report, w)
	m.jobs = newJobSearch(st, report, w)
	m.resume = newResumeScreen(st, report, w)
	m.jobs.tailor, m.jobs.sentWith, m.jobs.versions = m.tailorResume, m.resume.versionSummary, m.resume.allVersions
	m.jobs.logTime = m.logJobTime
	m.screens = []screen{
		newDashboard(st, report, m.startWork),
		newRoadmap(st, report, w),
		m.skills,
		newSalaries(st, report, w),
		m.timeline,
		m.jobs,
		newPracticeScreen(st, report, w),
		m.resume,
		newSettings(st, report, a, m.backups),
	}
	// Every screen stays in the window, the ones off view hidden: Fyne
	// applies a theme change to what is in the window, and a screen taken
	// out of it would come back with the old theme's colours and icons.
	m.body = container.New(shownOnlyLayout{})
	for _, s := range m.screens {
		s.content().Hide()
		m.body.Add(s.content())
	}
	m.sidebar = widgets.NewPickList(
		func() int { return len(m.screens) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Dashboard"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(m.screens[id].icon())
			row.Objects[1].(*widget.Label).SetText(m.screens[id].name())
		},
		m.show,
	)

	w.SetContent(container.NewBorder(nil, nil, container.NewHBox(m.sidebar, widget.NewSeparator()), nil, m.body))
	prefs := a.Preferences()
	w.Resize(fyne.NewSize(float32(prefs.FloatWithFallback(prefWidth, 1100)), float32(prefs.FloatWithFallback(prefHeight, 720))))
	w.SetOnClosed(m.remember)
	m.addShortcuts(a)
	m.setMenus(builtInPack)
	screen := prefs.IntWithFallback(prefScreen, 0)
	if screen < 0 || screen >= len(m.screens) {
		screen = 0
	}
	// The first screen reads its data here, before the window is shown,
	// so the first frame has its figures: loaded in the background, the
	// window mapped black, then drew empty cards, then the figures 70–90
	// ms later. A load is a few milliseconds at any size of history.
	m.loadNow = true
	m.sidebar.Select(screen)
	m.loadNow = false
	return m
}

// fitScreen keeps the window within a screen of the given size: a size
// remembered on a larger screen, or the default on a small one, would put
// the window's edges, and its dialogs' buttons, out of reach.
func (m *MainWindow) fitScreen(screen fyne.Size) {
	size := m.Canvas().Size()
	// Room for the desktop's panels and the window's own frame.
	room := fyne.NewSize(screen.Width*0.96, screen.Height*0.92)
	if size.Width > room.Width || size.Height > room.Height {
		m.Resize(fyne.NewSize(min(size.Width, room.Width), min(size.Height, room.Height)))
	}
}

// remember keeps the window's size and screen for the next start.
func (m *MainWindow) remember() {
	prefs := m.app.Preferences()
	size := m.Canvas().Size()
	if size.Width >= 400 && size.Height >= 300 {
		prefs.SetFloat(prefWidth, float64(size.Width))
		prefs.SetFloat(prefHeight, float64(size.Height))
	}
	prefs.SetInt(prefScreen, m.current)
}

// WelcomeIfFirstRun asks the first-run questions once per database: a
// new --db file gets them even on a computer that has seen another.
func (m *MainWindow) WelcomeIfFirstRun() {
	prefs := m.app.Preferences()
	if prefs.BoolWithFallback(prefWelcomeDone, false) {
		// Before the database remembered it, the computer did: the file it
		// opens first after the update is the one that was welcomed.
		if err := m.data.MarkWelcomed(); err == nil {
			prefs.RemoveValue(prefWelcomeDone)
		}
		return
	}
	if done, err := m.data.Welcomed(); err != nil || done {
		return
	}
	wl, err := showWelcome(m.data, m.Window, time.Now, m.reloadCurrent)
	if err != nil {
		showError(m.Window, "start the welcome", err)
		return
	}
	m.welcome = wl
}

// shortcut is Ctrl (Cmd on macOS) with key.
func shortcut(key fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

// setMenus builds the main menu; each item shows its keyboard shortcut.
func (m *MainWindow) setMenus(builtInPack func() (snapshot.Pack, error)) {
	packs := &packActions{store: m.data, win: m.Window, builtIn: builtInPack, changed: m.reloadCurrent}
	data := &dataActions{store: m.data, win: m.Window, changed: m.reloadCurrent}
	file := []*fyne.MenuItem{
		withShortcut(fyne.NewMenuItem("Log a Study Session…", m.noDialogOpen(m.logSession)), fyne.KeyN),
		fyne.NewMenuItemSeparator(),
	}
	calendar := m.timeline.settings
	export := fyne.NewMenuItem("Export", nil)
	export.ChildMenu = fyne.NewMenu("", append(append(data.exportItems(),
		fyne.NewMenuItem("Calendar of the Plan (ICS)…", calendar.exportCalendar), fyne.NewMenuItem("Résumé…", m.resume.exportChoice)),
		packs.exportItems()...)...)
	imp := fyne.NewMenuItem("Import", nil)
	imp.ChildMenu = fyne.NewMenu("", append(append(data.importItems(),
		fyne.NewMenuItem("Holidays as Days Off (ICS)…", calendar.daysOff.importHolidays),
		fyne.NewMenuItem("Résumé (JSON Resume)…", m.resume.chooseImport)), packs.importItems()...)...)
	file = append(file, export, imp, fyne.NewMenuItemSeparator())
	file = append(file, m.backups.menuItems()...)
	// Fyne adds a Quit item without its shortcut when the menu ends
	// without one; this one shows Ctrl+Q, and Fyne still closes the
	// windows for it.
	quit := withShortcut(fyne.NewMenuItem("Quit", func() { Quit(m.app) }), fyne.KeyQ)
	quit.IsQuit = true
	file = append(file, fyne.NewMenuItemSeparator(), quit)

	var view []*fyne.MenuItem
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.KeyComma}
	for i, sc := range m.screens {
		view = append(view, withShortcut(fyne.NewMenuItem(sc.name(), m.noDialogOpen(func() { m.ShowScreen(i) })), keys[i]))
	}
	view = append(view, fyne.NewMenuItemSeparator(), withShortcut(fyne.NewMenuItem("Search Skills", m.noDialogOpen(m.searchSkills)), fyne.KeyF),
		fyne.NewMenuItem("Weekly Review…", m.noDialogOpen(m.showReview)))
	help := []*fyne.MenuItem{fyne.NewMenuItem("About Study Planner", m.about)}
	m.SetMainMenu(fyne.NewMainMenu(fyne.NewMenu("File", file...), fyne.NewMenu("View", view...), fyne.NewMenu("Help", help...)))
}

func withShortcut(item *fyne.MenuItem, key fyne.KeyName) *fyne.MenuItem {
	item.Shortcut = shortcut(key)
	return item
}

// logSession opens the session form on the Timeline, where the session
// will show; cancelled, it goes back to the screen it was called from.
func (m *MainWindow) logSession() { m.logSessionOn(0) }

// logSessionOn opens the session form on a roadmap step, or on the day's
// planned work for step 0.
func (m *MainWindow) logSessionOn(stepID uint) {
	from := m.current
	m.showScreenOf(m.timeline)
	// The form offers the day's planned work: read the plan now, not when
	// the screen's own load gets to it.
	m.timeline.reload()
	m.timeline.editSession(plan.Session{Date: m.timeline.now(), StepID: stepID})
	m.timeline.sessionForm.onCancel = func() { m.ShowScreen(from) }
}

// logJobTime is the Job search's "Log time…": time on applications and
// interviews logged against the roadmap's job step, so the plan counts
// it like study. A roadmap without one leaves the choice to the learner.
func (m *MainWindow) logJobTime() {
	steps, err := m.data.Roadmap()
	if err != nil {
		showError(m.Window, "read the roadmap", err)
		return
	}
	step, _ := app.JobStep(steps)
	m.logSessionOn(step.ID)
}

// tailorResume opens the résumé tailoring for an application's posting,
// over the Job search; the version saved is recorded on the application,
// whose form then opens again to show it.
func (m *MainWindow) tailorResume(a jobsearch.Application) {
	id := a.ID
	m.resume.tailorFor(a.Company+" – "+a.Role, a.Posting, &id, func() {
		m.jobs.reload()
		m.jobs.openApplication(id)
	})
}

// startWork starts the study timer on a piece of planned work, on the
// Timeline where the timer is.
func (m *MainWindow) startWork(it plan.PlanItem) {
	m.showScreenOf(m.timeline)
	m.timeline.timer.startOn(it.SkillID)
}

func (m *MainWindow) searchSkills() {
	m.showScreenOf(m.skills)
	m.skills.focusSearch()
}

// showScreenOf switches to the screen s.
func (m *MainWindow) showScreenOf(s screen) {
	for i, sc := range m.screens {
		if sc == s {
			m.ShowScreen(i)
		}
	}
}

func (m *MainWindow) about() {
	text := fmt.Sprintf("Study Planner %s\n\nPlan and track your path to a backend developer job.\n\nYour data: %s\nBackups: %s",
		m.version, m.data.Path(), store.BackupDir(m.data.Path()))
	showInformation("About Study Planner", text, m.Window)
}

// dataChanged reads the shown screen again after another program or
// device changed the data. With a dialog open (a form being filled in),
// nothing is thrown away: a form says the data changed meanwhile, and the
// screen is read again when it is next shown, its fingerprint having
// moved.
func (m *MainWindow) dataChanged() {
	if f := openForms[m.Window]; f != nil {
		f.dataChangedMeanwhile()
	}
	if m.current < 0 || m.Canvas().Overlays().Top() != nil {
		return
	}
	m.show(m.current)
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
	for _, other := range m.screens {
		showIf(other.content(), other == s)
	}
	// Show and Hide refresh the two screens that changed, and the body is
	// laid out again for the one shown; refreshing the body would refresh
	// every screen, and every list in them, at each switch.
	m.body.Layout.Layout(m.body.Objects, m.body.Size())
	m.SetTitle(Title + " — " + s.name())
	if f, ok := s.(interface{ focusOnShow() }); ok {
		defer f.focusOnShow() // once its data is on screen
	}
	// A screen keeps its widgets: shown again with nothing changed in the
	// data (and on the same day), it has nothing to read or rebuild.
	// Rebuilding on every visit made new widgets each time, and their
	// renderers piled up faster than Fyne's cache let them go.
	key := m.data.Fingerprint() + "|" + m.now().Format(time.DateOnly)
	if m.shownWith[i] == key {
		return
	}
	m.shownWith[i] = key
	load := runLoad
	if m.loadNow {
		load = func(l func() func()) { l()() }
	}
	load(s.load)
}

// addShortcuts makes the keyboard shortcuts work wherever the focus is;
// the menus show them.
func (m *MainWindow) addShortcuts(a fyne.App) {
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.KeyComma}
	for i, k := range keys {
		m.Canvas().AddShortcut(shortcut(k), m.unlessModal(func() { m.ShowScreen(i) }))
	}
	// Settings is Ctrl+, as on most desktops, and Ctrl+9 too, the next
	// number after the last screen's.
	m.Canvas().AddShortcut(shortcut(fyne.Key9), m.unlessModal(func() { m.ShowScreen(len(m.screens) - 1) }))
	m.Canvas().AddShortcut(shortcut(fyne.KeyF), m.unlessModal(m.searchSkills))
	m.Canvas().AddShortcut(shortcut(fyne.KeyN), m.unlessModal(m.logSession))
	m.Canvas().AddShortcut(shortcut(fyne.KeyQ), func(fyne.Shortcut) { Quit(a) })
}

// unlessModal runs action for a shortcut only when no dialog is open: a
// screen switched or a second form opened behind a dialog would leave the
// learner's half-typed form over the wrong screen. Quitting still works.
func (m *MainWindow) unlessModal(action func()) func(fyne.Shortcut) {
	guarded := m.noDialogOpen(action)
	return func(fyne.Shortcut) { guarded() }
}

// noDialogOpen is action for a menu item, run only when no dialog is
// open. Fyne's desktop driver runs a main menu item's action for its
// shortcut before the canvas's shortcuts hear it, so the menu's items
// need the same guard as the shortcuts.
func (m *MainWindow) noDialogOpen(action func()) func() {
	return func() {
		if m.Canvas().Overlays().Top() != nil {
			return
		}
		action()
	}
}

// showError tells the learner what failed in words, not as a raw error.
func showError(w fyne.Window, action string, err error) {
	if err == nil {
		return
	}
	showErrorDialog(problem(fmt.Sprintf("Could not %s.\n\n%s", action, sentence(store.Explain(err).Error()))), w)
}

// problem is a message for an error dialog, written as sentences.
type problem string

func (p problem) Error() string { return string(p) }

// maxMessage bounds an error shown in a dialog, in characters.
const maxMessage = 1200

// errorReporter is how screens report a failed action.
type errorReporter func(action string, err error)
