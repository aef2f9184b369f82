package store

import (
	"errors"
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/studyplanner/studyplanner/internal/dataset"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

// summed is what Logged gave before the running totals: the sessions
// summed per skill and per step.
func summed(t *testing.T, st *Store) plan.Logged {
	t.Helper()
	l := plan.Logged{BySkill: map[uint]int{}, ByStep: map[uint]int{}}
	for column, into := range map[string]map[uint]int{"skill_id": l.BySkill, "step_id": l.ByStep} {
		var rows []struct {
			ID      uint
			Minutes int
		}
		q := "SELECT " + column + " AS id, SUM(minutes) AS minutes FROM sessions WHERE " + column + " IS NOT NULL GROUP BY " + column
		must(t, st.db.Raw(q).Scan(&rows).Error)
		for _, r := range rows {
			into[r.ID] = r.Minutes
		}
	}
	return l
}

func totalsMatch(t *testing.T, st *Store, after string) {
	t.Helper()
	got, err := st.Logged()
	must(t, err)
	if want := summed(t, st); !reflect.DeepEqual(got, want) {
		t.Fatalf("after %s the running totals are %+v, the sessions sum to %+v", after, got, want)
	}
}

// TestRunningTotalsFollowEveryWrite: the per-skill and per-step totals
// Logged reads are kept by triggers, so they equal the sessions' sums
// after any write: sessions logged, edited, moved to another skill or
// step and deleted, skills and steps deleted (their sessions kept, their
// totals gone), packs merged, whole imports and restores.
func TestRunningTotalsFollowEveryWrite(t *testing.T) {
	st := imported(t)
	r := rand.New(rand.NewSource(14))
	totalsMatch(t, st, "an import")
	pick := func() (skill, step uint) {
		p, err := st.Plan()
		must(t, err)
		var skills []uint
		for _, c := range p.Categories {
			for _, sk := range c.Skills {
				skills = append(skills, sk.ID)
			}
		}
		if r.Intn(4) > 0 && len(skills) > 0 {
			skill = skills[r.Intn(len(skills))]
		}
		if r.Intn(3) == 0 && len(p.Steps) > 0 {
			step = p.Steps[r.Intn(len(p.Steps))].ID
		}
		return skill, step
	}
	for i := 0; i < 300; i++ {
		var what string
		switch op := r.Intn(20); {
		case op < 9:
			what = "logging a session"
			skill, step := pick()
			_, err := st.LogSession(plan.Session{Date: today.AddDate(0, 0, -r.Intn(900)), Minutes: 1 + r.Intn(120), SkillID: skill, StepID: step})
			must(t, err)
		case op < 13:
			what = "editing a session"
			all, err := st.Sessions(time.Time{}, today.AddDate(1, 0, 0))
			must(t, err)
			if len(all) == 0 {
				continue
			}
			before := all[r.Intn(len(all))]
			after := before
			after.Minutes = 1 + r.Intn(200)
			if r.Intn(2) == 0 {
				after.SkillID, after.StepID = pick()
			}
			must(t, st.UpdateSession(before, after))
		case op < 16:
			what = "deleting a session"
			all, err := st.Sessions(time.Time{}, today.AddDate(1, 0, 0))
			must(t, err)
			if len(all) > 0 {
				must(t, st.DeleteSession(all[r.Intn(len(all))].ID))
			}
		case op == 16:
			what = "deleting a skill"
			if skill, _ := pick(); skill != 0 {
				must(t, st.DeleteSkill(skill))
			}
		case op == 17:
			what = "deleting a step"
			if _, step := pick(); step != 0 {
				must(t, st.DeleteStep(step))
			}
		case op == 18:
			what = "adding a skill and a step"
			cats, err := st.Categories()
			must(t, err)
			if len(cats) > 0 {
				_, err = st.AddSkill(plan.Skill{CategoryID: cats[0].ID, Name: fmt.Sprintf("New %d", i), TargetLevel: 3, Status: plan.SkillNotStarted})
				must(t, err)
			}
			_, err = st.AddStep(fmt.Sprintf("Step %d", i))
			must(t, err)
		default:
			what = "merging a pack"
			_, err := st.ImportPack(samplePack())
			must(t, err)
		}
		totalsMatch(t, st, what)
	}
	if storetest.OnServer() {
		return // the rest is about backups of a file
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	must(t, st.BackupTo(backup))
	must(t, st.Import(sampleDocument()))
	totalsMatch(t, st, "importing over it")
	_, err := st.RestoreFrom(backup, today)
	must(t, err)
	totalsMatch(t, st, "restoring a backup")
}

// testdata/v5-daily-use.db was written by the release with schema version
// 5: the built-in roadmap with five sessions, on skills, on steps and on
// both. Migration 6 totals them and moves the date index.
func TestMigratesAVersion5DatabaseTotallingItsHistory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v5.db")
	copyFile(t, "testdata/v5-daily-use.db", path)
	st, err := Open(path)
	must(t, err)
	defer st.Close()
	doc := mustExport(t, st)
	if len(doc.Sessions) != 5 || doc.Sessions[0].Notes != "v5 session" || doc.Sessions[3].Skill != "Go" || doc.Sessions[3].Step != "Learn the core skills" {
		t.Errorf("sessions after migration: %+v", doc.Sessions)
	}
	got, err := st.Logged()
	must(t, err)
	goSkill, _ := findSkill(t, st, "Go")
	python, _ := findSkill(t, st, "Python")
	if len(got.BySkill) != 2 || got.BySkill[goSkill.ID] != 115 || got.BySkill[python.ID] != 30 || len(got.ByStep) != 2 || sumOf(got.ByStep) != 70 {
		t.Errorf("totals after migration: %+v; want Go 115, Python 30, two steps with 50 and 20", got)
	}
	totalsMatch(t, st, "migrating")
	var indexes []string
	must(t, st.db.Raw("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sessions' ORDER BY name").Scan(&indexes).Error)
	if want := []string{"sessions_by_date_minutes", "sessions_by_skill", "sessions_by_step"}; !reflect.DeepEqual(indexes, want) {
		t.Errorf("indexes on sessions: %q, want %q", indexes, want)
	}
}

func sumOf(m map[uint]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// recorded is one statement the store ran.
type recorded struct {
	sql  string
	vars []any
}

// recordStatements records every statement st runs through GORM until
// the returned stop is called.
func recordStatements(t *testing.T, st *Store) (stop func() []recorded) {
	t.Helper()
	var mu sync.Mutex
	var got []recorded
	on := true
	record := func(db *gorm.DB) {
		mu.Lock()
		defer mu.Unlock()
		if on && db.Statement.SQL.Len() > 0 {
			got = append(got, recorded{db.Statement.SQL.String(), append([]any(nil), db.Statement.Vars...)})
		}
	}
	cb := st.db.Callback()
	name := fmt.Sprintf("test:record:%p", &got)
	must(t, cb.Query().After("gorm:query").Register(name, record))
	must(t, cb.Row().After("gorm:row").Register(name, record))
	must(t, cb.Raw().After("gorm:raw").Register(name, record))
	must(t, cb.Create().After("gorm:create").Register(name, record))
	must(t, cb.Update().After("gorm:update").Register(name, record))
	must(t, cb.Delete().After("gorm:delete").Register(name, record))
	observe := func(query string, args []any) {
		mu.Lock()
		defer mu.Unlock()
		if on {
			got = append(got, recorded{query, append([]any(nil), args...)})
		}
	}
	readObserver.Store(&observe)
	return func() []recorded {
		mu.Lock()
		defer mu.Unlock()
		on = false
		readObserver.Store(nil)
		return got
	}
}

// queryPlan is SQLite's plan for a statement, one line per step.
func queryPlan(t *testing.T, st *Store, stmt recorded) []string {
	t.Helper()
	var rows []struct {
		ID, Parent, Notused int
		Detail              string
	}
	must(t, st.db.Raw("EXPLAIN QUERY PLAN "+stmt.sql, stmt.vars...).Scan(&rows).Error)
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Detail
	}
	return out
}

// wholeHistory matches a plan step that reads every session: a scan of
// the table or of any of its indexes, or a search bounded on one side
// only (skill_id IS NOT NULL is searched as skill_id>?, which is every
// session with a skill). A search for one value or between two reads only
// what it asks for.
var wholeHistory = regexp.MustCompile(`^SCAN sessions\b|^SEARCH sessions .*\(\w+[<>]\?\)$`)

// TestNoScreenOrCommandReadsTheWholeHistory runs, on the large dataset,
// what every screen loads and every command reads and writes, records
// each statement, and asks SQLite how it runs each: none may scan the
// sessions. Only exports (which write every session out), imports,
// restores and the data check read them all, and they are not here.
func TestNoScreenOrCommandReadsTheWholeHistory(t *testing.T) {
	storetest.FileOnly(t)
	st, _ := openTemp(t)
	must(t, st.Import(dataset.Large(1, today)))
	day := plan.Date(today)
	p, err := st.Plan()
	must(t, err)
	skill, step := p.Categories[0].Skills[0].ID, p.Steps[0].ID
	steps := map[string]func() error{
		"Plan (the dashboard, the timeline, status, plan, log)": func() error { _, err := st.Plan(); return err },
		"Logged (the dashboard, skills, the timeline, status)":  func() error { _, err := st.Logged(); return err },
		"DailyMinutes of the last year (heatmap, streak, week)": func() error {
			_, err := st.DailyMinutes(day.AddDate(0, 0, -371), day.AddDate(0, 0, 1))
			return err
		},
		"DailyMinutes of a month on view": func() error {
			_, err := st.DailyMinutes(day.AddDate(0, -20, 0), day.AddDate(0, -19, 0))
			return err
		},
		"Sessions of a day (today, the day on view)": func() error { _, err := st.Sessions(day, day.AddDate(0, 0, 1)); return err },
		"Categories and Roadmap":                     func() error { _, err := st.Categories(); _, err2 := st.Roadmap(); return firstOf(err, err2) },
		"the salaries screen": func() error {
			_, a := st.Salaries()
			_, b := st.Rates()
			_, c := st.PPPFactors()
			_, d := st.Comparison()
			return firstOf(a, b, c, d)
		},
		"Settings and Welcomed": func() error { _, a := st.Settings(); _, b := st.Welcomed(); return firstOf(a, b) },
		"pack export":           func() error { _, err := st.ExportPack(""); return err },
		"logging, editing and deleting a session": func() error {
			id, err := st.LogSession(plan.Session{Date: day, Minutes: 30, SkillID: skill})
			if err != nil {
				return err
			}
			before := plan.Session{ID: id, Date: day, Minutes: 30, SkillID: skill}
			after := before
			after.Minutes, after.StepID = 45, step
			if err := st.UpdateSession(before, after); err != nil {
				return err
			}
			return st.DeleteSession(id)
		},
		"deleting a skill and a step (their sessions kept)": func() error {
			return firstOf(st.DeleteSkill(p.Categories[1].Skills[0].ID), st.DeleteStep(p.Steps[1].ID))
		},
	}
	for name, run := range steps {
		stop := recordStatements(t, st)
		must(t, run())
		statements := stop()
		if len(statements) == 0 {
			t.Errorf("%s: no statement recorded", name)
		}
		for _, stmt := range statements {
			if !strings.Contains(stmt.sql, "sessions") {
				continue
			}
			for _, line := range queryPlan(t, st, stmt) {
				if wholeHistory.MatchString(line) {
					t.Errorf("%s reads the whole history:\n  %s\n  %s", name, stmt.sql, line)
				}
			}
		}
	}
}

func firstOf(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// TestTheHistoryQueriesPlans pins the plan of each query that reads the
// history, as SQLite gives it: the study days of a range from the covering
// index alone, the totals from their own tables, the limit check from the
// ends of the key.
func TestTheHistoryQueriesPlans(t *testing.T) {
	storetest.FileOnly(t)
	st, _ := openTemp(t)
	must(t, st.Import(sampleDocument()))
	tests := []struct {
		query string
		want  []string
	}{
		{`SELECT date, SUM(minutes) AS minutes FROM sessions WHERE date >= ? AND date < ? GROUP BY date`,
			[]string{"SEARCH sessions USING COVERING INDEX sessions_by_date_minutes (date>? AND date<?)"}},
		{"SELECT `sessions`.`id`,`sessions`.`date`,`sessions`.`start_time`,`sessions`.`minutes`,`sessions`.`skill_id`,`sessions`.`step_id`,`sessions`.`notes` FROM `sessions` WHERE date >= ? AND date < ? ORDER BY date, start_time, id",
			[]string{"SEARCH sessions USING INDEX sessions_by_date_minutes (date>? AND date<?)", "USE TEMP B-TREE FOR RIGHT PART OF ORDER BY"}},
		{`SELECT skill_id AS id, minutes FROM skill_minutes`, []string{"SCAN skill_minutes"}},
		{`SELECT step_id AS id, minutes FROM step_minutes`, []string{"SCAN step_minutes"}},
		{`SELECT COALESCE((SELECT MAX(id) FROM sessions) - (SELECT MIN(id) FROM sessions) + 1, 0)`,
			[]string{"SCAN CONSTANT ROW", "SCALAR SUBQUERY 1", "SEARCH sessions", "SCALAR SUBQUERY 2", "SEARCH sessions"}},
	}
	for _, tt := range tests {
		got := queryPlan(t, st, recorded{tt.query, []any{"2026-01-01", "2026-12-01"}[:strings.Count(tt.query, "?")]})
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("EXPLAIN QUERY PLAN %s\n got %q\nwant %q", tt.query, got, tt.want)
		}
	}
}

// TestTheFullCheckFindsTotalsOutOfStepAndTheyAreRebuilt: totals that
// disagree with the sessions (no write of the app can cause it; a bug or
// a hand edit could) are reported by the full check and worked out again
// from the sessions.
func TestTheFullCheckFindsTotalsOutOfStepAndTheyAreRebuilt(t *testing.T) {
	st := imported(t)
	h, err := st.Check(FullCheck)
	must(t, err)
	if !h.Healthy() || h.Bytes == 0 {
		t.Fatalf("a healthy file: %+v", h)
	}
	must(t, st.db.Exec("UPDATE skill_minutes SET minutes = minutes + 5").Error)
	must(t, st.db.Exec("DELETE FROM step_minutes").Error)
	if h, _ := st.Check(QuickCheck); !h.Healthy() {
		t.Errorf("the quick check reads pages, not totals: %+v", h)
	}
	if h, _ := st.Check(FullCheck); !h.TotalsOff || len(h.Damage) > 0 {
		t.Fatalf("totals out of step: %+v", h)
	}
	must(t, st.RebuildTotals())
	totalsMatch(t, st, "rebuilding the totals")
	if h, _ := st.Check(FullCheck); !h.Healthy() {
		t.Errorf("after the rebuild: %+v", h)
	}
}

// TestAnOlderFileOnAReadOnlyDiskStillTotals: a file from before the
// running totals cannot be migrated on a read-only disk; its totals are
// summed from the sessions as before.
func TestAnOlderFileOnAReadOnlyDiskStillTotals(t *testing.T) {
	src := t.TempDir()
	copyFile(t, "testdata/v5-daily-use.db", filepath.Join(src, "studyplanner.db"))
	st, err := Open(filepath.Join(readOnlyFolder(t, src), "studyplanner.db"))
	must(t, err)
	defer st.Close()
	if !st.ReadOnly() {
		t.Fatal("not opened read-only")
	}
	got, err := st.Logged()
	must(t, err)
	if sumOf(got.BySkill) != 145 || sumOf(got.ByStep) != 70 {
		t.Errorf("totals of the version 5 file: %+v", got)
	}
	if h, err := st.Check(FullCheck); err != nil || !h.Healthy() {
		t.Errorf("check of the version 5 file: %+v, %v", h, err)
	}
}

// TestABackupDamagedInTheMiddleIsNotRestored: a restore checks the backup
// whole before it reads it.
func TestABackupDamagedInTheMiddleIsNotRestored(t *testing.T) {
	st := imported(t)
	before := mustExport(t, st)
	_, err := st.RestoreFrom(damagedInTheMiddle(t), today)
	var damaged *DamagedError
	if !errors.As(err, &damaged) {
		t.Fatalf("RestoreFrom = %v, want the backup refused as damaged", err)
	}
	if after := mustExport(t, st); !reflect.DeepEqual(before, after) {
		t.Error("a refused restore changed the data")
	}
}
