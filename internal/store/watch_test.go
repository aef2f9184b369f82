package store

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

// TestWatchSeesAnotherDevicesChange: a window watching its data hears of
// a change another program commits, on a file (data_version) and on a
// server (LISTEN/NOTIFY), and its fingerprint moves, so the screen shown
// reads again.
func TestWatchSeesAnotherDevicesChange(t *testing.T) {
	for _, engine := range []string{"file", "server"} {
		t.Run(engine, func(t *testing.T) {
			loc := filepath.Join(t.TempDir(), "w.db")
			if engine == "server" {
				loc = storetest.Server(t)
			}
			window, err := Open(loc)
			must(t, err)
			defer window.Close()
			other, err := Open(window.Path())
			must(t, err)
			defer other.Close()

			changes := make(chan struct{}, 10)
			stop := make(chan struct{})
			defer close(stop)
			window.Watch(stop, func() { changes <- struct{}{} })
			before := window.Fingerprint()
			// The watch is listening once a change made now is heard: make
			// changes until one is (a guard of half a minute, not a timing).
			deadline := time.After(30 * time.Second)
			tick := time.NewTicker(200 * time.Millisecond)
			defer tick.Stop()
			for heard := false; !heard; {
				select {
				case <-changes:
					heard = true
				case <-tick.C:
					must(t, other.MarkWelcomed())
				case <-deadline:
					t.Fatal("the other program's change was never heard")
				}
			}
			if window.Fingerprint() == before {
				t.Error("the fingerprint did not move with the change")
			}
		})
	}
}
