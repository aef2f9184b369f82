package salary

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// The World Bank's purchasing power factors for private consumption.
const (
	// WorldBankURL takes the country codes joined with ";" and the year.
	WorldBankURL = "https://api.worldbank.org/v2/country/%s/indicator/PA.NUS.PRVT.PP?format=json&date=%d"
	// WorldBankPage is the indicator's page for a person.
	WorldBankPage   = "https://data.worldbank.org/indicator/PA.NUS.PRVT.PP"
	WorldBankSource = "World Bank, World Development Indicators, PA.NUS.PRVT.PP (PPP conversion factor, private consumption, LCU per international $)"
)

// PPPURL is the World Bank API address of the factors of countries in
// year.
func PPPURL(countries []string, year int) string {
	return fmt.Sprintf(WorldBankURL, strings.Join(countries, ";"), year)
}

// PPPRelease is what one World Bank answer holds: the factors it has, the
// countries it has none for (a null value), and the date of the release
// (the answer's lastupdated), since the World Bank revises its figures.
type PPPRelease struct {
	Released time.Time
	Factors  []PPP
	Missing  []string // country codes with no value for the year
}

type wbPage struct {
	LastUpdated string `json:"lastupdated"`
	Message     []struct {
		Key   string `json:"key"`
		Value string `json:"value"`
	} `json:"message"`
}

// wbRelease reads the page of a World Bank answer: the release date, or
// the error message the API sent instead of values.
func wbRelease(parts []json.RawMessage) (time.Time, error) {
	var page wbPage
	if err := json.Unmarshal(parts[0], &page); err != nil {
		return time.Time{}, fmt.Errorf("not a World Bank answer: %v", err)
	}
	if len(page.Message) > 0 {
		return time.Time{}, fmt.Errorf("the World Bank refused the request: %s", page.Message[0].Value)
	}
	if len(parts) != 2 {
		return time.Time{}, errors.New("not a World Bank answer: it should hold a page and a list of values")
	}
	released, err := time.Parse(time.DateOnly, page.LastUpdated)
	if err != nil {
		return time.Time{}, fmt.Errorf("not a World Bank answer: the release date %q is not a date", page.LastUpdated)
	}
	return released, nil
}

type wbValue struct {
	Country struct {
		ID    string `json:"id"`
		Value string `json:"value"`
	} `json:"country"`
	Date  string       `json:"date"`
	Value *json.Number `json:"value"`
}

// ParseWorldBank reads the World Bank API's answer for PA.NUS.PRVT.PP: a
// two-element array, the page (with lastupdated) and the values, each of
// which may be null. The factors are kept as the numbers were written.
func ParseWorldBank(r io.Reader) (PPPRelease, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxDocument+1))
	if err != nil {
		return PPPRelease{}, fmt.Errorf("reading the factors: %w", err)
	}
	if looksLikeHTML(data) {
		return PPPRelease{}, errors.New("not a World Bank answer: the address answered with a web page")
	}
	var parts []json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&parts); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return PPPRelease{}, errors.New("not a World Bank answer: it is cut short (the download stopped part way)")
		}
		return PPPRelease{}, fmt.Errorf("not a World Bank answer: %v", err)
	}
	if len(parts) == 0 {
		return PPPRelease{}, errors.New("not a World Bank answer: it is empty")
	}
	var out PPPRelease
	if out.Released, err = wbRelease(parts); err != nil {
		return PPPRelease{}, err
	}
	var values []wbValue
	if err := json.Unmarshal(parts[1], &values); err != nil {
		return PPPRelease{}, fmt.Errorf("not a World Bank answer: %v", err)
	}
	for _, v := range values {
		if v.Value == nil {
			out.Missing = append(out.Missing, v.Country.ID)
			continue
		}
		year, err := strconv.Atoi(v.Date)
		if err != nil {
			return PPPRelease{}, fmt.Errorf("not a World Bank answer: the year %q is not a year", v.Date)
		}
		p := PPP{CountryCode: v.Country.ID, Country: v.Country.Value, Factor: v.Value.String(), Year: year,
			Source: WorldBankSource, Link: WorldBankPage, Released: out.Released}
		if err := p.Validate(); err != nil {
			return PPPRelease{}, fmt.Errorf("the World Bank's factor for %s: %w", v.Country.ID, err)
		}
		out.Factors = append(out.Factors, p)
	}
	if len(out.Factors) == 0 {
		return out, errors.New("the World Bank has no factors for those countries and that year yet")
	}
	return out, nil
}
