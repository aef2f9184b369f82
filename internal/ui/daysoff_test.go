package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/plan"
)

func dec2026(day int) time.Time { return time.Date(2026, 12, day, 0, 0, 0, 0, time.UTC) }

// holidays is a calendar with one event over the days from first to the
// day before end, in December 2026.
func holidays(first, end int, summary string) string {
	return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r\nBEGIN:VEVENT\r\nUID:h\r\n" +
		"DTSTART;VALUE=DATE:" + dec2026(first).Format("20060102") + "\r\nDTEND;VALUE=DATE:" + dec2026(end).Format("20060102") +
		"\r\nSUMMARY:" + summary + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
}

// textOnScreen reports whether a label or a dialog on screen shows text.
func textOnScreen(m *MainWindow, text string) bool {
	found := false
	onScreen(m, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			found = found || strings.Contains(x.Text, text)
		case *widget.RichText:
			found = found || strings.Contains(x.String(), text)
		}
	})
	return found
}

func daysOffOf(t *testing.T, tl *timeline) []plan.DayOff {
	t.Helper()
	s, err := tl.store.Settings()
	if err != nil {
		t.Fatal(err)
	}
	return s.DaysOff
}

func key(m *MainWindow, name fyne.KeyName) { m.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: name}) }

// TestAHolidayImportShowsWhatItAddsFirstAndCanBeTakenBack is the issue's
// case: the window says what a calendar would add before adding anything
// (in a dialog that fits 800×600, Escape cancels, Enter adds), and after
// adding offers to remove exactly those days: not the day off that was
// there before.
// Fails on 522c7e7: the import added the days at once, with no preview
// and no way back but one day at a time.
func TestAHolidayImportShowsWhatItAddsFirstAndCanBeTakenBack(t *testing.T) {
	m, tl := timelineAt(t)
	m.Resize(fyne.NewSize(800, 600))
	tl.tabs.SelectIndex(2)
	if err := tl.store.AddDaysOff([]plan.DayOff{{Date: dec2026(24), Note: "Mine"}}); err != nil {
		t.Fatal(err)
	}
	tl.reload()
	l := tl.settings.daysOff

	l.previewCalendar("holidays.ics", strings.NewReader(holidays(24, 28, "Winter break")))
	top := m.Canvas().Overlays().Top()
	if top == nil || top.Size().Width > 800 || top.Size().Height > 600 {
		t.Fatalf("the preview is %v in an 800×600 window", top)
	}
	for _, want := range []string{
		"This adds 3 days off, from Fri 25 Dec 2026 to Sun 27 Dec 2026.",
		"    Sat 26 Dec 2026 · Winter break\n",
		"1 day of the calendar is off already and stays as it is.",
		"2 new days fall on a Saturday or Sunday, when you do not study anyway.",
	} {
		if !textOnScreen(m, want) {
			t.Errorf("the preview does not say %q", want)
		}
	}
	findButton(t, m, "Add 3 days off")
	if n := len(daysOffOf(t, tl)); n != 1 {
		t.Fatalf("the preview stored days off: %d now", n)
	}
	key(m, fyne.KeyEscape)
	if m.Canvas().Overlays().Top() != nil || len(daysOffOf(t, tl)) != 1 {
		t.Fatal("Escape did not cancel the import")
	}

	l.previewCalendar("holidays.ics", strings.NewReader(holidays(24, 28, "Winter break")))
	key(m, fyne.KeyReturn)
	if n := len(daysOffOf(t, tl)); n != 4 {
		t.Fatalf("Enter in the preview: %d days off, want 4", n)
	}
	if l.list.Length() != 4 || !l.lastImport.Visible() {
		t.Errorf("the list shows %d days off and the last import is shown %v", l.list.Length(), l.lastImport.Visible())
	}
	test.Tap(findButton(t, m, "Remove these days off"))
	if got := daysOffOf(t, tl); len(got) != 1 || got[0].Note != "Mine" {
		t.Errorf("after taking the import back the days off are %+v, want only the learner's own", got)
	}
	if l.lastImport.Visible() {
		t.Error("the import can still be taken back after it was")
	}
}

// TestTheWindowRefusesItsOwnExportInWords: our own export, chosen as
// holidays, is refused by its PRODID and nothing changes.
func TestTheWindowRefusesItsOwnExportInWords(t *testing.T) {
	m, tl := timelineAt(t)
	tl.tabs.SelectIndex(2)
	var own bytes.Buffer
	if err := app.WriteCalendar(tl.store, &own, tl.now(), ""); err != nil {
		t.Fatal(err)
	}
	tl.settings.daysOff.previewCalendar("study-plan.ics", &own)
	if !textOnScreen(m, "Study Planner's own plan export") || !textOnScreen(m, "Nothing was changed") {
		t.Error("the refusal does not say why in words")
	}
	if n := len(daysOffOf(t, tl)); n != 0 {
		t.Errorf("the refused export added %d days off", n)
	}
}

// TestManyDaysOffGoAtOnce: 267 days off (the number) are removed
// by selecting them all, after a confirmation, and put back from the
// notice; a range of dates removes the days in it and no others.
// Fails on 522c7e7: days off could only be removed one at a time.
func TestManyDaysOffGoAtOnce(t *testing.T) {
	m, tl := timelineAt(t)
	tl.tabs.SelectIndex(2)
	var many []plan.DayOff
	for i := range 267 {
		many = append(many, plan.DayOff{Date: dec2026(1).AddDate(0, 0, i), Note: "Study 2 h: Go"})
	}
	if err := tl.store.AddDaysOff(many); err != nil {
		t.Fatal(err)
	}
	tl.reload()
	l := tl.settings.daysOff
	if l.list.Length() != 267 || !strings.Contains(l.status.Text, "267 days off") {
		t.Fatalf("the list has %d rows and says %q", l.list.Length(), l.status.Text)
	}
	test.Tap(findButton(t, m, "Select all"))
	test.Tap(findButton(t, m, "Remove 267 selected"))
	if n := len(daysOffOf(t, tl)); n != 267 {
		t.Fatalf("removing asks first, but %d days off are left", n)
	}
	key(m, fyne.KeyReturn) // yes
	if n := len(daysOffOf(t, tl)); n != 0 || l.list.Length() != 0 {
		t.Fatalf("after removing all: %d stored, %d listed", n, l.list.Length())
	}
	test.Tap(findButton(t, m, "Put them back"))
	if got := daysOffOf(t, tl); len(got) != 267 || got[0].Note != "Study 2 h: Go" {
		t.Fatalf("put back %d days off", len(got))
	}

	test.Tap(findButton(t, m, "Remove a range of dates…"))
	from := l.rangeFrom
	from.SetText("2027-01-01")
	l.rangeTo.SetText("2027-01-31")
	if !textOnScreen(m, "31 days off in this range.") {
		t.Error("the range form does not say how many days it removes")
	}
	test.Tap(findButton(t, m, "Remove"))
	got := daysOffOf(t, tl)
	if len(got) != 267-31 {
		t.Errorf("the range left %d days off, want %d", len(got), 267-31)
	}
	for _, d := range got {
		if d.Date.Year() == 2027 && d.Date.Month() == time.January {
			t.Errorf("%s is still off", d.Date.Format(time.DateOnly))
		}
	}
}
