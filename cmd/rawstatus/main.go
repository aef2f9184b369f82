// Command rawstatus is the floor for the headless benchmark
// (.ci/bench-headless): a minimal database/sql program that reads the
// rows "studyplanner status" reads from the same file (the plan settings
// and days off, the roadmap, the skills, the time logged per skill and
// step) and prints a summary of them. It links no GUI, no GORM and none
// of Study Planner's packages.
//
//	rawstatus FILE
package main

import (
	"database/sql"
	"fmt"
	"os"

	_ "github.com/glebarez/go-sqlite"
)

var queries = []string{
	"SELECT * FROM plan_settings LIMIT 1",
	"SELECT date, note FROM days_off ORDER BY date",
	"SELECT id, position, title, summary, status, target_date, hours, covers_skills, notes FROM steps ORDER BY position, id",
	"SELECT id, step_id, position, text, done FROM step_actions ORDER BY position, id",
	"SELECT id, step_id, position, title, url FROM step_links ORDER BY position, id",
	"SELECT id, position, name FROM skill_categories ORDER BY position, id",
	"SELECT id, category_id, position, name, status, current_level, target_level, hours, notes, last_practised FROM skills ORDER BY position, id",
	"SELECT id, skill_id, position, title, url FROM skill_links ORDER BY position, id",
	"SELECT skill_id, prerequisite_id FROM skill_prerequisites ORDER BY skill_id, prerequisite_id",
	"SELECT id, position, name, description, repo_url, status FROM projects ORDER BY position, id",
	"SELECT project_id, skill_id FROM project_skills ORDER BY project_id, skill_id",
}

// Where the schema keeps running totals (version 6 on), the floor reads
// them; before, it sums the sessions as the app did.
var (
	loggedTotals = []string{"SELECT skill_id, minutes FROM skill_minutes", "SELECT step_id, minutes FROM step_minutes"}
	loggedSums   = []string{
		"SELECT skill_id, SUM(minutes) FROM sessions WHERE skill_id IS NOT NULL GROUP BY skill_id",
		"SELECT step_id, SUM(minutes) FROM sessions WHERE step_id IS NOT NULL GROUP BY step_id",
	}
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: rawstatus FILE")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "rawstatus:", err)
		os.Exit(1)
	}
}

func run(path string) error {
	// Not read-only: a read-only connection leaves the -wal and -shm files
	// behind, which the app takes for an unclean end (and checks the whole
	// file); a read-write one deletes them as it closes, as the app does.
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer db.Close()
	var totals int
	if err := db.QueryRow("SELECT COUNT(*) FROM sqlite_master WHERE name = 'skill_minutes'").Scan(&totals); err != nil {
		return err
	}
	all := append([]string(nil), queries...)
	if totals > 0 {
		all = append(all, loggedTotals...)
	} else {
		all = append(all, loggedSums...)
	}
	for i, q := range all {
		n, err := count(db, q)
		if err != nil {
			return err
		}
		fmt.Printf("query %2d: %d rows\n", i+1, n)
	}
	return nil
}

// count reads every row of a query into throwaway values.
func count(db *sql.DB, query string) (int, error) {
	rows, err := db.Query(query)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return 0, err
		}
		n++
	}
	return n, rows.Err()
}
