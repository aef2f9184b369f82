package ui

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/dustin/go-humanize"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// roadmapStore is what the roadmap screen reads and changes.
type roadmapStore interface {
	Roadmap() ([]plan.Step, error)
	AddStep(title string) (plan.Step, error)
	UpdateStep(before, after plan.Step) error
	DeleteStep(id uint) error
	SetStepStatus(id uint, status plan.StepStatus) error
	MoveStep(id uint, delta int) error
	AddAction(stepID uint, text string) (plan.Action, error)
	SetActionDone(id uint, done bool) error
	DeleteAction(id uint) error
	MoveAction(id uint, delta int) error
	AddStepLink(stepID uint, title, url string) (plan.Link, error)
	DeleteStepLink(id uint) error
}

// roadmap lists the steps in order; the selected step shows its summary,
// status, target date, checklist, notes and links. Ticks and statuses are
// saved as they are made; text is saved from the editor.
type roadmap struct {
	store  roadmapStore
	report errorReporter
	win    fyne.Window
	now    func() time.Time

	steps    []plan.Step
	selected int // index into steps, -1 for none

	stepList   *widgets.PickList
	moveUp     *widget.Button
	moveDown   *widget.Button
	deleteStep *widget.Button

	title      *widget.Label
	summary    *widget.Label
	status     *widgets.Choice
	target     *widget.Label
	progress   *widgets.Meter
	checklist  *fyne.Container
	newAction  *widgets.TextField
	notes      *widget.RichText
	notesEdit  *widgets.TextField
	notesSave  *widget.Button
	notesBox   *fyne.Container
	links      *fyne.Container
	linkTitle  *widgets.TextField
	linkURL    *widgets.TextField
	linkStatus *widget.Label

	editor *formDialog // the step form last opened
	detail *container.Scroll
	empty  fyne.CanvasObject
	root   fyne.CanvasObject
}

func newRoadmap(st roadmapStore, report errorReporter, w fyne.Window) *roadmap {
	r := &roadmap{store: st, report: report, win: w, now: time.Now, selected: -1}
	left := r.newStepPane()
	r.detail = container.NewVScroll(container.NewPadded(container.NewVBox(
		r.newHeader(),
		widget.NewSeparator(),
		r.newChecklist(),
		widget.NewSeparator(),
		r.newNotes(),
		widget.NewSeparator(),
		r.newResources(),
	)))
	r.empty = emptyState("No roadmap steps yet", "Add a step, or load a roadmap pack from the File menu.")
	r.root = columns(0.34, left, container.NewStack(r.detail, r.empty))
	return r
}

// newStepPane is the list of steps with the buttons that add, move and
// delete them.
func (r *roadmap) newStepPane() fyne.CanvasObject {
	r.stepList = widgets.NewPickList(
		func() int { return len(r.steps) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("Step title")
			title.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewLabel("00."), widget.NewLabel("In progress"), title)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			s := r.steps[id]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(s.Title)
			row.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%d.", id+1))
			row.Objects[2].(*widget.Label).SetText(s.Status.Label())
		},
		func(id widget.ListItemID) {
			if id != r.selected {
				// Another step starts at its title, not at the last one's offset.
				r.detail.ScrollToTop()
			}
			r.selected = id
			r.showSelected()
		},
	)
	add := widget.NewButtonWithIcon("Add step", theme.ContentAddIcon(), r.addStep)
	r.moveUp = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { r.moveStep(-1) })
	r.moveDown = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { r.moveStep(1) })
	r.deleteStep = widget.NewButtonWithIcon("", theme.DeleteIcon(), r.confirmDeleteStep)
	toolbar := container.NewHBox(add, r.moveUp, r.moveDown, r.deleteStep)
	return container.NewBorder(container.NewPadded(toolbar), nil, nil, nil, r.stepList)
}

