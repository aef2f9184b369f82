package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	sqlite3 "github.com/glebarez/go-sqlite"
	"github.com/jackc/pgx/v5/pgconn"
)

// Errors callers can tell apart with errors.Is. Their messages are written
// for the learner: no SQLite wording reaches a person.
var (
	ErrNotFound    = errors.New("not found")
	ErrNewerSchema = errors.New("this database was written by a newer version of Study Planner")
	ErrBusy        = errors.New("the data is busy: another Study Planner window or script is writing to it and did not finish in time; try again in a moment")
	ErrReadOnly    = errors.New("this database can only be read: it is on a read-only disk or in a folder you may not change, so nothing can be saved; copy it to a folder you can write to")
	ErrDiskFull    = errors.New("the disk is full; free some space and try again (nothing was saved)")
	ErrDiskFailed  = errors.New("the disk could not be read or written (an input/output error); check the disk and try again")
	ErrDuplicate   = errors.New("already exists")
)

// SQLite's primary result codes this package tells apart.
const (
	codeBusy       = 5
	codeLocked     = 6
	codeReadOnly   = 8
	codeIOErr      = 10
	codeCorrupt    = 11
	codeFull       = 13
	codeCantOpen   = 14
	codeConstraint = 19
	codeNotADB     = 26
)

// Extended result codes (the connection asks for them).
const (
	codeConstraintForeignKey = codeConstraint | 3<<8
	codeConstraintUnique     = codeConstraint | 8<<8
	codeConstraintPrimaryKey = codeConstraint | 6<<8
	codeConstraintCheck      = codeConstraint | 1<<8
	codeConstraintNotNull    = codeConstraint | 5<<8
)

// errValueRefused words a CHECK or NOT NULL constraint's refusal, the same
// on both engines.
var errValueRefused = errors.New("the database refused the change: a value is outside what it accepts")

// resultCode is the SQLite result code behind err, or 0 when err did not
// come from SQLite.
func resultCode(err error) int {
	var e *sqlite3.Error
	if errors.As(err, &e) {
		return e.Code()
	}
	return 0
}

func primaryCode(err error) int { return resultCode(err) & 0xff }

func isUniqueViolation(err error) bool {
	if pgCode(err) == pgUniqueViolation {
		return true
	}
	c := resultCode(err)
	return c == codeConstraintUnique || c == codeConstraintPrimaryKey
}

func isForeignKeyViolation(err error) bool {
	return resultCode(err) == codeConstraintForeignKey || pgCode(err) == pgForeignKeyViolation
}

// pgCode is the PostgreSQL error code behind err, or "".
func pgCode(err error) string {
	var e *pgconn.PgError
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// explain words an error for a person: an SQLite error by its result
// code, an operating system error about a file (a full disk, a read-only
// one, no permission) by its cause. The words replace that error's own
// text inside the message, so the context around it ("saving the step: …")
// stays; the original error stays in the chain, so callers can still tell
// a unique violation by its code. Other errors pass through unchanged, and
// explaining twice changes nothing.
func explain(err error) error {
	var done *explained
	if err == nil || errors.As(err, &done) {
		return err
	}
	raw, words := innerWords(err)
	if words == nil {
		return err
	}
	text := err.Error()
	if raw != nil && strings.Contains(text, raw.Error()) {
		text = strings.Replace(text, raw.Error(), words.Error(), 1)
	} else {
		text = words.Error()
	}
	return &explained{text: text, words: words, cause: err}
}

// Explain is explain for the command line and the window.
func Explain(err error) error { return explain(err) }

// innerWords finds the error in err's chain that needs words, and the
// words.
func innerWords(err error) (raw, words error) {
	var sqliteErr *sqlite3.Error
	if errors.As(err, &sqliteErr) {
		return sqliteErr, wordsFor(sqliteErr)
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr, serverWords(pgErr)
	}
	if connectionLost(err) {
		return nil, ErrConnectionLost
	}
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		if w := explainFileError(pathErr); w != pathErr.Err {
			// The message around it usually names the file already
			// ("cannot read F: open F: …"); name it only when not.
			if strings.Contains(strings.Replace(err.Error(), pathErr.Error(), "", 1), pathErr.Path) {
				return pathErr, w
			}
			return pathErr, fmt.Errorf("%s: %w", pathErr.Path, w)
		}
		return nil, nil
	}
	if errors.Is(err, syscall.ENOSPC) {
		return nil, ErrDiskFull
	}
	return nil, nil
}

