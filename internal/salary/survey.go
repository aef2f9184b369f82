package salary

import (
	"errors"
	"fmt"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// Reported is a median of what a survey's respondents say they earn: a
// different measure from an advertised range, which says what employers
// offer. CountryCode is empty for all countries together.
type Reported struct {
	ID          uint
	CountryCode string
	Country     string // "All countries" when CountryCode is empty
	Role        string // the survey's own name for the role
	Year        int
	Currency    string
	Median      int64
	Respondents int // how many answered: the median's n
	Source      string
	Link        string
}

// Validate checks a reported median.
func (r Reported) Validate() error {
	var errs []error
	if r.CountryCode != "" {
		if err := ValidateCountryCode(r.CountryCode); err != nil {
			errs = append(errs, err)
		}
	}
	if err := plan.ValidateName("country", r.Country); err != nil {
		errs = append(errs, err)
	}
	if err := plan.ValidateName("role", r.Role); err != nil {
		errs = append(errs, err)
	}
	if r.Year < MinYear || r.Year > MaxYear {
		errs = append(errs, fmt.Errorf("the year %d is not between %d and %d", r.Year, MinYear, MaxYear))
	}
	if err := ValidateCurrency(r.Currency); err != nil {
		errs = append(errs, err)
	}
	if r.Median <= 0 || r.Median > MaxAmount {
		errs = append(errs, fmt.Errorf("the median %d is not a yearly pay", r.Median))
	}
	if r.Respondents <= 0 {
		errs = append(errs, fmt.Errorf("the number of respondents must be positive (got %d)", r.Respondents))
	}
	if err := plan.ValidateLength("source", r.Source, plan.MaxTextLen); err != nil {
		errs = append(errs, err)
	}
	if err := ValidateSourceLink(r.Link); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// MaxReported is how many reported medians the app keeps, and MaxFixings
// how many daily fixings (a few currencies over several years).
const (
	MaxReported = 1_000
	MaxFixings  = 50_000
)

// ComparedReported is a reported median told in the base currency.
type ComparedReported struct {
	Reported
	BaseMedian    int64
	AtYearAverage bool
	Err           error
}

// CompareReported converts the medians at exchange rates, each at its
// year's averages when stored. Purchasing power is not offered: a survey
// median is already converted to dollars at exchange rates by the survey.
func CompareReported(medians []Reported, c *Converter) []ComparedReported {
	out := make([]ComparedReported, len(medians))
	for i, m := range medians {
		out[i] = ComparedReported{Reported: m}
		v, err := c.NominalIn(m.Median, m.Currency, m.Year)
		if err != nil {
			out[i].Err = err
			continue
		}
		out[i].BaseMedian = v
		if m.Currency != c.Base {
			_, out[i].AtYearAverage = c.RatesFor(m.Currency, m.Year)
		}
	}
	return out
}

// LatestFor picks the newest median reported for a country; none when
// the survey published no figure for it (nothing is guessed).
func LatestFor(medians []ComparedReported, country string) (ComparedReported, bool) {
	var best ComparedReported
	found := false
	for _, m := range medians {
		if m.CountryCode == country && m.Err == nil && (!found || m.Year > best.Year) {
			best, found = m, true
		}
	}
	return best, found
}

// ForCountry lists every median reported for a country, newest first.
func ForCountry(medians []ComparedReported, country string) []ComparedReported {
	var out []ComparedReported
	for _, m := range medians {
		if m.CountryCode == country {
			out = append(out, m)
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Year > out[j-1].Year; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
