package store

import (
	"errors"
	"strings"
	"testing"

	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

// A mentor reads every learner on a few shared connections, each read
// pointed at one learner's schema for its transaction only: a read never
// shows another learner's data, even on a connection that just read
// someone else's, and nothing can be written through it.
func TestAMentorReadsEachLearnerOnSharedConnections(t *testing.T) {
	ana, ben, mentor := storetest.Unique("ana"), storetest.Unique("ben"), storetest.Unique("mentor")
	storetest.DropRoles(t, ana, ben, mentor)
	db := storetest.Database(t)
	if _, err := InitServer(db, ServerPlan{Learners: []string{ana, ben}, Mentor: mentor}); err != nil {
		t.Fatal(err)
	}
	steps := map[string]int{ana: 1, ben: 3}
	for learner, n := range steps {
		st, err := Open(storetest.AsRole(t, db, learner))
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < n; i++ {
			if _, err := st.AddStep(learner + " step " + string(rune('a'+i))); err != nil {
				t.Fatal(err)
			}
		}
		st.Close()
	}
	// Another program's schema the mentor may read, with a table of the
	// same name: its row says so, the others are read as ever.
	other := storetest.Unique("rails")
	for _, stmt := range []string{
		"CREATE SCHEMA " + other, "CREATE TABLE " + other + ".schema_migrations (version varchar PRIMARY KEY)",
		"INSERT INTO " + other + ".schema_migrations VALUES ('20240101120000')",
		"GRANT USAGE ON SCHEMA " + other + " TO " + mentor, "GRANT SELECT ON ALL TABLES IN SCHEMA " + other + " TO " + mentor,
	} {
		if err := tryAs(t, db, "postgres", stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	l, err := OpenLearners(storetest.AsRole(t, db, mentor))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if names := l.Names(); len(names) != 3 || names[0] != ana || names[1] != ben || names[2] != other {
		t.Fatalf("the mentor's learners: %v, want %s, %s and %s", names, ana, ben, other)
	}
	if err := l.Read(other, func(*Store) error { return nil }); err == nil || !strings.Contains(err.Error(), "does not hold Study Planner's data") {
		t.Errorf("another program's schema: %v", err)
	}
	// One after the other, so the pool hands the same connection back.
	for round := 0; round < 3; round++ {
		for _, learner := range []string{ana, ben} {
			err := l.Read(learner, func(view *Store) error {
				got, err := view.Roadmap()
				if err == nil && len(got) != steps[learner] {
					t.Errorf("round %d: %s's roadmap has %d steps, want %d (another learner's?)", round, learner, len(got), steps[learner])
				}
				if _, werr := view.AddStep("the mentor's"); !errors.Is(werr, ErrReadOnly) {
					t.Errorf("a write through the mentor's view: %v, want it refused", werr)
				}
				return err
			})
			if err != nil {
				t.Fatalf("reading %s: %v", learner, err)
			}
		}
	}
	if err := l.Read("carl", func(*Store) error { return nil }); err == nil {
		t.Error("a learner the mentor was not given was read")
	}
	// After a read, the connection is back on the login's own path.
	var path string
	if err := l.db.Raw(`SHOW search_path`).Scan(&path).Error; err != nil || strings.Contains(path, ana) || strings.Contains(path, ben) {
		t.Errorf("the search path after the reads: %q, %v", path, err)
	}
}
