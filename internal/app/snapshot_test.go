package app

import (
	"testing"

	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

// snapshotCounter is the store, counting the snapshots asked of it.
type snapshotCounter struct {
	*store.Store
	snapshots int
}

func (c *snapshotCounter) Snapshot(fn func(view *store.Store) error) error {
	c.snapshots++
	return c.Store.Snapshot(fn)
}

// Each screen's load reads its parts in one snapshot: one transaction
// for the screen, so that on a server it costs a round trip or two, not
// two more per part, and the parts agree with each other.
func TestEachScreenReadsInOneSnapshot(t *testing.T) {
	st, err := Open(store.Location{Path: storetest.Location(t, "studyplanner.db")}, BuiltIn, fixedNow(), "en_GB")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	today := fixedNow()
	loads := map[string]func(c *snapshotCounter) error{
		"dashboard": func(c *snapshotCounter) error { _, err := LoadDashboard(c, today); return err },
		"timeline":  func(c *snapshotCounter) error { _, err := LoadTimeline(c, today, today.AddDate(0, 1, 0)); return err },
		"skills":    func(c *snapshotCounter) error { _, err := LoadSkills(c); return err },
		"salaries":  func(c *snapshotCounter) error { _, err := LoadSalaries(c); return err },
		"jobs":      func(c *snapshotCounter) error { _, err := LoadJobs(c); return err },
		"practice":  func(c *snapshotCounter) error { _, err := LoadPractice(c, today); return err },
		"résumé":    func(c *snapshotCounter) error { _, err := LoadResume(c); return err },
		"review":    func(c *snapshotCounter) error { _, err := LoadWeeklyReview(c, today); return err },
		"cohort row": func(c *snapshotCounter) error {
			_, err := LearnerRow(c, "ana", today)
			return err
		},
	}
	for name, load := range loads {
		c := &snapshotCounter{Store: st}
		if err := load(c); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if c.snapshots != 1 {
			t.Errorf("the %s read in %d snapshots, want one", name, c.snapshots)
		}
	}
}

// A reader the view cannot stand in for is read as it is, outside any
// snapshot: reading through it inside one would wait forever on a file,
// whose one connection the snapshot holds.
func TestReadTogetherReadsAsItIsWhatTheViewCannotBe(t *testing.T) {
	st, err := Open(store.Location{Path: storetest.Location(t, "studyplanner.db")}, BuiltIn, fixedNow(), "en_GB")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c := &snapshotCounter{Store: st}
	err = ReadTogether(c, func(c *snapshotCounter) error { _, err := c.Roadmap(); return err })
	if err != nil || c.snapshots != 0 {
		t.Errorf("read through a %T: %v, %d snapshots; want it read as it is", c, err, c.snapshots)
	}
}
