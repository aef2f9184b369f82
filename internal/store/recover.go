package store

import (
	"fmt"
	"os"
	"time"
)

// MoveAside renames a damaged database, and the journal files beside it,
// out of the way under a new name, keeping every byte for a later rescue.
// It returns the new name.
func MoveAside(path string, now time.Time) (string, error) {
	aside := fmt.Sprintf("%s.damaged-%s", path, now.Format(backupLayout))
	if err := os.Rename(path, aside); err != nil {
		return "", fmt.Errorf("moving the damaged file aside: %w", err)
	}
	for _, side := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + side); err == nil {
			os.Rename(path+side, aside+side)
		}
	}
	return aside, nil
}
