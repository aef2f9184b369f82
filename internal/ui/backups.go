package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/dustin/go-humanize"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/store"
)

// backupStore is what the backup commands need.
type backupStore interface {
	app.Restorer
	app.BackupTaker
}

// backupActions are the File menu's backup commands.
type backupActions struct {
	store   backupStore
	win     fyne.Window
	now     func() time.Time
	changed func()
	list    dialog.Dialog // the backups dialog on view, if any
}

func (b *backupActions) menuItems() []*fyne.MenuItem {
	return []*fyne.MenuItem{
		fyne.NewMenuItem("Back Up Now", b.backUpNow),
		fyne.NewMenuItem("Backups…", b.showBackups),
	}
}

func (b *backupActions) backUpNow() {
	made, err := b.store.NewBackup(b.now())
	if err != nil {
		showError(b.win, "back up", err)
		return
	}
	showInformation("Backed up", fmt.Sprintf("A copy of your data is in\n%s (%s).", made.Path, humanize.Bytes(uint64(made.Size))), b.win)
}

// showBackups lists the backups with their age; each can be restored
// after confirming, and the current data is backed up first.
func (b *backupActions) showBackups() {
	all, err := store.Backups(b.store.Path(), b.now())
	if err != nil {
		showError(b.win, "list the backups", err)
		return
	}
	rows := container.NewVBox()
	if len(all) == 0 {
		rows.Add(widget.NewLabel("No backups yet: one is made each day you open the app."))
	}
	for _, bk := range all {
		when := humanize.RelTime(bk.Time, b.now(), "ago", "from now")
		if bk.Future {
			when = "dated in the future (the clock was wrong)"
		}
		label := widget.NewLabel(fmt.Sprintf("%s · %s · %s", when, bk.Time.Format("2 Jan 2006 15:04"), humanize.Bytes(uint64(bk.Size))))
		restore := widget.NewButton("Restore…", func() { b.confirmRestore(bk) })
		rows.Add(container.NewBorder(nil, nil, nil, restore, label))
	}
	note := widget.NewLabel("Kept in " + store.BackupDir(b.store.Path()) + ", the newest " + fmt.Sprint(store.KeepBackups) + ".")
	note.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(rows, note)
	d := dialog.NewCustom("Backups", "Close", container.NewVScroll(body), b.win)
	d.Resize(fitWindow(b.win, fyne.NewSize(520, body.MinSize().Height)))
	b.list = d
	showWithKeys(b.win, d, nil)
}

func (b *backupActions) confirmRestore(bk store.Backup) {
	msg := fmt.Sprintf("Replace all your data with the backup made %s?\n\nYour current data is backed up first, so this can be undone by restoring that copy.",
		humanize.RelTime(bk.Time, b.now(), "ago", "from now"))
	showConfirm("Restore backup?", msg, func(ok bool) {
		if !ok {
			return
		}
		done, err := app.RestoreBackup(b.store, bk.Path, b.now())
		if err != nil {
			showError(b.win, "restore the backup", fmt.Errorf("%w\n\nNothing was changed", err))
			return
		}
		if b.list != nil {
			b.list.Hide()
		}
		b.changed()
		showInformation("Restored", fmt.Sprintf("Your data is as it was in the backup: %s.\n\nThe data it replaced is kept in\n%s.",
			done.Counts, done.Safety.Path), b.win)
	}, b.win)
}

// dailyBackup makes the day's automatic backup, if one is due, and tells
// the learner when it fails. It runs off the UI thread, after the window
// shows its figures: it reads the whole file.
func (m *MainWindow) dailyBackup(now time.Time) {
	if _, err := app.DailyBackup(m.data, now); err != nil {
		fyne.Do(func() { showError(m.Window, "make the daily backup", err) })
	}
}
