package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/dataset"
	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

// withDamageInTheMiddle opens a database whose middle page was scribbled
// over after it was closed cleanly: it opens, and only a check finds it.
func withDamageInTheMiddle(t *testing.T) *store.Store {
	t.Helper()
	storetest.FileOnly(t)
	path := filepath.Join(t.TempDir(), "studyplanner.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Import(dataset.Large(1, fixedNow())); err != nil {
		t.Fatal(err)
	}
	st.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	middle := len(data) / page / 2 * page
	for i := middle; i < middle+page; i++ {
		data[i] = 0xEE
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err = store.Open(path)
	if err != nil {
		t.Fatalf("the damaged file does not open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestDailyBackupOncePerDayAndNeverOfADamagedFile(t *testing.T) {
	storetest.FileOnly(t)
	st, err := Open(store.Location{Path: storetest.Location(t, "studyplanner.db")}, BuiltIn, fixedNow(), "en_GB")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	made, err := DailyBackup(st, fixedNow())
	if err != nil || made.Path == "" || made.Size == 0 {
		t.Fatalf("the first backup of the day: %+v, %v", made, err)
	}
	if again, err := DailyBackup(st, fixedNow().Add(time.Hour)); err != nil || again.Path != "" {
		t.Errorf("an hour later: %+v, %v; want none", again, err)
	}
	if next, err := DailyBackup(st, fixedNow().Add(25*time.Hour)); err != nil || next.Path == "" {
		t.Errorf("the next day: %+v, %v; want one", next, err)
	}

	damaged := withDamageInTheMiddle(t)
	b, err := DailyBackup(damaged, fixedNow())
	var found *store.DamageFoundError
	if !errors.As(err, &found) || b.Path != "" || !strings.HasPrefix(err.Error(), "the daily backup was not made") {
		t.Errorf("a damaged file's daily backup: %+v, %v; want none and the damage in words", b, err)
	}
	if all, _ := store.Backups(damaged.Path(), fixedNow()); len(all) != 0 {
		t.Errorf("%d backups of the damaged file", len(all))
	}
}

func TestCheckDataSaysWhatItFound(t *testing.T) {
	st, err := Open(store.Location{Path: storetest.Location(t, "studyplanner.db")}, BuiltIn, fixedNow(), "en_GB")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := CheckData(st)
	if err != nil || !c.Healthy() || c.TotalsRebuilt || c.Bytes == 0 {
		t.Errorf("a new database: %+v, %v", c, err)
	}
	c, err = CheckData(withDamageInTheMiddle(t))
	var found *store.DamageFoundError
	if !errors.As(err, &found) || c.Healthy() || !strings.Contains(err.Error(), "is damaged") {
		t.Errorf("a damaged database: %+v, %v", c, err)
	}
}

// totalsOff is a database whose running totals disagree with its
// sessions.
type totalsOff struct {
	readOnly bool
	rebuilt  int
}

func (f *totalsOff) Check(store.CheckLevel) (store.Health, error) {
	return store.Health{Path: "x.db", Bytes: 4096, TotalsOff: f.rebuilt == 0}, nil
}
func (f *totalsOff) ReadOnly() bool       { return f.readOnly }
func (f *totalsOff) RebuildTotals() error { f.rebuilt++; return nil }

func TestCheckDataWorksTheTotalsOutAgainWhereItCan(t *testing.T) {
	st := &totalsOff{}
	c, err := CheckData(st)
	if err != nil || !c.Healthy() || !c.TotalsRebuilt || st.rebuilt != 1 {
		t.Errorf("writable: %+v, %v, rebuilt %d times", c, err, st.rebuilt)
	}
	ro := &totalsOff{readOnly: true}
	if c, err := CheckData(ro); !errors.Is(err, ErrTotalsOutOfStep) || c.TotalsRebuilt || ro.rebuilt != 0 {
		t.Errorf("read-only: %+v, %v", c, err)
	}
}