// newHeader is the selected step's title, summary, status and target.
func (r *roadmap) newHeader() fyne.CanvasObject {
	r.title = heading("")
	r.summary = widget.NewLabel("")
	r.summary.Wrapping = fyne.TextWrapWord
	statusLabels := make([]string, len(plan.StepStatuses))
	for i, s := range plan.StepStatuses {
		statusLabels[i] = s.Label()
	}
	r.status = widgets.NewChoice(statusLabels, nil)
	r.target = widget.NewLabel("")
	r.target.Wrapping = fyne.TextWrapWord
	edit := widget.NewButtonWithIcon("Edit step", theme.DocumentCreateIcon(), r.editStep)
	statusRow := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("Status"), r.status), nil, r.target)
	return container.NewVBox(container.NewBorder(nil, nil, nil, edit, r.title), r.summary, statusRow)
}

// newChecklist is the step's checklist with its progress and the field
// that adds an item.
func (r *roadmap) newChecklist() fyne.CanvasObject {
	r.progress = widgets.NewMeter()
	r.checklist = container.NewVBox()
	r.newAction = widgets.NewTextField(plan.MaxNameLen)
	r.newAction.SetPlaceHolder("Add a checklist item and press Enter")
	r.newAction.OnSubmitted = func(string) { r.addAction() }
	addAction := widget.NewButtonWithIcon("", theme.ContentAddIcon(), r.addAction)
	return container.NewVBox(sectionTitle("Checklist", nil), r.progress, r.checklist,
		container.NewBorder(nil, nil, nil, addAction, r.newAction))
}

// newNotes is the step's Markdown notes, shown or edited.
func (r *roadmap) newNotes() fyne.CanvasObject {
	r.notes = widget.NewRichTextFromMarkdown("")
	r.notes.Wrapping = fyne.TextWrapWord
	r.notesEdit = widgets.NewMultiLineTextField(notesFieldLen)
	r.notesEdit.SetPlaceHolder("Notes in Markdown: **bold**, *italic*, - lists, [links](https://…)")
	r.notesEdit.Wrapping = fyne.TextWrapWord
	r.notesEdit.SetMinRowsVisible(6)
	r.notesEdit.Hide()
	r.notesSave = widget.NewButtonWithIcon("Save notes", theme.DocumentSaveIcon(), r.saveNotes)
	r.notesSave.Hide()
	editNotes := widget.NewButtonWithIcon("Edit notes", theme.DocumentCreateIcon(), r.startNotes)
	r.notesBox = container.NewVBox(r.notes, r.notesEdit, r.notesSave)
	return container.NewVBox(sectionTitle("Notes", editNotes), r.notesBox)
}

// newResources is the step's links with the fields that add one.
func (r *roadmap) newResources() fyne.CanvasObject {
	r.links = container.NewVBox()
	r.linkTitle = widgets.NewTextField(plan.MaxNameLen)
	r.linkTitle.SetPlaceHolder("Title")
	r.linkURL = widgets.NewTextField(plan.MaxTextLen)
	r.linkURL.SetPlaceHolder("https://…")
	r.linkURL.OnSubmitted = func(string) { r.addLink() }
	r.linkStatus = widget.NewLabel("")
	r.linkStatus.Importance = widget.DangerImportance
	r.linkStatus.Hide()
	addLink := widget.NewButtonWithIcon("Add link", theme.ContentAddIcon(), r.addLink)
	// Like a form's save, Add link waits for a valid address.
	r.linkURL.Validator = func(s string) error { return plan.ValidateURL(s) }
	r.linkURL.SetOnValidationChanged(func(err error) {
		if err != nil {
			addLink.Disable()
		} else {
			addLink.Enable()
		}
	})
	addLink.Disable()
	return container.NewVBox(sectionTitle("Resources", nil), r.links,
		container.NewBorder(nil, nil, nil, addLink, container.NewGridWithColumns(2, r.linkTitle, r.linkURL)), r.linkStatus)
}

