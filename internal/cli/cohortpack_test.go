package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

// TestAMentorPublishesAPackAndALearnerMergesIt: the mentor publishes a
// pack to the cohort; the learner sees it offered as new, merges it by
// name (their progress untouched), and is not offered it again until the
// mentor publishes it anew. A learner cannot publish.
func TestAMentorPublishesAPackAndALearnerMergesIt(t *testing.T) {
	ana, mentor := storetest.Unique("ana"), storetest.Unique("mentor")
	storetest.DropRoles(t, ana, mentor)
	db := storetest.Database(t)
	if r := run(t, "", "server", "init", "--db", db, "--learners", ana, "--mentor", mentor); r.code != 0 {
		t.Fatal(r.stderr)
	}
	learner, mentorURL := storetest.AsRole(t, db, ana), storetest.AsRole(t, db, mentor)
	run(t, "", "--db", learner, "log", "--skill", "Go", "--minutes", "50", "--date", "2026-11-24")
	if r := run(t, "", "--db", learner, "pack", "published"); r.code != 0 || !strings.Contains(r.stdout, "no pack yet") {
		t.Fatalf("before: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	pack := `{"format":"studyplanner-pack","version":1,"name":"Cohort extras","description":"",
		"roadmap":[{"title":"Pair on a project","summary":"","hours":6,"covers_skills":false,"actions":[],"links":[]}],
		"skill_categories":[{"name":"Practice","skills":[{"name":"Code review","hours":8,"target_level":3,"prerequisites":[],"links":[]}]}]}`
	file := filepath.Join(t.TempDir(), "extras.json")
	os.WriteFile(file, []byte(pack), 0o600)
	if r := run(t, "", "--db", learner, "pack", "publish", file); r.code == 0 {
		t.Error("a learner published to the cohort")
	}
	if r := run(t, "", "--db", mentorURL, "pack", "publish", file); r.code != 0 || !strings.Contains(r.stdout, "Published the pack") {
		t.Fatalf("publish: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "", "--db", learner, "pack", "published"); !strings.Contains(r.stdout, "Cohort extras, published") || !strings.Contains(r.stdout, "(new:") {
		t.Fatalf("the learner is not offered the pack:\n%s%s", r.stdout, r.stderr)
	}
	before := run(t, "", "--db", learner, "export").stdout
	r := run(t, "", "--db", learner, "pack", "import", "--published", "Cohort extras")
	if r.code != 0 || !strings.Contains(r.stdout, "Merged the pack") {
		t.Fatalf("merge: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	after := run(t, "", "--db", learner, "export").stdout
	if !strings.Contains(after, "Pair on a project") || !strings.Contains(after, "Code review") || !strings.Contains(after, `"minutes": 50`) {
		t.Error("the merge did not add the pack's step and skill, or lost the learner's session")
	}
	if before == after {
		t.Error("nothing was merged")
	}
	if r := run(t, "", "--db", learner, "pack", "published"); strings.Contains(r.stdout, "(new:") {
		t.Errorf("a merged pack is still offered as new:\n%s", r.stdout)
	}
	if r := run(t, "", "--db", learner, "pack", "import", "--published", "Nothing"); r.code == 0 || !strings.Contains(r.stderr, "no pack called") {
		t.Errorf("an unknown pack: exit %d, %s", r.code, r.stderr)
	}
	if r := run(t, "", "--db", filepath.Join(t.TempDir(), "file.db"), "pack", "published"); r.code == 0 || !strings.Contains(r.stderr, "no mentor publishes packs") {
		t.Errorf("packs of data with no mentor: exit %d, %s", r.code, r.stderr)
	}
}
