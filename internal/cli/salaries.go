package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dustin/go-humanize"
	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
)

// salaryJSON is one entry of `salaries --json`: the market ranges first,
// then the learner's offers and job ads (kind "offer", min = max), then,
// with --survey, the survey's reported medians (kind "reported_median",
// min = max = median, with the role and how many answered; at exchange
// rates only).
// The base figures are null when the entry cannot be converted; note says
// why. Each entry says where it is from (source, source_date, link) and
// the rates it was converted at, each with its date or year.
type salaryJSON struct {
	Kind       string `json:"kind"` // "market" or "offer"
	Country    string `json:"country"`
	City       string `json:"city"` // "" for the whole country
	Level      string `json:"level"`
	Currency   string `json:"currency"`
	Min        int64  `json:"min"`
	Max        int64  `json:"max"`
	Median     *int64 `json:"median"`
	Base       string `json:"base"`
	BaseMin    *int64 `json:"base_min"`
	BaseMax    *int64 `json:"base_max"`
	BaseMedian *int64 `json:"base_median"`
	PPP        bool   `json:"ppp"`
	Year       int    `json:"year"`
	Source     string `json:"source"`
	SourceDate string `json:"source_date,omitempty"`
	Link       string `json:"link,omitempty"`
	// Role and Respondents are a reported median's.
	Role        string     `json:"role,omitempty"`
	Respondents int        `json:"respondents,omitempty"`
	Rates       []rateJSON `json:"rates,omitempty"`
	Note        string     `json:"note,omitempty"`
}

// rateJSON is a rate an entry converted at: a current rate with its date
// (as_of), or a year's average (year).
type rateJSON struct {
	Currency string `json:"currency"`
	PerEUR   string `json:"per_eur"`
	AsOf     string `json:"as_of,omitempty"`
	Year     int    `json:"year,omitempty"`
	Source   string `json:"source"`
	Link     string `json:"link,omitempty"`
	Manual   bool   `json:"typed_by_hand,omitempty"`
}

func ratesJSON(used []app.RateUsed) []rateJSON {
	var out []rateJSON
	for _, r := range used {
		j := rateJSON{Currency: r.Currency, PerEUR: r.PerEUR, Year: r.Year, Source: r.Source, Link: r.Link, Manual: r.Manual}
		if !r.AsOf.IsZero() {
			j.AsOf = r.AsOf.Format(time.DateOnly)
		}
		out = append(out, j)
	}
	return out
}

func runSalaries(env Env, args []string) error {
	fs, db := newFlags(env, "salaries")
	base := fs.String("base", "", "currency to compare in (default: the one chosen in the app)")
	byPPP := fs.Bool("ppp", false, "compare by purchasing power instead of at exchange rates (approximate)")
	asJSON := fs.Bool("json", false, "print a JSON list")
	survey := fs.Bool("survey", false, "with --json, list the survey's reported medians too")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("salaries takes no arguments, got %q", fs.Args())}
	}
	if *survey && !*asJSON {
		return usageError{"--survey adds the survey's medians to the JSON list; use it with --json (the text already shows them)"}
	}
	if *base != "" {
		*base = strings.ToUpper(*base)
		if err := salary.ValidateCurrency(*base); err != nil {
			return usageError{"--base: " + err.Error()}
		}
	}
	var data app.SalaryData
	err := withData(env, db, func(st *store.Store) (err error) {
		data, err = app.LoadSalaries(st)
		return err
	})
	if err != nil {
		return err
	}
	cmp, err := data.Compare(app.CompareOptions{Base: *base, ByPower: *byPPP}, env.Now())
	if err != nil {
		return err
	}
	if len(cmp.StaleRates) > 0 {
		fmt.Fprintf(env.Stderr, "Warning: the exchange rates for %s are more than a year old; run \"studyplanner rates update\" for a fair comparison.\n",
			strings.Join(cmp.StaleRates, ", "))
	}
	if *asJSON {
		if !*survey {
			cmp.Medians = nil
		}
		return printSalariesJSON(env, data, cmp, *byPPP)
	}
	return printSalariesText(env, data, cmp, *byPPP)
}

