package snapshot

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func TestCSVTables(t *testing.T) {
	doc, _ := Decode(strings.NewReader(valid))
	doc.Sessions = []Session{{Date: "2026-11-24", Start: "07:30", Minutes: 45, Skill: "Go", Notes: `said "hi", then left`}, {Date: "2026-11-25", Minutes: 20, Notes: "=HYPERLINK(\"x\")"}}
	doc.Projects = []Project{{Name: "API", Status: "done", Skills: []string{"Go"}}}
	tables, err := CSVTables(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"sessions.csv", "skills.csv", "steps.csv", "salaries.csv"} {
		data := tables[name]
		if !bytes.Contains(data, []byte("\r\n")) {
			t.Errorf("%s does not end lines with CRLF", name)
		}
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatalf("%s does not parse back: %v", name, err)
		}
		if len(rows) < 2 {
			t.Errorf("%s has no data rows", name)
		}
		for i, r := range rows {
			if len(r) != len(rows[0]) {
				t.Errorf("%s row %d has %d cells, the header %d", name, i, len(r), len(rows[0]))
			}
		}
	}
	sessions, _ := csv.NewReader(bytes.NewReader(tables["sessions.csv"])).ReadAll()
	want := []string{"2026-11-24", "07:30", "45", "Go", "", `said "hi", then left`}
	if strings.Join(sessions[1], "|") != strings.Join(want, "|") {
		t.Errorf("session row = %q, want %q", sessions[1], want)
	}
	if sessions[2][5] != `'=HYPERLINK("x")` {
		t.Errorf("a formula-like note is %q, want it defused", sessions[2][5])
	}
	skills, _ := csv.NewReader(bytes.NewReader(tables["skills.csv"])).ReadAll()
	if skills[1][1] != "Go" || skills[1][8] != "true" {
		t.Errorf("skill row = %q, want Go proven", skills[1])
	}
	salaries, _ := csv.NewReader(bytes.NewReader(tables["salaries.csv"])).ReadAll()
	if salaries[1][4] != "40000" || salaries[1][6] != "" {
		t.Errorf("salary row = %q, want plain numbers and an empty median", salaries[1])
	}
}

func TestDefuseCoversEveryFormulaStartOWASPLists(t *testing.T) {
	tests := []struct{ cell, want string }{
		{"=1+1", "'=1+1"},
		{"+SUM(A1)", "'+SUM(A1)"},
		{"-cmd", "'-cmd"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=cmd|' /C calc'!A0", "'\t=cmd|' /C calc'!A0"},
		{"\r=1", "'\r=1"},
		{"-3", "-3"},
		{"+4.5", "+4.5"},
		{"Go", "Go"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := defuse(tt.cell); got != tt.want {
			t.Errorf("defuse(%q) = %q, want %q", tt.cell, got, tt.want)
		}
	}
}
