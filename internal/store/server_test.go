package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/dataset"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

func TestServerLocationsNameTheLearnerAndKeepNoPassword(t *testing.T) {
	target, err := ParseServerURL("postgres://ana:s3cret@db.example:5432/study?sslmode=disable")
	must(t, err)
	if target.Learner != "ana" {
		t.Errorf("learner = %q, want the login role's name", target.Learner)
	}
	if strings.Contains(target.Shown, "s3cret") || !strings.Contains(target.Shown, "learner=ana") {
		t.Errorf("shown as %q: the password must go and the learner be named", target.Shown)
	}
	if target.Config.Password != "s3cret" || target.Config.RuntimeParams["search_path"] != "ana" {
		t.Errorf("connection settings: password %q, search_path %q", target.Config.Password, target.Config.RuntimeParams["search_path"])
	}
	target, err = ParseServerURL("postgresql://mentor@db.example/study?learner=ben&password=hidden")
	must(t, err)
	if target.Learner != "ben" || strings.Contains(target.Shown, "hidden") {
		t.Errorf("learner %q, shown %q", target.Learner, target.Shown)
	}
	for _, bad := range []string{"postgres://ana@h/db?learner=Ana", "postgres://ana@h/db?learner=a-b", "postgres://ana@h/db?learner=" + strings.Repeat("a", 64),
		"postgres://ana@h/db?learner=pg_catalog;drop", "postgres://ana@h/db?learner=pg_catalog%3Bdrop", "postgres://ana@h/db?learner=pg_toast"} {
		if _, err := ParseServerURL(bad); err == nil || !strings.Contains(err.Error(), "cannot name a learner") && !strings.Contains(err.Error(), "cannot be read") {
			t.Errorf("%s: %v, want the learner name refused", bad, err)
		}
	}
	if _, err := ParseServerURL("postgres://ana:pw@h:notaport/db"); err == nil || strings.Contains(err.Error(), "pw") {
		t.Errorf("a bad port: %v (and never the password)", err)
	}
	for loc, want := range map[string]bool{"postgres://h/db": true, "POSTGRESQL://h/db": true, "/home/ana/study.db": false, "postgres.db": false} {
		if IsServerURL(loc) != want {
			t.Errorf("IsServerURL(%q) = %v", loc, !want)
		}
	}
}

func TestAServerThatCannotBeReachedIsSaidInWords(t *testing.T) {
	dir := t.TempDir()
	_, err := Open("postgres://ana:pw@/study?host=" + dir + "&connect_timeout=2")
	if err == nil || !errors.Is(err, ErrServerUnreachable) || !strings.Contains(err.Error(), "cannot reach the database server") {
		t.Fatalf("no server: %v", err)
	}
	if strings.Contains(err.Error(), "pw") || strings.Contains(err.Error(), "dial") {
		t.Errorf("the message carries a password or program words: %v", err)
	}
}

// TestBothEnginesWordTheirRefusalsAlike: the same mistake reads the same
// on a file and on a server.
func TestBothEnginesWordTheirRefusalsAlike(t *testing.T) {
	server := storetest.Server(t)
	messages := map[string][]string{}
	for _, loc := range []string{filepath.Join(t.TempDir(), "s.db"), server} {
		st, err := Open(loc)
		must(t, err)
		defer st.Close()
		_, err = st.AddStep("Learn Go")
		must(t, err)
		_, err = st.AddStep("Learn Go")
		if !errors.Is(err, ErrDuplicate) {
			t.Errorf("%s: a second step of one name: %v", st.Engine(), err)
		}
		messages["duplicate"] = append(messages["duplicate"], err.Error())
		missing := uint(9999)
		_, err = st.LogSession(plan.Session{Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Minutes: 30, SkillID: missing})
		messages["foreign key"] = append(messages["foreign key"], err.Error())
		err = st.db.Exec("INSERT INTO steps (position, title, hours) VALUES (9, 'negative', -1)").Error
		messages["check"] = append(messages["check"], Explain(err).Error())
	}
	for what, pair := range messages {
		if pair[0] != pair[1] {
			t.Errorf("%s worded differently:\n file   %s\n server %s", what, pair[0], pair[1])
		}
		if strings.Contains(pair[1], "SQLSTATE") || strings.Contains(pair[1], "pgconn") {
			t.Errorf("%s: program words reach a person: %s", what, pair[1])
		}
	}
}

