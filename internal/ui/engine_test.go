package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/store/storetest"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// TestSettingsSaysWhichEngineHoldsTheData: Settings ▸ Your data names the
// engine and the place, a server without its password.
func TestSettingsSaysWhichEngineHoldsTheData(t *testing.T) {
	file, path := openFixture(t, fixture())
	server := storetest.Server(t)
	st, err := store.Open(strings.Replace(server, "postgres://postgres@", "postgres://postgres:hidden@", 1))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Import(fixture()); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		st   *store.Store
		want string
	}{{file, "SQLite file: " + path}, {st, "PostgreSQL server: postgres://postgres@"}} {
		m := newTestWindow(t, c.st)
		m.show(len(m.screens) - 1)
		s := m.screens[len(m.screens)-1].(*settingsScreen)
		if !strings.HasPrefix(s.dataPath.Text, c.want) || strings.Contains(s.dataPath.Text, "hidden") {
			t.Errorf("Your data says %q; want it to start %q and name no password", s.dataPath.Text, c.want)
		}
	}
}

// TestAnotherDevicesChangeIsShownWithoutARestart: a change another
// program commits is read into the screen shown, unless a dialog is open
// over it (a form being filled in is never thrown away); then the screen
// reads it when it is next shown.
func TestAnotherDevicesChangeIsShownWithoutARestart(t *testing.T) {
	st, path := openFixture(t, fixture())
	m := newTestWindow(t, st)
	m.loadNow = true
	m.ShowScreen(1)
	r := m.screens[1].(*roadmap)
	other, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	has := func(title string) bool {
		for _, s := range r.steps {
			if s.Title == title {
				return true
			}
		}
		return false
	}
	if _, err := other.AddStep("From the laptop"); err != nil {
		t.Fatal(err)
	}
	m.dataChanged()
	if !has("From the laptop") {
		t.Fatal("the other device's step is not shown")
	}
	// The learner is editing the step's title when the laptop adds a step
	// and changes the summary of the one being edited.
	test.Tap(findButton(t, m, "Edit step"))
	form := r.editor
	title := form.form.Items[0].Widget.(*widgets.TextField)
	title.SetText("Decide your pace")
	if _, err := other.AddStep("While a form is open"); err != nil {
		t.Fatal(err)
	}
	steps, _ := other.Roadmap()
	changed := steps[0]
	changed.Summary = "Summary from the laptop"
	if err := other.UpdateStep(steps[0], changed); err != nil {
		t.Fatal(err)
	}
	m.dataChanged()
	if has("While a form is open") {
		t.Error("the screen was read again under an open form")
	}
	if !form.meanwhile.Visible() || title.Text != "Decide your pace" {
		t.Errorf("the form: says it changed meanwhile %v, title %q", form.meanwhile.Visible(), title.Text)
	}
	test.Tap(findButton(t, m, "Save"))
	if form.problem.Visible() {
		t.Fatalf("saving said %q", form.problem.Text)
	}
	steps, _ = other.Roadmap()
	if steps[0].Title != "Decide your pace" || steps[0].Summary != "Summary from the laptop" {
		t.Errorf("after saving: %q, %q; want the title saved and the laptop's summary kept", steps[0].Title, steps[0].Summary)
	}
	m.ShowScreen(0)
	m.ShowScreen(1)
	if !has("While a form is open") {
		t.Error("the change is not shown when the screen is shown again")
	}
}

