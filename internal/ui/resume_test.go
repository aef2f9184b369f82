package ui

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/resume"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// resumeFixture has Go and SQL done, Python learning, and no projects.
func resumeFixture() snapshot.Document {
	doc := fixture()
	doc.SkillCategories[0].Skills[0].Status = "done"
	doc.SkillCategories[0].Skills[0].CurrentLevel = 3
	doc.SkillCategories[1].Skills[0].Status = "done"
	doc.SkillCategories[0].Skills[1].Status = "learning"
	return doc
}

func resumeScreenOf(t *testing.T, doc snapshot.Document) (*MainWindow, *resumeScreen, *store.Store) {
	t.Helper()
	st, _ := openFixture(t, doc)
	m := newTestWindow(t, st)
	press(m, fyne.Key8)
	if m.Title() != Title+" — Résumé" {
		t.Fatalf("Ctrl+6 showed %q", m.Title())
	}
	return m, m.resume, st
}

// TestEditingTheProfileSaysWhatIsWrong: a bad email, a phone with
// letters and a link without https are each named in the dialog, which
// keeps the input and stores nothing; fixed, the profile is stored and
// shown, and the dialog fits an 800×600 window.
func TestEditingTheProfileSaysWhatIsWrong(t *testing.T) {
	m, r, st := resumeScreenOf(t, resumeFixture())
	m.Resize(fyne.NewSize(800, 600))
	if !strings.Contains(r.profile.Text, "No profile yet") {
		t.Errorf("empty profile shows %q", r.profile.Text)
	}
	test.Tap(findButton(t, m, "Edit profile"))
	f := r.editor
	if size := f.dialog.MinSize(); size.Height > 600 || size.Width > 800 {
		t.Errorf("the profile dialog needs %v in an 800×600 window", size)
	}
	test.Type(formField(t, f, "Name"), "Ελένη Παπαδοπούλου")
	email := formField(t, f, "Email")
	test.Type(email, "eleni.example.com")
	f.submit()
	if !f.problem.Visible() || !strings.Contains(f.problem.Text, "Email:") || !strings.Contains(f.problem.Text, "ada@example.com") {
		t.Fatalf("a bad email says %q", f.problem.Text)
	}
	email.SetText("eleni@example.com")
	test.Type(formField(t, f, "Phone"), "call me")
	f.submit()
	if !strings.Contains(f.problem.Text, "Phone:") {
		t.Fatalf("a bad phone says %q", f.problem.Text)
	}
	formField(t, f, "Phone").SetText("+30 210 000 0000")
	links := formField(t, f, "Links")
	links.SetText("GitHub github.com/eleni")
	f.submit()
	if !strings.Contains(f.problem.Text, "Links: line 1") || !strings.Contains(f.problem.Text, "https://") {
		t.Fatalf("a link without https says %q", f.problem.Text)
	}
	if p, _ := st.ResumeParts(); p.Profile.Name != "" {
		t.Fatalf("a refused form stored %+v", p.Profile)
	}
	links.SetText("GitHub https://github.com/eleni\nhttps://www.linkedin.com/in/eleni")
	// A field keeps to its length however much is pasted.
	summary := formField(t, f, "Summary")
	summary.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clipboardWith(strings.Repeat("x", 10_000))})
	if n := len([]rune(summary.Text)); n > 2000 {
		t.Errorf("the summary took %d characters", n)
	}
	f.submit()
	p, _ := st.ResumeParts()
	want := []resume.Link{{Network: "GitHub", URL: "https://github.com/eleni"}, {Network: "LinkedIn", URL: "https://www.linkedin.com/in/eleni"}}
	if p.Profile.Name != "Ελένη Παπαδοπούλου" || p.Profile.Email != "eleni@example.com" || !reflect.DeepEqual(p.Profile.Links, want) {
		t.Fatalf("stored %+v", p.Profile)
	}
	if !strings.Contains(r.profile.Text, "Ελένη Παπαδοπούλου") || !strings.Contains(r.profile.Text, "LinkedIn: https://www.linkedin.com/in/eleni") {
		t.Errorf("the screen shows %q", r.profile.Text)
	}
}

