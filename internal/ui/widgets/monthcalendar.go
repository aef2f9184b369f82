package widgets

import (
	"fmt"
	"image/color"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// calendarRows is enough rows for any month: 31 days can touch six weeks.
const calendarRows = 6

// DayFacts is what the calendar shows of one day.
type DayFacts struct {
	PlannedHours float64
	Focus        string // the first planned work
	LoggedMin    int
	// Event is an appointment of the day ("10:30 Interview Acme"), shown
	// beside the day's number.
	Event string
	Off   bool // a day off
	Free  bool // not a study day
}

// MonthCalendar draws one month as a grid of days: each day shows the work
// planned for it and the time logged, shaded by how much was studied; today
// is marked and the selected day outlined. Tapping or the arrow keys select
// a day; Page Up and Page Down change month. (Fyne's widget.Calendar is a
// date picker and cannot mark days.)
type MonthCalendar struct {
	widget.BaseWidget

	month     time.Time // the first day of the month shown
	today     time.Time
	selected  time.Time
	weekStart time.Weekday
	facts     func(day time.Time) DayFacts
	focused   bool

	// OnSelected is called with the day the learner moved to, by tapping
	// it or with the keys; it may lie in another month, which the owner
	// then shows.
	OnSelected func(day time.Time)
	// OnActivated, if set, is called when a day is chosen: tapped, or
	// Enter or Space pressed on the selected day.
	OnActivated func(day time.Time)
	// OnCancel, if set, is called on Escape.
	OnCancel func()
}

// NewMonthCalendar makes an empty calendar; SetMonth fills it.
func NewMonthCalendar() *MonthCalendar {
	c := &MonthCalendar{facts: func(time.Time) DayFacts { return DayFacts{} }}
	c.ExtendBaseWidget(c)
	return c
}

// SetMonth sets what the calendar draws: the month holding month, with
// today marked and selected outlined, weeks starting on weekStart, and
// each day's facts.
func (c *MonthCalendar) SetMonth(month, today, selected time.Time, weekStart time.Weekday, facts func(time.Time) DayFacts) {
	c.month = time.Date(month.Year(), month.Month(), 1, 0, 0, 0, 0, time.UTC)
	c.today, c.selected, c.weekStart, c.facts = plan.Date(today), plan.Date(selected), weekStart, facts
	c.Refresh()
}

// dayAt is the day in row r, column col of the grid.
func (c *MonthCalendar) dayAt(r, col int) time.Time {
	return plan.WeekStart(c.month, c.weekStart).AddDate(0, 0, 7*r+col)
}

func (c *MonthCalendar) pick(day time.Time) {
	if c.OnSelected != nil {
		c.OnSelected(plan.Date(day))
	}
}

// Tapped selects the day under the pointer and takes the keyboard.
func (c *MonthCalendar) Tapped(ev *fyne.PointEvent) {
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
		cv.Focus(c)
	}
	l := c.layoutFor(c.Size())
	if ev.Position.Y < l.header {
		return
	}
	r := int((ev.Position.Y - l.header) / l.rowHeight)
	col := int(ev.Position.X / l.cellWidth)
	if r >= 0 && r < calendarRows && col >= 0 && col < 7 {
		day := c.dayAt(r, col)
		c.pick(day)
		if c.OnActivated != nil {
			c.OnActivated(plan.Date(day))
		}
	}
}

// FocusGained and the rest make the grid keyboard-driven.
func (c *MonthCalendar) FocusGained()   { c.focused = true; c.Refresh() }
func (c *MonthCalendar) FocusLost()     { c.focused = false; c.Refresh() }
func (c *MonthCalendar) TypedRune(rune) {}

// TypedKey moves the selection: arrows by a day or a week, Page Up and Page
// Down by a month, Home to today.
func (c *MonthCalendar) TypedKey(ev *fyne.KeyEvent) {
	d := c.selected
	switch ev.Name {
	case fyne.KeyLeft:
		d = d.AddDate(0, 0, -1)
	case fyne.KeyRight:
		d = d.AddDate(0, 0, 1)
	case fyne.KeyUp:
		d = d.AddDate(0, 0, -7)
	case fyne.KeyDown:
		d = d.AddDate(0, 0, 7)
	case fyne.KeyPageUp:
		d = plan.AddMonths(d, -1)
	case fyne.KeyPageDown:
		d = plan.AddMonths(d, 1)
	case fyne.KeyHome:
		d = c.today
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		if c.OnActivated != nil {
			c.OnActivated(c.selected)
		}
		return
	case fyne.KeyEscape:
		if c.OnCancel != nil {
			c.OnCancel()
		}
		return
	default:
		return
	}
	c.pick(d)
}

