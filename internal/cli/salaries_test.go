package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

type salaryOut struct {
	Country  string `json:"country"`
	Level    string `json:"level"`
	Currency string `json:"currency"`
	Min      int64  `json:"min"`
	Max      int64  `json:"max"`
	Base     string `json:"base"`
	BaseMin  *int64 `json:"base_min"`
	BaseMax  *int64 `json:"base_max"`
	PPP      bool   `json:"ppp"`
}

func salariesJSON(t *testing.T, db string, args ...string) []salaryOut {
	t.Helper()
	r := run(t, "", append([]string{"--db", db, "salaries", "--json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("salaries: exit %d, %s", r.code, r.stderr)
	}
	var out []salaryOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	return out
}

func TestSalariesOnTheDefaultContent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	nominal := salariesJSON(t, db, "--base", "EUR")
	if len(nominal) != 5 {
		t.Fatalf("%d salaries, want the article's 5", len(nominal))
	}
	byCountry := map[string]salaryOut{}
	for i, s := range nominal {
		if s.Base != "EUR" || s.PPP || s.BaseMin == nil || s.BaseMax == nil {
			t.Fatalf("entry %+v: every default entry converts to EUR at exchange rates", s)
		}
		if i > 0 && *s.BaseMax > *nominal[i-1].BaseMax {
			t.Errorf("not sorted by maximum: %s after %s", s.Country, nominal[i-1].Country)
		}
		byCountry[s.Country] = s
	}
	de := byCountry["Germany"]
	if *de.BaseMin != 40000 || *de.BaseMax != 70000 || de.Level != "unspecified" {
		t.Errorf("euros converted to euros changed: %+v", de)
	}
	us := byCountry["United States"]
	if us.Min != 90000 || *us.BaseMin < 70000 || *us.BaseMin > 95000 {
		t.Errorf("the US range in euros is implausible: %+v", us)
	}

	inUSD := map[string]salaryOut{}
	for _, s := range salariesJSON(t, db, "--base", "USD") {
		inUSD[s.Country] = s
	}
	if us := inUSD["United States"]; len(inUSD) != 5 || *us.BaseMin != 90000 || *us.BaseMax != 120000 || us.Currency != "USD" {
		t.Errorf("in USD: %d countries, US %+v; want five, the US unchanged at 90000-120000", len(inUSD), us)
	}
	ppp := salariesJSON(t, db, "--base", "USD", "--ppp")
	for _, s := range ppp {
		if !s.PPP || s.Base != "USD" || s.BaseMin == nil {
			t.Fatalf("entry %+v: want every default entry by purchasing power in USD", s)
		}
		nominal := inUSD[s.Country]
		if s.Country == "United States" {
			if *s.BaseMin != 90000 || *s.BaseMax != 120000 {
				t.Errorf("US dollars in the United States changed by purchasing power: %+v", s)
			}
		} else if *s.BaseMin == *nominal.BaseMin && *s.BaseMax == *nominal.BaseMax {
			t.Errorf("%s is the same by purchasing power as at exchange rates", s.Country)
		}
	}

	text := run(t, "", "--db", db, "salaries")
	if !strings.Contains(text.stdout, "per euro") || !strings.Contains(text.stdout, "Germany") {
		t.Errorf("the table lacks the rates or a country:\n%s", text.stdout)
	}
	if r := run(t, "", "--db", db, "salaries", "--base", "XYZ"); r.code == 0 || !strings.Contains(r.stderr, "ISO 4217") {
		t.Errorf("an unknown base: exit %d, %q", r.code, r.stderr)
	}
	if r := run(t, "", "--db", db, "salaries", "--base", "JPY"); r.code == 0 || !strings.Contains(r.stderr, "no exchange rate for the base currency JPY") {
		t.Errorf("a base without a rate: exit %d, %q", r.code, r.stderr)
	}
}

// Fails on 522c7e7: an offer was a row among the market ranges, printed as
// "€58,000 – €58,000", with no kind and no city in the JSON.
func TestSalariesListOffersApart(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	doc := run(t, "", "--db", a, "export").stdout
	offer := `{"kind": "offer", "country": "Germany", "country_code": "DE", "city": "Berlin", "level": "junior", "currency": "EUR",
		"min": 58000, "max": 58000, "year": 2026, "source": "Acme GmbH"}, `
	doc = strings.Replace(doc, `"salaries": [`, `"salaries": [`+offer, 1)
	if r := run(t, doc, "--db", b, "import", "-"); r.code != 0 {
		t.Fatalf("import: exit %d, %s", r.code, r.stderr)
	}

	r := run(t, "", "--db", b, "salaries", "--json", "--base", "EUR")
	var list []struct {
		salaryOut
		Kind string `json:"kind"`
		City string `json:"city"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if len(list) != 6 {
		t.Fatalf("%d entries, want the 5 market ranges and the offer", len(list))
	}
	for _, s := range list[:5] {
		if s.Kind != "market" || s.City != "" {
			t.Errorf("market entry %s: kind %q, city %q", s.Country, s.Kind, s.City)
		}
	}
	last := list[5]
	if last.Kind != "offer" || last.City != "Berlin" || last.Min != 58000 || last.Max != 58000 || last.BaseMin == nil || *last.BaseMin != 58000 {
		t.Errorf("the offer, listed after the market ranges: %+v", last)
	}

	text := run(t, "", "--db", b, "salaries", "--base", "EUR").stdout
	market, offers, found := strings.Cut(text, "Your offers and job ads")
	if !found {
		t.Fatalf("no table of offers:\n%s", text)
	}
	if strings.Contains(market, "Berlin") || !strings.Contains(offers, "Berlin, Germany") || !strings.Contains(offers, "€58,000 ") {
		t.Errorf("the offer is not apart, with its city and one amount:\n%s", text)
	}
	if strings.Contains(text, "€58,000 – €58,000") || strings.Contains(text, "€58k – €58k") {
		t.Errorf("the offer is printed as a range:\n%s", text)
	}
}
