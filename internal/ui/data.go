package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// dataStore is what exporting and importing all data needs.
type dataStore interface {
	app.Exporter
	app.DocumentImporter
	app.Restorer
}

// dataActions are the File menu's export and import of all data, the
// same as `studyplanner export` and `import`.
type dataActions struct {
	store   dataStore
	win     fyne.Window
	changed func()
}

func (d *dataActions) exportItems() []*fyne.MenuItem {
	return []*fyne.MenuItem{
		fyne.NewMenuItem("All Data (JSON)…", d.export),
		fyne.NewMenuItem("Spreadsheets (CSV)…", d.exportTables),
	}
}

func (d *dataActions) importItems() []*fyne.MenuItem {
	return []*fyne.MenuItem{fyne.NewMenuItem("All Data from an Export or Backup…", d.chooseImport)}
}

func (d *dataActions) export() {
	inBackground(d.win, "Exporting all your data…", func() func() {
		data, err := app.ExportDocument(d.store)
		return func() {
			if err != nil {
				showError(d.win, "export", err)
				return
			}
			saveFile(d.win, "export of all your data", "study-planner-"+time.Now().Format(time.DateOnly)+".json", data)
		}
	})
}

func (d *dataActions) exportTables() {
	inBackground(d.win, "Exporting the spreadsheets…", func() func() {
		files, err := app.ExportTables(d.store)
		return func() {
			if err != nil {
				showError(d.win, "export the spreadsheets", err)
				return
			}
			saveFiles(d.win, "spreadsheets", files)
		}
	})
}

// chooseImport replaces all data with an export or a backup, after
// confirming; the current data is backed up first. The file is told by
// its content, not its name.
func (d *dataActions) chooseImport() {
	chooseFile(d.win, "file", documentFiles, func(path string) {
		head, err := readHead(path)
		if err != nil {
			showError(d.win, "open the file", err)
			return
		}
		switch app.KindOf(head) {
		case app.Backup:
			d.confirmRestore(path)
		case app.Calendar:
			showError(d.win, "import "+filepath.Base(path), errors.New("this is a calendar, not an export of your data: "+
				"add its events as days off with File ▸ Import ▸ Holidays (ICS).\n\nNothing was changed"))
		default:
			d.confirmImport(path)
		}
	})
}

func readHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, 512)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return head[:n], nil
}

func (d *dataActions) confirmImport(path string) {
	f, err := os.Open(path)
	if err != nil {
		showError(d.win, "open the file", err)
		return
	}
	doc, err := snapshot.Decode(f)
	f.Close()
	name := filepath.Base(path)
	if err != nil {
		showError(d.win, "import "+name, fmt.Errorf("%w\n\nNothing was changed", err))
		return
	}
	msg := fmt.Sprintf("Replace all your data with %s (%d steps, %d sessions)?\n\nYour current data is backed up first.",
		name, len(doc.Roadmap), len(doc.Sessions))
	showConfirm("Import all data?", msg, func(ok bool) {
		if !ok {
			return
		}
		inBackground(d.win, "Importing "+name+"…", func() func() {
			done, err := app.ImportDecoded(d.store, doc, time.Now())
			return func() {
				if err != nil {
					showError(d.win, "import", fmt.Errorf("%w\n\nNothing was changed", err))
					return
				}
				d.changed()
				showInformation("Imported", fmt.Sprintf("Your data is now %s's: %s.\n\nThe data it replaced is backed up in\n%s.",
					name, done.Counts, done.Backup.Path), d.win)
			}
		})
	}, d.win)
}

func (d *dataActions) confirmRestore(path string) {
	name := filepath.Base(path)
	msg := fmt.Sprintf("Replace all your data with the backup %s?\n\nYour current data is backed up first.", name)
	showConfirm("Restore a backup?", msg, func(ok bool) {
		if !ok {
			return
		}
		inBackground(d.win, "Restoring "+name+"…", func() func() {
			done, err := app.RestoreBackup(d.store, path, time.Now())
			return func() {
				if err != nil {
					showError(d.win, "restore "+name, fmt.Errorf("%w\n\nNothing was changed", err))
					return
				}
				d.changed()
				showInformation("Restored", fmt.Sprintf("Your data is now the backup's: %s.\n\nThe data it replaced is kept in\n%s.",
					done.Counts, done.Safety.Path), d.win)
			}
		})
	}, d.win)
}
