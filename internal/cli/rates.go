package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/store"
)

const ratesHelp = `Usage: studyplanner rates [--db PATH]
       studyplanner rates update [--db PATH] [--from FILE|URL] [--replace-manual]
       studyplanner rates update [--db PATH] --year YEAR [--from FILE|URL]
       studyplanner rates update [--db PATH] --ppp YEAR [--from FILE|URL] [--replace-manual]

rates lists the exchange rates, each with its date and source.
rates update reads the European Central Bank's euro reference rates (today's
fixing, and the 90-day file when the last update is older than a few days)
and makes the newest fixing of each currency in use its rate. A rate you
typed yourself is kept unless --replace-manual. With --year it reads that
year's average rates instead (ECB data API, series EXR/A.<CUR>.EUR.SP00.A),
so figures of that year convert at them. With --ppp it reads the World Bank's
purchasing power factors of that year (PA.NUS.PRVT.PP, private consumption)
for the countries that have one, with the release's date; a factor you wrote
yourself is kept unless --replace-manual. --from reads a saved copy or another
address. If the fetch fails, nothing changes.`

func runRates(env Env, args []string) error {
	pre, args := leadingDB(args)
	if len(args) > 0 && (args[0] == "--help" || args[0] == "-h") {
		fmt.Fprintln(env.Stdout, ratesHelp)
		return nil
	}
	if len(args) > 0 && args[0] == "update" {
		return runRatesUpdate(env, append(pre, args[1:]...))
	}
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		return usageError{fmt.Sprintf("unknown rates action %q; use update, or no action to list the rates", args[0])}
	}
	return runRatesList(env, append(pre, args...))
}

func runRatesList(env Env, args []string) error {
	fs, db := newFlags(env, "rates")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	return withData(env, db, func(st *store.Store) error {
		data, err := app.LoadSalaries(st)
		if err != nil {
			return err
		}
		printRates(env, data)
		return nil
	})
}

func printRates(env Env, data app.SalaryData) {
	if len(data.Rates) == 0 {
		fmt.Fprintln(env.Stdout, "No exchange rates yet.")
	}
	for _, r := range data.Rates {
		fmt.Fprintf(env.Stdout, "%s per euro: %s on %s%s\n    %s\n", r.Currency, r.PerEUR, r.AsOf.Format(time.DateOnly), typedNote(r), sourceLine(r.Source, r.Link))
	}
	for _, a := range data.Annual {
		fmt.Fprintf(env.Stdout, "%s per euro, %d average: %s\n    %s\n", a.Currency, a.Year, a.PerEUR, sourceLine(a.Source, a.Link))
	}
}

func typedNote(r salary.Rate) string {
	if r.Manual {
		return " (typed by you)"
	}
	return ""
}

func sourceLine(source, link string) string {
	if source == "" {
		source = "no source given"
	}
	if link != "" {
		return source + " <" + link + ">"
	}
	return source
}

func runRatesUpdate(env Env, args []string) error {
	fs, db := newFlags(env, "rates")
	from := fs.String("from", "", "a saved copy of the ECB's document, or another address (default: the ECB's)")
	var yearFlag, pppFlag decimalInt
	fs.Var(&yearFlag, "year", "read this year's average rates instead of today's")
	fs.Var(&pppFlag, "ppp", "read the World Bank's purchasing power factors of this year instead")
	year, ppp := &yearFlag.value, &pppFlag.value
	replace := fs.Bool("replace-manual", false, "replace the rates (or factors) you typed yourself too")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("rates update takes no arguments, got %q", fs.Args())}
	}
	for name, y := range map[string]int{"--year": *year, "--ppp": *ppp} {
		if y != 0 && (y < salary.MinYear || y > env.Now().Year()) {
			return usageError{fmt.Sprintf("%s %d: give a year from %d to %d", name, y, salary.MinYear, env.Now().Year())}
		}
	}
	if *year != 0 && *ppp != 0 {
		return usageError{"give --year or --ppp, not both"}
	}
	say := func(line string) { fmt.Fprintln(env.Stderr, line) }
	return withData(env, db, func(st *store.Store) error {
		ctx := context.Background()
		if *ppp != 0 {
			return updatePPP(env, st, *ppp, *from, *replace, say)
		}
		if *year != 0 {
			averages, err := app.UpdateAnnualRates(ctx, st, app.NewFetcher(), *year, *from, say)
			if err != nil {
				return app.Refused(err)
			}
			for _, a := range averages {
				fmt.Fprintf(env.Stdout, "%s per euro, %d average: %s\n", a.Currency, a.Year, a.PerEUR)
			}
			fmt.Fprintf(env.Stdout, "Figures of %d now convert at these averages (European Central Bank).\n", *year)
			return nil
		}
		done, err := app.UpdateRates(ctx, st, app.NewFetcher(), app.UpdateOptions{From: *from, ReplaceManual: *replace}, say)
		if err != nil {
			return app.Refused(err)
		}
		printUpdate(env, done)
		return nil
	})
}

func printUpdate(env Env, done app.RatesUpdate) {
	for _, r := range done.Applied.Updated {
		fmt.Fprintf(env.Stdout, "%s per euro: %s on %s\n", r.Currency, r.PerEUR, r.AsOf.Format(time.DateOnly))
	}
	for _, r := range done.Applied.Kept {
		fmt.Fprintf(env.Stdout, "%s per euro: kept your own rate %s of %s (%s); --replace-manual replaces it\n",
			r.Currency, r.PerEUR, r.AsOf.Format(time.DateOnly), r.Source)
	}
	if len(done.Applied.Missing) > 0 {
		fmt.Fprintf(env.Stdout, "The ECB publishes no rate for %s; those rates stay as they were.\n", strings.Join(done.Applied.Missing, ", "))
	}
	if done.GapFilled > 0 {
		fmt.Fprintf(env.Stdout, "Filled %d earlier days from the ECB's 90-day rates.\n", done.GapFilled)
	}
	if done.GapNote != "" {
		fmt.Fprintln(env.Stdout, capitalize(done.GapNote)+".")
	}
	fmt.Fprintf(env.Stdout, "Comparisons now use the rates of %s (%s).\n", done.Date.Format("2 January 2006"), salary.ECBDailySource)
}

func updatePPP(env Env, st *store.Store, year int, from string, replace bool, say func(string)) error {
	done, err := app.UpdatePPP(context.Background(), st, app.NewFetcher(), year, from, replace, say)
	if err != nil {
		return app.Refused(err)
	}
	kept := map[string]bool{}
	for _, p := range done.Kept {
		kept[p.CountryCode] = true
		fmt.Fprintf(env.Stdout, "%s: kept your own factor %s (%s); --replace-manual replaces it\n", p.Country, p.Factor, p.Source)
	}
	for _, p := range done.Release.Factors {
		if !kept[p.CountryCode] {
			fmt.Fprintf(env.Stdout, "%s: %s per international dollar in %d\n", p.Country, p.Factor, p.Year)
		}
	}
	if len(done.Release.Missing) > 0 {
		fmt.Fprintf(env.Stdout, "The World Bank has no %d factor for %s yet; those stay as they were.\n", year, strings.Join(done.Release.Missing, ", "))
	}
	fmt.Fprintf(env.Stdout, "From the World Bank's release of %s.\n", done.Release.Released.Format("2 January 2006"))
	return nil
}
