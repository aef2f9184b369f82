package store

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// ApplicationID marks a file as a Study Planner database in its header
// (PRAGMA application_id, "SPln"), set when the file is created and when an
// older one is migrated. Another program's SQLite file does not carry it,
// so it is never mistaken for ours, even when it has a table called
// schema_migrations as Rails, golang-migrate and dbmate databases do.
const ApplicationID = 0x53506c6e

// busyTimeout is how long a write waits for another process (a second
// window, or a script running a subcommand) before giving up.
const busyTimeout = 10 * time.Second

// Open opens the database at path, creating it when the file does not
// exist yet (its folder must), and brings its schema up to date. It writes
// nothing to an existing file before it has made sure, reading it through
// a read-only connection, that the file is a Study Planner database this
// version can open, whose header and schema SQLite can read; and, when the
// last program to have it open did not close it (see leftOpen), that
// SQLite's quick check finds the whole file sound. Those first checks read
// a few pages whatever the file's size; the whole file is read only after
// an unclean end, by the daily backup, and on demand (Check). A file on a
// read-only disk or without write permission is opened read-only: reading,
// exporting and backing up elsewhere work, and every write is refused with
// ErrReadOnly. Open adds no content; see Seed.
func Open(path string) (*Store, error) {
	if IsServerURL(path) {
		return openServer(path)
	}
	existed, err := checkPath(path)
	if err != nil {
		return nil, err
	}
	release, openHere := hold(path)
	st, err := open(path, existed, openHere)
	if err != nil {
		release()
		return nil, err
	}
	st.release = release
	return st, nil
}

func open(path string, existed, openHere bool) (*Store, error) {
	if !existed {
		return openReadWrite(path, false)
	}
	full := !openHere && leftOpen(path)
	if !writable(path) {
		return openReadOnly(path, full)
	}
	if full || logBeside(path) {
		// A log beside the file, another program's or left behind: a
		// read-write connection refused here would fold it into the file
		// as it closed, damaged or not. Identify on one that cannot.
		if _, err := identify(path, full); err != nil {
			return nil, err
		}
		return openReadWrite(path, false)
	}
	// Nothing to fold in: the read-write connection identifies the file
	// itself before anything is written, and one connection is opened,
	// not two.
	return openReadWrite(path, true)
}

// OpenReadOnly opens an existing database without ever writing to it or
// to the files beside it: for a database on read-only media, and for a
// backup being restored. It checks the file as Open does.
func OpenReadOnly(path string) (*Store, error) {
	if _, err := checkPath(path); err != nil {
		return nil, err
	}
	release, openHere := hold(path)
	st, err := openReadOnly(path, !openHere && leftOpen(path))
	if err != nil {
		release()
		return nil, err
	}
	st.release = release
	return st, nil
}

// openReadOnly opens a read-only connection, identifies the file on it
// (with SQLite's quick check when full) and keeps it as the store's.
func openReadOnly(path string, full bool) (*Store, error) {
	db, err := openReadOnlyDB(path)
	if err != nil {
		return nil, explainOpen(path, err)
	}
	version, err := examine(db, path, full)
	if err != nil {
		closeGorm(db)
		return nil, err
	}
	st := &Store{db: db, opened: &opened{path: path, readOnly: true, schema: version}}
	if err := st.readPageSize(); err != nil {
		closeGorm(db)
		return nil, explainOpen(path, err)
	}
	return st, nil
}

// logBeside reports whether a write-ahead log or a rollback journal lies
// beside the database.
func logBeside(path string) bool {
	for _, side := range []string{"-wal", "-journal"} {
		if _, err := os.Stat(path + side); err == nil {
			return true
		}
	}
	return false
}

// checkPath refuses what cannot be a database file before anything opens
// it, and reports whether the file exists.
func checkPath(path string) (bool, error) {
	if strings.TrimSpace(path) == "" {
		return false, errors.New("no database file was named; give a path, such as --db ~/study.db")
	}
	if strings.ContainsAny(path, "?#") {
		return false, fmt.Errorf("the database path %q contains '?' or '#'; choose a path without them", path)
	}
	dir := filepath.Dir(path)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return false, fmt.Errorf("the folder %s does not exist; check the path (create the folder first if you meant a new place)", dir)
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("cannot read %s: %w", path, explainFileError(err))
	case info.IsDir():
		return true, &DamagedError{path, "it is a folder, not a file"}
	case !info.Mode().IsRegular():
		// A named pipe would make SQLite wait forever for data.
		return true, fmt.Errorf("%s is not a regular file (it is a device, a pipe or a socket); give the path of a database file", path)
	}
	_, err = inspect(path)
	return true, err
}

