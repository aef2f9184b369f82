package plan

import (
	"fmt"

	"github.com/dustin/go-humanize"
)

// Limits on how many of each thing one learner's data holds. The store
// refuses a write that would pass one and the import refuses a document
// that does, so anything stored can be exported and imported again
// (snapshot.MaxBytes is computed from them).
//
// Each is set from what heavy use produces in five, ten and twenty years
// (docs/performance.md), and is at least the twenty-year figure:
//
//	                   heavy use a year           5 y      10 y     20 y   limit
//	sessions           24 a day, every day      43,800    87,600  175,200  200,000
//	days off           2 a week and 40 more        720     1,440    2,880   20,000
//	roadmap steps      100, then 20 more a year    200       300      500      500
//	checklist items    20 a step                 4,000     6,000   10,000   20,000
//	step links         5 a step                  1,000     1,500    2,500    5,000
//	skills             300, then 100 a year        800     1,300    2,300    5,000
//	skill links        5 a skill                 4,000     6,500   11,500   20,000
//	prerequisites      4 a skill                 3,200     5,200    9,200   20,000
//	projects           20 a year                   100       200      400    1,000
//	project skills     10 a project              1,000     2,000    4,000   10,000
//	categories         40, then 10 a year           90       140      240      500
//
// Twenty-four sessions a day is a timer's every 25-minute block of ten
// hours' study; the five-year sample learner (package dataset) logged
// 1,781 a year, and its history copied sixteen times (142,512 sessions,
// eighty years at its pace) exports, imports and restores
// (TestTheSixteenfoldHistoryRoundTrips). No limit is lower than before:
// a file within an older version's limits stays exportable.
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
