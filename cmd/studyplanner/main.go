// Command studyplanner is Study Planner: with no arguments it opens the
// window, and with a subcommand (status, export, import) it works headless
// for scripts. This file only wires the packages together.
package main

import (
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/studyplanner/studyplanner/assets"
	"github.com/studyplanner/studyplanner/internal/cli"
	_ "github.com/studyplanner/studyplanner/internal/localeenv" // before Fyne's lang package reads the locale
	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/ui"
)

// version is set at build time from FyneApp.toml by the Makefile.
var version = "dev"

// appID identifies the app to the desktop and names its preferences folder.
const appID = "io.github.studyplanner"

func main() {
	os.Exit(cli.Main(cli.Env{
		Stdin:      os.Stdin,
		Stdout:     os.Stdout,
		Stderr:     os.Stderr,
		OpenWindow: openWindow,
		Version:    version,
	}, os.Args[1:]))
}

func openWindow(st *store.Store, recovery *cli.Recovery) error {
	ui.AppVersion = version
	a := app.NewWithID(appID)
	icon := fyne.NewStaticResource("icon.png", assets.Icon)
	a.SetIcon(icon)
	quitOnSignal(a)
	if recovery != nil {
		ui.ShowRecovery(a, recovery, assets.BackendPack)
		a.Run()
		return nil
	}
	w := ui.NewMainWindow(a, st, assets.BackendPack)
	ui.SetUpTray(a, w, icon)
	stopReminders := make(chan struct{})
	defer close(stopReminders)
	ui.StartReminders(a, st, stopReminders)
	w.Show()
	w.WelcomeIfFirstRun()
	// Start-up reads and builds a lot once; hand the garbage back to the
	// system when the window has settled, so an idle app stays small.
	time.AfterFunc(time.Second, debug.FreeOSMemory)
	a.Run()
	return nil
}

// quitOnSignal closes the window the normal way on SIGTERM or SIGINT, so a
// session logout or Ctrl+C in the terminal still closes the database cleanly.
func quitOnSignal(a fyne.App) {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-signals
		fyne.Do(a.Quit)
	}()
}
