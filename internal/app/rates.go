package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/store"
)

// FetchTimeout is how long a fetch of rates may take before the app gives
// up and says so.
const FetchTimeout = 20 * time.Second

// Fetcher reads the reference documents: from a web address with a
// client that gives up after a timeout, or from a saved file.
type Fetcher struct {
	Client *http.Client
}

// NewFetcher is a Fetcher with the usual timeout.
func NewFetcher() *Fetcher { return &Fetcher{Client: &http.Client{Timeout: FetchTimeout}} }

// isAddress reports whether from is a web address rather than a file.
func isAddress(from string) bool {
	return strings.HasPrefix(from, "http://") || strings.HasPrefix(from, "https://")
}

// Read reads a whole document from an http(s) address or a file. A
// failure says, in words, why: offline, no answer in time, the server's
// status, a missing file.
func (f *Fetcher) Read(ctx context.Context, from string) ([]byte, error) {
	if !isAddress(from) {
		data, err := os.ReadFile(from)
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("there is no file %s", from)
		}
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", from, err)
		}
		return data, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, from, nil)
	if err != nil {
		return nil, fmt.Errorf("%q is not an address the app can fetch", from)
	}
	req.Header.Set("User-Agent", "studyplanner (reference rates)")
	resp, err := f.Client.Do(req)
	if err != nil {
		return nil, explainFetch(from, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s answered %s instead of the document; try again later", host(from), resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, 8<<20))
	if err != nil {
		return nil, fmt.Errorf("the download from %s stopped part way (%v); try again", host(from), explainFetch(from, err))
	}
	return data, nil
}

func host(address string) string {
	if u, err := url.Parse(address); err == nil && u.Host != "" {
		return u.Host
	}
	return address
}

// explainFetch puts a network error in words.
func explainFetch(from string, err error) error {
	var netErr net.Error
	var dnsErr *net.DNSError
	var opErr *net.OpError
	switch {
	case errors.Is(err, context.Canceled):
		return errors.New("the update was cancelled")
	case errors.Is(err, context.DeadlineExceeded) || errors.As(err, &netErr) && netErr.Timeout():
		return fmt.Errorf("%s did not answer within %d seconds; check your connection and try again", host(from), int(FetchTimeout.Seconds()))
	case errors.As(err, &dnsErr):
		return fmt.Errorf("cannot find %s: this computer seems to be offline", host(from))
	case errors.As(err, &opErr):
		return fmt.Errorf("cannot reach %s: this computer seems to be offline, or the server is down", host(from))
	}
	return fmt.Errorf("cannot fetch from %s: %v", host(from), err)
}

// RatesUpdater is what an update of the rates reads and writes.
type RatesUpdater interface {
	CurrenciesInUse() ([]string, error)
	LatestFixing() (string, error)
	ApplyFixings(fixings []salary.Fixing, currencies []string, replaceManual bool) (store.RatesApplied, error)
	SaveAnnualRates(averages []salary.AnnualRate) error
}

// RatesUpdate is what an update did.
type RatesUpdate struct {
	From    string    // the address or file read
	Date    time.Time // the newest fixing's date: what the comparison now uses
	Applied store.RatesApplied
	// GapFilled is how many days of the 90-day document were added
	// because the last update was more than a few days ago; GapNote says
	// why it could not be, when it could not.
	GapFilled int
	GapNote   string
}

// UpdateOptions say where to read the rates and whether to replace the
// rates the learner typed.
type UpdateOptions struct {
	From          string // "" for the ECB's daily document
	GapFrom       string // "" for the ECB's 90-day document
	ReplaceManual bool
}

// UpdateRates reads the ECB's reference rates and makes the newest fixing
// of every currency in use its current rate, keeping each fixing with its
// date. Nothing is written unless the document is read whole and is the
// ECB's; a rate the learner typed stays unless opts.ReplaceManual.
func UpdateRates(ctx context.Context, st RatesUpdater, f *Fetcher, opts UpdateOptions, progress func(string)) (RatesUpdate, error) {
	from := opts.From
	if from == "" {
		from = salary.ECBDailyURL
	}
	progress("Reading the rates from " + host(from) + "…")
	fixings, err := readFixings(ctx, f, from)
	if err != nil {
		return RatesUpdate{}, err
	}
	out := RatesUpdate{From: from, Date: fixings[0].Date}
	if opts.From == "" {
		fixings, out.GapFilled, out.GapNote = fillGap(ctx, st, f, opts.GapFrom, fixings, progress)
	}
	currencies, err := st.CurrenciesInUse()
	if err != nil {
		return RatesUpdate{}, err
	}
	progress("Saving the rates…")
	out.Applied, err = st.ApplyFixings(fixings, currencies, opts.ReplaceManual)
	if err != nil {
		return RatesUpdate{}, err
	}
	return out, nil
}

func readFixings(ctx context.Context, f *Fetcher, from string) ([]salary.Fixing, error) {
	data, err := f.Read(ctx, from)
	if err != nil {
		return nil, fmt.Errorf("the rates were not updated: %w", err)
	}
	fixings, err := salary.ParseECB(strings.NewReader(string(data)))
	if err != nil {
		return nil, fmt.Errorf("the rates were not updated: %s: %w", from, err)
	}
	return fixings, nil
}

// fillGap adds the days between the last update and today's fixing from
// the 90-day document, when the last update is more than a long weekend
// old. Failing to is no reason to refuse today's rates: it is said.
func fillGap(ctx context.Context, st RatesUpdater, f *Fetcher, from string, daily []salary.Fixing, progress func(string)) ([]salary.Fixing, int, string) {
	last, err := st.LatestFixing()
	if err != nil || last == "" {
		return daily, 0, ""
	}
	lastDate, err := time.Parse(time.DateOnly, last)
	if err != nil || daily[0].Date.Sub(lastDate) <= 4*24*time.Hour {
		return daily, 0, ""
	}
	if from == "" {
		from = salary.ECB90DaysURL
	}
	progress("Filling the days since " + last + " from the 90-day rates…")
	hist, err := readFixings(ctx, f, from)
	if err != nil {
		return daily, 0, "the days since " + last + " were not filled: " + err.Error()
	}
	filled := 0
	for _, h := range hist {
		if h.Date.After(lastDate) && h.Date.Before(daily[0].Date) {
			daily = append(daily, h)
			filled++
		}
	}
	return daily, filled, ""
}

// UpdateAnnualRates reads the ECB's average rates of year for the
// currencies in use (from the data API, or from a saved CSV) and stores
// them, so figures of that year convert at its averages.
func UpdateAnnualRates(ctx context.Context, st RatesUpdater, f *Fetcher, year int, from string, progress func(string)) ([]salary.AnnualRate, error) {
	if from == "" {
		currencies, err := st.CurrenciesInUse()
		if err != nil {
			return nil, err
		}
		if len(currencies) == 0 {
			return nil, errors.New("no currency but the euro is in use: there are no averages to fetch")
		}
		from = salary.AnnualURL(currencies, year)
	}
	progress(fmt.Sprintf("Reading the %d averages from %s…", year, host(from)))
	data, err := f.Read(ctx, from)
	if err != nil {
		return nil, fmt.Errorf("the averages were not updated: %w", err)
	}
	averages, err := salary.ParseECBAnnual(strings.NewReader(string(data)))
	if err != nil {
		return nil, fmt.Errorf("the averages were not updated: %w", err)
	}
	var ofYear []salary.AnnualRate
	for _, a := range averages {
		if a.Year == year {
			ofYear = append(ofYear, a)
		}
	}
	if len(ofYear) == 0 {
		return nil, fmt.Errorf("the averages were not updated: %s holds none for %d", from, year)
	}
	if err := st.SaveAnnualRates(ofYear); err != nil {
		return nil, err
	}
	return ofYear, nil
}

// PPPUpdater is what an update of the purchasing power factors reads
// and writes.
type PPPUpdater interface {
	PPPFactors() ([]salary.PPP, error)
	SavePPPRelease(factors []salary.PPP, replaceOwn bool) (kept []salary.PPP, err error)
}

// PPPUpdate is what an update of the factors did.
type PPPUpdate struct {
	Release salary.PPPRelease
	// Kept are factors the learner gave themselves (a source other than
	// the World Bank), left as they were.
	Kept []salary.PPP
}

// UpdatePPP reads the World Bank's private-consumption PPP factors of
// year for the countries that have a factor, and stores them with the
// release's date. A factor the learner wrote stays unless replaceOwn.
// Nothing is written unless the answer is read whole.
func UpdatePPP(ctx context.Context, st PPPUpdater, f *Fetcher, year int, from string, replaceOwn bool, progress func(string)) (PPPUpdate, error) {
	if from == "" {
		factors, err := st.PPPFactors()
		if err != nil {
			return PPPUpdate{}, err
		}
		var countries []string
		for _, p := range factors {
			countries = append(countries, p.CountryCode)
		}
		if len(countries) == 0 {
			return PPPUpdate{}, errors.New("there are no countries with a factor to update; add one first")
		}
		from = salary.PPPURL(countries, year)
	}
	progress("Reading the factors from " + host(from) + "…")
	data, err := f.Read(ctx, from)
	if err != nil {
		return PPPUpdate{}, fmt.Errorf("the factors were not updated: %w", err)
	}
	release, err := salary.ParseWorldBank(strings.NewReader(string(data)))
	if err != nil {
		return PPPUpdate{}, fmt.Errorf("the factors were not updated: %w", err)
	}
	kept, err := st.SavePPPRelease(release.Factors, replaceOwn)
	if err != nil {
		return PPPUpdate{}, err
	}
	return PPPUpdate{Release: release, Kept: kept}, nil
}
