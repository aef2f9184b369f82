package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// formDialog is a dialog around a form whose save can still fail in the
// store (a name already taken, a prerequisite circle): the message then
// shows inside the dialog, which stays open with the learner's input, instead
// of losing it behind an error box. The form scrolls inside a dialog that
// fits the window, with the problem and the buttons always in view under
// it; Escape cancels, Enter in a one-line field saves.
type formDialog struct {
	dialog  *dialog.CustomDialog
	form    *widget.Form
	body    *fyne.Container   // the form, and extra under it
	scroll  *container.Scroll // scrolls body, with a gutter for its bar
	buttons fyne.CanvasObject
	problem *widget.Label
	// meanwhile says the data changed elsewhere while the form was open.
	meanwhile *widget.Label
	win       fyne.Window
	save      func() error
	// onCancel, if set, runs when the learner cancels (not after a save).
	onCancel func()
	// afterSave, if set, runs once a save closed the dialog: a dialog it
	// opens is not closed with this one.
	afterSave func()
	hints     map[*widget.FormItem]string // each item's own hint, before a length count
	// slow, if set, says in words what a long save is doing (copying all
	// the data elsewhere): the save then runs off the UI thread, so the
	// window stays responsive, and a second press waits for the first.
	// Its outcome comes back to the form as a quick save's does.
	slow   string
	saving bool
}

// openForms is the form open in each window (touched on the UI thread
// only), told when the data changes elsewhere meanwhile.
var openForms = map[fyne.Window]*formDialog{}

// dataChangedMeanwhile says, inside the form, that the data changed
// elsewhere; the learner's input stays as it is.
func (f *formDialog) dataChangedMeanwhile() {
	f.meanwhile.Show()
	f.fit()
}

// dialogMargin is the room left around a dialog inside its window.
const dialogMargin = 48

// showFormDialog opens a form; save runs on submit and closes the dialog
// when it returns nil. extra, if not nil, sits under the form (a delete
// button, say).
func showFormDialog(w fyne.Window, title, submit string, items []*widget.FormItem, extra fyne.CanvasObject, save func() error) *formDialog {
	f := &formDialog{problem: widget.NewLabel(""), win: w, save: save, hints: map[*widget.FormItem]string{}}
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Hide()
	f.form = &widget.Form{Items: items}
	f.body = container.NewVBox(f.form)
	if extra != nil {
		f.body.Add(extra)
	}
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), f.cancel)
	ok := widget.NewButtonWithIcon(submit, theme.ConfirmIcon(), f.submit)
	ok.Importance = widget.HighImportance
	f.buttons = container.NewHBox(layout.NewSpacer(), cancel, ok)
	f.meanwhile = widget.NewLabel("Your data changed in another window or on another device while this was open. " +
		"Saving writes only the fields you changed here.")
	f.meanwhile.Importance = widget.WarningImportance
	f.meanwhile.Wrapping = fyne.TextWrapWord
	f.meanwhile.Hide()
	// The scroll bar is drawn over the scrolled content's right edge: a
	// gutter as wide as the bar keeps it off the fields.
	f.scroll = container.NewVScroll(container.New(layout.NewCustomPaddedLayout(0, 0, 0, scrollGutter()), f.body))
	content := container.NewBorder(nil, container.NewVBox(f.meanwhile, f.problem, f.buttons), nil, nil, f.scroll)
	f.dialog = dialog.NewCustomWithoutButtons(title, content, w)
	f.wireKeys()
	f.fit()
	stopKeys := listenForDialogKeys(w.Canvas(), f.cancel, f.submit)
	openForms[w] = f
	f.dialog.SetOnClosed(func() {
		stopKeys()
		if openForms[w] == f {
			delete(openForms, w)
		}
	})
	f.dialog.Show()
	f.focusFirst()
	return f
}

// fitWindow is the size a dialog showing content takes: wide enough to
// read, never larger than the window (the content scrolls instead).
func fitWindow(w fyne.Window, content fyne.Size) fyne.Size {
	win := w.Canvas().Size()
	size := fyne.NewSize(max(content.Width+dialogMargin, 520), content.Height+dialogMargin*2)
	if win.Width > 0 && win.Height > 0 {
		size.Width = min(size.Width, win.Width-dialogMargin)
		size.Height = min(size.Height, win.Height-dialogMargin)
	}
	return size
}

func (f *formDialog) hide() { f.dialog.Hide() }

// cancel closes the form without saving, and tells onCancel.
func (f *formDialog) cancel() {
	f.hide()
	if f.onCancel != nil {
		f.onCancel()
	}
}

// fit sizes the dialog to its form, within the window.
func (f *formDialog) fit() {
	body := f.body.MinSize()
	f.dialog.Resize(fitWindow(f.win, fyne.NewSize(body.Width+scrollGutter(), body.Height+f.buttons.MinSize().Height)))
}

// scrollGutter is the room left right of a form for its scroll bar.
func scrollGutter() float32 { return theme.ScrollBarSize() + theme.Padding() }

