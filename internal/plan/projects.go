package plan

import (
	"fmt"
	"time"
)

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
	// Started and Finished are when the work began and ended, for the
	// résumé; zero when not given.
	Started, Finished time.Time
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
