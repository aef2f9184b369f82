package salary

import (
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// Rate is an exchange rate: how many units of Currency one euro buys, as the
// European Central Bank publishes its reference rates. Any currency converts
// to any other through the euro.
type Rate struct {
	Currency string
	PerEUR   string // a decimal, kept as text so no float rounding creeps in
	AsOf     time.Time
	Source   string
	Link     string // where the rate can be checked; "" when not known
	// Manual is set on a rate the learner typed: an update from the ECB
	// never replaces it without asking.
	Manual bool
}

// PPP is a purchasing power parity conversion factor for private
// consumption: how many units of the country's currency buy what one
// international dollar buys in the United States.
type PPP struct {
	CountryCode string
	Country     string
	Factor      string // a decimal
	Year        int
	Source      string
	Link        string
	// Released is the date of the release the factor was read from (the
	// World Bank revises its figures); zero when not known.
	Released time.Time
}

// ParseDecimal reads a positive decimal such as "1.0813" exactly.
func ParseDecimal(s string) (*big.Rat, error) {
	r, ok := new(big.Rat).SetString(strings.TrimSpace(s))
	if !ok || r.Sign() <= 0 || strings.ContainsAny(s, "/eE") {
		return nil, fmt.Errorf("%q is not a positive decimal number such as 1.0813", s)
	}
	return r, nil
}

// Validate checks a rate as a learner types it.
func (r Rate) Validate() error {
	if err := ValidateCurrency(r.Currency); err != nil {
		return err
	}
	if _, err := ParseDecimal(r.PerEUR); err != nil {
		return fmt.Errorf("rate of %s: %w", r.Currency, err)
	}
	if r.AsOf.IsZero() {
		return fmt.Errorf("the rate of %s needs the date it is from", r.Currency)
	}
	if err := plan.ValidateDate("date of the rate of "+r.Currency, r.AsOf); err != nil {
		return err
	}
	if err := plan.ValidateLength("source", r.Source, plan.MaxTextLen); err != nil {
		return err
	}
	return ValidateSourceLink(r.Link)
}

// ValidateSourceLink checks the optional address a figure's source is at.
func ValidateSourceLink(link string) error {
	if link == "" {
		return nil
	}
	if err := plan.ValidateLength("source's address", link, plan.MaxTextLen); err != nil {
		return err
	}
	return plan.ValidateURL(link)
}

// Validate checks a PPP factor as a learner types it.
func (p PPP) Validate() error {
	if err := ValidateCountryCode(p.CountryCode); err != nil {
		return err
	}
	if _, err := ParseDecimal(p.Factor); err != nil {
		return fmt.Errorf("PPP factor of %s: %w", p.CountryCode, err)
	}
	if p.Year < MinYear || p.Year > MaxYear {
		return fmt.Errorf("the year %d is not between %d and %d", p.Year, MinYear, MaxYear)
	}
	if err := plan.ValidateLength("country", p.Country, plan.MaxNameLen); err != nil {
		return err
	}
	if err := plan.ValidateOptionalDate("release date of the factor of "+p.CountryCode, p.Released); err != nil {
		return err
	}
	if err := plan.ValidateLength("source", p.Source, plan.MaxTextLen); err != nil {
		return err
	}
	return ValidateSourceLink(p.Link)
}

// Converter turns amounts into a base currency, at exchange rates or by
// purchasing power.
type Converter struct {
	Base   string
	rates  map[string]*big.Rat         // per euro
	annual map[int]map[string]*big.Rat // a year's average per euro, by year
	ppp    map[string]*big.Rat         // by country code
	// BaseCountry is the country whose prices the purchasing-power figures
	// are expressed in.
	BaseCountry string
}

// ErrNoRate says an amount cannot be converted for want of a rate.
var ErrNoRate = errors.New("no rate")

// NewConverter prepares conversions into base. baseCountry is whose prices
// a purchasing-power comparison is told in; it should use base.
func NewConverter(base, baseCountry string, rates []Rate, ppp []PPP) (*Converter, error) {
	c := &Converter{Base: base, BaseCountry: baseCountry, rates: map[string]*big.Rat{"EUR": big.NewRat(1, 1)}, ppp: map[string]*big.Rat{}}
	for _, r := range rates {
		v, err := ParseDecimal(r.PerEUR)
		if err != nil {
			return nil, fmt.Errorf("rate of %s: %w", r.Currency, err)
		}
		c.rates[r.Currency] = v
	}
	for _, p := range ppp {
		v, err := ParseDecimal(p.Factor)
		if err != nil {
			return nil, fmt.Errorf("PPP factor of %s: %w", p.CountryCode, err)
		}
		c.ppp[p.CountryCode] = v
	}
	if _, ok := c.rates[base]; !ok {
		return nil, fmt.Errorf("there is no exchange rate for the base currency %s; add one first", base)
	}
	return c, nil
}

// WithAnnual adds years' average rates: an amount of a year whose
// averages hold both its currency and the base converts at them, not at
// the current rates.
func (c *Converter) WithAnnual(averages []AnnualRate) error {
	c.annual = map[int]map[string]*big.Rat{}
	for _, a := range averages {
		v, err := ParseDecimal(a.PerEUR)
		if err != nil {
			return fmt.Errorf("average rate of %s in %d: %w", a.Currency, a.Year, err)
		}
		if c.annual[a.Year] == nil {
			c.annual[a.Year] = map[string]*big.Rat{"EUR": big.NewRat(1, 1)}
		}
		c.annual[a.Year][a.Currency] = v
	}
	return nil
}

// RatesFor are the rates an amount of currency earned in year converts at:
// the year's averages when they hold the currency and the base, else the
// current rates. ofYear says which.
func (c *Converter) RatesFor(currency string, year int) (rates map[string]*big.Rat, ofYear bool) {
	if y, ok := c.annual[year]; ok && y[currency] != nil && y[c.Base] != nil {
		return y, true
	}
	return c.rates, false
}

// NominalIn converts an amount of a year at that year's average rates
// when they are stored, else as Nominal does.
func (c *Converter) NominalIn(amount int64, currency string, year int) (int64, error) {
	if currency == c.Base {
		return amount, nil
	}
	rates, _ := c.RatesFor(currency, year)
	return convertAt(rates, amount, currency, c.Base)
}

// Nominal converts an amount at the exchange rates, rounded to whole units
// of the base currency. A currency converts to itself unchanged.
func (c *Converter) Nominal(amount int64, currency string) (int64, error) {
	if currency == c.Base {
		return amount, nil
	}
	return convertAt(c.rates, amount, currency, c.Base)
}

func convertAt(rates map[string]*big.Rat, amount int64, currency, base string) (int64, error) {
	from, ok := rates[currency]
	if !ok {
		return 0, fmt.Errorf("%w for %s", ErrNoRate, currency)
	}
	v := new(big.Rat).SetInt64(amount)
	v.Mul(v, rates[base])
	v.Quo(v, from)
	return roundRat(v), nil
}

// ByPurchasingPower converts an amount earned in country into what buys the
// same in BaseCountry, in the base currency: amount / PPP(country) ×
// PPP(base country). It is approximate by nature.
func (c *Converter) ByPurchasingPower(amount int64, country string) (int64, error) {
	from, ok := c.ppp[country]
	if !ok {
		return 0, fmt.Errorf("%w: no purchasing power factor for %s", ErrNoRate, country)
	}
	to, ok := c.ppp[c.BaseCountry]
	if !ok {
		return 0, fmt.Errorf("%w: no purchasing power factor for %s", ErrNoRate, c.BaseCountry)
	}
	if country == c.BaseCountry {
		return amount, nil
	}
	v := new(big.Rat).SetInt64(amount)
	v.Mul(v, to)
	v.Quo(v, from)
	return roundRat(v), nil
}

// roundRat rounds to the nearest whole number, halves away from zero.
func roundRat(r *big.Rat) int64 {
	num, den := new(big.Int).Set(r.Num()), r.Denom()
	q, m := new(big.Int).QuoRem(num, den, new(big.Int))
	if new(big.Int).Mul(m.Abs(m), big.NewInt(2)).Cmp(den) >= 0 {
		if num.Sign() >= 0 {
			q.Add(q, big.NewInt(1))
		} else {
			q.Sub(q, big.NewInt(1))
		}
	}
	return q.Int64()
}

// StaleAfter is how old a rate may be before the app warns.
const StaleAfter = 365 * 24 * time.Hour

// Stale lists the currencies in use whose rate is older than a year on
// today, for a warning.
func Stale(rates []Rate, inUse []string, today time.Time) []string {
	used := map[string]bool{}
	for _, c := range inUse {
		used[c] = true
	}
	var out []string
	for _, r := range rates {
		if used[r.Currency] && today.Sub(r.AsOf) > StaleAfter {
			out = append(out, r.Currency) // each once, however many ranges use it
		}
	}
	return out
}

// DefaultCountry is the country a currency's purchasing-power figures are
// told in when the learner's target country does not use it.
func DefaultCountry(currency string) string {
	switch currency {
	case "USD":
		return "US"
	case "EUR":
		return "DE"
	case "GBP":
		return "GB"
	case "CAD":
		return "CA"
	case "AUD":
		return "AU"
	}
	if len(currency) == 3 {
		return currency[:2] // ISO 4217 codes begin with the country's code
	}
	return ""
}

// Comparison is how the learner compares salaries: in which currency, and
// the country and level they aim for.
type Comparison struct {
	Base          string
	TargetCountry string
	TargetLevel   Level
}

// Validate checks the comparison settings.
func (c Comparison) Validate() error {
	if err := ValidateCurrency(c.Base); err != nil {
		return err
	}
	if len(c.TargetCountry) != 2 || strings.ToUpper(c.TargetCountry) != c.TargetCountry {
		return fmt.Errorf("the target country %q is not a two-letter code such as DE", c.TargetCountry)
	}
	if !c.TargetLevel.Valid() {
		return fmt.Errorf("%q is not a level", c.TargetLevel)
	}
	return nil
}

// PriceCountry is the country whose prices purchasing-power figures are
// told in: the learner's target country when it uses the base currency,
// else the currency's usual country.
func (c Comparison) PriceCountry() string {
	if DefaultCountry(c.Base) == c.TargetCountry || c.Base == "EUR" && euroArea[c.TargetCountry] {
		return c.TargetCountry
	}
	return DefaultCountry(c.Base)
}

// euroArea are the countries that pay in euros.
var euroArea = map[string]bool{"AT": true, "BE": true, "HR": true, "CY": true, "EE": true, "FI": true, "FR": true, "DE": true,
	"GR": true, "IE": true, "IT": true, "LV": true, "LT": true, "LU": true, "MT": true, "NL": true, "PT": true, "SK": true, "SI": true, "ES": true}

// Currencies are the currencies salaries can be compared in: the euro,
// through which every rate goes, and each currency with a rate; sorted.
func Currencies(rates []Rate) []string {
	codes := []string{"EUR"}
	for _, r := range rates {
		if r.Currency != "EUR" {
			codes = append(codes, r.Currency)
		}
	}
	sort.Strings(codes)
	return codes
}
