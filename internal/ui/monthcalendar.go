package ui

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// calendarRows is enough rows for any month: 31 days can touch six weeks.
const calendarRows = 6

// monthCalendar draws one month as weeks of days, shading the days inside
// the plan, marking today, and writing beside each week what it is planned
// for. Tapping a week selects it. (Fyne's own widget.Calendar is a date
// picker and cannot mark days.)
type monthCalendar struct {
	widget.BaseWidget

	month    time.Time // the first day of the month shown
	today    time.Time
	firstDay time.Weekday
	settings plan.Settings
	weeks    []plan.Week
	selected time.Time // start of the selected week; zero for none

	// OnSelected is called with the week the learner tapped.
	OnSelected func(plan.Week)
}

func newMonthCalendar(firstDay time.Weekday) *monthCalendar {
	c := &monthCalendar{firstDay: firstDay}
	c.ExtendBaseWidget(c)
	return c
}

// show sets what the calendar draws.
func (c *monthCalendar) show(month, today time.Time, s plan.Settings, weeks []plan.Week) {
	c.month = time.Date(month.Year(), month.Month(), 1, 0, 0, 0, 0, time.UTC)
	c.today = plan.Date(today)
	c.settings = s
	c.weeks = weeks
	c.Refresh()
}

// rowStart is the first day of calendar row r.
func (c *monthCalendar) rowStart(r int) time.Time {
	return plan.WeekStart(c.month, c.firstDay).AddDate(0, 0, 7*r)
}

func (c *monthCalendar) inPlan(day time.Time) bool {
	return !day.Before(c.settings.StartDate) && day.Before(c.settings.FinishDate())
}

// selectWeek selects the calendar row holding day.
func (c *monthCalendar) selectWeek(day time.Time) {
	c.selected = plan.WeekStart(day, c.firstDay)
	c.Refresh()
	if c.OnSelected == nil {
		return
	}
	if w, ok := plan.WeekOf(c.weeks, day); ok {
		c.OnSelected(w)
		return
	}
	c.OnSelected(plan.Week{Start: c.selected})
}

// Tapped selects the week under the pointer.
func (c *monthCalendar) Tapped(ev *fyne.PointEvent) {
	l := c.layoutFor(c.Size())
	if ev.Position.Y < l.header {
		return
	}
	r := int((ev.Position.Y - l.header) / l.rowHeight)
	if r >= 0 && r < calendarRows {
		c.selectWeek(c.rowStart(r))
	}
}

func (c *monthCalendar) CreateRenderer() fyne.WidgetRenderer {
	r := &monthCalendarRenderer{c: c}
	for i := 0; i < 7; i++ {
		t := canvas.NewText("", color.Black)
		t.Alignment = fyne.TextAlignCenter
		t.TextStyle = fyne.TextStyle{Bold: true}
		r.weekdays[i] = t
	}
	for i := range r.cells {
		r.cells[i] = dayCell{bg: canvas.NewRectangle(color.Transparent), label: canvas.NewText("", color.Black)}
		r.cells[i].label.Alignment = fyne.TextAlignCenter
	}
	for i := range r.rows {
		r.rows[i].highlight = canvas.NewRectangle(color.Transparent)
		r.rows[i].highlight.CornerRadius = 6
		r.rows[i].number = canvas.NewText("", color.Black)
		r.rows[i].focus = widget.NewLabel("")
		r.rows[i].focus.Truncation = fyne.TextTruncateEllipsis
	}
	r.Refresh()
	return r
}

type dayCell struct {
	bg    *canvas.Rectangle
	label *canvas.Text
}

type calendarRow struct {
	highlight *canvas.Rectangle // behind the selected week
	number    *canvas.Text      // "Wk 12"
	focus     *widget.Label     // what the week is for
}

type monthCalendarRenderer struct {
	c        *monthCalendar
	weekdays [7]*canvas.Text
	cells    [7 * calendarRows]dayCell
	rows     [calendarRows]calendarRow
}

type calendarLayout struct {
	header, rowHeight, weekCol, cellWidth float32
}

func (c *monthCalendar) layoutFor(size fyne.Size) calendarLayout {
	th := c.Theme()
	header := th.Size(theme.SizeNameText) + 2*th.Size(theme.SizeNamePadding)
	weekCol := fyne.MeasureText("Wk 00", th.Size(theme.SizeNameText), fyne.TextStyle{}).Width + 2*th.Size(theme.SizeNamePadding)
	cell := (size.Width - weekCol) * 0.55 / 7
	if cell > 64 {
		cell = 64
	}
	return calendarLayout{header: header, rowHeight: (size.Height - header) / calendarRows, weekCol: weekCol, cellWidth: cell}
}

