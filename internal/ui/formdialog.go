package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// formDialog is a dialog around a form whose save can still fail in the
// store (a name already taken, a prerequisite circle): the message then
// shows inside the dialog, which stays open with the learner's input, instead
// of losing it behind an error box.
type formDialog struct {
	dialog  *dialog.CustomDialog
	form    *widget.Form
	problem *widget.Label
}

// showFormDialog opens a form; save runs on submit and closes the dialog
// when it returns nil. extra, if not nil, sits under the form (a delete
// button, say).
func showFormDialog(w fyne.Window, title, submit string, items []*widget.FormItem, extra fyne.CanvasObject, save func() error) *formDialog {
	f := &formDialog{problem: widget.NewLabel("")}
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Hide()
	f.form = &widget.Form{Items: items, SubmitText: submit, CancelText: "Cancel"}
	content := container.NewVBox(f.form, f.problem)
	if extra != nil {
		content.Add(extra)
	}
	f.dialog = dialog.NewCustomWithoutButtons(title, content, w)
	f.form.OnCancel = f.dialog.Hide
	f.form.OnSubmit = func() {
		if err := save(); err != nil {
			f.problem.SetText(sentence(err.Error()))
			f.problem.Show()
			return
		}
		f.dialog.Hide()
	}
	size := f.dialog.MinSize()
	if size.Width < 520 {
		size.Width = 520
	}
	f.dialog.Resize(size)
	f.dialog.Show()
	return f
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
		dialog.ShowConfirm(title, message, func(ok bool) {
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
