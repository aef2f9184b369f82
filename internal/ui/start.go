package ui

import (
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
)

// Options are what the app starts with besides its data.
type Options struct {
	Icon        fyne.Resource
	Version     string
	BuiltInPack func() (snapshot.Pack, error)
	// ScreenSize is the size of the screen the window opens on, when the
	// driver can tell; the window is kept within it.
	ScreenSize func() (fyne.Size, bool)
	// FiguresShown, if set, is told when the first screen's figures are on
	// the window (make bench-startup times it).
	FiguresShown func()
}

// Run shows the app for start and runs it until it quits: the main window
// on the open data, with its tray, reminders and first-run welcome; or,
// when the data could not be opened, the recovery window first, and the
// same main window once the learner has chosen a way on.
func Run(a fyne.App, start app.Startup, opts Options) {
	a.SetIcon(opts.Icon)
	desk, hasTray := setUpTrayIcon(a, opts.Icon)
	openMain := func(st *store.Store) *MainWindow {
		m := startMain(a, st, opts)
		if hasTray {
			m.setTrayMenu(desk)
		}
		return m
	}
	// The theme is set once the app runs: Fyne asks the desktop for its
	// light or dark preference, and watches it, only if no theme was set
	// when Run began (set before, Follow the system followed nothing). The
	// windows are built after it, in the theme they will show: built
	// before, their text was measured in the default theme, then Fyne
	// dropped every parsed font when the theme was set, and measured and
	// parsed it all again, a second font load on every start.
	a.Lifecycle().SetOnStarted(func() {
		applyTheme(a)
		showFirstWindow(a, start, openMain)
	})
	a.Run()
}

// showFirstWindow opens the window start calls for: the recovery or
// offline window when the data could not be opened, a mentor's cohort, or
// the main window on the data.
func showFirstWindow(a fyne.App, start app.Startup, openMain func(*store.Store) *MainWindow) {
	switch {
	case start.Recovery != nil:
		showRecovery(a, start.Recovery, openMain)
	case start.Offline != nil:
		showOffline(a, start.Offline, openMain)
	case start.Cohort != nil:
		showCohort(a, start.Cohort, time.Now)
	default:
		openMain(start.Store)
	}
}

// startMain opens the main window on data with its reminders, and asks
// the first-run questions when this computer has not answered them, or
// else, on the first study day of a week, looks back on the last.
func startMain(a fyne.App, data Data, opts Options) *MainWindow {
	m := newMainWindow(a, data, opts.BuiltInPack)
	if opts.Version != "" {
		m.version = opts.Version
	}
	if opts.ScreenSize != nil {
		if screen, ok := opts.ScreenSize(); ok {
			m.fitScreen(screen)
		}
	}
	stop := make(chan struct{})
	a.Lifecycle().SetOnStopped(func() { close(stop) })
	startReminders(a, data, stop)
	startJobReminders(a, data, stop)
	data.Watch(stop, func() { fyne.Do(m.dataChanged) })
	m.Show()
	// The first screen's figures were read before the window was shown:
	// what the learner need not wait for starts now, off the UI thread
	// (the daily backup reads the whole file).
	go func() {
		if opts.FiguresShown != nil {
			opts.FiguresShown()
		}
		m.dailyBackup(time.Now())
		// Start-up reads, measures and draws a lot once (about half the
		// heap it peaks at is garbage by then); hand it back to the
		// system once the backup is done and the first frames are drawn,
		// so an idle app stays small. A fixed delay from the start ran
		// before that work on a busy machine and gave back nothing.
		time.Sleep(2 * time.Second)
		debug.FreeOSMemory()
	}()
	m.WelcomeIfFirstRun()
	m.ReviewIfDue()
	(&packActions{store: data, win: m.Window, changed: m.reloadCurrent}).offerPublished()
	return m
}

// Quit ends the app the way the Quit item, Ctrl+Q and a desktop session's
// SIGTERM all should: each window is emptied before the app closes it.
// Fyne 2.7 can crash on a window being closed when the pointer rests on
// a widget with its own cursor (a text field): the next pointer event
// changes the cursor of a window that has no GL surface any more (fyne-io/fyne
// issue 5981). With nothing left under the pointer, the cursor stays the
// default and nothing touches the surface. Call it on the UI thread.
func Quit(a fyne.App) {
	for _, w := range a.Driver().AllWindows() {
		for _, o := range w.Canvas().Overlays().List() {
			w.Canvas().Overlays().Remove(o)
		}
		w.SetContent(container.NewWithoutLayout())
	}
	a.Quit()
}