type calendarLayout struct {
	header, rowHeight, cellWidth float32
}

func (c *MonthCalendar) layoutFor(size fyne.Size) calendarLayout {
	th := c.Theme()
	header := th.Size(theme.SizeNameText) + 2*th.Size(theme.SizeNamePadding)
	return calendarLayout{header: header, rowHeight: (size.Height - header) / calendarRows, cellWidth: size.Width / 7}
}

func (c *MonthCalendar) CreateRenderer() fyne.WidgetRenderer {
	r := &monthCalendarRenderer{c: c}
	for i := range r.weekdays {
		r.weekdays[i] = canvas.NewText("", color.Black)
		r.weekdays[i].Alignment = fyne.TextAlignCenter
		r.weekdays[i].TextStyle = fyne.TextStyle{Bold: true}
	}
	for i := range r.cells {
		r.cells[i] = dayCell{bg: canvas.NewRectangle(color.Transparent), number: canvas.NewText("", color.Black),
			planned: canvas.NewText("", color.Black), logged: canvas.NewText("", color.Black), event: canvas.NewText("", color.Black)}
	}
	r.Refresh()
	return r
}

type dayCell struct {
	bg                             *canvas.Rectangle
	number, planned, logged, event *canvas.Text
}

type monthCalendarRenderer struct {
	c        *MonthCalendar
	weekdays [7]*canvas.Text
	cells    [7 * calendarRows]dayCell
	drawn    drawnFor
}

func (r *monthCalendarRenderer) Layout(size fyne.Size) {
	if r.drawn.current(size) {
		return
	}
	r.drawn.built(size)
	l := r.c.layoutFor(size)
	th := r.c.Theme()
	pad := th.Size(theme.SizeNamePadding)
	textH := r.weekdays[0].MinSize().Height
	for i, t := range r.weekdays {
		t.Move(fyne.NewPos(float32(i)*l.cellWidth, (l.header-textH)/2))
		t.Resize(fyne.NewSize(l.cellWidth, textH))
	}
	small := th.Size(theme.SizeNameCaptionText)
	for row := 0; row < calendarRows; row++ {
		for col := 0; col < 7; col++ {
			cell := r.cells[row*7+col]
			x, y := float32(col)*l.cellWidth, l.header+float32(row)*l.rowHeight
			cell.bg.Move(fyne.NewPos(x+2, y+2))
			cell.bg.Resize(fyne.NewSize(l.cellWidth-4, l.rowHeight-4))
			cell.number.Move(fyne.NewPos(x+pad, y+pad/2))
			cell.planned.Move(fyne.NewPos(x+pad, y+pad/2+textH))
			cell.logged.Move(fyne.NewPos(x+pad, y+pad/2+textH+small*1.3))
			cell.event.Move(fyne.NewPos(x+2*pad+cell.number.MinSize().Width, y+pad/2+(textH-small)/2))
		}
	}
	r.FitTexts(l.cellWidth - 2*pad)
}

// FitTexts shortens the planned and logged lines to the cell's width: a
// narrow window otherwise ran one day's "✓ 1 h 15 min" into the next.
func (r *monthCalendarRenderer) FitTexts(width float32) {
	for row := 0; row < calendarRows; row++ {
		for col := 0; col < 7; col++ {
			cell := r.cells[row*7+col]
			cell.planned.Text = FitText(r.plannedText(r.c.dayAt(row, col)), width, cell.planned.TextSize)
			cell.planned.Refresh()
			cell.logged.Text = FitText(r.loggedText(r.c.dayAt(row, col)), width, cell.logged.TextSize)
			cell.logged.Refresh()
			cell.event.Text = FitText(r.c.facts(r.c.dayAt(row, col)).Event, width-cell.number.MinSize().Width-r.c.Theme().Size(theme.SizeNamePadding), cell.event.TextSize)
			cell.event.Refresh()
		}
	}
}

func (r *monthCalendarRenderer) plannedText(d time.Time) string {
	f := r.c.facts(d)
	switch {
	case f.Off:
		return "Day off"
	case f.PlannedHours > 0:
		return plan.FormatMinutes(int(math.Round(f.PlannedHours*60))) + " " + f.Focus
	}
	return ""
}

// loggedText is the time logged on d, if any.
func (r *monthCalendarRenderer) loggedText(d time.Time) string {
	if m := r.c.facts(d).LoggedMin; m > 0 {
		return "✓ " + plan.FormatMinutes(m)
	}
	return ""
}