func (r *roadmap) name() string               { return "Roadmap" }
func (r *roadmap) icon() fyne.Resource        { return theme.NavigateNextIcon() }
func (r *roadmap) content() fyne.CanvasObject { return r.root }

func (r *roadmap) reload() { r.load()() }

// load reads the roadmap and returns the step that shows it.
func (r *roadmap) load() func() {
	steps, err := r.store.Roadmap()
	return func() { r.show(steps, err) }
}

func (r *roadmap) show(steps []plan.Step, err error) {
	if err != nil {
		r.report("load the roadmap", err)
		return
	}
	r.steps = steps
	r.stepList.Refresh()
	switch {
	case len(steps) == 0:
		r.selected = -1
		r.stepList.UnselectAll()
	case r.selected < 0 || r.selected >= len(steps):
		// The list may still mark the row a deleted step had: Select would
		// then change nothing and the detail would keep the deleted step.
		r.stepList.UnselectAll()
		r.stepList.Select(currentIndex(steps))
		return
	}
	r.showSelected()
}

// currentIndex is where a learner opening the roadmap wants to land: the step
// they are working on.
func currentIndex(steps []plan.Step) int {
	o := plan.Summarize(steps, nil)
	if o.Current == nil {
		return 0
	}
	return stepNumber(steps, o.Current.ID) - 1
}

func (r *roadmap) showSelected() {
	has := r.selected >= 0 && r.selected < len(r.steps)
	showIf(r.detail, has)
	showIf(r.empty, !has)
	for _, b := range []*widget.Button{r.moveUp, r.moveDown, r.deleteStep} {
		if has {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if !has {
		return
	}
	s := r.steps[r.selected]
	r.title.SetText(fmt.Sprintf("%d. %s", r.selected+1, s.Title))
	r.summary.SetText(s.Summary)
	showIf(r.summary, s.Summary != "")
	r.status.OnChanged = nil
	r.status.SetSelected(s.Status.Label())
	index := r.selected
	r.status.OnChanged = func(label string) { r.setStatus(index, label) }
	r.target.SetText(targetText(s.TargetDate, plan.Date(r.now())))
	r.progress.SetValue(plan.StepFraction(plan.Step{Status: plan.StepTodo, Actions: s.Actions}))
	r.showChecklist()
	r.showNotes()
	r.showLinks()
}

func targetText(target, today time.Time) string {
	if target.IsZero() {
		return "No target date"
	}
	when := humanize.RelTime(target, today, "ago", "from now")
	if target.Equal(today) {
		when = "today"
	}
	return fmt.Sprintf("Target %s (%s)", longDate(target), when)
}

func (r *roadmap) showChecklist() {
	step := r.steps[r.selected]
	var rows []fyne.CanvasObject
	if len(step.Actions) == 0 {
		rows = append(rows, widget.NewLabel("No checklist yet: add the first item below."))
	}
	for i, a := range step.Actions {
		// The text sits in its own label so long items wrap instead of
		// widening the window.
		check := widget.NewCheck("", nil)
		check.SetChecked(a.Done)
		check.OnChanged = func(done bool) { r.setActionDone(r.selected, i, done) }
		text := widget.NewLabel(a.Text)
		text.Wrapping = fyne.TextWrapWord
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { r.moveAction(a.ID, -1) })
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { r.moveAction(a.ID, 1) })
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { r.deleteAction(a) })
		for _, b := range []*widget.Button{up, down, del} {
			b.Importance = widget.LowImportance
		}
		if i == 0 {
			up.Disable()
		}
		if i == len(step.Actions)-1 {
			down.Disable()
		}
		rows = append(rows, container.NewBorder(nil, nil, check, container.NewHBox(up, down, del), text))
	}
	setRows(r.checklist, r.detail, rows...)
}

func (r *roadmap) showNotes() {
	notes := r.steps[r.selected].Notes
	if strings.TrimSpace(notes) == "" {
		notes = "*No notes yet.*"
	}
	setMarkdown(r.notes, notes)
	r.notes.Show()
	r.notesEdit.Hide()
	r.notesSave.Hide()
}

