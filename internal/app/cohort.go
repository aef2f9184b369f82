package app

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/store"
)

// CohortRow is one learner as their mentor sees them.
type CohortRow struct {
	Learner string
	// Percent is the overall progress; Started false before the plan's
	// start; DaysAhead the standing in study days (negative: behind).
	Percent   int
	Started   bool
	DaysAhead int
	// Hours7 and Hours28 are the hours studied in the last 7 and 28 days,
	// today included.
	Hours7, Hours28 float64
	CurrentStep     string
	Streak          int
	// CardsDue are the interview practice cards due by the end of today.
	CardsDue int
	// LastActivity is the last day with study in the past year; zero for
	// none.
	LastActivity time.Time
	// Problem says why the learner's data could not be read; the other
	// fields are then empty.
	Problem string
}

// CohortReader is what a learner's row reads: their schedule, their
// study days and their practice cards due.
type CohortReader interface {
	PlanReader
	DailyMinutes(from, to time.Time) (map[time.Time]int, error)
	PracticeDue(now time.Time) (today, week int, err error)
}

// LoadCohort reads, as the mentor whose login loc names, every learner's
// row, sorted by name (see Cohort).
func LoadCohort(loc string, today time.Time) ([]CohortRow, error) {
	c, err := OpenCohort(loc)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	return c.Rows(today), nil
}

// Cohort is a mentor's view of their learners, kept open: the rows are
// read on a few connections shared by all the learners, and a screen
// that shows them again reads on the same ones, whose server processes
// already know the learners' tables.
type Cohort struct {
	loc      string
	learners *store.Learners
	mu       sync.Mutex
	// dashboards are the learners' data opened for their dashboards.
	dashboards map[string]*store.Store
}

// OpenCohort lists the learners the login of loc may read.
func OpenCohort(loc string) (*Cohort, error) {
	l, err := store.OpenLearners(loc)
	if err != nil {
		return nil, err
	}
	return &Cohort{loc: loc, learners: l, dashboards: map[string]*store.Store{}}, nil
}

// Rows reads every learner's row, in the order of their names. A learner
// whose data cannot be read gets a row saying why, so one broken schema
// does not hide the cohort.
func (c *Cohort) Rows(today time.Time) []CohortRow {
	names := c.learners.Names()
	rows := make([]CohortRow, len(names))
	each(len(names), func(i int) {
		err := c.learners.Read(names[i], func(view *store.Store) (err error) {
			rows[i], err = learnerRow(view, names[i], today)
			return err
		})
		if err != nil {
			rows[i] = CohortRow{Learner: names[i], Problem: store.Explain(err).Error()}
		}
	})
	return rows
}

// Learners are the learners' names, in order.
func (c *Cohort) Learners() []string { return c.learners.Names() }

// Data opens the learner's data read-only on a connection of its own,
// for their dashboard (a window reads it as it likes, at any time), once.
func (c *Cohort) Data(learner string) (*store.Store, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dashboards == nil {
		return nil, errors.New("the cohort is closed; open it again")
	}
	if st := c.dashboards[learner]; st != nil {
		return st, nil
	}
	st, err := store.OpenReadOnlyServer(store.ForLearner(c.loc, learner))
	if err != nil {
		return nil, err
	}
	c.dashboards[learner] = st
	return st, nil
}

// Close releases the connections.
func (c *Cohort) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.dashboards {
		st.Close()
	}
	c.dashboards = nil
	c.learners.Close()
}

// each runs fn for 0 … n-1, as many at a time as the cohort has
// connections (store.LearnersAtOnce): each is mostly waiting on the server.
func each(n int, fn func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < store.LearnersAtOnce; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// LearnerRow works out one learner's row from their data, read in one
// snapshot.
func LearnerRow(r CohortReader, learner string, today time.Time) (CohortRow, error) {
	return inOneSnapshot(r, func(r CohortReader) (CohortRow, error) { return learnerRow(r, learner, today) })
}

func learnerRow(r CohortReader, learner string, today time.Time) (CohortRow, error) {
	s, err := loadSchedule(r, today)
	if err != nil {
		return CohortRow{}, err
	}
	minutes, err := r.DailyMinutes(s.Today.AddDate(0, 0, -HistoryDays), s.Today.AddDate(0, 0, 1))
	if err != nil {
		return CohortRow{}, err
	}
	o := s.Plan.Overview()
	standing := s.Plan.StandingOn(minutes, s.Forecast.RemainingHours, s.Today)
	row := CohortRow{Learner: learner, Percent: o.Percent(), Started: standing.Started, DaysAhead: standing.DaysAhead}
	if o.Current != nil {
		row.CurrentStep = o.Current.Title
	}
	row.Streak, _ = plan.Streaks(minutes, s.Plan.Settings, s.Today)
	if row.CardsDue, _, err = r.PracticeDue(today); err != nil {
		return CohortRow{}, err
	}
	for d, m := range minutes {
		if d.After(s.Today) {
			continue
		}
		if d.After(s.Today.AddDate(0, 0, -7)) {
			row.Hours7 += float64(m) / 60
		}
		if d.After(s.Today.AddDate(0, 0, -28)) {
			row.Hours28 += float64(m) / 60
		}
		if m > 0 && d.After(row.LastActivity) {
			row.LastActivity = d
		}
	}
	return row, nil
}

// CohortSorts are the orders the cohort table can be sorted in.
var CohortSorts = []string{"name", "progress", "behind", "activity"}

// SortCohort orders rows by key (one of CohortSorts): by name; by
// progress, most first; by how far behind, most behind first; by last
// activity, the longest quiet first. Ties go by name.
func SortCohort(rows []CohortRow, key string) error {
	less := map[string]func(a, b CohortRow) bool{
		"name":     func(a, b CohortRow) bool { return false },
		"progress": func(a, b CohortRow) bool { return a.Percent > b.Percent },
		"behind":   func(a, b CohortRow) bool { return a.DaysAhead < b.DaysAhead },
		"activity": func(a, b CohortRow) bool { return a.LastActivity.Before(b.LastActivity) },
	}[key]
	if less == nil {
		return fmt.Errorf("cannot sort by %q; sort by %s", key, strings.Join(CohortSorts, ", "))
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if less(rows[i], rows[j]) {
			return true
		}
		if less(rows[j], rows[i]) {
			return false
		}
		return rows[i].Learner < rows[j].Learner
	})
	return nil
}
