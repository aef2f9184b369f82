package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/salary"
)

// testdata/v6-before-sources.db was written by the build with schema
// version 6 (main at 8c19016): the built-in content with the learner's
// own edits: Australia's factor typed as 1.45 with their own source, the
// pound's rate rounded by hand, a Swiss franc rate typed from a bank
// statement, an offer in Zurich, and 45 minutes of Go.
func TestMigratesAVersion6DatabaseGivingItsFiguresSources(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v6.db")
	copyFile(t, "testdata/v6-before-sources.db", path)
	st, err := Open(path)
	must(t, err)
	defer st.Close()

	ranges, err := st.Salaries()
	must(t, err)
	if len(ranges) != 6 || ranges[5].City != "Zurich" || ranges[5].Source != "Acme AG" || !ranges[5].SourceDate.IsZero() {
		t.Fatalf("salaries after migration: %+v", ranges)
	}
	for _, r := range ranges[:5] {
		if r.SourceDate.Format(time.DateOnly) != "2023-09-05" || !strings.HasPrefix(r.Source, "KnowledgeHut") {
			t.Errorf("%s: source %q of %v, want the article's, dated 5 Sep 2023", r.Country, r.Source, r.SourceDate)
		}
	}

	rates, err := st.Rates()
	must(t, err)
	byCurrency := map[string]salary.Rate{}
	for _, r := range rates {
		byCurrency[r.Currency] = r
	}
	if r := byCurrency["USD"]; r.Manual || r.PerEUR != "1.0813" || !strings.Contains(r.Link, "EXR/A.USD.EUR.SP00.A") {
		t.Errorf("the shipped dollar rate: %+v, want it kept, not hand-typed, linked to its ECB series", r)
	}
	if r := byCurrency["GBP"]; !r.Manual || r.PerEUR != "0.87000" || r.Source != "Rounded by hand from the ECB page" || r.Link != "" {
		t.Errorf("the pound rounded by hand: %+v, want it marked hand-typed with its own note", r)
	}
	if r := byCurrency["CHF"]; !r.Manual || r.Source != "Typed from my bank's statement" {
		t.Errorf("the typed franc: %+v", r)
	}

	factors, err := st.PPPFactors()
	must(t, err)
	want := map[string]string{"US": "1", "CA": "1.213754", "GB": "0.710629", "AU": "1.45", "DE": "0.746175"}
	for _, p := range factors {
		if p.Factor != want[p.CountryCode] {
			t.Errorf("%s factor %q, want %q", p.CountryCode, p.Factor, want[p.CountryCode])
		}
		switch p.CountryCode {
		case "AU":
			if p.Source != "My own estimate from a 2024 price survey" || p.Link != "" {
				t.Errorf("the learner's own Australian factor lost its note: %+v", p)
			}
		default:
			if !strings.Contains(p.Source, "World Bank") || p.Link != salary.WorldBankPage {
				t.Errorf("%s: %+v, want the World Bank cited and linked", p.CountryCode, p)
			}
		}
	}

	medians, err := st.SurveyMedians()
	must(t, err)
	if len(medians) != 8 {
		t.Fatalf("survey medians: %d, want 8", len(medians))
	}
	for _, m := range medians {
		if m.CountryCode == "CA" || m.CountryCode == "AU" {
			t.Errorf("a median for %s, which the survey omits", m.Country)
		}
		if err := m.Validate(); err != nil {
			t.Errorf("%+v: %v", m, err)
		}
	}
	logged, err := st.Logged()
	must(t, err)
	goSkill, _ := findSkill(t, st, "Go")
	if logged.BySkill[goSkill.ID] != 45 {
		t.Errorf("Go's minutes after migration: %d, want 45", logged.BySkill[goSkill.ID])
	}
	doc := mustExport(t, st)
	if len(doc.SurveyMedians) != 8 || doc.ExchangeRates[3].Currency != "GBP" || !doc.ExchangeRates[3].Manual {
		t.Errorf("the export carries medians %d and rates %+v", len(doc.SurveyMedians), doc.ExchangeRates)
	}
}

func fixing(date string, rates ...string) salary.Fixing {
	d, _ := time.Parse(time.DateOnly, date)
	f := salary.Fixing{Date: d}
	for i := 0; i < len(rates); i += 2 {
		f.Rates = append(f.Rates, salary.Rate{Currency: rates[i], PerEUR: rates[i+1], AsOf: d, Source: salary.ECBDailySource, Link: salary.ECBRatesPage})
	}
	return f
}

