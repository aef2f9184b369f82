//go:build !unix

package store

// openElsewhere cannot ask SQLite's lock here, so it never says another
// process has the database open: a -wal file beside it always leads to
// the full check.
func openElsewhere(string) bool { return false }