// setItems puts other fields in the form, as when a choice at its top
// decides which fields apply. The fields keep what was typed in them; a
// problem shown about the fields before is cleared, and the cursor goes
// back to the first field, where it was before the choice (an empty field
// left for the choice would show as wrong before anything was typed).
func (f *formDialog) setItems(items []*widget.FormItem) {
	f.form = &widget.Form{Items: items}
	f.body.Objects[0] = f.form
	f.body.Refresh()
	f.problem.Hide()
	f.hints = map[*widget.FormItem]string{}
	f.wireKeys()
	f.fit()
	f.focusFirst()
}

// submit saves the form when every field is valid. Otherwise it says
// which field is wrong and why: a Save button that merely stays grey
// leaves the learner guessing.
func (f *formDialog) submit() {
	if err := f.firstProblem(); err != nil {
		f.showProblem(err)
		return
	}
	if f.saving {
		return
	}
	if f.slow == "" {
		f.finish(f.save())
		return
	}
	f.saving = true
	f.problem.Importance = widget.MediumImportance
	f.problem.SetText(f.slow)
	f.problem.Show()
	go func() {
		err := f.save()
		fyne.Do(func() {
			f.saving = false
			f.finish(err)
		})
	}()
}

// finish closes the form after a save, or says why the save failed.
func (f *formDialog) finish(err error) {
	if err != nil {
		f.showProblem(err)
		return
	}
	f.hide()
	if f.afterSave != nil {
		f.afterSave()
	}
}

func (f *formDialog) showProblem(err error) {
	f.problem.Importance = widget.DangerImportance
	f.problem.SetText(sentence(err.Error()))
	f.problem.Show()
}

// firstProblem is the first field's complaint, named by its label.
func (f *formDialog) firstProblem() error {
	f.form.Validate() // marks every wrong field, not just the first
	for _, item := range f.form.Items {
		v, ok := item.Widget.(fyne.Validatable)
		if !ok {
			continue
		}
		if err := v.Validate(); err != nil {
			return fmt.Errorf("%s: %w", item.Text, err)
		}
	}
	return nil
}

// wireKeys gives the fields Escape to cancel and Enter to save, and a
// count of characters as a long text nears its limit.
func (f *formDialog) wireKeys() {
	for _, item := range f.form.Items {
		switch w := item.Widget.(type) {
		case *widgets.TextField:
			w.OnEscape = f.cancel
			if !w.MultiLine && w.OnSubmitted == nil {
				w.OnSubmitted = func(string) { f.submit() }
			}
			f.hints[item] = item.HintText
			it := item
			w.OnLengthChanged = func(n, max int) { f.showCount(it, n, max) }
		case *widgets.DateField:
			w.OnEscape = f.cancel
			if w.OnSubmitted == nil {
				w.OnSubmitted = func(string) { f.submit() }
			}
		case *widget.Entry:
			if !w.MultiLine && w.OnSubmitted == nil {
				w.OnSubmitted = func(string) { f.submit() }
			}
		}
	}
}

// showCount adds "1,800 of 2,000 characters" to an item's hint.
func (f *formDialog) showCount(item *widget.FormItem, n, max int) {
	hint := f.hints[item]
	if note := widgets.LengthNote(n, max); note != "" {
		hint = strings.TrimSpace(hint + " · " + note)
		hint = strings.TrimPrefix(hint, "· ")
	}
	if hint != item.HintText {
		item.HintText = hint
		f.form.Refresh()
	}
}

// focusFirst puts the cursor in the first field that takes text.
func (f *formDialog) focusFirst() {
	for _, item := range f.form.Items {
		if focusable, ok := item.Widget.(fyne.Focusable); ok {
			if _, isEntry := item.Widget.(*widget.Entry); isEntry || isTextLike(item.Widget) {
				f.win.Canvas().Focus(focusable)
				return
			}
		}
	}
}

func isTextLike(o fyne.CanvasObject) bool {
	switch o.(type) {
	case *widgets.TextField, *widgets.DateField:
		return true
	}
	return false
}

// requiredText validates an entry that must not be blank.
func requiredText(what string) fyne.StringValidator {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("enter %s", what)
		}
		return nil
	}
}

// hoursValidator accepts a whole number of hours within bounds.
func hoursValidator(max int) fyne.StringValidator {
	return func(s string) error {
		_, err := parseHours(s, max)
		return err
	}
}

func parseHours(s string, max int) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, errors.New("write the hours as a whole number, like 40")
	}
	if n < 0 || n > max {
		return 0, fmt.Errorf("between 0 and %d hours", max)
	}
	return n, nil
}

// deleteButton is the red button under an edit form: it asks first with
// message, then deletes; a failure is reported as action, and done runs
// either way (to close the form and reload).
func deleteButton(w fyne.Window, label, title, message, action string, del func() error, report errorReporter, done func()) fyne.CanvasObject {
	b := widget.NewButtonWithIcon(label, theme.DeleteIcon(), func() {
		showDestructive(title, message, strings.TrimSuffix(label, "…"), func(ok bool) {
			if !ok {
				return
			}
			if err := del(); err != nil {
				report(action, err)
			}
			done()
		}, w)
	})
	b.Importance = widget.DangerImportance
	return container.NewHBox(b)
}
