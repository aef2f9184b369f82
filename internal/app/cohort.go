package app

import (
	"fmt"
	"net/url"
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

// Cohort is a mentor's view of their learners, kept open: a screen that
// shows it again reads on the connections it has, whose server processes
// already know the learners' tables (opening a connection and warming it
// up is most of a first read).
type Cohort struct {
	learners []string
	stores   []*store.Store
	problems []error
}

// OpenCohort lists the learners the login of loc may read and opens each
// one's data read-only. A learner whose data cannot be opened gets a row
// saying why, so one broken schema does not hide the cohort.
func OpenCohort(loc string) (*Cohort, error) {
	learners, err := store.CohortLearners(loc)
	if err != nil {
		return nil, err
	}
	c := &Cohort{learners: learners, stores: make([]*store.Store, len(learners)), problems: make([]error, len(learners))}
	c.each(func(i int) {
		c.stores[i], c.problems[i] = store.OpenReadOnlyServer(withLearner(loc, learners[i]))
	})
	return c, nil
}

// Rows reads every learner's row, in the order of their names.
func (c *Cohort) Rows(today time.Time) []CohortRow {
	rows := make([]CohortRow, len(c.learners))
	c.each(func(i int) {
		err := c.problems[i]
		if err == nil {
			rows[i], err = LearnerRow(c.stores[i], c.learners[i], today)
		}
		if err != nil {
			rows[i] = CohortRow{Learner: c.learners[i], Problem: store.Explain(err).Error()}
		}
	})
	return rows
}

// Learners are the learners' names, in order.
func (c *Cohort) Learners() []string { return c.learners }

// Data is the learner's data, opened read-only, or nil when it could not
// be opened.
func (c *Cohort) Data(learner string) *store.Store {
	for i, l := range c.learners {
		if l == learner {
			return c.stores[i]
		}
	}
	return nil
}

// Close releases the learners' connections.
func (c *Cohort) Close() {
	for _, st := range c.stores {
		if st != nil {
			st.Close()
		}
	}
}

// each runs fn for every learner, a few at a time: each is mostly
// waiting on the server.
func (c *Cohort) each(fn func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < cohortReaders; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range c.learners {
		next <- i
	}
	close(next)
	wg.Wait()
}

// cohortReaders is how many learners are read at once.
const cohortReaders = 4

func withLearner(loc, learner string) string {
	u, err := url.Parse(loc)
	if err != nil {
		return loc
	}
	q := u.Query()
	q.Set("learner", learner)
	u.RawQuery = q.Encode()
	return u.String()
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
