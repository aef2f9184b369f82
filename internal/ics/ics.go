// Package ics writes the plan as an iCalendar (RFC 5545) file and reads a
// calendar's events as days off, through github.com/arran4/golang-ical,
// expanding repeating events with github.com/teambition/rrule-go.
package ics

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	ical "github.com/arran4/golang-ical"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// uidDomain ends every UID, so ours never collide with another app's.
const uidDomain = "@studyplanner.invalid"

// productID names the writer of our exports. The reader refuses a calendar
// whose PRODID starts with ownProductOwner (lower case), as every export
// so far did (the first ones said "-//Study Planner//Golang ICS Library").
const (
	productID       = "-//Study Planner//Study plan export//EN"
	ownProductOwner = "-//study planner//"
)

// AlarmBefore is how long before a study block its reminder goes off.
const AlarmBefore = 10 * time.Minute

// Export is what the calendar shows: the planned study to come, the study
// logged so far, and the steps' target dates.
type Export struct {
	// Days is the planned work by day (plan.Date), as the forecast lays
	// it out.
	Days  map[time.Time][]plan.PlanItem
	Steps []plan.Step
	// Sessions are the logged sessions to show as past events, in date
	// order.
	Sessions []Session
	// StudyAt is the time of day, "15:04", each day's study starts, and a
	// session without a start time is shown at.
	StudyAt string
	// Now stamps the events; their SEQUENCE grows with it.
	Now time.Time
	// Appointments are timed events beside the plan: the job search's
	// interviews and follow-ups.
	Appointments []Appointment
}

// Appointment is a timed event with a reminder.
type Appointment struct {
	// UID names the appointment the same way in every export (an
	// interview's by its record), so a re-export updates it.
	UID         string
	Start       time.Time // wall-clock time, written floating
	Minutes     int
	Summary     string
	Location    string
	Description string
	URL         string
	// AlarmBefore is how long before the start the reminder goes off; 0
	// writes none.
	AlarmBefore time.Duration
}

// Session is one logged session as the calendar shows it.
type Session struct {
	Date    time.Time // plan.Date
	Start   string    // "15:04", or "" when not recorded
	Minutes int
	What    string // the skill or step studied, or ""
	Notes   string
}

// Write writes the export as a calendar:
//
//   - each day with planned study, one timed event at the study time,
//     lasting the planned hours, with a reminder AlarmBefore it;
//   - each logged session, a timed event at its start (or the study time)
//     lasting its minutes, without a reminder: it is past;
//   - each step's target date, an all-day event that does not block time.
//
// Times are floating (local wall-clock time, no TZID): the study time is a
// habit of the learner's day wherever they are, and floating time needs no
// VTIMEZONE, which RFC 5545 requires beside every TZID and Go's zone data
// cannot describe without writing out each transition. Every client reads
// floating time as its own local time.
//
// UIDs depend only on the kind of event and its day (a session's on its
// place in the day; a target's on the step's title), so importing a new
// export, or refreshing a subscription to it, updates the events instead
// of adding copies; SEQUENCE, taken from Now, tells the client the newer
// copy wins.
func Write(w io.Writer, e Export) error {
	at, err := time.Parse("15:04", e.StudyAt)
	if err != nil {
		return fmt.Errorf("the study time %q is not a time of day; write it as 24-hour HH:MM, like 18:30", e.StudyAt)
	}
	cal := ical.NewCalendar()
	cal.SetProductId(productID)
	cal.SetMethod(ical.MethodPublish)
	cal.SetName("Study plan")
	cal.SetXWRCalName("Study plan")
	cal.SetDescription("Study Planner's plan: study blocks to come, sessions logged, step target dates. Export again to refresh it.")
	// A client subscribed to the file (served or synced) reads it again
	// daily.
	cal.SetRefreshInterval("P1D")
	cal.SetXPublishedTTL("P1D")
	stamp := stamp{now: e.Now.UTC(), sequence: int(e.Now.Unix() / 60)}
	writeStudy(cal, e.Days, clockOf(at), stamp)
	writeSessions(cal, e.Sessions, clockOf(at), stamp)
	writeTargets(cal, e.Steps, stamp)
	writeAppointments(cal, e.Appointments, stamp)
	// RFC 5545 lines end in CRLF; the library would end them as the
	// system does (LF here).
	if err := cal.SerializeTo(w, ical.WithNewLineWindows); err != nil {
		return fmt.Errorf("writing the calendar: %w", err)
	}
	return nil
}

// stamp is what every event of one export carries: when it was written.
type stamp struct {
	now      time.Time
	sequence int
}

func (s stamp) on(ev *ical.VEvent) {
	ev.SetDtStampTime(s.now)
	ev.SetSequence(s.sequence)
}

// clockOf is a time of day as minutes after midnight.
func clockOf(t time.Time) int { return t.Hour()*60 + t.Minute() }

// floatingFormat writes a local date-time without a zone (RFC 5545,
// 3.3.5, form #1).
const floatingFormat = "20060102T150405"

