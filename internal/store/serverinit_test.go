package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

// tryAs runs one statement as role on the database at base, returning the
// server's refusal, if any.
func tryAs(t *testing.T, base, role, stmt string) error {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, storetest.AsRole(t, base, role))
	if err != nil {
		t.Fatalf("connecting as %s: %v", role, err)
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, stmt)
	return err
}

// TestServerInitGivesEachLearnerTheirOwnSchemaAndTheMentorReadsOnly sets
// up two learners and a mentor, twice (it is idempotent), and then tries,
// as each role, what it may and may not do.
func TestServerInitGivesEachLearnerTheirOwnSchemaAndTheMentorReadsOnly(t *testing.T) {
	ana, ben, mentor := storetest.Unique("ana"), storetest.Unique("ben"), storetest.Unique("mentor")
	storetest.DropRoles(t, ana, ben, mentor)
	db := storetest.Database(t) // dropped before the roles that own its schemas
	plan := ServerPlan{Learners: []string{ana, ben}, Mentor: mentor}
	for i := 0; i < 2; i++ {
		if _, err := InitServer(db, plan); err != nil {
			t.Fatalf("init, run %d: %v", i+1, err)
		}
	}
	// Each learner's app makes their tables on its first start, as them.
	for _, l := range []string{ana, ben} {
		st, err := Open(storetest.AsRole(t, db, l))
		if err != nil {
			t.Fatalf("%s opens their data: %v", l, err)
		}
		if _, err := st.AddStep("Step of " + l); err != nil {
			t.Fatalf("%s writes their data: %v", l, err)
		}
		st.Close()
	}
	denied := func(err error) bool { return pgCode(err) == "42501" }
	checks := []struct {
		role, stmt string
		allowed    bool
	}{
		{ana, "SELECT * FROM " + ana + ".steps", true},
		{ana, "SELECT * FROM " + ben + ".steps", false},
		{ben, "UPDATE " + ana + ".steps SET notes = 'from ben'", false},
		{mentor, "SELECT * FROM " + ana + ".steps", true},
		{mentor, "SELECT * FROM " + ben + ".sessions", true},
		{mentor, "UPDATE " + ana + ".steps SET notes = 'from the mentor'", false},
		{mentor, "INSERT INTO " + ben + ".app_meta (key, value) VALUES ('x', 'y')", false},
		{mentor, "CREATE TABLE " + ana + ".mentors_table (x INT)", false},
		{mentor, "INSERT INTO cohort.packs (name, document, published_at) VALUES ('Backend', '{}', '2026-11-25')", true},
		{ana, "SELECT name FROM cohort.packs", true},
		{ana, "INSERT INTO cohort.packs (name, document, published_at) VALUES ('mine', '{}', '2026-11-25')", false},
		{ana, "CREATE TABLE public.sneaky (x INT)", false},
	}
	for _, c := range checks {
		err := tryAs(t, db, c.role, c.stmt)
		switch {
		case c.allowed && err != nil:
			t.Errorf("%s: %s refused: %v", c.role, c.stmt, err)
		case !c.allowed && !denied(err):
			t.Errorf("%s: %s = %v, want permission denied", c.role, c.stmt, err)
		}
	}
	// Through the app, another learner's data is refused in words.
	_, err := Open(storetest.WithLearner(t, storetest.AsRole(t, db, ana), ben))
	if err == nil || !strings.Contains(err.Error(), "does not let this login") {
		t.Errorf("ana opening ben's data: %v", err)
	}
	// The mentor's app reading a learner's data cannot write it.
	st, err := OpenReadOnlyServer(storetest.WithLearner(t, storetest.AsRole(t, db, mentor), ana))
	if err != nil {
		t.Fatalf("the mentor reads ana's data: %v", err)
	}
	defer st.Close()
	steps, err := st.Roadmap()
	if err != nil || len(steps) != 1 {
		t.Errorf("the mentor sees %v, %v", steps, err)
	}
	if _, err := st.AddStep("mentor's"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("the mentor writing ana's data: %v", err)
	}
	if _, err := InitServer(db, ServerPlan{Learners: []string{"Ana"}}); err == nil {
		t.Error("a role name with capitals was accepted")
	}
}
