package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// What the learner is adding, as the form's first choice puts it.
const (
	marketChoice = "A market range (published figures)"
	offerChoice  = "An offer or job ad I saw"
)

// salaryFields are the salary form's fields. Which of them the form shows
// depends on the kind chosen at its top: a market range has a minimum, a
// maximum and perhaps a median; an offer has one amount.
type salaryFields struct {
	kind                          *widget.RadioGroup
	country, code, city, currency *widgets.TextField
	level                         *widgets.Choice
	amount                        *widgets.TextField
	minimum, maximum, median      *widgets.TextField
	year, source, link            *widgets.TextField
}

// linkField is the optional address a figure's source can be read at.
func linkField(link string) *widgets.TextField {
	f := widgets.NewTextField(plan.MaxTextLen)
	f.SetText(link)
	f.Validator = func(v string) error {
		if strings.TrimSpace(v) == "" {
			return nil
		}
		if _, ok := plan.SafeURL(v); !ok {
			return errors.New("a web address in full, starting with https://")
		}
		return nil
	}
	return f
}

// newSalaryFields makes the fields, filled from r; years up to the one
// after thisYear are accepted.
func newSalaryFields(r salary.Range, thisYear int) *salaryFields {
	f := &salaryFields{country: widgets.NewTextField(plan.MaxNameLen), code: widgets.NewCodeField(2), currency: widgets.NewCodeField(3),
		city: widgets.NewTextField(plan.MaxNameLen), year: widgets.NewTextField(4), source: widgets.NewMultiLineTextField(plan.MaxTextLen)}
	f.kind = widget.NewRadioGroup([]string{marketChoice, offerChoice}, nil)
	f.kind.Required = true
	f.kind.SetSelected(marketChoice)
	if r.IsOffer() {
		f.kind.SetSelected(offerChoice)
	}
	f.country.SetText(r.Country)
	f.country.Validator = requiredText("the country")
	f.code.SetText(r.CountryCode)
	f.code.Validator = func(v string) error {
		if salary.ValidateCountryCode(strings.TrimSpace(v)) != nil {
			return errors.New("two capital letters, such as DE or GB")
		}
		return nil
	}
	f.city.SetText(r.City)
	var levels []string
	for _, l := range salary.Levels {
		levels = append(levels, l.Label())
	}
	f.level = widgets.NewChoice(levels, nil)
	f.level.SetSelected(r.Level.Label())
	f.currency.SetText(r.Currency)
	f.currency.Validator = currencyValidator
	if r.IsOffer() {
		f.amount = amountEntry(r.Min, true)
		f.minimum, f.maximum, f.median = amountEntry(0, true), amountEntry(0, true), amountEntry(0, false)
	} else {
		f.amount = amountEntry(0, true)
		f.minimum, f.maximum, f.median = amountEntry(r.Min, true), amountEntry(r.Max, true), amountEntry(r.Median, false)
	}
	f.year.SetText(strconv.Itoa(r.Year))
	f.year.Validator = func(t string) error {
		y, err := strconv.Atoi(strings.TrimSpace(t))
		if err != nil || y < salary.MinYear || y > thisYear+1 {
			return fmt.Errorf("a year from %d to %d", salary.MinYear, thisYear+1)
		}
		return nil
	}
	f.source.SetMinRowsVisible(2)
	f.source.SetText(r.Source)
	f.link = linkField(r.Link)
	return f
}

// amountEntry is an entry for a yearly amount, filled with v unless 0.
func amountEntry(v int64, required bool) *widgets.TextField {
	e := widgets.NewTextField(numberLen)
	if v != 0 {
		e.SetText(strconv.FormatInt(v, 10))
	}
	e.Validator = func(t string) error {
		if strings.TrimSpace(t) == "" && !required {
			return nil
		}
		_, err := parseAmount(t)
		return err
	}
	return e
}

// isOffer reports whether the form is for an offer or job ad.
func (f *salaryFields) isOffer() bool { return f.kind.Selected == offerChoice }

