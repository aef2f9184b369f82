package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// ReadBackup reads a backup file whole into a document, changing nothing
// (see RestoreFrom).
func ReadBackup(backup string) (snapshot.Document, error) {
	if strings.HasSuffix(backup, serverBackupSuffix) {
		return readDocumentBackup(backup)
	}
	src, err := OpenReadOnly(backup)
	if err != nil {
		return snapshot.Document{}, fmt.Errorf("the backup %s cannot be used: %w", backup, err)
	}
	// A restore reads the whole backup anyway: check it whole first.
	health, err := src.Check(QuickCheck)
	if err == nil && !health.Healthy() {
		err = &DamagedError{backup, "SQLite's integrity check fails (" + strings.Join(health.Damage, "; ") + ")"}
	}
	if err != nil {
		src.Close()
		return snapshot.Document{}, fmt.Errorf("the backup %s cannot be used: %w", backup, err)
	}
	dir, err := os.MkdirTemp("", "studyplanner-restore-")
	if err != nil {
		src.Close()
		return snapshot.Document{}, fmt.Errorf("restoring: %w", explainFileError(err))
	}
	defer os.RemoveAll(dir)
	copyPath := filepath.Join(dir, "backup.db")
	err = explain(src.db.Exec("VACUUM INTO ?", copyPath).Error)
	src.Close()
	if err != nil {
		return snapshot.Document{}, fmt.Errorf("reading the backup %s: %w", backup, err)
	}
	from, err := Open(copyPath)
	if err != nil {
		return snapshot.Document{}, fmt.Errorf("the backup %s cannot be used: %w", backup, err)
	}
	defer from.Close()
	doc, err := from.Export()
	if err != nil {
		return snapshot.Document{}, fmt.Errorf("reading the backup %s: %w", backup, err)
	}
	copied, err := from.Counts()
	if err != nil {
		return snapshot.Document{}, fmt.Errorf("reading the backup %s: %w", backup, err)
	}
	read := DocumentCounts(doc)
	read.Prerequisites = copied.Prerequisites
	if read != copied {
		return snapshot.Document{}, fmt.Errorf("reading the backup %s gave %s, but it holds %s; nothing was changed", backup, read, copied)
	}
	return doc, nil
}