func (r *monthCalendarRenderer) MinSize() fyne.Size {
	th := r.c.Theme()
	text := th.Size(theme.SizeNameText)
	l := r.c.layoutFor(fyne.Size{})
	return fyne.NewSize(7*text*2.6, l.header+calendarRows*(text*3.6))
}

// Refresh colours the days in the theme of the moment and lays them out
// again: Fyne makes a new renderer for a calendar whose old one it dropped
// while the calendar was off screen, and lays it out only when its size
// changes.
func (r *monthCalendarRenderer) Refresh() {
	c := r.c
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	pal := dayPalette{
		fg:      th.Color(theme.ColorNameForeground, v),
		muted:   th.Color(theme.ColorNamePlaceHolder, v),
		primary: th.Color(theme.ColorNamePrimary, v),
		bg:      th.Color(theme.ColorNameBackground, v),
		small:   th.Size(theme.SizeNameCaptionText),
	}
	for i, t := range r.weekdays {
		t.Text = c.dayAt(0, i).Weekday().String()[:3]
		t.Color = pal.muted
		t.Refresh()
	}
	for row := 0; row < calendarRows; row++ {
		for col := 0; col < 7; col++ {
			d := c.dayAt(row, col)
			r.paintDay(r.cells[row*7+col], d, c.facts(d), pal)
		}
	}
	r.drawn = drawnFor{}
	r.Layout(c.Size())
}

// dayPalette is the theme's colours a day is drawn in.
type dayPalette struct {
	fg, muted, primary, bg color.Color
	small                  float32
}

// paintDay shades a day by how much was studied and writes on it in
// colours that read on that shade: the light theme's grey text does not,
// on the strongest shades, and is darkened there.
func (r *monthCalendarRenderer) paintDay(cell dayCell, d time.Time, f DayFacts, pal dayPalette) {
	c := r.c
	shade := studyShade(pal.primary, f)
	under := Over(shade, pal.bg)
	number := pal.fg
	if f.Off || f.Free {
		number = pal.muted
	}
	if d.Equal(c.today) {
		number = pal.primary
	}
	number, planned, logged := Legible(number, under), Legible(pal.muted, under), Legible(pal.fg, under)
	if d.Month() != c.month.Month() {
		// A day of the month before or after only fills out a week: it
		// steps back, unshaded and faint, so this month's days stand out;
		// its own month shows it in full.
		shade = color.Transparent
		faded := Faded(pal.muted, pal.bg, MinMutedTextContrast)
		number, planned, logged = faded, faded, faded
		if d.Equal(c.today) {
			number = Faded(pal.primary, pal.bg, MinMutedTextContrast)
		}
	}
	cell.number.Text = fmt.Sprint(d.Day())
	cell.number.Color = number
	cell.number.TextStyle = fyne.TextStyle{Bold: d.Equal(c.today)}
	cell.planned.TextSize, cell.logged.TextSize, cell.event.TextSize = pal.small, pal.small, pal.small
	cell.planned.Color, cell.logged.Color = planned, logged
	cell.event.Color, cell.event.TextStyle = Legible(pal.primary, under), fyne.TextStyle{Bold: true}
	if d.Month() != c.month.Month() {
		cell.event.Color = planned
	}
	cell.logged.Text = ""
	if f.LoggedMin > 0 {
		cell.logged.Text = r.loggedText(d)
	}
	cell.bg.FillColor = shade
	cell.bg.StrokeWidth = 0
	if d.Equal(c.selected) {
		cell.bg.StrokeColor, cell.bg.StrokeWidth = pal.primary, 2
		if c.focused {
			cell.bg.StrokeWidth = 3
		}
	}
	cell.bg.CornerRadius = 4
	cell.bg.Refresh()
	cell.number.Refresh()
	cell.logged.Refresh()
}

// studyShade colours a day by intensity: stronger the longer it was
// studied; a faint tint for planned days not yet studied.
func studyShade(primary color.Color, f DayFacts) color.Color {
	switch {
	case f.LoggedMin >= 120:
		return Tint(primary, 0xc0)
	case f.LoggedMin >= 60:
		return Tint(primary, 0x88)
	case f.LoggedMin > 0:
		return Tint(primary, 0x55)
	case f.PlannedHours > 0:
		return Tint(primary, 0x22)
	}
	return color.Transparent
}

func (r *monthCalendarRenderer) Objects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, 7+5*len(r.cells))
	for _, t := range r.weekdays {
		objs = append(objs, t)
	}
	for _, cell := range r.cells {
		objs = append(objs, cell.bg, cell.number, cell.planned, cell.logged, cell.event)
	}
	return objs
}

func (r *monthCalendarRenderer) Destroy() {}
