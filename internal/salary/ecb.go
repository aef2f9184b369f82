package salary

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Where the European Central Bank publishes its euro reference rates.
const (
	ECBDailyURL  = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml"
	ECB90DaysURL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml"
	// ECBAnnualURL takes the currencies joined with "+" and the year twice.
	ECBAnnualURL = "https://data-api.ecb.europa.eu/service/data/EXR/A.%s.EUR.SP00.A?format=csvdata&startPeriod=%d&endPeriod=%d"
	// ECBRatesPage is the page a person reads the rates on.
	ECBRatesPage = "https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/html/index.en.html"
)

// The source notes rates fetched from the ECB carry.
const (
	ECBDailySource  = "European Central Bank, euro foreign exchange reference rates (daily fixing)"
	ECBAnnualSource = "European Central Bank, euro foreign exchange reference rates, annual average (data API series EXR/A.%s.EUR.SP00.A)"
)

// Fixing is one day's euro reference rates, each as the ECB wrote it
// ("1.0813", "0.86290": trailing zeros kept, since they say how precisely
// the rate was fixed).
type Fixing struct {
	Date  time.Time
	Rates []Rate // AsOf is Date; sorted by currency
}

// Rate returns the fixing's rate of currency.
func (f Fixing) Rate(currency string) (Rate, bool) {
	for _, r := range f.Rates {
		if r.Currency == currency {
			return r, true
		}
	}
	return Rate{}, false
}

// ecbEnvelope is the ECB's eurofxref document: an envelope holding a Cube
// of Cubes, one per day (time=...), each holding a Cube per currency.
type ecbEnvelope struct {
	XMLName xml.Name `xml:"Envelope"`
	Sender  string   `xml:"Sender>name"`
	Days    []struct {
		Time  string `xml:"time,attr"`
		Rates []struct {
			Currency string `xml:"currency,attr"`
			Rate     string `xml:"rate,attr"`
		} `xml:"Cube"`
	} `xml:"Cube>Cube"`
}

// ErrNotECB says a document is not the ECB's reference rates.
var ErrNotECB = errors.New("not an ECB reference rates document")

// ParseECB reads the ECB's daily or 90-day reference rates document
// (eurofxref-daily.xml, eurofxref-hist-90d.xml): the fixings it holds,
// newest first. A web page, a cut-off download or a document with no rates
// is an error that says which.
func ParseECB(r io.Reader) ([]Fixing, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxDocument+1))
	if err != nil {
		return nil, fmt.Errorf("reading the rates: %w", err)
	}
	if len(data) > maxDocument {
		return nil, fmt.Errorf("%w: it is larger than any reference rates file", ErrNotECB)
	}
	if looksLikeHTML(data) {
		return nil, fmt.Errorf("%w: the address answered with a web page, not the rates", ErrNotECB)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%w: the file is empty; save the ECB's eurofxref-daily.xml again, or leave out --from to download it", ErrNotECB)
	}
	var env ecbEnvelope
	if err := xml.Unmarshal(data, &env); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "unexpected EOF") {
			return nil, fmt.Errorf("%w: the document is cut short (the download stopped part way)", ErrNotECB)
		}
		// The parser's words (a line number, an entity) help nobody who
		// gave the wrong file: say what file is wanted.
		return nil, fmt.Errorf("%w: the file is not the ECB's XML of reference rates (eurofxref-daily.xml or "+
			"eurofxref-hist-90d.xml); give a saved copy of one of those, or leave out --from to download it", ErrNotECB)
	}
	var out []Fixing
	for _, day := range env.Days {
		date, err := time.Parse(time.DateOnly, day.Time)
		if err != nil {
			return nil, fmt.Errorf("%w: the day %q is not a date", ErrNotECB, day.Time)
		}
		f := Fixing{Date: date}
		for _, c := range day.Rates {
			rate := Rate{Currency: c.Currency, PerEUR: c.Rate, AsOf: date, Source: ECBDailySource, Link: ECBRatesPage}
			if err := rate.Validate(); err != nil {
				return nil, fmt.Errorf("%w: the fixing of %s: %v", ErrNotECB, day.Time, err)
			}
			f.Rates = append(f.Rates, rate)
		}
		if len(f.Rates) > 0 {
			sort.Slice(f.Rates, func(i, j int) bool { return f.Rates[i].Currency < f.Rates[j].Currency })
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: it holds no rates (its Cube is empty)", ErrNotECB)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.After(out[j].Date) })
	return out, nil
}

// maxDocument is more than any document the app reads from the ECB or
// the World Bank (the 90-day file is about 30 KB).
const maxDocument = 4 << 20

func looksLikeHTML(data []byte) bool {
	head := strings.ToLower(string(bytes.TrimSpace(data[:min(len(data), 512)])))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") || strings.Contains(head, "<html")
}

// AnnualRate is the average of a year's daily fixings of a currency, as
// the ECB's data API publishes it (series EXR/A.<currency>.EUR.SP00.A).
type AnnualRate struct {
	Currency string
	Year     int
	PerEUR   string // as published
	Source   string
	Link     string
}

// Validate checks an annual average.
func (a AnnualRate) Validate() error {
	if err := ValidateCurrency(a.Currency); err != nil {
		return err
	}
	if a.Year < MinYear || a.Year > MaxYear {
		return fmt.Errorf("the year %d is not between %d and %d", a.Year, MinYear, MaxYear)
	}
	if _, err := ParseDecimal(a.PerEUR); err != nil {
		return fmt.Errorf("average rate of %s in %d: %w", a.Currency, a.Year, err)
	}
	return nil
}

// AnnualURL is the ECB data API address of the annual averages of
// currencies in year.
func AnnualURL(currencies []string, year int) string {
	return fmt.Sprintf(ECBAnnualURL, strings.Join(currencies, "+"), year, year)
}

// ParseECBAnnual reads the ECB data API's CSV (format=csvdata) of annual
// averages: one row per currency and year, with the columns KEY,
// CURRENCY, TIME_PERIOD and OBS_VALUE among others.
func ParseECBAnnual(r io.Reader) ([]AnnualRate, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxDocument+1))
	if err != nil {
		return nil, fmt.Errorf("reading the averages: %w", err)
	}
	if looksLikeHTML(data) {
		return nil, errors.New("not ECB annual averages: the address answered with a web page")
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("not ECB annual averages: %v", err)
	}
	if len(rows) == 0 {
		return nil, errors.New("the ECB sent no averages: no series matched (check the currency codes and the year)")
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[strings.TrimPrefix(name, "\ufeff")] = i
	}
	for _, need := range []string{"KEY", "CURRENCY", "TIME_PERIOD", "OBS_VALUE"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("not ECB annual averages: the column %s is missing", need)
		}
	}
	var out []AnnualRate
	for _, row := range rows[1:] {
		key := row[col["KEY"]]
		if !strings.HasPrefix(key, "EXR.A.") {
			return nil, fmt.Errorf("not ECB annual averages: the series %s is not an annual exchange rate", key)
		}
		year, err := strconv.Atoi(row[col["TIME_PERIOD"]])
		if err != nil {
			return nil, fmt.Errorf("not ECB annual averages: the period %q is not a year", row[col["TIME_PERIOD"]])
		}
		cur := row[col["CURRENCY"]]
		a := AnnualRate{Currency: cur, Year: year, PerEUR: row[col["OBS_VALUE"]],
			Source: fmt.Sprintf(ECBAnnualSource, cur), Link: AnnualURL([]string{cur}, year)}
		if err := a.Validate(); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, errors.New("the ECB sent no averages: the year may not be over or published yet")
	}
	return out, nil
}
