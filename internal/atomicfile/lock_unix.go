//go:build unix

package atomicfile

import (
	"os"
	"syscall"
)

// tryLock takes an exclusive advisory lock on f without waiting. The lock
// lives as long as the process holds f open, so a killed writer's lock is
// gone and its file can be recognised as abandoned.
func tryLock(f *os.File) bool {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil
}
