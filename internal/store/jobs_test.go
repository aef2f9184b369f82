package store

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

func jday(s string) time.Time {
	d, _ := time.Parse(time.DateOnly, s)
	return d
}

// testdata/v6-before-jobs.db was written by the build with schema version
// 6 (the demo data: 27 sessions, 5 salary ranges, 18 hours a week).
// Migration 7 adds the job search beside it and loses nothing.
func TestMigratesAVersion6DatabaseKeepingEverything(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v6.db")
	copyFile(t, "testdata/v6-before-jobs.db", path)
	st, err := Open(path)
	must(t, err)
	defer st.Close()
	doc := mustExport(t, st)
	if len(doc.Sessions) != 27 || len(doc.Salaries) != 5 || doc.Plan.HoursPerWeek != 18 || len(doc.Roadmap) != 5 {
		t.Errorf("after migration: %d sessions, %d salaries, %v h a week, %d steps; want 27, 5, 18, 5",
			len(doc.Sessions), len(doc.Salaries), doc.Plan.HoursPerWeek, len(doc.Roadmap))
	}
	b, err := st.JobBoard()
	must(t, err)
	if len(b.Stages) != 11 || b.Stages[0].Name != "Saved" || b.Stages[10].Name != "Withdrawn" || len(b.Applications) != 0 {
		t.Errorf("board after migration: %+v", b.Stages)
	}
	js, err := st.JobSettings()
	must(t, err)
	if js != (jobsearch.Settings{FollowUpDays: 7}) {
		t.Errorf("job settings after migration: %+v", js)
	}
	var cols []string
	must(t, st.db.Raw("SELECT name FROM pragma_table_info('applications') WHERE name = 'resume_version_id'").Scan(&cols).Error)
	if len(cols) != 1 {
		t.Error("applications has no resume_version_id column")
	}
}

func addApp(t *testing.T, st *Store, company string, stage uint, date string) uint {
	t.Helper()
	id, err := st.AddApplication(jobsearch.Application{Company: company, Role: "Backend developer",
		History: []jobsearch.Event{{StageID: stage, Date: jday(date)}}})
	must(t, err)
	return id
}

func TestApplicationsMoveAndKeepTheirHistoryInOrder(t *testing.T) {
	st, _ := openTemp(t)
	id := addApp(t, st, "Acme", 2, "2026-03-02")
	_, err := st.MoveApplication(id, 3, jday("2026-03-05"), "recruiter called")
	must(t, err)
	_, err = st.MoveApplication(id, 4, jday("2026-03-05"), "")
	must(t, err)
	if _, err := st.MoveApplication(id, 9, jday("2026-03-01"), ""); err == nil || !strings.Contains(err.Error(), "before the last one") {
		t.Errorf("a move dated before the last: %v", err)
	}
	if _, err := st.MoveApplication(id, 99, jday("2026-03-09"), ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("a move to a missing stage: %v", err)
	}
	b, err := st.JobBoard()
	must(t, err)
	h := b.Applications[0].History
	if len(h) != 3 || h[0].StageID != 2 || h[1].StageID != 3 || h[1].Note != "recruiter called" || h[2].StageID != 4 {
		t.Errorf("history %+v", h)
	}
	if b.Applications[0].Current().StageID != 4 {
		t.Errorf("current stage %d, want 4", b.Applications[0].Current().StageID)
	}
	must(t, st.DeleteEvent(id, h[2].ID))
	b, _ = st.JobBoard()
	if b.Applications[0].Current().StageID != 3 {
		t.Error("deleting the last move did not go back a stage")
	}
}

func TestUpdateApplicationWritesOnlyWhatChanged(t *testing.T) {
	st, _ := openTemp(t)
	addApp(t, st, "Acme", 2, "2026-03-02")
	b, _ := st.JobBoard()
	before := b.Applications[0]
	// Another window writes the notes meanwhile.
	other := before
	other.Notes = "from the other window"
	must(t, st.UpdateApplication(before, other))
	after := before
	after.Role = "Go developer"
	must(t, st.UpdateApplication(before, after))
	b, _ = st.JobBoard()
	if got := b.Applications[0]; got.Role != "Go developer" || got.Notes != "from the other window" {
		t.Errorf("after two saves: %+v", got)
	}
	bad := before
	bad.Company = strings.Repeat("x", 10_000)
	if err := st.UpdateApplication(before, bad); err == nil {
		t.Error("a 10,000-character company name was saved")
	}
}

