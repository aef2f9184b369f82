package store

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/resume"
)

func TestProfileSavesOnlyWhatChanged(t *testing.T) {
	st := imported(t)
	empty, err := st.ResumeParts()
	must(t, err)
	first := resume.Profile{Name: "Łukasz Żółć", Email: "lukasz@example.com", Links: []resume.Link{{Network: "GitHub", URL: "https://github.com/l"}}}
	must(t, st.SaveProfile(empty.Profile, first))
	// Two windows loaded the same profile; one changes the phone, the
	// other the headline and a link. Both changes stay.
	loaded, err := st.ResumeParts()
	must(t, err)
	a, b := loaded.Profile, loaded.Profile
	a.Phone = "+48 600 123 456"
	must(t, st.SaveProfile(loaded.Profile, a))
	b.Headline = "Junior backend developer"
	b.Links = []resume.Link{{Network: "LinkedIn", URL: "https://www.linkedin.com/in/l"}}
	must(t, st.SaveProfile(loaded.Profile, b))
	got, err := st.ResumeParts()
	must(t, err)
	want := resume.Profile{Name: "Łukasz Żółć", Headline: "Junior backend developer", Email: "lukasz@example.com", Phone: "+48 600 123 456",
		Links: []resume.Link{{Network: "LinkedIn", URL: "https://www.linkedin.com/in/l"}}}
	if !reflect.DeepEqual(got.Profile, want) {
		t.Fatalf("profile %+v\nwant %+v", got.Profile, want)
	}
	// Bad input is refused and nothing is stored.
	bad := want
	bad.Email = "not an address"
	if err := st.SaveProfile(want, bad); err == nil || !strings.Contains(err.Error(), "ada@example.com") {
		t.Errorf("a bad email: %v", err)
	}
	bad = want
	bad.Summary = strings.Repeat("x", 10_000)
	if err := st.SaveProfile(want, bad); err == nil {
		t.Error("a 10,000-character summary was stored")
	}
	if again, _ := st.ResumeParts(); !reflect.DeepEqual(again.Profile, want) {
		t.Errorf("after refused saves the profile is %+v", again.Profile)
	}
}

func TestResumeEntries(t *testing.T) {
	st := imported(t)
	job := resume.Work{Company: "Acme", Position: "Support", Start: "2020-02", Highlights: []string{"Answered tickets", "Wrote scripts"}}
	id, err := st.AddWork(job)
	must(t, err)
	job.ID = id
	if _, err := st.AddWork(resume.Work{Company: "Acme"}); err == nil || !strings.Contains(err.Error(), "position is missing") {
		t.Errorf("a job without a position: %v", err)
	}
	later := job
	later.End = "2022-06"
	other := job
	other.Summary = "Second line support."
	must(t, st.UpdateWork(job, later))
	must(t, st.UpdateWork(job, other)) // another window's edit of another field
	eid, err := st.AddEducation(resume.Education{Institution: "University of Warsaw", Area: "Physics", Start: "2015", End: "2019"})
	must(t, err)
	_, err = st.AddCertificate(resume.Certificate{Name: "Tour of Go", Issuer: "The Go team", Date: "2024-05"})
	must(t, err)
	p, err := st.ResumeParts()
	must(t, err)
	want := later
	want.Summary = other.Summary
	if len(p.Work) != 1 || !reflect.DeepEqual(p.Work[0], want) {
		t.Fatalf("work %+v\nwant %+v", p.Work, want)
	}
	if len(p.Education) != 1 || len(p.Certificates) != 1 || p.Certificates[0].Date != "2024-05" {
		t.Fatalf("education %+v certificates %+v", p.Education, p.Certificates)
	}
	must(t, st.DeleteEducation(eid))
	if err := st.DeleteEducation(eid); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting it twice: %v", err)
	}
}

