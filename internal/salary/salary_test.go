package salary

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestFormatRange(t *testing.T) {
	tests := []struct {
		currency      string
		min, max      int64
		full, compact string
	}{
		{"USD", 90000, 120000, "$90,000 – $120,000", "$90k – $120k"},
		{"CAD", 65000, 95000, "CA$65,000 – CA$95,000", "CA$65k – CA$95k"},
		{"GBP", 40000, 60000, "£40,000 – £60,000", "£40k – £60k"},
		{"AUD", 70000, 100000, "A$70,000 – A$100,000", "A$70k – A$100k"},
		{"EUR", 40000, 70000, "€40,000 – €70,000", "€40k – €70k"},
		{"CHF", 95000, 1250000, "CHF 95,000 – CHF 1,250,000", "CHF 95k – CHF 1.3M"},
		{"JPY", 500, 999, "¥500 – ¥999", "¥500 – ¥999"},
	}
	for _, tt := range tests {
		r := Range{Currency: tt.currency, Min: tt.min, Max: tt.max}
		if got := FormatRange(r); got != tt.full {
			t.Errorf("FormatRange(%s) = %q, want %q", tt.currency, got, tt.full)
		}
		if got := CompactRange(r); got != tt.compact {
			t.Errorf("CompactRange(%s) = %q, want %q", tt.currency, got, tt.compact)
		}
	}
}

func TestValidate(t *testing.T) {
	good := Range{Country: "Canada", CountryCode: "CA", Level: Junior, Currency: "CAD", Min: 65000, Max: 95000, Year: 2023}
	tests := []struct {
		name   string
		change func(*Range)
		want   string // "" for valid
	}{
		{"valid", func(*Range) {}, ""},
		{"equal bounds", func(r *Range) { r.Min = r.Max }, ""},
		{"no country", func(r *Range) { r.Country = "  " }, "country is missing"},
		{"lower case code", func(r *Range) { r.Currency = "cad" }, "three capital letters"},
		{"unknown code", func(r *Range) { r.Currency = "ABC" }, "not a known ISO 4217"},
		{"zero", func(r *Range) { r.Min = 0 }, "must be positive"},
		{"inverted", func(r *Range) { r.Min, r.Max = r.Max, r.Min }, "above the maximum"},
		{"old year", func(r *Range) { r.Year = 1850 }, "not between"},
		{"median inside", func(r *Range) { r.Median = 80000 }, ""},
		{"median outside", func(r *Range) { r.Median = 99000 }, "median 99,000 is outside"},
		{"typo zeros", func(r *Range) { r.Max = 95_000_000_000_000 }, "number of zeros"},
		{"bad level", func(r *Range) { r.Level = "lead" }, "not a level"},
		{"bad country code", func(r *Range) { r.CountryCode = "Can" }, "two capital letters"},
	}
	for _, tt := range tests {
		r := good
		tt.change(&r)
		err := r.Validate()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: unexpected error %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want one mentioning %q", tt.name, err, tt.want)
		}
	}
}

func rates() []Rate {
	asOf := time.Date(2023, 12, 29, 0, 0, 0, 0, time.UTC)
	return []Rate{
		{Currency: "USD", PerEUR: "1.1050", AsOf: asOf},
		{Currency: "GBP", PerEUR: "0.86905", AsOf: asOf},
		{Currency: "JPY", PerEUR: "156.33", AsOf: asOf.AddDate(-2, 0, 0)},
	}
}

func TestNominalConversion(t *testing.T) {
	tests := []struct {
		base     string
		amount   int64
		currency string
		want     int64
		wantErr  bool
	}{
		{"USD", 90000, "USD", 90000, false},   // itself: unchanged
		{"EUR", 40000, "EUR", 40000, false},   // itself: unchanged
		{"EUR", 110500, "USD", 100000, false}, // exact
		{"USD", 40000, "EUR", 44200, false},
		{"USD", 50000, "GBP", 63575, false}, // 50000 × 1.105 / 0.86905 = 63575.16
		{"GBP", 1, "USD", 1, false},         // 0.786 rounds to 1
		{"USD", 50000, "CHF", 0, true},      // no rate
	}
	for _, tt := range tests {
		c, err := NewConverter(tt.base, DefaultCountry(tt.base), rates(), nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.Nominal(tt.amount, tt.currency)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("%d %s in %s = %d, %v; want %d (error %v)", tt.amount, tt.currency, tt.base, got, err, tt.want, tt.wantErr)
		}
		if tt.wantErr && !errors.Is(err, ErrNoRate) {
			t.Errorf("a missing rate gave %v, want ErrNoRate", err)
		}
	}
	if _, err := NewConverter("CHF", "CH", rates(), nil); err == nil {
		t.Error("a base currency without a rate was accepted")
	}
}