func printSalariesJSON(env Env, data app.SalaryData, cmp app.SalaryComparison, byPower bool) error {
	list := []salaryJSON{}
	for _, c := range append(append([]salary.Compared{}, cmp.Rows...), cmp.Offers...) {
		entry := salaryJSON{Kind: string(c.KindOrMarket()), Country: c.Country, City: c.City, Level: string(c.Level), Currency: c.Currency,
			Min: c.Min, Max: c.Max, Median: optional(c.Median), Base: cmp.Base, PPP: byPower, Year: c.Year, Source: c.Source,
			SourceDate: optionalDate(c.SourceDate), Link: c.Link}
		if c.Err != nil {
			entry.Note = c.Err.Error()
		} else {
			entry.BaseMin, entry.BaseMax, entry.BaseMedian = &c.BaseMin, &c.BaseMax, optional(c.BaseMedian)
		}
		if !byPower {
			entry.Rates = ratesJSON(data.RatesUsed(c.Currency, cmp.Base, c.Year))
		}
		list = append(list, entry)
	}
	for _, m := range cmp.Medians {
		entry := salaryJSON{Kind: "reported_median", Country: m.Country, Level: string(salary.Unspecified), Currency: m.Currency,
			Min: m.Median, Max: m.Median, Median: optional(m.Median), Base: cmp.Base, Year: m.Year, Source: m.Source, Link: m.Link,
			Role: m.Role, Respondents: m.Respondents, Rates: ratesJSON(data.RatesUsed(m.Currency, cmp.Base, m.Year))}
		if m.Err != nil {
			entry.Note = m.Err.Error()
		} else {
			entry.BaseMin, entry.BaseMax, entry.BaseMedian = &m.BaseMedian, &m.BaseMedian, &m.BaseMedian
		}
		list = append(list, entry)
	}
	return snapshot.WriteJSON(env.Stdout, list)
}

func optionalDate(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

func printSalariesText(env Env, data app.SalaryData, cmp app.SalaryComparison, byPower bool) error {
	how := "at exchange rates"
	if byPower {
		how = fmt.Sprintf("by purchasing power in %s (approximate)", cmp.Converter.BaseCountry)
	}
	fmt.Fprintf(env.Stdout, "Yearly backend salaries in %s, %s:\n\n", cmp.Base, how)
	if len(cmp.Rows) == 0 {
		fmt.Fprintln(env.Stdout, "No market ranges yet.")
	} else if err := printSalaryTable(env, cmp.Base, cmp.Rows, "SOURCE"); err != nil {
		return err
	}
	if len(cmp.Offers) > 0 {
		fmt.Fprintf(env.Stdout, "\nYour offers and job ads, apart from the market ranges:\n\n")
		if err := printSalaryTable(env, cmp.Base, cmp.Offers, "COMPANY OR AD"); err != nil {
			return err
		}
	}
	if len(cmp.Medians) > 0 {
		fmt.Fprintf(env.Stdout, "\nWhat back-end developers report earning (a survey's medians: a different measure from advertised ranges):\n\n")
		if err := printMedians(env, cmp); err != nil {
			return err
		}
	}
	fmt.Fprintln(env.Stdout)
	if !cmp.RatesDate.IsZero() {
		fmt.Fprintf(env.Stdout, "Converted at the rates of %s, or at a year's averages where stored:\n", cmp.RatesDate.Format("2 January 2006"))
	}
	for _, r := range data.Rates {
		fmt.Fprintf(env.Stdout, "%s per euro: %s on %s%s (%s)\n", r.Currency, r.PerEUR, r.AsOf.Format(time.DateOnly), typedNote(r), r.Source)
	}
	for _, a := range data.Annual {
		fmt.Fprintf(env.Stdout, "%s per euro, %d average: %s (%s)\n", a.Currency, a.Year, a.PerEUR, a.Source)
	}
	return nil
}

// printMedians writes the survey's medians, in base, with n and year.
func printMedians(env Env, cmp app.SalaryComparison) error {
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "WHERE\tYEAR\tMEDIAN IN "+cmp.Base+"\tREPORTED\tRESPONDENTS")
	for _, m := range cmp.Medians {
		converted := "cannot convert: add a rate"
		if m.Err == nil {
			converted = salary.Compact(cmp.Base, m.BaseMedian)
		}
		fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%s\n", m.Country, m.Year, converted, salary.Format(m.Currency, m.Median), humanize.Comma(int64(m.Respondents)))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, m := range cmp.Medians {
		if !seen[m.Source] {
			seen[m.Source] = true
			fmt.Fprintf(env.Stdout, "Source: %s.\n", m.Source)
		}
	}
	return nil
}

// printSalaryTable writes one table of figures: where, the level, the
// figure in base and as given, its year and where it comes from.
func printSalaryTable(env Env, base string, rows []salary.Compared, sourceHeading string) error {
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "WHERE\tLEVEL\tIN "+base+"\tORIGINAL\tYEAR\t"+sourceHeading)
	for _, c := range rows {
		converted := "cannot convert: add a rate"
		if c.Err == nil {
			converted = salary.CompactRange(salary.Range{Currency: base, Min: c.BaseMin, Max: c.BaseMax})
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%s\n", c.Place(), c.Level.Label(), converted, salary.FormatRange(c.Range), c.Year, c.Source)
	}
	return w.Flush()
}

func optional(v int64) *int64 {
	if v == 0 {
		return nil
	}
	return &v
}
