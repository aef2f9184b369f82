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

// packStore is what the pack commands need.
type packStore interface {
	app.PackImporter
	ExportPack(name string) (snapshot.Pack, error)
}

// packActions are the File menu's roadmap-pack commands: the same as
// `studyplanner pack import` and `pack export`.
type packActions struct {
	store   packStore
	win     fyne.Window
	builtIn func() (snapshot.Pack, error)
	changed func() // the screen on view reloads
}

func (p *packActions) menuItems() []*fyne.MenuItem {
	return []*fyne.MenuItem{
		fyne.NewMenuItem("Import Roadmap Pack…", p.chooseImport),
		fyne.NewMenuItem("Export Roadmap Pack…", p.chooseExport),
		fyne.NewMenuItem("Restore the Backend Developer Pack", p.importBuiltIn),
	}
}

func (p *packActions) chooseImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(p.win, "open the pack", err)
			return
		}
		if r == nil {
			return // cancelled
		}
		defer r.Close()
		pack, err := snapshot.DecodePack(r)
		if err != nil {
			showError(p.win, "import "+r.URI().Name(), fmt.Errorf("%w\n\nNothing was changed", err))
			return
		}
		p.merge(pack)
	}, p.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Show()
}

func (p *packActions) importBuiltIn() {
	pack, err := p.builtIn()
	if err != nil {
		showError(p.win, "load the built-in pack", err)
		return
	}
	p.merge(pack)
}

// merge imports a decoded pack and says what it changed.
func (p *packActions) merge(pack snapshot.Pack) {
	done, err := app.ImportPack(p.store, pack, time.Now())
	if err != nil {
		showError(p.win, "import the pack", fmt.Errorf("%w\n\nNothing was changed", err))
		return
	}
	p.changed()
	showInformation("Pack imported", fmt.Sprintf("Merged %s.\n\n%s.\nYour progress was kept; the data before the merge is backed up in\n%s.",
		pack.Summary(), sentence(done.Result.String()), done.Backup.Path), p.win)
}

func (p *packActions) chooseExport() {
	pack, err := p.store.ExportPack("")
	if err != nil {
		showError(p.win, "export the pack", err)
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(p.win, "save the pack", err)
			return
		}
		if w == nil {
			return // cancelled
		}
		if err := snapshot.EncodePack(w, pack); err != nil {
			w.Close()
			showError(p.win, "save the pack", err)
			return
		}
		if err := w.Close(); err != nil {
			showError(p.win, "save the pack", err)
		}
	}, p.win)
	d.SetFileName("roadmap.pack.json")
	d.Show()
}
