package plan

import (
	"reflect"
	"testing"
)

func steps(statuses ...StepStatus) []Step {
	out := make([]Step, len(statuses))
	for i, s := range statuses {
		out[i] = Step{ID: uint(i + 1), Title: string(rune('A' + i)), Status: s, Hours: 10}
	}
	return out
}

func TestSummarize(t *testing.T) {
	cats := []Category{{Name: "Languages", Skills: []Skill{
		{Name: "Go", Hours: 30, Status: SkillDone},
		{Name: "Python", Hours: 50},
	}}}
	withChecklist := steps(StepInProgress, StepTodo)
	withChecklist[0].Actions = []Action{{Text: "one", Done: true}, {Text: "two"}, {Text: "three"}, {Text: "four", Done: true}}

	tests := []struct {
		name        string
		steps       []Step
		cats        []Category
		wantPercent int
		wantSteps   [2]int // done, total
		wantSkills  [2]int
		wantCurrent string
	}{
		{"empty", nil, nil, 0, [2]int{0, 0}, [2]int{0, 0}, ""},
		{"fresh", steps(StepTodo, StepTodo), cats, 30, [2]int{0, 2}, [2]int{1, 2}, "A"}, // 30 of 100 hours
		{"one step done", steps(StepDone, StepTodo), cats, 40, [2]int{1, 2}, [2]int{1, 2}, "B"},
		{"in progress wins over an earlier todo", steps(StepTodo, StepInProgress), nil, 0, [2]int{0, 2}, [2]int{0, 0}, "B"},
		{"skipped leaves the totals", steps(StepSkipped, StepDone), nil, 100, [2]int{1, 1}, [2]int{0, 0}, ""},
		{"half a checklist is half a step", withChecklist, nil, 25, [2]int{0, 2}, [2]int{0, 0}, "A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Summarize(tt.steps, tt.cats)
			if got := o.Percent(); got != tt.wantPercent {
				t.Errorf("Percent() = %d, want %d", got, tt.wantPercent)
			}
			if got := [2]int{o.StepsDone, o.StepsTotal}; got != tt.wantSteps {
				t.Errorf("steps = %v, want %v", got, tt.wantSteps)
			}
			if got := [2]int{o.SkillsDone, o.SkillsTotal}; got != tt.wantSkills {
				t.Errorf("skills = %v, want %v", got, tt.wantSkills)
			}
			current := ""
			if o.Current != nil {
				current = o.Current.Title
			}
			if current != tt.wantCurrent {
				t.Errorf("current step = %q, want %q", current, tt.wantCurrent)
			}
		})
	}
}

func TestPercentNeverRoundsUpToDone(t *testing.T) {
	o := Overview{HoursDone: 995, HoursTotal: 1000}
	if got := o.Percent(); got != 99 {
		t.Errorf("Percent() = %d, want 99 until everything is done", got)
	}
}

func TestPercentWithoutEstimatesCountsItems(t *testing.T) {
	st := []Step{{Title: "A", Status: StepDone}, {Title: "B", Status: StepTodo}}
	cats := []Category{{Skills: []Skill{{Name: "Go", Status: SkillDone}, {Name: "SQL"}}}}
	if got := Summarize(st, cats).Percent(); got != 50 {
		t.Errorf("Percent() = %d, want 50 (2 of 4 items)", got)
	}
}

func TestNextActions(t *testing.T) {
	learn := Step{Title: "Learn", Status: StepInProgress, CoversSkills: true, Actions: []Action{
		{Text: "Pick a language", Done: true}, {Text: "Set up an editor"},
	}}
	cats := []Category{
		{Name: "Languages", Skills: []Skill{{Name: "Go", Status: SkillDone}, {Name: "Python"}}},
		{Name: "Data", Skills: []Skill{{Name: "SQL"}, {Name: "Redis"}, {Name: "Kafka"}, {Name: "Spark"}}},
	}
	got := Summarize([]Step{learn}, cats).NextActions
	want := []string{"Set up an editor", "Study Python", "Study SQL", "Study Redis", "Study Kafka"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("NextActions = %q, want %q", got, want)
	}

	plain := Step{Title: "Job", Status: StepTodo, Actions: []Action{{Text: "Apply"}}}
	if got := Summarize([]Step{plain}, cats).NextActions; !reflect.DeepEqual(got, []string{"Apply"}) {
		t.Errorf("a step without skills lists only its checklist, got %q", got)
	}
}

func TestStepFraction(t *testing.T) {
	acts := []Action{{Done: true}, {}, {}}
	tests := []struct {
		s    Step
		want float64
	}{
		{Step{Status: StepDone, Actions: acts}, 1},
		{Step{Status: StepSkipped, Actions: acts}, 0},
		{Step{Status: StepInProgress, Actions: acts}, 1.0 / 3},
		{Step{Status: StepTodo}, 0},
	}
	for _, tt := range tests {
		if got := StepFraction(tt.s); got != tt.want {
			t.Errorf("StepFraction(%v) = %v, want %v", tt.s.Status, got, tt.want)
		}
	}
}

func TestSkippedAndProvenSkills(t *testing.T) {
	cats := []Category{{Name: "Languages", Skills: []Skill{
		{Name: "Go", Hours: 40, Status: SkillDone, Proven: true},
		{Name: "Ruby", Hours: 40, Status: SkillSkipped},
		{Name: "Python", Hours: 40, Status: SkillLearning},
	}}}
	o := Summarize(nil, cats)
	if o.SkillsDone != 1 || o.SkillsTotal != 2 || o.SkillsProven != 1 {
		t.Errorf("done/total/proven = %d/%d/%d, want 1/2/1 (a skipped skill leaves the total)", o.SkillsDone, o.SkillsTotal, o.SkillsProven)
	}
	if o.Percent() != 50 {
		t.Errorf("Percent() = %d, want 50: skipped hours are not owed", o.Percent())
	}
	if done, total := CategoryProgress(cats[0]); done != 1 || total != 2 {
		t.Errorf("CategoryProgress = %d of %d, want 1 of 2", done, total)
	}
}
