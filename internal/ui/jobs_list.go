package ui

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

const anyFilter = "Any"

// jobList is the applications as a table: sorted by a column (click its
// heading; again to reverse), filtered by stage, source and company. The
// table draws only the rows in view, so a long search scrolls as fast as
// a short one.
type jobList struct {
	j       *jobSearch
	table   *widget.Table
	stage   *widgets.Choice
	source  *widgets.Choice
	company *widget.Entry
	count   *widget.Label
	rows    []jobsearch.Application // filtered and sorted
	sortBy  int
	desc    bool
	widths  []float32 // each column's, fitted to its texts
	root    fyne.CanvasObject
}

// listColumns are the table's headings and the most each column takes:
// a longer name is cut with an ellipsis (the form shows it whole); a date
// is never cut. The table scrolls sideways when they add up to more than
// the window has.
var listColumns = []struct {
	title string
	most  float32
}{{"Company", 240}, {"Role", 240}, {"Stage", 180}, {"Source", 160}, {"Sent", 0}, {"Last move", 0}, {"Next", 320}}

func newJobList(j *jobSearch) *jobList {
	l := &jobList{j: j, sortBy: 5, desc: true}
	l.stage = widgets.NewChoice(nil, func(string) { l.show() })
	l.source = widgets.NewChoice(nil, func(string) { l.show() })
	l.company = widget.NewEntry()
	l.company.SetPlaceHolder("Company contains…")
	l.company.OnChanged = func(string) { l.show() }
	l.count = widget.NewLabel("")
	l.table = widget.NewTable(func() (int, int) { return len(l.rows), len(listColumns) },
		func() fyne.CanvasObject {
			lb := widget.NewLabel("")
			lb.Truncation = fyne.TextTruncateEllipsis
			return lb
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(l.rows) {
				o.(*widget.Label).SetText(l.cell(l.rows[id.Row], id.Col))
			}
		})
	l.table.ShowHeaderRow = true
	l.table.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	l.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 || id.Col >= len(listColumns) {
			b.SetText("")
			return
		}
		title := listColumns[id.Col].title
		if id.Col == l.sortBy {
			title += map[bool]string{true: " ▼", false: " ▲"}[l.desc]
		}
		b.SetText(title)
		col := id.Col
		b.OnTapped = func() { l.sortOn(col) }
	}
	l.table.OnSelected = func(id widget.TableCellID) {
		l.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(l.rows) {
			l.j.openApplication(l.rows[id.Row].ID)
		}
	}
	filters := container.NewGridWithColumns(3,
		container.NewBorder(nil, nil, widget.NewLabel("Stage"), nil, l.stage),
		container.NewBorder(nil, nil, widget.NewLabel("Source"), nil, l.source),
		l.company)
	l.root = container.NewBorder(container.NewPadded(container.NewVBox(filters, l.count)), nil, nil, nil, l.table)
	return l
}

// sortOn sorts by column col, or reverses the order when it already is.
func (l *jobList) sortOn(col int) {
	if l.sortBy == col {
		l.desc = !l.desc
	} else {
		l.sortBy, l.desc = col, false
	}
	l.show()
}

// show fills the filters' options and the rows from the search as loaded.
func (l *jobList) show() {
	b := l.j.data.Board
	stages := append([]string{anyFilter}, l.j.stageNames()...)
	sources := []string{anyFilter}
	seen := map[string]bool{}
	for _, a := range b.Applications {
		if s := sourceLabel(a.Source); !seen[s] {
			seen[s] = true
			sources = append(sources, s)
		}
	}
	sort.Strings(sources[1:])
	keep := func(c *widgets.Choice, options []string) {
		sel := c.Selected
		c.Options = options
		if !contains(options, sel) {
			sel = anyFilter
		}
		if c.Selected != sel {
			c.Selected = sel
		}
		c.Refresh()
	}
	keep(l.stage, stages)
	keep(l.source, sources)
	l.rows = l.filtered()
	l.sort()
	l.count.SetText(applicationsCount(len(l.rows), len(b.Applications)))
	l.fitColumns()
	l.table.Refresh()
}

// fitColumns gives each column the width of its widest text, heading (with
// its sort arrow) included, up to the column's most.
func (l *jobList) fitColumns() {
	size := theme.TextSize()
	pad := 2*theme.InnerPadding() + theme.Padding()
	l.widths = make([]float32, len(listColumns))
	for col, c := range listColumns {
		w := fyne.MeasureText(c.title+" ▼", size, fyne.TextStyle{}).Width + 2*pad
		for _, a := range l.rows {
			w = max(w, fyne.MeasureText(l.cell(a, col), size, fyne.TextStyle{}).Width+pad)
		}
		if c.most > 0 {
			w = min(w, c.most)
		}
		l.widths[col] = w
		l.table.SetColumnWidth(col, w)
	}
}

func applicationsCount(shown, all int) string {
	if shown == all {
		return plural(all, "1 application", strconv.Itoa(all)+" applications")
	}
	return strconv.Itoa(shown) + " of " + strconv.Itoa(all) + " applications"
}

func sourceLabel(s string) string {
	if s == "" {
		return "Not said"
	}
	return s
}

func (l *jobList) filtered() []jobsearch.Application {
	var out []jobsearch.Application
	company := strings.ToLower(strings.TrimSpace(l.company.Text))
	for _, a := range l.j.data.Board.Applications {
		if l.stage.Selected != "" && l.stage.Selected != anyFilter && l.j.stageName(a.Current().StageID) != l.stage.Selected {
			continue
		}
		if l.source.Selected != "" && l.source.Selected != anyFilter && sourceLabel(a.Source) != l.source.Selected {
			continue
		}
		if company != "" && !strings.Contains(strings.ToLower(a.Company), company) {
			continue
		}
		out = append(out, a)
	}
	return out
}

func (l *jobList) sort() {
	key := func(a jobsearch.Application) string {
		switch l.sortBy {
		case 2:
			return string(rune('A' + l.j.stageIndex(a.Current().StageID)))
		case 4:
			return l.sentDate(a)
		case 5:
			return a.LastMove().Format(time.DateOnly)
		}
		return strings.ToLower(l.cell(a, l.sortBy))
	}
	sort.SliceStable(l.rows, func(i, k int) bool {
		if l.desc {
			return key(l.rows[i]) > key(l.rows[k])
		}
		return key(l.rows[i]) < key(l.rows[k])
	})
}

func (l *jobList) sentDate(a jobsearch.Application) string {
	for _, e := range a.History {
		if s, _ := l.j.data.Board.StageOf(e.StageID); s.Kind.Sent() {
			return e.Date.Format(time.DateOnly)
		}
	}
	return ""
}

// cell is the text of one column of a row.
func (l *jobList) cell(a jobsearch.Application, col int) string {
	switch col {
	case 0:
		return a.Company
	case 1:
		return a.Role
	case 2:
		return l.j.stageName(a.Current().StageID)
	case 3:
		return sourceLabel(a.Source)
	case 4:
		if d := l.sentDate(a); d != "" {
			t, _ := time.Parse(time.DateOnly, d)
			return longDate(t)
		}
		return "Not sent"
	case 5:
		return longDate(a.LastMove())
	}
	if act, ok := l.j.data.Board.NextAction(a, l.j.now(), l.j.data.Settings.FollowUpDays); ok {
		return actionText(act, l.j.now())
	}
	return ""
}