func TestImportApplicationsIsAllOrNothing(t *testing.T) {
	st, _ := openTemp(t)
	good := jobsearch.Application{Company: "Good", Role: "Dev", History: []jobsearch.Event{{StageID: 2, Date: jday("2026-03-02")}}}
	gone := jobsearch.Application{Company: "Gone", Role: "Dev", History: []jobsearch.Event{{StageID: 77, Date: jday("2026-03-02")}}}
	err := st.ImportApplications([]jobsearch.Application{good, gone})
	if err == nil || !strings.Contains(err.Error(), "application 2 (Gone)") || !strings.Contains(err.Error(), "none was added") {
		t.Errorf("import with a missing stage: %v", err)
	}
	b, _ := st.JobBoard()
	if len(b.Applications) != 0 {
		t.Errorf("half imported: %d applications", len(b.Applications))
	}
	must(t, st.ImportApplications([]jobsearch.Application{good, good}))
	b, _ = st.JobBoard()
	if len(b.Applications) != 2 {
		t.Errorf("imported %d", len(b.Applications))
	}
}

func TestStagesAddRenameReorderDelete(t *testing.T) {
	st, _ := openTemp(t)
	id, err := st.AddStage(jobsearch.Stage{Name: "Take-home task", Kind: jobsearch.KindAnswer})
	must(t, err)
	if _, err := st.AddStage(jobsearch.Stage{Name: "ghosted", Kind: jobsearch.KindSilent}); err == nil {
		t.Error("a second Ghosted was added")
	}
	must(t, st.MoveStage(id, -1))
	b, _ := st.JobBoard()
	if b.Stages[10].Name != "Take-home task" || b.Stages[11].Name != "Withdrawn" {
		t.Errorf("after moving left: %v", names(b.Stages))
	}
	must(t, st.UpdateStage(b.Stages[10], jobsearch.Stage{ID: id, Name: "Home task", Kind: jobsearch.KindAnswer}))
	addApp(t, st, "Acme", 2, "2026-03-02")
	if err := st.DeleteStage(2); err == nil || !strings.Contains(err.Error(), "rename it instead") {
		t.Errorf("deleting a stage in use: %v", err)
	}
	must(t, st.DeleteStage(id))
	b, _ = st.JobBoard()
	if len(b.Stages) != 11 {
		t.Errorf("stages %v", names(b.Stages))
	}
}

func names(stages []jobsearch.Stage) []string {
	var out []string
	for _, s := range stages {
		out = append(out, s.Name)
	}
	return out
}

func TestContactsInterviewsAndSettings(t *testing.T) {
	st, _ := openTemp(t)
	app := addApp(t, st, "Acme", 3, "2026-03-02")
	cid, err := st.SaveContact(jobsearch.Contact{}, jobsearch.Contact{Name: "Ana Silva", Company: "Acme", Email: "ana@acme.example"})
	must(t, err)
	start := time.Date(2026, 3, 20, 10, 30, 0, 0, time.UTC)
	ivID, err := st.SaveInterview(jobsearch.Interview{}, jobsearch.Interview{ApplicationID: app, Start: start, Minutes: 45, Link: "https://meet.example.com/a", ContactID: &cid})
	must(t, err)
	b, _ := st.JobBoard()
	if len(b.Interviews) != 1 || !b.Interviews[0].Start.Equal(start) || *b.Interviews[0].ContactID != cid || b.Interviews[0].ID != ivID {
		t.Errorf("interviews %+v", b.Interviews)
	}
	must(t, st.DeleteContact(cid))
	b, _ = st.JobBoard()
	if b.Interviews[0].ContactID != nil {
		t.Error("the interview still names a deleted contact")
	}
	must(t, st.DeleteApplication(app))
	b, _ = st.JobBoard()
	if len(b.Interviews) != 0 {
		t.Error("the interview outlived its application")
	}
	js, _ := st.JobSettings()
	must(t, st.SaveJobSettings(js, jobsearch.Settings{FollowUpDays: 10, HoursPerWeek: 4}))
	if err := st.SaveJobSettings(js, jobsearch.Settings{FollowUpDays: 0}); err == nil {
		t.Error("a follow-up after 0 days was saved")
	}
	js, _ = st.JobSettings()
	if js.FollowUpDays != 10 || js.HoursPerWeek != 4 {
		t.Errorf("settings %+v", js)
	}
}

