package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/internal/atomicfile"
)

// Backups live in a folder of their own beside the database; the newest
// KeepBackups are kept.
const (
	KeepBackups  = 7
	BackupEvery  = 24 * time.Hour
	backupPrefix = "studyplanner-"
	backupLayout = "20060102-150405"
	backupSuffix = ".db"
)

// Backup is one backup file.
type Backup struct {
	Path string
	Time time.Time
	Size int64
	// Future says the backup is dated after now: the clock was wrong when
	// it was made. Such a backup does not count as recent and is never
	// pruned, so it neither stops the daily backups nor gets lost.
	Future bool
}

// BackupDir is where the automatic backups of the database at path go:
// "backups" beside it for the default studyplanner.db, and
// "NAME-backups" for any other file, so that two databases in one folder
// never share (and prune) each other's backups.
func BackupDir(path string) string {
	if IsServerURL(path) {
		return serverBackupDir(path)
	}
	name := filepath.Base(path)
	if name == FileName {
		return filepath.Join(filepath.Dir(path), "backups")
	}
	return filepath.Join(filepath.Dir(path), strings.TrimSuffix(name, filepath.Ext(name))+"-backups")
}

// BackupTo writes a consistent copy of the database to dest with SQLite's
// VACUUM INTO, which reads inside a transaction and so is safe while
// another process writes; a plain copy of a live WAL database is not. The
// copy is made under a locked temporary name and renamed, so dest is never
// half written; a device such as /dev/stdout is written directly.
func (s *Store) BackupTo(dest string) error {
	if s.server {
		return s.backupDocumentTo(dest)
	}
	f, err := atomicfile.Create(dest, 0o600)
	if err != nil {
		return fmt.Errorf("backing up to %s: %w", dest, explainFileError(err))
	}
	if err := s.vacuumInto(f); err != nil {
		f.Abort()
		return fmt.Errorf("backing up to %s: %w", dest, err)
	}
	if err := f.Commit(); err != nil {
		return fmt.Errorf("backing up to %s: %w", dest, explainFileError(err))
	}
	return nil
}

// vacuumInto fills f with a copy of the database. SQLite writes the copy
// itself, into the empty temporary file; a device gets it through a
// temporary file in the system's temporary folder.
func (s *Store) vacuumInto(f *atomicfile.File) error {
	if f.TempName() != f.Path {
		return explain(s.db.Exec("VACUUM INTO ?", f.TempName()).Error)
	}
	dir, err := os.MkdirTemp("", "studyplanner-backup-")
	if err != nil {
		return explainFileError(err)
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, "copy.db")
	if err := s.db.Exec("VACUUM INTO ?", tmp).Error; err != nil {
		return explain(err)
	}
	src, err := os.Open(tmp)
	if err != nil {
		return explainFileError(err)
	}
	defer src.Close()
	if _, err := io.Copy(f, src); err != nil {
		return explainFileError(err)
	}
	return nil
}

// Backups lists the automatic backups of the database at path, newest
// first (those dated in the future first of all).
func Backups(path string, now time.Time) ([]Backup, error) {
	entries, err := os.ReadDir(BackupDir(path))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("listing the backups: %w", explainFileError(err))
	}
	var out []Backup
	suffix := backupSuffixFor(path)
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, backupPrefix) || !strings.HasSuffix(name, suffix) {
			continue
		}
		stamp := strings.TrimSuffix(strings.TrimPrefix(name, backupPrefix), suffix)
		t, err := time.ParseInLocation(backupLayout, stamp, time.Local)
		if err != nil {
			continue // not one of ours
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, Backup{Path: filepath.Join(BackupDir(path), name), Time: t, Size: info.Size(), Future: t.After(now.Add(time.Minute))})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Time.After(out[j].Time) })
	return out, nil
}

// NewBackup makes a backup in the backup folder, named by the time, and
// keeps only the newest KeepBackups of those not dated in the future. It
// first removes what backups killed half-way left behind.
func (s *Store) NewBackup(now time.Time) (Backup, error) {
	dir := BackupDir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Backup{}, fmt.Errorf("creating the backup folder %s: %w", dir, explainFileError(err))
	}
	atomicfile.CleanStale(dir)
	dest := filepath.Join(dir, backupPrefix+now.Format(backupLayout)+backupSuffixFor(s.path))
	if err := s.BackupTo(dest); err != nil {
		return Backup{}, err
	}
	all, err := Backups(s.path, now)
	if err != nil {
		return Backup{}, err
	}
	kept := 0
	for _, b := range all {
		if b.Future || b.Path == dest {
			continue
		}
		if kept++; kept >= KeepBackups {
			os.Remove(b.Path)
		}
	}
	info, err := os.Stat(dest)
	if err != nil {
		return Backup{}, explainFileError(err)
	}
	return Backup{Path: dest, Time: now, Size: info.Size()}, nil
}

// BackupDue reports whether the automatic backup of the database at path
// is due: the newest backup not dated in the future is older than
// BackupEvery, or there is none. It lists the backup folder and reads
// nothing else.
func BackupDue(path string, now time.Time) (bool, error) {
	all, err := Backups(path, now)
	if err != nil {
		return false, err
	}
	for _, b := range all {
		if b.Future {
			continue
		}
		return now.Sub(b.Time) >= BackupEvery, nil
	}
	return true, nil
}

// AutoBackup makes a backup when one is due (BackupDue). It reports
// whether it made one.
func (s *Store) AutoBackup(now time.Time) (bool, error) {
	due, err := BackupDue(s.path, now)
	if err != nil || !due {
		return false, err
	}
	if _, err := s.NewBackup(now); err != nil {
		return false, err
	}
	return true, nil
}

// CleanStaleFiles removes the temporary files that backups and exports
// killed half-way left beside the database and in its backup folder.
func CleanStaleFiles(path string) []string {
	return append(atomicfile.CleanStale(filepath.Dir(path)), atomicfile.CleanStale(BackupDir(path))...)
}

// Restored says what a restore did.
type Restored struct {
	Counts Counts // what the data now holds
	Safety Backup // the backup of the data it replaced
}

// RestoreFrom replaces all data with a backup's, in one transaction, after
// taking a backup of the current state. The backup is read through SQLite
// on a read-only connection, commits still in its write-ahead log
// included, and copied with VACUUM INTO; the copy, never the backup, is
// brought up to this version's schema. Rows are counted at each step (the
// copy, the document read from it, what was stored), and any difference
// fails the restore whole.
func (s *Store) RestoreFrom(backup string, now time.Time) (Restored, error) {
	doc, err := ReadBackup(backup)
	if err != nil {
		return Restored{}, err
	}
	safety, err := s.NewBackup(now)
	if err != nil {
		return Restored{}, fmt.Errorf("backing up the current data before the restore: %w", err)
	}
	if err := s.Import(doc); err != nil {
		return Restored{}, err
	}
	counts, err := s.Counts()
	if err != nil {
		return Restored{}, err
	}
	return Restored{Counts: counts, Safety: safety}, nil
}
