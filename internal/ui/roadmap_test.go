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

func TestRoadmapChecklistEditing(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	press(m, fyne.Key2)
	r := m.screens[1].(*roadmap)

	test.Type(r.newAction, "Tell a friend your plan")
	r.newAction.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if r.newAction.Text != "" {
		t.Error("the entry was not cleared after adding")
	}

	// Move it to the top with its up arrow, twice.
	test.Tap(upButtonOf(t, m, "Tell a friend your plan"))
	test.Tap(upButtonOf(t, m, "Tell a friend your plan"))
	steps, _ := st.Roadmap()
	var texts []string
	for _, a := range steps[0].Actions {
		texts = append(texts, a.Text)
	}
	if strings.Join(texts, "|") != "Tell a friend your plan|Count your weekly hours|Pick a learning format" {
		t.Errorf("checklist order = %q", texts)
	}
}

func TestDecliningTheDoneQuestionKeepsTheStatus(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	press(m, fyne.Key2)
	r := m.screens[1].(*roadmap)
	r.status.SetSelected(plan.StepDone.Label())
	test.Tap(findButton(t, m, "No"))
	if r.status.Selected != plan.StepInProgress.Label() {
		t.Errorf("the selector shows %q after declining", r.status.Selected)
	}
	if steps, _ := st.Roadmap(); steps[0].Status != plan.StepInProgress {
		t.Errorf("stored status %q after declining", steps[0].Status)
	}
}

func TestRoadmapNotesAndLinks(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	press(m, fyne.Key2)
	r := m.screens[1].(*roadmap)

	test.Tap(findButton(t, m, "Edit notes"))
	test.Type(r.notesEdit, "**Ten hours** a week")
	test.Tap(findButton(t, m, "Save notes"))
	if steps, _ := st.Roadmap(); steps[0].Notes != "**Ten hours** a week" {
		t.Errorf("stored notes = %q", steps[0].Notes)
	}
	bold := false
	for _, seg := range r.notes.Segments {
		if ts, ok := seg.(*widget.TextSegment); ok && ts.Text == "Ten hours" && ts.Style.TextStyle.Bold {
			bold = true
		}
	}
	if !bold {
		t.Error("the notes are not rendered as Markdown")
	}

	test.Type(r.linkTitle, "Tour")
	test.Type(r.linkURL, "go.dev/tour")
	if add := findButton(t, m, "Add link"); !add.Disabled() {
		t.Error("Add link is enabled for an address without https://")
	}
	if err := r.linkURL.Validate(); err == nil || !strings.Contains(err.Error(), "https://") {
		t.Errorf("the address field says %v", err)
	}
	r.linkURL.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter still tries, and is told why not
	if !r.linkStatus.Visible() || !strings.Contains(r.linkStatus.Text, "https://") {
		t.Errorf("a link without https:// says %q", r.linkStatus.Text)
	}
	r.linkURL.SetText("https://go.dev/tour/")
	test.Tap(findButton(t, m, "Add link"))
	steps, _ := st.Roadmap()
	if len(steps[0].Links) != 1 || steps[0].Links[0].URL != "https://go.dev/tour/" || steps[0].Links[0].Title != "Tour" {
		t.Errorf("stored links = %+v", steps[0].Links)
	}
	found := false
	onScreen(m, func(o fyne.CanvasObject) {
		if h, ok := o.(*widget.Hyperlink); ok && h.Text == "Tour" && h.URL.String() == "https://go.dev/tour/" {
			found = true
		}
	})
	if !found {
		t.Error("the link is not shown as a hyperlink")
	}
}

func TestAddAndMoveAStep(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	press(m, fyne.Key2)
	r := m.screens[1].(*roadmap)
	test.Tap(findButton(t, m, "Add step"))
	var title *widgets.TextField
	onScreen(m, func(o fyne.CanvasObject) {
		if e, ok := o.(*widgets.TextField); ok && m.Canvas().Focused() == e {
			title = e
		}
	})
	if title == nil {
		t.Fatal("the new-step form does not focus its title")
	}
	test.Type(title, "Get certified")
	test.Tap(findButton(t, m, "Add"))
	if r.steps[r.selected].Title != "Get certified" {
		t.Fatalf("selected %q after adding", r.steps[r.selected].Title)
	}
	test.Tap(r.moveUp)
	steps, _ := st.Roadmap()
	if steps[1].Title != "Get certified" || r.selected != 1 {
		t.Errorf("after moving up: stored second %q, selected %d", steps[1].Title, r.selected)
	}
}

// upButtonOf finds the move-up button beside a checklist item.
func upButtonOf(t *testing.T, m *MainWindow, text string) *widget.Button {
	t.Helper()
	_, _, buttons := checkRow(t, m, text)
	return buttons.Objects[0].(*widget.Button)
}

// TestAStepWithoutATargetDateCanBeEdited: the optional date stays empty,
// a wrong one is told in words, an ISO one is taken.
func TestAStepWithoutATargetDateCanBeEdited(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	press(m, fyne.Key2)
	r := m.screens[1].(*roadmap)
	test.Tap(findButton(t, m, "Edit step"))
	form := r.editor.form
	title := form.Items[0].Widget.(*widgets.TextField)
	title.SetText("Decide your pace")
	save := findButton(t, m, "Save")
	if save.Disabled() {
		t.Fatal("Save is disabled on a step without a target date")
	}
	test.Tap(save)
	if r.editor.problem.Visible() {
		t.Fatalf("saving said %q", r.editor.problem.Text)
	}
	steps, _ := st.Roadmap()
	if steps[0].Title != "Decide your pace" || !steps[0].TargetDate.IsZero() {
		t.Fatalf("stored %q with target %v", steps[0].Title, steps[0].TargetDate)
	}

	test.Tap(findButton(t, m, "Edit step"))
	target := r.editor.form.Items[2].Widget.(*widgets.DateField)
	test.Type(target, "31/02/2026")
	if err := target.Validate(); err == nil || !strings.Contains(err.Error(), "February 2026 has 28 days") {
		t.Errorf("31/02/2026 says %v", err)
	}
	target.SetText("2026-12-01")
	test.Tap(findButton(t, m, "Save"))
	steps, _ = st.Roadmap()
	if got := steps[0].TargetDate.Format("2006-01-02"); got != "2026-12-01" {
		t.Errorf("target date stored as %s, want 2026-12-01 typed in ISO", got)
	}
}

// Fails on 0e819a4: after deleting the selected step the list marked
// another row but the detail kept the deleted step, and what was typed
// there went nowhere.
func TestDeletingAStepShowsAnotherOne(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	press(m, fyne.Key2)
	r := m.screens[1].(*roadmap)
	r.stepList.Select(0)
	deleted := r.steps[0].Title
	r.confirmDeleteStep()
	test.Tap(findButton(t, m, "Delete step"))
	if strings.Contains(r.title.Text, deleted) || len(r.steps) != 1 || !strings.Contains(r.title.Text, r.steps[0].Title) {
		t.Errorf("after deleting %q the detail shows %q", deleted, r.title.Text)
	}
}
