// Package salary holds yearly salary ranges and writes their amounts the way
// people read money: with the currency's own symbol and grouped digits.
package salary

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"

	"github.com/dustin/go-humanize"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// Range is what a backend developer earns in a year in one country, in whole
// units of the local currency: a published figure or an offer the learner
// met.
type Range struct {
	ID          uint
	Country     string
	CountryCode string // ISO 3166-1 alpha-2, e.g. "GB"
	Level       Level
	Currency    string // ISO 4217, e.g. "GBP"
	Min, Max    int64
	Median      int64 // 0 when not known
	Year        int
	Source      string
	// Kind says whether the figure is a market range, published for many
	// jobs, or one offer or job ad the learner met: only market ranges
	// speak for the market, and the learner's target.
	Kind Kind
	// City is where the job is, when it matters (an offer, a city's
	// range); empty for a whole country.
	City string
	// Link is where the source can be read; SourceDate the day it was
	// published. Either may be empty (zero).
	Link       string
	SourceDate time.Time
}

// Kind is what a salary figure stands for.
type Kind string

// The kinds of salary figures.
const (
	Market Kind = "market"
	Offer  Kind = "offer"
)

// KindOrMarket is the range's kind, a market range when not set.
func (r Range) KindOrMarket() Kind {
	if r.Kind == "" {
		return Market
	}
	return r.Kind
}

// IsOffer reports whether the figure is one offer or job ad.
func (r Range) IsOffer() bool { return r.Kind == Offer }

// Level is the seniority a salary is for.
type Level string

// The levels, in display order.
const (
	Unspecified Level = "unspecified"
	Junior      Level = "junior"
	Mid         Level = "mid"
	Senior      Level = "senior"
)

// Levels lists every level in display order.
var Levels = []Level{Unspecified, Junior, Mid, Senior}

// Valid reports whether l is one of Levels.
func (l Level) Valid() bool {
	for _, v := range Levels {
		if l == v {
			return true
		}
	}
	return false
}

// Label is the level as a person reads it.
func (l Level) Label() string {
	switch l {
	case Junior:
		return "Junior"
	case Mid:
		return "Mid-level"
	case Senior:
		return "Senior"
	}
	return "Any level"
}

// LevelFromLabel is the inverse of Label.
func LevelFromLabel(label string) (Level, error) {
	for _, l := range Levels {
		if l.Label() == label {
			return l, nil
		}
	}
	return "", fmt.Errorf("unknown level %q", label)
}

// Plausible bounds for a salary's year and amount: the figures are about
// recent yearly pay, and a billion in any currency is a typo.
const (
	MinYear   = 1990
	MaxYear   = 2100
	MaxAmount = 1_000_000_000_000
)

// How many salary ranges, exchange rates and purchasing power factors the
// app keeps (see plan.MaxSessions for why there are limits at all).
const (
	MaxRanges     = 5_000
	MaxRates      = 300
	MaxPPPFactors = 300
)

