package store

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// testdata/v3-timeline.db was written by the release with schema version 3:
// the roadmap of the version 2 file plus 12 h a week and a logged session.
func TestMigratesAVersion3DatabaseAndGivesItTheDefaultRates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v3.db")
	copyFile(t, "testdata/v3-timeline.db", path)
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	doc := mustExport(t, st)
	if doc.Plan.HoursPerWeek != 12 || len(doc.Sessions) != 1 || doc.Sessions[0].Notes != "v3 session" || doc.Sessions[0].Skill != "Go" {
		t.Errorf("timeline data after migration: %+v, sessions %+v", doc.Plan, doc.Sessions)
	}
	if len(doc.Salaries) != 5 || doc.Salaries[0].Level != "unspecified" || doc.Salaries[0].Min != 90000 {
		t.Errorf("salaries after migration = %+v", doc.Salaries)
	}
	if doc.Comparison != snapshot.DefaultComparison() {
		t.Errorf("comparison after migration = %+v", doc.Comparison)
	}
	if len(doc.ExchangeRates) != 0 {
		t.Fatalf("rates appeared before seeding: %+v", doc.ExchangeRates)
	}
	// The first start after the upgrade gives the default rates, once.
	defaults := sampleDocument()
	if _, err := st.Seed(defaults, samplePack(), today); err != nil {
		t.Fatal(err)
	}
	rates, _ := st.Rates()
	if len(rates) != 1 || rates[0].Currency != "USD" {
		t.Fatalf("rates after the first start = %+v", rates)
	}
	if err := st.DeleteRate("USD"); err != nil {
		t.Fatal(err)
	}
	st.Seed(defaults, samplePack(), today)
	if rates, _ := st.Rates(); len(rates) != 0 {
		t.Error("a rate the learner deleted came back")
	}
}

func TestSalariesRatesAndComparison(t *testing.T) {
	st := imported(t)
	id, err := st.AddSalary(salary.Range{Country: "Netherlands", CountryCode: "NL", Level: salary.Mid, Currency: "EUR",
		Min: 50000, Max: 65000, Median: 57000, Year: 2026, Source: "An offer I got"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddSalary(salary.Range{Country: "X", CountryCode: "XX", Level: salary.Mid, Currency: "EUR", Min: 9, Max: 1, Year: 2026}); err == nil {
		t.Error("a minimum above the maximum was saved")
	}
	ranges, _ := st.Salaries()
	last := ranges[len(ranges)-1]
	if last.ID != id || last.Median != 57000 || last.Level != salary.Mid {
		t.Errorf("stored %+v", last)
	}
	edited := last
	edited.Max = 70000
	if err := st.UpdateSalary(last, edited); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteSalary(id); err != nil {
		t.Fatal(err)
	}

	asOf := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	if err := st.SaveRate(salary.Rate{}, salary.Rate{Currency: "GBP", PerEUR: "0.8712", AsOf: asOf, Source: "ECB"}); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveRate(salary.Rate{}, salary.Rate{Currency: "GBP", PerEUR: "lots", AsOf: asOf}); err == nil {
		t.Error("a rate that is not a number was saved")
	}
	if err := st.SavePPP(salary.PPP{}, salary.PPP{CountryCode: "GB", Country: "United Kingdom", Factor: "0.70", Year: 2023}); err != nil {
		t.Fatal(err)
	}
	rates, _ := st.Rates()
	ppp, _ := st.PPPFactors()
	if len(rates) != 2 || rates[0].Currency != "GBP" || rates[0].PerEUR != "0.8712" || len(ppp) != 2 {
		t.Errorf("rates %+v, ppp %+v", rates, ppp)
	}
	want := salary.Comparison{Base: "GBP", TargetCountry: "GB", TargetLevel: salary.Senior}
	old, _ := st.Comparison()
	if err := st.UpdateComparison(old, want); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Comparison(); got != want {
		t.Errorf("comparison = %+v, want %+v", got, want)
	}
	// Saving the plan's settings leaves the comparison alone.
	s, _ := st.Settings()
	changed := s
	changed.HoursPerWeek = 11
	if err := st.UpdateSettings(s, changed); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Comparison(); got != want {
		t.Errorf("saving the plan changed the comparison to %+v", got)
	}
	if err := st.UpdateComparison(want, salary.Comparison{Base: "EURO", TargetCountry: "GB", TargetLevel: salary.Senior}); err == nil {
		t.Error("a base currency EURO was accepted")
	}
}

// testdata/v4-salaries.db was written by the release with schema version 4
// (commit 6fd0841): the built-in roadmap with Go done at level 0 (target
// 4) and Java being learned at level 2, a mid-level Dutch offer typed as a
// range from 58,000 to 58,000, step notes and a 50-minute Java session.
func TestMigratesAVersion4DatabaseKeepingEverything(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v4.db")
	copyFile(t, "testdata/v4-salaries.db", path)
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	doc := mustExport(t, st)
	if len(doc.Roadmap) != 5 || doc.Roadmap[0].Notes != "My notes from version 4" || len(doc.SkillCategories) != 9 {
		t.Fatalf("roadmap and skills after migration: %d steps, %d categories", len(doc.Roadmap), len(doc.SkillCategories))
	}
	if len(doc.Sessions) != 1 || doc.Sessions[0].Notes != "v4 session" || doc.Sessions[0].Minutes != 50 {
		t.Errorf("sessions after migration: %+v", doc.Sessions)
	}
	langs := map[string]snapshot.Skill{}
	for _, sk := range doc.SkillCategories[0].Skills {
		langs[sk.Name] = sk
	}
	for _, name := range []string{"Java", "Python", "Ruby", "Go"} {
		if langs[name].Group != "Main language" {
			t.Errorf("%s is in group %q, want the built-in roadmap's main language", name, langs[name].Group)
		}
	}
	if g := langs["Go"]; g.Status != "done" || g.CurrentLevel != 4 {
		t.Errorf("Go, done at level 0, is now %s at level %d; want done at its target 4", g.Status, g.CurrentLevel)
	}
	if j := langs["Java"]; j.Status != "learning" || j.CurrentLevel != 2 {
		t.Errorf("Java changed: %+v", j)
	}
	if len(doc.Salaries) != 6 {
		t.Fatalf("%d salaries after migration, want 6", len(doc.Salaries))
	}
	nl := doc.Salaries[5]
	if nl.Country != "Netherlands" || nl.Min != 58000 || nl.Max != 58000 || nl.Kind != "" || nl.City != "" {
		t.Errorf("the Dutch figure after migration: %+v (kept as a market range: the migration cannot know it was an offer)", nl)
	}
	for _, sk := range doc.SkillCategories[1].Skills {
		if sk.Group != "" {
			t.Errorf("%s was put in group %q", sk.Name, sk.Group)
		}
	}
}
