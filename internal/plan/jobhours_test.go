package plan

import (
	"testing"
	"time"
)

// The job search's hours come out of the same week: the plan puts study
// only in what is left, so booked interviews never make the week hold
// more than it does.
func TestJobSearchHoursShareTheWeeksCapacity(t *testing.T) {
	monday := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		total, job, perDay float64
	}{
		{10, 0, 2},
		{10, 4, 1.2},
		{10, 10, 0},
		{10, 12, 0}, // more than the week: no study, never a negative day
	}
	for _, c := range cases {
		s := DefaultSettings(monday, time.Monday)
		s.HoursPerWeek, s.JobHoursPerWeek = c.total, c.job
		if got := s.DayCapacity(monday); got < c.perDay-1e-9 || got > c.perDay+1e-9 {
			t.Errorf("%g h with %g for the job search: %g h a study day, want %g", c.total, c.job, got, c.perDay)
		}
	}
}
