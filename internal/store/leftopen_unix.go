//go:build unix

package store

import (
	"io"
	"os"
	"syscall"
)

// dmsByte is the byte of the -shm file every open connection holds a
// shared lock on (SQLite's UNIX_SHM_DMS).
const dmsByte = 128

// openElsewhere reports whether another process has the database at path
// open: whether one holds the lock SQLite keeps on its -shm file while a
// connection is open. A missing -shm means none has.
func openElsewhere(path string) bool {
	f, err := os.Open(path + "-shm")
	if err != nil {
		return false
	}
	defer f.Close()
	lock := syscall.Flock_t{Type: syscall.F_WRLCK, Whence: io.SeekStart, Start: dmsByte, Len: 1}
	if err := syscall.FcntlFlock(f.Fd(), syscall.F_GETLK, &lock); err != nil {
		return false
	}
	return lock.Type != syscall.F_UNLCK
}
