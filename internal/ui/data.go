package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// dataStore is what exporting and importing all data needs.
type dataStore interface {
	app.Exporter
	app.DocumentImporter
}

// dataActions are the File menu's export and import of all data, the
// same as `studyplanner export` and `import`.
type dataActions struct {
	store   dataStore
	win     fyne.Window
	changed func()
}

func (d *dataActions) menuItems() []*fyne.MenuItem {
	return []*fyne.MenuItem{
		fyne.NewMenuItem("Export All Data (JSON)…", d.export),
		fyne.NewMenuItem("Import All Data…", d.chooseImport),
	}
}

func (d *dataActions) export() {
	data, err := app.ExportDocument(d.store)
	if err != nil {
		showError(d.win, "export", err)
		return
	}
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			showError(d.win, "save the export", err)
			return
		}
		_, err = w.Write(data)
		if closeErr := w.Close(); err == nil {
			err = closeErr
		}
		showError(d.win, "save the export", err)
	}, d.win)
	save.SetFileName("study-planner.json")
	save.Show()
}

// chooseImport replaces all data with a document, after confirming; the
// current data is backed up first.
func (d *dataActions) chooseImport() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			showError(d.win, "open the file", err)
			return
		}
		defer r.Close()
		doc, err := snapshot.Decode(r)
		if err != nil {
			showError(d.win, "import "+r.URI().Name(), fmt.Errorf("%w\n\nNothing was changed", err))
			return
		}
		msg := fmt.Sprintf("Replace all your data with %s (%d steps, %d sessions)?\n\nYour current data is backed up first.",
			r.URI().Name(), len(doc.Roadmap), len(doc.Sessions))
		showConfirm("Import all data?", msg, func(ok bool) {
			if !ok {
				return
			}
			done, err := app.ImportDecoded(d.store, doc, time.Now())
			if err != nil {
				showError(d.win, "import", fmt.Errorf("%w\n\nNothing was changed", err))
				return
			}
			d.changed()
			showInformation("Imported", fmt.Sprintf("Your data is now %s's: %s.\n\nThe data it replaced is backed up in\n%s.",
				r.URI().Name(), done.Counts, done.Backup.Path), d.win)
		}, d.win)
	}, d.win)
	open.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	open.Show()
}