func (r *roadmap) showLinks() {
	var rows []fyne.CanvasObject
	links := r.steps[r.selected].Links
	if len(links) == 0 {
		rows = append(rows, widget.NewLabel("No links yet: add a course, article or video below."))
	}
	for _, l := range links {
		u, _ := url.Parse(l.URL)
		title := l.Title
		if title == "" {
			title = l.URL
		}
		link := widget.NewHyperlink(title, u)
		link.Truncation = fyne.TextTruncateEllipsis
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { r.deleteLink(l) })
		del.Importance = widget.LowImportance
		rows = append(rows, container.NewBorder(nil, nil, nil, del, link))
	}
	setRows(r.links, r.detail, rows...)
}

func (r *roadmap) setStatus(index int, label string) {
	status, err := plan.StepStatusFromLabel(label)
	if err != nil {
		r.report("change the step's status", err)
		return
	}
	step := r.steps[index]
	open := 0
	for _, a := range step.Actions {
		if !a.Done {
			open++
		}
	}
	if status == plan.StepDone && open > 0 {
		msg := fmt.Sprintf("%q still has %d open checklist %s. Mark the step done anyway?", step.Title, open, plural(open, "item", "items"))
		showConfirm("Mark as done?", msg, func(ok bool) {
			if ok {
				r.saveStatus(index, status)
			} else {
				r.showSelected() // puts the old status back in the selector
			}
		}, r.win)
		return
	}
	r.saveStatus(index, status)
}

func (r *roadmap) saveStatus(index int, status plan.StepStatus) {
	if err := r.store.SetStepStatus(r.steps[index].ID, status); err != nil {
		r.report("change the step's status", err)
	} else {
		r.steps[index].Status = status
	}
	r.stepList.RefreshItem(index)
	r.showSelected()
}

func (r *roadmap) setActionDone(step, action int, done bool) {
	a := &r.steps[step].Actions[action]
	if err := r.store.SetActionDone(a.ID, done); err != nil {
		r.report("save the checklist", err)
	} else {
		a.Done = done
	}
	r.progress.SetValue(plan.StepFraction(plan.Step{Status: plan.StepTodo, Actions: r.steps[step].Actions}))
}

func (r *roadmap) addAction() {
	text := strings.TrimSpace(r.newAction.Text)
	if r.selected < 0 || text == "" {
		return
	}
	if _, err := r.store.AddAction(r.steps[r.selected].ID, text); err != nil {
		r.report("add the checklist item", err)
		return
	}
	r.newAction.SetText("")
	r.reload()
}

func (r *roadmap) moveAction(id uint, delta int) {
	if err := r.store.MoveAction(id, delta); err != nil {
		r.report("move the checklist item", err)
	}
	r.reload()
}

func (r *roadmap) deleteAction(a plan.Action) {
	showDestructive("Delete checklist item?", fmt.Sprintf("Delete %q from this step's checklist?", a.Text), "Delete", func(ok bool) {
		if !ok {
			return
		}
		if err := r.store.DeleteAction(a.ID); err != nil {
			r.report("delete the checklist item", err)
		}
		r.reload()
	}, r.win)
}

func (r *roadmap) startNotes() {
	if r.selected < 0 {
		return
	}
	r.notesEdit.SetText(r.steps[r.selected].Notes)
	r.notes.Hide()
	r.notesEdit.Show()
	r.notesSave.Show()
	r.win.Canvas().Focus(r.notesEdit)
}

func (r *roadmap) saveNotes() {
	step := r.steps[r.selected]
	edited := step
	edited.Notes = r.notesEdit.Text
	if err := r.store.UpdateStep(step, edited); err != nil {
		r.report("save the notes", err)
		return
	}
	r.reload()
}

