package ics

import (
	"bytes"
	"strings"
	"unicode/utf8"

	ical "github.com/arran4/golang-ical"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// LooksLikeCalendar reports whether the first bytes of a file are an
// iCalendar document: BEGIN:VCALENDAR after an optional byte order mark and
// white space, in any case. Files are recognised by content, so .ical
// files, odd extensions and calendars on standard input all work.
func LooksLikeCalendar(head []byte) bool {
	const begin = "BEGIN:VCALENDAR"
	text := bytes.TrimLeft(decode(head), " \t\r\n\f\v")
	if len(text) < len(begin) || !bytes.EqualFold(text[:len(begin)], []byte(begin)) {
		return false
	}
	rest := text[len(begin):]
	return len(rest) == 0 || strings.IndexByte(" \t\r\n", rest[0]) >= 0
}

// decode turns a file into UTF-8 without a byte order mark. Windows tools
// save calendars as UTF-16 (PowerShell's redirection) or Windows-1252 (old
// Outlook), and a person's holiday names should survive either.
func decode(data []byte) []byte {
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		return data[len(utf8BOM):]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err == nil {
			return bytes.TrimPrefix(out, utf8BOM)
		}
	case !utf8.Valid(data):
		if out, err := charmap.Windows1252.NewDecoder().Bytes(data); err == nil {
			return out
		}
	}
	return data
}

// maxNesting bounds how deep components may nest (a VALARM in a VEVENT in
// the VCALENDAR is three); deeper ones are dropped, as no client writes
// them and the parser would recurse once per level.
const maxNesting = 6

// normalise rewrites a calendar into the strict form golang-ical parses:
// one unfolded line per property, CRLF endings, names in upper case, lines
// that are not properties dropped, and every component closed. Real files
// break each of these rules: LF endings, lower-case names, blank or
// garbled lines, a missing END, two calendars pasted into one file.
func normalise(text []byte) string {
	r := repairer{}
	r.out.WriteString("BEGIN:VCALENDAR\r\n")
	for _, line := range unfold(text) {
		if name, value, ok := contentLine(line); ok {
			r.line(name, value)
		}
	}
	r.closeTo(0)
	r.out.WriteString("END:VCALENDAR\r\n")
	return r.out.String()
}

// unfold splits text into logical lines: any line ending (CRLF, LF, CR)
// ends a line, and a line that begins with a space or tab continues the
// one before (RFC 5545 folding).
func unfold(text []byte) []string {
	s := strings.ReplaceAll(string(text), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var lines []string
	var cur strings.Builder // a line may be folded thousands of times
	for i, l := range strings.Split(strings.TrimLeft(s, " \t\n"), "\n") {
		if i > 0 && (strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")) {
			cur.WriteString(l[1:])
			continue
		}
		if i > 0 {
			lines = append(lines, cur.String())
		}
		cur.Reset()
		cur.WriteString(l)
	}
	return append(lines, cur.String())
}

// Bounds on a line's parameters: golang-ical copies the rest of the line
// for each one, so a line of thousands would take minutes. Real lines
// have a handful (an ATTENDEE has about eight).
const (
	maxParams     = 32
	maxParamBytes = 4096
)

// paramsFit reports whether the parameters of a line, up to the colon
// that starts its value (outside quotes), stay within the bounds.
func paramsFit(line string) bool {
	quoted, params := false, 0
	for i := 0; i < len(line) && i <= maxParamBytes; i++ {
		switch c := line[i]; {
		case c == '"':
			quoted = !quoted
		case c == ';' && !quoted:
			params++
		case c == ':' && !quoted:
			return params <= maxParams
		}
	}
	return false
}

// contentLine checks one logical line the way golang-ical will read it and
// returns it whole with the name in upper case (names are case-insensitive,
// the parser is not). For BEGIN and END, value is just the component.
func contentLine(line string) (name, value string, ok bool) {
	end := strings.IndexAny(line, ";:")
	if end <= 0 || !tokenName(line[:end]) {
		return "", "", false
	}
	name = strings.ToUpper(line[:end])
	line = name + line[end:]
	if !paramsFit(line) {
		return "", "", false
	}
	p, err := ical.ParseProperty(ical.ContentLine(line))
	if err != nil || p == nil {
		return "", "", false
	}
	if name == "BEGIN" || name == "END" {
		return name, strings.ToUpper(strings.TrimSpace(p.Value)), true
	}
	return name, line, true
}

// tokenName reports whether s is a name as RFC 5545 allows: letters,
// digits and dashes.
func tokenName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// repairer writes lines out so that components nest properly.
type repairer struct {
	out   strings.Builder
	open  []string // components open inside the calendar, outermost first
	inCal bool     // between a BEGIN:VCALENDAR and its END
	skip  int      // > 0 while dropping a component nested too deep
}

// line takes one line as contentLine returns it.
func (r *repairer) line(name, value string) {
	switch {
	case r.skip > 0:
		r.skipping(name)
	case name == "BEGIN":
		r.begin(value)
	case name == "END":
		r.end(value)
	case r.inCal:
		r.out.WriteString(value)
		r.out.WriteString("\r\n")
	}
}

func (r *repairer) skipping(name string) {
	switch name {
	case "BEGIN":
		r.skip++
	case "END":
		r.skip--
	}
}

// begin opens a component. A second VCALENDAR in the same file (two
// exports pasted together) is merged into the first.
func (r *repairer) begin(component string) {
	switch {
	case component == "VCALENDAR":
		r.closeTo(0)
		r.inCal = true
	case !r.inCal || !tokenName(component) || len(r.open) >= maxNesting:
		r.skip = 1
	default:
		r.open = append(r.open, component)
		r.out.WriteString("BEGIN:" + component + "\r\n")
	}
}

// end closes a component and any left open inside it; an END that matches
// nothing open is dropped.
func (r *repairer) end(component string) {
	if component == "VCALENDAR" {
		r.closeTo(0)
		r.inCal = false
		return
	}
	for i := len(r.open) - 1; i >= 0; i-- {
		if r.open[i] == component {
			r.closeTo(i)
			return
		}
	}
}

// closeTo ends open components until only n remain.
func (r *repairer) closeTo(n int) {
	for len(r.open) > n {
		r.out.WriteString("END:" + r.open[len(r.open)-1] + "\r\n")
		r.open = r.open[:len(r.open)-1]
	}
}