func TestPurchasingPowerConversion(t *testing.T) {
	ppp := []PPP{{CountryCode: "US", Factor: "1"}, {CountryCode: "DE", Factor: "0.75"}, {CountryCode: "GB", Factor: "0.70"}}
	c, err := NewConverter("USD", "US", rates(), ppp)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		amount  int64
		country string
		want    int64
	}{
		{90000, "US", 90000}, // its own country: unchanged
		{45000, "DE", 60000}, // 45000 / 0.75
		{40000, "GB", 57143}, // 57142.86
	} {
		if got, err := c.ByPurchasingPower(tt.amount, tt.country); err != nil || got != tt.want {
			t.Errorf("%d in %s = %d, %v; want %d", tt.amount, tt.country, got, err, tt.want)
		}
	}
	if _, err := c.ByPurchasingPower(1000, "FR"); !errors.Is(err, ErrNoRate) {
		t.Errorf("a country without a factor gave %v", err)
	}
}

func TestStaleRates(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	got := Stale(rates(), []string{"USD", "JPY", "USD", "USD"}, today)
	if len(got) != 2 {
		t.Errorf("Stale = %v, want USD and JPY (both over a year old), each once", got)
	}
	if got := Stale(rates(), []string{"USD"}, time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)); len(got) != 0 {
		t.Errorf("a five-month-old rate is stale: %v", got)
	}
}

func TestParseDecimal(t *testing.T) {
	for _, bad := range []string{"", "abc", "-1", "0", "1/3", "1e3"} {
		if _, err := ParseDecimal(bad); err == nil {
			t.Errorf("ParseDecimal(%q) accepted", bad)
		}
	}
	if r, err := ParseDecimal(" 1.0813 "); err != nil || r.FloatString(4) != "1.0813" {
		t.Errorf("ParseDecimal(1.0813) = %v, %v", r, err)
	}
}

func TestCompareSortsAndExplains(t *testing.T) {
	ranges := []Range{
		{Country: "Germany", CountryCode: "DE", Currency: "EUR", Min: 40000, Max: 70000, Median: 52000},
		{Country: "United States", CountryCode: "US", Currency: "USD", Min: 90000, Max: 120000},
		{Country: "Switzerland", CountryCode: "CH", Currency: "CHF", Min: 90000, Max: 130000},
	}
	c, _ := NewConverter("USD", "US", rates(), []PPP{{CountryCode: "US", Factor: "1"}, {CountryCode: "DE", Factor: "0.75"}})
	got := Compare(ranges, c, false)
	if got[0].Country != "United States" || got[1].Country != "Germany" || got[2].Country != "Switzerland" {
		t.Fatalf("order = %s, %s, %s", got[0].Country, got[1].Country, got[2].Country)
	}
	if got[1].BaseMin != 44200 || got[1].BaseMax != 77350 || got[1].BaseMedian != 57460 {
		t.Errorf("Germany in USD = %d–%d (median %d)", got[1].BaseMin, got[1].BaseMax, got[1].BaseMedian)
	}
	if got[2].Err == nil || !strings.Contains(got[2].Err.Error(), "Switzerland cannot be converted") {
		t.Errorf("a range without a rate says %v", got[2].Err)
	}
	byPower := Compare(ranges, c, true)
	if byPower[1].Country != "Germany" || byPower[1].BaseMax != 93333 || byPower[0].BaseMax != 120000 {
		t.Errorf("by purchasing power: %s at %d, %s at %d; want the US unchanged at 120,000 and Germany at 93,333 (70,000 / 0.75)",
			byPower[0].Country, byPower[0].BaseMax, byPower[1].Country, byPower[1].BaseMax)
	}
}

func TestForTargetAndFilter(t *testing.T) {
	ranges := []Range{
		{CountryCode: "DE", Level: Unspecified, Min: 1, Max: 2},
		{CountryCode: "DE", Level: Senior, Min: 3, Max: 4},
		{CountryCode: "GB", Level: Junior, Min: 5, Max: 6},
	}
	if r, ok := ForTarget(ranges, "DE", Senior); !ok || r.Min != 3 {
		t.Errorf("DE senior = %+v", r)
	}
	if r, ok := ForTarget(ranges, "DE", Junior); !ok || r.Min != 1 {
		t.Errorf("DE junior falls back to the unspecified range, got %+v", r)
	}
	if _, ok := ForTarget(ranges, "GB", Senior); ok {
		t.Error("GB senior found without such a range")
	}
	if got := Filter(ranges, Junior); len(got) != 1 || got[0].CountryCode != "GB" {
		t.Errorf("Filter(junior) = %+v", got)
	}
	if got := Filter(ranges, Unspecified); len(got) != 3 {
		t.Errorf("Filter(any) kept %d", len(got))
	}
}

func TestCompactRoundsToWholeThousands(t *testing.T) {
	if got := CompactRange(Range{Currency: "EUR", Min: 83233, Max: 110978}); got != "€83k – €111k" {
		t.Errorf("CompactRange = %q, want €83k – €111k", got)
	}
}