func TestADocumentCarriesTheJobSearchAndAnOlderOneLeavesTheDefaults(t *testing.T) {
	st, _ := openTemp(t)
	must(t, st.Import(sampleDocument()))
	b, err := st.JobBoard()
	must(t, err)
	if len(b.Stages) != 12 || b.Stages[2].Name != "Phone screen" || len(b.Applications) != 2 || len(b.Interviews) != 1 || len(b.Contacts) != 1 {
		t.Fatalf("after import: %d stages, %d applications, %d interviews, %d contacts", len(b.Stages), len(b.Applications), len(b.Interviews), len(b.Contacts))
	}
	if cur, _ := b.StageOf(b.Applications[0].Current().StageID); cur.Name != "Take-home task" || b.Interviews[0].ContactID == nil {
		t.Errorf("current stage %q, interview %+v", cur.Name, b.Interviews[0])
	}
	if js, _ := st.JobSettings(); js.FollowUpDays != 10 || js.HoursPerWeek != 3 {
		t.Errorf("settings %+v", js)
	}
	older := sampleDocument()
	older.JobSearch = nil
	must(t, st.Import(older))
	b, _ = st.JobBoard()
	if len(b.Stages) != 11 || b.Stages[2].Name != "Screening" || len(b.Applications) != 0 || len(b.Contacts) != 0 {
		t.Errorf("after importing a document without a job search: %v, %d applications", names(b.Stages), len(b.Applications))
	}
}

func TestADocumentWithABadJobSearchIsRefusedWhole(t *testing.T) {
	st, _ := openTemp(t)
	must(t, st.Import(sampleDocument()))
	cases := map[string]func(js *snapshot.JobSearch){
		"is not one of the document's stages": func(js *snapshot.JobSearch) { js.Applications[0].History[0].Stage = "Nowhere" },
		"oldest first":                        func(js *snapshot.JobSearch) { js.Applications[0].History[0].Date = "2026-12-30" },
		"no contact number 2":                 func(js *snapshot.JobSearch) { js.Applications[0].Interviews[0].Contact = 2 },
		"YYYY-MM-DDTHH:MM":                    func(js *snapshot.JobSearch) { js.Applications[0].Interviews[0].Start = "tomorrow" },
		"listed twice":                        func(js *snapshot.JobSearch) { js.Stages[1].Name = "saved" },
		"at least one move":                   func(js *snapshot.JobSearch) { js.Applications[1].History = nil },
		"company is missing":                  func(js *snapshot.JobSearch) { js.Applications[1].Company = "" },
		"not a kind of stage":                 func(js *snapshot.JobSearch) { js.Stages[0].Kind = "maybe" },
	}
	for want, change := range cases {
		doc := sampleDocument()
		change(doc.JobSearch)
		err := st.Import(doc)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v", want, err)
		}
	}
	if b, _ := st.JobBoard(); len(b.Applications) != 2 {
		t.Error("a refused import changed the applications")
	}
}

func TestJobSearchHoursReachThePlan(t *testing.T) {
	st, _ := openTemp(t)
	must(t, st.Import(sampleDocument())) // 10 h a week, 3 for the job search
	p, err := st.Plan()
	must(t, err)
	if p.Settings.JobHoursPerWeek != 3 || p.Settings.StudyHoursPerWeek() != 7 {
		t.Errorf("the plan's settings: %g h, %g for the job search", p.Settings.HoursPerWeek, p.Settings.JobHoursPerWeek)
	}
	// Saving the plan's own settings leaves the job search's part alone.
	after := p.Settings
	after.HoursPerWeek = 12
	must(t, st.UpdateSettings(p.Settings, after))
	if js, _ := st.JobSettings(); js.HoursPerWeek != 3 {
		t.Errorf("the job search's hours became %g", js.HoursPerWeek)
	}
}
