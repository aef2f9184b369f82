package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

// TestAMentorsWindowShowsTheCohort: a mentor's start opens the cohort
// window: a row per learner, sortable, and a learner's dashboard opens
// read-only.
func TestAMentorsWindowShowsTheCohort(t *testing.T) {
	ana, ben, mentor := storetest.Unique("ana"), storetest.Unique("ben"), storetest.Unique("mentor")
	storetest.DropRoles(t, ana, ben, mentor)
	db := storetest.Database(t)
	if _, err := store.InitServer(db, store.ServerPlan{Learners: []string{ana, ben}, Mentor: mentor}); err != nil {
		t.Fatal(err)
	}
	today := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	for _, l := range []string{ana, ben} {
		st, err := store.Open(storetest.AsRole(t, db, l))
		if err != nil {
			t.Fatal(err)
		}
		if err := st.Import(fixture()); err != nil {
			t.Fatal(err)
		}
		if l == ben {
			steps, _ := st.Roadmap()
			if err := st.SetStepStatus(steps[0].ID, plan.StepDone); err != nil {
				t.Fatal(err)
			}
		}
		st.Close()
	}
	start, err := app.OpenForWindow(store.Location{Path: storetest.AsRole(t, db, mentor)}, app.BuiltIn, func() time.Time { return today }, "en_GB")
	if err != nil || start.Cohort == nil {
		t.Fatalf("the mentor's start: %+v, %v; want the cohort", start, err)
	}
	defer start.Close()
	a := test.NewTempApp(t)
	w := showCohort(a, start.Cohort, func() time.Time { return today })
	cell := func(row, col int) string {
		var l widget.Label
		w.table.UpdateCell(widget.TableCellID{Row: row, Col: col}, &l)
		return l.Text
	}
	if len(w.rows) != 2 || cell(1, 0) != ana || cell(2, 0) != ben || cell(0, 1) != "Progress" {
		t.Fatalf("rows %+v", w.rows)
	}
	w.sortBy.SetSelected("progress")
	if cell(1, 0) != ben {
		t.Errorf("by progress, %s (a step done) comes first: %q", ben, cell(1, 0))
	}
	if !w.open.Disabled() {
		t.Error("Open is enabled with no learner selected")
	}
	w.table.Select(widget.TableCellID{Row: 2, Col: 0})
	test.Tap(w.open)
	if len(w.opened) != 1 || !w.opened[0].data.(*store.Store).ReadOnly() || !strings.Contains(w.opened[0].Title(), ana) {
		t.Fatalf("the learner's dashboard: %d windows", len(w.opened))
	}
	if _, err := w.opened[0].data.(*store.Store).AddStep("from the mentor"); err == nil {
		t.Error("the mentor could change a learner's data")
	}
}
