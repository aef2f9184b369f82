package app

import (
	"fmt"
	"slices"
	"time"

	"github.com/studyplanner/studyplanner/internal/salary"
)

// SalaryReader is what a salary comparison reads.
type SalaryReader interface {
	Salaries() ([]salary.Range, error)
	Rates() ([]salary.Rate, error)
	PPPFactors() ([]salary.PPP, error)
	AnnualRates() ([]salary.AnnualRate, error)
	SurveyMedians() ([]salary.Reported, error)
	Comparison() (salary.Comparison, error)
}

// SalaryData is everything salaries are compared with.
type SalaryData struct {
	Ranges   []salary.Range
	Rates    []salary.Rate
	PPP      []salary.PPP
	Annual   []salary.AnnualRate
	Medians  []salary.Reported
	Settings salary.Comparison
}

// LoadSalaries reads the ranges, rates, factors and the learner's
// comparison settings.
func LoadSalaries(r SalaryReader) (SalaryData, error) {
	return inOneSnapshot(r, func(r SalaryReader) (SalaryData, error) { return loadSalaries(r) })
}

func loadSalaries(r SalaryReader) (SalaryData, error) {
	var d SalaryData
	var err error
	if d.Ranges, err = r.Salaries(); err != nil {
		return d, err
	}
	if d.Rates, err = r.Rates(); err != nil {
		return d, err
	}
	if d.PPP, err = r.PPPFactors(); err != nil {
		return d, err
	}
	if d.Annual, err = r.AnnualRates(); err != nil {
		return d, err
	}
	if d.Medians, err = r.SurveyMedians(); err != nil {
		return d, err
	}
	d.Settings, err = r.Comparison()
	return d, err
}

// CompareOptions say how to compare: in which currency (empty for the
// learner's own choice), by purchasing power or at exchange rates, and at
// which level (salary.Unspecified for all).
type CompareOptions struct {
	Base    string
	ByPower bool
	Level   salary.Level
}

// SalaryComparison is every figure in one currency: the market ranges,
// and apart from them the learner's offers and job ads.
type SalaryComparison struct {
	Base      string
	Converter *salary.Converter
	Rows      []salary.Compared // market ranges, highest first
	Offers    []salary.Compared // offers and job ads, highest first
	// StaleRates are the currencies in use whose rates are over a year
	// old (only when comparing at exchange rates, and only for figures not
	// converted at their year's average).
	StaleRates []string
	// Medians are the survey's reported medians in the base currency, at
	// exchange rates; none when comparing by purchasing power.
	Medians []salary.ComparedReported
	// RatesDate is the date of the newest current rate the comparison
	// used; zero when it used none (all in one currency, or by power).
	RatesDate time.Time
}

// Compare converts the ranges as opts say.
func (d SalaryData) Compare(opts CompareOptions, today time.Time) (SalaryComparison, error) {
	base := d.Settings.Base
	if opts.Base != "" {
		base = opts.Base
		if err := salary.ValidateCurrency(base); err != nil {
			return SalaryComparison{}, err
		}
	}
	cmp := d.Settings
	cmp.Base = base
	conv, err := salary.NewConverter(base, cmp.PriceCountry(), d.Rates, d.PPP)
	if err == nil {
		err = conv.WithAnnual(d.Annual)
	}
	if err != nil {
		return SalaryComparison{}, fmt.Errorf("comparing in %s: %w", base, err)
	}
	level := opts.Level
	if level == "" {
		level = salary.Unspecified
	}
	shown := salary.Filter(d.Ranges, level)
	markets, offers := salary.Split(shown)
	out := SalaryComparison{Base: base, Converter: conv,
		Rows: salary.Compare(markets, conv, opts.ByPower), Offers: salary.Compare(offers, conv, opts.ByPower)}
	if !opts.ByPower {
		out.Medians = salary.CompareReported(d.Medians, conv)
		inUse := out.atCurrentRates()
		out.StaleRates = salary.Stale(d.Rates, inUse, today)
		out.RatesDate = ratesDate(d.Rates, inUse)
	}
	return out, nil
}

