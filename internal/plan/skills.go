package plan

import (
	"fmt"
	"sort"
	"strings"
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
		return "Skipped"
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

// ProjectStatus is how far a portfolio project has come.
type ProjectStatus string

// The statuses a project can have, in display order.
const (
	ProjectPlanned    ProjectStatus = "planned"
	ProjectInProgress ProjectStatus = "in_progress"
	ProjectDone       ProjectStatus = "done"
)

// ProjectStatuses lists every valid project status.
var ProjectStatuses = []ProjectStatus{ProjectPlanned, ProjectInProgress, ProjectDone}

// Valid reports whether s is one of ProjectStatuses.
func (s ProjectStatus) Valid() bool {
	for _, v := range ProjectStatuses {
		if s == v {
			return true
		}
	}
	return false
}

// Label is the status as a person reads it.
func (s ProjectStatus) Label() string {
	switch s {
	case ProjectPlanned:
		return "Planned"
	case ProjectInProgress:
		return "In progress"
	case ProjectDone:
		return "Finished"
	}
	return string(s)
}

// ProjectStatusFromLabel is the inverse of Label.
func ProjectStatusFromLabel(label string) (ProjectStatus, error) {
	for _, s := range ProjectStatuses {
		if s.Label() == label {
			return s, nil
		}
	}
	return "", fmt.Errorf("unknown project status %q", label)
}

// Project is a piece of portfolio work that demonstrates skills.
type Project struct {
	ID          uint
	Name        string
	Description string
	RepoURL     string
	Status      ProjectStatus
	SkillIDs    []uint
}

// ProvenSkills are the skills at least one finished project demonstrates.
func ProvenSkills(projects []Project) map[uint]bool {
	proven := map[uint]bool{}
	for _, p := range projects {
		if p.Status != ProjectDone {
			continue
		}
		for _, id := range p.SkillIDs {
			proven[id] = true
		}
	}
	return proven
}

// CycleError says which skills require each other in a circle.
type CycleError struct {
	Path []string // the names around the cycle, first repeated at the end
}

// maxCycleNamesShown bounds the names a cycle's message lists.
const maxCycleNamesShown = 12

func (e *CycleError) Error() string {
	names := e.Path
	if len(names) > maxCycleNamesShown {
		left := len(names) - maxCycleNamesShown
		names = append(append(append([]string(nil), names[:maxCycleNamesShown-2]...),
			fmt.Sprintf("… %d more …", left)), names[len(names)-2:]...)
	}
	return "these prerequisites go round in a circle: " + strings.Join(names, " → ") +
		"; remove one of them so there is a skill to start with"
}

// FindCycle looks for a circle in a prerequisite graph given as
// skill → the skills it requires. It returns nil when there is none. The
// search visits skills in name order, so the same graph always reports the
// same cycle.
func FindCycle(requires map[string][]string) *CycleError {
	const (
		unvisited = iota
		onPath
		finished
	)
	state := map[string]int{}
	var path []string
	var visit func(name string) *CycleError
	visit = func(name string) *CycleError {
		state[name] = onPath
		path = append(path, name)
		deps := append([]string(nil), requires[name]...)
		sort.Strings(deps)
		for _, d := range deps {
			switch state[d] {
			case onPath:
				start := 0
				for i, n := range path {
					if n == d {
						start = i
					}
				}
				cycle := append(append([]string(nil), path[start:]...), d)
				return &CycleError{Path: cycle}
			case unvisited:
				if err := visit(d); err != nil {
					return err
				}
			}
		}
		path = path[:len(path)-1]
		state[name] = finished
		return nil
	}
	names := make([]string, 0, len(requires))
	for n := range requires {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if state[n] == unvisited {
			if err := visit(n); err != nil {
				return err
			}
		}
	}
	return nil
}

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
