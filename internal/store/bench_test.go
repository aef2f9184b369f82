package store

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/dataset"
	"github.com/studyplanner/studyplanner/internal/ics"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// The benchmarks share the large database (see package dataset) and the
// same with its history copied sixteen times, each made once per run:
// every load is measured at ×1 and ×16, and since the ×16 copies lie
// before the last five years, a load that grows from one to the other
// reads history it does not show.
var (
	benchMu    sync.Mutex
	benchPaths = map[int]string{}
	benchToday = time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	benchSizes = []int{1, 16}
)

// TestMain removes the benchmarks' databases (12 MB at ×16) when the run
// ends.
func TestMain(m *testing.M) {
	code := m.Run()
	for _, path := range benchPaths {
		os.RemoveAll(filepath.Dir(path))
	}
	for _, clean := range serverCleanups {
		clean()
	}
	os.Exit(code)
}

func largeDB(b *testing.B, times int) string {
	benchMu.Lock()
	defer benchMu.Unlock()
	if path, ok := benchPaths[times]; ok {
		return path
	}
	dir, err := os.MkdirTemp("", "studyplanner-bench-")
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, fmt.Sprintf("x%d.db", times))
	st, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := st.Import(dataset.Copied(1, benchToday, times)); err != nil {
		b.Fatal(err)
	}
	st.Close()
	benchPaths[times] = path
	return path
}

// allSizes makes every size's database before anything is timed, and
// settle collects the garbage before each timing: otherwise the first
// size timed runs with the small heap of before the ×16 import and the
// other with the large one after it, and garbage collection, not the
// history, makes the difference.
func allSizes(b *testing.B) {
	for _, times := range benchSizes {
		largeDB(b, times)
	}
	settle()
}

func settle() { runtime.GC() }

func openLarge(b *testing.B, times int) *Store {
	st, err := Open(largeDB(b, times))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// rawDB opens the same file with plain database/sql: the floor our layers
// are measured against.
func rawDB(b *testing.B, times int) *sql.DB {
	db, err := sql.Open("sqlite", largeDB(b, times)+"?_pragma=busy_timeout(10000)")
	if err != nil {
		b.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	b.Cleanup(func() { db.Close() })
	return db
}

// scanAll reads every row of a query into throwaway values, as a screen
// would read them.
func scanAll(b *testing.B, db *sql.DB, query string, args ...any) {
	rows, err := db.Query(query, args...)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			b.Fatal(err)
		}
	}
	if err := rows.Err(); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkOpen(b *testing.B) {
	allSizes(b)
	for _, times := range benchSizes {
		path := largeDB(b, times)
		b.Run(fmt.Sprintf("x%d/app", times), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				st, err := Open(path)
				if err != nil {
					b.Fatal(err)
				}
				st.Close()
			}
		})
		b.Run(fmt.Sprintf("x%d/floor", times), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				db, err := sql.Open("sqlite", path)
				if err != nil {
					b.Fatal(err)
				}
				if err := db.Ping(); err != nil {
					b.Fatal(err)
				}
				db.Close()
			}
		})
	}
}

var (
	floorRoadmap = []string{
		"SELECT id, position, title, summary, status, target_date, hours, covers_skills, notes FROM steps ORDER BY position, id",
		"SELECT id, step_id, position, text, done FROM step_actions ORDER BY position, id",
		"SELECT id, step_id, position, title, url FROM step_links ORDER BY position, id",
	}
	floorSkills = []string{
		"SELECT id, position, name FROM skill_categories ORDER BY position, id",
		"SELECT id, category_id, position, name, status, current_level, target_level, hours, notes, last_practised FROM skills ORDER BY position, id",
		"SELECT id, skill_id, position, title, url FROM skill_links ORDER BY position, id",
		"SELECT skill_id, prerequisite_id FROM skill_prerequisites ORDER BY skill_id, prerequisite_id",
		"SELECT id, position, name, description, repo_url, status FROM projects ORDER BY position, id",
		"SELECT project_id, skill_id FROM project_skills ORDER BY project_id, skill_id",
	}
	// The time logged per skill and step, as the schema keeps it
	// (migration 6).
	floorLogged   = []string{"SELECT skill_id, minutes FROM skill_minutes", "SELECT step_id, minutes FROM step_minutes"}
	floorSettings = []string{"SELECT * FROM plan_settings LIMIT 1", "SELECT date, note FROM days_off ORDER BY date"}
	floorSalaries = []string{
		"SELECT * FROM salaries ORDER BY position, id", "SELECT * FROM exchange_rates ORDER BY currency",
		"SELECT * FROM ppp_factors ORDER BY country_code", "SELECT * FROM plan_settings LIMIT 1",
	}
	floorYear = "SELECT date, SUM(minutes) FROM sessions WHERE date >= ? AND date < ? GROUP BY date"
	floorDay  = "SELECT * FROM sessions WHERE date >= ? AND date < ? ORDER BY date, start_time, id"
)

func floor(b *testing.B, db *sql.DB, queries ...[]string) {
	for _, qs := range queries {
		for _, q := range qs {
			scanAll(b, db, q)
		}
	}
}

func yearRange() (string, string) {
	return formatDate(benchToday.AddDate(0, 0, -371)), formatDate(benchToday.AddDate(0, 0, 1))
}