func TestVersions(t *testing.T) {
	st := imported(t)
	goSkill, _ := findSkill(t, st, "Go")
	sql, _ := findSkill(t, st, "SQL")
	projects, err := st.Projects()
	must(t, err)
	v := resume.Version{Name: "Acme backend", Posting: "PostgreSQL and Go", SkillIDs: []uint{sql.ID, goSkill.ID}, ProjectIDs: []uint{projects[0].ID}}
	id, err := st.AddVersion(v)
	must(t, err)
	if _, err := st.AddVersion(v); !errors.Is(err, ErrDuplicate) {
		t.Errorf("a second version of the same name: %v", err)
	}
	vs, err := st.ResumeVersions()
	must(t, err)
	if len(vs) != 1 || vs[0].ID != id || !reflect.DeepEqual(vs[0].SkillIDs, []uint{sql.ID, goSkill.ID}) || vs[0].ApplicationID != nil {
		t.Fatalf("versions %+v", vs)
	}
	sent := vs[0]
	app := uint(7)
	sent.ApplicationID = &app
	sent.SkillIDs = []uint{goSkill.ID}
	must(t, st.UpdateVersion(vs[0], sent))
	vs, _ = st.ResumeVersions()
	if *vs[0].ApplicationID != 7 || !reflect.DeepEqual(vs[0].SkillIDs, []uint{goSkill.ID}) {
		t.Fatalf("after update %+v", vs[0])
	}
	// A deleted skill leaves the versions that showed it.
	must(t, st.DeleteSkill(goSkill.ID))
	vs, _ = st.ResumeVersions()
	if len(vs[0].SkillIDs) != 0 || len(vs[0].ProjectIDs) != 1 {
		t.Fatalf("after deleting Go: %+v", vs[0])
	}
	must(t, st.DeleteVersion(id))
}

// TestDocumentCarriesTheResume: an export holds the profile, entries and
// versions by name, and importing it into a new database gives them all
// back.
func TestDocumentCarriesTheResume(t *testing.T) {
	st := imported(t)
	p, _ := st.ResumeParts()
	must(t, st.SaveProfile(p.Profile, resume.Profile{Name: "Ελένη", Links: []resume.Link{{Network: "GitHub", URL: "https://github.com/e"}}}))
	_, err := st.AddWork(resume.Work{Company: "Acme", Position: "Support", Start: "2020", Highlights: []string{"One", "Two"}})
	must(t, err)
	_, err = st.AddEducation(resume.Education{Institution: "School"})
	must(t, err)
	_, err = st.AddCertificate(resume.Certificate{Name: "Course"})
	must(t, err)
	goSkill, _ := findSkill(t, st, "Go")
	projects, _ := st.Projects()
	dated := projects[0]
	dated.Started, dated.Finished = time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	must(t, st.UpdateProject(projects[0], dated))
	late := dated
	late.Finished = time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)
	if err := st.UpdateProject(dated, late); err == nil || !strings.Contains(err.Error(), "finished (2026-08-01) before it started") {
		t.Errorf("a project finished before it started: %v", err)
	}
	app := uint(3)
	_, err = st.AddVersion(resume.Version{Name: "Acme", ApplicationID: &app, Posting: "Go", SkillIDs: []uint{goSkill.ID}, ProjectIDs: []uint{projects[0].ID}})
	must(t, err)
	doc := mustExport(t, st)
	if doc.Resume == nil || doc.Resume.Profile.Name != "Ελένη" || len(doc.Resume.Versions) != 1 ||
		!reflect.DeepEqual(doc.Resume.Versions[0].Skills, []string{"Go"}) || !reflect.DeepEqual(doc.Resume.Versions[0].Projects, []string{"Todo API"}) {
		t.Fatalf("exported résumé %+v", doc.Resume)
	}
	other, _ := openTemp(t)
	must(t, other.Import(doc))
	if doc.Projects[0].Started != "2026-09-01" || doc.Projects[0].Finished != "2026-11-02" {
		t.Errorf("exported project %+v", doc.Projects[0])
	}
	if again := mustExport(t, other); !reflect.DeepEqual(again.Resume, doc.Resume) || !reflect.DeepEqual(again.Projects, doc.Projects) {
		t.Fatalf("after import\n got %+v\nwant %+v", again.Resume, doc.Resume)
	}
	// A document without a résumé (version 5) replaces it with none.
	doc.Resume = nil
	must(t, other.Import(doc))
	if again := mustExport(t, other); again.Resume != nil {
		t.Errorf("a document without a résumé left %+v", again.Resume)
	}
}

