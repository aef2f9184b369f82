package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// weekView shows seven days side by side, each with its planned blocks and
// the sessions logged. Tapping a day's header selects it.
type weekView struct {
	columns *fyne.Container
	root    fyne.CanvasObject
	pick    func(time.Time)
}

func newWeekView(pick func(time.Time)) *weekView {
	w := &weekView{columns: container.NewGridWithColumns(7), pick: pick}
	w.root = container.NewVScroll(w.columns)
	return w
}

// The tints of the week's blocks, as alphas of the primary colour: work
// planned faint, sessions logged strong. The blocks draw them fainter
// where their text would not read.
const (
	plannedTint = 0x40
	loggedTint  = 0xa0
)

func (w *weekView) show(start, today, selected time.Time, t *timeline) {
	var columns []fyne.CanvasObject
	for i := 0; i < 7; i++ {
		d := start.AddDate(0, 0, i)
		head := widget.NewButton(d.Format("Mon 2"), func() { w.pick(d) })
		head.Importance = widget.LowImportance
		if d.Equal(selected) {
			head.Importance = widget.HighImportance
		}
		col := container.NewVBox(head)
		if d.Equal(today) {
			col.Add(caption("Today"))
		}
		f := t.facts(d)
		if f.Off {
			col.Add(caption("Day off"))
		} else if f.Free {
			col.Add(caption("Free day"))
		}
		for _, it := range t.forecast.Days[d] {
			col.Add(widgets.NewBlock(fmt.Sprintf("%s\n%s", it.Name, hoursText(it.Hours)), plannedTint))
		}
		sessions, err := t.store.Sessions(d, d.AddDate(0, 0, 1))
		if err != nil {
			t.report("load the week's sessions", err)
			return
		}
		for _, s := range sessions {
			col.Add(widgets.NewBlock("✓ "+t.sessionText(s), loggedTint))
		}
		columns = append(columns, col)
	}
	setRows(w.columns, w.root, columns...)
}
