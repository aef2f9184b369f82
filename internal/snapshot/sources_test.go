package snapshot

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func TestVersion6CarriesSourcesAndRefusesBadOnes(t *testing.T) {
	doc := Empty()
	doc.Salaries = []Salary{{Country: "Germany", CountryCode: "DE", Level: "junior", Currency: "EUR", Min: 40000, Max: 70000, Year: 2023,
		Source: "An article", SourceDate: "2023-09-05", Link: "https://example.com/article"}}
	doc.ExchangeRates = []Rate{{Currency: "USD", PerEUR: "1.1520", AsOf: "2026-11-24", Source: "ECB", Link: "https://www.ecb.europa.eu/", Manual: true}}
	doc.PPP = []PPP{{CountryCode: "DE", Country: "Germany", Factor: "0.746175", Year: 2023, Source: "World Bank", Released: "2025-07-01"}}
	doc.AnnualRates = []AnnualRate{{Currency: "USD", Year: 2025, PerEUR: "1.1250", Source: "ECB"}}
	doc.SurveyMedians = []Median{{Country: "All countries", Role: "Developer, back-end", Year: 2025, Currency: "USD", Median: 79742, Respondents: 3897, Source: "SO"}}
	var buf bytes.Buffer
	if err := Encode(&buf, doc); err != nil {
		t.Fatal(err)
	}
	back, err := Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if back.Salaries[0].SourceDate != "2023-09-05" || !back.ExchangeRates[0].Manual || back.PPP[0].Released != "2025-07-01" ||
		len(back.AnnualRates) != 1 || back.SurveyMedians[0].Respondents != 3897 {
		t.Errorf("round trip lost sources: %+v", back)
	}
	tables, err := CSVTables(back)
	if err != nil {
		t.Fatal(err)
	}
	sources, _ := csv.NewReader(bytes.NewReader(tables["sources.csv"])).ReadAll()
	if len(sources) != 5 || sources[1][0] != "exchange rate per euro (typed by hand)" || sources[1][3] != "2026-11-24" ||
		sources[4][0] != "reported median (n 3897)" || sources[3][3] != "2023 (released 2025-07-01)" {
		t.Errorf("sources.csv = %q", sources)
	}
	salaries, _ := csv.NewReader(bytes.NewReader(tables["salaries.csv"])).ReadAll()
	if salaries[1][11] != "2023-09-05" || salaries[1][12] != "https://example.com/article" {
		t.Errorf("salaries.csv row = %q", salaries[1])
	}

	for _, tt := range []struct {
		change func(*Document)
		want   string
	}{
		{func(d *Document) { d.Salaries[0].Link = "javascript:alert(1)" }, "not a web address"},
		{func(d *Document) { d.Salaries[0].SourceDate = "5 Sep 2023" }, "YYYY-MM-DD"},
		{func(d *Document) { d.PPP[0].Released = "yesterday" }, "YYYY-MM-DD"},
		{func(d *Document) { d.SurveyMedians[0].Respondents = 0 }, "respondents"},
		{func(d *Document) { d.SurveyMedians = append(d.SurveyMedians, d.SurveyMedians[0]) }, "earlier median"},
		{func(d *Document) { d.AnnualRates[0].PerEUR = "0" }, "positive decimal"},
		{func(d *Document) { d.AnnualRates = append(d.AnnualRates, d.AnnualRates[0]) }, "earlier average"},
		{func(d *Document) { d.SurveyMedians[0].Source = strings.Repeat("x", 10_000) }, "source"},
	} {
		bad := back
		bad.Salaries = append([]Salary(nil), back.Salaries...)
		bad.PPP = append([]PPP(nil), back.PPP...)
		bad.AnnualRates = append([]AnnualRate(nil), back.AnnualRates...)
		bad.SurveyMedians = append([]Median(nil), back.SurveyMedians...)
		tt.change(&bad)
		if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v", tt.want, err)
		}
	}
}
