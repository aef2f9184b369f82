package ui

import (
	"math"
	"os"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/dustin/go-humanize"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// How the screens write dates, durations, counts and messages.

// longDate writes a date for reading, in the learner's order: "2 Jan
// 2006", or "Jan 2, 2006" where months come first.
func longDate(t time.Time) string {
	if dateOrder == widgets.MonthFirst {
		return t.Format("Jan 2, 2006")
	}
	return t.Format("2 Jan 2006")
}

// shortDate writes a date with its weekday, in the learner's order, and
// its year only when it is not now's: "Tue 1 Dec", "Tue Dec 1", "Tue 1
// Dec 2027", "Tue Dec 1, 2027".
func shortDate(t, now time.Time) string {
	return t.Format("Mon ") + dayMonth(t, now)
}

// dayMonth writes a date without its weekday, in the learner's order,
// and its year only when it is not now's: "1 Dec", "Dec 1, 2027".
func dayMonth(t, now time.Time) string {
	if t.Year() != now.Year() {
		return longDate(t)
	}
	if dateOrder == widgets.MonthFirst {
		return t.Format("Jan 2")
	}
	return t.Format("2 Jan")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// sentence makes an error message read as a sentence: capital first, full
// stop last.
func sentence(s string) string {
	s = strings.TrimSpace(plan.Shorten(s, maxMessage))
	if s == "" {
		return s
	}
	first, size := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(first)) + s[size:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

func hoursText(h float64) string {
	return plan.FormatMinutes(int(math.Round(h * 60)))
}

// weeklyHours writes a pace: "8 h a week", "7.5 h a week".
func weeklyHours(h float64) string {
	return humanize.FtoaWithDigits(h, 1) + " h a week"
}

// wrappedLabel is a label that wraps at words.
func wrappedLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func suffix(sep, s string) string {
	if s == "" {
		return ""
	}
	return sep + s
}

// userLocale is the locale dates are written in, as the command line reads
// it: $LC_ALL, then $LC_TIME, then $LANG.
func userLocale() string {
	for _, v := range []string{"LC_ALL", "LC_TIME", "LANG"} {
		if l := os.Getenv(v); l != "" {
			return l
		}
	}
	return ""
}

// dateOrder is how this learner writes dates in numbers.
var dateOrder = widgets.DateOrderFor(userLocale())

// newDateField is a date field in the learner's order, its calendar's
// weeks starting on weekStart; an optional one may be left empty.
func newDateField(weekStart time.Weekday, optional bool) *widgets.DateField {
	f := widgets.NewDateField(dateOrder, weekStart)
	f.Optional = optional
	return f
}

// localWeekStart is the first day of the week where the learner lives, for
// date fields that are not about the plan.
func localWeekStart() time.Weekday { return plan.WeekStartForLocale(userLocale()) }

// How many characters a field takes where the domain's own limit is not
// the right one to type against.
const (
	// numberLen is ample for any number a form asks for.
	numberLen = 12
	// notesFieldLen keeps Markdown notes to what Fyne's wrapping entry
	// redraws without lag: its cost per key grows with the square of the
	// text (about 18 ms at 2,000 characters, 100 ms at 5,000 and 320 ms
	// at 10,000, measured with go test -bench). Longer notes an older
	// file brought are shown whole and may be shortened.
	notesFieldLen = 5_000
	// linksFieldLen is a skill's links, one per line.
	linksFieldLen = 5_000
)

// bold is a bold label.
func bold(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// wrappedCaption is a caption that wraps at the width it is given.
func wrappedCaption(text string) *widget.Label {
	l := caption(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