// identify reads an existing file through a read-only connection (see
// examine), which never writes: closing it does not checkpoint a
// write-ahead log into a damaged file. It returns the schema version.
func identify(path string, full bool) (int, error) {
	db, err := openReadOnlyDB(path)
	if err != nil {
		return 0, explainOpen(path, err)
	}
	defer closeGorm(db)
	return examine(db, path, full)
}

// examine refuses a file unless it is a Study Planner database this
// version can open (or an SQLite file with no tables at all, which is ours
// to fill): its application ID, its tables and its schema version, which
// reads the header and the schema, a few pages whatever the file's size.
// With full it first runs SQLite's quick check, which reads every page. It
// only reads, and returns the schema version.
func examine(db *gorm.DB, path string, full bool) (int, error) {
	if full {
		if err := checkIntegrity(db, path); err != nil {
			return 0, err
		}
	}
	kind, version, err := classify(db)
	if err != nil {
		return 0, explainOpen(path, err)
	}
	switch {
	case kind == foreignFile:
		return 0, &ForeignError{Path: path}
	case version > SchemaVersion():
		return 0, fmt.Errorf("%s: %w (schema version %d; this build knows up to %d); update Study Planner to open it",
			path, ErrNewerSchema, version, SchemaVersion())
	}
	return version, nil
}

type fileKind int

const (
	emptyFile   fileKind = iota // SQLite, but no tables yet
	oursFile                    // a Study Planner database
	foreignFile                 // another program's database
)

// classify tells our databases from others: by the application ID, or,
// for a file made before the ID existed, by our own migrations table with
// its three columns beside our app_meta table. It returns the schema
// version of ours.
func classify(db *gorm.DB) (fileKind, int, error) {
	var appID int64
	if err := db.Raw("PRAGMA application_id").Scan(&appID).Error; err != nil {
		return foreignFile, 0, err
	}
	var tables []string
	if err := db.Raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").Scan(&tables).Error; err != nil {
		return foreignFile, 0, err
	}
	switch {
	case appID != 0 && appID != ApplicationID:
		return foreignFile, 0, nil
	case len(tables) == 0 && appID == 0:
		return emptyFile, 0, nil
	case appID == 0 && !looksLikeOurs(db, tables):
		return foreignFile, 0, nil
	}
	v, err := schemaVersion(db)
	return oursFile, v, err
}

func looksLikeOurs(db *gorm.DB, tables []string) bool {
	has := map[string]bool{}
	for _, t := range tables {
		has[t] = true
	}
	if !has["schema_migrations"] || !has["app_meta"] {
		return false
	}
	var columns []string
	if err := db.Raw("SELECT name FROM pragma_table_info('schema_migrations') ORDER BY cid").Scan(&columns).Error; err != nil {
		return false
	}
	return strings.Join(columns, ",") == "version,name,applied_at"
}

// writable reports whether the file and its folder (where SQLite keeps the
// write-ahead log) can be written.
func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	f.Close()
	probe, err := os.CreateTemp(filepath.Dir(path), ".studyplanner-probe-*")
	if err != nil {
		return false
	}
	probe.Close()
	os.Remove(probe.Name())
	return true
}