// testdata/v6-before-resume.db was written by the build with schema
// version 6 (main at 8c19016): the demo learner imported, and a session
// of Go logged. Migration 7 adds the résumé's tables and loses nothing.
func TestMigratesAVersion6DatabaseToTheResume(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v6.db")
	copyFile(t, "testdata/v6-before-resume.db", path)
	st, err := Open(path)
	must(t, err)
	defer st.Close()
	var version int
	must(t, st.db.Raw("SELECT MAX(version) FROM schema_migrations").Scan(&version).Error)
	if version != SchemaVersion() {
		t.Fatalf("schema version %d after opening, want %d", version, SchemaVersion())
	}
	doc := mustExport(t, st)
	c := DocumentCounts(doc)
	if c.Steps != 5 || c.Skills != 30 || c.Projects != 2 || c.Sessions != 28 || c.Salaries != 5 {
		t.Errorf("after migrating: %s", c)
	}
	found := false
	for _, s := range doc.Sessions {
		found = found || (s.Notes == "v6 session" && s.Skill == "Go" && s.Minutes == 45 && s.Date == "2026-11-20")
	}
	if !found {
		t.Errorf("the session logged at version 6 is gone: %+v", doc.Sessions)
	}
	if doc.Projects[0].RepoURL != "https://github.com/example/todo-api" || doc.Resume != nil {
		t.Errorf("projects %+v résumé %+v", doc.Projects, doc.Resume)
	}
	totalsMatch(t, st, "migrating to 7")
	// The new tables take a profile and a version.
	must(t, st.SaveProfile(resume.Profile{}, resume.Profile{Name: "Ada"}))
	goSkill, _ := findSkill(t, st, "Go")
	_, err = st.AddVersion(resume.Version{Name: "First", SkillIDs: []uint{goSkill.ID}})
	must(t, err)
}

// TestAVersionSentWithAnApplicationIsRecordedOnIt: saving a version for
// an application sets the application's résumé version in the same
// write, without touching the application's other fields; moving the
// version to another application records it there; a version for an
// application deleted meanwhile still saves.
func TestAVersionSentWithAnApplicationIsRecordedOnIt(t *testing.T) {
	st := imported(t)
	stages, err := st.JobBoard()
	must(t, err)
	applied := stages.Stages[1].ID
	acme := addApp(t, st, "Acme", applied, "2026-03-02")
	beta := addApp(t, st, "Beta", applied, "2026-03-03")
	goSkill, _ := findSkill(t, st, "Go")
	// Another window edits Acme's notes after this one loaded it.
	b, err := st.JobBoard()
	must(t, err)
	loaded := b.Applications[0]
	edited := loaded
	edited.Notes = "Call back on Monday"
	must(t, st.UpdateApplication(loaded, edited))
	id, err := st.AddVersion(resume.Version{Name: "Acme", ApplicationID: &acme, SkillIDs: []uint{goSkill.ID}})
	must(t, err)
	sentWith := func(appID uint) *uint {
		b, err := st.JobBoard()
		must(t, err)
		for _, a := range b.Applications {
			if a.ID == appID {
				if a.Notes != "" && a.Notes != "Call back on Monday" {
					t.Errorf("notes %q", a.Notes)
				}
				return a.ResumeVersionID
			}
		}
		t.Fatalf("no application %d", appID)
		return nil
	}
	if got := sentWith(acme); got == nil || *got != id {
		t.Fatalf("Acme's résumé version %v, want %d", got, id)
	}
	b, _ = st.JobBoard()
	if b.Applications[0].Notes != "Call back on Monday" {
		t.Errorf("recording the version undid the notes: %q", b.Applications[0].Notes)
	}
	vs, _ := st.ResumeVersions()
	moved := vs[0]
	moved.ApplicationID = &beta
	must(t, st.UpdateVersion(vs[0], moved))
	if got := sentWith(beta); got == nil || *got != id {
		t.Fatalf("Beta's résumé version %v, want %d", got, id)
	}
	gone := uint(999)
	if _, err := st.AddVersion(resume.Version{Name: "Gone", ApplicationID: &gone, SkillIDs: []uint{goSkill.ID}}); err != nil {
		t.Errorf("a version for a deleted application: %v", err)
	}
}
