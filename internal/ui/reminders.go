package ui

import (
	"time"

	"fyne.io/fyne/v2"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/store"
)

// Preference keys for the study reminder, a setting of this computer
// rather than of the plan.
const (
	prefRemindersOn   = "reminders.enabled"
	prefReminderTime  = "reminders.time"
	defaultRemindTime = "18:00"
)

// StartReminders sends a desktop notification on study days at the time
// chosen in the plan settings, while the app runs. It checks once a minute
// and stops when stop is closed.
func StartReminders(a fyne.App, st *store.Store, stop <-chan struct{}) {
	go func() {
		var lastSent time.Time
		tick := time.NewTicker(time.Minute)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case now := <-tick.C:
				prefs := a.Preferences()
				if !prefs.BoolWithFallback(prefRemindersOn, true) {
					continue
				}
				s, err := st.Settings()
				if err != nil || !plan.ShouldRemind(s, prefs.StringWithFallback(prefReminderTime, defaultRemindTime), now, lastSent) {
					continue
				}
				lastSent = now
				a.SendNotification(fyne.NewNotification("Time to study", "Today's plan is on the Timeline screen. Even 20 minutes keeps your streak going."))
			}
		}
	}()
}
