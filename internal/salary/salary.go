// Package salary holds yearly salary ranges and writes their amounts the way
// people read money: with the currency's own symbol and grouped digits.
package salary

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/dustin/go-humanize"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Range is what a backend developer earns in a year in one country, in whole
// units of the local currency.
type Range struct {
	ID          uint
	Country     string
	CountryCode string // ISO 3166-1 alpha-2, e.g. "GB"
	Currency    string // ISO 4217, e.g. "GBP"
	Min, Max    int64
	Year        int
	Source      string
}

// Plausible bounds for a salary's year: the figures are about recent pay.
const (
	MinYear = 1990
	MaxYear = 2100
)

// Validate explains everything that is wrong with r, joined.
func (r Range) Validate() error {
	var errs []error
	if strings.TrimSpace(r.Country) == "" {
		errs = append(errs, errors.New("the country is missing"))
	}
	if err := ValidateCurrency(r.Currency); err != nil {
		errs = append(errs, err)
	}
	if r.Min <= 0 || r.Max <= 0 {
		errs = append(errs, fmt.Errorf("amounts must be positive (got %d to %d)", r.Min, r.Max))
	} else if r.Min > r.Max {
		errs = append(errs, fmt.Errorf("the minimum %s is above the maximum %s", humanize.Comma(r.Min), humanize.Comma(r.Max)))
	}
	if r.Year < MinYear || r.Year > MaxYear {
		errs = append(errs, fmt.Errorf("the year %d is not between %d and %d", r.Year, MinYear, MaxYear))
	}
	return errors.Join(errs...)
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

// FormatRange writes a range: "€40,000 – €70,000".
func FormatRange(r Range) string {
	return Format(r.Currency, r.Min) + " – " + Format(r.Currency, r.Max)
}

// Compact writes an amount the short way people say it: "$90k", "A$1.2M".
func Compact(code string, amount int64) string {
	value, prefix := humanize.ComputeSI(float64(amount))
	suffix := map[string]string{"k": "k", "M": "M", "G": "B"}[prefix]
	if prefix != "" && suffix == "" {
		return Format(code, amount)
	}
	return withSymbol(code, humanize.FtoaWithDigits(value, 1)+suffix)
}

// CompactRange writes a range the short way: "$90k – $120k".
func CompactRange(r Range) string {
	return Compact(r.Currency, r.Min) + " – " + Compact(r.Currency, r.Max)
}

func withSymbol(code, digits string) string {
	sym := Symbol(code)
	last := []rune(sym)[len([]rune(sym))-1]
	if unicode.IsLetter(last) {
		return sym + " " + digits
	}
	return sym + digits
}