func TestCurrencies(t *testing.T) {
	if got := strings.Join(Currencies(rates()), ","); got != "EUR,GBP,JPY,USD" {
		t.Errorf("Currencies = %s", got)
	}
}

// Fails on 522c7e7: an offer printed as "€58k – €58k", without its city.
func TestAnOfferIsOneAmount(t *testing.T) {
	tests := []struct {
		name          string
		r             Range
		full, compact string
	}{
		{"offer in a city", Range{Kind: Offer, City: "Berlin", Currency: "EUR", Min: 58000, Max: 58000}, "€58,000", "Berlin · €58k"},
		{"offer without a city", Range{Kind: Offer, Currency: "GBP", Min: 55000, Max: 55000}, "£55,000", "£55k"},
		{"market range of one figure", Range{Currency: "USD", Min: 90000, Max: 90000}, "$90,000", "$90k"},
		{"market range in a city", Range{Kind: Market, City: "Munich", Currency: "EUR", Min: 50000, Max: 70000}, "€50,000 – €70,000", "€50k – €70k"},
	}
	for _, tt := range tests {
		if got := FormatRange(tt.r); got != tt.full {
			t.Errorf("%s: FormatRange = %q, want %q", tt.name, got, tt.full)
		}
		if got := CompactRange(tt.r); got != tt.compact {
			t.Errorf("%s: CompactRange = %q, want %q", tt.name, got, tt.compact)
		}
	}
}

// Fails on 522c7e7: an offer of the target's exact level won over the
// market range with no level given.
func TestAnOfferIsNeverTheTarget(t *testing.T) {
	market := Range{ID: 1, CountryCode: "GB", Level: Unspecified, Min: 40000, Max: 60000}
	marketMid := Range{ID: 2, CountryCode: "GB", Level: Mid, Kind: Market, Min: 45000, Max: 65000}
	offerMid := Range{ID: 3, CountryCode: "GB", Level: Mid, Kind: Offer, Min: 55000, Max: 55000}
	offerAny := Range{ID: 4, CountryCode: "DE", Level: Unspecified, Kind: Offer, Min: 58000, Max: 58000}
	tests := []struct {
		name    string
		ranges  []Range
		country string
		level   Level
		wantID  uint // 0 for none
	}{
		{"offer of the exact level before the market's", []Range{offerMid, market}, "GB", Mid, 1},
		{"offer of the exact level after the market's", []Range{market, offerMid}, "GB", Mid, 1},
		{"market range of the level beats both", []Range{offerMid, market, marketMid}, "GB", Mid, 2},
		{"only offers for the country", []Range{offerAny}, "DE", Unspecified, 0},
		{"only an offer of the level", []Range{offerMid}, "GB", Mid, 0},
	}
	for _, tt := range tests {
		got, ok := ForTarget(tt.ranges, tt.country, tt.level)
		if ok != (tt.wantID != 0) || got.ID != tt.wantID {
			t.Errorf("%s: ForTarget = %d (found %v), want %d", tt.name, got.ID, ok, tt.wantID)
		}
	}
}

// Fails on 522c7e7, which could not tell offers apart (no Split, no
// Countries): the countries to aim for were every entry's.
func TestSplitAndCountries(t *testing.T) {
	ranges := []Range{
		{ID: 1, Country: "United States", CountryCode: "US"},
		{ID: 2, Country: "Germany", CountryCode: "DE", Kind: Offer, City: "Berlin"},
		{ID: 3, Country: "Germany", CountryCode: "DE", Kind: Market},
		{ID: 4, Country: "Spain", CountryCode: "ES", Kind: Offer},
	}
	markets, offers := Split(ranges)
	if len(markets) != 2 || markets[0].ID != 1 || markets[1].ID != 3 || len(offers) != 2 || offers[0].ID != 2 || offers[1].ID != 4 {
		t.Errorf("Split = %+v / %+v", markets, offers)
	}
	var names []string
	for _, c := range Countries(Markets(ranges)) {
		names = append(names, c.Code+" "+c.Name)
	}
	if got := strings.Join(names, ", "); got != "DE Germany, US United States" {
		t.Errorf("the market countries are %q: Spain has offers only", got)
	}
	if got := ranges[1].Place(); got != "Berlin, Germany" {
		t.Errorf("Place = %q", got)
	}
	if got := ranges[0].Place(); got != "United States" {
		t.Errorf("Place without a city = %q", got)
	}
}

func TestCountryCodesAreTwoCapitalLetters(t *testing.T) {
	for code, ok := range map[string]bool{"GB": true, "DE": true, "N1": false, "gb": false, "G": false, "GBR": false, "ÄB": false, "": false} {
		if err := ValidateCountryCode(code); (err == nil) != ok {
			t.Errorf("ValidateCountryCode(%q) = %v", code, err)
		}
	}
}
