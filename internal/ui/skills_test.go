package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

func TestAddASkillWithAPrerequisite(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	press(m, fyne.Key3)
	s := m.skills

	test.Tap(findButton(t, m, "Skill"))
	form := s.editor.form
	test.Type(form.Items[0].Widget.(*widgets.TextField), "Rust")
	form.Items[1].Widget.(*widgets.Choice).SetSelected("Languages")
	form.Items[4].Widget.(*widgets.Choice).SetSelected(plan.LevelNames[4])
	form.Items[5].Widget.(*widgets.TextField).SetText("90")
	test.Tap(findCheck(t, m, "Go")) // in the prerequisites list
	test.Tap(findButton(t, m, "Save"))

	if s.editor.problem.Visible() {
		t.Fatalf("saving showed %q", s.editor.problem.Text)
	}
	var rust, goSkill plan.Skill
	cats, _ := st.Categories()
	for _, sk := range cats[0].Skills {
		switch sk.Name {
		case "Rust":
			rust = sk
		case "Go":
			goSkill = sk
		}
	}
	if rust.ID == 0 {
		t.Fatal("the new skill was not stored in Languages")
	}
	if rust.Hours != 90 || rust.TargetLevel != 4 || len(rust.Prerequisites) != 1 || rust.Prerequisites[0] != goSkill.ID {
		t.Errorf("stored %+v, want 90 h, target 4, requiring Go", rust)
	}
	skillRow(t, m, "Rust") // and it is in the list
}

func TestAPrerequisiteCycleIsRefusedInTheForm(t *testing.T) {
	doc := fixture()
	doc.SkillCategories[1].Skills[0].Prerequisites = []string{"Go"} // SQL requires Go
	st, _ := openFixture(t, doc)
	m := newTestWindow(t, st)
	press(m, fyne.Key3)
	s := m.skills

	// Edit Go and make it require SQL.
	var goSkill plan.Skill
	var languages uint
	for _, c := range s.categories {
		for _, sk := range c.Skills {
			if sk.Name == "Go" {
				goSkill, languages = sk, c.ID
			}
		}
	}
	s.editSkill(goSkill, languages)
	test.Tap(findCheck(t, m, "SQL"))
	test.Tap(findButton(t, m, "Save"))

	if !s.editor.problem.Visible() || !strings.Contains(s.editor.problem.Text, "Go → SQL → Go") {
		t.Errorf("the form says %q, want the cycle Go → SQL → Go named", s.editor.problem.Text)
	}
	if len(m.Canvas().Overlays().List()) == 0 {
		t.Error("the form closed and lost the learner's input")
	}
	cats, _ := st.Categories()
	if len(cats[0].Skills[0].Prerequisites) != 0 {
		t.Error("the refused prerequisite was stored")
	}
}

func TestAFinishedProjectProvesItsSkills(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	press(m, fyne.Key3)
	s := m.skills
	s.tabs.SelectIndex(2)

	test.Tap(findButton(t, m, "Add project"))
	form := s.projects.editor.form
	test.Type(form.Items[0].Widget.(*widgets.TextField), "Todo API")
	form.Items[2].Widget.(*widgets.TextField).SetText("https://github.com/me/todo-api")
	form.Items[3].Widget.(*widgets.Choice).SetSelected(plan.ProjectDone.Label())
	test.Tap(findCheck(t, m, "Go"))
	test.Tap(findButton(t, m, "Save"))
	if s.projects.editor.problem.Visible() {
		t.Fatalf("saving showed %q", s.projects.editor.problem.Text)
	}

	s.tabs.SelectIndex(0)
	// One state, said once: done, proven, ticked, and the tick follows the
	// project (fails on 522c7e7: "Not started" beside "✓ proven").
	check, _, right := checkRow(t, m, "Go")
	if detail := right.Objects[0].(*widget.Label).Text; !strings.HasPrefix(detail, "Done, proven by a project") {
		t.Errorf("Go shows %q, want it done and proven", detail)
	}
	if !check.Checked || !check.Disabled() {
		t.Errorf("Go's tick: checked %v, disabled %v; want ticked by the project", check.Checked, check.Disabled())
	}
	if _, _, right := checkRow(t, m, "Python"); strings.Contains(right.Objects[0].(*widget.Label).Text, "proven") {
		t.Error("Python is shown proven without a project")
	}
	press(m, fyne.Key1)
	if got := m.screens[0].(*dashboard).skillsCount.Text; !strings.Contains(got, "1 proven") {
		t.Errorf("dashboard skills = %q, want 1 proven", got)
	}
}

