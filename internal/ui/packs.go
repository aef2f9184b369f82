package ui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"

	"github.com/dustin/go-humanize"
	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
)

// packStore is what the pack commands need.
type packStore interface {
	app.PackImporter
	ExportPack(name string) (snapshot.Pack, error)
	publishedStore
}

// publishedStore is what the offer of a mentor's published packs reads
// and records (on a server set up with a mentor; elsewhere it has none).
type publishedStore interface {
	PublishedPacks() ([]store.PublishedPack, error)
	PublishedPack(name string) (snapshot.Pack, store.PublishedPack, error)
	MarkPackSeen(store.PublishedPack) error
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
func (p *packActions) merge(pack snapshot.Pack) { p.mergeThen(pack, nil) }

// mergeThen merges pack and, when it merged, runs merged off the UI
// thread before saying so.
func (p *packActions) mergeThen(pack snapshot.Pack, merged func() error) {
	inBackground(p.win, "Merging the pack…", func() func() {
		done, err := app.ImportPack(p.store, pack, time.Now())
		if err == nil && merged != nil {
			err = merged()
		}
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

// offerPublished offers, once the window is up, to merge a pack the
// learner's mentor published since the learner last merged or dismissed
// it: by name, nothing deleted, progress kept. With a dialog already open
// (the welcome, the weekly review) it waits for the next start.
func (p *packActions) offerPublished() {
	if p.win.Canvas().Overlays().Top() != nil {
		return
	}
	runLoad(func() func() {
		packs, err := p.store.PublishedPacks()
		if err != nil {
			return func() {} // no mentor for this data: nothing to offer
		}
		for _, pp := range packs {
			if !pp.New {
				continue
			}
			pack, published, err := p.store.PublishedPack(pp.Name)
			if err != nil {
				return func() {}
			}
			return func() { p.askToMerge(pack, published) }
		}
		return func() {}
	})
}

func (p *packActions) askToMerge(pack snapshot.Pack, published store.PublishedPack) {
	if p.win.Canvas().Overlays().Top() != nil {
		return
	}
	seen := func() error { return p.store.MarkPackSeen(published) }
	showConfirm("Your mentor published a roadmap pack",
		fmt.Sprintf("%s was published %s.\n\nMerge it into your roadmap? Its new steps and skills are added by name; nothing is deleted and your progress stays.",
			pack.Summary(), humanize.Time(published.PublishedAt)),
		func(yes bool) {
			if yes {
				p.mergeThen(pack, seen)
				return
			}
			if err := seen(); err != nil {
				showError(p.win, "set the pack aside", err)
			}
		}, p.win)
}
