package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// cohortData is what the cohort window reads: the learners' rows, and
// each learner's data, read-only, for their dashboard.
type cohortData interface {
	Rows(today time.Time) []app.CohortRow
	Data(learner string) (*store.Store, error)
}

// cohortWindow is a mentor's window: one row per learner (the table of
// `studyplanner cohort`), sortable; a learner's row opens their
// dashboard, read-only.
type cohortWindow struct {
	fyne.Window
	data     cohortData
	now      func() time.Time
	rows     []app.CohortRow
	sortBy   *widgets.Choice
	table    *widget.Table
	selected int // index into rows, -1 for none
	open     *widget.Button
	status   *widget.Label
	// opened are the learners' windows the mentor opened.
	opened []*MainWindow
}

var cohortColumns = []string{"Learner", "Progress", "Standing", "Last 7 days", "Last 28 days", "Streak", "Cards due", "Current step", "Last study"}

func showCohort(a fyne.App, data cohortData, now func() time.Time) *cohortWindow {
	w := &cohortWindow{Window: a.NewWindow(Title + " — your cohort"), data: data, now: now, selected: -1}
	w.status = widget.NewLabel("")
	w.status.Wrapping = fyne.TextWrapWord
	w.table = widget.NewTable(
		func() (int, int) { return len(w.rows) + 1, len(cohortColumns) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle.Bold = id.Row == 0
			if id.Row == 0 {
				l.SetText(cohortColumns[id.Col])
				return
			}
			l.SetText(cohortCell(w.rows[id.Row-1], id.Col))
		})
	for col, width := range []float32{150, 90, 150, 105, 115, 70, 90, 280, 120} {
		w.table.SetColumnWidth(col, width)
	}
	w.table.OnSelected = func(id widget.TableCellID) {
		w.selected = id.Row - 1
		if w.selected >= 0 && w.rows[w.selected].Problem == "" {
			w.open.Enable()
		} else {
			w.open.Disable()
		}
	}
	w.sortBy = widgets.NewChoice(app.CohortSorts, func(string) { w.sort() })
	w.open = widget.NewButtonWithIcon("Open their dashboard", theme.HomeIcon(), w.openSelected)
	w.open.Disable()
	refresh := widget.NewButtonWithIcon("Read again", theme.ViewRefreshIcon(), w.reload)
	top := container.NewVBox(heading("Your cohort"),
		container.NewHBox(widget.NewLabel("Sort by"), w.sortBy, refresh, w.open), w.status)
	w.SetContent(container.NewBorder(top, nil, nil, nil, w.table))
	w.reload()
	w.sortBy.SetSelected("name")
	w.Resize(fyne.NewSize(1100, 600))
	w.Show()
	return w
}

// cohortCell is a row's text in column col, as the command prints it.
func cohortCell(r app.CohortRow, col int) string {
	if r.Problem != "" {
		if col == 0 {
			return r.Learner
		}
		if col == 2 {
			return "cannot be read"
		}
		return ""
	}
	switch col {
	case 0:
		return r.Learner
	case 1:
		return fmt.Sprintf("%d%%", r.Percent)
	case 2:
		return cohortStanding(r)
	case 3:
		return fmt.Sprintf("%.1f h", r.Hours7)
	case 4:
		return fmt.Sprintf("%.1f h", r.Hours28)
	case 5:
		return fmt.Sprintf("%d d", r.Streak)
	case 6:
		return fmt.Sprint(r.CardsDue)
	case 7:
		if r.CurrentStep == "" {
			return "—"
		}
		return r.CurrentStep
	}
	if r.LastActivity.IsZero() {
		return "not this year"
	}
	return r.LastActivity.Format("2 Jan 2006")
}

func cohortStanding(r app.CohortRow) string {
	switch {
	case !r.Started:
		return "not started"
	case r.DaysAhead < 0:
		return fmt.Sprintf("%d days behind", -r.DaysAhead)
	case r.DaysAhead > 0:
		return fmt.Sprintf("%d days ahead", r.DaysAhead)
	}
	return "on track"
}

// reload reads every learner's row again.
func (w *cohortWindow) reload() {
	w.rows = w.data.Rows(w.now())
	w.sort()
	w.status.SetText(fmt.Sprintf("%d learners, read %s. Select one to open their dashboard (read-only).",
		len(w.rows), w.now().Format("15:04")))
}

func (w *cohortWindow) sort() {
	key := w.sortBy.Selected
	if key == "" {
		key = "name"
	}
	_ = app.SortCohort(w.rows, key) // key is one of app.CohortSorts
	w.selected = -1
	w.table.UnselectAll()
	w.open.Disable()
	w.table.Refresh()
}

// openSelected opens the selected learner's data in a main window,
// read-only: every save there is refused in words.
func (w *cohortWindow) openSelected() {
	if w.selected < 0 || w.selected >= len(w.rows) {
		return
	}
	learner := w.rows[w.selected].Learner
	st, err := w.data.Data(learner)
	if err != nil {
		w.status.SetText(fmt.Sprintf("Could not open %s's data: %v", learner, store.Explain(err)))
		return
	}
	m := NewMainWindow(fyne.CurrentApp(), st, noBuiltInPack)
	m.SetTitle(Title + " — " + learner + " (read-only)")
	m.Show()
	w.opened = append(w.opened, m)
}

func noBuiltInPack() (snapshot.Pack, error) {
	return snapshot.Pack{}, fmt.Errorf("a learner's data opened by their mentor takes no pack")
}
