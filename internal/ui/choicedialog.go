package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// choice is one button of a choice dialog: its label, and what it does
// after the dialog closes (nil: only close it).
type choice struct {
	label string
	icon  fyne.Resource
	run   func()
}

// showChoices shows body, which scrolls inside a dialog that fits the
// window, over a row of buttons that stays in view. The last choice is
// the main one: Enter takes it. Escape closes the dialog and runs none.
func showChoices(w fyne.Window, title string, body fyne.CanvasObject, choices ...choice) dialog.Dialog {
	var d *dialog.CustomDialog
	take := func(c choice) func() {
		return func() {
			d.Hide()
			if c.run != nil {
				c.run()
			}
		}
	}
	buttons := container.NewHBox(layout.NewSpacer())
	for i, c := range choices {
		b := widget.NewButtonWithIcon(c.label, c.icon, take(c))
		if i == len(choices)-1 {
			b.Importance = widget.HighImportance
		}
		buttons.Add(b)
	}
	content := container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(body))
	d = dialog.NewCustomWithoutButtons(title, content, w)
	fit := func() {
		d.Resize(fitWindow(w, fyne.NewSize(max(body.MinSize().Width, buttons.MinSize().Width), body.MinSize().Height+buttons.MinSize().Height)))
	}
	fit()
	d.SetOnClosed(listenForDialogKeys(w.Canvas(), d.Hide, take(choices[len(choices)-1])))
	d.Show()
	// Wrapped text knows its height only once it has a width: fit again
	// now that it has one, so a short message needs no scrolling.
	fit()
	return d
}

// showNotice tells the learner what was done and offers to undo it:
// Enter or Escape closes it, the action button undoes.
func showNotice(w fyne.Window, title, message, undo string, action func()) dialog.Dialog {
	return showChoices(w, title, wrapped(message),
		choice{label: undo, icon: theme.ContentUndoIcon(), run: action},
		choice{label: "OK", icon: theme.ConfirmIcon()})
}

// wrapped is a label that wraps its text at the width it is given.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