// atCurrentRates are the currencies of the figures converted at the
// current rates (not at their year's average), the base's among them.
func (c SalaryComparison) atCurrentRates() []string {
	var inUse []string
	for _, rows := range [][]salary.Compared{c.Rows, c.Offers} {
		for _, r := range rows {
			if r.Err == nil && r.Currency != c.Base && !r.AtYearAverage {
				inUse = append(inUse, r.Currency)
			}
		}
	}
	for _, m := range c.Medians {
		if m.Err == nil && m.Currency != c.Base && !m.AtYearAverage {
			inUse = append(inUse, m.Currency)
		}
	}
	if len(inUse) > 0 && c.Base != "EUR" {
		inUse = append(inUse, c.Base)
	}
	return inUse
}

// ratesDate is the newest date among the rates of the currencies used.
func ratesDate(rates []salary.Rate, inUse []string) time.Time {
	var newest time.Time
	for _, r := range rates {
		if slices.Contains(inUse, r.Currency) && r.AsOf.After(newest) {
			newest = r.AsOf
		}
	}
	return newest
}

// Top is the highest figure of the comparison in its base currency, market
// ranges and offers alike: the end of a scale they share.
func (c SalaryComparison) Top() int64 {
	var top int64
	for _, rows := range [][]salary.Compared{c.Rows, c.Offers} {
		for _, r := range rows {
			if r.Err == nil {
				top = max(top, r.BaseMax)
			}
		}
	}
	return top
}

// TargetCountries lists the countries the learner can aim for: those of
// the market ranges. A country known only from an offer has no market
// figure to aim for.
func (d SalaryData) TargetCountries() []salary.Country {
	return salary.Countries(salary.Markets(d.Ranges))
}

// TargetPay is the market range the learner aims for, in their currency;
// an offer never is.
func (d SalaryData) TargetPay() TargetPay {
	cmp := d.Settings
	r, ok := salary.ForTarget(d.Ranges, cmp.TargetCountry, cmp.TargetLevel)
	pay := TargetPay{Settings: cmp, Range: r, Found: ok}
	if !ok || r.Currency == cmp.Base {
		return pay
	}
	if conv, err := salary.NewConverter(cmp.Base, cmp.PriceCountry(), d.Rates, d.PPP); err == nil && conv.WithAnnual(d.Annual) == nil {
		if c := salary.Compare([]salary.Range{r}, conv, false)[0]; c.Err == nil {
			pay.InBase = &c
		}
	}
	return pay
}

// RateUsed is a rate a figure converted at: a current rate with its date,
// or a year's average.
type RateUsed struct {
	Currency, PerEUR, Source, Link string
	AsOf                           time.Time // a current rate's date; zero for an average
	Year                           int       // an average's year; 0 for a current rate
	Manual                         bool
}

// RatesUsed are the rates an amount of currency earned in year converts
// to base at, through the euro: the year's averages when both are stored,
// else the current rates. None for an amount already in base.
func (d SalaryData) RatesUsed(currency, base string, year int) []RateUsed {
	if currency == base {
		return nil
	}
	need := []string{}
	for _, c := range []string{currency, base} {
		if c != "EUR" {
			need = append(need, c)
		}
	}
	var averages []RateUsed
	for _, c := range need {
		for _, a := range d.Annual {
			if a.Currency == c && a.Year == year {
				averages = append(averages, RateUsed{Currency: c, PerEUR: a.PerEUR, Source: a.Source, Link: a.Link, Year: year})
			}
		}
	}
	if len(averages) == len(need) {
		return averages
	}
	var current []RateUsed
	for _, c := range need {
		for _, r := range d.Rates {
			if r.Currency == c {
				current = append(current, RateUsed{Currency: c, PerEUR: r.PerEUR, Source: r.Source, Link: r.Link, AsOf: r.AsOf, Manual: r.Manual})
			}
		}
	}
	return current
}
