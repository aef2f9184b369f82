package plan

import (
	"fmt"

	"github.com/dustin/go-humanize"
)

// Limits on how many of each thing one learner's data holds. They sit far
// above real use: the five-year sample learner logged 8,907 sessions, and
// twenty years at twenty-seven sessions a day is still under MaxSessions.
// The store refuses a write that would pass one and the import refuses a
// document that does, so anything stored can be exported and imported
// again (snapshot.MaxBytes is computed from them).
const (
	MaxSteps         = 500
	MaxActions       = 20_000 // checklist items, all steps together
	MaxStepLinks     = 5_000
	MaxCategories    = 500
	MaxSkills        = 5_000
	MaxSkillLinks    = 20_000
	MaxPrerequisites = 20_000
	MaxProjects      = 1_000
	MaxProjectSkills = 10_000
	MaxDaysOff       = 20_000
	MaxSessions      = 200_000
)

// LimitError says a write or an import would hold more of something than
// the app keeps.
type LimitError struct {
	What       string // "checklist items"
	Limit, Got int
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("Study Planner keeps at most %s %s, and this would make %s; delete some first",
		humanize.Comma(int64(e.Limit)), e.What, humanize.Comma(int64(e.Got)))
}

// CheckCount returns a *LimitError when got is over limit.
func CheckCount(what string, got, limit int) error {
	if got > limit {
		return &LimitError{What: what, Limit: limit, Got: got}
	}
	return nil
}
