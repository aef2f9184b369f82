package store

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/studyplanner/studyplanner/internal/atomicfile"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// The backups of a learner's data on a server are JSON documents (the
// export) in the local data folder, one folder per server database and
// learner: the server keeps its own pages, and what a learner can take
// away and import anywhere is the document.

const serverBackupSuffix = ".json"

// backupSuffixFor is the ending of the backups of the database at path.
func backupSuffixFor(path string) string {
	if IsServerURL(path) {
		return serverBackupSuffix
	}
	return backupSuffix
}

var unsafeInName = regexp.MustCompile(`[^A-Za-z0-9_.@-]+`)

// serverBackupDir is the local folder of the backups of a server location:
// DataDir/server-backups/LEARNER@HOST-PORT-DATABASE.
func serverBackupDir(loc string) string {
	name := "server"
	// The same folder however the location is written: with or without
	// its learner (the login's name by default), its password or options.
	if target, err := ParseServerURL(loc); err == nil {
		name = fmt.Sprintf("%s@%s-%d-%s", target.Learner, target.Config.Host, target.Config.Port, target.Config.Database)
	}
	name = strings.Trim(unsafeInName.ReplaceAllString(name, "-"), "-.")
	dir, err := DataDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "server-backups", name)
}

// backupDocumentTo writes the export of the data to dest, whole or not at
// all.
func (s *Store) backupDocumentTo(dest string) error {
	doc, err := s.Export()
	if err != nil {
		return fmt.Errorf("backing up to %s: %w", dest, err)
	}
	f, err := atomicfile.Create(dest, 0o600)
	if err != nil {
		return fmt.Errorf("backing up to %s: %w", dest, explainFileError(err))
	}
	if err := snapshot.Encode(f, doc); err != nil {
		f.Abort()
		return fmt.Errorf("backing up to %s: %w", dest, explainFileError(err))
	}
	if err := f.Commit(); err != nil {
		return fmt.Errorf("backing up to %s: %w", dest, explainFileError(err))
	}
	return nil
}

// readDocumentBackup reads a JSON backup.
func readDocumentBackup(backup string) (snapshot.Document, error) {
	f, err := os.Open(backup)
	if err != nil {
		return snapshot.Document{}, fmt.Errorf("the backup %s cannot be used: %w", backup, explainFileError(err))
	}
	defer f.Close()
	doc, err := snapshot.Decode(f)
	if err != nil {
		return snapshot.Document{}, fmt.Errorf("the backup %s cannot be used: %w", backup, err)
	}
	return doc, nil
}