// TestServerBackupsAreDocumentsInTheLocalDataFolder: what the daily
// backup and a backup before an import make of a server's data.
func TestServerBackupsAreDocumentsInTheLocalDataFolder(t *testing.T) {
	server := storetest.Server(t)
	st, err := Open(server)
	must(t, err)
	defer st.Close()
	must(t, st.Import(sampleDocument()))
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	made, err := st.AutoBackup(now)
	if err != nil || !made {
		t.Fatalf("first backup: %v, %v", made, err)
	}
	data, _ := DataDir()
	all, err := Backups(st.Path(), now)
	must(t, err)
	if len(all) != 1 || !strings.HasPrefix(all[0].Path, filepath.Join(data, "server-backups")) || !strings.HasSuffix(all[0].Path, ".json") {
		t.Fatalf("backups: %+v", all)
	}
	if made, _ := st.AutoBackup(now.Add(time.Hour)); made {
		t.Error("a second backup the same day")
	}
	before := encoded(t, st)
	must(t, st.Import(snapshot.Empty()))
	restored, err := st.RestoreFrom(all[0].Path, now.Add(2*time.Hour))
	must(t, err)
	if !bytes.Equal(encoded(t, st), before) {
		t.Error("restoring the backup did not give the data back")
	}
	if _, err := os.Stat(restored.Safety.Path); err != nil || !strings.HasSuffix(restored.Safety.Path, ".json") {
		t.Errorf("the data the restore replaced was not backed up: %+v, %v", restored.Safety, err)
	}
}

// TestTheServerReadsTheStudyDaysFromTheIndex: on PostgreSQL too, the
// study days of a year (the heatmap, the streak, the cohort's hours) are
// found through the index by date and minutes, never by reading every
// session. (PostgreSQL chooses a bitmap scan of it at this size, reading
// the year's rows; SQLite reads the index alone.)
func TestTheServerReadsTheStudyDaysFromTheIndex(t *testing.T) {
	if testing.Short() {
		t.Skip("imports five years of sessions: not in -short")
	}
	st, err := Open(storetest.Server(t))
	must(t, err)
	defer st.Close()
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	must(t, st.Import(dataset.Large(1, today)))
	// As the server's autovacuum leaves a table after a large import: its
	// statistics gathered and its pages marked all-visible.
	must(t, st.db.Exec("VACUUM ANALYZE sessions").Error)
	var lines []string
	must(t, st.db.Raw(`EXPLAIN SELECT date, SUM(minutes) AS minutes FROM sessions WHERE date >= ? AND date < ? GROUP BY date`,
		"2025-11-19", "2026-11-26").Scan(&lines).Error)
	plan := strings.Join(lines, "\n")
	if !strings.Contains(plan, "sessions_by_date_minutes") || strings.Contains(plan, "Seq Scan") {
		t.Errorf("the year's study days are not found through the index by date:\n%s", plan)
	}
}

func TestAServersBackupsHaveOneFolderHoweverItIsWritten(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dir := BackupDir("postgres://ana@db.example/study")
	for _, same := range []string{"postgres://ana:pw@db.example:5432/study?learner=ana", "postgresql://ana@db.example/study?sslmode=require"} {
		if got := BackupDir(same); got != dir {
			t.Errorf("%s: %s, want %s", same, got, dir)
		}
	}
	for _, other := range []string{"postgres://ana@db.example/study?learner=ben", "postgres://ana@db.example/other", "postgres://ana@db2.example/study"} {
		if BackupDir(other) == dir {
			t.Errorf("%s shares %s", other, dir)
		}
	}
	if strings.Contains(dir, "pw") || !strings.Contains(dir, "server-backups") {
		t.Errorf("folder %s", dir)
	}
}
