package ui

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/dustin/go-humanize"
	"github.com/studyplanner/studyplanner/internal/atomicfile"
)

// What each import accepts, by extension, so the open dialog shows every
// file the import takes and no other. The imports read the content, not
// the name: these only narrow the list.
var (
	documentFiles = []string{".json", ".db", ".sqlite", ".bak"} // an export or a backup
	calendarFiles = []string{".ics", ".ical", ".ifb", ".icalendar"}
	packFiles     = []string{".json"}
)

// chooseFile opens a file of one of the kinds given and hands its path to
// use; cancelling does nothing.
func chooseFile(w fyne.Window, what string, exts []string, use func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(w, "open the "+what, err)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		use(path)
	}, w)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Resize(fitWindow(w, fyne.NewSize(760, 520)))
	d.Show()
}

// saveFile asks where to save a file named name, writes data there whole
// (through a temporary file renamed into place, so a failure leaves no
// half file), and says where it went, with a button that opens the
// folder.
func saveFile(w fyne.Window, what, name string, data []byte) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(w, "save the "+what, err)
			return
		}
		if wc == nil {
			return // cancelled
		}
		path := wc.URI().Path()
		wc.Close() // the dialog made the file; it is written whole below
		if err := atomicfile.WriteFile(path, data, 0o644); err != nil {
			showError(w, "save the "+what, err)
			return
		}
		showSaved(w, what, path)
	}, w)
	d.SetFileName(name)
	d.Resize(fitWindow(w, fyne.NewSize(760, 520)))
	d.Show()
}

// showSaved says where a file was written and offers to open its folder.
func showSaved(w fyne.Window, what, path string) {
	size := ""
	if info, err := os.Stat(path); err == nil && !info.IsDir() {
		size = fmt.Sprintf(" (%s)", humanize.Bytes(uint64(info.Size())))
	}
	message := widget.NewLabel(fmt.Sprintf("The %s is saved in\n%s%s.", what, path, size))
	message.Wrapping = fyne.TextWrapWord
	folder := path
	if info, err := os.Stat(path); err == nil && !info.IsDir() {
		folder = filepath.Dir(path)
	}
	d := dialog.NewCustomConfirm("Saved", "Open the folder", "Close", message, func(open bool) {
		if open {
			openFolder(w, folder)
		}
	}, w)
	d.Resize(fitWindow(w, fyne.NewSize(480, message.MinSize().Height+120)))
	showWithKeys(w, d, d.Hide)
}

// saveFiles asks for a folder and writes the files there, each whole.
func saveFiles(w fyne.Window, what string, files map[string][]byte) {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			showError(w, "save the "+what, err)
			return
		}
		if dir == nil {
			return
		}
		for name, data := range files {
			if err := atomicfile.WriteFile(filepath.Join(dir.Path(), name), data, 0o644); err != nil {
				showError(w, "save the "+what, err)
				return
			}
		}
		showSaved(w, what, dir.Path())
	}, w)
	d.Resize(fitWindow(w, fyne.NewSize(760, 520)))
	d.Show()
}

// openFolder shows a folder in the desktop's file manager.
func openFolder(w fyne.Window, folder string) {
	u := &url.URL{Scheme: "file", Path: filepath.ToSlash(folder)}
	if err := fyne.CurrentApp().OpenURL(u); err != nil {
		showError(w, "open the folder", err)
	}
}

// busyAfter is how long work may run before the window says it is busy:
// under half a second a progress bar is only a flicker.
var busyAfter = 500 * time.Millisecond

// inBackground runs work off the UI thread, so the window stays
// responsive while a large history is exported or imported; the step work
// returns runs on the UI thread. Past busyAfter a progress dialog says what
// is happening.
func inBackground(w fyne.Window, doing string, work func() func()) {
	finished := false // touched on the UI thread only
	var progress dialog.Dialog
	timer := time.AfterFunc(busyAfter, func() {
		fyne.Do(func() {
			if !finished {
				progress = showBusy(w, doing)
			}
		})
	})
	go func() {
		show := work()
		fyne.Do(func() {
			finished = true
			timer.Stop()
			if progress != nil {
				progress.Hide()
			}
			show()
		})
	}()
}

// showBusy is a dialog with a running progress bar and what is being done.
func showBusy(w fyne.Window, doing string) dialog.Dialog {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(doing, container.NewVBox(bar, wrappedLabel("The window stays usable; this closes by itself when done.")), w)
	d.Resize(fitWindow(w, fyne.NewSize(420, 120)))
	d.Show()
	return d
}
