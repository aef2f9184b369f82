package salary

import (
	"fmt"
	"sort"
)

// Compared is a salary range told in the base currency.
type Compared struct {
	Range
	BaseMin, BaseMax, BaseMedian int64
	// Err says why the range could not be converted (no rate or factor);
	// the Base figures are then zero.
	Err error
	// AtYearAverage says the figure converted at its year's average
	// rates, not the current ones (never by purchasing power).
	AtYearAverage bool
}

// Compare converts every range into the converter's base currency, at the
// exchange rates or, with byPurchasingPower, by what the money buys where
// it is earned, and sorts them from the highest maximum down. Ranges that
// cannot be converted come last, in their own order.
func Compare(ranges []Range, c *Converter, byPurchasingPower bool) []Compared {
	out := make([]Compared, len(ranges))
	for i, r := range ranges {
		out[i] = Compared{Range: r}
		conv := func(amount int64) (int64, error) {
			if byPurchasingPower {
				return c.ByPurchasingPower(amount, r.CountryCode)
			}
			return c.NominalIn(amount, r.Currency, r.Year)
		}
		var err error
		if out[i].BaseMin, err = conv(r.Min); err == nil {
			out[i].BaseMax, err = conv(r.Max)
		}
		if err == nil && r.Median != 0 {
			out[i].BaseMedian, err = conv(r.Median)
		}
		if err != nil {
			out[i] = Compared{Range: r, Err: fmt.Errorf("%s cannot be converted: %w", r.Country, err)}
			continue
		}
		if !byPurchasingPower && r.Currency != c.Base {
			_, out[i].AtYearAverage = c.RatesFor(r.Currency, r.Year)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if (out[i].Err == nil) != (out[j].Err == nil) {
			return out[i].Err == nil
		}
		return out[i].BaseMax > out[j].BaseMax
	})
	return out
}

// Filter keeps the ranges of one level; Unspecified keeps them all.
func Filter(ranges []Range, level Level) []Range {
	if level == Unspecified || level == "" {
		return ranges
	}
	var out []Range
	for _, r := range ranges {
		if r.Level == level {
			out = append(out, r)
		}
	}
	return out
}

// Split parts the market ranges from the learner's offers and job ads,
// each in its own order.
func Split(ranges []Range) (markets, offers []Range) {
	for _, r := range ranges {
		if r.IsOffer() {
			offers = append(offers, r)
		} else {
			markets = append(markets, r)
		}
	}
	return markets, offers
}

// Markets keeps the market ranges, leaving out offers and job ads.
func Markets(ranges []Range) []Range {
	markets, _ := Split(ranges)
	return markets
}

// Country is a country salary figures are known for.
type Country struct {
	Code, Name string
}

// Countries lists the countries of the ranges once each, by name; the
// first name given a code is the one kept.
func Countries(ranges []Range) []Country {
	seen := map[string]bool{}
	var out []Country
	for _, r := range ranges {
		if !seen[r.CountryCode] {
			seen[r.CountryCode] = true
			out = append(out, Country{Code: r.CountryCode, Name: r.Country})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// ForTarget picks the market range for the learner's country and level:
// the one of that level if there is one, else one with no level given. An
// offer is never a target: it is one job's pay, not what the market pays.
func ForTarget(ranges []Range, country string, level Level) (Range, bool) {
	var fallback *Range
	for i, r := range ranges {
		if r.CountryCode != country || r.IsOffer() {
			continue
		}
		if r.Level == level {
			return r, true
		}
		if r.Level == Unspecified && fallback == nil {
			fallback = &ranges[i]
		}
	}
	if fallback != nil {
		return *fallback, true
	}
	return Range{}, false
}
