package store

import (
	"errors"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
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
