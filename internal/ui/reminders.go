package ui

import (
	"time"

	"fyne.io/fyne/v2"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/plan"
)

// Preference keys for the study reminder, a setting of this computer
// rather than of the plan.
const (
	prefRemindersOn   = "reminders.enabled"
	prefReminderTime  = "reminders.time"
	defaultRemindTime = "18:00"
)

// reminderTime is the time of day the reminder is set to on this computer.
func reminderTime() string {
	return fyne.CurrentApp().Preferences().StringWithFallback(prefReminderTime, defaultRemindTime)
}

// startReminders sends a desktop notification on study days at the time
// chosen in the plan settings, while the app runs. It checks once a minute
// and stops when stop is closed.
func startReminders(a fyne.App, st app.SettingsReader, stop <-chan struct{}) {
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
