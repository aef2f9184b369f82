//go:build !unix

package atomicfile

import "os"

// tryLock has no advisory lock to take here. On Windows a file another
// process has open cannot be removed, which keeps CleanStale from removing
// one being written.
func tryLock(*os.File) bool { return true }
