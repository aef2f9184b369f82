package ui

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/jobpdf"
	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// transferMenu is the board's button for CSV import and export and the
// record of applications.
func (j *jobSearch) transferMenu() fyne.CanvasObject {
	var b *widget.Button
	b = widget.NewButtonWithIcon("Import / export", theme.DocumentIcon(), func() {
		menu := fyne.NewMenu("",
			fyne.NewMenuItem("Import applications (CSV)…", func() { chooseFile(j.win, "spreadsheet", []string{".csv"}, j.previewImport) }),
			fyne.NewMenuItem("Export applications and history (CSV)…", j.exportCSV),
			fyne.NewMenuItem("Record of applications (PDF)…", func() { j.exportRecord(false) }),
			fyne.NewMenuItem("Record of applications (CSV)…", func() { j.exportRecord(true) }),
		)
		widget.ShowPopUpMenuAtRelativePosition(menu, j.win.Canvas(), fyne.NewPos(0, b.Size().Height), b)
	})
	return b
}

func (j *jobSearch) exportCSV() {
	files, err := app.JobsCSVFiles(j.store)
	if err != nil {
		j.report("export the applications", err)
		return
	}
	saveFiles(j.win, "applications", files)
}

func (j *jobSearch) exportRecord(asCSV bool) {
	var buf bytes.Buffer
	if err := app.WriteRecord(j.store, &buf, jobpdf.Header{Printed: j.now()}, asCSV); err != nil {
		j.report("write the record of applications", err)
		return
	}
	name := "record-of-applications-" + j.today().Format(time.DateOnly)
	if asCSV {
		saveFile(j.win, "record of applications", name+".csv", buf.Bytes())
	} else {
		saveFile(j.win, "record of applications", name+".pdf", buf.Bytes())
	}
}

// importPreview is the import's dialog: which column is which field, the
// rows that will be imported and those that will not, with why.
type importPreview struct {
	path, events string
	mapping      *widgets.TextField
	summary      *widget.Label
	rows         *fyne.Container
	result       jobsearch.Import
}

// previewImport reads a spreadsheet and shows what importing it would do
// before anything is written. Its stage events file, written beside it by
// an export, is read too.
func (j *jobSearch) previewImport(path string) {
	p := &importPreview{path: path, mapping: widgets.NewTextField(plan.MaxTextLen), summary: wrappedLabel(""), rows: container.NewVBox()}
	if _, err := os.Stat(jobsearch.EventsFileName(path)); err == nil {
		p.events = jobsearch.EventsFileName(path)
	}
	p.mapping.SetPlaceHolder("company=Firma, role=Stelle, date=Datum")
	p.mapping.OnSubmitted = func(string) { j.readPreview(p) }
	again := widget.NewButtonWithIcon("Read again", theme.ViewRefreshIcon(), func() { j.readPreview(p) })
	items := []*widget.FormItem{{Text: "Columns", Widget: container.NewBorder(nil, nil, nil, again, p.mapping),
		HintText: "Columns are matched by name (company, role, date, stage, source…); map others as FIELD=COLUMN"}}
	extra := container.NewVBox(p.summary, p.rows)
	j.lastPreview = p
	_ = j.readPreview(p) // a file that cannot be read says why in the summary
	var done string
	f := showFormDialog(j.win, "Import applications", "Import", items, extra, func() error {
		if err := j.readPreview(p); err != nil {
			return err
		}
		n, err := app.ImportJobs(j.store, p.result)
		if err != nil {
			return err
		}
		j.reload()
		done = importedText(n, len(p.result.Good)+len(p.result.Already)-n, len(p.result.Bad))
		return nil
	})
	// Shown once the form has closed: closing it takes every dialog
	// above it away with it.
	f.afterSave = func() { showInformation("Imported", done, j.win) }
	j.editor = f
}

// readPreview reads the file with the mapping typed and shows the rows.
func (j *jobSearch) readPreview(p *importPreview) error {
	m, err := jobsearch.ParseMapping(p.mapping.Text)
	if err == nil {
		p.result, err = app.ReadJobsCSV(j.store, p.path, p.events, m, j.today())
	}
	p.rows.Objects = nil
	if err != nil {
		p.result = jobsearch.Import{}
		p.summary.SetText(sentence(err.Error()))
		p.rows.Refresh()
		return err
	}
	text := fmt.Sprintf("%d %s will be imported", len(p.result.Good), plural(len(p.result.Good), "row", "rows"))
	if n := len(p.result.Already); n > 0 {
		text += fmt.Sprintf("; %d %s already on the board (the same company, role and first date) and will be left out",
			n, plural(n, "is", "are"))
	}
	if len(p.result.Bad) > 0 {
		text += fmt.Sprintf("; %d will not, each with the reason below", len(p.result.Bad))
	}
	if p.events != "" {
		text += ". The history comes from " + p.events
	}
	p.summary.SetText(text + ".")
	const shown = 50
	for i, r := range p.result.Good {
		if i == shown {
			p.rows.Add(widget.NewLabel(fmt.Sprintf("… and %d more", len(p.result.Good)-shown)))
			break
		}
		st, _ := j.data.Board.StageOf(r.Application.Current().StageID)
		p.rows.Add(wrappedLabel(fmt.Sprintf("Row %d: %s · %s · %s", r.Line, r.Application.Company, r.Application.Role, st.Name)))
	}
	for _, r := range p.result.Already {
		p.rows.Add(wrappedLabel(fmt.Sprintf("Row %d already there: %s · %s", r.Line, r.Application.Company, r.Application.Role)))
	}
	for _, r := range p.result.Bad {
		l := wrappedLabel(fmt.Sprintf("Row %d left out: %s", r.Line, plan.Shorten(strings.TrimSpace(r.Err.Error()), 300)))
		l.Importance = widget.DangerImportance
		p.rows.Add(l)
	}
	p.rows.Refresh()
	return nil
}

// importedText says what an import did: the applications added, those
// already on the board, and the rows left out for a fault.
func importedText(added, already, bad int) string {
	text := fmt.Sprintf("Imported %d %s", added, plural(added, "application", "applications"))
	if already > 0 {
		text += fmt.Sprintf("; %d %s already there (the same company, role and first date)", already, plural(already, "was", "were"))
	}
	if bad > 0 {
		text += fmt.Sprintf("; %d %s left out, each for the reason shown", bad, plural(bad, "row was", "rows were"))
	}
	return text + "."
}
