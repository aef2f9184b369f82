package app

import (
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/salary"
)

var (
	ukMarket = salary.Range{ID: 1, Country: "United Kingdom", CountryCode: "GB", Level: salary.Unspecified, Currency: "GBP",
		Min: 40000, Max: 60000, Year: 2023}
	deJunior = salary.Range{ID: 2, Country: "Germany", CountryCode: "DE", Level: salary.Junior, Currency: "EUR",
		Min: 42000, Max: 50000, Year: 2026, Kind: salary.Market}
	londonOffer = salary.Range{ID: 3, Country: "United Kingdom", CountryCode: "GB", City: "London", Level: salary.Mid, Currency: "GBP",
		Min: 55000, Max: 55000, Year: 2026, Kind: salary.Offer}
	berlinOffer = salary.Range{ID: 4, Country: "Germany", CountryCode: "DE", City: "Berlin", Level: salary.Junior, Currency: "EUR",
		Min: 58000, Max: 58000, Year: 2026, Kind: salary.Offer}
	spainAd = salary.Range{ID: 5, Country: "Spain", CountryCode: "ES", Level: salary.Junior, Currency: "EUR",
		Min: 30000, Max: 30000, Year: 2026, Kind: salary.Offer}
)

func salaryData(target string, level salary.Level, ranges ...salary.Range) SalaryData {
	return SalaryData{
		Ranges:   ranges,
		Rates:    []salary.Rate{{Currency: "GBP", PerEUR: "0.8698", AsOf: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}},
		Settings: salary.Comparison{Base: "EUR", TargetCountry: target, TargetLevel: level},
	}
}

// Fails on 522c7e7: an offer of the target's level, or the only figure
// for the target's country, became the pay the learner aims for.
func TestTargetPayIsAMarketRangeNeverAnOffer(t *testing.T) {
	tests := []struct {
		name   string
		data   SalaryData
		wantID uint // 0: no target found
	}{
		{"an offer of the target's exact level", salaryData("GB", salary.Mid, ukMarket, londonOffer), 1},
		{"the offer stored first", salaryData("GB", salary.Mid, londonOffer, ukMarket), 1},
		{"an offer beside a market range of the level", salaryData("DE", salary.Junior, berlinOffer, deJunior), 2},
		{"only an offer for the country", salaryData("ES", salary.Junior, ukMarket, spainAd), 0},
		{"no offers at all", salaryData("DE", salary.Junior, ukMarket, deJunior), 2},
	}
	for _, tt := range tests {
		pay := tt.data.TargetPay()
		if pay.Found != (tt.wantID != 0) || pay.Range.ID != tt.wantID {
			t.Errorf("%s: target pay is range %d (found %v), want %d", tt.name, pay.Range.ID, pay.Found, tt.wantID)
		}
		if pay.Range.IsOffer() {
			t.Errorf("%s: the target pay is an offer", tt.name)
		}
	}
	// Converted into the learner's currency, a market range stays a range.
	pay := salaryData("GB", salary.Mid, londonOffer, ukMarket).TargetPay()
	if pay.InBase == nil || pay.InBase.BaseMin == pay.InBase.BaseMax {
		t.Errorf("the target in euros = %+v", pay.InBase)
	}
}

// Fails on 522c7e7: offers were ranked among the market ranges.
func TestCompareListsOffersApart(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name         string
		ranges       []salary.Range
		level        salary.Level
		rows, offers []uint // IDs, highest first
		top          int64
	}{
		{"both kinds", []salary.Range{ukMarket, londonOffer, deJunior, berlinOffer}, salary.Unspecified, []uint{1, 2}, []uint{3, 4}, 68981},
		{"offers only", []salary.Range{berlinOffer, spainAd}, salary.Unspecified, nil, []uint{4, 5}, 58000},
		{"no offers", []salary.Range{ukMarket, deJunior}, salary.Unspecified, []uint{1, 2}, nil, 68981},
		{"one level", []salary.Range{ukMarket, londonOffer, deJunior, berlinOffer, spainAd}, salary.Junior, []uint{2}, []uint{4, 5}, 58000},
	}
	for _, tt := range tests {
		d := salaryData("GB", salary.Unspecified, tt.ranges...)
		cmp, err := d.Compare(CompareOptions{Level: tt.level}, today)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := ids(cmp.Rows); !equalIDs(got, tt.rows) {
			t.Errorf("%s: market rows %v, want %v", tt.name, got, tt.rows)
		}
		if got := ids(cmp.Offers); !equalIDs(got, tt.offers) {
			t.Errorf("%s: offers %v, want %v", tt.name, got, tt.offers)
		}
		for _, o := range cmp.Offers {
			if o.BaseMin != o.BaseMax || o.Err != nil {
				t.Errorf("%s: offer %d converted to %d–%d (%v)", tt.name, o.ID, o.BaseMin, o.BaseMax, o.Err)
			}
		}
		if cmp.Top() != tt.top {
			t.Errorf("%s: top %d, want %d", tt.name, cmp.Top(), tt.top)
		}
	}
}

// Fails on 522c7e7 (no TargetCountries): a country known only from an
// offer was offered as a target.
func TestTargetCountriesAreTheMarketRangesCountries(t *testing.T) {
	d := salaryData("GB", salary.Unspecified, spainAd, ukMarket, berlinOffer, deJunior)
	var got []string
	for _, c := range d.TargetCountries() {
		got = append(got, c.Code)
	}
	if len(got) != 2 || got[0] != "DE" || got[1] != "GB" {
		t.Errorf("target countries %v, want DE and GB (Spain has an ad only)", got)
	}
}

func ids(rows []salary.Compared) []uint {
	var out []uint
	for _, r := range rows {
		out = append(out, r.ID)
	}
	return out
}

func equalIDs(a, b []uint) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
