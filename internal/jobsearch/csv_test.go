package jobsearch

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestCSVRoundTripKeepsApplicationsAndHistories(t *testing.T) {
	b := seeded()
	b.Applications[5].Notes = "=HYPERLINK(\"x\")\n- second line, with \"quotes\""
	b.Applications[5].SalaryAsked, b.Applications[5].Currency, b.Applications[5].Remote = 52000, "EUR", Hybrid
	b.Applications[6].History[0].Note = "sent, with a cover letter"
	var apps, events bytes.Buffer
	if err := WriteCSV(b, &apps, &events); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(apps.String(), strings.Join(ApplicationColumns, ",")+"\r\n") {
		t.Errorf("header or line ends: %q", apps.String()[:120])
	}
	if !strings.Contains(apps.String(), `"'=HYPERLINK(""x"")`) {
		t.Error("a formula was not defused or quotes not doubled")
	}
	got, err := ReadCSV(&apps, &events, nil, b.Stages, day("2030-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Bad) != 0 || len(got.Good) != 40 {
		t.Fatalf("good %d bad %+v", len(got.Good), got.Bad)
	}
	for i, r := range got.Good {
		want := b.Applications[i]
		want.ID = 0
		for j := range want.History {
			want.History[j].ID = 0
		}
		if !reflect.DeepEqual(r.Application, want) {
			t.Fatalf("application %d:\n got %+v\nwant %+v", i, r.Application, want)
		}
	}
}

func TestCSVWithBadRowsNamesEachAndWhy(t *testing.T) {
	in := "Firma,Stelle,Datum,Status,Gehalt\r\n" +
		"Acme,Go developer,2026-03-02,Applied,\r\n" +
		",Backend developer,2026-03-03,Applied,\r\n" +
		"Beta,Dev,03/04/2026,Applied,\r\n" +
		"Gamma,Dev,2026-03-05,Interviewing,\r\n" +
		"Delta,Dev,2026-03-06,screening,\r\n" +
		"Eps,Dev,2026-03-07,Applied,lots\r\n" +
		"Zeta,Dev,2026-03-11,Applied,\r\n"
	m, err := ParseMapping("company=Firma, role=Stelle,date=Datum,stage=Status,salary_asked=Gehalt")
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadCSV(strings.NewReader(in), nil, m, DefaultStages(), day("2026-03-10"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Good) != 2 || got.Good[0].Application.Company != "Acme" || got.Good[1].Application.Current().StageID != sScreening {
		t.Errorf("good rows %+v", got.Good)
	}
	want := map[int]string{3: "company is missing", 4: "not a date", 5: `"Interviewing" is not a stage`, 7: "not a whole number", 8: "2026-03-11 is in the future"}
	if len(got.Bad) != len(want) {
		t.Fatalf("bad rows %+v", got.Bad)
	}
	for _, r := range got.Bad {
		if !strings.Contains(r.Err.Error(), want[r.Line]) {
			t.Errorf("row %d: %v, want %q", r.Line, r.Err, want[r.Line])
		}
	}
}

func TestCSVFilesThatCannotBeRead(t *testing.T) {
	cases := map[string]string{
		"":                                 "empty",
		"name,when\r\nAcme,today\r\n":      "no column holds the company",
		"company,role\r\n\"Acme,Dev\r\n":   "not valid CSV",
		"company,role\r\n\xff\xfe,Dev\r\n": "not UTF-8",
	}
	for in, want := range cases {
		_, err := ReadCSV(strings.NewReader(in), nil, nil, DefaultStages(), day("2030-01-01"))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", in, err, want)
		}
	}
	if _, err := ParseMapping("company"); err == nil {
		t.Error("a mapping without = was accepted")
	}
	if _, err := ParseMapping("salary=Pay"); err == nil || !strings.Contains(err.Error(), "not a field") {
		t.Errorf("unknown field: %v", err)
	}
	if _, err := (Mapping{"company": "Firm"}).Columns([]string{"Company", "Role"}); err == nil || !strings.Contains(err.Error(), "no column \"Firm\"") {
		t.Errorf("mapped header missing: %v", err)
	}
}
