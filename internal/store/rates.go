package store

import (
	"fmt"
	"sort"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/studyplanner/studyplanner/internal/salary"
)

// RatesApplied is what an update of the exchange rates did.
type RatesApplied struct {
	// Updated are the rates now stored, each from the newest fixing that
	// holds its currency.
	Updated []salary.Rate
	// Kept are the rates the learner typed, left as they were.
	Kept []salary.Rate
	// Missing are currencies asked for that no fixing holds.
	Missing []string
	// Fixings is how many (currency, day) fixings were recorded.
	Fixings int
}

// ApplyFixings records the ECB's fixings of currencies, each with its
// date, and makes the newest of each currency its current rate, in one
// transaction. A rate the learner typed stays, unless replaceManual; the
// check is made against the row as it is when written, so a rate typed in
// another window meanwhile is kept too.
func (s *Store) ApplyFixings(fixings []salary.Fixing, currencies []string, replaceManual bool) (RatesApplied, error) {
	rows, newest, err := fixingRowsOf(fixings, currencies)
	if err != nil {
		return RatesApplied{}, err
	}
	var out RatesApplied
	err = s.write(func(tx *gorm.DB) error {
		out = RatesApplied{Fixings: len(rows)}
		if len(rows) > 0 {
			if err := tx.Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(rows, 200).Error; err != nil {
				return err
			}
		}
		for _, c := range currencies {
			if err := applyNewest(tx, c, newest, replaceManual, &out); err != nil {
				return err
			}
		}
		return nil
	}, "exchange_rates", "rate_fixings")
	if err != nil {
		return RatesApplied{}, fmt.Errorf("saving the exchange rates: %w", err)
	}
	return out, nil
}

// fixingRowsOf are the rows of the fixings of currencies, and the newest
// rate of each.
func fixingRowsOf(fixings []salary.Fixing, currencies []string) ([]fixingRow, map[string]salary.Rate, error) {
	newest := map[string]salary.Rate{}
	var rows []fixingRow
	for _, f := range fixings {
		for _, c := range currencies {
			r, ok := f.Rate(c)
			if !ok {
				continue
			}
			if err := r.Validate(); err != nil {
				return nil, nil, err
			}
			rows = append(rows, fixingRow{Currency: c, Date: formatDate(f.Date), PerEUR: r.PerEUR, Source: r.Source, Link: r.Link})
			if n, seen := newest[c]; !seen || r.AsOf.After(n.AsOf) {
				newest[c] = r
			}
		}
	}
	return rows, newest, nil
}

// applyNewest makes the newest fixing of currency its rate, unless the
// rate stored now was typed by the learner and they did not ask.
func applyNewest(tx *gorm.DB, currency string, newest map[string]salary.Rate, replaceManual bool, out *RatesApplied) error {
	r, ok := newest[currency]
	if !ok {
		out.Missing = append(out.Missing, currency)
		return nil
	}
	var current []rateRow
	if err := tx.Where("currency = ?", currency).Limit(1).Find(&current).Error; err != nil {
		return err
	}
	if len(current) == 1 && current[0].Manual && !replaceManual {
		c := current[0]
		out.Kept = append(out.Kept, salary.Rate{Currency: currency, PerEUR: c.PerEUR, AsOf: parseDate(c.AsOf), Source: c.Source, Link: c.Link, Manual: true})
		return nil
	}
	row := rateRow{Currency: currency, PerEUR: r.PerEUR, AsOf: formatDate(r.AsOf), Source: r.Source, Link: r.Link}
	if err := tx.Save(&row).Error; err != nil {
		return err
	}
	out.Updated = append(out.Updated, r)
	return nil
}

// LatestFixing is the date of the newest fixing recorded, zero when none
// is.
func (s *Store) LatestFixing() (string, error) {
	var date string
	err := s.db.Raw(`SELECT COALESCE(MAX(date), '') FROM rate_fixings`).Scan(&date).Error
	if err != nil {
		return "", fmt.Errorf("reading the fixings: %w", explain(err))
	}
	return date, nil
}

// Fixings lists the fixings recorded for a currency, newest first.
func (s *Store) Fixings(currency string) ([]salary.Rate, error) {
	var rows []fixingRow
	if err := s.db.Where("currency = ?", currency).Order("date DESC").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("reading the fixings of %s: %w", currency, explain(err))
	}
	out := make([]salary.Rate, len(rows))
	for i, r := range rows {
		out[i] = salary.Rate{Currency: r.Currency, PerEUR: r.PerEUR, AsOf: parseDate(r.Date), Source: r.Source, Link: r.Link}
	}
	return out, nil
}

