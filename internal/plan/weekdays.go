package plan

import (
	"fmt"
	"strings"
	"time"
)

var weekdayNames = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// FormatStudyDays writes study days as short English day names in week
// order from Monday: "mon", "tue"…
func FormatStudyDays(days [7]bool) []string {
	out := []string{}
	for i := 1; i <= 7; i++ {
		if d := i % 7; days[d] {
			out = append(out, weekdayNames[d])
		}
	}
	return out
}

// ParseStudyDays reads what FormatStudyDays writes.
func ParseStudyDays(names []string) ([7]bool, error) {
	var days [7]bool
	for _, n := range names {
		found := false
		for d, w := range weekdayNames {
			if strings.EqualFold(n, w) {
				days[d], found = true, true
			}
		}
		if !found {
			return days, fmt.Errorf("%q is not a day: use mon, tue, wed, thu, fri, sat or sun", n)
		}
	}
	return days, nil
}

// WeekdayName is the short name FormatStudyDays uses for a day ("mon").
func WeekdayName(d time.Weekday) string { return weekdayNames[d] }

// ParseWeekday reads a short day name ("mon").
func ParseWeekday(name string) (time.Weekday, error) {
	for d, w := range weekdayNames {
		if strings.EqualFold(name, w) {
			return time.Weekday(d), nil
		}
	}
	return 0, fmt.Errorf("%q is not a day: use mon, tue, wed, thu, fri, sat or sun", name)
}
