package ui

import (
	"os"
	"testing"
	"time"

	_ "github.com/studyplanner/studyplanner/internal/localeenv" // as the binary does: no locale noise under LANG=C
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// The tests read a screen's widgets right after showing it, so the screens
// load their data on the spot instead of in the background.
// They write dates as a British learner does, whatever the machine's
// locale.
func TestMain(m *testing.M) {
	runLoad = func(load func() func()) { load()() }
	dateOrder = widgets.DayFirst
	os.Exit(m.Run())
}

// TestScreensLoadInTheBackground runs every screen's load on another
// goroutine, as the app does, and shows the result on this one, standing
// for the UI thread; under the race detector it catches a load that
// touches a widget.
func TestScreensLoadInTheBackground(t *testing.T) {
	loaded := make(chan func(), 1)
	runLoad = func(load func() func()) { go func() { loaded <- load() }() }
	defer func() { runLoad = func(load func() func()) { load()() } }()

	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	// The first screen is read before the window shows, on its thread;
	// the others in the background.
	for i := 1; i < len(m.screens); i++ {
		m.ShowScreen(i)
		select {
		case show := <-loaded:
			show()
		case <-time.After(10 * time.Second):
			t.Fatalf("screen %d never finished loading", i)
		}
	}
	if got := m.screens[0].(*dashboard).stepTitle.Text; got != "Decide your pace" {
		t.Errorf("the dashboard shows %q", got)
	}
	if got := len(m.screens[1].(*roadmap).steps); got != 2 {
		t.Errorf("the roadmap has %d steps", got)
	}
	if got := m.screens[4].(*timeline).monthLabel.Text; got == "" {
		t.Error("the timeline shows no month")
	}
}
