package store

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

// databaseWithCommitsInItsLog makes a database whose newest sessions live
// only in its -wal file, as after a crash or while another process has it
// open: a child process logs n sessions and exits without closing.
func databaseWithCommitsInItsLog(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "live.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	must(t, st.Import(sampleDocument()))
	st.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$")
	cmd.Env = append(os.Environ(), writerDBEnv+"="+path, writerTagEnv+"=wal", writerMaxEnv+"="+strconv.Itoa(n), writerKeepLogEnv+"=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("writer: %v\n%s", err, out)
	}
	if info, err := os.Stat(path + "-wal"); err != nil || info.Size() == 0 {
		t.Fatalf("the -wal file holds nothing (%v): the test would prove nothing", err)
	}
	return path
}

func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestRestoreReadsCommitsStillInTheWriteAheadLog is the class "a restore
// copies only the main file": a backup whose newest sessions are in its
// -wal must restore with all of them, and the backup must stay unchanged.
func TestRestoreReadsCommitsStillInTheWriteAheadLog(t *testing.T) {
	storetest.FileOnly(t)
	backup := databaseWithCommitsInItsLog(t, 25)
	main, wal := fileBytes(t, backup), fileBytes(t, backup+"-wal")
	st, _ := openTemp(t)
	done, err := st.RestoreFrom(backup, today)
	if err != nil {
		t.Fatal(err)
	}
	if want := len(sampleDocument().Sessions) + 25; done.Counts.Sessions != want {
		t.Errorf("restored %d sessions, want %d (25 of them only in the -wal)", done.Counts.Sessions, want)
	}
	if c, _ := st.Counts(); c.Sessions != done.Counts.Sessions {
		t.Errorf("the report says %d sessions, the data holds %d", done.Counts.Sessions, c.Sessions)
	}
	if !bytes.Equal(main, fileBytes(t, backup)) || !bytes.Equal(wal, fileBytes(t, backup+"-wal")) {
		t.Error("restoring changed the backup or its -wal")
	}
}

// TestADamagedDatabaseWithALogIsNotWrittenTo is the class "a refused
// file is checkpointed into": a damaged main file with commits in its
// -wal is refused, and neither file changes (the log is not folded into
// the main file, nor deleted).
func TestADamagedDatabaseWithALogIsNotWrittenTo(t *testing.T) {
	path := databaseWithCommitsInItsLog(t, 10)
	damaged := fileBytes(t, path)
	// Scribble over every page but the first, so that pages the log does
	// not replace are damaged too.
	for i := 4096; i < len(damaged); i += 7 {
		damaged[i] = 0xEE
	}
	must(t, os.WriteFile(path, damaged, 0o600))
	wal := fileBytes(t, path+"-wal")
	st, err := Open(path)
	if err == nil {
		st.Close()
		t.Fatal("a damaged database was opened")
	}
	var d *DamagedError
	if !errors.As(err, &d) {
		t.Fatalf("Open = %v, want a DamagedError", err)
	}
	if !bytes.Equal(damaged, fileBytes(t, path)) {
		t.Error("the damaged file was written to")
	}
	if got, err := os.ReadFile(path + "-wal"); err != nil || !bytes.Equal(got, wal) {
		t.Errorf("the -wal beside it was changed or deleted (%v)", err)
	}
}

