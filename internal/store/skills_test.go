package store

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// testdata/v1-foundation.db was written by the foundation release (schema
// version 1): the default roadmap, started on 2026-09-01, with the first
// step done, the second in progress with one item ticked, and Python and
// SQL fundamentals done.
func TestMigratesAFoundationDatabaseKeepingEverything(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	copyFile(t, "testdata/v1-foundation.db", path)

	st, err := Open(path)
	if err != nil {
		t.Fatalf("opening the foundation database: %v", err)
	}
	defer st.Close()
	if v, _ := schemaVersion(st.db); v != SchemaVersion() {
		t.Fatalf("schema version %d after opening, want %d", v, SchemaVersion())
	}
	p, err := st.Plan()
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Settings.StartDate.Format("2006-01-02"); got != "2026-09-01" || p.Settings.HorizonMonths != 9 {
		t.Errorf("settings = %s, %d months", got, p.Settings.HorizonMonths)
	}
	if len(p.Steps) != 5 || p.Steps[0].Status != plan.StepDone || p.Steps[1].Status != plan.StepInProgress {
		t.Fatalf("steps lost or changed: %d steps, statuses %q %q", len(p.Steps), p.Steps[0].Status, p.Steps[1].Status)
	}
	for _, a := range p.Steps[0].Actions {
		if !a.Done {
			t.Errorf("ticked item %q of the done step lost its tick", a.Text)
		}
	}
	if !p.Steps[1].Actions[0].Done || p.Steps[1].Actions[1].Done {
		t.Errorf("ticks of step 2 changed: %+v", p.Steps[1].Actions)
	}
	done := map[string]bool{}
	total := 0
	for _, c := range p.Categories {
		for _, sk := range c.Skills {
			total++
			if sk.Done() {
				done[sk.Name] = true
			} else if sk.Status != plan.SkillNotStarted {
				t.Errorf("%s has status %q, want not_started", sk.Name, sk.Status)
			}
			if sk.TargetLevel != plan.DefaultTargetLevel {
				t.Errorf("%s target level %d, want the default %d", sk.Name, sk.TargetLevel, plan.DefaultTargetLevel)
			}
		}
	}
	if total != 26 || !reflect.DeepEqual(done, map[string]bool{"Python": true, "SQL fundamentals": true}) {
		t.Errorf("%d skills, done %v; want 26 with Python and SQL fundamentals done", total, done)
	}
	salaries, _ := st.Salaries()
	if len(salaries) != 5 {
		t.Errorf("%d salaries after migration, want 5", len(salaries))
	}
	if seeded, _ := st.Seed(sampleDocument(), samplePack(), today); seeded {
		t.Error("a migrated database was seeded again")
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
}

func imported(t *testing.T) *Store {
	t.Helper()
	st, _ := openTemp(t)
	if err := st.Import(sampleDocument()); err != nil {
		t.Fatal(err)
	}
	return st
}

func findSkill(t *testing.T, st *Store, name string) (plan.Skill, uint) {
	t.Helper()
	cats, err := st.Categories()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cats {
		for _, sk := range c.Skills {
			if sk.Name == name {
				return sk, c.ID
			}
		}
	}
	t.Fatalf("no skill %q", name)
	return plan.Skill{}, 0
}

func TestSaveSkillRefusesAPrerequisiteCycle(t *testing.T) {
	st := imported(t)
	orms, _ := findSkill(t, st, "ORMs")
	sql, _ := findSkill(t, st, "SQL")
	before := mustExport(t, st)

	edited := sql
	edited.Prerequisites = []uint{orms.ID}
	err := st.UpdateSkill(sql, edited)
	var cycle *plan.CycleError
	if !errors.As(err, &cycle) {
		t.Fatalf("UpdateSkill = %v, want a cycle error", err)
	}
	if !strings.Contains(err.Error(), "ORMs → SQL → ORMs") {
		t.Errorf("the message %q does not name the cycle", err)
	}
	if after := mustExport(t, st); !reflect.DeepEqual(before, after) {
		t.Error("a refused save changed the data")
	}
}

func TestSaveSkillCreatesAndUpdates(t *testing.T) {
	st := imported(t)
	goSkill, langs := findSkill(t, st, "Go")
	id, err := st.AddSkill(plan.Skill{CategoryID: langs, Name: "  Rust ", Status: plan.SkillLearning, CurrentLevel: 1, TargetLevel: 4, Hours: 90,
		Notes: "Ownership first.", Prerequisites: []uint{goSkill.ID},
		Links: []plan.Link{{Title: "The Book", URL: "https://doc.rust-lang.org/book/"}}})
	if err != nil {
		t.Fatal(err)
	}
	rust, _ := findSkill(t, st, "Rust")
	if rust.ID != id || rust.Hours != 90 || rust.TargetLevel != 4 || len(rust.Links) != 1 || !reflect.DeepEqual(rust.Prerequisites, []uint{goSkill.ID}) {
		t.Errorf("stored skill = %+v", rust)
	}
	cleared := rust
	cleared.Prerequisites = nil
	cleared.Links = nil
	if err := st.UpdateSkill(rust, cleared); err != nil {
		t.Fatal(err)
	}
	rust, _ = findSkill(t, st, "Rust")
	if len(rust.Prerequisites) != 0 || len(rust.Links) != 0 {
		t.Errorf("prerequisites and links not cleared: %+v", rust)
	}
	if _, err := st.AddSkill(plan.Skill{CategoryID: langs, Name: "Go", Status: plan.SkillNotStarted}); !errors.Is(err, ErrDuplicate) {
		t.Errorf("a second skill called Go: %v, want ErrDuplicate", err)
	}
	if _, err := st.AddSkill(plan.Skill{CategoryID: langs, Name: "Zig", Status: plan.SkillNotStarted, CurrentLevel: 9}); err == nil {
		t.Error("level 9 was accepted")
	}
}

func TestFinishedProjectsProveSkills(t *testing.T) {
	st := imported(t)
	if sk, _ := findSkill(t, st, "Go"); !sk.Proven {
		t.Error("Go is shown by a finished project but not proven")
	}
	if sk, _ := findSkill(t, st, "Python"); sk.Proven {
		t.Error("Python is proven without a project")
	}
	projects, _ := st.Projects()
	p := projects[0]
	p.Status = plan.ProjectInProgress
	if err := st.UpdateProject(projects[0], p); err != nil {
		t.Fatal(err)
	}
	if sk, _ := findSkill(t, st, "Go"); sk.Proven {
		t.Error("an unfinished project still proves Go")
	}
	broken := p
	broken.RepoURL = "not a url"
	if err := st.UpdateProject(p, broken); err == nil {
		t.Error("a project with a broken repository address was saved")
	}
}

func TestDeletingASkillSaysWhatItTouches(t *testing.T) {
	st := imported(t)
	sql, _ := findSkill(t, st, "SQL")
	impact, err := st.ImpactOfDeletingSkill(sql.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(impact.Dependants, []string{"ORMs"}) || !reflect.DeepEqual(impact.Projects, []string{"Todo API"}) {
		t.Errorf("impact = %+v, want ORMs and Todo API", impact)
	}
	if err := st.DeleteSkill(sql.ID); err != nil {
		t.Fatal(err)
	}
	orms, _ := findSkill(t, st, "ORMs")
	goSkill, _ := findSkill(t, st, "Go")
	if !reflect.DeepEqual(orms.Prerequisites, []uint{goSkill.ID}) {
		t.Errorf("ORMs still requires %v", orms.Prerequisites)
	}
	projects, _ := st.Projects()
	if !reflect.DeepEqual(projects[0].SkillIDs, []uint{goSkill.ID}) {
		t.Errorf("the project still lists %v", projects[0].SkillIDs)
	}
}

func TestRoadmapEditing(t *testing.T) {
	st := imported(t)
	added, err := st.AddStep("Get certified")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddStep("Decide"); !errors.Is(err, ErrDuplicate) {
		t.Errorf("a duplicate title: %v", err)
	}
	if err := st.MoveStep(added.ID, -1); err != nil {
		t.Fatal(err)
	}
	steps, _ := st.Roadmap()
	if titles := []string{steps[0].Title, steps[1].Title, steps[2].Title}; !reflect.DeepEqual(titles, []string{"Decide", "Get certified", "Learn"}) {
		t.Errorf("order after moving up = %q", titles)
	}
	if err := st.MoveStep(steps[0].ID, -1); err != nil {
		t.Errorf("moving the first step up should do nothing, got %v", err)
	}

	first := steps[0]
	if err := st.MoveAction(first.Actions[1].ID, -1); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddAction(first.ID, "Tell a friend your plan"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddStepLink(first.ID, "Docs", "ftp://example.com"); err == nil {
		t.Error("an ftp link was accepted")
	}
	edited := first
	edited.Title, edited.Notes, edited.TargetDate = "Decide your pace", "# Why", today
	if err := st.UpdateStep(first, edited); err != nil {
		t.Fatal(err)
	}
	steps, _ = st.Roadmap()
	got := steps[0]
	texts := []string{got.Actions[0].Text, got.Actions[1].Text, got.Actions[2].Text}
	if !reflect.DeepEqual(texts, []string{"Pick a format", "Count your hours", "Tell a friend your plan"}) {
		t.Errorf("checklist = %q", texts)
	}
	if got.Title != "Decide your pace" || got.Notes != "# Why" || got.TargetDate.Format("2006-01-02") != "2026-11-25" {
		t.Errorf("updated step = %+v", got)
	}
	if err := st.DeleteStep(got.ID); err != nil {
		t.Fatal(err)
	}
	if steps, _ = st.Roadmap(); len(steps) != 2 {
		t.Errorf("%d steps after a delete, want 2", len(steps))
	}
}

func TestPackRoundTrip(t *testing.T) {
	st := imported(t)
	pack, err := st.ExportPack("Sample path")
	if err != nil {
		t.Fatal(err)
	}
	other, _ := openTemp(t)
	if err := other.Import(snapshot.Empty()); err != nil {
		t.Fatal(err)
	}
	if _, err := other.ImportPack(pack); err != nil {
		t.Fatal(err)
	}
	again, err := other.ExportPack("")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(pack, again) {
		t.Errorf("pack export → import → export differs:\n%+v\n%+v", pack, again)
	}
}

func TestPackImportMergesWithoutTouchingProgress(t *testing.T) {
	st := imported(t)
	steps, _ := st.Roadmap()
	st.SetStepStatus(steps[0].ID, plan.StepInProgress)
	st.SetActionDone(steps[0].Actions[0].ID, true)
	goSkill, _ := findSkill(t, st, "Go")
	st.SetSkillStatus(goSkill.ID, plan.SkillDone)

	p := samplePack()
	p.Roadmap[0].Actions = append(p.Roadmap[0].Actions, "Pick a study place")
	p.Roadmap = append(p.Roadmap, snapshot.PackStep{Title: "Ship it", Actions: []string{"Deploy"}, Links: []snapshot.Link{}})
	p.SkillCategories[0].Skills[0].Hours = 100
	p.SkillCategories = append(p.SkillCategories, snapshot.PackCategory{Name: "Ops", Skills: []snapshot.PackSkill{
		{Name: "Docker", Hours: 20, TargetLevel: 2, Prerequisites: []string{"Go"}, Links: []snapshot.Link{}}}})
	res, err := st.ImportPack(p)
	if err != nil {
		t.Fatal(err)
	}
	if res.StepsAdded != 1 || res.StepsUpdated != 1 || res.ActionsAdded != 2 || res.SkillsAdded != 1 || res.SkillsUpdated != 1 || res.CategoriesAdded != 1 {
		t.Errorf("result = %+v", res)
	}
	steps, _ = st.Roadmap()
	if len(steps) != 3 || steps[2].Title != "Ship it" {
		t.Fatalf("steps after merge: %d, last %q", len(steps), steps[len(steps)-1].Title)
	}
	if steps[0].Status != plan.StepInProgress || !steps[0].Actions[0].Done || len(steps[0].Actions) != 3 {
		t.Errorf("the learner's progress on step 1 changed: %+v", steps[0])
	}
	goSkill, _ = findSkill(t, st, "Go")
	if !goSkill.Done() || goSkill.Hours != 100 {
		t.Errorf("Go after merge: status %q, %d hours; want done, 100", goSkill.Status, goSkill.Hours)
	}
	docker, _ := findSkill(t, st, "Docker")
	if !reflect.DeepEqual(docker.Prerequisites, []uint{goSkill.ID}) {
		t.Errorf("Docker prerequisites = %v", docker.Prerequisites)
	}
	if _, err := findSkillErr(st, "Python"); err != nil {
		t.Error("a skill missing from the pack was deleted")
	}
}

func findSkillErr(st *Store, name string) (plan.Skill, error) {
	cats, err := st.Categories()
	if err != nil {
		return plan.Skill{}, err
	}
	for _, c := range cats {
		for _, sk := range c.Skills {
			if sk.Name == name {
				return sk, nil
			}
		}
	}
	return plan.Skill{}, ErrNotFound
}

func TestPackThatClosesACycleChangesNothing(t *testing.T) {
	st := imported(t)
	before := mustExport(t, st)
	// Stored: ORMs requires SQL. The pack makes SQL require ORMs.
	p := samplePack()
	p.SkillCategories = append(p.SkillCategories, snapshot.PackCategory{Name: "Data", Skills: []snapshot.PackSkill{
		{Name: "SQL", Hours: 40, Prerequisites: []string{"ORMs"}, Links: []snapshot.Link{}},
		{Name: "ORMs", Hours: 10, Prerequisites: []string{}, Links: []snapshot.Link{}}}})
	_, err := st.ImportPack(p)
	if err == nil || !strings.Contains(err.Error(), "ORMs → SQL → ORMs") {
		t.Fatalf("ImportPack = %v, want the cycle named", err)
	}
	if after := mustExport(t, st); !reflect.DeepEqual(before, after) {
		t.Error("a refused pack changed the data")
	}
}
