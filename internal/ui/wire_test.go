package ui

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// wiredFixture is the job search's two applications with a résumé to
// tailor: Go, PostgreSQL and Python done, a finished project proving Go
// and PostgreSQL, and Beta's posting pasted.
func wiredFixture() snapshot.Document {
	doc := jobsFixture()
	doc.SkillCategories = []snapshot.Category{
		{Name: "Languages", Skills: []snapshot.Skill{skill("Python", 60), skill("Go", 80)}},
		{Name: "Data", Skills: []snapshot.Skill{skill("PostgreSQL", 40)}},
	}
	for _, c := range doc.SkillCategories {
		for i := range c.Skills {
			c.Skills[i].Status, c.Skills[i].CurrentLevel = "done", 3
		}
	}
	doc.Projects = []snapshot.Project{{Name: "Todo API", Description: "A REST API.", RepoURL: "https://github.com/x/todo", Status: "done",
		Skills: []string{"Go", "PostgreSQL"}}}
	doc.JobSearch.Applications[1].Posting = "You will build services in Go on PostgreSQL."
	return doc
}

// TestTailoringAResumeFromAnApplication: the application's form offers
// "Tailor résumé…", which opens the tailoring for its posting with
// PostgreSQL and Go first; saved, the version is recorded on the
// application, whose form says which version was sent and what it shows,
// and the Résumé screen names the application by company and role.
func TestTailoringAResumeFromAnApplication(t *testing.T) {
	st, _ := openFixture(t, wiredFixture())
	m := newTestWindow(t, st)
	m.Resize(fyne.NewSize(800, 600))
	press(m, fyne.Key6)
	j := m.jobs
	j.tabs.SelectIndex(0)
	j.reload()
	test.Tap(j.cards[2]) // Beta
	if !labelShown(m, "No résumé version recorded yet") {
		t.Fatal("the application's form does not offer a résumé")
	}
	test.Tap(findButton(t, m, "Tailor résumé…"))
	f := m.resume.tailor
	if f == nil {
		t.Fatal("no tailoring form opened")
	}
	if got := f.name.Text; got != "Beta – Backend developer" {
		t.Errorf("the version is called %q", got)
	}
	want := []string{"Go  (in the posting)", "PostgreSQL  (in the posting)", "Python"}
	if got := f.skills.Options; !reflect.DeepEqual(got, want) {
		t.Fatalf("skills %q, want %q", got, want)
	}
	if got := f.skills.Selected; !reflect.DeepEqual(got, want[:2]) {
		t.Errorf("ticked %q, want the two the posting names", got)
	}
	if size := f.dialog.MinSize(); size.Height > 600 || size.Width > 800 {
		t.Errorf("the tailoring form needs %v in an 800×600 window", size)
	}
	f.submit()
	if f.problem.Visible() {
		t.Fatalf("saving says %q", f.problem.Text)
	}
	vs, err := st.ResumeVersions()
	if err != nil || len(vs) != 1 || vs[0].ApplicationID == nil || *vs[0].ApplicationID != 2 {
		t.Fatalf("versions %+v, %v", vs, err)
	}
	b, _ := st.JobBoard()
	if b.Applications[1].ResumeVersionID == nil || *b.Applications[1].ResumeVersionID != vs[0].ID || b.Applications[0].ResumeVersionID != nil {
		t.Fatalf("applications record %v and %v", b.Applications[0].ResumeVersionID, b.Applications[1].ResumeVersionID)
	}
	// The application's form opens again and says what was sent.
	if !labelShown(m, "Sent with Beta – Backend developer\nSkills: Go, PostgreSQL\nProjects: Todo API") {
		var shown []string
		onScreenLabels(m, &shown)
		t.Fatalf("the application does not show the version sent; labels:\n%s", strings.Join(shown, "\n"))
	}
	// A second version for the same job gets a name of its own.
	j.editor.hide()
	test.Tap(j.cards[2])
	test.Tap(findButton(t, m, "Tailor résumé…"))
	if got := m.resume.tailor.name.Text; got != "Beta – Backend developer (2)" {
		t.Errorf("a second version is called %q", got)
	}
	m.resume.tailor.hide()
	press(m, fyne.Key8)
	if !labelShown(m, "sent to Beta · Backend developer") {
		t.Error("the Résumé screen does not name the application")
	}
}

// onScreenLabels collects the text of every label shown.
func onScreenLabels(m *MainWindow, out *[]string) {
	onScreen(m, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text != "" {
			*out = append(*out, l.Text)
		}
	})
}
