package ui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"

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

func (p *packActions) exportItems() []*fyne.MenuItem {
	return []*fyne.MenuItem{fyne.NewMenuItem("Roadmap Pack…", p.chooseExport)}
}

func (p *packActions) importItems() []*fyne.MenuItem {
	return []*fyne.MenuItem{
		fyne.NewMenuItem("Roadmap Pack…", p.chooseImport),
		fyne.NewMenuItem("The Backend Developer Pack Again", p.importBuiltIn),
	}
}

func (p *packActions) chooseImport() {
	chooseFile(p.win, "pack", packFiles, func(path string) {
		f, err := os.Open(path)
		if err != nil {
			showError(p.win, "open the pack", err)
			return
		}
		pack, err := snapshot.DecodePack(f)
		f.Close()
		if err != nil {
			showError(p.win, "import "+filepath.Base(path), fmt.Errorf("%w\n\nNothing was changed", err))
			return
		}
		p.merge(pack)
	})
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
	inBackground(p.win, "Merging the pack…", func() func() {
		done, err := app.ImportPack(p.store, pack, time.Now())
		return func() {
			if err != nil {
				showError(p.win, "import the pack", fmt.Errorf("%w\n\nNothing was changed", err))
				return
			}
			p.changed()
			showInformation("Pack imported", fmt.Sprintf("Merged %s.\n\n%s.\nYour progress was kept; the data before the merge is backed up in\n%s.",
				pack.Summary(), sentence(done.Result.String()), done.Backup.Path), p.win)
		}
	})
}

func (p *packActions) chooseExport() {
	inBackground(p.win, "Exporting the roadmap pack…", func() func() {
		var buf bytes.Buffer
		pack, err := p.store.ExportPack("")
		if err == nil {
			err = snapshot.EncodePack(&buf, pack)
		}
		return func() {
			if err != nil {
				showError(p.win, "export the pack", err)
				return
			}
			saveFile(p.win, "roadmap pack", "roadmap.pack.json", buf.Bytes())
		}
	})
}