// foreignDatabase makes another program's SQLite file with the given
// statements, in the rollback-journal mode most programs use.
func foreignDatabase(t *testing.T, statements string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(statements); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestFilesThatAreNotOursAreNeverWritten is the class "another program's
// database is taken for ours": each is refused before anything is
// written, its bytes (journal mode included) unchanged.
func TestFilesThatAreNotOursAreNeverWritten(t *testing.T) {
	ours := func(version int) string {
		return `PRAGMA application_id = ` + strconv.Itoa(ApplicationID) + `;
			CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
			CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
			INSERT INTO schema_migrations VALUES (` + strconv.Itoa(version) + `, 'from the future', '2030-01-01')`
	}
	tests := []struct {
		name, sql, want string
	}{
		{"a Rails database", `CREATE TABLE schema_migrations (version varchar NOT NULL PRIMARY KEY);
			INSERT INTO schema_migrations VALUES ('20240101000000'); CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)`, "another program's database"},
		{"a Rails database not migrated yet", `CREATE TABLE schema_migrations (version varchar NOT NULL PRIMARY KEY)`, "another program's database"},
		{"a golang-migrate database", `CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);
			INSERT INTO schema_migrations VALUES (3, 0)`, "another program's database"},
		{"a dbmate database", `CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY); CREATE TABLE posts (id INTEGER)`, "another program's database"},
		{"a contacts database", `CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('Ada', '123')`, "another program's database"},
		{"a file with another application ID", `PRAGMA application_id = 1179208773; CREATE TABLE t (x)`, "another program's database"},
		{"ours, from a newer version", ours(SchemaVersion() + 1), "newer version of Study Planner"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := foreignDatabase(t, tt.sql)
			before := fileBytes(t, path)
			st, err := Open(path)
			if err == nil {
				st.Close()
				t.Fatal("Open accepted it")
			}
			if !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "SQL") {
				t.Errorf("Open = %q, want it to say %q in words", err, tt.want)
			}
			if !bytes.Equal(before, fileBytes(t, path)) {
				t.Error("the file was written to (its journal mode or tables changed)")
			}
			for _, side := range []string{"-wal", "-journal"} {
				if _, err := os.Stat(path + side); err == nil {
					t.Errorf("%s appeared beside it", side)
				}
			}
		})
	}
}

func TestAnEmptySQLiteFileBecomesOurs(t *testing.T) {
	path := foreignDatabase(t, "PRAGMA user_version = 0")
	st, err := Open(path)
	if err != nil {
		t.Fatalf("an SQLite file without tables was refused: %v", err)
	}
	defer st.Close()
	var id int64
	st.db.Raw("PRAGMA application_id").Scan(&id)
	if id != ApplicationID {
		t.Errorf("application_id = %#x, want %#x", id, ApplicationID)
	}
}

func TestOurOlderDatabasesGetTheApplicationID(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v3.db")
	must(t, os.WriteFile(path, fileBytes(t, "testdata/v3-timeline.db"), 0o600))
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if !hasApplicationID(st.db) {
		t.Error("a database migrated from schema 3 is not marked with the application ID")
	}
}

// TestBadPathsAreRefused is the class "a mistyped path silently becomes
// a new database, or hangs".
func TestBadPathsAreRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.db")
	if runtime.GOOS != "windows" {
		must(t, syscall.Mkfifo(fifo, 0o600))
	}
	tests := []struct{ name, path, want string }{
		{"an empty path", "", "no database file was named"},
		{"a missing folder", filepath.Join(dir, "typo", "study.db"), "does not exist"},
		{"a folder", dir, "it is a folder"},
		{"a named pipe", fifo, "not a regular file"},
	}
	for _, tt := range tests {
		if tt.path == fifo && runtime.GOOS == "windows" {
			continue
		}
		done := make(chan error, 1)
		go func() {
			st, err := Open(tt.path)
			if err == nil {
				st.Close()
			}
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%s: Open = %v, want %q", tt.name, err, tt.want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: Open hangs", tt.name)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "typo")); err == nil {
		t.Error("the mistyped folder was created")
	}
}

// readOnlyFolder gives a folder that cannot be written, holding the files
// of src: a read-only bind mount when running as root (who may write
// whatever the permissions say), or plain permissions otherwise.
func readOnlyFolder(t *testing.T, src string) string {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("read-only folders are made with Linux bind mounts")
	}
	if os.Geteuid() != 0 {
		must(t, os.Chmod(src, 0o555))
		t.Cleanup(func() { os.Chmod(src, 0o755) })
		return src
	}
	mnt := t.TempDir()
	if err := syscall.Mount(src, mnt, "", syscall.MS_BIND, ""); err != nil {
		t.Skipf("cannot bind-mount a folder here (%v)", err)
	}
	t.Cleanup(func() { syscall.Unmount(mnt, 0) })
	if err := syscall.Mount(src, mnt, "", syscall.MS_BIND|syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Skipf("cannot make a bind mount read-only here (%v)", err)
	}
	return mnt
}

