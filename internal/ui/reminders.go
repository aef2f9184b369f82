package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/jobsearch"
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

// jobReminder is a notification of the job search: an interview an hour
// ahead, or the follow-ups due today at the reminder time.
type jobReminder struct {
	key          string // sent once: the interview, or the day's follow-ups
	title, about string
}

// jobReminders are the reminders due at now (a minute's tick) among
// today's agenda that were not sent yet: an interview from an hour before
// it starts until it starts; the day's follow-ups from the reminder time
// (at, "15:04") on.
func jobReminders(items []jobsearch.AgendaItem, now time.Time, at string, sent map[string]bool) []jobReminder {
	var out []jobReminder
	var followUps []string
	for _, it := range items {
		if it.Interview {
			key := "interview " + it.Start.Format(time.DateTime) + " " + it.Company
			if !sent[key] && !now.Before(it.Start.Add(-app.InterviewAlarm)) && now.Before(it.Start) {
				out = append(out, jobReminder{key, "Interview at " + it.Start.Format("15:04"), agendaLine(it)})
			}
			continue
		}
		followUps = append(followUps, it.Company)
	}
	key := "follow-ups " + now.Format(time.DateOnly)
	clock, err := time.Parse("15:04", at)
	if err != nil {
		clock, _ = time.Parse("15:04", defaultRemindTime)
	}
	due := time.Date(now.Year(), now.Month(), now.Day(), clock.Hour(), clock.Minute(), 0, 0, now.Location())
	if len(followUps) > 0 && !sent[key] && !now.Before(due) {
		out = append(out, jobReminder{key, fmt.Sprintf("%d %s to follow up", len(followUps), plural(len(followUps), "application", "applications")),
			"No news for a while from " + strings.Join(followUps, ", ") + ". A short note asking how it stands often gets an answer."})
	}
	return out
}

// startJobReminders sends the job search's reminders while the app runs,
// checking once a minute, when reminders are on.
func startJobReminders(a fyne.App, st interface {
	JobBoard() (jobsearch.Board, error)
	JobSettings() (jobsearch.Settings, error)
}, stop <-chan struct{}) {
	go func() {
		sent := map[string]bool{}
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
				// Wall-clock times are kept as UTC stand-ins: compare in them.
				wall := time.Date(now.Year(), now.Month(), now.Day(), now.Hour(), now.Minute(), 0, 0, time.UTC)
				agenda, err := app.JobAgenda(st, wall)
				if err != nil {
					continue
				}
				for _, r := range jobReminders(agenda[plan.Date(wall)], wall, prefs.StringWithFallback(prefReminderTime, defaultRemindTime), sent) {
					sent[r.key] = true
					a.SendNotification(fyne.NewNotification(r.title, r.about))
				}
			}
		}
	}()
}