// TestTailoringAVersionPutsThePostingsSkillsFirst: a posting naming SQL
// and Go lists them first, ticked and marked; the saved version keeps
// that order and says it was not sent with an application yet.
func TestTailoringAVersionPutsThePostingsSkillsFirst(t *testing.T) {
	doc := resumeFixture()
	doc.SkillCategories[0].Skills = append(doc.SkillCategories[0].Skills, snapshot.Skill{Name: "Git basics", Status: "done", TargetLevel: 3})
	doc.Projects = []snapshot.Project{{Name: "Todo API", Description: "A REST API.", RepoURL: "https://github.com/x/todo", Status: "done", Skills: []string{"Go"}}}
	m, r, st := resumeScreenOf(t, doc)
	test.Tap(findButton(t, m, "Tailor to a posting…"))
	f := r.tailor
	if got := f.skills.Options; !reflect.DeepEqual(got, []string{"Go", "Git basics", "SQL"}) {
		t.Fatalf("before a posting the skills are %q, proven first", got)
	}
	test.Type(f.name, "Acme backend")
	test.Type(f.posting, "You know SQL well and write Go daily.")
	test.Tap(f.suggest)
	if got := f.skills.Options; !reflect.DeepEqual(got, []string{"SQL  (in the posting)", "Go  (in the posting)", "Git basics"}) {
		t.Fatalf("after the posting the skills are %q", got)
	}
	if !strings.Contains(f.matched.Text, "The posting mentions SQL, Go") {
		t.Errorf("matched: %q", f.matched.Text)
	}
	f.skills.SetSelected(f.skills.Options[:2]) // untick Git
	f.submit()
	if f.problem.Visible() {
		t.Fatalf("saving said %q", f.problem.Text)
	}
	vs, _ := st.ResumeVersions()
	if len(vs) != 1 || vs[0].Name != "Acme backend" || len(vs[0].SkillIDs) != 2 || len(vs[0].ProjectIDs) != 1 || vs[0].ApplicationID != nil {
		t.Fatalf("stored %+v", vs)
	}
	names := r.skillNames()
	if names[vs[0].SkillIDs[0]] != "SQL" || names[vs[0].SkillIDs[1]] != "Go" {
		t.Errorf("stored order %q, %q", names[vs[0].SkillIDs[0]], names[vs[0].SkillIDs[1]])
	}
	doc2, err := r.data.Document(&vs[0], r.now())
	if err == nil || !strings.Contains(err.Error(), "no name") {
		t.Errorf("a résumé without a name exports: %v", err)
	}
	_ = doc2
	if !labelShown(m, "not sent with an application yet") {
		t.Error("the version's row does not say whether it was sent")
	}
	// Editing it shows its skills in its order, ticked.
	r.editVersion(vs[0])
	if got := r.tailor.skills.Selected; !reflect.DeepEqual(got, []string{"SQL", "Go"}) {
		t.Errorf("editing shows %q ticked", got)
	}
}

func labelShown(m *MainWindow, part string) bool {
	found := false
	onScreen(m, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, part) {
			found = true
		}
	})
	return found
}

// TestPortfolioHealthOnSkillsAndToday: done skills without a project are
// listed on the Skills screen's Projects tab and summed up on the Today
// card; a finished project with a link and a description that proves
// them clears both.
func TestPortfolioHealthOnSkillsAndToday(t *testing.T) {
	st, _ := openFixture(t, resumeFixture())
	m := newTestWindow(t, st)
	press(m, fyne.Key1)
	today := m.screens[0].(*dashboard).today.portfolio
	if !today.Visible() || today.Text != "Portfolio: 2 done skills have no project to show them (Skills ▸ Projects)." {
		t.Errorf("Today card: %q (visible %v)", today.Text, today.Visible())
	}
	press(m, fyne.Key3)
	health := m.skills.projects.health
	if !health.Visible() || !strings.Contains(health.Text, "2 done skills have no project to show them: Go, SQL") {
		t.Errorf("Skills ▸ Projects: %q", health.Text)
	}
	id, err := st.AddProject(projectProving(t, st, "Go", "SQL"))
	if err != nil {
		t.Fatal(err)
	}
	m.skills.reload()
	if health.Visible() {
		t.Errorf("after a proving project the checklist still says %q", health.Text)
	}
	// A finished project without a link is named.
	ps, _ := st.Projects()
	bare := ps[0]
	bare.RepoURL = ""
	if err := st.UpdateProject(ps[0], bare); err != nil || id != bare.ID {
		t.Fatal(err)
	}
	m.skills.reload()
	if !strings.Contains(health.Text, "Todo API lacks a public link") {
		t.Errorf("a project without a link: %q", health.Text)
	}
	press(m, fyne.Key1)
	if !strings.HasPrefix(today.Text, "Portfolio: Todo API lacks a public link") {
		t.Errorf("Today card: %q", today.Text)
	}
}

