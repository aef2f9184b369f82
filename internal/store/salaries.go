package store

import (
	"fmt"
	"strings"

	"gorm.io/gorm"

	"github.com/studyplanner/studyplanner/internal/salary"
)

// Salaries loads the salary ranges in their stored order.
func (s *Store) Salaries() ([]salary.Range, error) {
	var rows []salaryRow
	if err := s.db.Scopes(byPosition).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("loading the salaries: %w", err)
	}
	out := make([]salary.Range, len(rows))
	for i, r := range rows {
		out[i] = rangeOf(r)
	}
	return out, nil
}

func rangeOf(r salaryRow) salary.Range {
	return salary.Range{ID: r.ID, Country: r.Country, CountryCode: r.CountryCode, Level: salary.Level(r.Level), Currency: r.Currency,
		Min: r.MinAmount, Max: r.MaxAmount, Median: r.MedianAmount, Year: r.Year, Source: r.Source}
}

func salaryRowOf(r salary.Range) salaryRow {
	return salaryRow{ID: r.ID, Country: strings.TrimSpace(r.Country), CountryCode: r.CountryCode, Level: string(r.Level), Currency: r.Currency,
		MinAmount: r.Min, MaxAmount: r.Max, MedianAmount: r.Median, Year: r.Year, Source: strings.TrimSpace(r.Source)}
}

// SaveSalary creates (ID 0) or updates a salary range after checking it.
func (s *Store) SaveSalary(r salary.Range) (uint, error) {
	if err := r.Validate(); err != nil {
		return 0, err
	}
	row := salaryRowOf(r)
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if r.ID == 0 {
			row.Position = nextPosition(tx, "salaries", "1 = 1")
			return tx.Create(&row).Error
		}
		res := tx.Model(&salaryRow{}).Where("id = ?", r.ID).Updates(map[string]any{
			"country": row.Country, "country_code": row.CountryCode, "level": row.Level, "currency": row.Currency,
			"min_amount": row.MinAmount, "max_amount": row.MaxAmount, "median_amount": row.MedianAmount,
			"year": row.Year, "source": row.Source,
		})
		return rowsChanged(res, "salary")
	})
	if err != nil {
		return 0, fmt.Errorf("saving the salary: %w", err)
	}
	return row.ID, nil
}

// DeleteSalary removes a salary range.
func (s *Store) DeleteSalary(id uint) error {
	return rowsChanged(s.db.Delete(&salaryRow{}, id), "salary")
}

// Rates loads the exchange rates by currency.
func (s *Store) Rates() ([]salary.Rate, error) {
	var rows []rateRow
	if err := s.db.Order("currency").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("loading the exchange rates: %w", err)
	}
	out := make([]salary.Rate, len(rows))
	for i, r := range rows {
		out[i] = salary.Rate{Currency: r.Currency, PerEUR: r.PerEUR, AsOf: parseDate(r.AsOf), Source: r.Source}
	}
	return out, nil
}

// SaveRate adds or replaces a currency's exchange rate.
func (s *Store) SaveRate(r salary.Rate) error {
	r.PerEUR = strings.TrimSpace(r.PerEUR)
	if err := r.Validate(); err != nil {
		return err
	}
	row := rateRow{Currency: r.Currency, PerEUR: r.PerEUR, AsOf: formatDate(r.AsOf), Source: strings.TrimSpace(r.Source)}
	if err := s.db.Save(&row).Error; err != nil {
		return fmt.Errorf("saving the rate of %s: %w", r.Currency, err)
	}
	return nil
}

// DeleteRate removes a currency's exchange rate.
func (s *Store) DeleteRate(currency string) error {
	return rowsChanged(s.db.Where("currency = ?", currency).Delete(&rateRow{}), "exchange rate")
}

// PPPFactors loads the purchasing power factors by country code.
func (s *Store) PPPFactors() ([]salary.PPP, error) {
	var rows []pppRow
	if err := s.db.Order("country_code").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("loading the purchasing power factors: %w", err)
	}
	out := make([]salary.PPP, len(rows))
	for i, r := range rows {
		out[i] = salary.PPP{CountryCode: r.CountryCode, Country: r.Country, Factor: r.Factor, Year: r.Year, Source: r.Source}
	}
	return out, nil
}

// SavePPP adds or replaces a country's purchasing power factor.
func (s *Store) SavePPP(p salary.PPP) error {
	p.Factor = strings.TrimSpace(p.Factor)
	if err := p.Validate(); err != nil {
		return err
	}
	row := pppRow{CountryCode: p.CountryCode, Country: strings.TrimSpace(p.Country), Factor: p.Factor, Year: p.Year, Source: strings.TrimSpace(p.Source)}
	if err := s.db.Save(&row).Error; err != nil {
		return fmt.Errorf("saving the factor of %s: %w", p.CountryCode, err)
	}
	return nil
}

// DeletePPP removes a country's purchasing power factor.
func (s *Store) DeletePPP(countryCode string) error {
	return rowsChanged(s.db.Where("country_code = ?", countryCode).Delete(&pppRow{}), "purchasing power factor")
}

// Comparison loads how the learner compares salaries.
func (s *Store) Comparison() (salary.Comparison, error) {
	var rows []planSettingsRow
	if err := s.db.Limit(1).Find(&rows).Error; err != nil {
		return salary.Comparison{}, fmt.Errorf("loading the comparison settings: %w", err)
	}
	if len(rows) == 0 {
		return salary.Comparison{Base: "USD", TargetCountry: "US", TargetLevel: salary.Junior}, nil
	}
	r := rows[0]
	return salary.Comparison{Base: r.BaseCurrency, TargetCountry: r.TargetCountry, TargetLevel: salary.Level(r.TargetLevel)}, nil
}

// SaveComparison stores how the learner compares salaries.
func (s *Store) SaveComparison(c salary.Comparison) error {
	if err := c.Validate(); err != nil {
		return err
	}
	err := s.db.Model(&planSettingsRow{}).Where("id = 1").Updates(map[string]any{
		"base_currency": c.Base, "target_country": c.TargetCountry, "target_level": string(c.TargetLevel)}).Error
	if err != nil {
		return fmt.Errorf("saving the comparison settings: %w", err)
	}
	return nil
}
