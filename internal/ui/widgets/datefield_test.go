package widgets

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestDatesAreReadInISOAndTheLocalesOrder(t *testing.T) {
	nov30 := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		locale, typed string
		want          time.Time
		err           string
	}{
		{"en_GB.UTF-8", "30/11/2026", nov30, ""},
		{"en_GB.UTF-8", "2026-11-30", nov30, ""},
		{"en_US.UTF-8", "11/30/2026", nov30, ""},
		{"en_US.UTF-8", "2026-11-30", nov30, ""},
		{"de_DE", "30.11.2026", nov30, ""},
		{"C.UTF-8", "2026-11-30", nov30, ""},
		{"en_GB", "31/02/2026", time.Time{}, "February 2026 has 28 days"},
		{"en_GB", "12/13/2026", time.Time{}, "there is no month 13"},
		{"en_US", "30/11/2026", time.Time{}, "there is no month 30"},
		{"en_GB", "tomorrow", time.Time{}, `type it as 30/11/2026 or 2026-11-30`},
		{"en_GB", "0202-11-25", time.Time{}, "out of range"},
	}
	for _, tt := range tests {
		got, err := DateOrderFor(tt.locale).ParseDate(tt.typed)
		if tt.err == "" && (err != nil || !got.Equal(tt.want)) {
			t.Errorf("%s %q = %v, %v; want %s", tt.locale, tt.typed, got, err, tt.want)
		}
		if tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err) || strings.Contains(err.Error(), "parsing time")) {
			t.Errorf("%s %q: error %v, want one saying %q in words", tt.locale, tt.typed, err, tt.err)
		}
	}
}

func TestAnOptionalDateFieldAcceptsEmpty(t *testing.T) {
	test.NewTempApp(t)
	f := NewDateField(DayFirst, time.Monday)
	f.Optional = true
	if err := f.Validate(); err != nil {
		t.Errorf("an empty optional field says %v", err)
	}
	f.Optional = false
	if err := f.Validate(); err == nil {
		t.Error("an empty required field was accepted")
	}
	test.Type(f, "2026-11-30")
	if f.Date == nil || f.Date.Day() != 30 || f.Validate() != nil {
		t.Errorf("typing an ISO date gave %v (%v)", f.Date, f.Validate())
	}
}

func TestTheCalendarMarksTodayAndStartsWeeksOnThePlansDay(t *testing.T) {
	test.NewTempApp(t)
	f := NewDateField(DayFirst, time.Sunday)
	f.today = func() time.Time { return time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC) }
	w := test.NewTempWindow(t, f)
	w.Resize(fyne.NewSize(400, 400))
	f.showCalendar()
	c := f.calendar
	if !c.today.Equal(time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)) || c.weekStart != time.Sunday || c.dayAt(0, 0).Weekday() != time.Sunday {
		t.Errorf("the calendar marks %s as today and starts weeks on %s", c.today, c.dayAt(0, 0).Weekday())
	}
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.Text != "26/11/2026" || f.popUp.Visible() {
		t.Errorf("choosing the next day with the keys gave %q (calendar still open: %v)", f.Text, f.popUp.Visible())
	}
	f.showCalendar()
	f.calendar.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.popUp.Visible() || f.Text != "26/11/2026" {
		t.Error("Escape did not close the calendar, or changed the date")
	}
}
