package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/studyplanner/studyplanner/internal/atomicfile"
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
	if moved, err := Remembered(); err != nil || moved != "" {
		return Location{Path: moved}, err
	}
	return Location{Path: filepath.Join(dir, FileName), Default: true}, nil
}

// LocationFile, in the data folder, names where this computer's data went
// when "studyplanner move" moved it: a file path or a server URL, never a
// password. Without it the data is in the default file.
const LocationFile = "location"

// Remembered is the location "studyplanner move" moved this computer's
// data to, or "" when it was never moved.
func Remembered() (string, error) {
	dir, err := DataDir()
	if err != nil {
		return "", nil
	}
	data, err := os.ReadFile(filepath.Join(dir, LocationFile))
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("reading where your data is (%s): %w", filepath.Join(dir, LocationFile), explainFileError(err))
	}
	return strings.TrimSpace(string(data)), nil
}

// Remember points this computer at loc (see LocationFile); the default
// file forgets the pointer. A server URL is kept without its password.
func Remember(loc string) error {
	dir, err := DataDir()
	if err != nil {
		return err
	}
	file := filepath.Join(dir, LocationFile)
	if IsServerURL(loc) {
		target, err := ParseServerURL(loc)
		if err != nil {
			return err
		}
		loc = target.Shown
	} else if abs, err := filepath.Abs(loc); err == nil {
		loc = abs
	}
	if loc == filepath.Join(dir, FileName) {
		if err := os.Remove(file); err != nil && !errors.Is(err, os.ErrNotExist) {
			return explainFileError(err)
		}
		return nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("creating the data folder %s: %w", dir, explainFileError(err))
	}
	f, err := atomicfile.Create(file, 0o600)
	if err != nil {
		return explainFileError(err)
	}
	if _, err := f.Write([]byte(loc + "\n")); err != nil {
		f.Abort()
		return explainFileError(err)
	}
	return explainFileError(f.Commit())
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
