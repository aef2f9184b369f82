package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// FileName is the database's name inside the data directory.
const FileName = "studyplanner.db"

// EnvVar names the environment variable that overrides the database path.
const EnvVar = "STUDYPLANNER_DB"

// Location is the database file to use, and whether it is the default one
// in the user's data folder (the only place whose folder is created when
// missing: a mistyped --db path is reported, not created).
type Location struct {
	Path    string
	Default bool
}

// ResolvePath picks the database file: the --db flag first (given tells
// whether it was on the command line at all), then $STUDYPLANNER_DB, then
// the default in the user's data folder. An empty --db or an empty
// variable that is set is an error, never a quiet fall back to the
// learner's real data.
func ResolvePath(flagValue string, given bool) (Location, error) {
	if given {
		if strings.TrimSpace(flagValue) == "" {
			return Location{}, errors.New("--db was given an empty path; name the database file, such as --db ~/study.db")
		}
		return Location{Path: flagValue}, nil
	}
	if env, set := os.LookupEnv(EnvVar); set {
		if strings.TrimSpace(env) == "" {
			return Location{}, fmt.Errorf("$%s is set but empty; name the database file in it, or unset it to use %s", EnvVar, defaultPathOrHint())
		}
		return Location{Path: env}, nil
	}
	dir, err := DataDir()
	if err != nil {
		return Location{}, err
	}
	return Location{Path: filepath.Join(dir, FileName), Default: true}, nil
}

func defaultPathOrHint() string {
	if dir, err := DataDir(); err == nil {
		return filepath.Join(dir, FileName)
	}
	return "the default location"
}

// Prepare makes the default location's folder when it is missing; for any
// other location the folder must exist already.
func (l Location) Prepare() error {
	if !l.Default {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(l.Path), 0o700); err != nil {
		return fmt.Errorf("creating the data folder %s: %w", filepath.Dir(l.Path), explainFileError(err))
	}
	return nil
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
