package ics

import (
	"strings"
	"testing"
)

func TestLooksLikeCalendar(t *testing.T) {
	tests := []struct {
		name string
		head string
		want bool
	}{
		{"plain", "BEGIN:VCALENDAR\r\nVERSION:2.0", true},
		{"UTF-8 BOM", "\xEF\xBB\xBFBEGIN:VCALENDAR\r\n", true},
		{"lower case", "begin:vcalendar\n", true},
		{"leading blank lines", "\r\n\n  \tBEGIN:VCALENDAR\n", true},
		{"only the marker", "BEGIN:VCALENDAR", true},
		{"UTF-16 with BOM", "\xFF\xFEB\x00E\x00G\x00I\x00N\x00:\x00V\x00C\x00A\x00L\x00E\x00N\x00D\x00A\x00R\x00\r\x00\n\x00", true},
		{"JSON", `{"format": "studyplanner"}`, false},
		{"empty", "", false},
		{"vCard", "BEGIN:VCARD\r\n", false},
		{"longer name", "BEGIN:VCALENDARS\r\n", false},
		{"cut short", "BEGIN:VCAL", false},
		{"not first", "hello\nBEGIN:VCALENDAR\n", false},
	}
	for _, tt := range tests {
		if got := LooksLikeCalendar([]byte(tt.head)); got != tt.want {
			t.Errorf("%s: LooksLikeCalendar(%q) = %v, want %v", tt.name, tt.head, got, tt.want)
		}
	}
}

// TestNormalise: what golang-ical is given for files it would refuse.
func TestNormalise(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"LF, folding, lower-case names",
			"begin:vcalendar\nbegin:vevent\ndtstart;value=date:20270301\nsummary:Long\n  name\nend:vevent\nend:vcalendar\n",
			"BEGIN:VCALENDAR|BEGIN:VEVENT|DTSTART;value=date:20270301|SUMMARY:Long name|END:VEVENT|END:VCALENDAR"},
		{"text before the calendar, blank and stray lines",
			"\r\n\r\nBEGIN:VCALENDAR\r\n\r\nnot a property\r\n;X=1:no name\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\nEND:VCALENDAR\r\ntrailing\r\n",
			"BEGIN:VCALENDAR|BEGIN:VEVENT|UID:a|END:VEVENT|END:VCALENDAR"},
		{"missing ENDs are added",
			"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nBEGIN:VALARM\nACTION:DISPLAY\n",
			"BEGIN:VCALENDAR|BEGIN:VEVENT|UID:a|BEGIN:VALARM|ACTION:DISPLAY|END:VALARM|END:VEVENT|END:VCALENDAR"},
		{"an END closes what is open inside it; a stray END is dropped",
			"BEGIN:VCALENDAR\nBEGIN:VEVENT\nBEGIN:VALARM\nEND:VEVENT\nEND:VJOURNAL\nEND:VCALENDAR\n",
			"BEGIN:VCALENDAR|BEGIN:VEVENT|BEGIN:VALARM|END:VALARM|END:VEVENT|END:VCALENDAR"},
		{"two calendars become one",
			"BEGIN:VCALENDAR\nPRODID:a\nEND:VCALENDAR\nBEGIN:VCALENDAR\nPRODID:b\nBEGIN:VEVENT\nUID:b\nEND:VEVENT\nEND:VCALENDAR\n",
			"BEGIN:VCALENDAR|PRODID:a|PRODID:b|BEGIN:VEVENT|UID:b|END:VEVENT|END:VCALENDAR"},
		{"a calendar cut short, and another after it",
			"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nBEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:b\nEND:VEVENT\nEND:VCALENDAR\n",
			"BEGIN:VCALENDAR|BEGIN:VEVENT|UID:a|END:VEVENT|BEGIN:VEVENT|UID:b|END:VEVENT|END:VCALENDAR"},
		{"lines golang-ical cannot parse are dropped",
			"BEGIN:VCALENDAR\nBEGIN:VEVENT\nLOCATION;X-A=\"b\"c\":here\nX-EMPTY;X-P\nUID:a\nEND:VEVENT\nEND:VCALENDAR\n",
			"BEGIN:VCALENDAR|BEGIN:VEVENT|UID:a|END:VEVENT|END:VCALENDAR"},
		{"nesting too deep is dropped whole",
			"BEGIN:VCALENDAR\nBEGIN:A\nBEGIN:B\nBEGIN:C\nBEGIN:D\nBEGIN:E\nBEGIN:F\nBEGIN:G\nX:1\nEND:G\nY:2\nEND:F\nEND:E\nEND:D\nEND:C\nEND:B\nEND:A\nEND:VCALENDAR\n",
			"BEGIN:VCALENDAR|BEGIN:A|BEGIN:B|BEGIN:C|BEGIN:D|BEGIN:E|BEGIN:F|Y:2|END:F|END:E|END:D|END:C|END:B|END:A|END:VCALENDAR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.ReplaceAll(strings.TrimSuffix(normalise(decode([]byte(tt.in))), "\r\n"), "\r\n", "|")
			if got != tt.want {
				t.Errorf("normalise:\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestParamsFit(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"DTSTART;TZID=Europe/Berlin:20270101T100000", true},
		{"X-A" + strings.Repeat(";P=1", maxParams) + ":v", true},
		{"X-A" + strings.Repeat(";P=1", maxParams+1) + ":v", false},
		{`X-A;P="` + strings.Repeat("a;b:", 100) + `":v`, true}, // ; and : inside quotes
		{"X-A;P=" + strings.Repeat("a", maxParamBytes) + ":v", false},
		{"X-A;P=1", false}, // no value
	}
	for _, tt := range tests {
		if got := paramsFit(tt.line); got != tt.want {
			t.Errorf("paramsFit(%.60q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}
