package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Fyne's dialogs answer only to the mouse. These give every dialog of the
// app the keys a desktop user expects: Escape closes or cancels it, Enter
// takes its main action. A canvas hears keys through one handler, and a
// confirmation can open over a form, so the dialogs of a window form a
// stack and the top one hears the keys.

// dialogKeys are what Escape and Enter do in one open dialog.
type dialogKeys struct {
	escape, enter func()
}

// keyStacks holds, per window, the open dialogs, the newest last. It is
// only touched on the UI thread.
var keyStacks = map[fyne.Canvas][]*dialogKeys{}

// listenForDialogKeys gives escape and enter to the dialog opening on c
// until the returned func is called, when the dialog below it (if any)
// hears them again. The focus leaves the field under the dialog, so an
// Enter meant for the dialog does not submit the form behind it.
func listenForDialogKeys(c fyne.Canvas, escape, enter func()) (stop func()) {
	keys := &dialogKeys{escape: escape, enter: enter}
	c.Unfocus()
	keyStacks[c] = append(keyStacks[c], keys)
	listenToTop(c)
	return func() {
		stack := keyStacks[c]
		for i, k := range stack {
			if k == keys {
				keyStacks[c] = append(stack[:i:i], stack[i+1:]...)
				break
			}
		}
		if len(keyStacks[c]) == 0 {
			delete(keyStacks, c)
		}
		listenToTop(c)
	}
}

func listenToTop(c fyne.Canvas) {
	stack := keyStacks[c]
	if len(stack) == 0 {
		c.SetOnTypedKey(nil)
		return
	}
	top := stack[len(stack)-1]
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch k.Name {
		case fyne.KeyEscape:
			if top.escape != nil {
				top.escape()
			}
		case fyne.KeyReturn, fyne.KeyEnter:
			if top.enter != nil {
				top.enter()
			}
		}
	})
}

// showWithKeys shows d; Escape dismisses it and Enter runs enter, or
// dismisses it too when enter is nil.
func showWithKeys(w fyne.Window, d dialog.Dialog, enter func()) {
	if enter == nil {
		enter = d.Hide
	}
	stop := listenForDialogKeys(w.Canvas(), d.Hide, enter)
	d.SetOnClosed(stop)
	d.Show()
}

// showConfirm asks a yes-or-no question; Enter answers yes, Escape no.
func showConfirm(title, message string, answered func(yes bool), w fyne.Window) {
	d := dialog.NewConfirm(title, message, answered, w)
	showWithKeys(w, d, d.Confirm)
}

// showDestructive asks before something that cannot be undone (a
// delete): the confirm button says what it does and is red, and Enter
// takes the safe answer, so a key pressed out of habit deletes nothing.
func showDestructive(title, message, action string, answered func(yes bool), w fyne.Window) {
	d := dialog.NewConfirm(title, message, answered, w)
	d.SetConfirmText(action)
	d.SetConfirmImportance(widget.DangerImportance)
	d.SetDismissText("Keep it")
	showWithKeys(w, d, d.Hide)
}

// showInformation tells the learner something; Enter or Escape closes it.
func showInformation(title, message string, w fyne.Window) {
	showWithKeys(w, dialog.NewInformation(title, message, w), nil)
}

// showErrorDialog shows a problem already put in words, as a sentence
// (the domain's messages start in lower case, to be put after "could
// not…" in a log); Enter or Escape closes it.
func showErrorDialog(err error, w fyne.Window) {
	showWithKeys(w, dialog.NewError(problem(sentence(err.Error())), w), nil)
}
