package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// A learner's data can live on a PostgreSQL server instead of in a file:
// the location is then a URL, postgres://user@host:5432/dbname?learner=ana,
// and the learner's tables are in their own schema on that database (the
// learner parameter; by default the login role's name). The schema, its
// tables and migrations are the ones a file has (dialect.go), and every use
// case reads and writes it through the same Store. What only a file has
// (its header, pragmas, the write-ahead log, VACUUM INTO backups, SQLite's
// checks, the lock beside it) stays on the file's side of Open.

// IsServerURL reports whether loc names a PostgreSQL database rather than
// a file.
func IsServerURL(loc string) bool {
	l := strings.ToLower(strings.TrimSpace(loc))
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// learnerName is what a schema name may be: a plain lower-case
// identifier, not starting with pg_ (PostgreSQL's own schemas).
var learnerName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// ServerTarget is a parsed server location.
type ServerTarget struct {
	// Config is pgx's connection settings (the password from the URL,
	// PGPASSWORD or ~/.pgpass, as pgx reads them).
	Config *pgx.ConnConfig
	// Learner is the schema holding the learner's data.
	Learner string
	// Shown is the URL with any password left out and the learner named,
	// for messages and for remembering the location.
	Shown string
}

// ParseServerURL reads a postgres:// location.
func ParseServerURL(raw string) (ServerTarget, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ServerTarget{}, fmt.Errorf("the server address is not a valid URL (%v); write it as postgres://USER@HOST:5432/DATABASE?learner=NAME", urlProblem(err))
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return ServerTarget{}, fmt.Errorf("the options after ? in the server address cannot be read (%v); write them as ?learner=NAME&sslmode=require", err)
	}
	learner := q.Get("learner")
	q.Del("learner")
	u.RawQuery = q.Encode()
	cfg, err := pgx.ParseConfig(u.String())
	if err != nil {
		return ServerTarget{}, fmt.Errorf("the server address cannot be used: %s; write it as postgres://USER@HOST:5432/DATABASE?learner=NAME", urlProblem(err))
	}
	if learner == "" {
		learner = cfg.User
	}
	if !learnerName.MatchString(learner) || strings.HasPrefix(learner, "pg_") {
		return ServerTarget{}, fmt.Errorf("%q cannot name a learner's data on the server: use lower-case letters, digits and _ (up to 63), starting with a letter, as in ?learner=ana", learner)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	cfg.RuntimeParams["search_path"] = learner
	// Named per learner, so a server's administrator (and a test) can
	// tell whose connections are whose.
	cfg.RuntimeParams["application_name"] = "studyplanner/" + learner
	shown := *u
	if shown.User != nil {
		shown.User = url.User(shown.User.Username())
	}
	sq := shown.Query()
	sq.Del("password")
	sq.Set("learner", learner)
	shown.RawQuery = sq.Encode()
	return ServerTarget{Config: cfg, Learner: learner, Shown: shown.String()}, nil
}

// urlProblem is a URL or connection-string error without the password
// it may quote.
func urlProblem(err error) string {
	msg := err.Error()
	var ue *url.Error
	if errors.As(err, &ue) {
		msg = ue.Err.Error()
	}
	if i := strings.Index(msg, "cannot parse `"); i >= 0 {
		if j := strings.Index(msg[i+14:], "`"); j >= 0 {
			msg = msg[:i] + "cannot parse the address" + msg[i+14+j+1:]
		}
	}
	return msg
}

// openServer opens the learner's schema on a PostgreSQL server, making it
// when it does not exist yet, and brings it up to date.
func openServer(raw string) (*Store, error) {
	target, err := ParseServerURL(raw)
	if err != nil {
		return nil, err
	}
	db, err := connectServer(target)
	if err != nil {
		return nil, explainServerOpen(target, err)
	}
	if err := prepareSchema(db, target.Learner); err != nil {
		closeGorm(db)
		return nil, explainServerOpen(target, err)
	}
	if err := migrate(db, true); err != nil {
		closeGorm(db)
		if errors.Is(err, ErrNewerSchema) {
			return nil, fmt.Errorf("%s: %w; update Study Planner to open it", target.Shown, err)
		}
		return nil, explainServerOpen(target, err)
	}
	return &Store{db: db, opened: &opened{path: target.Shown, server: true, learner: target.Learner, serverConfig: target.Config,
		instance: newInstance(), maxBytes: snapshot.MaxDataBytes, schema: SchemaVersion()}}, nil
}

// connectServer opens a connection pool to the server and checks that it
// answers.
func connectServer(target ServerTarget) (*gorm.DB, error) {
	sqlDB := stdlib.OpenDB(*target.Config, stdlib.OptionAfterConnect(registerIntBool))
	sqlDB.SetMaxOpenConns(4)
	sqlDB.SetMaxIdleConns(2)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	ctx, cancel := context.WithTimeout(context.Background(), target.Config.ConnectTimeout+5*time.Second)
	defer cancel()
	if err := sqlDB.PingContext(ctx); err != nil {
		sqlDB.Close()
		return nil, err
	}
	db, err := gorm.Open(postgres.New(postgres.Config{Conn: sqlDB}), &gorm.Config{
		Logger:                 logger.Default.LogMode(logger.Silent),
		SkipDefaultTransaction: true,
	})
	if err != nil {
		sqlDB.Close()
		return nil, err
	}
	return db, nil
}

// prepareSchema makes the learner's schema when it is missing, and
// refuses one that holds another program's tables.
func prepareSchema(db *gorm.DB, learner string) error {
	var exists bool
	if err := db.Raw(`SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)`, learner).Scan(&exists).Error; err != nil {
		return err
	}
	if !exists {
		if err := db.Exec(`CREATE SCHEMA IF NOT EXISTS ` + pgx.Identifier{learner}.Sanitize()).Error; err != nil {
			return err
		}
		return nil
	}
	var tables []string
	if err := db.Raw(`SELECT table_name FROM information_schema.tables WHERE table_schema = ?`, learner).Scan(&tables).Error; err != nil {
		return err
	}
	if len(tables) > 0 && !looksLikeOursOnServer(tables) {
		return fmt.Errorf("the schema %s holds another program's tables, not Study Planner's; nothing was written to it. Choose another learner name with ?learner=", learner)
	}
	return nil
}

func looksLikeOursOnServer(tables []string) bool {
	has := map[string]bool{}
	for _, t := range tables {
		has[t] = true
	}
	return has["schema_migrations"] && has["app_meta"]
}

// lockLearner takes the learner's write lock until the transaction ends:
// one writer at a time per learner, as SQLite's immediate transactions
// give a file, so the checks a write makes before it commits (the limits,
// a name being free) see every earlier write.
func lockLearner(tx *gorm.DB) error {
	return tx.Exec(`SELECT pg_advisory_xact_lock(hashtext(current_schema()))`).Error
}

// registerIntBool makes the connection write a Go bool into an integer
// column as 0 or 1: booleans are INTEGER columns on both engines.
func registerIntBool(_ context.Context, conn *pgx.Conn) error {
	conn.TypeMap().RegisterType(&pgtype.Type{Name: "int8", OID: pgtype.Int8OID, Codec: intBoolCodec{}})
	conn.TypeMap().RegisterType(&pgtype.Type{Name: "int4", OID: pgtype.Int4OID, Codec: intBoolCodec4{}})
	return nil
}

type intBoolCodec struct{ pgtype.Int8Codec }

func (c intBoolCodec) PlanEncode(m *pgtype.Map, oid uint32, format int16, value any) pgtype.EncodePlan {
	if _, ok := value.(bool); ok {
		return boolAsInt{c.Int8Codec.PlanEncode(m, oid, format, int64(0))}
	}
	return c.Int8Codec.PlanEncode(m, oid, format, value)
}

type intBoolCodec4 struct{ pgtype.Int4Codec }

func (c intBoolCodec4) PlanEncode(m *pgtype.Map, oid uint32, format int16, value any) pgtype.EncodePlan {
	if _, ok := value.(bool); ok {
		return boolAsInt{c.Int4Codec.PlanEncode(m, oid, format, int64(0))}
	}
	return c.Int4Codec.PlanEncode(m, oid, format, value)
}

type boolAsInt struct{ next pgtype.EncodePlan }

func (p boolAsInt) Encode(value any, buf []byte) ([]byte, error) {
	var v int64
	if value.(bool) {
		v = 1
	}
	return p.next.Encode(v, buf)
}

// serverFingerprint is the learner's tables' count of rows written, as
// the server's statistics keep it: it moves when another device writes.
func (s *Store) serverFingerprint() string {
	var n int64
	err := s.db.Raw(`SELECT COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables WHERE schemaname = ?`,
		s.learner).Scan(&n).Error
	if err != nil {
		return fmt.Sprintf("%d|%d|%d", s.writes.Load(), s.external.Load(), time.Now().UnixNano()) // unknown: read again
	}
	return fmt.Sprintf("%d|%d|%d", s.writes.Load(), s.external.Load(), n)
}

// readOptions are a read transaction's: one consistent snapshot of several
// tables, as SQLite's deferred transaction gives.
func (s *Store) readOptions() *sql.TxOptions {
	if s.server {
		return &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead}
	}
	return &sql.TxOptions{ReadOnly: true}
}

