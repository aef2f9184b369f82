package plan

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestFindCycle(t *testing.T) {
	tests := []struct {
		name     string
		requires map[string][]string
		want     []string // nil for no cycle
	}{
		{"empty", nil, nil},
		{"chain", map[string][]string{"Web": {"HTTP"}, "HTTP": {"Networking"}}, nil},
		{"diamond", map[string][]string{"API": {"HTTP", "JSON"}, "HTTP": {"Basics"}, "JSON": {"Basics"}}, nil},
		{"self", map[string][]string{"Go": {"Go"}}, []string{"Go", "Go"}},
		{"pair", map[string][]string{"A": {"B"}, "B": {"A"}}, []string{"A", "B", "A"}},
		{"long", map[string][]string{"SQL": {"Design"}, "Design": {"ORM"}, "ORM": {"SQL"}, "Go": {"SQL"}}, []string{"Design", "ORM", "SQL", "Design"}},
		{"cycle past a clean branch", map[string][]string{"A": {"B", "C"}, "C": {"D"}, "D": {"C"}}, []string{"C", "D", "C"}},
	}
	for _, tt := range tests {
		err := FindCycle(tt.requires)
		switch {
		case tt.want == nil && err != nil:
			t.Errorf("%s: unexpected cycle %v", tt.name, err.Path)
		case tt.want != nil && err == nil:
			t.Errorf("%s: cycle %v not found", tt.name, tt.want)
		case tt.want != nil && !reflect.DeepEqual(err.Path, tt.want):
			t.Errorf("%s: cycle = %v, want %v", tt.name, err.Path, tt.want)
		}
	}
	err := FindCycle(map[string][]string{"A": {"B"}, "B": {"A"}})
	if !strings.Contains(err.Error(), "A → B → A") {
		t.Errorf("message %q does not name the cycle", err)
	}
}

func TestProvenSkills(t *testing.T) {
	projects := []Project{
		{Name: "API", Status: ProjectDone, SkillIDs: []uint{1, 2}},
		{Name: "CLI", Status: ProjectInProgress, SkillIDs: []uint{3}},
		{Name: "Blog", Status: ProjectDone, SkillIDs: []uint{2}},
	}
	got := ProvenSkills(projects)
	want := map[uint]bool{1: true, 2: true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ProvenSkills = %v, want %v (an unfinished project proves nothing)", got, want)
	}
}

func TestValidateSkillAndProject(t *testing.T) {
	good := Skill{Name: "Go", Status: SkillLearning, CurrentLevel: 1, TargetLevel: 4, Hours: 40}
	tests := []struct {
		name   string
		change func(*Skill)
		want   string
	}{
		{"valid", func(*Skill) {}, ""},
		{"no name", func(s *Skill) { s.Name = " " }, "name is missing"},
		{"long name", func(s *Skill) { s.Name = strings.Repeat("x", 201) }, "keep it to 200"},
		{"200 accented letters fit", func(s *Skill) { s.Name = strings.Repeat("é", 200) }, ""},
		{"escape in the name", func(s *Skill) { s.Name = "Go\x1b[2J" }, "control character"},
		{"practised in year 1", func(s *Skill) { s.LastPractised = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Hour) }, "out of range"},
		{"huge notes", func(s *Skill) { s.Notes = strings.Repeat("x", MaxNotesLen+1) }, "notes"},
		{"bad status", func(s *Skill) { s.Status = "mastered" }, "not a skill status"},
		{"level above 5", func(s *Skill) { s.CurrentLevel = 6 }, "current level"},
		{"negative target", func(s *Skill) { s.TargetLevel = -1 }, "target level"},
		{"negative hours", func(s *Skill) { s.Hours = -1 }, "estimate"},
		{"relative link", func(s *Skill) { s.Links = []Link{{URL: "go.dev/tour"}} }, "starting with https://"},
		{"javascript link", func(s *Skill) { s.Links = []Link{{URL: "javascript:alert(1)"}} }, "not a web address"},
		{"good link", func(s *Skill) { s.Links = []Link{{URL: "https://go.dev/tour/"}} }, ""},
	}
	for _, tt := range tests {
		s := good
		tt.change(&s)
		err := ValidateSkill(s)
		if (tt.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("%s: ValidateSkill = %v, want %q", tt.name, err, tt.want)
		}
	}
	if err := ValidateProject(Project{Name: "API", Status: ProjectDone, RepoURL: "github.com/me/api"}); err == nil {
		t.Error("a repository address without https:// was accepted")
	}
	if err := ValidateProject(Project{Name: "API", Status: ProjectDone}); err != nil {
		t.Errorf("a project without repository was refused: %v", err)
	}
}

func TestCategoryLevels(t *testing.T) {
	c := Category{Skills: []Skill{
		{CurrentLevel: 2, TargetLevel: 4},
		{CurrentLevel: 4, TargetLevel: 4},
		{CurrentLevel: 0, TargetLevel: 5, Status: SkillSkipped},
	}}
	cur, target := CategoryLevels(c)
	if cur != 3 || target != 4 {
		t.Errorf("CategoryLevels = %v, %v; want 3, 4 (skipped skills left out)", cur, target)
	}
	if cur, target := CategoryLevels(Category{}); cur != 0 || target != 0 {
		t.Errorf("empty category = %v, %v", cur, target)
	}
}
