package app

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

func dec(day int) time.Time { return time.Date(2026, 12, day, 0, 0, 0, 0, time.UTC) }

// TestTakingAnImportBackRemovesOnlyWhatItAdded: the preview counts the
// days off already; the import adds only the days still missing when it
// runs (a script may have added one meanwhile); taking it back removes
// those, less any the learner has made their own since.
// Fails on 522c7e7: there was no preview, and no way to know which days
// an import had added.
func TestTakingAnImportBackRemovesOnlyWhatItAdded(t *testing.T) {
	st, err := Open(store.Location{Path: storetest.Location(t, "h.db")}, BuiltIn, fixedNow(), "en_GB")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.AddDaysOff([]plan.DayOff{{Date: dec(24), Note: "Mine"}}))
	cal := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nBEGIN:VEVENT\r\nUID:h\r\nDTSTART;VALUE=DATE:20261224\r\n" +
		"DTEND;VALUE=DATE:20261228\r\nSUMMARY:Holidays\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	p, err := PreviewHolidays(st, strings.NewReader(cal), fixedNow())
	must(err)
	if len(p.New) != 3 || p.AlreadyOff != 1 || !p.First().Equal(dec(25)) || !p.Last().Equal(dec(27)) {
		t.Fatalf("preview: %d new from %s to %s, %d off already; want 3 from 25 to 27 December, 1 off already",
			len(p.New), p.First(), p.Last(), p.AlreadyOff)
	}
	if s, _ := st.Settings(); len(s.DaysOff) != 1 {
		t.Fatalf("the preview wrote %d days off", len(s.DaysOff))
	}

	must(st.AddDaysOff([]plan.DayOff{{Date: dec(25), Note: "A script's"}}))
	added, err := AddHolidays(st, p)
	must(err)
	if want := []plan.DayOff{{Date: dec(26), Note: "Holidays"}, {Date: dec(27), Note: "Holidays"}}; !reflect.DeepEqual(added, want) {
		t.Fatalf("added %+v, want %+v", added, want)
	}
	must(st.AddDaysOff([]plan.DayOff{{Date: dec(27), Note: "Trip"}})) // the learner's now
	n, err := TakeBackDaysOff(st, added)
	must(err)
	s, _ := st.Settings()
	want := []plan.DayOff{{Date: dec(24), Note: "Mine"}, {Date: dec(25), Note: "A script's"}, {Date: dec(27), Note: "Trip"}}
	if n != 1 || !reflect.DeepEqual(s.DaysOff, want) {
		t.Errorf("took back %d; days off now %+v, want 1 taken back and %+v", n, s.DaysOff, want)
	}
}
