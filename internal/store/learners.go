package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"gorm.io/gorm"
)

// Learners is a mentor's read-only access to every learner's data on a
// server, over one small pool of connections. Opening each learner's data
// apart (OpenReadOnlyServer) costs a connection each, and a connection is
// a new server process: for a cohort of thirty that was most of the
// table's time. Here each read is one transaction that points the search
// path at the learner's schema for its length only.
type Learners struct {
	db     *gorm.DB
	target ServerTarget
	names  []string
	// opened is each learner's: their schema's version, read-only.
	opened map[string]*opened
	// problems say why a learner's schema version could not be read.
	problems map[string]error
}

// LearnersAtOnce is how many connections a Learners keeps: how many
// learners can be read at once.
const LearnersAtOnce = 4

// OpenLearners lists the learners' schemas the login of loc may read (a
// mentor's: every learner InitServer gave them), those holding Study
// Planner's data, by name, and the version of each one's schema: two
// round trips on one connection.
func OpenLearners(loc string) (*Learners, error) {
	target, err := ParseServerURL(loc)
	if err != nil {
		return nil, err
	}
	db, err := connectServer(target)
	if err != nil {
		return nil, explainServerOpen(target, err)
	}
	if sqlDB, err := db.DB(); err == nil {
		sqlDB.SetMaxOpenConns(LearnersAtOnce)
		sqlDB.SetMaxIdleConns(LearnersAtOnce)
	}
	l := &Learners{db: db, target: target, opened: map[string]*opened{}}
	if l.names, err = listLearners(db); err != nil {
		closeGorm(db)
		return nil, fmt.Errorf("listing the learners on %s: %w", target.Shown, explain(err))
	}
	versions, err := schemaVersions(db, l.names)
	if err != nil {
		// One schema the query cannot read (another program's table of
		// the same name) must not hide the others: each on its own.
		versions, l.problems = schemaVersionsOneByOne(db, l.names)
	}
	for _, name := range l.names {
		l.opened[name] = &opened{path: ForLearner(target.Shown, name), server: true, learner: name, serverConfig: target.Config,
			instance: newInstance(), readOnly: true, schema: versions[name]}
	}
	return l, nil
}

// ForLearner is a server address with the learner's name in it: the one
// the login of loc opens that learner's data at.
func ForLearner(loc, learner string) string {
	u, err := url.Parse(loc)
	if err != nil {
		return loc
	}
	q := u.Query()
	q.Set("learner", learner)
	u.RawQuery = q.Encode()
	return u.String()
}

// learnersQuery lists the schemas that hold a learner's data this login
// may read: Study Planner's tables, not the cohort's, not the login's own.
const learnersQuery = `SELECT n.nspname FROM pg_namespace n
	WHERE n.nspname NOT IN ('public', 'information_schema', ?) AND n.nspname NOT LIKE 'pg\_%'
	AND n.nspname <> current_user AND has_schema_privilege(n.oid, 'USAGE')
	AND EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = n.oid AND c.relname = 'schema_migrations'
		AND has_table_privilege(c.oid, 'SELECT'))
	ORDER BY n.nspname`

// listLearners lists them; a schema whose name Study Planner would not
// give a learner (see ParseServerURL) is another program's.
func listLearners(db *gorm.DB) ([]string, error) {
	names := []string{}
	var name string
	err := eachScan(db, learnersQuery, []any{&name}, func() {
		if learnerName.MatchString(name) && !strings.HasPrefix(name, "pg_") {
			names = append(names, name)
		}
	}, CohortSchema)
	return names, err
}

// schemaVersions reads every learner's schema version in one query.
func schemaVersions(db *gorm.DB, names []string) (map[string]int, error) {
	versions := map[string]int{}
	if len(names) == 0 {
		return versions, nil
	}
	parts := make([]string, len(names))
	args := make([]any, len(names))
	for i, name := range names {
		parts[i] = `SELECT ?, COALESCE(MAX(version), 0) FROM ` + pgx.Identifier{name, "schema_migrations"}.Sanitize()
		args[i] = name
	}
	var name string
	var version int64
	err := eachScan(db, strings.Join(parts, " UNION ALL "), []any{&name, &version}, func() { versions[name] = int(version) }, args...)
	return versions, err
}

// schemaVersionsOneByOne reads each learner's schema version with a query
// of its own, and says why for those it cannot read.
func schemaVersionsOneByOne(db *gorm.DB, names []string) (map[string]int, map[string]error) {
	versions, problems := map[string]int{}, map[string]error{}
	for _, name := range names {
		var version int64
		err := eachScan(db, `SELECT COALESCE(MAX(version), 0) FROM `+pgx.Identifier{name, "schema_migrations"}.Sanitize(),
			[]any{&version}, func() {})
		if err != nil {
			problems[name] = fmt.Errorf("the schema %s does not hold Study Planner's data as this version knows it: %w", name, explain(err))
			continue
		}
		versions[name] = int(version)
	}
	return versions, problems
}

// Names are the learners' names, in order.
func (l *Learners) Names() []string { return l.names }

// Read runs fn with a read-only view of the learner's data, all of it
// one snapshot, as Snapshot gives. fn reads through the view only.
func (l *Learners) Read(learner string, fn func(view *Store) error) error {
	o := l.opened[learner]
	if o == nil {
		return fmt.Errorf("%s is not among the learners this login may read", learner)
	}
	if err := l.problems[learner]; err != nil {
		return err
	}
	if o.schema > SchemaVersion() {
		return fmt.Errorf("%s: %w (schema version %d; this build knows up to %d); update Study Planner to read it",
			learner, ErrNewerSchema, o.schema, SchemaVersion())
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	opts := &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead}
	return explain(l.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		// The third argument makes the setting last until the
		// transaction ends: the connection goes back to the pool as it
		// came. PostgreSQL parses a prepared statement again when the
		// search path has changed since.
		if err := tx.Exec(`SELECT set_config('search_path', ?, true)`, pgx.Identifier{learner}.Sanitize()).Error; err != nil {
			return err
		}
		return fn(&Store{opened: o, db: tx, view: true})
	}, opts))
}

// Close releases the connections.
func (l *Learners) Close() { closeGorm(l.db) }