func (r *roadmap) addLink() {
	if r.selected < 0 {
		return
	}
	if _, err := r.store.AddStepLink(r.steps[r.selected].ID, r.linkTitle.Text, r.linkURL.Text); err != nil {
		r.linkStatus.SetText(sentence(err.Error()))
		r.linkStatus.Show()
		return
	}
	r.linkStatus.Hide()
	r.linkTitle.SetText("")
	r.linkURL.SetText("")
	r.reload()
}

func (r *roadmap) deleteLink(l plan.Link) {
	if err := r.store.DeleteStepLink(l.ID); err != nil {
		r.report("delete the link", err)
	}
	r.reload()
}

func (r *roadmap) addStep() {
	title := widgets.NewTextField(plan.MaxNameLen)
	title.Validator = requiredText("a title")
	items := []*widget.FormItem{widget.NewFormItem("Title", title)}
	showFormDialog(r.win, "New roadmap step", "Add", items, nil, func() error {
		if _, err := r.store.AddStep(title.Text); err != nil {
			return err
		}
		r.selected = -1
		r.reload()
		r.stepList.Select(len(r.steps) - 1)
		return nil
	})
	r.win.Canvas().Focus(title)
}

func (r *roadmap) editStep() {
	if r.selected < 0 {
		return
	}
	step := r.steps[r.selected]
	title := widgets.NewTextField(plan.MaxNameLen)
	title.SetText(step.Title)
	title.Validator = requiredText("a title")
	summary := widgets.NewMultiLineTextField(plan.MaxTextLen)
	summary.SetText(step.Summary)
	summary.Wrapping = fyne.TextWrapWord
	target := newDateField(localWeekStart(), true)
	if !step.TargetDate.IsZero() {
		d := step.TargetDate
		target.SetDate(&d)
	}
	hours := widgets.NewTextField(numberLen)
	hours.SetText(strconv.Itoa(step.Hours))
	hours.Validator = hoursValidator(plan.MaxHours)
	items := []*widget.FormItem{
		widget.NewFormItem("Title", title),
		widget.NewFormItem("Summary", summary),
		{Text: "Target date", Widget: target, HintText: target.Hint()},
		{Text: "Hours", Widget: hours, HintText: "Estimated work for this step's checklist"},
	}
	r.editor = showFormDialog(r.win, "Edit step", "Save", items, nil, func() error {
		h, err := parseHours(hours.Text, plan.MaxHours)
		if err != nil {
			return err
		}
		edited := step
		edited.Title, edited.Summary, edited.Hours = title.Text, summary.Text, h
		edited.TargetDate = time.Time{}
		if err := target.Validate(); err != nil {
			return fmt.Errorf("target date: %w", err)
		}
		if target.Date != nil {
			edited.TargetDate = plan.Date(*target.Date)
		}
		if err := r.store.UpdateStep(step, edited); err != nil {
			return err
		}
		r.reload()
		return nil
	})
}

func (r *roadmap) moveStep(delta int) {
	if r.selected < 0 {
		return
	}
	to := r.selected + delta
	if err := r.store.MoveStep(r.steps[r.selected].ID, delta); err != nil {
		r.report("move the step", err)
		return
	}
	if to >= 0 && to < len(r.steps) {
		r.selected = to
	}
	r.reload()
	r.stepList.Select(r.selected)
}

func (r *roadmap) confirmDeleteStep() {
	if r.selected < 0 {
		return
	}
	step := r.steps[r.selected]
	msg := fmt.Sprintf("Delete %q with its %d checklist %s, notes and links? This cannot be undone.",
		step.Title, len(step.Actions), plural(len(step.Actions), "item", "items"))
	showDestructive("Delete step?", msg, "Delete step", func(ok bool) {
		if !ok {
			return
		}
		if err := r.store.DeleteStep(step.ID); err != nil {
			r.report("delete the step", err)
		}
		r.selected = -1
		r.reload()
	}, r.win)
}
