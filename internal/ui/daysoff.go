package ui

import (
	"fmt"
	"image/color"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/dustin/go-humanize"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// The days-off card of Plan settings: the days off in a list that draws
// only the rows in view (an import can bring hundreds), each with a box to
// select it and a button to remove it alone; under it, removing the
// selection or a stretch of dates at once, and taking back the last
// import made in this window.

// visibleDaysOff is how many rows the list shows before it scrolls.
const visibleDaysOff = 6

// daysOffList shows and removes days off.
type daysOffList struct {
	t        *timeline
	days     []plan.DayOff
	selected map[time.Time]bool

	list    *widget.List
	listBox *fyne.Container // the list at its height, or "No days off."
	empty   *widget.Label
	actions *fyne.Container
	status  *widget.Label // "267 days off · 3 selected"
	toggle  *widget.Button
	remove  *widget.Button
	byRange *widget.Button

	// The last import made in this window, while it can be taken back:
	// exactly the days it added.
	lastImport *fyne.Container
	importNote *widget.Label
	imported   []plan.DayOff
	root       *fyne.Container

	rangeFrom, rangeTo *widgets.DateField // the open range form's
}

func newDaysOffList(t *timeline) *daysOffList {
	l := &daysOffList{t: t, selected: map[time.Time]bool{}}
	l.list = widget.NewList(func() int { return len(l.days) }, l.newRow, l.showRow)
	l.list.HideSeparators = true
	l.empty = widget.NewLabel("No days off.")
	l.listBox = container.NewStack()
	l.status = caption("")
	l.toggle = widget.NewButton("Select all", l.toggleAll)
	l.remove = widget.NewButtonWithIcon("Remove selected", theme.DeleteIcon(), l.removeSelected)
	l.byRange = widget.NewButtonWithIcon("Remove a range of dates…", theme.DeleteIcon(), l.removeRange)
	l.importNote = widget.NewLabel("")
	l.importNote.Wrapping = fyne.TextWrapWord
	takeBack := widget.NewButtonWithIcon("Remove these days off", theme.ContentUndoIcon(), l.takeBackImport)
	l.lastImport = container.NewBorder(nil, nil, nil, takeBack, l.importNote)
	l.lastImport.Hide()
	l.actions = container.NewBorder(nil, nil, nil, container.NewHBox(l.toggle, l.remove, l.byRange), l.status)
	l.root = container.NewVBox(l.listBox, l.actions, l.lastImport)
	return l
}

func (l *daysOffList) newRow() fyne.CanvasObject {
	check := widget.NewCheck("", nil)
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	del.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, check, del, widget.NewLabel(""))
}

func (l *daysOffList) showRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(l.days) {
		return
	}
	d := l.days[id]
	row := o.(*fyne.Container)
	row.Objects[0].(*widget.Label).SetText(weekdayDate(d.Date) + suffix(" · ", d.Note))
	check := row.Objects[1].(*widget.Check)
	check.OnChanged = nil
	check.SetChecked(l.selected[d.Date])
	check.OnChanged = func(on bool) { l.choose(d.Date, on) }
	row.Objects[2].(*widget.Button).OnTapped = func() { l.removeDays("remove the day off", []plan.DayOff{d}) }
}

// weekdayDate is a day as the days-off list writes it: "Thu 24 Dec 2026".
func weekdayDate(d time.Time) string { return d.Format("Mon ") + longDate(d) }

// show lists days; a selected day that is gone is no longer selected.
func (l *daysOffList) show(days []plan.DayOff) {
	l.days = days
	kept := map[time.Time]bool{}
	for _, d := range days {
		if l.selected[d.Date] {
			kept[d.Date] = true
		}
	}
	l.selected = kept
	if len(days) == 0 {
		l.listBox.Objects = []fyne.CanvasObject{l.empty}
	} else {
		height := l.newRow().MinSize().Height
		rows := min(len(days), visibleDaysOff)
		room := canvas.NewRectangle(color.Transparent)
		room.SetMinSize(fyne.NewSize(0, float32(rows)*height+float32(rows-1)*theme.Padding()))
		l.listBox.Objects = []fyne.CanvasObject{room, l.list}
	}
	showIf(l.actions, len(days) > 0)
	l.listBox.Refresh()
	l.list.Refresh()
	l.showSelection()
}

func (l *daysOffList) choose(day time.Time, on bool) {
	if on {
		l.selected[day] = true
	} else {
		delete(l.selected, day)
	}
	l.showSelection()
}

