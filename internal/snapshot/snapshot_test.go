package snapshot

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const valid = `{
  "format": "studyplanner",
  "version": 1,
  "plan": {"start_date": "2026-11-25", "horizon_months": 9},
  "roadmap": [{"title": "Decide", "summary": "", "status": "todo", "hours": 5, "covers_skills": false,
               "actions": [{"text": "Count your hours", "done": true}]}],
  "skill_categories": [{"name": "Languages", "skills": [{"name": "Go", "hours": 80, "done": false}]}],
  "salaries": [{"country": "Germany", "country_code": "DE", "currency": "EUR", "min": 40000, "max": 70000, "year": 2023, "source": "x"}]
}`

func TestDecodeValid(t *testing.T) {
	doc, err := Decode(strings.NewReader(valid))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if doc.Roadmap[0].Actions[0].Text != "Count your hours" || !doc.Roadmap[0].Actions[0].Done {
		t.Errorf("action not read: %+v", doc.Roadmap[0].Actions)
	}
	if doc.Salaries[0].Max != 70000 {
		t.Errorf("salary max = %d", doc.Salaries[0].Max)
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	doc, err := Decode(strings.NewReader(valid))
	if err != nil {
		t.Fatal(err)
	}
	var first, second bytes.Buffer
	if err := Encode(&first, doc); err != nil {
		t.Fatal(err)
	}
	again, err := Decode(bytes.NewReader(first.Bytes()))
	if err != nil {
		t.Fatalf("decoding our own output: %v", err)
	}
	if err := Encode(&second, again); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Errorf("encode → decode → encode changed the bytes:\n%s\n---\n%s", first.String(), second.String())
	}
}

func TestDecodeRejects(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"empty", "  \n", "empty"},
		{"truncated", valid[:len(valid)/2], "cut short"},
		{"not json", "hello", "not a Study Planner file"},
		{"broken json", "{\n  \"format\": nope", "not valid JSON at line 2"},
		{"a list, not an object", `[1, 2]`, "not a Study Planner file"},
		{"format of the wrong kind", `{"format": ["studyplanner"], "version": 4}`, `the field "format" holds a list where text belongs`},
		{"foreign json", `{"name": "something else"}`, "not a Study Planner document"},
		{"newer version", strings.Replace(valid, `"version": 1`, `"version": 99`, 1), "newer Study Planner"},
		{"unknown field", strings.Replace(valid, `"hours": 5,`, `"hours": 5, "colour": "red",`, 1), `"colour"`},
		{"trailing data", valid + valid, "extra data"},
		{"wrong type", strings.Replace(valid, `"hours": 5`, `"hours": "five"`, 1), "roadmap.hours"},
		{"bad status", strings.Replace(valid, `"status": "todo"`, `"status": "finished"`, 1), `roadmap[0]: "finished" is not a step status`},
		{"bad date", strings.Replace(valid, `2026-11-25`, `25/11/2026`, 1), "plan.start_date"},
		{"horizon", strings.Replace(valid, `"horizon_months": 9`, `"horizon_months": 0`, 1), "plan.horizon_months"},
		{"empty title", strings.Replace(valid, `"title": "Decide"`, `"title": " "`, 1), "roadmap[0]: the step's title is missing"},
		{"negative hours", strings.Replace(valid, `"hours": 80`, `"hours": -3`, 1), "skill_categories[0].skills[0]: the estimate must be between 0 and 10000 hours, not -3"},
		{"min above max", strings.Replace(valid, `"min": 40000`, `"min": 90000`, 1), "minimum 90,000 is above the maximum 70,000"},
		{"unknown currency", strings.Replace(valid, `"EUR"`, `"EUX"`, 1), "not a known ISO 4217"},
		{"lower-case country", strings.Replace(valid, `"DE"`, `"de"`, 1), `salaries[0]: the country code "de"`},
		{"implausible year", strings.Replace(valid, `"year": 2023`, `"year": 23`, 1), "year 23"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(strings.NewReader(tt.doc))
			if err == nil {
				t.Fatal("Decode accepted it")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
		})
	}
}

func TestValidateCountsEveryProblem(t *testing.T) {
	doc, _ := Decode(strings.NewReader(valid))
	for i := 0; i < 15; i++ {
		doc.Roadmap = append(doc.Roadmap, Step{Title: "", Status: "todo"})
	}
	err := doc.Validate()
	if err == nil {
		t.Fatal("15 empty titles accepted")
	}
	if !strings.Contains(err.Error(), "15 problem(s)") || !strings.Contains(err.Error(), "and 5 more") {
		t.Errorf("error does not count the problems it leaves out: %v", err)
	}
}

func TestDecodeRejectsOversizedInput(t *testing.T) {
	// A sparse file: as large as the limit allows plus one, without using
	// the memory or the disk.
	path := filepath.Join(t.TempDir(), "huge.json")
	if err := os.WriteFile(path, []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, MaxBytes+1); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := Decode(f); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("Decode of %d bytes = %v, want a size error", MaxBytes+1, err)
	}
}

// TestThePlansStudyTimeIsATimeOfDay: version 5 keeps the study time,
// written HH:MM, and leaves it out when it is not set.
// Fails on 522c7e7: study_time was an unknown field.
func TestThePlansStudyTimeIsATimeOfDay(t *testing.T) {
	doc := Empty()
	doc.Plan.StartDate = "2026-11-25"
	var buf bytes.Buffer
	if err := Encode(&buf, doc); err != nil {
		t.Fatal(err)
	}
	unset := buf.String()
	if strings.Contains(unset, "study_time") {
		t.Error("an unset study time is written")
	}
	set := strings.Replace(unset, `"min_streak_minutes": 15,`, `"min_streak_minutes": 15, "study_time": "18:30",`, 1)
	if got, err := Decode(strings.NewReader(set)); err != nil || got.Plan.StudyTime != "18:30" {
		t.Errorf("Decode(study_time 18:30) = %q, %v", got.Plan.StudyTime, err)
	}
	bad := strings.Replace(set, `"18:30"`, `"6pm"`, 1)
	if _, err := Decode(strings.NewReader(bad)); err == nil ||
		!strings.Contains(err.Error(), `plan.study_time: must be a 24-hour time of day written HH:MM, like 18:30, not "6pm"`) {
		t.Errorf("Decode(study_time 6pm) = %v", err)
	}
}