func TestAnUpdateKeepsAHandTypedRateUnlessAskedAndRecordsEachFixing(t *testing.T) {
	st, _ := openTemp(t)
	day := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	must(t, st.SaveRate(salary.Rate{}, salary.Rate{Currency: "CHF", PerEUR: "0.9310", AsOf: day, Source: "My bank"}))
	must(t, st.SaveRate(salary.Rate{}, salary.Rate{Currency: "USD", PerEUR: "1.0813", AsOf: day, Source: "ECB"}))
	must(t, st.db.Exec(`UPDATE exchange_rates SET manual = 0 WHERE currency = 'USD'`).Error) // as shipped

	fixings := []salary.Fixing{fixing("2026-11-24", "USD", "1.1520", "CHF", "0.9301", "GBP", "0.87650"), fixing("2026-11-23", "USD", "1.1498", "CHF", "0.9290")}
	got, err := st.ApplyFixings(fixings, []string{"CHF", "USD", "NOK"}, false)
	must(t, err)
	if len(got.Updated) != 1 || got.Updated[0].Currency != "USD" || len(got.Kept) != 1 || got.Kept[0].Source != "My bank" ||
		len(got.Missing) != 1 || got.Missing[0] != "NOK" || got.Fixings != 4 {
		t.Errorf("applied = %+v", got)
	}
	rates, _ := st.Rates()
	for _, r := range rates {
		switch r.Currency {
		case "CHF":
			if r.PerEUR != "0.9310" || r.Source != "My bank" || !r.Manual {
				t.Errorf("the typed franc was overwritten: %+v", r)
			}
		case "USD":
			if r.PerEUR != "1.1520" || r.AsOf.Format(time.DateOnly) != "2026-11-24" || r.Source != salary.ECBDailySource || r.Manual {
				t.Errorf("the dollar = %+v, want the newest fixing", r)
			}
		default:
			t.Errorf("a rate for %s, which was not asked for", r.Currency)
		}
	}
	usd, _ := st.Fixings("USD")
	if len(usd) != 2 || usd[0].PerEUR != "1.1520" || usd[1].AsOf.Format(time.DateOnly) != "2026-11-23" {
		t.Errorf("dollar fixings = %+v", usd)
	}
	// The same document again records nothing twice.
	_, err = st.ApplyFixings(fixings, []string{"USD"}, false)
	must(t, err)
	if usd, _ := st.Fixings("USD"); len(usd) != 2 {
		t.Errorf("after a second update, %d dollar fixings", len(usd))
	}
	// Asked to, the update replaces the typed rate too.
	got, err = st.ApplyFixings(fixings, []string{"CHF"}, true)
	must(t, err)
	rates, _ = st.Rates()
	if len(got.Updated) != 1 || rates[0].Currency != "CHF" || rates[0].PerEUR != "0.9301" || rates[0].Manual {
		t.Errorf("with replace: %+v, rates %+v", got, rates)
	}
}

func TestAnnualRatesAreStoredByYearAndExported(t *testing.T) {
	st, _ := openTemp(t)
	f, err := os.Open("../salary/testdata/ecb-annual-2025.csv")
	must(t, err)
	defer f.Close()
	averages, err := salary.ParseECBAnnual(f)
	must(t, err)
	must(t, st.SaveAnnualRates(averages))
	averages[1].PerEUR = "1.1300" // the ECB revised it
	must(t, st.SaveAnnualRates(averages))
	got, err := st.AnnualRates()
	must(t, err)
	if len(got) != 2 || got[1].Currency != "USD" || got[1].PerEUR != "1.1300" || got[1].Year != 2025 {
		t.Errorf("annual = %+v", got)
	}
	doc := mustExport(t, st)
	if len(doc.AnnualRates) != 2 {
		t.Errorf("export carries %d averages", len(doc.AnnualRates))
	}
	st2, _ := openTemp(t)
	must(t, st2.Import(doc))
	if back := mustExport(t, st2); len(back.AnnualRates) != 2 || back.AnnualRates[1].PerEUR != "1.1300" {
		t.Errorf("after import: %+v", back.AnnualRates)
	}
	if err := st.SaveAnnualRates([]salary.AnnualRate{{Currency: "usd", Year: 2025, PerEUR: "1"}}); err == nil {
		t.Error("a lower-case currency was stored")
	}
}
