package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// sqliteMagic begins every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// inspect looks at a file's bytes before SQLite touches it, so that a file
// that is not a database, or is cut short, is refused without being written
// to. A missing file is fine: it will be created.
func inspect(path string) (exists bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("opening %s: %w", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return true, fmt.Errorf("reading %s: %w", path, err)
	}
	if info.IsDir() {
		return true, &DamagedError{path, "it is a folder, not a file"}
	}
	if info.Size() == 0 {
		return true, &DamagedError{path, "the file is empty (0 bytes), so it holds no data; it may have been cut off while being copied"}
	}
	header := make([]byte, 100)
	n, err := io.ReadFull(f, header)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return true, fmt.Errorf("reading %s: %w", path, err)
	}
	_, walErr := os.Stat(path + "-wal")
	if reason := headerProblem(header[:n], info.Size(), walErr == nil); reason != "" {
		return true, &DamagedError{path, reason}
	}
	return true, nil
}

// headerProblem says what is wrong with a database's first bytes, given
// the file's size, or "" when nothing is.
func headerProblem(header []byte, size int64, hasWAL bool) string {
	if !IsSQLiteHeader(header) {
		return "it is not an SQLite database (it may be another kind of file)"
	}
	if len(header) < 100 {
		return "it is cut short: it ends inside its own header"
	}
	pageSize := int64(binary.BigEndian.Uint16(header[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return "its header is damaged (impossible page size)"
	}
	// The page count in the header is trustworthy only when the change
	// counter matches the version-valid-for number; and with a write-ahead
	// log beside it, the newest pages may live in the log.
	if hasWAL {
		return ""
	}
	pages := int64(binary.BigEndian.Uint32(header[28:32]))
	valid := binary.BigEndian.Uint32(header[24:28]) == binary.BigEndian.Uint32(header[92:96])
	if size%pageSize != 0 || valid && pages > 0 && size < pages*pageSize {
		return fmt.Sprintf("it is cut short: %d bytes where its header promises %d", size, pages*pageSize)
	}
	return ""
}

// IsSQLite reports whether the file at path begins like an SQLite database.
func IsSQLite(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	n, _ := io.ReadFull(f, head)
	return IsSQLiteHeader(head[:n])
}

// IsSQLiteHeader reports whether a file's first bytes are an SQLite
// database's.
func IsSQLiteHeader(head []byte) bool { return bytes.HasPrefix(head, sqliteMagic) }
