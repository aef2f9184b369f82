package store

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

func TestBackupAndRestoreGiveTheSameData(t *testing.T) {
	storetest.FileOnly(t)
	st := imported(t)
	before := mustExport(t, st)
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	b, err := st.NewBackup(now)
	if err != nil {
		t.Fatal(err)
	}
	if !IsSQLite(b.Path) || filepath.Dir(b.Path) != BackupDir(st.Path()) {
		t.Fatalf("backup at %s is not a database in the backup folder", b.Path)
	}
	// Change everything, then restore.
	if _, err := st.LogSession(plan.Session{Date: now, Minutes: 30}); err != nil {
		t.Fatal(err)
	}
	steps, _ := st.Roadmap()
	st.DeleteStep(steps[0].ID)
	if _, err := st.RestoreFrom(b.Path, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	after := mustExport(t, st)
	if !reflect.DeepEqual(before, after) {
		t.Error("the restored data differs from the backup")
	}
	all, _ := Backups(st.Path(), now.Add(time.Hour))
	if len(all) != 2 {
		t.Errorf("%d backups, want the original and the one taken before restoring", len(all))
	}
}

func TestAutomaticBackupsOncePerDayKeepingSeven(t *testing.T) {
	storetest.FileOnly(t)
	st := imported(t)
	start := time.Date(2026, 11, 1, 8, 0, 0, 0, time.Local)
	made, err := st.AutoBackup(start)
	if err != nil || !made {
		t.Fatalf("first start: made %v, %v", made, err)
	}
	if made, _ := st.AutoBackup(start.Add(5 * time.Hour)); made {
		t.Error("a second backup the same day")
	}
	for day := 1; day <= 10; day++ {
		if made, err := st.AutoBackup(start.AddDate(0, 0, day)); err != nil || !made {
			t.Fatalf("day %d: made %v, %v", day, made, err)
		}
	}
	all, _ := Backups(st.Path(), start.AddDate(0, 0, 10))
	if len(all) != KeepBackups {
		t.Fatalf("%d backups kept, want %d", len(all), KeepBackups)
	}
	if !all[0].Time.Equal(start.AddDate(0, 0, 10)) || !all[6].Time.Equal(start.AddDate(0, 0, 4)) {
		t.Errorf("kept %s … %s, want the newest seven", all[6].Time, all[0].Time)
	}
}

func TestADamagedBackupIsRefusedWhole(t *testing.T) {
	st := imported(t)
	before := mustExport(t, st)
	bad := filepath.Join(t.TempDir(), "bad.db")
	os.WriteFile(bad, []byte("SQLite format 3\x00 but nothing more"), 0o600)
	if _, err := st.RestoreFrom(bad, time.Now()); err == nil {
		t.Fatal("a damaged backup was restored")
	}
	if after := mustExport(t, st); !reflect.DeepEqual(before, after) {
		t.Error("a refused restore changed the data")
	}
	if got, _ := os.ReadFile(bad); string(got) != "SQLite format 3\x00 but nothing more" {
		t.Error("the backup file was changed")
	}
}
