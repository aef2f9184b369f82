package dataset

import (
	"testing"
	"time"
)

func TestLargeIsValidAndAsBigAsPromised(t *testing.T) {
	doc := Large(1, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC))
	if err := doc.Validate(); err != nil {
		t.Fatalf("the large dataset is not a valid document: %v", err)
	}
	skills := 0
	for _, c := range doc.SkillCategories {
		skills += len(c.Skills)
	}
	if len(doc.SkillCategories) != Categories || skills != Skills || len(doc.Roadmap) != Steps ||
		len(doc.Projects) != Projects || len(doc.Salaries) != Salaries {
		t.Errorf("sizes: %d categories, %d skills, %d steps, %d projects, %d salaries", len(doc.SkillCategories), skills, len(doc.Roadmap), len(doc.Projects), len(doc.Salaries))
	}
	if n := len(doc.Sessions); n < 8000 || n > 12000 {
		t.Errorf("%d sessions, want about 10,000", n)
	}
}

func TestDemoIsAValidLearnerPartWayThrough(t *testing.T) {
	content, pack := defaults(t)
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	doc := Demo(content, pack, today)
	if err := doc.Validate(); err != nil {
		t.Fatalf("the demo is not a valid document: %v", err)
	}
	if doc.Roadmap[0].Status != "done" || len(doc.Sessions) < 20 || doc.Projects[0].Status != "done" {
		t.Errorf("the demo learner has %d sessions, first step %q, first project %q", len(doc.Sessions), doc.Roadmap[0].Status, doc.Projects[0].Status)
	}
}

func TestCopiedKeepsTheLastFiveYearsAsTheyAre(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	one, sixteen := Large(1, today), Copied(1, today, 16)
	if err := sixteen.Validate(); err != nil {
		t.Fatalf("the ×16 dataset is not a valid document: %v", err)
	}
	if got, want := len(sixteen.Sessions), 16*len(one.Sessions); got != want {
		t.Errorf("%d sessions, want %d", got, want)
	}
	start := today.AddDate(-Years, 0, 0).Format(time.DateOnly)
	var inOriginal int
	for _, s := range sixteen.Sessions {
		if s.Date >= start {
			inOriginal++
		}
	}
	if inOriginal != len(one.Sessions) {
		t.Errorf("the last five years hold %d sessions at ×16, %d at ×1", inOriginal, len(one.Sessions))
	}
}
