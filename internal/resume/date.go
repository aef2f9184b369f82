package resume

import (
	"fmt"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// Date is a date as a résumé gives it: a year ("2021"), a month
// ("2021-09") or a day ("2021-09-14"), the forms JSON Resume's iso8601
// accepts. The empty Date means not given.
type Date string

// ParseDate reads a date typed by a person, trimming spaces.
func ParseDate(s string) (Date, error) {
	d := Date(strings.TrimSpace(s))
	if err := d.Validate("date"); err != nil {
		return "", err
	}
	return d, nil
}

// Validate checks the date's form and that it falls in the years the app
// accepts.
func (d Date) Validate(what string) error {
	if d == "" {
		return nil
	}
	t, ok := d.Time()
	if !ok {
		return fmt.Errorf("the %s %q is not a date: write a year (2021), a month (2021-09) or a day (2021-09-14)", what, clip(string(d), 40))
	}
	if t.Before(plan.MinDate) || t.After(plan.MaxDate) {
		return fmt.Errorf("the %s %s is out of range; use a date from %d to %d", what, d, plan.MinDate.Year(), plan.MaxDate.Year())
	}
	return nil
}

// Time is the first day the date covers; ok is false for a date of
// another form.
func (d Date) Time() (time.Time, bool) {
	for _, layout := range []string{"2006", "2006-01", time.DateOnly} {
		if len(d) != len(layout) {
			continue
		}
		t, err := time.Parse(layout, string(d))
		return t, err == nil
	}
	return time.Time{}, false
}

// Before reports whether d ends before other starts, comparing only as
// precisely as both are given: 2023 is not before 2023-04.
func (d Date) Before(other Date) bool {
	n := min(len(d), len(other))
	return string(d)[:n] < string(other)[:n]
}

// Span writes a period as a résumé shows it: "2021-09 – 2023-06",
// "2021-09 – present", or one date.
func Span(start, end Date, ongoing bool) string {
	switch {
	case start == "" && end == "":
		return ""
	case start == "":
		return string(end)
	case end == "" && ongoing:
		return string(start) + " – present"
	case end == "" || end == start:
		return string(start)
	}
	return string(start) + " – " + string(end)
}