// benchScreen is one screen's load through the store (app) and as the
// same rows read with plain database/sql (floor).
type benchScreen struct {
	name  string
	app   func(st *Store)
	floor func(db *sql.DB)
}

// loadScreens are the screens' loads, the floor reading the study days
// of the year and of one day with yearQuery and dayQuery.
func loadScreens(b *testing.B, yearQuery, dayQuery string) []benchScreen {
	from, to := yearRange()
	day, nextDay := formatDate(benchToday), formatDate(benchToday.AddDate(0, 0, 1))
	return []benchScreen{
		{"roadmap", func(st *Store) { check(b)(st.Roadmap()) }, func(db *sql.DB) { floor(b, db, floorRoadmap) }},
		{"skills", together(func(st *Store) { check(b)(st.Categories()); check(b)(st.Logged()) }),
			func(db *sql.DB) { floor(b, db, floorSkills, floorLogged) }},
		{"salaries", together(func(st *Store) {
			check(b)(st.Salaries())
			check(b)(st.Rates())
			check(b)(st.PPPFactors())
			check(b)(st.Comparison())
		}), func(db *sql.DB) { floor(b, db, floorSalaries) }},
		{"timeline", together(func(st *Store) {
			check(b)(st.Plan())
			check(b)(st.Logged())
			check(b)(st.DailyMinutes(benchToday.AddDate(0, 0, -371), benchToday.AddDate(0, 0, 1)))
			check(b)(st.Sessions(benchToday, benchToday.AddDate(0, 0, 1)))
		}), func(db *sql.DB) {
			floor(b, db, floorSettings, floorRoadmap, floorSkills, floorLogged)
			scanAll(b, db, yearQuery, from, to)
			scanAll(b, db, dayQuery, day, nextDay)
		}},
		{"dashboard", together(func(st *Store) {
			check(b)(st.Plan())
			check(b)(st.Logged())
			check(b)(st.DailyMinutes(benchToday.AddDate(0, 0, -371), benchToday.AddDate(0, 0, 1)))
			check(b)(st.Salaries())
			check(b)(st.Rates())
			check(b)(st.PPPFactors())
			check(b)(st.Comparison())
		}), func(db *sql.DB) {
			floor(b, db, floorSettings, floorRoadmap, floorSkills, floorLogged, floorSalaries)
			scanAll(b, db, yearQuery, from, to)
		}},
	}
}

// together reads as the app's screens do: every part in one snapshot
// (Store.Snapshot, called by app's loads).
func together(read func(st *Store)) func(st *Store) {
	return func(st *Store) {
		st.Snapshot(func(view *Store) error { read(view); return nil })
	}
}

// BenchmarkLoad measures each screen's data load against the floor (the
// same rows read with plain database/sql) at ×1 and ×16:
// BenchmarkLoad/x16/dashboard/app and so on. .ci/bench-ratios sets each
// beside its floor and each ×16 beside its ×1.
func BenchmarkLoad(b *testing.B) {
	screens := loadScreens(b, floorYear, floorDay)
	allSizes(b)
	for _, times := range benchSizes {
		for _, s := range screens {
			b.Run(fmt.Sprintf("x%d/%s/app", times, s.name), func(b *testing.B) {
				st := openLarge(b, times)
				settle()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					s.app(st)
				}
			})
			b.Run(fmt.Sprintf("x%d/%s/floor", times, s.name), func(b *testing.B) {
				db := rawDB(b, times)
				settle()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					s.floor(db)
				}
			})
		}
	}
}

// check fails the benchmark on an error from a (value, error) call.
func check(b *testing.B) func(any, error) {
	return func(_ any, err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLogSession is a write at ×1 and ×16: one session logged and
// deleted again, each in its transaction with the limit and size checks.
func BenchmarkLogSession(b *testing.B) {
	allSizes(b)
	for _, times := range benchSizes {
		b.Run(fmt.Sprintf("x%d", times), func(b *testing.B) {
			st := openLarge(b, times)
			settle()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				id, err := st.LogSession(plan.Session{Date: benchToday, Minutes: 30, SkillID: 1})
				if err != nil {
					b.Fatal(err)
				}
				if err := st.DeleteSession(id); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkExportJSON(b *testing.B) {
	st := openLarge(b, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc, err := st.Export()
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := snapshot.Encode(&buf, doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImportJSON(b *testing.B) {
	var buf bytes.Buffer
	snapshot.Encode(&buf, dataset.Large(1, benchToday))
	st, err := Open(filepath.Join(b.TempDir(), "import.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	b.SetBytes(int64(buf.Len()))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc, err := snapshot.Decode(bytes.NewReader(buf.Bytes()))
		if err != nil {
			b.Fatal(err)
		}
		if err := st.Import(doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExportICS(b *testing.B) {
	st := openLarge(b, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p, err := st.Plan()
		if err != nil {
			b.Fatal(err)
		}
		logged, err := st.Logged()
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := ics.Write(&buf, ics.Export{Days: p.Forecast(logged, benchToday).Days, Steps: p.Steps, StudyAt: "18:00", Now: benchToday}); err != nil {
			b.Fatal(err)
		}
	}
}
