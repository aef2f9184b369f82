package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// FileName is the database's name inside the data directory.
const FileName = "studyplanner.db"

// EnvVar names the environment variable that overrides the database path.
const EnvVar = "STUDYPLANNER_DB"

// ResolvePath picks the database file: the --db flag first, then
// $STUDYPLANNER_DB, then the default in the user's data directory.
func ResolvePath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if env := os.Getenv(EnvVar); env != "" {
		return env, nil
	}
	dir, err := DataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, FileName), nil
}

// DataDir is where the app keeps its data by default:
// $XDG_DATA_HOME/studyplanner or ~/.local/share/studyplanner on Linux and
// the BSDs, the platform's application-data folder elsewhere.
func DataDir() (string, error) {
	switch runtime.GOOS {
	case "windows", "darwin", "ios", "android":
		base, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("finding the application data folder: %w", err)
		}
		return filepath.Join(base, "StudyPlanner"), nil
	}
	if xdg := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(xdg) {
		return filepath.Join(xdg, "studyplanner"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return "", errors.New("cannot tell where to keep the data: $HOME is not set; pass --db PATH or set " + EnvVar)
	}
	return filepath.Join(home, ".local", "share", "studyplanner"), nil
}