// projectProving is a finished project with a link and a description that
// proves the named skills.
func projectProving(t *testing.T, st *store.Store, skills ...string) plan.Project {
	t.Helper()
	cats, err := st.Categories()
	if err != nil {
		t.Fatal(err)
	}
	p := plan.Project{Name: "Todo API", Description: "A REST API.", RepoURL: "https://github.com/x/todo", Status: plan.ProjectDone}
	for _, c := range cats {
		for _, sk := range c.Skills {
			for _, name := range skills {
				if sk.Name == name {
					p.SkillIDs = append(p.SkillIDs, sk.ID)
				}
			}
		}
	}
	return p
}

// TestTailoringForAnApplication: the job search's button opens the form
// with the posting's suggestion applied, and the version saved records
// the application, which the list then says.
func TestTailoringForAnApplication(t *testing.T) {
	m, r, st := resumeScreenOf(t, resumeFixture())
	app := uint(12)
	r.tailorFor("Acme – backend", "PostgreSQL, SQL and Go", &app, nil)
	f := r.tailor
	if got := f.skills.Options; !reflect.DeepEqual(got, []string{"SQL  (in the posting)", "Go  (in the posting)"}) {
		t.Fatalf("skills %q, want SQL and Go in the posting's order", got)
	}
	f.submit()
	vs, _ := st.ResumeVersions()
	if len(vs) != 1 || vs[0].ApplicationID == nil || *vs[0].ApplicationID != 12 || vs[0].Posting != "PostgreSQL, SQL and Go" {
		t.Fatalf("stored %+v", vs)
	}
	// Application 12 does not exist (any more): the row says so rather
	// than show a number.
	if !labelShown(m, "sent with an application since deleted") {
		t.Error("the list does not say the application is gone")
	}
}

// TestAProjectsDatesAreStoredForTheResume: the project form takes when
// the work started and finished, refuses an end before the start, and
// stores both.
func TestAProjectsDatesAreStoredForTheResume(t *testing.T) {
	st, _ := openFixture(t, resumeFixture())
	m := newTestWindow(t, st)
	press(m, fyne.Key3)
	s := m.skills
	s.tabs.SelectIndex(2)
	test.Tap(findButton(t, m, "Add project"))
	f := s.projects.editor
	test.Type(f.form.Items[0].Widget.(*widgets.TextField), "Todo API")
	started := f.form.Items[4].Widget.(*widgets.DateField)
	finished := f.form.Items[5].Widget.(*widgets.DateField)
	if f.form.Items[4].Text != "Started" || f.form.Items[5].Text != "Finished" {
		t.Fatalf("items %q, %q", f.form.Items[4].Text, f.form.Items[5].Text)
	}
	test.Type(started, "2026-09-01")
	test.Type(finished, "2026-08-01")
	f.submit()
	if !f.problem.Visible() || !strings.Contains(f.problem.Text, "before it started") {
		t.Fatalf("an end before the start says %q", f.problem.Text)
	}
	finished.SetText("2026-11-02")
	f.submit()
	ps, _ := st.Projects()
	if len(ps) != 1 || ps[0].Started.Format("2006-01-02") != "2026-09-01" || ps[0].Finished.Format("2006-01-02") != "2026-11-02" {
		t.Fatalf("stored %+v", ps)
	}
}

// TestAFinishedStepBecomesACertificate: a new certificate can take its
// name from a finished roadmap step, such as a course.
func TestAFinishedStepBecomesACertificate(t *testing.T) {
	doc := resumeFixture()
	doc.Roadmap[0].Status = "done"
	m, r, st := resumeScreenOf(t, doc)
	test.Tap(findButton(t, m, "Add certificate"))
	f := r.editor
	from, ok := f.form.Items[0].Widget.(*widgets.Choice)
	if !ok || f.form.Items[0].Text != "From a step" || !reflect.DeepEqual(from.Options, []string{"Decide your pace"}) {
		t.Fatalf("the first item is %q %T", f.form.Items[0].Text, f.form.Items[0].Widget)
	}
	from.SetSelected("Decide your pace")
	formField(t, f, "Date").SetText("2026-11")
	f.submit()
	p, _ := st.ResumeParts()
	if len(p.Certificates) != 1 || p.Certificates[0].Name != "Decide your pace" || p.Certificates[0].Date != "2026-11" {
		t.Fatalf("stored %+v", p.Certificates)
	}
	if !labelShown(m, "Decide your pace") {
		t.Error("the certificate is not listed")
	}
}
