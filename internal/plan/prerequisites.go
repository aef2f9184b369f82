package plan

import (
	"fmt"
	"sort"
	"strings"
)

// prerequisiteOrder orders skills so that every prerequisite comes before
// its dependants and, among skills free to go, in checklist order (Kahn's
// algorithm). Skills in a prerequisite circle, which the store refuses,
// come last rather than not at all.
func prerequisiteOrder(open []Skill) []int {
	index := map[uint]int{}
	for i, sk := range open {
		index[sk.ID] = i
	}
	waiting := make([]int, len(open)) // open prerequisites not yet placed
	dependants := map[int][]int{}
	for i, sk := range open {
		for _, pre := range sk.Prerequisites {
			if j, ok := index[pre]; ok {
				waiting[i]++
				dependants[j] = append(dependants[j], i)
			}
		}
	}
	var ready []int
	for i := range open {
		if waiting[i] == 0 {
			ready = append(ready, i)
		}
	}
	placed := make([]bool, len(open))
	var order []int
	for len(ready) > 0 {
		sort.Ints(ready)
		i := ready[0]
		ready = ready[1:]
		placed[i] = true
		order = append(order, i)
		for _, d := range dependants[i] {
			if waiting[d]--; waiting[d] == 0 {
				ready = append(ready, d)
			}
		}
	}
	for i := range open {
		if !placed[i] {
			order = append(order, i)
		}
	}
	return order
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
