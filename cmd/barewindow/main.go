// Command barewindow is the floor for Study Planner's start-up benchmark:
// a Fyne program that opens one empty window and nothing else.
// .ci/bench-startup times both and compares.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("io.github.studyplanner.barewindow")
	w := a.NewWindow("Bare Window")
	w.SetContent(widget.NewLabel(""))
	// The same size as Study Planner's first window, so the two draw the
	// same number of pixels and the comparison is about what is in them.
	w.Resize(fyne.NewSize(1100, 720))
	w.ShowAndRun()
}
