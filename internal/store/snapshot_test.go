package store

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

// A screen reads its parts in one snapshot: a script or another device
// that saves while the screen is reading shows up in the next read, not
// in half of this one.
func TestASnapshotSeesNoWriteMadeWhileItReads(t *testing.T) {
	window, script := twoInstances(t)
	day := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	skill := firstSkillID(t, window)
	if _, err := window.LogSession(plan.Session{Date: day, Minutes: 30, SkillID: skill}); err != nil {
		t.Fatal(err)
	}
	var before, during map[time.Time]int
	err := window.Snapshot(func(view *Store) (err error) {
		if before, err = view.DailyMinutes(day, day.AddDate(0, 0, 1)); err != nil {
			return err
		}
		if _, err := script.LogSession(plan.Session{Date: day, Minutes: 45, SkillID: skill}); err != nil {
			t.Fatalf("the script could not save while the window read: %v", err)
		}
		during, err = view.DailyMinutes(day, day.AddDate(0, 0, 1))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if before[day] < 30 || during[day] != before[day] {
		t.Errorf("inside one snapshot the day read %d then %d minutes; want the same both times", before[day], during[day])
	}
	after, err := window.DailyMinutes(day, day.AddDate(0, 0, 1))
	if err != nil {
		t.Fatal(err)
	}
	if after[day] != before[day]+45 {
		t.Errorf("after the snapshot the day reads %d minutes, want %d (the script's save included)", after[day], before[day]+45)
	}
}

// The view is for reading: a save through it is refused in words and
// changes nothing.
func TestASnapshotCannotSave(t *testing.T) {
	st := imported(t)
	day := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	skill := firstSkillID(t, st)
	before, err := st.DailyMinutes(day, day.AddDate(0, 0, 1))
	if err != nil {
		t.Fatal(err)
	}
	var saveErr error
	err = st.Snapshot(func(view *Store) error {
		_, saveErr = view.LogSession(plan.Session{Date: day, Minutes: 30, SkillID: skill})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(saveErr, errWriteInSnapshot) {
		t.Errorf("saving through a snapshot gave %v, want it refused", saveErr)
	}
	got, err := st.DailyMinutes(day, day.AddDate(0, 0, 1))
	if err != nil {
		t.Fatal(err)
	}
	if got[day] != before[day] {
		t.Errorf("the refused save changed the day from %d to %d minutes", before[day], got[day])
	}
}

// A snapshot asked for inside another is the same one, so a use case
// made of smaller ones reads in one transaction.
func TestASnapshotInsideASnapshotIsTheSame(t *testing.T) {
	st, _ := openTemp(t)
	err := st.Snapshot(func(outer *Store) error {
		return outer.Snapshot(func(inner *Store) error {
			if inner != outer {
				t.Error("the inner snapshot is a new view, not the outer one")
			}
			_, err := inner.Roadmap()
			return err
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}

func firstSkillID(t *testing.T, st *Store) uint {
	t.Helper()
	cats, err := st.Categories()
	if err != nil || len(cats) == 0 || len(cats[0].Skills) == 0 {
		t.Fatalf("no skill to log time on: %v", err)
	}
	return cats[0].Skills[0].ID
}

// A file from an earlier version opened read-only (a backup being
// restored, read-only media) is not migrated: the reads that name their
// columns give a column added since its default, as GORM's SELECT * did.
func TestAnOlderFileReadOnlyReadsItsSettingsAndRates(t *testing.T) {
	storetest.FileOnly(t)
	for _, file := range []string{"v4-salaries.db", "v5-daily-use.db", "v6-before-sources.db", "v6-before-jobs.db"} {
		path := filepath.Join(t.TempDir(), file)
		copyFile(t, filepath.Join("testdata", file), path)
		st, err := OpenReadOnly(path)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if _, err := st.Settings(); err != nil {
			t.Errorf("%s: the settings: %v", file, err)
		}
		if c, err := st.Comparison(); err != nil || c.Base == "" {
			t.Errorf("%s: the comparison: %+v, %v", file, c, err)
		}
		if rates, err := st.Rates(); err != nil || len(rates) == 0 {
			t.Errorf("%s: the rates: %d, %v", file, len(rates), err)
		}
		if _, err := st.PPPFactors(); err != nil {
			t.Errorf("%s: the purchasing power factors: %v", file, err)
		}
		st.Close()
	}
}