// openReadWrite opens the read-write connection, identifies the file on
// it first when examineFirst (see examine: nothing is written before),
// switches it to WAL and migrates it.
func openReadWrite(path string, examineFirst bool) (*Store, error) {
	// Every transaction begins IMMEDIATE, taking the write lock up front:
	// two processes then queue on the busy timeout instead of failing when
	// a read inside a transaction is upgraded to a write.
	dsn := fileURI(path) + "?_txlock=immediate" +
		"&_pragma=foreign_keys(1)" +
		"&_pragma=synchronous(FULL)" + // a reported save survives power loss
		fmt.Sprintf("&_pragma=busy_timeout(%d)", busyTimeout.Milliseconds())
	db, err := openGorm(dsn)
	if err != nil {
		return nil, explainOpen(path, err)
	}
	if examineFirst {
		if _, err := examine(db, path, false); err != nil {
			closeGorm(db)
			return nil, err
		}
	}
	if err := db.Exec("PRAGMA journal_mode = WAL").Error; err != nil {
		closeGorm(db)
		return nil, explainOpen(path, err)
	}
	if err := migrate(db, false); err != nil {
		closeGorm(db)
		if errors.Is(err, ErrNewerSchema) {
			return nil, fmt.Errorf("%s: %w; update Study Planner to open it", path, err)
		}
		return nil, explainOpen(path, err)
	}
	st := &Store{db: db, opened: &opened{path: path, maxBytes: snapshot.MaxDataBytes, schema: SchemaVersion()}}
	if err := st.readPageSize(); err != nil {
		closeGorm(db)
		return nil, explainOpen(path, err)
	}
	return st, nil
}

// openReadOnlyDB opens path without writing to it or to the files beside
// it. It reads the write-ahead log's commits too. On read-only media, where
// SQLite cannot make the -shm file a plain read-only connection needs, a
// database without a log is opened immutable instead; nothing can be
// writing to a read-only disk, so that is safe there, and only there.
func openReadOnlyDB(path string) (*gorm.DB, error) {
	base := fileURI(path) + "?mode=ro&_pragma=foreign_keys(1)" + fmt.Sprintf("&_pragma=busy_timeout(%d)", busyTimeout.Milliseconds())
	db, err := openGorm(base)
	if err == nil {
		// Opening reads nothing; the first read finds out whether the -shm
		// file a read-only connection needs could be made.
		if err = db.Exec("SELECT 1 FROM sqlite_master LIMIT 1").Error; err == nil {
			return db, nil
		}
		closeGorm(db)
	}
	if primaryCode(err) != codeCantOpen {
		return nil, err
	}
	if info, statErr := os.Stat(path + "-wal"); statErr == nil && info.Size() > 0 {
		return nil, fmt.Errorf("the newest changes to %s are in %s-wal, which cannot be read from a read-only folder; copy both files to a folder you can write to and open the copy", path, filepath.Base(path))
	}
	return openGorm(base + "&immutable=1")
}

// fileURI writes path as an SQLite URI, so that characters such as % or
// spaces in it are not taken for URI syntax.
func fileURI(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	abs = filepath.ToSlash(abs)
	if !strings.HasPrefix(abs, "/") {
		abs = "/" + abs // a Windows drive letter
	}
	return "file://" + (&url.URL{Path: abs}).EscapedPath()
}

func openGorm(dsn string) (*gorm.DB, error) {
	db, err := gorm.Open(sqlite.Open(dsn), &gorm.Config{
		Logger:                 logger.Default.LogMode(logger.Silent),
		SkipDefaultTransaction: true, // our writes choose their own transactions
	})
	if err != nil {
		return nil, err
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	// One connection: SQLite allows one writer at a time anyway, and a
	// single connection keeps this process's writes from competing.
	sqlDB.SetMaxOpenConns(1)
	if err := sqlDB.Ping(); err != nil {
		sqlDB.Close()
		return nil, err
	}
	return db, nil
}

func closeGorm(db *gorm.DB) {
	if sqlDB, err := db.DB(); err == nil {
		sqlDB.Close()
	}
}

// read runs fn in a deferred (read) transaction: a consistent snapshot of
// several tables that does not hold the write lock. In a view, fn reads
// in the view's transaction.
func (s *Store) read(fn func(tx *gorm.DB) error) error {
	if s.view {
		return explain(fn(s.db))
	}
	return explain(s.db.Transaction(fn, s.readOptions()))
}

// Snapshot runs fn with a view of the data whose reads all see one
// snapshot, in one read transaction. A screen reads its parts this way:
// apart, each read is a transaction of its own, which on a server costs
// two more round trips (begin and commit), and another device may write
// between two of them. The view cannot write and is not kept after fn.
func (s *Store) Snapshot(fn func(view *Store) error) error {
	if s.view {
		return fn(s)
	}
	return s.read(func(tx *gorm.DB) error {
		return fn(&Store{opened: s.opened, db: tx, view: true})
	})
}
