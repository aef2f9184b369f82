package store

import (
	"os"
	"path/filepath"
	"sync"
)

// Whether the last program to have a database open closed it, told by
// SQLite's own files, without a marker of ours:
//
//   - In WAL mode (every database this app writes) SQLite keeps a -wal and
//     a -shm file beside the database while any connection has it open.
//     When the last one closes cleanly it folds the log into the file and
//     deletes both. A -wal file at open therefore means that another
//     program has the database open now, or that the last one ended
//     without closing it (killed, crashed, the power cut).
//   - The two are told apart by SQLite's own lock: every connection holds
//     a shared lock on byte 128 of the -shm file (the "DMS" lock of
//     https://www.sqlite.org/walformat.html) for as long as it is open, and
//     the operating system drops it when the process ends, however it
//     ends. Asking whether that byte could be write-locked (F_GETLK, which
//     takes no lock) says whether any other process still has it open.
//   - In rollback-journal mode (a file another tool converted) a non-empty
//     -journal left beside the database is SQLite's "hot journal": a
//     transaction was cut off.
//
// Two instances at once (the window and a script, two windows): the
// second finds the -wal and the first's lock, and does not run the full
// check; whichever closes last deletes the log. An instance killed while
// another stays open leaves nothing to find, and needs nothing: SQLite's
// writes survive a killed process, and what can tear a file (a power cut,
// the system crashing) ends every process at once, so that the next start
// finds the log with no lock. On a read-only disk nothing can be writing:
// a -wal there is from before it was made read-only, and is checked.
// Where the lock cannot be asked (Windows), a -wal always means the full
// check: slower beside another instance, never less safe.

// leftOpen reports whether the database at path was left open by a
// program that ended without closing it, or may have been. It reads no
// byte of the database.
func leftOpen(path string) bool {
	if info, err := os.Stat(path + "-journal"); err == nil && info.Size() > 0 {
		return true
	}
	if _, err := os.Stat(path + "-wal"); err != nil {
		return false
	}
	return !openElsewhere(path)
}

// Asking about the lock opens and closes the -shm file, and closing any
// descriptor of a file drops every POSIX lock this process holds on it:
// had this process the database open, its own connection's locks would
// go. So each process keeps count of the databases it has open, and asks
// only about one it does not.
var held = struct {
	sync.Mutex
	n map[string]int
}{n: map[string]int{}}

// hold counts path as open in this process until release is called, and
// reports whether it was open here already.
func hold(path string) (release func(), openHere bool) {
	key, err := filepath.Abs(path)
	if err != nil {
		key = path
	}
	held.Lock()
	defer held.Unlock()
	openHere = held.n[key] > 0
	held.n[key]++
	var once sync.Once
	return func() {
		once.Do(func() {
			held.Lock()
			defer held.Unlock()
			if held.n[key]--; held.n[key] <= 0 {
				delete(held.n, key)
			}
		})
	}, openHere
}
