package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
)

// salaryJSON is one entry of `salaries --json`: the market ranges first,
// then the learner's offers and job ads (kind "offer", min = max). The
// base figures are null when the entry cannot be converted; note says why.
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
	Note       string `json:"note,omitempty"`
}

func runSalaries(env Env, args []string) error {
	fs, db := newFlags(env, "salaries")
	base := fs.String("base", "", "currency to compare in (default: the one chosen in the app)")
	byPPP := fs.Bool("ppp", false, "compare by purchasing power instead of at exchange rates (approximate)")
	asJSON := fs.Bool("json", false, "print a JSON list")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("salaries takes no arguments, got %q", fs.Args())}
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
	if *asJSON {
		return printSalariesJSON(env, cmp, *byPPP)
	}
	return printSalariesText(env, cmp, data.Rates, *byPPP)
}

func printSalariesJSON(env Env, cmp app.SalaryComparison, byPower bool) error {
	list := []salaryJSON{}
	for _, c := range append(append([]salary.Compared{}, cmp.Rows...), cmp.Offers...) {
		entry := salaryJSON{Kind: string(c.KindOrMarket()), Country: c.Country, City: c.City, Level: string(c.Level), Currency: c.Currency,
			Min: c.Min, Max: c.Max, Median: optional(c.Median), Base: cmp.Base, PPP: byPower, Year: c.Year, Source: c.Source}
		if c.Err != nil {
			entry.Note = c.Err.Error()
		} else {
			entry.BaseMin, entry.BaseMax, entry.BaseMedian = &c.BaseMin, &c.BaseMax, optional(c.BaseMedian)
		}
		list = append(list, entry)
	}
	return snapshot.WriteJSON(env.Stdout, list)
}

func printSalariesText(env Env, cmp app.SalaryComparison, rates []salary.Rate, byPower bool) error {
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
	for _, r := range rates {
		fmt.Fprintf(env.Stdout, "\n%s per euro: %s on %s (%s)", r.Currency, r.PerEUR, r.AsOf.Format(time.DateOnly), r.Source)
	}
	fmt.Fprintln(env.Stdout)
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
