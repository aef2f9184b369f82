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
	"github.com/dustin/go-humanize"

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

// Write writes one all-day event per day with planned study and one per
// step target date. UIDs depend only on the day or the step's title, so
// importing a new export into a calendar app updates the events instead of
// adding copies; the sequence number, taken from now, lets the app know
// the newer copy wins.
func Write(w io.Writer, days map[time.Time][]plan.PlanItem, steps []plan.Step, now time.Time) error {
	cal := ical.NewCalendar()
	cal.SetProductId(productID)
	cal.SetMethod(ical.MethodPublish)
	cal.SetName("Study plan")
	cal.SetXWRCalName("Study plan")
	sequence := int(now.Unix() / 60)

	dates := make([]time.Time, 0, len(days))
	for d := range days {
		dates = append(dates, d)
	}
	sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
	for _, d := range dates {
		items := days[d]
		if len(items) == 0 {
			continue
		}
		ev := cal.AddEvent("study-" + d.Format("20060102") + uidDomain)
		allDay(ev, d, now, sequence)
		total := 0.0
		var names, lines []string
		for _, it := range items {
			total += it.Hours
			names = append(names, it.Name)
			lines = append(lines, fmt.Sprintf("%s: %s h (%s)", it.Name, humanize.FtoaWithDigits(it.Hours, 1), it.Step))
		}
		ev.SetSummary(fmt.Sprintf("Study %s h: %s", humanize.FtoaWithDigits(total, 1), strings.Join(names, ", ")))
		ev.SetDescription(strings.Join(lines, "\n"))
	}
	for _, st := range steps {
		if st.TargetDate.IsZero() {
			continue
		}
		sum := sha1.Sum([]byte(st.Title))
		ev := cal.AddEvent("step-" + hex.EncodeToString(sum[:8]) + uidDomain)
		allDay(ev, st.TargetDate, now, sequence)
		ev.SetSummary("Target: " + st.Title)
		ev.SetDescription(st.Summary)
	}
	if err := cal.SerializeTo(w); err != nil {
		return fmt.Errorf("writing the calendar: %w", err)
	}
	return nil
}

func allDay(ev *ical.VEvent, day, now time.Time, sequence int) {
	ev.SetDtStampTime(now.UTC())
	ev.SetAllDayStartAt(day)
	ev.SetAllDayEndAt(day.AddDate(0, 0, 1))
	ev.SetSequence(sequence)
	ev.SetProperty(ical.ComponentPropertyTransp, "TRANSPARENT")
}
