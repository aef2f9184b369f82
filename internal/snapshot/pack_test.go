package snapshot

import (
	"bytes"
	"strings"
	"testing"
)

const validPack = `{
  "format": "studyplanner-pack", "version": 1, "name": "DevOps", "description": "Ship and run services",
  "roadmap": [{"title": "Learn Linux", "summary": "", "hours": 40, "covers_skills": false, "actions": ["Install a distribution"], "links": []}],
  "skill_categories": [{"name": "Ops", "skills": [
    {"name": "Linux", "hours": 40, "target_level": 3, "prerequisites": [], "links": [{"title": "Guide", "url": "https://example.com"}]},
    {"name": "Docker", "hours": 20, "target_level": 3, "prerequisites": ["Linux"], "links": []}]}]
}`

func TestDecodePack(t *testing.T) {
	p, err := DecodePack(strings.NewReader(validPack))
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	EncodePack(&a, p)
	again, err := DecodePack(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatalf("decoding our own pack: %v", err)
	}
	EncodePack(&b, again)
	if a.String() != b.String() {
		t.Error("pack encode → decode → encode changed the bytes")
	}
	if got := p.Summary(); got != `"DevOps": 1 steps, 2 skills in 1 categories` {
		t.Errorf("Summary() = %q", got)
	}
}

func TestDecodePackRejects(t *testing.T) {
	tests := []struct{ name, pack, want string }{
		{"a backup", valid, "full Study Planner backup"},
		{"cycle", strings.Replace(validPack, `"prerequisites": []`, `"prerequisites": ["Docker"]`, 1), "Docker → Linux → Docker"},
		{"unknown prerequisite", strings.Replace(validPack, `["Linux"]`, `["Kubernetes"]`, 1), `"Kubernetes", which is not a skill`},
		{"self", strings.Replace(validPack, `["Linux"]`, `["Docker"]`, 1), "cannot be its own prerequisite"},
		{"bad link", strings.Replace(validPack, "https://example.com", "example.com", 1), `"example.com" is not a web address`},
		{"progress in a pack", strings.Replace(validPack, `"hours": 20,`, `"hours": 20, "status": "done",`, 1), `"status"`},
		{"level", strings.Replace(validPack, `"target_level": 3, "prerequisites": []`, `"target_level": 7, "prerequisites": []`, 1), "target level must be between 0 and 5, not 7"},
		{"no name", strings.Replace(validPack, `"name": "DevOps"`, `"name": ""`, 1), "name: the pack's name is missing"},
	}
	for _, tt := range tests {
		_, err := DecodePack(strings.NewReader(tt.pack))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: DecodePack = %v, want an error mentioning %q", tt.name, err, tt.want)
		}
	}
}

func TestVersion1DocumentsAreUpgraded(t *testing.T) {
	doc, err := Decode(strings.NewReader(valid))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Version != Version {
		t.Errorf("version %d after upgrade, want %d", doc.Version, Version)
	}
	sk := doc.SkillCategories[0].Skills[0]
	if sk.Status != "not_started" || sk.TargetLevel != 3 || sk.Prerequisites == nil || sk.Links == nil {
		t.Errorf("upgraded skill = %+v", sk)
	}
	done := strings.Replace(valid, `"hours": 80, "done": false`, `"hours": 80, "done": true`, 1)
	doc, err = Decode(strings.NewReader(done))
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.SkillCategories[0].Skills[0].Status; got != "done" {
		t.Errorf("a done version 1 skill has status %q", got)
	}
	// A version 1 document may not use version 2 fields.
	if _, err := Decode(strings.NewReader(strings.Replace(valid, `"hours": 80,`, `"hours": 80, "status": "done",`, 1))); err == nil {
		t.Error("a version 1 document with a version 2 field was accepted")
	}
}
