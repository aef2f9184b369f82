package app

import (
	"testing"

	"github.com/studyplanner/studyplanner/internal/plan"
)

func TestJobStep(t *testing.T) {
	builtIn := []plan.Step{{ID: 1, Title: "Decide your timeline and learning format"}, {ID: 2, Title: "Learn the core skills", CoversSkills: true},
		{ID: 3, Title: "Build your portfolio and resume"}, {ID: 4, Title: "Find a job"}, {ID: 5, Title: "Ace the interview"}}
	for _, tc := range []struct {
		name  string
		steps []plan.Step
		want  uint // 0: none
	}{
		{"the built-in roadmap", builtIn, 4},
		{"renamed in other case", []plan.Step{{ID: 7, Title: "Job hunting tips"}, {ID: 8, Title: " find a JOB "}}, 8},
		{"a step of the learner's own", []plan.Step{{ID: 2, Title: "Learn the job's skills", CoversSkills: true}, {ID: 3, Title: "Apply to ten companies"}}, 3},
		{"the skills' step is never the job step", []plan.Step{{ID: 2, Title: "Skills for the job", CoversSkills: true}}, 0},
		{"no step about a job", []plan.Step{{ID: 1, Title: "Decide your pace"}}, 0},
		{"no roadmap", nil, 0},
	} {
		got, ok := JobStep(tc.steps)
		if ok != (tc.want != 0) || got.ID != tc.want {
			t.Errorf("%s: step %d (%v), want %d", tc.name, got.ID, ok, tc.want)
		}
	}
}