// items are the fields for the kind chosen. Every hint says what to write;
// none stands inside a field, where it would pass for a value.
func (f *salaryFields) items() []*widget.FormItem {
	yearly := "Yearly, before tax, in whole units of the currency"
	items := []*widget.FormItem{
		widget.NewFormItem("This is", f.kind),
		widget.NewFormItem("Country", f.country),
		{Text: "Country code", Widget: f.code, HintText: "Two capital letters, e.g. DE for Germany"},
		{Text: "City", Widget: f.city, HintText: "Optional: leave empty for the whole country"},
		widget.NewFormItem("Level", f.level),
		{Text: "Currency", Widget: f.currency, HintText: "Three capital letters, e.g. EUR or USD"},
	}
	if f.isOffer() {
		items[3].HintText = "Optional: where the job is"
		return append(items,
			&widget.FormItem{Text: "Amount", Widget: f.amount, HintText: yearly},
			widget.NewFormItem("Year", f.year),
			&widget.FormItem{Text: "Company or ad", Widget: f.source, HintText: "Optional: who offered it, or where you saw the ad"},
			&widget.FormItem{Text: "Link", Widget: f.link, HintText: "Optional: the ad's or offer's address"},
		)
	}
	return append(items,
		&widget.FormItem{Text: "Minimum", Widget: f.minimum, HintText: yearly},
		widget.NewFormItem("Maximum", f.maximum),
		&widget.FormItem{Text: "Median", Widget: f.median, HintText: "Optional"},
		widget.NewFormItem("Year", f.year),
		&widget.FormItem{Text: "Source", Widget: f.source, HintText: "Optional: where the figures come from, e.g. a survey or a report"},
		&widget.FormItem{Text: "Link", Widget: f.link, HintText: "Optional: the source's address, to check the figures"},
	)
}

// carryAmounts keeps what was typed when the kind changes: an offer's
// amount becomes a range's minimum, and a range whose minimum is its
// maximum (or has no maximum yet) becomes an offer's amount.
func (f *salaryFields) carryAmounts() {
	blank := func(e *widgets.TextField) bool { return strings.TrimSpace(e.Text) == "" }
	if f.isOffer() {
		if blank(f.amount) && (blank(f.maximum) || f.maximum.Text == f.minimum.Text) {
			f.amount.SetText(f.minimum.Text)
		}
		return
	}
	if blank(f.minimum) && blank(f.maximum) {
		f.minimum.SetText(f.amount.Text)
	}
}

// edited is r as the form now says, or what is wrong with the form.
func (f *salaryFields) edited(r salary.Range) (salary.Range, error) {
	edited := r
	edited.Kind = salary.Market
	edited.Country, edited.CountryCode = strings.TrimSpace(f.country.Text), strings.TrimSpace(f.code.Text)
	edited.City = strings.TrimSpace(f.city.Text)
	edited.Level, _ = salary.LevelFromLabel(f.level.Selected)
	edited.Currency, edited.Source = strings.TrimSpace(f.currency.Text), f.source.Text
	edited.Link = strings.TrimSpace(f.link.Text)
	edited.Year, _ = strconv.Atoi(strings.TrimSpace(f.year.Text))
	if f.isOffer() {
		amount, err := parseAmount(f.amount.Text)
		if err != nil {
			return r, fmt.Errorf("amount: %w", err)
		}
		edited.Kind, edited.Min, edited.Max, edited.Median = salary.Offer, amount, amount, 0
		return edited, nil
	}
	var err error
	if edited.Min, err = parseAmount(f.minimum.Text); err != nil {
		return r, fmt.Errorf("minimum: %w", err)
	}
	if edited.Max, err = parseAmount(f.maximum.Text); err != nil {
		return r, fmt.Errorf("maximum: %w", err)
	}
	edited.Median = 0
	if strings.TrimSpace(f.median.Text) != "" {
		if edited.Median, err = parseAmount(f.median.Text); err != nil {
			return r, fmt.Errorf("median: %w", err)
		}
	}
	return edited, nil
}

// parseAmount reads a whole yearly amount, allowing thousands separators.
func parseAmount(t string) (int64, error) {
	clean := strings.NewReplacer(",", "", " ", "", "_", "", "'", "").Replace(strings.TrimSpace(t))
	v, err := strconv.ParseInt(clean, 10, 64)
	if err != nil || v <= 0 {
		return 0, errors.New("a whole positive amount, such as 65000")
	}
	return v, nil
}

// currencyValidator checks a currency code, in words short enough for the
// line under a field (which does not wrap: a long message is cut off).
func currencyValidator(v string) error {
	if salary.ValidateCurrency(strings.TrimSpace(v)) != nil {
		return errors.New("a currency code, such as EUR or USD")
	}
	return nil
}
