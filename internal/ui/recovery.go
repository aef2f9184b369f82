package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/dustin/go-humanize"

	"github.com/studyplanner/studyplanner/internal/store"
)

// recovery is what can be done about a database that could not be opened
// (app.Recovery). Both ways keep the damaged file, renamed; they return the
// new store and that new name.
type recovery interface {
	Problem() error
	Backups() []store.Backup
	StartAfresh() (*store.Store, string, error)
	Restore(store.Backup) (*store.Store, string, error)
}

// recoveryWindow explains why the data could not be opened and offers to
// restore the newest backup or to start afresh; then it opens the main
// window.
type recoveryWindow struct {
	fyne.Window
	restore, fresh *widget.Button
	problem        *widget.Label
	// Main is the main window, once the learner has chosen.
	Main *MainWindow
}

// showRecovery opens the recovery window; openMain opens the main window
// on the data the learner chose.
func showRecovery(a fyne.App, r recovery, openMain func(*store.Store) *MainWindow) *recoveryWindow {
	w := &recoveryWindow{Window: a.NewWindow(Title + " — your data could not be opened")}
	// Say what is wrong in a sentence; the command-line advice in the
	// error itself is for the terminal.
	text := sentence(r.Problem().Error())
	var damaged *store.DamagedError
	if errors.As(r.Problem(), &damaged) {
		text = fmt.Sprintf("Study Planner could not open %s: %s. Nothing was written to it.", damaged.Path, damaged.Reason)
	}
	reason := widget.NewLabel(text)
	reason.Wrapping = fyne.TextWrapWord
	w.problem = widget.NewLabel("")
	w.problem.Importance = widget.DangerImportance
	w.problem.Wrapping = fyne.TextWrapWord
	w.problem.Hide()
	open := func(st *store.Store, aside string, err error) {
		if err != nil {
			w.problem.SetText(sentence(err.Error()))
			w.problem.Show()
			return
		}
		w.Main = openMain(st)
		showInformation("Your data", "The damaged file was kept, unchanged, as:\n"+aside, w.Main)
		w.Close()
	}
	backups := r.Backups()
	w.restore = widget.NewButtonWithIcon("Restore the newest backup", theme.HistoryIcon(), func() {
		open(r.Restore(backups[0]))
	})
	w.restore.Importance = widget.HighImportance
	backupNote := widget.NewLabel("There is no backup to restore.")
	if len(backups) > 0 {
		b := backups[0]
		backupNote.SetText(fmt.Sprintf("The newest backup was made %s (%s, %s).",
			humanize.Time(b.Time), b.Time.Format("2 Jan 2006 15:04"), humanize.Bytes(uint64(b.Size))))
	} else {
		w.restore.Disable()
	}
	w.fresh = widget.NewButtonWithIcon("Start a new database", theme.ContentAddIcon(), func() { open(r.StartAfresh()) })
	quit := widget.NewButtonWithIcon("Quit", theme.LogoutIcon(), a.Quit)
	w.SetContent(container.NewPadded(container.NewVBox(
		heading("Your study data could not be opened"),
		reason,
		backupNote,
		widget.NewLabel("Either way the damaged file is kept under a new name, so nothing is lost."),
		container.NewHBox(w.restore, w.fresh, quit),
		w.problem,
	)))
	w.Resize(fyne.NewSize(640, 360))
	w.Show()
	return w
}
