package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/studyplanner/studyplanner/internal/ics"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
)

// ErrNothingChanged marks an import or restore refused before anything was
// written (errors.Is), so that callers can say so.
var ErrNothingChanged = errors.New("nothing was changed")

// refusal is an import's error, marked ErrNothingChanged; its message is
// the error's own.
type refusal struct{ err error }

func (r refusal) Error() string        { return r.err.Error() }
func (r refusal) Unwrap() error        { return r.err }
func (r refusal) Is(target error) bool { return target == ErrNothingChanged }

// Refused marks err as the reason an import changed nothing.
func Refused(err error) error { return refusal{err} }

func refused(err error) error { return Refused(err) }

// FileKind is what a file to import is, by its first bytes.
type FileKind int

// The kinds of file Study Planner imports.
const (
	Document FileKind = iota // a JSON export
	Backup                   // an SQLite backup
	Calendar                 // an iCalendar file of holidays
)

// KindOf tells a file by its first bytes (512 are plenty), whatever its
// name says.
func KindOf(head []byte) FileKind {
	switch {
	case store.IsSQLiteHeader(head):
		return Backup
	case ics.LooksLikeCalendar(head):
		return Calendar
	}
	return Document
}

// DocumentImporter is what replacing all data with a document needs.
type DocumentImporter interface {
	NewBackup(now time.Time) (store.Backup, error)
	Import(doc snapshot.Document) error
}

// Imported says what an import stored and where the data it replaced
// went.
type Imported struct {
	Counts store.Counts
	Backup store.Backup
}

// ImportDocument replaces all data with the document r holds: read and
// checked whole, then the current data backed up, then replaced in one
// transaction.
func ImportDocument(st DocumentImporter, r io.Reader, now time.Time) (Imported, error) {
	doc, err := snapshot.Decode(r)
	if err != nil {
		return Imported{}, refused(err)
	}
	return ImportDecoded(st, doc, now)
}

// ImportDecoded is ImportDocument for a document already read (and shown
// to the learner before they confirmed).
func ImportDecoded(st DocumentImporter, doc snapshot.Document, now time.Time) (Imported, error) {
	keepSurveyMedians(&doc)
	safety, err := st.NewBackup(now)
	if err != nil {
		return Imported{}, refused(fmt.Errorf("backing up the current data before the import: %w", err))
	}
	if err := st.Import(doc); err != nil {
		return Imported{Backup: safety}, refused(err)
	}
	return Imported{Counts: store.DocumentCounts(doc), Backup: safety}, nil
}

// Restorer is what restoring a backup needs.
type Restorer interface {
	RestoreFrom(path string, now time.Time) (store.Restored, error)
}

// RestoreBackup replaces all data with a backup file's (see
// store.RestoreFrom: it backs the current data up first).
func RestoreBackup(st Restorer, path string, now time.Time) (store.Restored, error) {
	done, err := st.RestoreFrom(path, now)
	if err != nil {
		return store.Restored{}, refused(err)
	}
	return done, nil
}

// PackImporter is what merging a roadmap pack needs.
type PackImporter interface {
	NewBackup(now time.Time) (store.Backup, error)
	ImportPack(p snapshot.Pack) (store.PackResult, error)
}

// PackImported says what a pack merge changed and where the data before
// it went.
type PackImported struct {
	Pack   snapshot.Pack
	Result store.PackResult
	Backup store.Backup
}

// ImportPack merges a pack into the roadmap and skills, after backing the
// data up (a pack updates the summaries and estimates it shares).
func ImportPack(st PackImporter, p snapshot.Pack, now time.Time) (PackImported, error) {
	safety, err := st.NewBackup(now)
	if err != nil {
		return PackImported{}, refused(fmt.Errorf("backing up the current data before the import: %w", err))
	}
	res, err := st.ImportPack(p)
	if err != nil {
		return PackImported{Backup: safety}, refused(err)
	}
	return PackImported{Pack: p, Result: res, Backup: safety}, nil
}

// Exporter reads all the data.
type Exporter interface {
	Export() (snapshot.Document, error)
}

// ExportDocument writes all the data as the versioned JSON document.
func ExportDocument(st Exporter) ([]byte, error) {
	doc, err := st.Export()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := snapshot.Encode(&buf, doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ExportTables writes the data people open in a spreadsheet as CSV files,
// by name.
func ExportTables(st Exporter) (map[string][]byte, error) {
	doc, err := st.Export()
	if err != nil {
		return nil, err
	}
	return snapshot.CSVTables(doc)
}

// keepSurveyMedians gives a document written before survey medians
// existed (version 5 or older) the medians the app ships, so importing an
// old export does not take the survey's figures away.
func keepSurveyMedians(doc *snapshot.Document) {
	if doc.UpgradedFrom == 0 || doc.UpgradedFrom >= 6 || len(doc.SurveyMedians) > 0 {
		return
	}
	if builtIn, err := BuiltIn.Document(); err == nil {
		doc.SurveyMedians = builtIn.SurveyMedians
	}
}
