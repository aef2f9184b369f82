//go:build !ci

package main

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// primaryScreenSize asks GLFW, which Fyne's desktop driver runs on, for
// the primary monitor's size: Fyne itself does not tell it. It runs on the
// main thread after the first window is created, when GLFW is set up.
func primaryScreenSize() (fyne.Size, bool) {
	monitor := glfw.GetPrimaryMonitor()
	if monitor == nil {
		return fyne.Size{}, false
	}
	mode := monitor.GetVideoMode()
	if mode == nil || mode.Width <= 0 || mode.Height <= 0 {
		return fyne.Size{}, false
	}
	scale := fyne.CurrentApp().Settings().Scale()
	if scale <= 0 {
		scale = 1
	}
	return fyne.NewSize(float32(mode.Width)/scale, float32(mode.Height)/scale), true
}
