package snapshot

import (
	"bytes"
	"strings"
	"testing"
)

func TestResumeInTheDocument(t *testing.T) {
	base := func() Document {
		return Document{Format: Format, Version: Version, Plan: DefaultPlan(),
			SkillCategories: []Category{{Name: "Languages", Skills: []Skill{{Name: "Go", Status: "done", CurrentLevel: 3, TargetLevel: 3}}}},
			Projects:        []Project{{Name: "Todo API", Status: "done", Skills: []string{"Go"}}},
			Comparison:      DefaultComparison(),
			Resume: &Resume{Profile: ResumeProfile{Name: "Ελένη", Email: "eleni@example.com"},
				Work:     []ResumeWork{{Company: "Acme", Position: "Support", Start: "2020-02"}},
				Versions: []ResumeVersion{{Name: "Acme", Skills: []string{"Go"}, Projects: []string{"Todo API"}, Created: "2026-11-25T10:00:00Z"}}}}
	}
	var buf bytes.Buffer
	if err := Encode(&buf, base()); err != nil {
		t.Fatal(err)
	}
	doc, err := Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Resume.Profile.Name != "Ελένη" || doc.Resume.Versions[0].Skills[0] != "Go" {
		t.Errorf("decoded %+v", doc.Resume)
	}
	tests := []struct {
		name string
		edit func(d *Document)
		want string
	}{
		{"bad email", func(d *Document) { d.Resume.Profile.Email = "nope" }, "resume.profile: \"nope\" is not an email address"},
		{"job without start", func(d *Document) { d.Resume.Work[0].Start = "" }, "resume.work[0]: the job's start is missing"},
		{"version names an unknown skill", func(d *Document) { d.Resume.Versions[0].Skills = []string{"Rust"} }, "resume.versions[0].skills: names \"Rust\""},
		{"version names an unknown project", func(d *Document) { d.Resume.Versions[0].Projects = []string{"Gone"} }, "resume.versions[0].projects"},
		{"two versions of one name", func(d *Document) { d.Resume.Versions = append(d.Resume.Versions, d.Resume.Versions[0]) }, "used by an earlier version"},
		{"bad created time", func(d *Document) { d.Resume.Versions[0].Created = "yesterday" }, "resume.versions[0].created"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := base()
			tt.edit(&d)
			err := d.Validate()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
		})
	}
}