// AnnualRates loads the years' average rates by currency and year.
func (s *Store) AnnualRates() ([]salary.AnnualRate, error) {
	var rows []annualRow
	if err := s.db.Order("currency, year").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("loading the yearly average rates: %w", explain(err))
	}
	out := make([]salary.AnnualRate, len(rows))
	for i, r := range rows {
		out[i] = salary.AnnualRate{Currency: r.Currency, Year: r.Year, PerEUR: r.PerEUR, Source: r.Source, Link: r.Link}
	}
	return out, nil
}

// SaveAnnualRates stores years' averages, replacing any stored for the
// same currency and year (the ECB's figure for a year is its own).
func (s *Store) SaveAnnualRates(averages []salary.AnnualRate) error {
	rows := make([]annualRow, len(averages))
	for i, a := range averages {
		if err := a.Validate(); err != nil {
			return err
		}
		rows[i] = annualRow{Currency: a.Currency, Year: a.Year, PerEUR: a.PerEUR, Source: a.Source, Link: a.Link}
	}
	if len(rows) == 0 {
		return nil
	}
	err := s.write(func(tx *gorm.DB) error {
		return tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&rows).Error
	}, "annual_rates")
	if err != nil {
		return fmt.Errorf("saving the yearly average rates: %w", err)
	}
	return nil
}

// SurveyMedians loads the reported medians: all countries first, then by
// country and year.
func (s *Store) SurveyMedians() ([]salary.Reported, error) {
	var rows []medianRow
	if err := s.db.Order("country_code, year").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("loading the survey medians: %w", explain(err))
	}
	out := make([]salary.Reported, len(rows))
	for i, r := range rows {
		out[i] = reportedOf(r)
	}
	return out, nil
}

func reportedOf(r medianRow) salary.Reported {
	return salary.Reported{ID: r.ID, CountryCode: r.CountryCode, Country: r.Country, Role: r.Role, Year: r.Year, Currency: r.Currency,
		Median: r.Median, Respondents: r.Respondents, Source: r.Source, Link: r.Link}
}

func medianRowOf(m salary.Reported) medianRow {
	return medianRow{CountryCode: m.CountryCode, Country: m.Country, Role: m.Role, Year: m.Year, Currency: m.Currency,
		Median: m.Median, Respondents: m.Respondents, Source: m.Source, Link: m.Link}
}

// CurrenciesInUse are the currencies the learner's figures are in, and
// those with a rate, sorted, once each.
func (s *Store) CurrenciesInUse() ([]string, error) {
	var codes []string
	err := s.db.Raw(`SELECT currency FROM exchange_rates UNION SELECT currency FROM salaries UNION SELECT currency FROM survey_medians`).
		Scan(&codes).Error
	if err != nil {
		return nil, fmt.Errorf("reading the currencies in use: %w", explain(err))
	}
	out := codes[:0]
	for _, c := range codes {
		if c != "EUR" {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out, nil
}

// SavePPPRelease stores the World Bank's factors, each replacing the
// country's, in one transaction; a factor whose source is not the World
// Bank's was written by the learner and stays, unless replaceOwn. The
// factors kept are returned.
func (s *Store) SavePPPRelease(factors []salary.PPP, replaceOwn bool) ([]salary.PPP, error) {
	for _, p := range factors {
		if err := p.Validate(); err != nil {
			return nil, err
		}
	}
	var kept []salary.PPP
	err := s.write(func(tx *gorm.DB) error {
		kept = nil
		for _, p := range factors {
			var current []pppRow
			if err := tx.Where("country_code = ?", p.CountryCode).Limit(1).Find(&current).Error; err != nil {
				return err
			}
			if len(current) == 1 && !strings.HasPrefix(current[0].Source, "World Bank") && !replaceOwn {
				c := current[0]
				kept = append(kept, salary.PPP{CountryCode: c.CountryCode, Country: c.Country, Factor: c.Factor, Year: c.Year, Source: c.Source, Link: c.Link})
				continue
			}
			row := pppRow{CountryCode: p.CountryCode, Country: p.Country, Factor: p.Factor, Year: p.Year, Source: p.Source, Link: p.Link,
				Released: formatOptionalDate(p.Released)}
			if err := tx.Save(&row).Error; err != nil {
				return err
			}
		}
		return nil
	}, "ppp_factors")
	if err != nil {
		return nil, fmt.Errorf("saving the purchasing power factors: %w", err)
	}
	return kept, nil
}
