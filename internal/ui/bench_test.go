package ui

import (
	"errors"
	"fmt"
	"runtime"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/studyplanner/studyplanner/internal/dataset"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// BenchmarkScreen measures each screen on the large dataset (five years of
// history) and on the same history copied sixteen times: load is reading
// its data and putting it into the screen's widgets, draw is rendering the
// window with the screen on view through Fyne's software painter (the test
// driver's canvas capture). The two sizes run in turns, screen by screen,
// so a busy machine slows both alike. `make bench` prints x16 beside x1:
// both should be flat, since a screen shows a year at most.
func BenchmarkScreen(b *testing.B) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	a := test.NewTempApp(b)
	sizes := []int{1, 16}
	windows := map[int]*MainWindow{}
	for _, times := range sizes {
		st, _ := openFixture(b, dataset.Copied(1, today, times))
		m := NewMainWindow(a, st, func() (snapshot.Pack, error) { return snapshot.Pack{}, errors.New("no built-in pack in benchmarks") })
		b.Cleanup(m.Close)
		m.now = func() time.Time { return today }
		m.Resize(fyne.NewSize(1280, 800))
		windows[times] = m
	}
	for i := range windows[1].screens {
		for _, step := range []string{"load", "draw"} {
			for _, times := range sizes {
				m := windows[times]
				m.ShowScreen(i)
				s := m.screens[i]
				b.Run(fmt.Sprintf("x%d/%s/%s", times, s.name(), step), func(b *testing.B) {
					runtime.GC()
					b.ResetTimer()
					for range b.N {
						if step == "load" {
							s.load()()
						} else {
							m.Canvas().Capture()
						}
					}
				})
			}
		}
	}
}
