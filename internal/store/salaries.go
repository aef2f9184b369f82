package store

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/studyplanner/studyplanner/internal/salary"
)

// Salaries loads the salary ranges in their stored order.
func (s *Store) Salaries() ([]salary.Range, error) {
	out := []salary.Range{}
	var r salaryRow
	var id, year int64
	dest := []any{integer{&id}, &r.Country, &r.CountryCode, &r.Level, &r.Currency, integer{&r.MinAmount}, integer{&r.MaxAmount},
		integer{&r.MedianAmount}, integer{&year}, &r.Source, &r.Kind, &r.City, &r.Link, &r.SourceDate}
	err := eachScan(s.db, `SELECT id, country, country_code, level, currency, min_amount, max_amount, median_amount,
		year, source, kind, city, link, source_date FROM salaries ORDER BY position, id`, dest, func() {
		r.ID, r.Year = uint(id), int(year)
		out = append(out, rangeOf(r))
	})
	if err != nil {
		return nil, fmt.Errorf("loading the salaries: %w", explain(err))
	}
	return out, nil
}

func rangeOf(r salaryRow) salary.Range {
	return salary.Range{ID: r.ID, Country: r.Country, CountryCode: r.CountryCode, Level: salary.Level(r.Level), Currency: r.Currency,
		Min: r.MinAmount, Max: r.MaxAmount, Median: r.MedianAmount, Year: r.Year, Source: r.Source,
		Kind: salary.Kind(r.Kind), City: r.City, Link: r.Link, SourceDate: parseOptionalDate(r.SourceDate)}
}

func salaryRowOf(r salary.Range) salaryRow {
	return salaryRow{ID: r.ID, Country: strings.TrimSpace(r.Country), CountryCode: r.CountryCode, Level: string(r.Level), Currency: r.Currency,
		MinAmount: r.Min, MaxAmount: r.Max, MedianAmount: r.Median, Year: r.Year, Source: strings.TrimSpace(r.Source),
		Kind: string(r.KindOrMarket()), City: strings.TrimSpace(r.City), Link: strings.TrimSpace(r.Link), SourceDate: formatOptionalDate(r.SourceDate)}
}

func salaryColumns(r salary.Range) columns {
	row := salaryRowOf(r)
	return columns{"country": row.Country, "country_code": row.CountryCode, "level": row.Level, "currency": row.Currency,
		"min_amount": row.MinAmount, "max_amount": row.MaxAmount, "median_amount": row.MedianAmount,
		"year": row.Year, "source": row.Source, "kind": row.Kind, "city": row.City, "link": row.Link, "source_date": row.SourceDate}
}

// AddSalary stores a new salary range after checking it, and returns its
// ID.
func (s *Store) AddSalary(r salary.Range) (uint, error) {
	if err := r.Validate(); err != nil {
		return 0, err
	}
	row := salaryRowOf(r)
	row.ID = 0
	err := s.write(func(tx *gorm.DB) error {
		row.Position = nextPosition(tx, "salaries", "1 = 1")
		return tx.Create(&row).Error
	}, "salaries")
	if err != nil {
		return 0, fmt.Errorf("adding the salary: %w", err)
	}
	return row.ID, nil
}

// UpdateSalary saves the fields of a salary range changed from before to
// after. The range that results with the fields as they are now stored is
// checked whole (a minimum raised here must stay under a maximum lowered
// in another window).
func (s *Store) UpdateSalary(before, after salary.Range) error {
	if err := after.Validate(); err != nil {
		return err
	}
	err := s.write(func(tx *gorm.DB) error {
		var current salaryRow
		if err := rowsChanged(tx.Limit(1).Find(&current, before.ID), "salary"); err != nil {
			return err
		}
		changed := changedColumns(salaryColumns(before), salaryColumns(after))
		merged := salaryColumns(rangeOf(current))
		for k, v := range changed {
			merged[k] = v
		}
		if err := rangeOfColumns(merged).Validate(); err != nil {
			return fmt.Errorf("with the changes made meanwhile elsewhere, %w", err)
		}
		return updateChanged(tx, "salaries", "id", before.ID, salaryColumns(before), salaryColumns(after), "salary")
	})
	if err != nil {
		return fmt.Errorf("saving the salary: %w", err)
	}
	return nil
}

func rangeOfColumns(c columns) salary.Range {
	return salary.Range{Country: c["country"].(string), CountryCode: c["country_code"].(string), Level: salary.Level(c["level"].(string)),
		Currency: c["currency"].(string), Min: c["min_amount"].(int64), Max: c["max_amount"].(int64), Median: c["median_amount"].(int64),
		Year: c["year"].(int), Source: c["source"].(string), Kind: salary.Kind(c["kind"].(string)), City: c["city"].(string),
		Link: c["link"].(string), SourceDate: parseOptionalDate(c["source_date"].(string))}
}

// parseOptionalDate reads a stored date that may be empty.
func parseOptionalDate(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	return parseDate(s)
}

func formatOptionalDate(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return formatDate(d)
}

// DeleteSalary removes a salary range.
func (s *Store) DeleteSalary(id uint) error { return s.deleteRow(&salaryRow{}, id, "salary") }

