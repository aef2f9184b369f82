package app

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/assets"
	"github.com/studyplanner/studyplanner/internal/practice"
	"github.com/studyplanner/studyplanner/internal/store"
)

func openBuiltIn(t *testing.T) *store.Store {
	t.Helper()
	st, err := Open(store.Location{Path: filepath.Join(t.TempDir(), "studyplanner.db")}, BuiltIn, time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), "en_GB")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Every skill the bank links to is a skill of the default roadmap.
func TestBankLinksToDefaultSkills(t *testing.T) {
	pack, err := assets.BackendPack()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, c := range pack.SkillCategories {
		for _, s := range c.Skills {
			names[s.Name] = true
		}
	}
	for _, c := range practice.Bank() {
		for _, s := range c.Skills {
			if !names[s] {
				t.Errorf("%s links to %q, which the default roadmap has not", c.BankKey, s)
			}
		}
	}
}

func TestNewDatabaseGetsTheBankOnce(t *testing.T) {
	st := openBuiltIn(t)
	cards, err := st.Cards()
	if err != nil {
		t.Fatal(err)
	}
	if len(cards) != len(practice.Bank()) {
		t.Fatalf("%d cards in a new database, want the bank's %d", len(cards), len(practice.Bank()))
	}
	path := st.Path()
	st.Close()
	again, err := Open(store.Location{Path: path}, BuiltIn, time.Now(), "en_GB")
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	cards, _ = again.Cards()
	if len(cards) != len(practice.Bank()) {
		t.Errorf("%d cards after opening twice", len(cards))
	}
}

// The Anki TSV export of the default bank, imported into a new database,
// gives the same cards, and exports to the same bytes.
func TestBankTSVImportsIntoANewDatabaseIdentically(t *testing.T) {
	src := openBuiltIn(t)
	var first bytes.Buffer
	n, err := ExportCardsTo(src, &first)
	if err != nil || n != len(practice.Bank()) {
		t.Fatalf("exported %d: %v", n, err)
	}
	dst, err := store.Open(filepath.Join(t.TempDir(), "new.db")) // a new database, no bank given
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	added, skipped, err := ImportCardsFrom(dst, bytes.NewReader(first.Bytes()))
	if err != nil || added != n || skipped != 0 {
		t.Fatalf("imported %d, skipped %d: %v", added, skipped, err)
	}
	want, _ := src.Cards()
	got, _ := dst.Cards()
	for i := range want {
		w, g := want[i], got[i]
		w.ID, g.ID, w.BankKey = 0, 0, ""
		if !reflect.DeepEqual(g, w) {
			t.Errorf("card %d: imported %+v\nwant %+v", i, g, w)
		}
	}
	var second bytes.Buffer
	if _, err := ExportCardsTo(dst, &second); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Error("the second export differs from the first")
	}
	// Importing again adds nothing.
	if added, skipped, _ := ImportCardsFrom(dst, bytes.NewReader(first.Bytes())); added != 0 || skipped != n {
		t.Errorf("second import added %d, skipped %d", added, skipped)
	}
	// A bad file changes nothing and says so.
	_, _, err = ImportCardsFrom(dst, strings.NewReader("q only\n"))
	if err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad file: %v", err)
	}
}

func TestLoadPracticeAndLogChallenge(t *testing.T) {
	st := openBuiltIn(t)
	now := time.Date(2026, 3, 3, 9, 0, 0, 0, time.Local)
	d, err := LoadPractice(st, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Queue) != practice.DefaultNewPerDay || d.DueToday != 0 {
		t.Errorf("a new learner's day: %d in the queue, %d due; want the %d new cards", len(d.Queue), d.DueToday, practice.DefaultNewPerDay)
	}
	_, err = st.ReviewCard(d.Queue[0].ID, now, practice.Good)
	if err != nil {
		t.Fatal(err)
	}
	d, _ = LoadPractice(st, now.Add(time.Minute))
	if d.NewToday != 1 || d.DueToday != 1 || len(d.Queue) != practice.DefaultNewPerDay {
		t.Errorf("after one new card: new today %d, due %d, queue %d", d.NewToday, d.DueToday, len(d.Queue))
	}
	c, logged, err := LogChallenge(st, practice.Challenge{Title: "Valid parentheses", Difficulty: practice.Easier, Source: "LeetCode", Pattern: "stack"}, now, 20, practice.Solved)
	if err != nil || !logged || c.ID == 0 {
		t.Fatalf("challenge: %+v logged %v: %v", c, logged, err)
	}
	logged2, _ := st.Logged()
	found := false
	for _, v := range logged2.BySkill {
		if v == 20 {
			found = true
		}
	}
	if !found {
		t.Errorf("the 20 minutes are not on a skill: %+v", logged2.BySkill)
	}
}
