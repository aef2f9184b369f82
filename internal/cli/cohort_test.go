package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

// TestCohortShowsTheMentorsLearners: a mentor sees a row per learner
// given to them, with what each studied, and no one else's.
func TestCohortShowsTheMentorsLearners(t *testing.T) {
	ana, ben, carl, mentor := storetest.Unique("ana"), storetest.Unique("ben"), storetest.Unique("carl"), storetest.Unique("mentor")
	storetest.DropRoles(t, ana, ben, carl, mentor)
	db := storetest.Database(t)
	if r := run(t, "", "server", "init", "--db", db, "--learners", ana+","+ben, "--mentor", mentor); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := run(t, "", "server", "init", "--db", db, "--learners", carl); r.code != 0 {
		t.Fatal(r.stderr)
	}
	for _, l := range []string{ana, ben, carl} {
		if r := run(t, "", "--db", storetest.AsRole(t, db, l), "plan", "--start", "2026-11-01"); r.code != 0 {
			t.Fatalf("%s: %s", l, r.stderr)
		}
	}
	for _, day := range []string{"2026-11-23", "2026-11-24", "2026-11-25"} {
		run(t, "", "--db", storetest.AsRole(t, db, ana), "log", "--skill", "Go", "--minutes", "90", "--date", day)
	}
	run(t, "", "--db", storetest.AsRole(t, db, ben), "log", "--skill", "Go", "--minutes", "30", "--date", "2026-11-05")
	// Ana forgot a practice card today: it comes back within the day.
	if r := run(t, "", "--db", storetest.AsRole(t, db, ana), "review", "--card", "1", "--rating", "again"); r.code != 0 {
		t.Fatalf("ana's review: %s", r.stderr)
	}

	r := run(t, "", "cohort", "--db", storetest.AsRole(t, db, mentor))
	if r.code != 0 {
		t.Fatalf("cohort: exit %d, %s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], ana) || !strings.HasPrefix(lines[2], ben) || strings.Contains(r.stdout, carl) {
		t.Fatalf("the mentor's table:\n%s", r.stdout)
	}
	if !strings.Contains(lines[1], "4.5 h") || !strings.Contains(lines[1], "3 d") || !strings.Contains(lines[1], "2026-11-25") {
		t.Errorf("ana's row lacks her 4.5 hours this week, her 3-day streak or her last day:\n%s", lines[1])
	}
	var rows []struct {
		Learner   string  `json:"learner"`
		Hours28   float64 `json:"hours_last_28_days"`
		DaysAhead int     `json:"days_ahead"`
		Last      string  `json:"last_study_day"`
		CardsDue  int     `json:"practice_cards_due"`
	}
	r = run(t, "", "cohort", "--db", storetest.AsRole(t, db, mentor), "--json", "--sort", "activity")
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil || len(rows) != 2 {
		t.Fatalf("--json: %v\n%s", err, r.stdout)
	}
	if rows[0].Learner != ben || rows[0].Hours28 != 0.5 || rows[0].Last != "2026-11-05" || rows[1].Hours28 != 4.5 {
		t.Errorf("--sort activity puts the quietest first: %+v", rows)
	}
	if rows[0].CardsDue != 0 || rows[1].CardsDue != 1 {
		t.Errorf("practice cards due: ben %d, ana %d; want 0 and 1", rows[0].CardsDue, rows[1].CardsDue)
	}
	if rows[0].DaysAhead >= 0 {
		t.Errorf("ben studied half an hour in 25 days and is not behind: %+v", rows[0])
	}
	// A learner sees no cohort: no one else's data is theirs to read.
	if r := run(t, "", "cohort", "--db", storetest.AsRole(t, db, ana)); r.code != 0 || !strings.Contains(r.stdout, "No learner's data") {
		t.Errorf("a learner's cohort: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "", "cohort", "--db", db, "--sort", "age"); r.code != 2 || !strings.Contains(r.stderr, "cannot sort by") {
		t.Errorf("an unknown sort: exit %d, %s", r.code, r.stderr)
	}
}
