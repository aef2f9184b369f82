package snapshot

import (
	"bytes"
	"strings"
	"testing"

	"github.com/studyplanner/studyplanner/internal/plan"
)

func encodedSize(t *testing.T, doc Document) int {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, doc); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

// TestMaxBytesCoversTheLargestRows checks the arithmetic behind MaxBytes
// against real encodings: what the largest session, prerequisite and
// stored text add to a document stays within the allowance MaxBytes makes
// for each.
func TestMaxBytesCoversTheLargestRows(t *testing.T) {
	widest := strings.Repeat("😀", plan.MaxNameLen) // four bytes a character
	base := Empty()
	base.Roadmap = []Step{{Title: widest, Status: "todo", Actions: []Action{}, Links: []Link{}}}
	base.SkillCategories = []Category{{Name: "c", Skills: []Skill{
		{Name: widest, Status: "not_started", Links: []Link{}, Prerequisites: []string{}},
		{Name: "x" + widest[4:], Status: "not_started", Links: []Link{}, Prerequisites: []string{}}}}}
	if err := base.Validate(); err != nil {
		t.Fatal(err)
	}
	before := encodedSize(t, base)

	const n = 100
	withSessions := base
	for i := 0; i < n; i++ {
		withSessions.Sessions = append(withSessions.Sessions, Session{Date: "2026-11-25", Start: "23:59", Minutes: plan.MaxSessionMinutes, Skill: widest, Step: widest})
	}
	if per := (encodedSize(t, withSessions) - before) / n; per > 2*nameJSON+rowJSON {
		t.Errorf("a session adds %d bytes; MaxBytes allows %d", per, 2*nameJSON+rowJSON)
	}

	withPrerequisite := base
	withPrerequisite.SkillCategories = []Category{{Name: "c", Skills: append([]Skill(nil), base.SkillCategories[0].Skills...)}}
	withPrerequisite.SkillCategories[0].Skills[1].Prerequisites = []string{widest}
	if per := encodedSize(t, withPrerequisite) - before; per > nameJSON+rowJSON {
		t.Errorf("a prerequisite adds %d bytes; MaxBytes allows %d", per, nameJSON+rowJSON)
	}

	// Stored text: quotes and line breaks are one byte stored, two written.
	worst := strings.Repeat("\"\n", plan.MaxNotesLen/2)
	withNotes := base
	withNotes.Roadmap = []Step{{Title: widest, Status: "todo", Notes: worst, Actions: []Action{}, Links: []Link{}}}
	if grew := encodedSize(t, withNotes) - before; grew > textJSON*len(worst) {
		t.Errorf("%d bytes of notes add %d bytes; MaxBytes allows %d", len(worst), grew, textJSON*len(worst))
	}
	if MaxBytes < textJSON*MaxDataBytes+plan.MaxSessions*(2*nameJSON+rowJSON) {
		t.Errorf("MaxBytes (%d) is below what the stored text and the sessions alone can export to", MaxBytes)
	}
}

// TestAPackCannotHoldMoreThanTheAppKeeps is the class "a pack imports
// whose export is then refused": limits count every step's checklist
// together, not each list on its own.
func TestAPackCannotHoldMoreThanTheAppKeeps(t *testing.T) {
	p := Pack{Format: PackFormat, Version: PackVersion, Name: "Huge", SkillCategories: []PackCategory{}}
	for i := 0; i < 3; i++ {
		actions := make([]string, plan.MaxActions/2)
		for j := range actions {
			actions[j] = "item"
		}
		p.Roadmap = append(p.Roadmap, PackStep{Title: strings.Repeat("s", i+1), Actions: actions, Links: []Link{}})
	}
	err := p.Validate()
	if err == nil || !strings.Contains(err.Error(), "at most 20,000 checklist items, and this would make 30,000") {
		t.Errorf("a pack with 30,000 checklist items: %v", err)
	}
}
