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

// salaryFields are the salary form's fields.
type salaryFields struct {
	country, code, currency *widgets.TextField
	level                   *widgets.Choice
	minimum, maximum        *widgets.TextField
	median, year, source    *widgets.TextField
}

// newSalaryFields makes the fields, filled from r; years up to the one
// after thisYear are accepted.
func newSalaryFields(r salary.Range, thisYear int) *salaryFields {
	f := &salaryFields{country: widgets.NewTextField(plan.MaxNameLen), code: widgets.NewTextField(2), currency: widgets.NewTextField(3),
		year: widgets.NewTextField(4), source: widgets.NewMultiLineTextField(plan.MaxTextLen)}
	f.source.SetMinRowsVisible(2)
	f.country.SetText(r.Country)
	f.country.Validator = requiredText("the country")
	f.code.SetText(r.CountryCode)
	f.code.SetPlaceHolder("DE")
	f.code.Validator = func(v string) error {
		v = strings.TrimSpace(v)
		if len(v) != 2 || strings.ToUpper(v) != v {
			return errors.New("two capital letters, such as DE or GB")
		}
		return nil
	}
	var levels []string
	for _, l := range salary.Levels {
		levels = append(levels, l.Label())
	}
	f.level = widgets.NewChoice(levels, nil)
	f.level.SetSelected(r.Level.Label())
	f.currency.SetText(r.Currency)
	f.currency.SetPlaceHolder("EUR")
	f.currency.Validator = func(v string) error { return salary.ValidateCurrency(strings.TrimSpace(v)) }
	f.minimum, f.maximum, f.median = amountEntry(r.Min, true), amountEntry(r.Max, true), amountEntry(r.Median, false)
	f.year.SetText(strconv.Itoa(r.Year))
	f.year.Validator = func(t string) error {
		y, err := strconv.Atoi(strings.TrimSpace(t))
		if err != nil || y < salary.MinYear || y > thisYear+1 {
			return fmt.Errorf("a year from %d to %d", salary.MinYear, thisYear+1)
		}
		return nil
	}
	f.source.SetText(r.Source)
	f.source.SetPlaceHolder("Where the figure comes from: a job ad, an offer, a survey")
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

func (f *salaryFields) items() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem("Country", f.country),
		{Text: "Country code", Widget: f.code, HintText: "ISO 3166 two-letter code"},
		widget.NewFormItem("Level", f.level),
		{Text: "Currency", Widget: f.currency, HintText: "ISO 4217 code, such as EUR or USD"},
		{Text: "Minimum", Widget: f.minimum, HintText: "Yearly, before tax, in whole units"},
		widget.NewFormItem("Maximum", f.maximum),
		{Text: "Median", Widget: f.median, HintText: "Optional"},
		widget.NewFormItem("Year", f.year),
		widget.NewFormItem("Source", f.source),
	}
}

// edited is r as the form now says, or what is wrong with the form.
func (f *salaryFields) edited(r salary.Range) (salary.Range, error) {
	edited := r
	edited.Country, edited.CountryCode = strings.TrimSpace(f.country.Text), strings.TrimSpace(f.code.Text)
	edited.Level, _ = salary.LevelFromLabel(f.level.Selected)
	edited.Currency, edited.Source = strings.TrimSpace(f.currency.Text), f.source.Text
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
	edited.Year, _ = strconv.Atoi(strings.TrimSpace(f.year.Text))
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
