package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

func skill(name string, hours int) snapshot.Skill {
	return snapshot.Skill{Name: name, Status: "not_started", TargetLevel: 3, Hours: hours, Links: []snapshot.Link{}, Prerequisites: []string{}}
}

func fixture() snapshot.Document {
	return snapshot.Document{
		Format:   snapshot.Format,
		Version:  snapshot.Version,
		Plan:     fixturePlan(),
		Sessions: []snapshot.Session{},
		Roadmap: []snapshot.Step{
			{Title: "Decide your pace", Summary: "Pick a pace.", Status: "in_progress", Hours: 5,
				Actions: []snapshot.Action{{Text: "Count your weekly hours"}, {Text: "Pick a learning format"}}, Links: []snapshot.Link{}},
			{Title: "Learn the skills", Status: "todo", CoversSkills: true, Actions: []snapshot.Action{}, Links: []snapshot.Link{}},
		},
		SkillCategories: []snapshot.Category{
			{Name: "Languages", Skills: []snapshot.Skill{skill("Go", 80), skill("Python", 60)}},
			{Name: "Data", Skills: []snapshot.Skill{skill("SQL", 40)}},
		},
		Projects: []snapshot.Project{},
		Salaries: []snapshot.Salary{
			{Country: "United Kingdom", CountryCode: "GB", Level: "unspecified", Currency: "GBP", Min: 40000, Max: 60000, Year: 2023, Source: "Test source"},
		},
		Comparison:    snapshot.DefaultComparison(),
		ExchangeRates: []snapshot.Rate{},
		PPP:           []snapshot.PPP{},
	}
}

func openFixture(t testing.TB, doc snapshot.Document) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ui.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Import(doc); err != nil {
		t.Fatal(err)
	}
	return st, path
}

func newTestWindow(t testing.TB, st *store.Store) *MainWindow {
	t.Helper()
	a := test.NewTempApp(t)
	m := NewMainWindow(a, st, func() (snapshot.Pack, error) { return snapshot.Pack{}, errors.New("no built-in pack in tests") })
	m.Resize(fyne.NewSize(1100, 800))
	t.Cleanup(m.Close)
	return m
}

// onScreen calls fn on every visible object of the window: its content and
// any dialogs over it.
func onScreen(m *MainWindow, fn func(fyne.CanvasObject)) {
	visible(m.Canvas().Content(), fn)
	for _, o := range m.Canvas().Overlays().List() {
		visible(o, fn)
	}
}

// visible calls fn on every visible object under o, widgets' insides included.
func visible(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			visible(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			visible(c, fn)
		}
	}
}

func findCheck(t *testing.T, m *MainWindow, text string) *widget.Check {
	t.Helper()
	var found *widget.Check
	onScreen(m, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && c.Text == text {
			found = c
		}
	})
	if found == nil {
		t.Fatalf("no visible check %q", text)
	}
	return found
}

// checkRow finds a row made of a check, a label beside it and buttons: a
// skill in the skills list or an item of a step's checklist. The label may
// carry a suffix after two spaces ("Go  ✓ proven").
func checkRow(t *testing.T, m *MainWindow, name string) (*widget.Check, *widget.Label, *fyne.Container) {
	t.Helper()
	var check *widget.Check
	var label *widget.Label
	var buttons *fyne.Container
	visible(m.Canvas().Content(), func(o fyne.CanvasObject) {
		c, ok := o.(*fyne.Container)
		if !ok || len(c.Objects) != 3 {
			return
		}
		l, isLabel := c.Objects[0].(*widget.Label)
		ch, isCheck := c.Objects[1].(*widget.Check)
		right, isBox := c.Objects[2].(*fyne.Container)
		if isLabel && isCheck && isBox && strings.HasPrefix(l.Text, name) && (len(l.Text) == len(name) || strings.HasPrefix(l.Text[len(name):], "  ")) {
			check, label, buttons = ch, l, right
		}
	})
	if check == nil {
		t.Fatalf("no visible row %q", name)
	}
	return check, label, buttons
}

func skillRow(t *testing.T, m *MainWindow, name string) (*widget.Check, *widget.Label) {
	t.Helper()
	check, label, _ := checkRow(t, m, name)
	return check, label
}

func findButton(t *testing.T, m *MainWindow, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	onScreen(m, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no visible button %q", text)
	}
	return found
}

// categoryBar finds the progress bar in the header row of a skill category.
func categoryBar(t *testing.T, m *MainWindow, name string) *widgets.Meter {
	t.Helper()
	var bar *widgets.Meter
	visible(m.Canvas().Content(), func(o fyne.CanvasObject) {
		c, ok := o.(*fyne.Container)
		if !ok || len(c.Objects) != 3 {
			return
		}
		pb, isBar := c.Objects[0].(*widgets.Meter)
		l, isLabel := c.Objects[1].(*widget.Label)
		if isBar && isLabel && l.Text == name {
			bar = pb
		}
	})
	if bar == nil {
		t.Fatalf("no progress bar for category %q", name)
	}
	return bar
}

func press(m *MainWindow, key fyne.KeyName) {
	m.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
}

