package salary

import (
	"errors"
	"math/big"
	"os"
	"strings"
	"testing"
	"time"
)

func open(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestParseECBKeepsEachFixingWithItsDateAndTheRatesAsWritten(t *testing.T) {
	daily, err := ParseECB(open(t, "ecb-daily.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(daily) != 1 || !daily[0].Date.Equal(time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)) || len(daily[0].Rates) != 6 {
		t.Fatalf("daily = %+v", daily)
	}
	gbp, ok := daily[0].Rate("GBP")
	if !ok || gbp.PerEUR != "0.87650" || !gbp.AsOf.Equal(daily[0].Date) || gbp.Source != ECBDailySource || gbp.Link == "" || gbp.Manual {
		t.Errorf("GBP = %+v; want 0.87650 with its trailing zero, dated, sourced", gbp)
	}
	if daily[0].Rates[0].Currency != "AUD" {
		t.Errorf("rates not sorted by currency: %+v", daily[0].Rates)
	}

	hist, err := ParseECB(open(t, "ecb-hist-90d.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var dates []string
	for _, f := range hist {
		dates = append(dates, f.Date.Format(time.DateOnly))
	}
	if strings.Join(dates, " ") != "2026-11-24 2026-11-23 2026-11-20" {
		t.Errorf("90-day fixings = %v, want newest first", dates)
	}
	if r, _ := hist[2].Rate("GBP"); r.PerEUR != "0.87700" {
		t.Errorf("GBP on 20 Nov = %q", r.PerEUR)
	}
}

func TestParseECBSaysWhatIsWrongWithABadDocument(t *testing.T) {
	for _, tt := range []struct{ file, want string }{
		{"ecb-error.html", "web page"},
		{"ecb-truncated.xml", "cut short"},
		{"ecb-empty-cube.xml", "holds no rates"},
		{"worldbank-ppp-2023.json", "not the ECB's XML of reference rates (eurofxref-daily.xml"},
	} {
		_, err := ParseECB(open(t, tt.file))
		if err == nil || !errors.Is(err, ErrNotECB) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an ErrNotECB saying %q", tt.file, err, tt.want)
		}
	}
	for in, want := range map[string]string{"": "the file is empty", " \n": "the file is empty", `{"rates": 1}`: "not the ECB's XML"} {
		_, err := ParseECB(strings.NewReader(in))
		if err == nil || !errors.Is(err, ErrNotECB) || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "EOF") ||
			strings.Contains(err.Error(), "XML syntax error") {
			t.Errorf("%q: %v, want %q in words", in, err, want)
		}
	}
	bad := `<gesmes:Envelope xmlns:gesmes="g"><Cube><Cube time="2026-11-24"><Cube currency="usd" rate="1.1"/></Cube></Cube></gesmes:Envelope>`
	if _, err := ParseECB(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "currency code") {
		t.Errorf("a lower-case currency: %v", err)
	}
	neg := `<gesmes:Envelope xmlns:gesmes="g"><Cube><Cube time="2026-11-24"><Cube currency="USD" rate="-1"/></Cube></Cube></gesmes:Envelope>`
	if _, err := ParseECB(strings.NewReader(neg)); err == nil || !strings.Contains(err.Error(), "positive decimal") {
		t.Errorf("a negative rate: %v", err)
	}
}

func TestParseECBAnnualReadsTheDataAPIsCSV(t *testing.T) {
	got, err := ParseECBAnnual(open(t, "ecb-annual-2025.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Currency != "GBP" || got[0].PerEUR != "0.85000" || got[0].Year != 2025 ||
		got[1].Currency != "USD" || got[1].PerEUR != "1.1250" || !strings.Contains(got[1].Source, "EXR/A.USD.EUR.SP00.A") {
		t.Errorf("averages = %+v", got)
	}
	for _, tt := range []struct{ body, want string }{
		{"", "no averages"},
		{"KEY,CURRENCY,TIME_PERIOD\n", "OBS_VALUE is missing"},
		{"KEY,CURRENCY,TIME_PERIOD,OBS_VALUE\n", "no averages"},
		{"KEY,CURRENCY,TIME_PERIOD,OBS_VALUE\nEXR.D.USD.EUR.SP00.A,USD,2025-01-02,1.03\n", "not an annual"},
		{"KEY,CURRENCY,TIME_PERIOD,OBS_VALUE\nEXR.A.USD.EUR.SP00.A,USD,2025,NaN\n", "positive decimal"},
		{"<html><body>Not found</body></html>", "web page"},
	} {
		if _, err := ParseECBAnnual(strings.NewReader(tt.body)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.body, err, tt.want)
		}
	}
}

func TestParseWorldBankKeepsTheExactFactorsAndTheRelease(t *testing.T) {
	got, err := ParseWorldBank(open(t, "worldbank-ppp-2023.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"US": "1", "CA": "1.213754", "GB": "0.710629", "AU": "1.438033", "DE": "0.746175"}
	if len(got.Factors) != len(want) || got.Released.Format(time.DateOnly) != "2025-07-01" {
		t.Fatalf("release = %+v", got)
	}
	for _, p := range got.Factors {
		if want[p.CountryCode] != p.Factor || p.Year != 2023 || p.Source != WorldBankSource || !p.Released.Equal(got.Released) {
			t.Errorf("%s = %+v, want factor %s of 2023 with the release date", p.CountryCode, p, want[p.CountryCode])
		}
	}

	partial, err := ParseWorldBank(open(t, "worldbank-null.json"))
	if err != nil || len(partial.Factors) != 1 || len(partial.Missing) != 1 || partial.Missing[0] != "DE" {
		t.Errorf("a null value: %+v, %v; want US kept and DE listed as missing", partial, err)
	}
	for _, tt := range []struct{ file, want string }{
		{"worldbank-error.json", "refused the request: The provided parameter value is not valid"},
		{"worldbank-truncated.json", "cut short"},
		{"ecb-error.html", "web page"},
		{"ecb-daily.xml", "not a World Bank answer"},
	} {
		if _, err := ParseWorldBank(open(t, tt.file)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.file, err, tt.want)
		}
	}
	if _, err := ParseWorldBank(strings.NewReader(`[{"lastupdated":"2025-07-01"},[{"country":{"id":"DE"},"date":"2023","value":null}]]`)); err == nil ||
		!strings.Contains(err.Error(), "no factors") {
		t.Errorf("only nulls: %v", err)
	}
}

// The exact 2023 factors give the purchasing-power figures computed here
// from the factors themselves: amount / factor(country) × factor(base).
func TestExactFactorsGiveTheInternationalDollarFigures(t *testing.T) {
	rel, err := ParseWorldBank(open(t, "worldbank-ppp-2023.json"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewConverter("USD", "US", []Rate{{Currency: "USD", PerEUR: "1.0813"}}, rel.Factors)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		country string
		amount  int64
		factor  string
	}{{"GB", 40000, "0.710629"}, {"DE", 70000, "0.746175"}, {"CA", 95000, "1.213754"}, {"AU", 70000, "1.438033"}, {"US", 90000, "1"}} {
		f, _ := new(big.Rat).SetString(tt.factor)
		want := roundRat(new(big.Rat).Quo(new(big.Rat).SetInt64(tt.amount), f))
		got, err := c.ByPurchasingPower(tt.amount, tt.country)
		if err != nil || got != want {
			t.Errorf("%d in %s = %d, %v; want %d", tt.amount, tt.country, got, err, want)
		}
	}
	// Germany and the United Kingdom, both 0.7 when rounded, now differ.
	de, _ := c.ByPurchasingPower(50000, "DE")
	gb, _ := c.ByPurchasingPower(50000, "GB")
	if de == gb {
		t.Errorf("50,000 in Germany and in the UK both give %d", de)
	}
}

func TestASalaryConvertsAtItsYearsAverageWhenOneIsStored(t *testing.T) {
	today := []Rate{{Currency: "USD", PerEUR: "1.1520"}, {Currency: "GBP", PerEUR: "0.87650"}}
	c, err := NewConverter("EUR", "DE", today, nil)
	if err != nil {
		t.Fatal(err)
	}
	averages, err := ParseECBAnnual(open(t, "ecb-annual-2025.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.WithAnnual(averages); err != nil {
		t.Fatal(err)
	}
	rows := Compare([]Range{
		{Country: "United States", CountryCode: "US", Currency: "USD", Min: 112500, Max: 112500, Year: 2025},
		{Country: "United States", CountryCode: "US", Currency: "USD", Min: 115200, Max: 115200, Year: 2023},
	}, c, false)
	byYear := map[int]Compared{}
	for _, r := range rows {
		byYear[r.Year] = r
	}
	if r := byYear[2025]; r.BaseMin != 100000 || !r.AtYearAverage { // 112,500 / 1.1250
		t.Errorf("2025: %+v, want 100,000 at the 2025 average", r)
	}
	if r := byYear[2023]; r.BaseMin != 100000 || r.AtYearAverage { // 115,200 / 1.1520, today's rate
		t.Errorf("2023 with no average stored: %+v, want 100,000 at today's rate", r)
	}
	// In dollars, a 2025 pound converts through both 2025 averages.
	usd, _ := NewConverter("USD", "US", today, nil)
	must(t, usd.WithAnnual(averages))
	if got, _ := usd.NominalIn(85000, "GBP", 2025); got != 112500 {
		t.Errorf("£85,000 of 2025 in USD = %d, want 112,500 (85,000 / 0.85 × 1.125)", got)
	}
	// A year with an average for only one of the two currencies uses
	// today's rates for both, never a mix.
	must(t, usd.WithAnnual(averages[:1]))
	if got, _ := usd.NominalIn(87650, "GBP", 2025); got != 115200 {
		t.Errorf("with no 2025 dollar average, £87,650 = %d, want 115,200 at today's rates", got)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestReportedMediansShowNothingForACountryTheSurveyOmits(t *testing.T) {
	c, _ := NewConverter("USD", "US", []Rate{{Currency: "USD", PerEUR: "1.0813"}}, nil)
	medians := CompareReported([]Reported{
		{CountryCode: "US", Country: "United States", Role: "Developer, back-end", Year: 2024, Currency: "USD", Median: 170000, Respondents: 776},
		{CountryCode: "US", Country: "United States", Role: "Developer, back-end", Year: 2025, Currency: "USD", Median: 175000, Respondents: 687},
		{Country: "All countries", Role: "Developer, back-end", Year: 2025, Currency: "USD", Median: 79742, Respondents: 3897},
	}, c)
	if m, ok := LatestFor(medians, "US"); !ok || m.Year != 2025 || m.BaseMedian != 175000 {
		t.Errorf("US: %+v, %v; want the 2025 median", m, ok)
	}
	if m, ok := LatestFor(medians, "CA"); ok {
		t.Errorf("Canada, which the survey omits, got %+v", m)
	}
	if got := ForCountry(medians, "US"); len(got) != 2 || got[0].Year != 2025 {
		t.Errorf("ForCountry = %+v", got)
	}
	bad := Reported{Country: "x", Role: "r", Year: 2025, Currency: "USD", Median: 1, Respondents: 0}
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "respondents") {
		t.Errorf("n of 0: %v", err)
	}
}