// showSelection says how many days there are and are selected, and offers
// what can be done with them.
func (l *daysOffList) showSelection() {
	n := len(l.selected)
	status := countText(len(l.days), "day off", "days off")
	if n > 0 {
		status += fmt.Sprintf(" · %s selected", humanize.Comma(int64(n)))
	}
	l.status.SetText(status)
	l.remove.SetText("Remove selected")
	if n > 0 {
		l.remove.SetText(fmt.Sprintf("Remove %s selected", humanize.Comma(int64(n))))
	}
	enable(l.remove, n > 0)
	enable(l.byRange, len(l.days) > 0)
	enable(l.toggle, len(l.days) > 0)
	if n > 0 && n == len(l.days) {
		l.toggle.SetText("Clear selection")
	} else {
		l.toggle.SetText("Select all")
	}
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// toggleAll selects every day off, or none when all are selected.
func (l *daysOffList) toggleAll() {
	all := len(l.selected) == len(l.days)
	l.selected = map[time.Time]bool{}
	if !all {
		for _, d := range l.days {
			l.selected[d.Date] = true
		}
	}
	l.list.Refresh()
	l.showSelection()
}

func (l *daysOffList) removeSelected() {
	var days []plan.DayOff
	for _, d := range l.days {
		if l.selected[d.Date] {
			days = append(days, d)
		}
	}
	if len(days) == 0 {
		return
	}
	showConfirm(fmt.Sprintf("Remove %s?", countText(len(days), "day off", "days off")),
		daysSpan(days)+"\n\nThe plan schedules study on them again.", func(yes bool) {
			if yes {
				l.removeDays("remove the days off", days)
			}
		}, l.t.win)
}

// countText is "1 day off", "1,267 days off".
func countText(n int, one, many string) string {
	return humanize.Comma(int64(n)) + " " + plural(n, one, many)
}

// daysSpan names a run of days: one day, or the first and last.
func daysSpan(days []plan.DayOff) string {
	if len(days) == 1 {
		return weekdayDate(days[0].Date) + suffix(" · ", days[0].Note)
	}
	return fmt.Sprintf("From %s to %s.", weekdayDate(days[0].Date), weekdayDate(days[len(days)-1].Date))
}

// removeDays removes days through the store (all or none), then offers to
// put them back.
func (l *daysOffList) removeDays(action string, days []plan.DayOff) {
	dates := make([]time.Time, len(days))
	for i, d := range days {
		dates[i] = d.Date
	}
	if err := l.t.store.RemoveDaysOff(dates); err != nil {
		l.t.report(action, err)
		return
	}
	l.t.reload()
	if len(days) == 1 {
		return // its row is gone from the list; one click puts it back
	}
	showNotice(l.t.win, "Days off removed", fmt.Sprintf("Removed %s. The plan schedules study on them again.", countText(len(days), "day off", "days off")),
		"Put them back", func() { l.putBack(days) })
}

// putBack adds removed days again, with their notes; days added again
// meanwhile stay as they are.
func (l *daysOffList) putBack(days []plan.DayOff) {
	if _, err := l.t.store.AddNewDaysOff(days); err != nil {
		l.t.report("put the days off back", err)
	}
	l.t.reload()
}

// removeRange asks for two dates and removes the days off between them.
func (l *daysOffList) removeRange() {
	weekStart := l.t.p.Settings.WeekStart
	from, to := newDateField(weekStart, false), newDateField(weekStart, false)
	l.rangeFrom, l.rangeTo = from, to
	if len(l.days) > 0 {
		first, last := l.days[0].Date, l.days[len(l.days)-1].Date
		from.SetDate(&first)
		to.SetDate(&last)
	}
	count := widget.NewLabel("")
	count.Wrapping = fyne.TextWrapWord
	inRange := func() []plan.DayOff {
		if from.Date == nil || to.Date == nil {
			return nil
		}
		return daysOffBetween(l.days, plan.Date(*from.Date), plan.Date(*to.Date))
	}
	showCount := func(*time.Time) {
		count.SetText(sentence(countText(len(inRange()), "day off", "days off") + " in this range"))
	}
	from.OnDateChanged, to.OnDateChanged = showCount, showCount
	showCount(nil)
	items := []*widget.FormItem{
		{Text: "From", Widget: from, HintText: from.Hint()},
		{Text: "To", Widget: to, HintText: "The last day to remove, included"},
	}
	showFormDialog(l.t.win, "Remove days off between two dates", "Remove", items, count, func() error {
		if to.Date.Before(*from.Date) {
			return fmt.Errorf("the range ends on %s, before it starts on %s", longDate(*to.Date), longDate(*from.Date))
		}
		days := inRange()
		if len(days) == 0 {
			return fmt.Errorf("there are no days off from %s to %s", longDate(*from.Date), longDate(*to.Date))
		}
		l.removeDays("remove the days off", days)
		return nil
	})
}

// daysOffBetween are the days off from first to last, both included.
func daysOffBetween(days []plan.DayOff, first, last time.Time) []plan.DayOff {
	var out []plan.DayOff
	for _, d := range days {
		if !d.Date.Before(first) && !d.Date.After(last) {
			out = append(out, d)
		}
	}
	return out
}

// importHolidays asks for a calendar, shows what importing it would add,
// and adds it only when the learner says so.
func (l *daysOffList) importHolidays() {
	chooseFile(l.t.win, "calendar", calendarFiles, func(path string) {
		f, err := os.Open(path)
		if err != nil {
			showError(l.t.win, "open the calendar", err)
			return
		}
		defer f.Close()
		l.previewCalendar(filepath.Base(path), f)
	})
}

// previewCalendar reads a calendar and shows what importing it would add;
// a calendar that cannot be read is refused in words, with nothing changed.
func (l *daysOffList) previewCalendar(name string, r io.Reader) {
	p, err := app.PreviewHolidays(l.t.store, r, l.t.now())
	if err != nil {
		showError(l.t.win, "import "+name, fmt.Errorf("%w\n\nNothing was changed", err))
		return
	}
	showHolidayPreview(l.t.win, name, p, func() { l.addHolidays(name, p) })
}

// addHolidays adds what the learner saw, and offers to take it back.
func (l *daysOffList) addHolidays(name string, p app.HolidayPreview) {
	added, err := app.AddHolidays(l.t.store, p)
	if err != nil {
		showError(l.t.win, "import "+name, fmt.Errorf("%w\n\nNothing was changed", err))
		return
	}
	l.t.reload()
	if len(added) == 0 {
		showInformation("Nothing added", "Every day of "+name+" is a day off already.", l.t.win)
		return
	}
	l.imported = added
	what := fmt.Sprintf("Added %s from %s, %s to %s.", countText(len(added), "day off", "days off"), name,
		weekdayDate(added[0].Date), weekdayDate(added[len(added)-1].Date))
	l.importNote.SetText(what)
	l.lastImport.Show()
	l.root.Refresh()
	showNotice(l.t.win, "Holidays imported", what+" The plan now leaves them free.", "Remove these days off", l.takeBackImport)
}

// takeBackImport removes the days the last import added, and only those.
func (l *daysOffList) takeBackImport() {
	added := l.imported
	l.imported = nil
	l.lastImport.Hide()
	l.root.Refresh()
	n, err := app.TakeBackDaysOff(l.t.store, added)
	if err != nil {
		l.imported = added
		l.lastImport.Show()
		l.t.report("remove the imported days off", err)
		return
	}
	l.t.reload()
	msg := fmt.Sprintf("Removed the %s the import added. The plan schedules study on them again.", countText(n, "day off", "days off"))
	if rest := len(added) - n; rest > 0 {
		msg += fmt.Sprintf(" The other %s had been removed or changed since, and %s left alone.", countText(rest, "day", "days"), plural(rest, "was", "were"))
	}
	showInformation("Import taken back", msg, l.t.win)
}

// previewShown is how many of an import's days its preview names.
const previewShown = 8

// showHolidayPreview shows what importing a calendar would add: how many
// days and from when to when, the first few with their names, and what
// else to know; add runs only when the learner confirms.
func showHolidayPreview(w fyne.Window, name string, p app.HolidayPreview, add func()) dialog.Dialog {
	body := container.NewVBox()
	title := "Import holidays from " + name
	if len(p.New) == 0 {
		body.Add(wrapped("Nothing to add: every day of this calendar is a day off already."))
		for _, f := range p.Facts() {
			body.Add(wrapped(f))
		}
		return showChoices(w, title, body, choice{label: "Close", icon: theme.CancelIcon()})
	}
	n := countText(len(p.New), "day off", "days off")
	head := wrapped(fmt.Sprintf("This adds %s, from %s to %s.", n, weekdayDate(p.First()), weekdayDate(p.Last())))
	head.TextStyle = fyne.TextStyle{Bold: true}
	body.Add(head)
	for _, f := range p.Facts() {
		body.Add(wrapped(f))
	}
	// One label, one line a day: compact enough that the list and the
	// buttons fit an 800×600 window together.
	var lines []string
	for _, d := range p.New[:min(len(p.New), previewShown)] {
		lines = append(lines, "    "+weekdayDate(d.Date)+suffix(" · ", d.Note))
	}
	if more := len(p.New) - previewShown; more > 0 {
		lines = append(lines, fmt.Sprintf("    … and %s more", humanize.Comma(int64(more))))
	}
	body.Add(widget.NewLabel(strings.Join(lines, "\n")))
	body.Add(caption("The plan leaves days off free. You can remove these again afterwards."))
	return showChoices(w, title, body,
		choice{label: "Cancel", icon: theme.CancelIcon()},
		choice{label: "Add " + n, icon: theme.ContentAddIcon(), run: add})
}