// timed gives ev a floating start on day at clock minutes, and an end
// minutes later.
func timed(ev *ical.VEvent, day time.Time, clock, minutes int) {
	start := time.Date(day.Year(), day.Month(), day.Day(), 0, clock, 0, 0, time.UTC)
	ev.SetProperty(ical.ComponentPropertyDtStart, start.Format(floatingFormat))
	ev.SetProperty(ical.ComponentPropertyDtEnd, start.Add(time.Duration(minutes)*time.Minute).Format(floatingFormat))
}

func writeStudy(cal *ical.Calendar, days map[time.Time][]plan.PlanItem, clock int, s stamp) {
	dates := make([]time.Time, 0, len(days))
	for d, items := range days {
		if len(items) > 0 {
			dates = append(dates, d)
		}
	}
	sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
	for _, d := range dates {
		total := 0.0
		var names, lines []string
		for _, it := range days[d] {
			total += it.Hours
			names = append(names, it.Name)
			line := fmt.Sprintf("%s: %s", it.Name, plan.FormatMinutes(hoursToMinutes(it.Hours)))
			if it.Step != "" && it.Step != it.Name { // a step's own work is named after it
				line += " (" + it.Step + ")"
			}
			lines = append(lines, line)
		}
		minutes := hoursToMinutes(total)
		ev := cal.AddEvent("study-" + d.Format("20060102") + uidDomain)
		s.on(ev)
		timed(ev, d, clock, minutes)
		summary := fmt.Sprintf("Study: %s (%s)", strings.Join(names, ", "), plan.FormatMinutes(minutes))
		ev.SetSummary(summary)
		ev.SetDescription(clean(strings.Join(lines, "\n")))
		alarm := ev.AddAlarm()
		alarm.SetAction(ical.ActionDisplay)
		alarm.SetTrigger(fmt.Sprintf("-PT%dM", int(AlarmBefore/time.Minute)))
		alarm.SetProperty(ical.ComponentPropertyDescription, summary)
	}
}

// hoursToMinutes rounds planned hours to whole minutes, at least one.
func hoursToMinutes(h float64) int { return max(1, int(h*60+0.5)) }

// writeSessions writes the logged sessions as past events. A session's UID
// is its day and its place among that day's sessions (in the order given:
// by start time, as the store lists them), so a re-export replaces them.
func writeSessions(cal *ical.Calendar, sessions []Session, studyAt int, s stamp) {
	nth := map[time.Time]int{}
	for _, se := range sessions {
		day := plan.Date(se.Date)
		nth[day]++
		ev := cal.AddEvent(fmt.Sprintf("session-%s-%d%s", day.Format("20060102"), nth[day], uidDomain))
		s.on(ev)
		clock := studyAt
		if t, err := time.Parse("15:04", se.Start); err == nil {
			clock = clockOf(t)
		}
		timed(ev, day, clock, max(1, se.Minutes))
		what := "Studied"
		if se.What != "" {
			what += ": " + se.What
		}
		ev.SetSummary(fmt.Sprintf("%s (%s)", what, plan.FormatMinutes(se.Minutes)))
		if se.Notes != "" {
			ev.SetDescription(clean(se.Notes))
		}
	}
}

func writeTargets(cal *ical.Calendar, steps []plan.Step, s stamp) {
	for _, st := range steps {
		if st.TargetDate.IsZero() {
			continue
		}
		sum := sha1.Sum([]byte(st.Title))
		ev := cal.AddEvent("step-" + hex.EncodeToString(sum[:8]) + uidDomain)
		s.on(ev)
		ev.SetAllDayStartAt(st.TargetDate)
		ev.SetAllDayEndAt(st.TargetDate.AddDate(0, 0, 1))
		ev.SetProperty(ical.ComponentPropertyTransp, "TRANSPARENT")
		ev.SetSummary("Target: " + st.Title)
		ev.SetDescription(clean(st.Summary))
	}
}

// writeAppointments writes each appointment as a timed event with its
// reminder.
func writeAppointments(cal *ical.Calendar, apps []Appointment, s stamp) {
	for _, a := range apps {
		ev := cal.AddEvent(a.UID + uidDomain)
		s.on(ev)
		timed(ev, plan.Date(a.Start), clockOf(a.Start), max(1, a.Minutes))
		ev.SetSummary(clean(a.Summary))
		if a.Location != "" {
			ev.SetLocation(clean(a.Location))
		}
		if a.Description != "" {
			ev.SetDescription(clean(a.Description))
		}
		if a.URL != "" {
			ev.SetURL(a.URL)
		}
		if a.AlarmBefore > 0 {
			alarm := ev.AddAlarm()
			alarm.SetAction(ical.ActionDisplay)
			alarm.SetTrigger(fmt.Sprintf("-PT%dM", int(a.AlarmBefore/time.Minute)))
			alarm.SetProperty(ical.ComponentPropertyDescription, clean(a.Summary))
		}
	}
}

// clean makes text fit for a TEXT value: line breaks as "\n" only (the
// writer escapes those; a bare CR would end up inside the file's lines).
func clean(s string) string {
	return strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
}
