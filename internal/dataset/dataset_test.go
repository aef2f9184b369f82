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
