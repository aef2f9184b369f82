package ui

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

var weekdayLabels = []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}

func weekdayOfLabel(label string) time.Weekday {
	for i, l := range weekdayLabels {
		if l == label {
			return time.Weekday((i + 1) % 7)
		}
	}
	return time.Monday
}

func labelOfWeekday(d time.Weekday) string { return weekdayLabels[(int(d)+6)%7] }

func monthsLabel(n int) string {
	return fmt.Sprintf("%d %s", n, plural(n, "month", "months"))
}

// planFields are the fields that shape a plan: when it starts, how long
// it runs, how many hours a week on which days. The welcome and Plan
// settings both show them.
type planFields struct {
	start  *widgets.DateField
	months *widgets.Choice
	hours  *widgets.TextField
	days   *widget.CheckGroup
}

func newPlanFields() *planFields {
	f := &planFields{start: newDateField(localWeekStart(), false), hours: widgets.NewTextField(numberLen)}
	months := make([]string, 0, plan.MaxHorizonMonths)
	for m := plan.MinHorizonMonths; m <= plan.MaxHorizonMonths; m++ {
		months = append(months, monthsLabel(m))
	}
	f.months = widgets.NewChoice(months, nil)
	f.hours.Validator = func(s string) error {
		_, err := parseWeeklyHours(s)
		return err
	}
	f.days = widget.NewCheckGroup(weekdayLabels, nil)
	f.days.Horizontal = true
	return f
}

// items are the form rows, with what each asks for.
func (f *planFields) items() []*widget.FormItem {
	return []*widget.FormItem{
		{Text: "Start", Widget: f.start, HintText: "The plan's first day. " + f.start.Hint()},
		{Text: "Length", Widget: f.months, HintText: "Most people need 6 to 12 months"},
		{Text: "Hours a week", Widget: f.hours, HintText: "What you can really give, on average"},
		{Text: "Study days", Widget: f.days, HintText: "The week's hours are shared among them"},
	}
}

// show fills the fields from s.
func (f *planFields) show(s plan.Settings) {
	start := s.StartDate
	f.start.SetWeekStart(s.WeekStart)
	f.start.SetDate(&start)
	f.months.SetSelected(monthsLabel(s.HorizonMonths))
	f.hours.SetText(strconv.FormatFloat(s.HoursPerWeek, 'f', -1, 64))
	var days []string
	for d := 0; d < 7; d++ {
		if s.StudyDays[d] {
			days = append(days, labelOfWeekday(time.Weekday(d)))
		}
	}
	f.days.SetSelected(days)
}

// apply writes the fields into s, or says what is wrong with them.
func (f *planFields) apply(s *plan.Settings) error {
	if f.start.Date == nil {
		if err := f.start.Validate(); err != nil {
			return fmt.Errorf("start: %w", err)
		}
		return errors.New("pick the start date from the calendar button")
	}
	s.StartDate = plan.Date(*f.start.Date)
	fmt.Sscanf(f.months.Selected, "%d", &s.HorizonMonths)
	h, err := parseWeeklyHours(f.hours.Text)
	if err != nil {
		return fmt.Errorf("hours a week: %w", err)
	}
	s.HoursPerWeek = h
	s.StudyDays = [7]bool{}
	for _, l := range f.days.Selected {
		s.StudyDays[weekdayOfLabel(l)] = true
	}
	return nil
}

// plainNumber is how people write hours: digits, and a decimal point or
// comma (not 0x1p3, 1e1 or Inf, which strconv would read).
var plainNumber = regexp.MustCompile(`^[0-9]+([.,][0-9]+)?$`)

func parseWeeklyHours(s string) (float64, error) {
	s = strings.TrimSpace(s)
	h, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64)
	if !plainNumber.MatchString(s) || err != nil || h < plan.MinHoursPerWeek || h > plan.MaxHoursPerWeek {
		return 0, fmt.Errorf("a number of hours from %g to %g", float64(plan.MinHoursPerWeek), float64(plan.MaxHoursPerWeek))
	}
	return h, nil
}