func TestTickingASkillUpdatesItsCategoryAndIsStored(t *testing.T) {
	st, path := openFixture(t, fixture())
	m := newTestWindow(t, st)
	press(m, fyne.Key3)
	if m.Current() != 2 {
		t.Fatalf("Ctrl+3 showed screen %d, want the skills screen", m.Current())
	}

	bar := categoryBar(t, m, "Languages")
	if bar.Value != 0 {
		t.Fatalf("Languages starts at %v, want 0", bar.Value)
	}
	goCheck, _ := skillRow(t, m, "Go")
	test.Tap(goCheck)

	if got := categoryBar(t, m, "Languages").Value; got != 0.5 {
		t.Errorf("after ticking Go, Languages shows %v, want 0.5 (1 of 2)", got)
	}
	if got := categoryBar(t, m, "Data").Value; got != 0 {
		t.Errorf("ticking Go moved the Data bar to %v", got)
	}
	if got := m.screens[2].(*skills).overallLabel.Text; !strings.HasPrefix(got, "1 of 3 skills done") {
		t.Errorf("overall label = %q, want it to start with 1 of 3 skills done", got)
	}

	// Stored at once: a second connection, as after a restart, sees it.
	again, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	cats, err := again.Categories()
	if err != nil {
		t.Fatal(err)
	}
	if !cats[0].Skills[0].Done() || cats[0].Skills[1].Done() {
		t.Errorf("stored skills = %+v, want only Go done", cats[0].Skills)
	}

	// And unticking takes it back.
	goCheck, _ = skillRow(t, m, "Go")
	test.Tap(goCheck)
	if got := categoryBar(t, m, "Languages").Value; got != 0 {
		t.Errorf("after unticking, Languages shows %v", got)
	}
	cats, _ = again.Categories()
	if cats[0].Skills[0].Done() {
		t.Error("unticking Go was not stored")
	}
}

func TestRoadmapChecklistAndStatusAreStored(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	press(m, fyne.Key2)
	r := m.screens[1].(*roadmap)
	if r.selected != 0 {
		t.Fatalf("the roadmap opened on step %d, want the step in progress (0)", r.selected)
	}

	done, _, _ := checkRow(t, m, "Pick a learning format")
	test.Tap(done)
	if r.progress.Value != 0.5 {
		t.Errorf("checklist progress = %v, want 0.5", r.progress.Value)
	}
	// One item is still open, so marking the step done asks first.
	r.status.SetSelected(plan.StepDone.Label())
	if steps, _ := st.Roadmap(); steps[0].Status != plan.StepInProgress {
		t.Fatalf("the step was marked done before the learner confirmed")
	}
	test.Tap(findButton(t, m, "Yes"))

	steps, err := st.Roadmap()
	if err != nil {
		t.Fatal(err)
	}
	if !steps[0].Actions[1].Done || steps[0].Actions[0].Done {
		t.Errorf("stored checklist = %+v", steps[0].Actions)
	}
	if steps[0].Status != plan.StepDone {
		t.Errorf("stored status = %q, want done", steps[0].Status)
	}

	// The dashboard follows: the next step is now current.
	press(m, fyne.Key1)
	d := m.screens[0].(*dashboard)
	if d.stepTitle.Text != "Learn the skills" {
		t.Errorf("dashboard current step = %q, want Learn the skills", d.stepTitle.Text)
	}
	if !strings.Contains(d.nextActions.Text, "Study Go") {
		t.Errorf("next actions = %q, want the first skills to study", d.nextActions.Text)
	}
}

func TestShortcutsReachEveryScreen(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}
	names := []string{"Dashboard", "Roadmap", "Skills", "Salaries", "Timeline", "Job search", "Practice", "Résumé", "Settings"}
	for i, k := range keys {
		press(m, k)
		if m.Current() != i {
			t.Errorf("Ctrl+%d showed screen %d", i+1, m.Current())
		}
		if want := Title + " — " + names[i]; m.Title() != want {
			t.Errorf("title = %q, want %q", m.Title(), want)
		}
	}
}

func TestEmptyStates(t *testing.T) {
	empty := snapshot.Empty()
	empty.Plan = fixturePlan()
	st, _ := openFixture(t, empty)
	m := newTestWindow(t, st)
	for i, want := range map[int]string{1: "No roadmap steps yet", 2: "No skills yet", 3: "No salary figures yet"} {
		m.ShowScreen(i)
		found := false
		visible(m.Canvas().Content(), func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && l.Text == want {
				found = true
			}
		})
		if !found {
			t.Errorf("screen %d does not say %q", i, want)
		}
	}
	m.ShowScreen(0)
	if got := m.screens[0].(*dashboard).stepTitle.Text; got != "No roadmap yet" {
		t.Errorf("empty dashboard says %q", got)
	}
}

func fixturePlan() snapshot.Plan {
	p := snapshot.DefaultPlan()
	p.StartDate, p.HorizonMonths = "2026-11-02", 6
	return p
}

// mustExport is the data as a document; a test that compares exports
// must not compare two failures.
func mustExport(t testing.TB, st *store.Store) snapshot.Document {
	t.Helper()
	doc, err := st.Export()
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	return doc
}

// fourLanguageFixture is the built-in roadmap's shape: a main language to
// choose among four, and other skills.
func fourLanguageFixture() snapshot.Document {
	doc := salaryFixture()
	langs := []snapshot.Skill{skill("Java", 60), skill("Python", 60), skill("Ruby", 40), skill("Go", 40)}
	for i := range langs {
		langs[i].Group = "Main language"
	}
	doc.SkillCategories = []snapshot.Category{
		{Name: "Languages", Skills: langs},
		{Name: "Data", Skills: []snapshot.Skill{skill("SQL", 40)}},
	}
	return doc
}

// findButtonIn finds the n-th visible button with text under o.
func findButtonIn(t *testing.T, o fyne.CanvasObject, text string, n int) *widget.Button {
	t.Helper()
	var found []*widget.Button
	visible(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			found = append(found, b)
		}
	})
	if len(found) <= n {
		t.Fatalf("no button %q number %d", text, n+1)
	}
	return found[n]
}

// settingsOf finds the Settings screen wherever the sidebar puts it.
func settingsOf(m *MainWindow) *settingsScreen {
	for _, s := range m.screens {
		if st, ok := s.(*settingsScreen); ok {
			return st
		}
	}
	panic("no Settings screen")
}
