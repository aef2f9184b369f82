package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/dustin/go-humanize"

	"github.com/studyplanner/studyplanner/internal/store"
)

// offline is what can be done when the server holding the data cannot be
// reached at start (app.Offline).
type offline interface {
	Problem() error
	Backups() []store.Backup
	Retry() (*store.Store, error)
	LocalCopy() (*store.Store, error)
}

// offlineWindow says the server cannot be reached, in words, and offers
// to try again or to open a read-only local copy of the newest backup;
// then it opens the main window.
type offlineWindow struct {
	fyne.Window
	retry, local *widget.Button
	problem      *widget.Label
	// Main is the main window, once the data is open.
	Main *MainWindow
}

func showOffline(a fyne.App, o offline, openMain func(*store.Store) *MainWindow) *offlineWindow {
	w := &offlineWindow{Window: a.NewWindow(Title + " — the server cannot be reached")}
	reason := widget.NewLabel(sentence(o.Problem().Error()))
	reason.Wrapping = fyne.TextWrapWord
	w.problem = widget.NewLabel("")
	w.problem.Importance = widget.DangerImportance
	w.problem.Wrapping = fyne.TextWrapWord
	w.problem.Hide()
	open := func(st *store.Store, err error, note string) {
		if err != nil {
			w.problem.SetText(sentence(store.Explain(err).Error()))
			w.problem.Show()
			return
		}
		w.Main = openMain(st)
		if note != "" {
			showInformation("A local copy", note, w.Main)
		}
		w.Close()
	}
	w.retry = widget.NewButtonWithIcon("Try again", theme.ViewRefreshIcon(), func() {
		st, err := o.Retry()
		open(st, err, "")
	})
	w.retry.Importance = widget.HighImportance
	backups := o.Backups()
	backupNote := widget.NewLabel("This computer has no backup of the data on the server yet, so there is no local copy to open.")
	w.local = widget.NewButtonWithIcon("Open a local copy", theme.FolderOpenIcon(), func() {
		st, err := o.LocalCopy()
		open(st, err, fmt.Sprintf("This is the backup made %s, read-only: nothing can be saved in it. "+
			"Quit and open Study Planner again once the server is back.", humanize.Time(backups[0].Time)))
	})
	if len(backups) > 0 {
		b := backups[0]
		backupNote.SetText(fmt.Sprintf("The newest backup on this computer was made %s (%s). A local copy of it can be read, not changed.",
			humanize.Time(b.Time), b.Time.Format("2 Jan 2006 15:04")))
	} else {
		w.local.Disable()
	}
	backupNote.Wrapping = fyne.TextWrapWord
	quit := widget.NewButtonWithIcon("Quit", theme.LogoutIcon(), a.Quit)
	w.SetContent(container.NewPadded(container.NewVBox(
		heading("The server with your data cannot be reached"),
		reason,
		backupNote,
		container.NewHBox(w.retry, w.local, quit),
		w.problem,
	)))
	w.Resize(fyne.NewSize(640, 360))
	w.Show()
	return w
}
