package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/store"
)

// roadmap lists the steps in order; the selected step shows its summary,
// its status and its checklist, each change saved as it is made.
type roadmap struct {
	store  *store.Store
	report errorReporter

	steps    []plan.Step
	selected int // index into steps, -1 for none

	stepList  *widget.List
	title     *widget.Label
	summary   *widget.Label
	status    *widget.Select
	progress  *widget.ProgressBar
	checklist *widget.List
	detail    *fyne.Container
	empty     fyne.CanvasObject
	root      *fyne.Container
}

func newRoadmap(st *store.Store, report errorReporter) *roadmap {
	r := &roadmap{store: st, report: report, selected: -1}

	r.stepList = widget.NewList(
		func() int { return len(r.steps) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("Step title")
			title.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewLabel("00"), widget.NewLabel("In progress"), title)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			s := r.steps[id]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(s.Title)
			row.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%d.", id+1))
			row.Objects[2].(*widget.Label).SetText(s.Status.Label())
		},
	)
	r.stepList.OnSelected = func(id widget.ListItemID) {
		r.selected = id
		r.showSelected()
	}

	r.title = heading("")
	r.summary = widget.NewLabel("")
	r.summary.Wrapping = fyne.TextWrapWord
	labels := make([]string, len(plan.StepStatuses))
	for i, s := range plan.StepStatuses {
		labels[i] = s.Label()
	}
	r.status = widget.NewSelect(labels, nil)
	r.progress = widget.NewProgressBar()
	r.checklist = widget.NewList(
		func() int {
			if r.selected < 0 {
				return 0
			}
			return len(r.steps[r.selected].Actions)
		},
		func() fyne.CanvasObject { return widget.NewCheck("Checklist item", nil) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			check := o.(*widget.Check)
			step := r.selected
			action := r.steps[step].Actions[id]
			check.OnChanged = nil // setting the state is not the learner ticking it
			check.SetText(action.Text)
			check.SetChecked(action.Done)
			check.OnChanged = func(done bool) { r.setActionDone(step, id, done) }
		},
	)

	statusRow := container.NewBorder(nil, nil, widget.NewLabel("Status"), nil, r.status)
	top := container.NewVBox(r.title, r.summary, statusRow, widget.NewLabelWithStyle("Checklist", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), r.progress)
	r.detail = container.NewBorder(top, nil, nil, nil, r.checklist)
	r.empty = emptyState("No roadmap steps yet",
		"Import a roadmap with “studyplanner import FILE” to fill this screen.")
	split := container.NewHSplit(r.stepList, container.NewPadded(r.detail))
	split.Offset = 0.38
	r.root = container.NewStack(split, r.empty)
	return r
}

func (r *roadmap) name() string               { return "Roadmap" }
func (r *roadmap) icon() fyne.Resource        { return theme.NavigateNextIcon() }
func (r *roadmap) content() fyne.CanvasObject { return r.root }

func (r *roadmap) reload() {
	steps, err := r.store.Roadmap()
	if err != nil {
		r.report("load the roadmap", err)
		return
	}
	r.steps = steps
	showIf(r.root.Objects[0], len(steps) > 0)
	showIf(r.empty, len(steps) == 0)
	r.stepList.Refresh()
	switch {
	case len(steps) == 0:
		r.selected = -1
	case r.selected < 0 || r.selected >= len(steps):
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
	if r.selected < 0 {
		return
	}
	s := r.steps[r.selected]
	r.title.SetText(fmt.Sprintf("%d. %s", r.selected+1, s.Title))
	r.summary.SetText(s.Summary)
	r.status.OnChanged = nil
	r.status.SetSelected(s.Status.Label())
	index := r.selected
	r.status.OnChanged = func(label string) { r.setStatus(index, label) }
	r.progress.SetValue(checklistFraction(s))
	r.checklist.Refresh()
}

func checklistFraction(s plan.Step) float64 {
	done := 0
	for _, a := range s.Actions {
		if a.Done {
			done++
		}
	}
	return plan.Ratio(done, len(s.Actions))
}

func (r *roadmap) setStatus(index int, label string) {
	status, err := plan.StepStatusFromLabel(label)
	if err == nil {
		err = r.store.SetStepStatus(r.steps[index].ID, status)
	}
	if err != nil {
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
	if step == r.selected {
		r.progress.SetValue(checklistFraction(r.steps[step]))
		r.checklist.RefreshItem(action)
	}
}

// emptyState is a centred message for a screen with nothing to show yet.
func emptyState(title, hint string) fyne.CanvasObject {
	t := widget.NewLabelWithStyle(title, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	t.SizeName = theme.SizeNameSubHeadingText
	h := widget.NewLabelWithStyle(hint, fyne.TextAlignCenter, fyne.TextStyle{})
	return container.NewCenter(container.NewVBox(t, h))
}

func showIf(o fyne.CanvasObject, visible bool) {
	if visible {
		o.Show()
	} else {
		o.Hide()
	}
}
