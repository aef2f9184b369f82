package jobsearch

import (
	"fmt"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// Move is the event that puts a into the stage on the date: checked
// against the stages, never dated after today (a move is something that
// happened) and never dated before the current stage's move (a move dated
// earlier would not become the current stage). Moving into the stage it
// is in is refused as a mistake.
func Move(a Application, to Stage, date time.Time, note string, today time.Time) (Event, error) {
	e := Event{StageID: to.ID, Date: plan.Date(date), Note: strings.TrimSpace(note)}
	if err := ValidateEvent(e, nil); err != nil {
		return Event{}, err
	}
	if err := NotFuture("move", e.Date, today); err != nil {
		return Event{}, err
	}
	if cur := a.Current(); len(a.History) > 0 {
		if cur.StageID == to.ID {
			return Event{}, fmt.Errorf("%s is already in %s", a.Company, to.Name)
		}
		if e.Date.Before(plan.Date(cur.Date)) {
			return Event{}, fmt.Errorf("the move is dated %s, before the last one (%s); date it on or after that day",
				e.Date.Format(time.DateOnly), plan.Date(cur.Date).Format(time.DateOnly))
		}
	}
	return e, nil
}

// NotFuture refuses a date after today: applications and their moves are
// things that happened. (Interviews are planned, and may be ahead.) what
// names the date in the message, such as "move".
func NotFuture(what string, date, today time.Time) error {
	if d, t := plan.Date(date), plan.Date(today); d.After(t) {
		return fmt.Errorf("the %s's date %s is in the future; use today's date (%s) or an earlier one",
			what, d.Format(time.DateOnly), t.Format(time.DateOnly))
	}
	return nil
}

// HistoryNotFuture checks that no move of a history is dated after today.
func HistoryNotFuture(h []Event, today time.Time) error {
	for i, e := range h {
		what := "move"
		if i == 0 {
			what = "application"
		}
		if err := NotFuture(what, e.Date, today); err != nil {
			return err
		}
	}
	return nil
}

// CheckNewStage checks a stage to add among the existing ones: a valid
// name no other stage has (ignoring case), within the limit.
func CheckNewStage(existing []Stage, s Stage) error {
	if err := ValidateStage(s); err != nil {
		return err
	}
	if err := plan.CheckCount("stages", len(existing)+1, MaxStages); err != nil {
		return err
	}
	return checkUniqueName(existing, s)
}

// CheckRename checks a new name for the stage with s.ID.
func CheckRename(existing []Stage, s Stage) error {
	if err := ValidateStage(s); err != nil {
		return err
	}
	return checkUniqueName(existing, s)
}

func checkUniqueName(existing []Stage, s Stage) error {
	for _, o := range existing {
		if o.ID != s.ID && strings.EqualFold(strings.TrimSpace(o.Name), strings.TrimSpace(s.Name)) {
			return fmt.Errorf("a stage called %q already exists; choose another name", strings.TrimSpace(o.Name))
		}
	}
	return nil
}

// Reorder moves the stage with id by delta places (-1 left, +1 right) and
// returns the stages in their new order with positions 1…n. Moving past
// either end leaves the order as it is.
func Reorder(stages []Stage, id uint, delta int) []Stage {
	out := append([]Stage(nil), stages...)
	from := -1
	for i, s := range out {
		if s.ID == id {
			from = i
		}
	}
	to := from + delta
	if from >= 0 && to >= 0 && to < len(out) {
		s := out[from]
		out = append(out[:from], out[from+1:]...)
		out = append(out[:to], append([]Stage{s}, out[to:]...)...)
	}
	for i := range out {
		out[i].Position = i + 1
	}
	return out
}
