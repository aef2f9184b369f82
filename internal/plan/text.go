package plan

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dustin/go-humanize"
)

// Lengths the app accepts for what a learner writes, in characters. Forms,
// every write to the store and every import check text with the functions
// below, so anything saved in the app can be exported and imported again.
const (
	MaxNameLen  = 200     // titles and names
	MaxTextLen  = 2000    // summaries, descriptions, sources, addresses
	MaxNotesLen = 100_000 // Markdown notes
)

// ValidateName checks a required title or name.
func ValidateName(what, s string) error {
	if strings.TrimSpace(s) == "" {
		return fmt.Errorf("the %s is missing", what)
	}
	return ValidateLength(what, s, MaxNameLen)
}

// ValidateLength checks an optional text: at most max characters, and none
// of the invisible control characters that no keyboard types but that can
// rewrite a terminal's screen when the text is printed (tabs and line
// breaks are fine).
func ValidateLength(what, s string, max int) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("the %s is not valid text (it holds bytes that are not UTF-8)", what)
	}
	if n := utf8.RuneCountInString(s); n > max {
		return fmt.Errorf("the %s is %s characters long; keep it to %s", what, humanize.Comma(int64(n)), humanize.Comma(int64(max)))
	}
	if r, ok := controlCharacter(s); ok {
		return fmt.Errorf("the %s holds an invisible control character (U+%04X); remove it", what, r)
	}
	return nil
}

// controlCharacter finds a character text must not hold: C0 and C1
// controls other than tab, line feed and carriage return, and the Unicode
// line and paragraph separators, which JSON and terminals both treat
// specially.
func controlCharacter(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
		case unicode.IsControl(r), r == '\u2028', r == '\u2029':
			return r, true
		}
	}
	return 0, false
}

// The dates the app accepts: far wider than any study plan, narrow enough
// that a typo such as 0202 for 2026 is caught instead of stored.
var (
	MinDate = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	MaxDate = time.Date(2199, 12, 31, 0, 0, 0, 0, time.UTC)
)

// ValidateDate checks a required calendar date.
func ValidateDate(what string, d time.Time) error {
	if d.IsZero() {
		return fmt.Errorf("the %s is missing", what)
	}
	if day := Date(d); day.Before(MinDate) || day.After(MaxDate) {
		return fmt.Errorf("the %s %s is out of range; use a date from %d to %d", what, day.Format(time.DateOnly), MinDate.Year(), MaxDate.Year())
	}
	return nil
}

// ValidateOptionalDate checks a date that may be left empty (zero).
func ValidateOptionalDate(what string, d time.Time) error {
	if d.IsZero() {
		return nil
	}
	return ValidateDate(what, d)
}

// Shorten cuts a message longer than max characters, saying how much was
// left out, so that an error about thousands of items stays readable.
func Shorten(s string, max int) string {
	n := utf8.RuneCountInString(s)
	if n <= max {
		return s
	}
	runes := []rune(s)
	cut := max
	// Cut at the last space or line break before the limit, not mid-word.
	for i := max; i > max*3/4; i-- {
		if unicode.IsSpace(runes[i]) {
			cut = i
			break
		}
	}
	return fmt.Sprintf("%s … (%s more characters not shown)", strings.TrimSpace(string(runes[:cut])), humanize.Comma(int64(n-cut)))
}

// FormatMinutes writes a duration, the one way the app writes any:
// "45 min", "2 h", "1 h 36 min". (A weekly pace, which the learner types
// as a decimal, is written as one: "7.5 h a week".)
// The window, the calendar export and the commands all use it.
func FormatMinutes(m int) string {
	switch {
	case m < 60:
		return fmt.Sprintf("%d min", m)
	case m%60 == 0:
		return fmt.Sprintf("%d h", m/60)
	}
	return fmt.Sprintf("%d h %d min", m/60, m%60)
}
