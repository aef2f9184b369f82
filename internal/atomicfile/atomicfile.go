// Package atomicfile writes files so that a reader never sees half of one:
// the data goes to a temporary file beside the target, locked while it is
// written, and is renamed over the target only when complete. A process
// killed meanwhile leaves only its temporary file, which CleanStale
// removes later, once no live process holds its lock.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// suffix ends every temporary file of ours, after ".NAME.RANDOM".
const suffix = ".partial"

// File is a file being written to Path.
type File struct {
	*os.File
	Path   string
	direct bool // writing straight to a device or pipe (/dev/stdout)
	mode   fs.FileMode
	done   bool
}

// Create starts writing path. A regular file (new or existing) is written
// through a locked temporary file; anything else that already exists at
// path (a terminal, /dev/null, a pipe) is written directly, since renaming
// over a device would replace it with a plain file. An existing file keeps
// its permissions; a new one gets perm.
func Create(path string, perm fs.FileMode) (*File, error) {
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return nil, fmt.Errorf("%s is a folder; name a file to write", path)
	case err == nil && !info.Mode().IsRegular():
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, err
		}
		return &File{File: f, Path: path, direct: true}, nil
	case err == nil:
		perm = info.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*"+suffix)
	if err != nil {
		// The temporary file's name means nothing to the person who named
		// path: report the file they asked for.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &fs.PathError{Op: "create", Path: path, Err: err}
	}
	if !tryLock(tmp) {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, fmt.Errorf("cannot lock the temporary file %s", tmp.Name())
	}
	return &File{File: tmp, Path: path, mode: perm}, nil
}

// TempName is the temporary file's name (the target itself when writing
// directly).
func (f *File) TempName() string { return f.File.Name() }

// Commit makes the written data durable and puts it at Path.
func (f *File) Commit() error {
	if f.done {
		return errors.New("the file was already committed or aborted")
	}
	f.done = true
	if f.direct {
		return f.File.Close()
	}
	defer os.Remove(f.File.Name()) // a no-op once renamed
	if err := f.File.Chmod(f.mode); err != nil {
		f.File.Close()
		return err
	}
	if err := f.File.Sync(); err != nil {
		f.File.Close()
		return err
	}
	if err := os.Rename(f.File.Name(), f.Path); err != nil {
		f.File.Close()
		return err
	}
	syncDir(filepath.Dir(f.Path))
	return f.File.Close() // releases the lock after the rename
}

// Abort drops what was written; Path is left as it was. It is safe to
// call after Commit.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.File.Close()
	if !f.direct {
		os.Remove(f.File.Name())
	}
}

// syncDir makes a rename in dir durable; where that is not possible
// (Windows) the rename is still atomic, only not yet on disk.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// WriteFile writes data to path atomically (see Create).
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	f, err := Create(path, perm)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}

// CleanStale removes the temporary files in dir that writers killed before
// they finished left behind: ours by name, and unlocked, so one another
// process is still writing stays. It returns what it removed.
func CleanStale(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, ".") || !strings.HasSuffix(name, suffix) {
			continue
		}
		path := filepath.Join(dir, name)
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			continue
		}
		if tryLock(f) && os.Remove(path) == nil {
			removed = append(removed, path)
		}
		f.Close()
	}
	return removed
}
