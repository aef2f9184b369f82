package plan

import "time"

// The focus cycle: 25 minutes of study, then 5 of rest.
const (
	FocusLength = 25 * time.Minute
	BreakLength = 5 * time.Minute
)

// StudyTimer measures a session as it happens. With Cycle on, it alternates
// focus and break periods and counts only the focus time.
type StudyTimer struct {
	Started time.Time
	Cycle   bool
}

// Elapsed is the time since the timer started.
func (t StudyTimer) Elapsed(now time.Time) time.Duration {
	if now.Before(t.Started) {
		return 0
	}
	return now.Sub(t.Started)
}

// Phase says whether now falls in a focus or a break period, and how much
// of that period is left. Without the cycle it is always focus.
func (t StudyTimer) Phase(now time.Time) (onBreak bool, left time.Duration) {
	if !t.Cycle {
		return false, 0
	}
	into := t.Elapsed(now) % (FocusLength + BreakLength)
	if into < FocusLength {
		return false, FocusLength - into
	}
	return true, FocusLength + BreakLength - into
}

// StudyMinutes is the study time to record when the timer stops: all of it,
// or with the cycle only the focus periods; rounded to the nearest minute.
func (t StudyTimer) StudyMinutes(now time.Time) int {
	elapsed := t.Elapsed(now)
	if t.Cycle {
		cycle := FocusLength + BreakLength
		full := elapsed / cycle
		rest := elapsed % cycle
		if rest > FocusLength {
			rest = FocusLength
		}
		elapsed = full*FocusLength + rest
	}
	return int((elapsed + 30*time.Second) / time.Minute)
}

// ShouldRemind decides whether to send the study reminder now: on a study
// day that is not a day off, once the chosen time of day has come, and only
// once a day. at is "15:04"; lastSent is the day of the last reminder.
func ShouldRemind(s Settings, at string, now, lastSent time.Time) bool {
	when, err := time.Parse("15:04", at)
	if err != nil {
		return false
	}
	today := Date(now)
	if !s.StudyDays[now.Weekday()] || s.IsOff(today) || !lastSent.IsZero() && !Date(lastSent).Before(today) {
		return false
	}
	minutes := now.Hour()*60 + now.Minute()
	return minutes >= when.Hour()*60+when.Minute()
}
