package widgets

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// DateOrder is how a locale writes a date in numbers.
type DateOrder int

// The orders: ISO 8601 (2026-11-30), day first (30/11/2026), month first
// (11/30/2026).
const (
	ISO DateOrder = iota
	DayFirst
	MonthFirst
)

// DateOrderFor is the order usual in a POSIX or BCP 47 locale
// ("en_US.UTF-8", "de-DE"): month first in the United States and the
// Philippines, ISO in the C locale (or none), day first elsewhere.
func DateOrderFor(locale string) DateOrder {
	if i := strings.IndexAny(locale, ".@"); i >= 0 {
		locale = locale[:i]
	}
	parts := strings.FieldsFunc(locale, func(r rune) bool { return r == '_' || r == '-' })
	switch {
	case len(parts) < 2:
		return ISO
	case parts[len(parts)-1] == "US" || parts[len(parts)-1] == "PH":
		return MonthFirst
	}
	return DayFirst
}

// Layout is the order as a time layout.
func (o DateOrder) Layout() string {
	switch o {
	case DayFirst:
		return "02/01/2006"
	case MonthFirst:
		return "01/02/2006"
	}
	return time.DateOnly
}

// Example is how a person should type 30 November 2026 in this order, and
// the ISO form every field accepts too.
func (o DateOrder) Example() string {
	if o == ISO {
		return "2026-11-30"
	}
	return time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC).Format(o.Layout()) + " or 2026-11-30"
}

var (
	isoDate     = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	numericDate = regexp.MustCompile(`^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$`)
)

// ParseDate reads a date typed in ISO form or in the order's, and says in
// words what is wrong with one that is not a date.
func (o DateOrder) ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	var y, m, d int
	if p := isoDate.FindStringSubmatch(s); p != nil {
		y, m, d = atoi(p[1]), atoi(p[2]), atoi(p[3])
	} else if p := numericDate.FindStringSubmatch(s); p != nil && o != ISO {
		y, m, d = atoi(p[3]), atoi(p[2]), atoi(p[1])
		if o == MonthFirst {
			m, d = d, m
		}
	} else {
		return time.Time{}, fmt.Errorf("not a date: type it as %s", o.Example())
	}
	if m < 1 || m > 12 {
		return time.Time{}, fmt.Errorf("%q is not a date: there is no month %d", s, m)
	}
	if last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day(); d < 1 || d > last {
		return time.Time{}, fmt.Errorf("%q is not a date: %s %d has %d days", s, time.Month(m), y, last)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if err := plan.ValidateDate("date", t); err != nil {
		return time.Time{}, err
	}
	return t, nil
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// errEmpty is a required date left empty.
var errEmpty = errors.New("pick a date")

// DateField is a date typed or picked. It reads ISO dates (2026-11-30) and
// the locale's own order, shows the locale's, accepts empty when Optional,
// and says what is wrong in words. Its button opens a calendar that marks
// today and starts its weeks on the plan's first day of the week.
type DateField struct {
	widget.Entry

	// Date is the date in the field: nil when it is empty or not a date.
	Date *time.Time
	// Optional lets the field be left empty.
	Optional bool
	// OnDateChanged is called when a valid date (or, if optional, none)
	// is typed or picked.
	OnDateChanged func(*time.Time)
	// OnEscape, if set, is called when Escape is pressed in the field.
	OnEscape func()

	order     DateOrder
	weekStart time.Weekday
	today     func() time.Time
	popUp     *widget.PopUp
	calendar  *MonthCalendar
	month     *widget.Label
}

// NewDateField makes an empty date field for the order's locale, with
// weeks in its calendar starting on weekStart.
func NewDateField(order DateOrder, weekStart time.Weekday) *DateField {
	f := &DateField{order: order, weekStart: weekStart, today: time.Now}
	f.ExtendBaseWidget(f)
	f.SetPlaceHolder(strings.ToUpper(strings.NewReplacer("02", "dd", "01", "mm", "2006", "yyyy").Replace(order.Layout())))
	f.Validator = f.validate
	f.Entry.OnChanged = func(string) { f.read() }
	f.ActionItem = widget.NewButtonWithIcon("", theme.CalendarIcon(), f.showCalendar)
	return f
}

// Hint says what the field accepts, for its form item.
func (f *DateField) Hint() string {
	if f.Optional {
		return "Type " + f.order.Example() + ", or leave empty"
	}
	return "Type " + f.order.Example() + ", or pick from the calendar"
}

// TypedKey hands Escape to OnEscape.
func (f *DateField) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && f.OnEscape != nil {
		f.OnEscape()
		return
	}
	f.Entry.TypedKey(k)
}

// SetWeekStart sets the first day of the calendar's weeks.
func (f *DateField) SetWeekStart(d time.Weekday) { f.weekStart = d }

// SetDate shows d, or empties the field for nil.
func (f *DateField) SetDate(d *time.Time) {
	if d == nil || d.IsZero() {
		f.SetText("")
		return
	}
	f.SetText(d.Format(f.order.Layout()))
}

func (f *DateField) validate(s string) error {
	if strings.TrimSpace(s) == "" {
		if f.Optional {
			return nil
		}
		return errEmpty
	}
	_, err := f.order.ParseDate(s)
	return err
}

// read keeps Date in step with the text.
func (f *DateField) read() {
	f.Date = nil
	if strings.TrimSpace(f.Text) == "" {
		if f.Optional && f.OnDateChanged != nil {
			f.OnDateChanged(nil)
		}
		return
	}
	d, err := f.order.ParseDate(f.Text)
	if err != nil {
		return
	}
	f.Date = &d
	if f.OnDateChanged != nil {
		f.OnDateChanged(f.Date)
	}
}

// showCalendar opens the month of the date in the field (or today's)
// under the field.
func (f *DateField) showCalendar() {
	cv := fyne.CurrentApp().Driver().CanvasForObject(f)
	if cv == nil {
		return
	}
	selected := plan.Date(f.today())
	if f.Date != nil {
		selected = *f.Date
	}
	f.calendar = NewMonthCalendar()
	f.month = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	f.calendar.OnSelected = func(d time.Time) { f.showMonth(d, d) }
	f.calendar.OnActivated = func(d time.Time) {
		f.SetDate(&d)
		f.popUp.Hide()
		cv.Focus(f)
	}
	f.calendar.OnCancel = func() {
		f.popUp.Hide()
		cv.Focus(f)
	}
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { f.stepMonth(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { f.stepMonth(1) })
	content := container.NewBorder(container.NewBorder(nil, nil, prev, next, f.month), nil, nil, nil, f.calendar)
	f.popUp = widget.NewPopUp(content, cv)
	f.showMonth(selected, selected)
	f.popUp.ShowAtRelativePosition(fyne.NewPos(0, f.Size().Height), f)
	cv.Focus(f.calendar)
}

func (f *DateField) stepMonth(delta int) {
	m := plan.AddMonths(f.calendar.month, delta)
	f.showMonth(m, f.calendar.selected)
}

func (f *DateField) showMonth(month, selected time.Time) {
	f.month.SetText(month.Format("January 2006"))
	f.calendar.SetMonth(month, f.today(), selected, f.weekStart, func(time.Time) DayFacts { return DayFacts{} })
}