// Rates loads the exchange rates by currency.
func (s *Store) Rates() ([]salary.Rate, error) {
	out := []salary.Rate{}
	var r rateRow
	err := eachScan(s.db, `SELECT currency, per_eur, as_of, source, `+since(s.schema, 8, "link", "''")+`, `+since(s.schema, 8, "manual", "0")+`
		FROM exchange_rates ORDER BY currency`,
		[]any{&r.Currency, &r.PerEUR, &r.AsOf, &r.Source, &r.Link, &r.Manual}, func() {
			out = append(out, salary.Rate{Currency: r.Currency, PerEUR: r.PerEUR, AsOf: parseDate(r.AsOf), Source: r.Source, Link: r.Link, Manual: r.Manual})
		})
	if err != nil {
		return nil, fmt.Errorf("loading the exchange rates: %w", explain(err))
	}
	return out, nil
}

func rateColumns(r salary.Rate) columns {
	return columns{"currency": r.Currency, "per_eur": strings.TrimSpace(r.PerEUR), "as_of": formatDate(r.AsOf), "source": strings.TrimSpace(r.Source),
		"link": strings.TrimSpace(r.Link), "manual": r.Manual}
}

// SaveRate stores an exchange rate the learner typed, marked as theirs so
// no update replaces it unasked: a new one when before has no currency
// (replacing any rate the currency already has: the learner typed it all),
// else only the fields changed from before, the currency included.
func (s *Store) SaveRate(before, after salary.Rate) error {
	after.PerEUR = strings.TrimSpace(after.PerEUR)
	after.Manual = true
	if err := after.Validate(); err != nil {
		return err
	}
	err := s.write(func(tx *gorm.DB) error {
		if before.Currency == "" {
			row := rateRow{Currency: after.Currency, PerEUR: after.PerEUR, AsOf: formatDate(after.AsOf), Source: strings.TrimSpace(after.Source),
				Link: strings.TrimSpace(after.Link), Manual: true}
			return tx.Save(&row).Error
		}
		return updateChanged(tx, "exchange_rates", "currency", before.Currency, rateColumns(before), rateColumns(after), "exchange rate")
	}, "exchange_rates")
	if isUniqueViolation(err) {
		return fmt.Errorf("%s already has a rate; edit that one instead", after.Currency)
	}
	if err != nil {
		return fmt.Errorf("saving the rate of %s: %w", after.Currency, err)
	}
	return nil
}

// DeleteRate removes a currency's exchange rate.
func (s *Store) DeleteRate(currency string) error {
	err := s.write(func(tx *gorm.DB) error {
		return rowsChanged(tx.Where("currency = ?", currency).Delete(&rateRow{}), "exchange rate")
	})
	if err != nil {
		return fmt.Errorf("deleting the rate of %s: %w", currency, err)
	}
	return nil
}

// PPPFactors loads the purchasing power factors by country code.
func (s *Store) PPPFactors() ([]salary.PPP, error) {
	out := []salary.PPP{}
	var r pppRow
	var year int64
	err := eachScan(s.db, `SELECT country_code, country, factor, year, source, `+since(s.schema, 8, "link", "''")+`, `+since(s.schema, 8, "released", "''")+`
		FROM ppp_factors ORDER BY country_code`,
		[]any{&r.CountryCode, &r.Country, &r.Factor, integer{&year}, &r.Source, &r.Link, &r.Released}, func() {
			out = append(out, salary.PPP{CountryCode: r.CountryCode, Country: r.Country, Factor: r.Factor, Year: int(year), Source: r.Source,
				Link: r.Link, Released: parseOptionalDate(r.Released)})
		})
	if err != nil {
		return nil, fmt.Errorf("loading the purchasing power factors: %w", explain(err))
	}
	return out, nil
}

func pppColumns(p salary.PPP) columns {
	return columns{"country_code": p.CountryCode, "country": strings.TrimSpace(p.Country), "factor": strings.TrimSpace(p.Factor),
		"year": p.Year, "source": strings.TrimSpace(p.Source), "link": strings.TrimSpace(p.Link), "released": formatOptionalDate(p.Released)}
}

// SavePPP stores a purchasing power factor the way SaveRate stores a rate.
func (s *Store) SavePPP(before, after salary.PPP) error {
	after.Factor = strings.TrimSpace(after.Factor)
	if err := after.Validate(); err != nil {
		return err
	}
	err := s.write(func(tx *gorm.DB) error {
		if before.CountryCode == "" {
			c := pppColumns(after)
			row := pppRow{CountryCode: after.CountryCode, Country: c["country"].(string), Factor: after.Factor, Year: after.Year, Source: c["source"].(string),
				Link: c["link"].(string), Released: c["released"].(string)}
			return tx.Save(&row).Error
		}
		return updateChanged(tx, "ppp_factors", "country_code", before.CountryCode, pppColumns(before), pppColumns(after), "purchasing power factor")
	}, "ppp_factors")
	if isUniqueViolation(err) {
		return fmt.Errorf("%s already has a factor; edit that one instead", after.CountryCode)
	}
	if err != nil {
		return fmt.Errorf("saving the factor of %s: %w", after.CountryCode, err)
	}
	return nil
}

// DeletePPP removes a country's purchasing power factor.
func (s *Store) DeletePPP(countryCode string) error {
	err := s.write(func(tx *gorm.DB) error {
		return rowsChanged(tx.Where("country_code = ?", countryCode).Delete(&pppRow{}), "purchasing power factor")
	})
	if err != nil {
		return fmt.Errorf("deleting the factor of %s: %w", countryCode, err)
	}
	return nil
}