// OnServer reports whether the data is on a PostgreSQL server.
func (s *Store) OnServer() bool { return s.server }

// Engine names where the data is, for a person: "SQLite file" or
// "PostgreSQL server".
func (s *Store) Engine() string {
	if s.server {
		return "PostgreSQL server"
	}
	return "SQLite file"
}

// ErrConnectionLost says the connection to the server broke. A write
// that was not reported done did not happen: the transaction is rolled
// back by the server when its connection goes.
var ErrConnectionLost = errors.New("the connection to the database server was lost, so this was not saved; check the network and try again")

// serverWords words a PostgreSQL error, as wordsFor does SQLite's: by its
// code, else by its class (the code's first two characters).
func serverWords(e *pgconn.PgError) error {
	if w, ok := serverCodeWords[e.Code]; ok {
		return w
	}
	if len(e.Code) == 5 {
		if w, ok := serverClassWords[e.Code[:2]]; ok {
			return w
		}
	}
	return fmt.Errorf("the database server could not do this (PostgreSQL error %s)", e.Code)
}

var errNotPermitted = errors.New("the server does not let this login read or change that data (a permission is missing)")

var serverCodeWords = map[string]error{
	pgUniqueViolation:     ErrDuplicate,
	pgForeignKeyViolation: errors.New("it refers to something that no longer exists (deleted in another window?)"),
	pgCheckViolation:      errValueRefused,
	pgNotNullViolation:    errValueRefused,
	"40001":               ErrBusy, // serialization failure
	"40P01":               ErrBusy, // deadlock
	"55P03":               ErrBusy, // lock not available
	"57014":               ErrBusy, // statement cancelled (timeout)
	"53100":               errors.New("the database server's disk is full; nothing was saved (ask whoever runs the server)"),
	"42501":               errNotPermitted,
	"3F000":               errNotPermitted, // the schema is not this login's to use
	"3D000":               errors.New("the server has no database of that name; check the name after the host in the URL"),
	"25006":               ErrReadOnly,
}

