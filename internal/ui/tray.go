package ui

import (
	"fmt"
	"os"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// SetUpTray puts Study Planner in the desktop's system tray, where there is
// one: show the window, start or stop the study timer, and today's plan.
func SetUpTray(a fyne.App, m *MainWindow, icon fyne.Resource) {
	desk, ok := a.(desktop.App)
	if !ok || !hasTray() {
		return
	}
	desk.SetSystemTrayIcon(icon)
	desk.SetSystemTrayMenu(m.trayMenu(func() { SetUpTray(a, m, icon) }))
}

// trayMenu builds the tray menu; rebuild is called after the timer
// changes, so the menu says what a click will do.
func (m *MainWindow) trayMenu(rebuild func()) *fyne.Menu {
	t := m.screens[timelineScreen].(*timeline)
	show := fyne.NewMenuItem("Show Study Planner", func() {
		m.Show()
		m.RequestFocus()
	})
	timerLabel := "Start the Study Timer"
	if t.timer.Running() {
		timerLabel = "Stop the Timer and Log"
	}
	timer := fyne.NewMenuItem(timerLabel, func() {
		t.timer.toggle()
		rebuild()
	})
	today := fyne.NewMenuItem("Today's Plan", nil)
	var items []*fyne.MenuItem
	for _, it := range t.forecast.Days[plan.Date(t.now())] {
		item := fyne.NewMenuItem(fmt.Sprintf("%s · %s", it.Name, hoursText(it.Hours)), func() {
			m.Show()
			m.ShowScreen(timelineScreen)
		})
		items = append(items, item)
	}
	if len(items) == 0 {
		nothing := fyne.NewMenuItem("Nothing planned today", nil)
		nothing.Disabled = true
		items = append(items, nothing)
	}
	today.ChildMenu = fyne.NewMenu("", items...)
	return fyne.NewMenu("Study Planner", show, fyne.NewMenuItemSeparator(), timer, today)
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
