package store

import (
	"errors"
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

// TestEveryWriteRefusesWhatTheImportRefuses is the class "a value is
// stored that the import would refuse, so its backup cannot be restored":
// each bad value, written through the store, is refused, and the same
// value in a document is refused by Validate.
func TestEveryWriteRefusesWhatTheImportRefuses(t *testing.T) {
	yearOne := time.Date(1, 1, 1, 9, 0, 0, 0, time.FixedZone("UTC+9", 9*3600)) // not the zero time, still year 1
	longName := strings.Repeat("é", plan.MaxNameLen+1)                         // 201 characters, 402 bytes
	tests := []struct {
		name  string
		write func(st *Store) error
		doc   func(d *snapshot.Document)
	}{
		{"a session dated 0001-01-01",
			func(st *Store) error { _, err := st.LogSession(plan.Session{Date: yearOne, Minutes: 30}); return err },
			func(d *snapshot.Document) { d.Sessions[0].Date = "0001-01-01" }},
		{"a day off dated 0001-01-01",
			func(st *Store) error { return st.AddDaysOff([]plan.DayOff{{Date: yearOne}}) },
			func(d *snapshot.Document) { d.Plan.DaysOff = []snapshot.DayOff{{Date: "0001-01-01"}} }},
		{"a step title of 201 characters",
			func(st *Store) error { _, err := st.AddStep(longName); return err },
			func(d *snapshot.Document) { d.Roadmap[0].Title = longName }},
		{"a day off note of 201 characters",
			func(st *Store) error { return st.AddDaysOff([]plan.DayOff{{Date: today, Note: longName}}) },
			func(d *snapshot.Document) { d.Plan.DaysOff = []snapshot.DayOff{{Date: "2026-12-24", Note: longName}} }},
		{"a checklist item with a terminal escape",
			func(st *Store) error { _, err := st.AddAction(1, "done \x1b[2J"); return err },
			func(d *snapshot.Document) { d.Roadmap[0].Actions[0].Text = "done \x1b[2J" }},
		{"a salary source with a NUL",
			func(st *Store) error {
				_, err := st.AddSalary(salary.Range{Country: "X", CountryCode: "XX", Level: salary.Junior, Currency: "EUR", Min: 1, Max: 2, Year: 2026, Source: "a\x00b"})
				return err
			},
			func(d *snapshot.Document) { d.Salaries[0].Source = "a\x00b" }},
		{"a rate dated in year 1",
			func(st *Store) error {
				return st.SaveRate(salary.Rate{}, salary.Rate{Currency: "CHF", PerEUR: "0.93", AsOf: yearOne})
			},
			func(d *snapshot.Document) { d.ExchangeRates[0].AsOf = "0001-01-01" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := imported(t)
			before := mustExport(t, st)
			if err := tt.write(st); err == nil {
				t.Error("the store accepted it")
			}
			if after := mustExport(t, st); !reflect.DeepEqual(before, after) {
				t.Error("a refused write changed the data")
			}
			doc := sampleDocument()
			tt.doc(&doc)
			if err := doc.Validate(); err == nil {
				t.Error("the import accepts it")
			}
		})
	}
}

// TestEveryLimitedTableHasItsLimit: a table the store writes without a
// limit could outgrow what an export carries.
func TestEveryLimitedTableHasItsLimit(t *testing.T) {
	for _, table := range allTables {
		if _, ok := tableLimits[table]; !ok && table != "plan_settings" && table != "resume_profile" && table != "practice_settings" {
			t.Errorf("table %s has no limit", table)
		}
	}
}

// TestCountLimitsHoldForWritesAndPacks: the checklist limit counts all
// steps together, for a single item added and for a pack merged.
func TestCountLimitsHoldForWritesAndPacks(t *testing.T) {
	st, _ := openTemp(t)
	doc := sampleDocument()
	big := make([]snapshot.Action, plan.MaxActions-len(doc.Roadmap[0].Actions))
	for i := range big {
		big[i] = snapshot.Action{Text: fmt.Sprintf("item %d", i)}
	}
	doc.Roadmap[1].Actions = big
	must(t, st.Import(doc))
	steps, _ := st.Roadmap()
	_, err := st.AddAction(steps[0].ID, "one too many")
	var limit *plan.LimitError
	if !errors.As(err, &limit) || !strings.Contains(err.Error(), "at most 20,000 checklist items") {
		t.Errorf("adding item 20,001 = %v, want a limit error", err)
	}
	pack := samplePack()
	pack.Roadmap = append(pack.Roadmap, snapshot.PackStep{Title: "More", Actions: []string{"a", "b"}, Links: []snapshot.Link{}})
	if _, err := st.ImportPack(pack); !errors.As(err, &limit) {
		t.Errorf("a pack that passes the limit = %v, want a limit error", err)
	}
	if c, _ := st.Counts(); c.Actions != plan.MaxActions {
		t.Errorf("%d checklist items after the refusals, want %d", c.Actions, plan.MaxActions)
	}
}

// TestTheFileCannotOutgrowWhatAnExportCarries: past the size limit a
// write that adds data is refused in words; deleting still works, so the
// learner can make room.
func TestTheFileCannotOutgrowWhatAnExportCarries(t *testing.T) {
	storetest.FileOnly(t)
	st := imported(t)
	var size int64
	st.db.Raw("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size").Scan(&size)
	st.maxBytes = size + 64<<10
	notes := strings.Repeat("a long note ", plan.MaxTextLen/12)
	var ids []uint
	var err error
	for i := 0; i < 200 && err == nil; i++ {
		var id uint
		id, err = st.LogSession(plan.Session{Date: today, Minutes: 30, Notes: notes})
		ids = append(ids, id)
	}
	if !errors.Is(err, ErrTooLarge) || strings.Contains(err.Error(), "SQL") {
		t.Fatalf("growing past the limit = %v, want ErrTooLarge", err)
	}
	if err := st.DeleteSession(ids[0]); err != nil {
		t.Errorf("deleting past the limit = %v", err)
	}
}

// TestRandomValidDataSurvivesExportAndImport is the property behind "a
// backup can always be restored": random valid data, with the characters
// and sizes the limits allow, stored, exported and imported into a new
// file, exports again the same.
func TestRandomValidDataSurvivesExportAndImport(t *testing.T) {
	seed := time.Now().UnixNano()
	t.Logf("seed %d (set STUDYPLANNER_SEED to repeat)", seed)
	if s := envSeed(); s != 0 {
		seed = s
	}
	rng := rand.New(rand.NewSource(seed))
	for round := 0; round < 8; round++ {
		doc := randomDocument(rng)
		if err := doc.Validate(); err != nil {
			t.Fatalf("round %d: the generator made an invalid document: %v", round, err)
		}
		a, _ := openTemp(t)
		must(t, a.Import(doc))
		first, err := a.Export()
		if err != nil {
			t.Fatal(err)
		}
		var buf strings.Builder
		must(t, snapshot.Encode(&buf, first))
		decoded, err := snapshot.Decode(strings.NewReader(buf.String()))
		if err != nil {
			t.Fatalf("round %d: the export does not import: %v", round, err)
		}
		b, _ := openTemp(t)
		must(t, b.Import(decoded))
		second, err := b.Export()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(first, second) {
			t.Fatalf("round %d: export → import → export differs", round)
		}
	}
}

// TestTheLimitCheckCountsOnlyWhenTheIDsSpanPastIt: the check bounds a
// table by its ids and counts it only when their span passes the limit,
// so deletes that leave gaps neither let the table past its limit nor
// refuse a write under it.
func TestTheLimitCheckCountsOnlyWhenTheIDsSpanPastIt(t *testing.T) {
	kept := tableLimits["sessions"]
	t.Cleanup(func() { tableLimits["sessions"] = kept })
	low := kept
	low.limit = 5
	tableLimits["sessions"] = low

	st := imported(t) // 2 sessions
	logOne := func() (uint, error) { return st.LogSession(plan.Session{Date: today, Minutes: 10}) }
	var ids []uint
	for i := 0; i < 3; i++ {
		id, err := logOne()
		must(t, err)
		ids = append(ids, id)
	}
	var limit *plan.LimitError
	if _, err := logOne(); !errors.As(err, &limit) {
		t.Fatalf("a 6th session under a limit of 5 = %v, want a limit error", err)
	}
	must(t, st.DeleteSession(ids[0])) // a gap: 4 sessions, ids spanning 5
	if _, err := logOne(); err != nil {
		t.Fatalf("a 5th session after a delete (ids spanning 6) = %v, want it logged", err)
	}
	if _, err := logOne(); !errors.As(err, &limit) {
		t.Errorf("a 6th session again = %v, want a limit error", err)
	}
}