var serverClassWords = map[string]error{
	"22": errValueRefused,   // data exception
	"08": ErrConnectionLost, // connection exception
	"57": ErrConnectionLost, // operator intervention: the server shut the connection
	"28": errors.New("the server refused the login: check the user name, and the password in the URL, PGPASSWORD or ~/.pgpass"),
}

// PostgreSQL's error codes this package tells apart.
const (
	pgUniqueViolation     = "23505"
	pgForeignKeyViolation = "23503"
	pgCheckViolation      = "23514"
	pgNotNullViolation    = "23502"
)

// connectionLost reports whether err says the connection to the server
// broke or could not be made.
func connectionLost(err error) bool {
	var connectErr *pgconn.ConnectError
	var netErr *net.OpError
	return errors.Is(err, driver.ErrBadConn) || errors.As(err, &connectErr) || errors.As(err, &netErr) ||
		pgconn.Timeout(err) || strings.Contains(err.Error(), "conn closed")
}

// explainServerOpen words a failure to open the learner's data on the
// server.
func explainServerOpen(target ServerTarget, err error) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return fmt.Errorf("opening %s: %w", target.Shown, &explained{text: serverWords(pgErr).Error(), words: serverWords(pgErr), cause: err})
	}
	if connectionLost(err) {
		return fmt.Errorf("cannot reach the database server of %s: it may be down, or the host or port may be wrong (%w)", target.Shown, ErrServerUnreachable)
	}
	return fmt.Errorf("opening %s: %w", target.Shown, explain(err))
}

// ErrServerUnreachable says the server could not be reached at all.
var ErrServerUnreachable = errors.New("no answer from the server")

// OpenReadOnlyServer opens a learner's data on a server without changing
// anything there, not even its schema: for a mentor, who may read a
// learner's schema and write none. Every write is refused with
// ErrReadOnly.
func OpenReadOnlyServer(raw string) (*Store, error) {
	target, err := ParseServerURL(raw)
	if err != nil {
		return nil, err
	}
	db, err := connectServer(target)
	if err != nil {
		return nil, explainServerOpen(target, err)
	}
	version, err := schemaVersion(db)
	if err != nil {
		closeGorm(db)
		return nil, explainServerOpen(target, err)
	}
	if version > SchemaVersion() {
		closeGorm(db)
		return nil, fmt.Errorf("%s: %w (schema version %d; this build knows up to %d); update Study Planner to open it",
			target.Shown, ErrNewerSchema, version, SchemaVersion())
	}
	return &Store{db: db, opened: &opened{path: target.Shown, server: true, learner: target.Learner, serverConfig: target.Config,
		instance: newInstance(), readOnly: true, schema: version}}, nil
}
