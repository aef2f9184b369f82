package store

import (
	"database/sql"
	"strconv"
	"strings"
	"sync/atomic"

	"gorm.io/gorm"
)

// The roadmap and the skills are read on every screen and by most
// commands, whole, a row per step, checklist item, skill, link and
// prerequisite. GORM's Find fills structs by reflection, which cost more
// than SQLite's reading of those rows (the skills load took three times
// its database/sql floor); these reads scan the columns directly. Integer
// columns are scanned into int64, which database/sql assigns as it is (an
// int or uint destination goes through a string).

// readObserver, when a test sets it, sees each query eachRow runs: they
// pass by GORM's callbacks, where the tests see the other statements.
var readObserver atomic.Pointer[func(query string, args []any)]

// eachRow runs query with args and calls scan for each row. It goes
// straight to the connection (or the transaction) under db: on a server,
// GORM's building of the statement and its callbacks took as long as the
// rows' scanning.
func eachRow(db *gorm.DB, query string, scan func(*sql.Rows) error, args ...any) error {
	if observe := readObserver.Load(); observe != nil {
		(*observe)(query, args)
	}
	if db.Dialector.Name() == "postgres" {
		query = numberedPlaceholders(query)
	}
	rows, err := db.Statement.ConnPool.QueryContext(db.Statement.Context, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// eachScan runs query with args, scans each row into dest, whose
// addresses are made once for all the rows, and calls use.
func eachScan(db *gorm.DB, query string, dest []any, use func(), args ...any) error {
	return eachRow(db, query, func(r *sql.Rows) error {
		if err := r.Scan(dest...); err != nil {
			return err
		}
		use()
		return nil
	}, args...)
}

// integer scans an integer column into to. database/sql's own fast paths
// cover strings, bytes and times; an integer into an int64 goes through
// reflection, for every value of every row.
type integer struct{ to *int64 }

func (i integer) Scan(src any) error {
	if v, ok := src.(int64); ok {
		*i.to = v
		return nil
	}
	// Anything else (a PostgreSQL SUM is numeric) the way database/sql
	// converts it.
	var n sql.NullInt64
	if err := n.Scan(src); err != nil {
		return err
	}
	*i.to = n.Int64
	return nil
}

// scanRows runs query with args and scans each row with scan. The rows
// are scanned into one value, copied out each time: a value of its own
// per row would be one more allocation each, as scan hands its fields'
// addresses to the driver.
func scanRows[T any](db *gorm.DB, query string, scan func(*sql.Rows, *T) error, args ...any) ([]T, error) {
	var out []T
	var v, zero T
	err := eachRow(db, query, func(r *sql.Rows) error {
		v = zero
		if err := scan(r, &v); err != nil {
			return err
		}
		out = append(out, v)
		return nil
	}, args...)
	return out, err
}

func readSteps(db *gorm.DB) ([]stepRow, error) {
	return scanRows(db, `SELECT id, position, title, summary, status, target_date, hours, covers_skills, notes
		FROM steps ORDER BY position, id`, func(r *sql.Rows, s *stepRow) error {
		var id, position, hours int64
		err := r.Scan(&id, &position, &s.Title, &s.Summary, &s.Status, &s.TargetDate, &hours, &s.CoversSkills, &s.Notes)
		s.ID, s.Position, s.Hours = uint(id), int(position), int(hours)
		return err
	})
}

func readActions(db *gorm.DB) ([]actionRow, error) {
	return scanRows(db, `SELECT id, step_id, position, text, done FROM step_actions ORDER BY position, id`,
		func(r *sql.Rows, a *actionRow) error {
			var id, step, position int64
			err := r.Scan(&id, &step, &position, &a.Text, &a.Done)
			a.ID, a.StepID, a.Position = uint(id), uint(step), int(position)
			return err
		})
}

func readStepLinks(db *gorm.DB) ([]stepLinkRow, error) {
	return scanRows(db, `SELECT id, step_id, position, title, url FROM step_links ORDER BY position, id`,
		func(r *sql.Rows, l *stepLinkRow) error {
			var id, step, position int64
			err := r.Scan(&id, &step, &position, &l.Title, &l.URL)
			l.ID, l.StepID, l.Position = uint(id), uint(step), int(position)
			return err
		})
}

func readProjects(db *gorm.DB) ([]projectRow, error) {
	return scanRows(db, `SELECT id, position, name, description, repo_url, status, started, finished FROM projects ORDER BY position, id`,
		func(r *sql.Rows, p *projectRow) error {
			var id, position int64
			err := r.Scan(&id, &position, &p.Name, &p.Description, &p.RepoURL, &p.Status, &p.Started, &p.Finished)
			p.ID, p.Position = uint(id), int(position)
			return err
		})
}

func readProjectSkills(db *gorm.DB) ([]projectSkillRow, error) {
	return scanRows(db, `SELECT project_id, skill_id FROM project_skills ORDER BY project_id, skill_id`,
		func(r *sql.Rows, p *projectSkillRow) error {
			var project, skill int64
			err := r.Scan(&project, &skill)
			p.ProjectID, p.SkillID = uint(project), uint(skill)
			return err
		})
}

func readDaysOff(db *gorm.DB) ([]dayOffRow, error) {
	return scanRows(db, `SELECT date, note FROM days_off ORDER BY date`, func(r *sql.Rows, d *dayOffRow) error {
		return r.Scan(&d.Date, &d.Note)
	})
}

// since is a column a migration added, for a select list: the column on a
// schema at that version or later, else its default under its name (a
// file from before, opened read-only, was not migrated).
func since(schema, version int, column, otherwise string) string {
	if schema >= version {
		return column
	}
	return otherwise + " AS " + column
}

// numberedPlaceholders writes a query's ? placeholders as PostgreSQL's
// $1, $2, …; the queries here have no ? in their text otherwise.
func numberedPlaceholders(query string) string {
	if !strings.Contains(query, "?") {
		return query
	}
	var out strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			out.WriteString("$" + strconv.Itoa(n))
			continue
		}
		out.WriteRune(r)
	}
	return out.String()
}
