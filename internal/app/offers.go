package app

import (
	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/salary"
)

// OfferRanges are the job search's offers as salary entries of the
// learner's own (kind offer, one amount), to show beside the market
// ranges and convert like them. An application does not say its country:
// an offer counts as earned in the learner's target country when it pays
// in that country's currency, else in the country the currency is usual
// in (see OfferCountry); its location shows as the city. The year is that
// of the offer's move, else of the last move. They have no ID: they are
// edited on the Job search screen.
func (d SalaryData) OfferRanges(b jobsearch.Board) []salary.Range {
	names := map[string]string{}
	for _, c := range salary.Countries(d.Ranges) {
		names[c.Code] = c.Name
	}
	var out []salary.Range
	for _, a := range b.Applications {
		if a.SalaryOffered <= 0 || a.Currency == "" {
			continue
		}
		code := OfferCountry(a.Currency, d.Settings)
		name := names[code]
		if name == "" {
			name = code
		}
		out = append(out, salary.Range{Country: name, CountryCode: code, Level: d.Settings.TargetLevel,
			Currency: a.Currency, Min: a.SalaryOffered, Max: a.SalaryOffered, Year: offerYear(b, a), Source: a.Company + " (job search)",
			Kind: salary.Offer, City: a.Location})
	}
	return out
}

// OfferCountry is where an offer in currency counts as earned: the target
// country when that is where the currency is paid, else the currency's
// usual country.
func OfferCountry(currency string, c salary.Comparison) string {
	inEuroArea := (salary.Comparison{Base: "EUR", TargetCountry: c.TargetCountry}).PriceCountry() == c.TargetCountry
	if salary.DefaultCountry(currency) == c.TargetCountry || currency == "EUR" && inEuroArea {
		return c.TargetCountry
	}
	return salary.DefaultCountry(currency)
}

func offerYear(b jobsearch.Board, a jobsearch.Application) int {
	for i := len(a.History) - 1; i >= 0; i-- {
		if st, _ := b.StageOf(a.History[i].StageID); st.Kind == jobsearch.KindOffer {
			return a.History[i].Date.Year()
		}
	}
	return a.LastMove().Year()
}

// OfferRow is one offer in the side-by-side comparison: the pay as offered,
// in the comparison currency at exchange rates and by purchasing power
// (nil when it cannot be converted, with the reason), remote, notes.
type OfferRow struct {
	Application jobsearch.Application
	Stage       string
	Nominal     *int64
	Power       *int64
	NominalErr  error
	PowerErr    error
}

// CompareOffers puts the applications with an offered salary side by side,
// highest nominal pay first.
func (d SalaryData) CompareOffers(b jobsearch.Board) (base string, rows []OfferRow) {
	base = d.Settings.Base
	conv, err := salary.NewConverter(base, d.Settings.PriceCountry(), d.Rates, d.PPP)
	for _, a := range b.Applications {
		if a.SalaryOffered <= 0 || a.Currency == "" {
			continue
		}
		st, _ := b.StageOf(a.Current().StageID)
		row := OfferRow{Application: a, Stage: st.Name}
		if err != nil {
			row.NominalErr, row.PowerErr = err, err
		} else {
			if v, e := conv.Nominal(a.SalaryOffered, a.Currency); e == nil {
				row.Nominal = &v
			} else {
				row.NominalErr = e
			}
			if v, e := conv.ByPurchasingPower(a.SalaryOffered, OfferCountry(a.Currency, d.Settings)); e == nil {
				row.Power = &v
			} else {
				row.PowerErr = e
			}
		}
		rows = append(rows, row)
	}
	for i := 1; i < len(rows); i++ {
		for k := i; k > 0 && value(rows[k].Nominal) > value(rows[k-1].Nominal); k-- {
			rows[k], rows[k-1] = rows[k-1], rows[k]
		}
	}
	return base, rows
}

func value(p *int64) int64 {
	if p == nil {
		return -1
	}
	return *p
}