// TestReadOnlyMediaCanBeReadExportedAndBackedUpElsewhere is the class "a
// read-only disk is refused outright": reading works, writing is refused
// in words.
func TestReadOnlyMediaCanBeReadExportedAndBackedUpElsewhere(t *testing.T) {
	src := t.TempDir()
	st, err := Open(filepath.Join(src, "studyplanner.db"))
	if err != nil {
		t.Fatal(err)
	}
	must(t, st.Import(sampleDocument()))
	want := mustExport(t, st)
	st.Close()
	dir := readOnlyFolder(t, src)
	path := filepath.Join(dir, "studyplanner.db")

	ro, err := Open(path)
	if err != nil {
		t.Fatalf("a database on a read-only disk does not open: %v", err)
	}
	defer ro.Close()
	if !ro.ReadOnly() {
		t.Error("it is not reported read-only")
	}
	if got, err := ro.Export(); err != nil || got.Roadmap[0].Title != want.Roadmap[0].Title || len(got.Sessions) != len(want.Sessions) {
		t.Errorf("export from a read-only disk: %v", err)
	}
	copyPath := filepath.Join(t.TempDir(), "rescued.db")
	if err := ro.BackupTo(copyPath); err != nil || !IsSQLite(copyPath) {
		t.Errorf("backup to a writable folder: %v", err)
	}
	_, err = ro.LogSession(plan.Session{Date: today, Minutes: 20})
	if !errors.Is(err, ErrReadOnly) || strings.Contains(err.Error(), "SQL") {
		t.Errorf("a write = %v, want ErrReadOnly in words", err)
	}
	if _, err := ro.NewBackup(today); err == nil || strings.Contains(err.Error(), "out of memory") {
		t.Errorf("a backup into the read-only folder = %v, want a refusal in words", err)
	}
	_, err = Open(filepath.Join(dir, "new.db"))
	if err == nil || !strings.Contains(err.Error(), "read-only") || strings.Contains(err.Error(), "out of memory") {
		t.Errorf("a new database in a read-only folder = %v, want it to say the folder is read-only", err)
	}
}

func TestBackupsDatedInTheFutureDoNotStopDailyBackups(t *testing.T) {
	storetest.FileOnly(t)
	st := imported(t)
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	wrongClock := now.AddDate(1, 0, 0)
	if _, err := st.NewBackup(wrongClock); err != nil {
		t.Fatal(err)
	}
	made, err := st.AutoBackup(now)
	if err != nil || !made {
		t.Fatalf("with a backup dated next year, AutoBackup made %v (%v); want a backup today", made, err)
	}
	for day := 1; day <= 10; day++ {
		if _, err := st.AutoBackup(now.AddDate(0, 0, day)); err != nil {
			t.Fatal(err)
		}
	}
	all, _ := Backups(st.Path(), now.AddDate(0, 0, 10))
	future := 0
	for _, b := range all {
		if b.Future {
			future++
		}
	}
	if future != 1 || len(all) != KeepBackups+1 {
		t.Errorf("%d backups, %d dated in the future; want the future one kept beside the newest %d", len(all), future, KeepBackups)
	}
}

func TestAnAbandonedPartialBackupIsRemovedAtTheNextBackup(t *testing.T) {
	storetest.FileOnly(t)
	st := imported(t)
	dir := BackupDir(st.Path())
	must(t, os.MkdirAll(dir, 0o700))
	stale := filepath.Join(dir, ".studyplanner-20261124-090000.db.123456.partial")
	must(t, os.WriteFile(stale, make([]byte, 1<<20), 0o600))
	if _, err := st.NewBackup(today); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the partial file a killed backup left is still there")
	}
}

func TestTwoDatabasesInOneFolderKeepTheirOwnBackups(t *testing.T) {
	dir := t.TempDir()
	a, err := Open(filepath.Join(dir, "work.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(filepath.Join(dir, "home.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for day := 0; day < KeepBackups+2; day++ {
		if _, err := a.NewBackup(today.AddDate(0, 0, day)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.NewBackup(today); err != nil {
		t.Fatal(err)
	}
	listA, _ := Backups(a.Path(), today.AddDate(0, 0, 10))
	listB, _ := Backups(b.Path(), today.AddDate(0, 0, 10))
	if len(listA) != KeepBackups || len(listB) != 1 || BackupDir(a.Path()) == BackupDir(b.Path()) {
		t.Errorf("work.db has %d backups and home.db %d, in %s and %s", len(listA), len(listB), BackupDir(a.Path()), BackupDir(b.Path()))
	}
}