func (r *monthCalendarRenderer) Layout(size fyne.Size) {
	l := r.c.layoutFor(size)
	pad := r.c.Theme().Size(theme.SizeNamePadding)
	textH := r.weekdays[0].MinSize().Height
	for i, t := range r.weekdays {
		t.Move(fyne.NewPos(l.weekCol+float32(i)*l.cellWidth, (l.header-textH)/2))
		t.Resize(fyne.NewSize(l.cellWidth, textH))
	}
	focusX := l.weekCol + 7*l.cellWidth + pad
	for row := 0; row < calendarRows; row++ {
		y := l.header + float32(row)*l.rowHeight
		cr := r.rows[row]
		cr.highlight.Move(fyne.NewPos(0, y))
		cr.highlight.Resize(fyne.NewSize(size.Width, l.rowHeight))
		cr.number.Move(fyne.NewPos(pad, y+(l.rowHeight-cr.number.MinSize().Height)/2))
		fh := cr.focus.MinSize().Height
		cr.focus.Move(fyne.NewPos(focusX, y+(l.rowHeight-fh)/2))
		cr.focus.Resize(fyne.NewSize(size.Width-focusX, fh))
		for col := 0; col < 7; col++ {
			cell := r.cells[row*7+col]
			x := l.weekCol + float32(col)*l.cellWidth
			cell.bg.Move(fyne.NewPos(x+2, y+2))
			cell.bg.Resize(fyne.NewSize(l.cellWidth-4, l.rowHeight-4))
			cell.label.Move(fyne.NewPos(x, y+(l.rowHeight-textH)/2))
			cell.label.Resize(fyne.NewSize(l.cellWidth, textH))
		}
	}
}

func (r *monthCalendarRenderer) MinSize() fyne.Size {
	th := r.c.Theme()
	text := th.Size(theme.SizeNameText)
	l := r.c.layoutFor(fyne.Size{})
	return fyne.NewSize(l.weekCol+7*text*2.2+160, l.header+calendarRows*(text*2.2))
}

func (r *monthCalendarRenderer) Refresh() {
	c := r.c
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	muted := th.Color(theme.ColorNamePlaceHolder, v)
	primary := th.Color(theme.ColorNamePrimary, v)

	day := plan.WeekStart(c.month, c.firstDay)
	for i, t := range r.weekdays {
		t.Text = day.AddDate(0, 0, i).Weekday().String()[:3]
		t.Color = muted
		t.Refresh()
	}
	for row := 0; row < calendarRows; row++ {
		start := c.rowStart(row)
		cr := r.rows[row]
		cr.highlight.FillColor = color.Transparent
		if !c.selected.IsZero() && start.Equal(c.selected) {
			cr.highlight.FillColor = th.Color(theme.ColorNameSelection, v)
		}
		cr.highlight.Refresh()
		cr.number.Color = muted
		cr.number.Text = ""
		focus := ""
		if w, ok := plan.WeekOf(c.weeks, start); ok {
			cr.number.Text = fmt.Sprintf("Wk %d", w.Number)
			focus = weekFocus(w)
		}
		cr.number.Refresh()
		cr.focus.SetText(focus)
		for col := 0; col < 7; col++ {
			d := start.AddDate(0, 0, col)
			cell := r.cells[row*7+col]
			cell.label.Text = fmt.Sprint(d.Day())
			cell.label.Color = fg
			if d.Month() != c.month.Month() {
				cell.label.Color = muted
			}
			cell.label.TextStyle = fyne.TextStyle{Bold: d.Equal(c.today)}
			cell.bg.FillColor = color.Transparent
			if c.inPlan(d) {
				cell.bg.FillColor = withAlpha(primary, 0x40)
			}
			cell.bg.StrokeWidth = 0
			if d.Equal(c.today) {
				cell.bg.StrokeColor = primary
				cell.bg.StrokeWidth = 2
			}
			cell.bg.CornerRadius = 4
			cell.bg.Refresh()
			cell.label.Refresh()
		}
	}
}

// weekFocus is one line saying what a week is for.
func weekFocus(w plan.Week) string {
	if len(w.Steps) == 0 {
		return ""
	}
	text := strings.Join(w.Steps, ", ")
	if len(w.Skills) > 0 {
		text += ": " + strings.Join(w.Skills, ", ")
	}
	return text
}

func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

func (r *monthCalendarRenderer) Objects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, 7+2*len(r.cells)+3*calendarRows)
	for _, cr := range r.rows {
		objs = append(objs, cr.highlight)
	}
	for _, t := range r.weekdays {
		objs = append(objs, t)
	}
	for _, cell := range r.cells {
		objs = append(objs, cell.bg, cell.label)
	}
	for _, cr := range r.rows {
		objs = append(objs, cr.number, cr.focus)
	}
	return objs
}

func (r *monthCalendarRenderer) Destroy() {}