// Validate explains everything that is wrong with r, joined.
func (r Range) Validate() error {
	var errs []error
	if err := plan.ValidateName("country", r.Country); err != nil {
		errs = append(errs, err)
	}
	if err := plan.ValidateLength("source", r.Source, plan.MaxTextLen); err != nil {
		errs = append(errs, err)
	}
	if err := ValidateCurrency(r.Currency); err != nil {
		errs = append(errs, err)
	}
	if err := ValidateCountryCode(r.CountryCode); err != nil {
		errs = append(errs, err)
	}
	if !r.Level.Valid() {
		errs = append(errs, fmt.Errorf("%q is not a level: use junior, mid, senior or unspecified", r.Level))
	}
	if err := r.validateAmounts(); err != nil {
		errs = append(errs, err)
	}
	if r.Year < MinYear || r.Year > MaxYear {
		errs = append(errs, fmt.Errorf("the year %d is not between %d and %d", r.Year, MinYear, MaxYear))
	}
	if err := r.validateKind(); err != nil {
		errs = append(errs, err)
	}
	if err := ValidateSourceLink(r.Link); err != nil {
		errs = append(errs, err)
	}
	if err := plan.ValidateOptionalDate("date of the source", r.SourceDate); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// validateKind checks the kind and the city: an offer is one amount.
func (r Range) validateKind() error {
	if err := plan.ValidateLength("city", r.City, plan.MaxNameLen); err != nil {
		return err
	}
	switch r.KindOrMarket() {
	case Market:
		return nil
	case Offer:
		if r.Min != r.Max || r.Median != 0 {
			return fmt.Errorf("an offer is one amount, not a range from %s to %s", humanize.Comma(r.Min), humanize.Comma(r.Max))
		}
		return nil
	}
	return fmt.Errorf("%q is not a kind of salary figure: use market or offer", r.Kind)
}

// validateAmounts checks the minimum, maximum and median against each
// other.
func (r Range) validateAmounts() error {
	switch {
	case r.Min <= 0 || r.Max <= 0:
		return fmt.Errorf("amounts must be positive (got %d to %d)", r.Min, r.Max)
	case r.Min > r.Max:
		return fmt.Errorf("the minimum %s is above the maximum %s", humanize.Comma(r.Min), humanize.Comma(r.Max))
	case r.Max > MaxAmount:
		return fmt.Errorf("the maximum %s is beyond any salary; check the number of zeros", humanize.Comma(r.Max))
	case r.Median != 0 && (r.Median < r.Min || r.Median > r.Max):
		return fmt.Errorf("the median %s is outside the range %s to %s", humanize.Comma(r.Median), humanize.Comma(r.Min), humanize.Comma(r.Max))
	}
	return nil
}

// ValidateCountryCode checks an ISO 3166-1 alpha-2 code: two capital
// letters A to Z.
func ValidateCountryCode(code string) error {
	if len(code) != 2 || !capitalLetters(code) {
		return fmt.Errorf("the country code %q is not two capital letters such as GB", code)
	}
	return nil
}

func capitalLetters(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// ValidateCurrency checks that code is an ISO 4217 currency code in capitals.
func ValidateCurrency(code string) error {
	if len(code) != 3 || strings.ToUpper(code) != code {
		return fmt.Errorf("%q is not a currency code: use three capital letters such as USD or EUR", code)
	}
	if _, err := currency.ParseISO(code); err != nil {
		return fmt.Errorf("%q is not a known ISO 4217 currency code", code)
	}
	return nil
}

var printer = message.NewPrinter(language.English)

// Symbol is the currency's usual English symbol ("£", "CA$"), or its code
// when it has none or is unknown.
func Symbol(code string) string {
	unit, err := currency.ParseISO(code)
	if err != nil {
		return code
	}
	return printer.Sprint(currency.Symbol(unit))
}

// Format writes a whole amount with its symbol: "£40,000", "CHF 90,000".
func Format(code string, amount int64) string {
	return withSymbol(code, humanize.Comma(amount))
}

// FormatRange writes a range: "€40,000 – €70,000". An offer, or any
// figure whose minimum is its maximum, is one amount: "€58,000".
func FormatRange(r Range) string {
	if r.Min == r.Max {
		return Format(r.Currency, r.Min)
	}
	return Format(r.Currency, r.Min) + " – " + Format(r.Currency, r.Max)
}

// Compact writes an amount the short way people say it: "$90k", "A$1.2M".
func Compact(code string, amount int64) string {
	value, prefix := humanize.ComputeSI(float64(amount))
	suffix := map[string]string{"k": "k", "M": "M", "G": "B"}[prefix]
	if prefix != "" && suffix == "" {
		return Format(code, amount)
	}
	digits := 0 // "$83k", not "$83.2k"
	if value < 10 {
		digits = 1 // but "A$1.2M"
	}
	// FtoaWithDigits cuts digits off; round first so 110.98k reads 111k.
	scale := math.Pow(10, float64(digits))
	return withSymbol(code, humanize.FtoaWithDigits(math.Round(value*scale)/scale, digits)+suffix)
}

// CompactRange writes a range the short way: "$90k – $120k". An offer is
// one amount after its city, if it has one: "Berlin · €58k"; a market
// range whose minimum is its maximum is one amount too.
func CompactRange(r Range) string {
	if r.Min != r.Max {
		return Compact(r.Currency, r.Min) + " – " + Compact(r.Currency, r.Max)
	}
	if r.IsOffer() && r.City != "" {
		return r.City + " · " + Compact(r.Currency, r.Min)
	}
	return Compact(r.Currency, r.Min)
}

// Place is where the figure is from: "Berlin, Germany", or the country
// alone.
func (r Range) Place() string {
	if r.City == "" {
		return r.Country
	}
	return r.City + ", " + r.Country
}

func withSymbol(code, digits string) string {
	sym := Symbol(code)
	last := []rune(sym)[len([]rune(sym))-1]
	if unicode.IsLetter(last) {
		return sym + " " + digits
	}
	return sym + digits
}
