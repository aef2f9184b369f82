package ui

import (
	"fmt"
	"os"
	"runtime"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/studyplanner/studyplanner/internal/app"
)

// setUpTrayIcon puts Study Planner in the desktop's system tray, where
// there is one. It must run before the event loop starts: Fyne's tray set
// up later crashes the app when it quits. Until the main window exists the
// menu only says so.
func setUpTrayIcon(a fyne.App, icon fyne.Resource) (desktop.App, bool) {
	desk, ok := a.(desktop.App)
	if !ok || !hasTray() {
		return nil, false
	}
	desk.SetSystemTrayIcon(icon)
	opening := fyne.NewMenuItem("Opening Study Planner…", nil)
	opening.Disabled = true
	desk.SetSystemTrayMenu(fyne.NewMenu("Study Planner", opening))
	return desk, true
}

// setTrayMenu gives the tray the main window's menu: show the window,
// start or stop the study timer, and today's plan, which it asks the
// application layer for.
func (m *MainWindow) setTrayMenu(desk desktop.App) {
	desk.SetSystemTrayMenu(m.trayMenu(func() { m.setTrayMenu(desk) }))
}

// trayMenu builds the tray menu; rebuild is called after the timer
// changes, so the menu says what a click will do.
func (m *MainWindow) trayMenu(rebuild func()) *fyne.Menu {
	show := fyne.NewMenuItem("Show Study Planner", func() {
		m.Show()
		m.RequestFocus()
	})
	timer := m.timeline.timer
	timerLabel := "Start the Study Timer"
	if timer.Running() {
		timerLabel = "Stop the Timer and Log"
	}
	toggle := fyne.NewMenuItem(timerLabel, func() {
		timer.toggle()
		rebuild()
	})
	today := fyne.NewMenuItem("Today's Plan", nil)
	today.ChildMenu = fyne.NewMenu("", m.todayItems()...)
	return fyne.NewMenu("Study Planner", show, fyne.NewMenuItemSeparator(), toggle, today)
}

// todayItems lists today's planned work, read afresh.
func (m *MainWindow) todayItems() []*fyne.MenuItem {
	s, err := app.LoadSchedule(m.data, time.Now())
	var items []*fyne.MenuItem
	if err == nil {
		for _, it := range s.TodaysWork() {
			items = append(items, fyne.NewMenuItem(fmt.Sprintf("Start the timer on %s (%s)", it.Name, hoursText(it.Hours)), func() {
				m.Show()
				m.startWork(it)
			}))
		}
	}
	if len(items) == 0 {
		nothing := fyne.NewMenuItem("Nothing planned today", nil)
		if err != nil {
			nothing.Label = "Today's plan cannot be read"
		}
		nothing.Disabled = true
		items = append(items, nothing)
	}
	return items
}

// hasTray reports whether the desktop can show a tray. On Linux and the
// BSDs the tray speaks D-Bus: without a session bus (a bare X server, a
// headless test) Fyne's tray fails, and crashes the app when it quits.
func hasTray() bool {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
		return os.Getenv("DBUS_SESSION_BUS_ADDRESS") != ""
	}
	return true
}
