package ui

import (
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// How the screens write dates, durations, counts and messages.

func longDate(t time.Time) string { return t.Format("2 Jan 2006") }

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
	return widgets.FormatMinutes(int(math.Round(h * 60)))
}

func suffix(sep, s string) string {
	if s == "" {
		return ""
	}
	return sep + s
}
