package ui

import (
	"bytes"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
)

// dataActions are the File menu's export and import of all data, the
// same as `studyplanner export` and `import`.
type dataActions struct {
	store   *store.Store
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
	doc, err := d.store.Export()
	if err != nil {
		showError(d.win, "export", err)
		return
	}
	var buf bytes.Buffer
	if err := snapshot.Encode(&buf, doc); err != nil {
		showError(d.win, "export", err)
		return
	}
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			showError(d.win, "save the export", err)
			return
		}
		_, err = w.Write(buf.Bytes())
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
		dialog.ShowConfirm("Import all data?", msg, func(ok bool) {
			if !ok {
				return
			}
			if _, err := d.store.NewBackup(time.Now()); err != nil {
				showError(d.win, "back up before importing", err)
				return
			}
			if err := d.store.Import(doc); err != nil {
				showError(d.win, "import", fmt.Errorf("%w\n\nNothing was changed", err))
				return
			}
			d.changed()
		}, d.win)
	}, d.win)
	open.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	open.Show()
}
