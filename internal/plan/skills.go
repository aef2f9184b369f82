package plan

import (
	"fmt"
)

// SkillStatus is where the learner stands on one skill.
type SkillStatus string

// The statuses a skill can have, in the order the UI offers them.
const (
	SkillNotStarted SkillStatus = "not_started"
	SkillLearning   SkillStatus = "learning"
	SkillDone       SkillStatus = "done"
	SkillSkipped    SkillStatus = "skipped"
)

// SkillStatuses lists every valid skill status, in display order.
var SkillStatuses = []SkillStatus{SkillNotStarted, SkillLearning, SkillDone, SkillSkipped}

// Valid reports whether s is one of SkillStatuses.
func (s SkillStatus) Valid() bool {
	for _, v := range SkillStatuses {
		if s == v {
			return true
		}
	}
	return false
}

// Label is the status as a person reads it.
func (s SkillStatus) Label() string {
	switch s {
	case SkillNotStarted:
		return "Not started"
	case SkillLearning:
		return "Learning"
	case SkillDone:
		return "Done"
	case SkillSkipped:
		return "Set aside"
	}
	return string(s)
}

// SkillStatusFromLabel is the inverse of Label.
func SkillStatusFromLabel(label string) (SkillStatus, error) {
	for _, s := range SkillStatuses {
		if s.Label() == label {
			return s, nil
		}
	}
	return "", fmt.Errorf("unknown skill status %q", label)
}

// Skill levels run from 0 (never touched) to MaxLevel (could teach it).
const (
	MaxLevel           = 5
	DefaultTargetLevel = 3
)

// LevelNames say what each level means, so a learner rates themselves the
// same way each time.
var LevelNames = [MaxLevel + 1]string{"0 – none", "1 – aware", "2 – guided", "3 – on my own", "4 – confident", "5 – could teach it"}

// Link is a resource on the web: a course, an article, a repository.
type Link struct {
	ID    uint
	Title string
	URL   string
}

// MaxHours bounds any single estimate.
const MaxHours = 10000

// CategoryLevels is the average current and target level of a category's
// skills that are not skipped, for the levels chart.
func CategoryLevels(c Category) (current, target float64) {
	n := 0
	for _, s := range c.Skills {
		if s.Status == SkillSkipped {
			continue
		}
		current += float64(s.CurrentLevel)
		target += float64(s.TargetLevel)
		n++
	}
	if n == 0 {
		return 0, 0
	}
	return current / float64(n), target / float64(n)
}