// TestMovingTheDataFromSettings: Settings ▸ Your data ▸ Move my data…
// copies everything to the place typed, points this computer at it and
// says so; a place that cannot be used is said inside the dialog, which
// keeps what was typed.
func TestMovingTheDataFromSettings(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	st, path := openFixture(t, fixture())
	m := newTestWindow(t, st)
	m.show(len(m.screens) - 1)
	var field *widgets.TextField
	find := func() {
		field = nil
		onScreen(m, func(o fyne.CanvasObject) {
			if f, ok := o.(*widgets.TextField); ok && strings.HasPrefix(f.PlaceHolder, "postgres://") {
				field = f
			}
		})
		if field == nil {
			t.Fatal("no field to type the new place in")
		}
	}
	test.Tap(findButton(t, m, "Move my data…"))
	find()
	test.Type(field, filepath.Join(t.TempDir(), "no-such-folder", "x.db"))
	test.Tap(findButton(t, m, "Move"))
	said := func() (text string) {
		onScreen(m, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && l.Importance == widget.DangerImportance && l.Visible() {
				text += l.Text
			}
		})
		return text
	}
	// The copy runs off the UI thread; its outcome comes back to the form.
	waitFor(t, "the move's answer", func() bool { return said() != "" })
	if !strings.Contains(said(), "does not exist") {
		t.Errorf("a folder that does not exist: the dialog says %q", said())
	}
	to := filepath.Join(t.TempDir(), "moved.db")
	field.SetText(to)
	test.Tap(findButton(t, m, "Move"))
	waitFor(t, "the move", func() bool {
		told := false
		onScreen(m, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "Study Planner now closes") {
				told = true
			}
		})
		return told
	})
	if got, _ := store.Remembered(); got != to {
		t.Fatalf("this computer points at %q, want %q", got, to)
	}
	moved, err := store.OpenReadOnly(to)
	if err != nil {
		t.Fatal(err)
	}
	defer moved.Close()
	want, _ := st.Counts()
	if got, _ := moved.Counts(); got != want {
		t.Errorf("moved %s, want %s", got, want)
	}
	if _, err := os.Stat(path); err != nil {
		t.Error("the source is gone")
	}
	told := false
	onScreen(m, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "Study Planner now closes") {
			told = true
		}
	})
	if !told {
		t.Error("the window does not say the data was moved and that it closes")
	}
}

// TestTheWindowOffersAPackTheMentorPublished: on a learner's data on a
// server with a mentor, the window offers the newly published pack once;
// merging it adds its step and is not offered again.
func TestTheWindowOffersAPackTheMentorPublished(t *testing.T) {
	ana, mentor := storetest.Unique("ana"), storetest.Unique("mentor")
	storetest.DropRoles(t, ana, mentor)
	db := storetest.Database(t)
	if _, err := store.InitServer(db, store.ServerPlan{Learners: []string{ana}, Mentor: mentor}); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(storetest.AsRole(t, db, ana))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Import(fixture()); err != nil {
		t.Fatal(err)
	}
	pack := snapshot.Pack{Format: snapshot.PackFormat, Version: snapshot.PackVersion, Name: "Cohort extras",
		Roadmap:         []snapshot.PackStep{{Title: "Pair on a project", Hours: 6, Actions: []string{}, Links: []snapshot.Link{}}},
		SkillCategories: []snapshot.PackCategory{}}
	if err := store.PublishPack(storetest.AsRole(t, db, mentor), pack, time.Now().Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	m := newTestWindow(t, st)
	merged := make(chan struct{}, 1)
	p := &packActions{store: st, win: m.Window, changed: func() { merged <- struct{}{} }}
	p.offerPublished()
	offered := func() (asked bool) {
		onScreen(m, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "Cohort extras") && strings.Contains(l.Text, "Merge it into your roadmap?") {
				asked = true
			}
		})
		return asked
	}
	if !offered() {
		t.Fatal("the published pack was not offered")
	}
	test.Tap(findButton(t, m, "Yes"))
	select {
	case <-merged:
	case <-time.After(30 * time.Second):
		t.Fatal("the merge never finished")
	}
	steps, _ := st.Roadmap()
	if steps[len(steps)-1].Title != "Pair on a project" {
		t.Errorf("the pack's step was not added: %v", steps[len(steps)-1].Title)
	}
	// The merge says it is done in a dialog shown on the UI thread just
	// after the data changed; close it once it is there, so the next
	// offer has a clear window to come to.
	waitFor(t, "the merge to say it is done", func() bool { return m.Canvas().Overlays().Top() != nil })
	for _, o := range m.Canvas().Overlays().List() {
		o.Hide()
		m.Canvas().Overlays().Remove(o)
	}
	p.offerPublished()
	if offered() {
		t.Error("a merged pack is offered again")
	}
}