func TestAProjectWithABrokenAddressIsRefusedAtTheField(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	press(m, fyne.Key3)
	s := m.skills
	s.tabs.SelectIndex(2)
	test.Tap(findButton(t, m, "Add project"))
	form := s.projects.editor.form
	test.Type(form.Items[0].Widget.(*widgets.TextField), "Blog")
	repo := form.Items[2].Widget.(*widgets.TextField)
	test.Type(repo, "github.com/me/blog")
	if err := repo.Validate(); err == nil || !strings.Contains(err.Error(), "https://") {
		t.Errorf("the repository field says %v, want a hint to start with https://", err)
	}
	if projects, _ := st.Projects(); len(projects) != 0 {
		t.Error("a project was stored")
	}
}

func TestSearchAndFiltersNarrowTheList(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	press(m, fyne.KeyF)
	s := m.skills
	if m.Current() != 2 || m.Canvas().Focused() != s.search {
		t.Fatal("Ctrl+F did not put the cursor in the skills search")
	}
	test.Type(s.search, "sq")
	if len(s.rows) != 2 || s.rows[1].skill != 0 || s.categories[s.rows[0].category].Name != "Data" {
		t.Errorf("searching sq shows %v, want the Data header and SQL", s.rows)
	}
	s.search.SetText("")
	goCheck, _ := skillRow(t, m, "Go")
	test.Tap(goCheck)
	s.statusFilter.SetSelected(plan.SkillDone.Label())
	if len(s.rows) != 2 || s.categories[s.rows[0].category].Skills[s.rows[1].skill].Name != "Go" {
		t.Errorf("the done filter shows %v, want Languages and Go", s.rows)
	}
	s.statusFilter.SetSelected(allStatuses)
	s.categoryFilter.SetSelected("Data")
	if len(s.rows) != 2 {
		t.Errorf("the Data filter shows %d rows, want 2", len(s.rows))
	}
	s.search.SetText("nothing like this")
	if !s.noMatch.Visible() {
		t.Error("no message when nothing matches")
	}
}

func TestRenameAndDeleteACategory(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	press(m, fyne.Key3)
	s := m.skills

	s.editCategory(s.categories[1])
	name := s.editor.form.Items[0].Widget.(*widgets.TextField)
	name.SetText("Databases")
	test.Tap(findButton(t, m, "Save"))
	categoryBar(t, m, "Databases")

	s.editCategory(s.categories[1])
	test.Tap(findButton(t, m, "Delete category…"))
	test.Tap(findButton(t, m, "Delete category"))
	cats, _ := st.Categories()
	if len(cats) != 1 || cats[0].Name != "Languages" {
		t.Errorf("categories after delete = %d, first %q", len(cats), cats[0].Name)
	}
}

func TestDeletingASkillWarnsWhatItTouches(t *testing.T) {
	doc := fixture()
	doc.SkillCategories[1].Skills[0].Prerequisites = []string{"Go"}
	st, _ := openFixture(t, doc)
	m := newTestWindow(t, st)
	press(m, fyne.Key3)
	s := m.skills
	goSkill := s.categories[0].Skills[0]
	s.editSkill(goSkill, s.categories[0].ID)
	test.Tap(findButton(t, m, "Delete skill…"))
	var warning string
	onScreen(m, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "prerequisite of") {
			warning = l.Text
		}
	})
	if !strings.Contains(warning, "SQL") {
		t.Errorf("the confirmation says %q, want it to name SQL, which requires Go", warning)
	}
	test.Tap(findButton(t, m, "Keep it"))
	cats, _ := st.Categories()
	if len(cats[0].Skills) != 2 {
		t.Error("declining deleted the skill")
	}
}

// The choice made in the welcome can be changed, or undone, on the Skills
// screen. Fails on 0a96a61, which had no choices there.
func TestTheMainLanguageCanBeChangedOnTheSkillsScreen(t *testing.T) {
	st, _ := openFixture(t, fourLanguageFixture())
	m := newTestWindow(t, st)
	press(m, fyne.Key3)
	s := m.skills
	if s.choiceItem == nil || s.choiceItem.Open {
		t.Fatal("the choices are not folded under one line")
	}
	rows := s.choiceItem.Detail.(*fyne.Container).Objects
	if len(rows) != 2 {
		t.Fatalf("%d rows of choices, want the main language and its note", len(rows))
	}
	choice := rows[0].(*fyne.Container).Objects[0].(*widgets.Choice)
	choice.SetSelected("Go")
	if s.choiceItem.Title != "Your choices: Go" {
		t.Errorf("the folded line says %q", s.choiceItem.Title)
	}
	cats, _ := st.Categories()
	for _, sk := range cats[0].Skills {
		if (sk.Name == "Go") == sk.SetAside() {
			t.Errorf("%s: set aside %v after choosing Go", sk.Name, sk.SetAside())
		}
	}
	s.choiceItem.Detail.(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*widgets.Choice).SetSelected(undecided)
	cats, _ = st.Categories()
	for _, sk := range cats[0].Skills {
		if sk.SetAside() {
			t.Errorf("%s stayed set aside when every language came back", sk.Name)
		}
	}
}
