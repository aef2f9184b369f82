package ui

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/practice"
	"github.com/studyplanner/studyplanner/internal/resume"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// wiredFixture is the job search's two applications with a résumé to
// tailor: Go, PostgreSQL and Python done, and a finished project proving
// Go and PostgreSQL.
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
	// The posting pasted into the form, not yet saved, is kept and is
	// the one tailored to.
	formField(t, j.editor, "Posting's text").SetText("You will build services in Go on PostgreSQL.")
	test.Tap(findButton(t, m, "Tailor résumé…"))
	if b, _ := st.JobBoard(); b.Applications[1].Posting != "You will build services in Go on PostgreSQL." {
		t.Errorf("the posting typed was not saved: %q", b.Applications[1].Posting)
	}
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
	if !labelShown(m, "Sent with the version Beta – Backend developer\nSkills: Go, PostgreSQL\nProjects: Todo API") {
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
	// A company and role as long as allowed give a name cut to fit.
	long := appByCompany(t, st, "Acme")
	longer := long
	longer.Company, longer.Role = strings.Repeat("Ł", plan.MaxNameLen), strings.Repeat("r", plan.MaxNameLen)
	if err := st.UpdateApplication(long, longer); err != nil {
		t.Fatal(err)
	}
	j.reload()
	test.Tap(j.cards[1])
	test.Tap(findButton(t, m, "Tailor résumé…"))
	if n := len([]rune(m.resume.tailor.name.Text)); n > plan.MaxNameLen || n < plan.MaxNameLen-10 {
		t.Errorf("the name for a long company and role has %d characters", n)
	}
	m.resume.tailor.submit()
	if m.resume.tailor.problem.Visible() {
		t.Errorf("saving it says %q", m.resume.tailor.problem.Text)
	}
	j.editor.hide()
	// A form with a mistake stays open and says so; nothing is tailored.
	test.Tap(j.cards[2])
	opened := m.resume.tailor
	formField(t, j.editor, "Company").SetText("")
	test.Tap(findButton(t, m, "Tailor résumé…"))
	if m.resume.tailor != opened || !j.editor.problem.Visible() {
		t.Errorf("tailoring opened from a form with no company (problem shown: %v)", j.editor.problem.Visible())
	}
	j.editor.hide()
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

// interviewAt books an interview for the application to company.
func interviewAt(t *testing.T, st *store.Store, company string, start time.Time) {
	t.Helper()
	b, err := st.JobBoard()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range b.Applications {
		if a.Company == company {
			if _, err := st.SaveInterview(jobsearch.Interview{}, jobsearch.Interview{ApplicationID: a.ID, Start: start, Minutes: 60}); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("no application to %s", company)
}

// TestTheCramSetIsForAnInterviewPickedFromTheJobSearch: the Progress
// tab lists the interviews to come by day, company and role (not the
// ones past); picking one sets the day and lists the cards that would be
// forgotten by then, and a date typed afterwards takes over.
func TestTheCramSetIsForAnInterviewPickedFromTheJobSearch(t *testing.T) {
	st, _ := openFixture(t, jobsFixture())
	interviewAt(t, st, "Acme", time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC))
	interviewAt(t, st, "Acme", time.Date(2026, 5, 20, 10, 30, 0, 0, time.UTC))
	interviewAt(t, st, "Beta", time.Date(2026, 5, 14, 15, 0, 0, 0, time.UTC))
	dueCard(t, st, "What is an index?", "A sorted lookup structure.", practice.Databases)
	m, p := practiceWindow(t, st)
	m.Resize(fyne.NewSize(800, 600))
	p.tabs.SelectIndex(4)
	g := p.progress
	want := []string{"Thu 14 May 15:00 · Beta · Backend developer", "Wed 20 May 10:30 · Acme · Go developer"}
	if !reflect.DeepEqual(g.interview.Options, want) || g.interview.Disabled() {
		t.Fatalf("interviews offered %q, want %q", g.interview.Options, want)
	}
	if enabled := !g.cramGo.Disabled(); enabled || !strings.Contains(g.cram.Text, "Pick an interview from the job search, or give its date") {
		t.Errorf("before a pick: %q, cram button enabled %v", g.cram.Text, enabled)
	}
	g.interview.SetSelected(want[1])
	if g.date.Date == nil || g.date.Date.Format(time.DateOnly) != "2026-05-20" {
		t.Fatalf("picking Acme's interview set the date to %v", g.date.Date)
	}
	if !strings.Contains(g.cram.Text, "1 card is below 90% at the interview Wed 20 May 10:30 · Acme") || g.cramGo.Disabled() {
		t.Errorf("the cram set says %q", g.cram.Text)
	}
	test.Tap(g.cramGo)
	if len(p.mock.cards) != 1 {
		t.Errorf("the cram set started a mock of %d cards", len(p.mock.cards))
	}
	p.mock.stop()
	p.tabs.SelectIndex(4)
	// A date typed instead: the interview is no longer the one meant.
	g.date.SetText("2026-05-11")
	if g.interview.Selected != "" || !strings.Contains(g.cram.Text, "on Mon 11 May 2026") {
		t.Errorf("after typing a date: picked %q, %q", g.interview.Selected, g.cram.Text)
	}
}

// TestACardIsTiedToAnApplicationChosenByName: the card editor offers the
// applications by company and role, stores the one chosen, shows it
// again on editing, and the review names it.
func TestACardIsTiedToAnApplicationChosenByName(t *testing.T) {
	st, _ := openFixture(t, jobsFixture())
	id := dueCard(t, st, "Why Acme?", "Their API.", practice.Behavioural)
	_, p := practiceWindow(t, st)
	card, _ := st.Card(id)
	p.cards.edit(card)
	f := p.cards.editor
	var choice *widgets.Choice
	for _, it := range f.form.Items {
		if it.Text == "Application" {
			choice, _ = it.Widget.(*widgets.Choice)
		}
	}
	if choice == nil {
		t.Fatal("the card editor has no choice of application")
	}
	if want := []string{"None", "Acme · Go developer", "Beta · Backend developer"}; !reflect.DeepEqual(choice.Options, want) || choice.Selected != "None" {
		t.Fatalf("applications offered %q (%q chosen), want %q", choice.Options, choice.Selected, want)
	}
	choice.SetSelected("Acme · Go developer")
	f.submit()
	acme := appNamed(t, st, "Acme")
	if card, _ = st.Card(id); card.ApplicationID == nil || *card.ApplicationID != acme {
		t.Fatalf("the card is tied to %v, want Acme's %d", card.ApplicationID, acme)
	}
	if !strings.Contains(p.topic.Text, "for Acme · Go developer") {
		t.Errorf("the review says %q", p.topic.Text)
	}
	p.cards.edit(card)
	for _, it := range p.cards.editor.form.Items {
		if c, ok := it.Widget.(*widgets.Choice); ok && it.Text == "Application" && c.Selected != "Acme · Go developer" {
			t.Errorf("editing again shows %q", c.Selected)
		}
	}
	// None unties it.
	for _, it := range p.cards.editor.form.Items {
		if c, ok := it.Widget.(*widgets.Choice); ok && it.Text == "Application" {
			c.SetSelected("None")
		}
	}
	p.cards.editor.submit()
	if card, _ = st.Card(id); card.ApplicationID != nil {
		t.Errorf("None left the card tied to %d", *card.ApplicationID)
	}
}

func appNamed(t *testing.T, st *store.Store, company string) uint {
	t.Helper()
	b, _ := st.JobBoard()
	for _, a := range b.Applications {
		if a.Company == company {
			return a.ID
		}
	}
	t.Fatalf("no application to %s", company)
	return 0
}

// TestJobSearchTimeIsLoggedOnTheJobStep: "Log time…" on the Job search
// opens the session form on the roadmap's "Find a job" step; saved, the
// session is the step's and the plan's work left drops by its time;
// cancelled, the window goes back to the Job search.
func TestJobSearchTimeIsLoggedOnTheJobStep(t *testing.T) {
	doc := jobsFixture()
	doc.Roadmap = append(doc.Roadmap, snapshot.Step{Title: "Find a job", Summary: "Apply.", Status: "todo", Hours: 40,
		Actions: []snapshot.Action{}, Links: []snapshot.Link{}})
	st, _ := openFixture(t, doc)
	m := newTestWindow(t, st)
	m.Resize(fyne.NewSize(800, 600))
	press(m, fyne.Key6)
	m.jobs.tabs.SelectIndex(0)
	m.timeline.reload()
	before := m.timeline.forecast.RemainingHours
	test.Tap(findButton(t, m, "Log time…"))
	if m.screens[m.Current()] != m.timeline || m.timeline.sessionForm == nil {
		t.Fatalf("Log time… showed screen %d", m.Current())
	}
	f := m.timeline.sessionForm
	step := formChoice(t, f, "Roadmap step")
	if step.Selected != "Find a job" || formChoice(t, f, "Skill").Selected != noChoice {
		t.Fatalf("the form is on step %q", step.Selected)
	}
	minutes := formField(t, f, "Minutes")
	minutes.SetText("90")
	f.submit()
	if f.problem.Visible() {
		t.Fatalf("saving says %q", f.problem.Text)
	}
	p, _ := st.Plan()
	sessions, _ := st.Sessions(time.Time{}, time.Date(2199, 1, 1, 0, 0, 0, 0, time.UTC))
	jobStep := p.Steps[len(p.Steps)-1]
	if len(sessions) != 1 || sessions[0].StepID != jobStep.ID || sessions[0].Minutes != 90 || sessions[0].SkillID != 0 {
		t.Fatalf("sessions %+v, want 90 minutes on step %d", sessions, jobStep.ID)
	}
	m.timeline.reload()
	if after := m.timeline.forecast.RemainingHours; math.Abs(before-after-1.5) > 1e-9 {
		t.Errorf("the plan's work left went from %.2f to %.2f h, want 1.5 h less", before, after)
	}
	// Cancelled, it goes back.
	press(m, fyne.Key6)
	test.Tap(findButton(t, m, "Log time…"))
	m.timeline.sessionForm.cancel()
	if m.screens[m.Current()] != m.jobs {
		t.Errorf("cancelling left screen %d on show", m.Current())
	}
}

func formChoice(t *testing.T, f *formDialog, label string) *widgets.Choice {
	t.Helper()
	for _, it := range f.form.Items {
		if c, ok := it.Widget.(*widgets.Choice); ok && it.Text == label {
			return c
		}
	}
	t.Fatalf("no choice %q in the form", label)
	return nil
}

func appByCompany(t *testing.T, st *store.Store, company string) jobsearch.Application {
	t.Helper()
	b, _ := st.JobBoard()
	for _, a := range b.Applications {
		if a.Company == company {
			return a
		}
	}
	t.Fatalf("no application to %s", company)
	return jobsearch.Application{}
}

// TestAVersionMadeBeforeCanBeRecordedAsSent: the application's form
// offers the versions made before; choosing one records it at once and
// says what it shows, saving the form afterwards keeps it, and "(none)"
// clears it.
func TestAVersionMadeBeforeCanBeRecordedAsSent(t *testing.T) {
	st, _ := openFixture(t, wiredFixture())
	cats, _ := st.Categories()
	goID := uint(0)
	for _, c := range cats {
		for _, sk := range c.Skills {
			if sk.Name == "Go" {
				goID = sk.ID
			}
		}
	}
	general, err := st.AddVersion(resume.Version{Name: "General", SkillIDs: []uint{goID}})
	if err != nil {
		t.Fatal(err)
	}
	m := newTestWindow(t, st)
	press(m, fyne.Key6)
	j := m.jobs
	j.tabs.SelectIndex(0)
	j.reload()
	test.Tap(j.cards[1])
	var sent *widgets.Choice
	onScreen(m, func(o fyne.CanvasObject) {
		if c, ok := o.(*widgets.Choice); ok && len(c.Options) == 2 && c.Options[1] == "General" {
			sent = c
		}
	})
	if sent == nil || sent.Selected != noChoice {
		t.Fatal("the application's form offers no version made before")
	}
	sent.SetSelected("General")
	if a := appByCompany(t, st, "Acme"); a.ResumeVersionID == nil || *a.ResumeVersionID != general {
		t.Fatalf("choosing General recorded %v", a.ResumeVersionID)
	}
	if !labelShown(m, "Sent with the version General\nSkills: Go") {
		t.Error("the form does not say what General shows")
	}
	formField(t, j.editor, "Notes").SetText("Sent on Monday")
	j.editor.submit()
	if a := appByCompany(t, st, "Acme"); a.ResumeVersionID == nil || *a.ResumeVersionID != general || a.Notes != "Sent on Monday" {
		t.Fatalf("after saving the form: version %v, notes %q", a.ResumeVersionID, a.Notes)
	}
	test.Tap(j.cards[1])
	onScreen(m, func(o fyne.CanvasObject) {
		if c, ok := o.(*widgets.Choice); ok && len(c.Options) == 2 && c.Options[1] == "General" {
			sent = c
		}
	})
	if sent.Selected != "General" {
		t.Errorf("opened again, the form shows %q sent", sent.Selected)
	}
	sent.SetSelected(noChoice)
	if a := appByCompany(t, st, "Acme"); a.ResumeVersionID != nil {
		t.Errorf("(none) left version %d", *a.ResumeVersionID)
	}
}
