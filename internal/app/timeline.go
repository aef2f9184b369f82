package app

import (
	"time"

	"github.com/studyplanner/studyplanner/internal/jobsearch"
)

// TimelineReader is what the Timeline screen reads.
type TimelineReader interface {
	PlanReader
	DailyMinutes(from, to time.Time) (map[time.Time]int, error)
	DailyReviews(from, to time.Time) (map[time.Time]int, error)
	JobBoard() (jobsearch.Board, error)
	JobSettings() (jobsearch.Settings, error)
}

// Timeline is the plan in time with what the calendar and the heatmap
// show beside it.
type Timeline struct {
	Schedule
	// From is the first day of Minutes: HistoryDays before today.
	From time.Time
	// Minutes are the minutes studied on each day from From up to the
	// end asked for; Reviews the practice cards reviewed, up to today.
	Minutes, Reviews map[time.Time]int
	// Agenda is the job search's interviews and follow-ups by day.
	Agenda map[time.Time][]jobsearch.AgendaItem
}

// LoadTimeline reads, in one snapshot, the schedule as of today and the
// study days from a year ago up to (not including) until.
func LoadTimeline(r TimelineReader, today, until time.Time) (Timeline, error) {
	return inOneSnapshot(r, func(r TimelineReader) (Timeline, error) { return loadTimeline(r, today, until) })
}

func loadTimeline(r TimelineReader, today, until time.Time) (Timeline, error) {
	s, err := loadSchedule(r, today)
	if err != nil {
		return Timeline{}, err
	}
	t := Timeline{Schedule: s, From: s.Today.AddDate(0, 0, -HistoryDays)}
	if t.Minutes, err = r.DailyMinutes(t.From, until); err != nil {
		return Timeline{}, err
	}
	if t.Reviews, err = r.DailyReviews(t.From, s.Today); err != nil {
		return Timeline{}, err
	}
	if t.Agenda, err = JobAgenda(r, s.Today); err != nil {
		return Timeline{}, err
	}
	return t, nil
}