func wordsFor(err error) error {
	switch primaryCode(err) {
	case codeBusy, codeLocked:
		return ErrBusy
	case codeReadOnly:
		return ErrReadOnly
	case codeFull:
		return ErrDiskFull
	case codeIOErr:
		if errors.Is(err, syscall.ENOSPC) {
			return ErrDiskFull
		}
		return ErrDiskFailed
	case codeCantOpen:
		return errors.New("the database file cannot be opened or created: its folder may be read-only, or you may not have permission")
	case codeCorrupt, codeNotADB:
		return errors.New("the database file is damaged")
	case codeConstraint:
		if isForeignKeyViolation(err) {
			return errors.New("it refers to something that no longer exists (deleted in another window?)")
		}
		if c := resultCode(err); c == codeConstraintCheck || c == codeConstraintNotNull {
			return errValueRefused
		}
	}
	return fmt.Errorf("the database could not do this (SQLite result code %d); if it happens again, use Check data in Settings (or studyplanner check)", resultCode(err))
}

// explained is an error put in words.
type explained struct {
	text         string
	words, cause error
}

func (e *explained) Error() string   { return e.text }
func (e *explained) Unwrap() []error { return []error{e.words, e.cause} }

// explainOpen words a failure to open path.
func explainOpen(path string, err error) error {
	var damaged *DamagedError
	var foreign *ForeignError
	if errors.As(err, &damaged) || errors.As(err, &foreign) || errors.Is(err, ErrNewerSchema) {
		return err
	}
	switch primaryCode(err) {
	case codeCorrupt, codeNotADB:
		return &DamagedError{path, "SQLite reports it damaged"}
	case codeCantOpen:
		if _, statErr := os.Stat(path); statErr != nil {
			return fmt.Errorf("cannot create %s: the folder %s is read-only, or you may not write there; choose another place with --db",
				path, filepath.Dir(path))
		}
		return fmt.Errorf("cannot open %s: it may be on a disk that is not mounted, or you may not have permission to read it", path)
	}
	return fmt.Errorf("opening the database %s: %w", path, explain(err))
}

// explainFileError words an error from the operating system about a file.
func explainFileError(err error) error {
	switch {
	case errors.Is(err, syscall.EROFS):
		return errors.New("the disk is read-only")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("you do not have permission")
	case errors.Is(err, syscall.ENOSPC):
		return ErrDiskFull
	case errors.Is(err, syscall.EIO):
		return ErrDiskFailed
	}
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
			return missingWords(pathErr)
		}
		if errors.Is(err, syscall.EISDIR) {
			return errors.New("it is a folder; name a file")
		}
		return pathErr.Err
	}
	return err
}

// missingWords says a file to read, or the folder of one to write (Op
// "create", as atomicfile reports it), does not exist.
func missingWords(pathErr *fs.PathError) error {
	if pathErr.Op == "create" || pathErr.Op == "mkdir" {
		return fmt.Errorf("the folder %s does not exist; create it first, or choose another place", filepath.Dir(pathErr.Path))
	}
	return errors.New("there is no such file; check its name and folder")
}

// DamagedError says a file cannot be used as a Study Planner database. The
// file was not written to: its bytes are as they were.
type DamagedError struct {
	Path   string
	Reason string
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("%s cannot be opened: %s. Nothing was written to it. Keep it, renamed, in case its data can be "+
		"recovered; then start afresh, or restore the newest backup with \"studyplanner import BACKUP.db\" "+
		"(\"studyplanner backups\" lists them, in %s)", e.Path, e.Reason, BackupDir(e.Path))
}

// ForeignError says a file is another program's SQLite database. It is
// left alone: not opened for writing, not renamed.
type ForeignError struct{ Path string }

func (e *ForeignError) Error() string {
	return fmt.Sprintf("%s is another program's database, not Study Planner's; nothing was written to it. Choose another file (or a new one) with --db", e.Path)
}
