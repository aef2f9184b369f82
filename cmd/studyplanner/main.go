// Command studyplanner is Study Planner: with no arguments it opens the
// window, and with a subcommand (status, export, import…) it works
// headless for scripts. This file only wires the packages together.
package main

import (
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/studyplanner/studyplanner/assets"
	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/cli"
	_ "github.com/studyplanner/studyplanner/internal/localeenv" // before Fyne's lang package reads the locale
	"github.com/studyplanner/studyplanner/internal/ui"
)

// version and appID come from FyneApp.toml, the one place they are
// written, through the Makefile's -ldflags.
var (
	version = "dev"
	appID   = ""
)

// fallbackAppID is FyneApp.toml's ID for a plain `go build` or `go
// install`, which pass no -ldflags: without an ID Fyne keeps no
// preferences, so the theme, the window's size and the screen left were
// forgotten at each start. TestTheFallbackIDIsFyneAppTomls keeps the two
// equal.
const fallbackAppID = "io.github.studyplanner"

func main() {
	os.Exit(cli.Main(cli.Env{
		Stdin:      os.Stdin,
		Stdout:     os.Stdout,
		Stderr:     os.Stderr,
		OpenWindow: openWindow,
		Version:    version,
	}, os.Args[1:]))
}

func openWindow(start app.Startup) error {
	a := newFyneApp()
	quitOnSignal(a)
	ui.Run(a, start, ui.Options{
		Icon:        fyne.NewStaticResource("icon.png", assets.Icon),
		Version:     version,
		BuiltInPack: assets.BackendPack,
		ScreenSize:  primaryScreenSize,
		FiguresShown: func() {
			// make bench-startup times the first figures by this file.
			if path := os.Getenv("STUDYPLANNER_BENCH_FIGURES"); path != "" {
				_ = os.WriteFile(path, nil, 0o600)
			}
		},
	})
	return nil
}

func newFyneApp() fyne.App {
	if appID == "" {
		return fyneapp.NewWithID(fallbackAppID)
	}
	return fyneapp.NewWithID(appID)
}

// quitOnSignal closes the window the normal way on SIGTERM or SIGINT, so a
// session logout or Ctrl+C in the terminal still closes the database cleanly.
func quitOnSignal(a fyne.App) {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-signals
		fyne.Do(func() { ui.Quit(a) })
	}()
}
