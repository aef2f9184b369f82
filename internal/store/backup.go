package store

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Backups live in a folder beside the database; the newest KeepBackups are
// kept.
const (
	BackupFolder = "backups"
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
}

// BackupDir is where the automatic backups of the database at path go.
func BackupDir(path string) string { return filepath.Join(filepath.Dir(path), BackupFolder) }

// BackupTo writes a consistent copy of the database to dest with SQLite's
// VACUUM INTO, which reads inside a transaction and so is safe while
// another process writes; a plain copy of a live WAL database is not. The
// copy is made under a temporary name and renamed, so dest is never half
// written.
func (s *Store) BackupTo(dest string) error {
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return fmt.Errorf("creating the backup folder: %w", err)
	}
	tmp := dest + ".partial"
	os.Remove(tmp)
	if err := s.db.Exec("VACUUM INTO ?", tmp).Error; err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backing up to %s: %w", dest, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backing up to %s: %w", dest, err)
	}
	return nil
}

// Backups lists the automatic backups of the database at path, newest
// first.
func Backups(path string) ([]Backup, error) {
	entries, err := os.ReadDir(BackupDir(path))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("listing the backups: %w", err)
	}
	var out []Backup
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, backupPrefix) || !strings.HasSuffix(name, backupSuffix) {
			continue
		}
		stamp := strings.TrimSuffix(strings.TrimPrefix(name, backupPrefix), backupSuffix)
		t, err := time.ParseInLocation(backupLayout, stamp, time.Local)
		if err != nil {
			continue // not one of ours
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, Backup{Path: filepath.Join(BackupDir(path), name), Time: t, Size: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Time.After(out[j].Time) })
	return out, nil
}

// NewBackup makes a backup in the backup folder, named by the time, and
// keeps only the newest KeepBackups.
func (s *Store) NewBackup(now time.Time) (Backup, error) {
	dest := filepath.Join(BackupDir(s.path), backupPrefix+now.Format(backupLayout)+backupSuffix)
	if err := s.BackupTo(dest); err != nil {
		return Backup{}, err
	}
	all, err := Backups(s.path)
	if err != nil {
		return Backup{}, err
	}
	for _, old := range all[min(len(all), KeepBackups):] {
		os.Remove(old.Path)
	}
	info, err := os.Stat(dest)
	if err != nil {
		return Backup{}, err
	}
	return Backup{Path: dest, Time: now, Size: info.Size()}, nil
}

// AutoBackup makes a backup when the newest is older than BackupEvery, as
// at every start of the app. It reports whether it made one.
func (s *Store) AutoBackup(now time.Time) (bool, error) {
	all, err := Backups(s.path)
	if err != nil {
		return false, err
	}
	if len(all) > 0 && now.Sub(all[0].Time) < BackupEvery {
		return false, nil
	}
	if _, err := s.NewBackup(now); err != nil {
		return false, err
	}
	return true, nil
}

// RestoreFrom replaces all data with a backup's, in one transaction, after
// taking a backup of the current state. The backup is read from a
// temporary copy, so the backup file itself is never changed (not even
// upgraded to a newer schema), and a damaged backup is refused whole.
func (s *Store) RestoreFrom(backup string, now time.Time) error {
	data, err := os.ReadFile(backup)
	if err != nil {
		return fmt.Errorf("reading the backup: %w", err)
	}
	tmpDir, err := os.MkdirTemp("", "studyplanner-restore-")
	if err != nil {
		return fmt.Errorf("restoring: %w", err)
	}
	defer os.RemoveAll(tmpDir)
	copyPath := filepath.Join(tmpDir, "backup.db")
	if err := os.WriteFile(copyPath, data, 0o600); err != nil {
		return fmt.Errorf("restoring: %w", err)
	}
	from, err := Open(copyPath)
	if err != nil {
		return fmt.Errorf("the backup %s cannot be used: %w", backup, err)
	}
	doc, err := from.Export()
	from.Close()
	if err != nil {
		return fmt.Errorf("reading the backup %s: %w", backup, err)
	}
	if _, err := s.NewBackup(now); err != nil {
		return fmt.Errorf("backing up the current data before the restore: %w", err)
	}
	return s.Import(doc)
}

// IsSQLite reports whether the file at path begins like an SQLite database.
func IsSQLite(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	n, _ := f.Read(head)
	return n == len(head) && string(head) == string(sqliteMagic)
}
