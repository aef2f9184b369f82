package ui

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/studyplanner/studyplanner/internal/dataset"
)

// BenchmarkScreen measures each screen on the large dataset (five years of
// history) and on the same history copied sixteen times: load is reading
// its data and putting it into the screen's widgets, draw is rendering the
// window with the screen on view through Fyne's software painter (the test
// driver's canvas capture). `make bench` prints x16 beside x1: both should
// be flat, since a screen shows a year at most.
func BenchmarkScreen(b *testing.B) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	for _, times := range []int{1, 16} {
		st, _ := openFixture(b, dataset.Copied(1, today, times))
		m := newTestWindow(b, st)
		m.now = func() time.Time { return today }
		m.Resize(fyne.NewSize(1280, 800))
		for i, s := range m.screens {
			m.ShowScreen(i)
			b.Run(fmt.Sprintf("x%d/%s/load", times, s.name()), func(b *testing.B) {
				runtime.GC()
				b.ResetTimer()
				for range b.N {
					s.load()()
				}
			})
			b.Run(fmt.Sprintf("x%d/%s/draw", times, s.name()), func(b *testing.B) {
				runtime.GC()
				b.ResetTimer()
				for range b.N {
					m.Canvas().Capture()
				}
			})
		}
	}
}
