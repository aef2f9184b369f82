package app

import (
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// WeeklyReviewReader is what the weekly review reads: the plan, the time
// studied, and whether last week's review was shown.
type WeeklyReviewReader interface {
	PlanReader
	DailyMinutes(from, to time.Time) (map[time.Time]int, error)
	Sessions(from, to time.Time) ([]plan.Session, error)
	ReviewShown(week time.Time) (bool, error)
}

// WeeklyReview is last week set against the plan, and what the plan
// needs now: the schedule's fit, with its remedies when it does not fit.
type WeeklyReview struct {
	Schedule
	Review plan.Review
	// Due is set on the day the review shows itself: the first study day
	// of a week whose last week's review was not shown yet.
	Due bool
	// NextReview is the next day one is due, when last week is outside
	// the plan; zero when no week of the plan is left to review.
	NextReview time.Time
}

// LoadWeeklyReview reads and works out the review of the week before
// today's.
func LoadWeeklyReview(r WeeklyReviewReader, today time.Time) (WeeklyReview, error) {
	return inOneSnapshot(r, func(r WeeklyReviewReader) (WeeklyReview, error) { return loadWeeklyReview(r, today) })
}

func loadWeeklyReview(r WeeklyReviewReader, today time.Time) (WeeklyReview, error) {
	s, err := loadSchedule(r, today)
	if err != nil {
		return WeeklyReview{}, err
	}
	settings := s.Plan.Settings
	week := settings.ReviewedWeek(s.Today)
	// From the plan's start, for the standing; a year back at least, for
	// the streak.
	from := s.Today.AddDate(0, 0, -HistoryDays)
	if start := plan.Date(settings.StartDate); start.Before(from) {
		from = start
	}
	minutes, err := r.DailyMinutes(from, s.Today.AddDate(0, 0, 1))
	if err != nil {
		return WeeklyReview{}, err
	}
	sessions, err := r.Sessions(week, week.AddDate(0, 0, 7))
	if err != nil {
		return WeeklyReview{}, err
	}
	shown, err := r.ReviewShown(week)
	if err != nil {
		return WeeklyReview{}, err
	}
	wr := WeeklyReview{Schedule: s, Review: s.Plan.ReviewOf(s.Today, minutes, sessions, s.Forecast.RemainingHours),
		Due: settings.ReviewDue(s.Today, shown)}
	if !wr.Review.InPlan {
		wr.NextReview, _ = settings.NextReview(s.Today)
	}
	return wr, nil
}
