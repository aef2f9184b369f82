package app

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/store"
)

func testdata(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "salary", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// seeded is a store with the built-in content: 2023 average rates, the
// shipped factors and the survey medians.
func seeded(t *testing.T) *store.Store {
	t.Helper()
	st, err := Open(store.Location{Path: filepath.Join(t.TempDir(), "studyplanner.db")}, BuiltIn, fixedNow(), "en_GB")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// serve answers every request with status and body.
func serve(t *testing.T, status int, body []byte) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(status)
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func noProgress(string) {}

func TestUpdateRatesFromTheECBMakesTheNewestFixingCurrent(t *testing.T) {
	st := seeded(t)
	addr := serve(t, http.StatusOK, testdata(t, "ecb-daily.xml"))
	got, err := UpdateRates(context.Background(), st, NewFetcher(), UpdateOptions{From: addr}, noProgress)
	if err != nil {
		t.Fatal(err)
	}
	if got.Date.Format(time.DateOnly) != "2026-11-24" || len(got.Applied.Updated) != 4 || len(got.Applied.Kept) != 0 {
		t.Errorf("update = %+v", got)
	}
	rates, _ := st.Rates()
	want := map[string]string{"AUD": "1.7790", "CAD": "1.6205", "GBP": "0.87650", "USD": "1.1520"}
	for _, r := range rates {
		if want[r.Currency] != r.PerEUR || r.AsOf.Format(time.DateOnly) != "2026-11-24" || r.Source != salary.ECBDailySource {
			t.Errorf("%s = %+v, want %s of 24 Nov 2026 from the ECB", r.Currency, r, want[r.Currency])
		}
	}
	// The comparison now uses that date, and no rate is stale.
	data, _ := LoadSalaries(st)
	cmp, err := data.Compare(CompareOptions{Base: "EUR"}, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC))
	if err != nil || cmp.RatesDate.Format(time.DateOnly) != "2026-11-24" || len(cmp.StaleRates) != 0 {
		t.Errorf("after the update: rates of %v, stale %v, %v", cmp.RatesDate, cmp.StaleRates, err)
	}
}

func TestAFailedFetchChangesNothingAndSaysWhy(t *testing.T) {
	block := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-block:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(func() { close(block); slow.Close() })
	gone := httptest.NewServer(http.NotFoundHandler())
	goneURL := gone.URL
	gone.Close()
	for _, tt := range []struct {
		name, from, want string
		fetcher          *Fetcher
	}{
		{"503", serve(t, http.StatusServiceUnavailable, testdata(t, "ecb-error.html")), "answered 503 Service Unavailable", nil},
		{"an HTML page", serve(t, http.StatusOK, testdata(t, "ecb-error.html")), "web page, not the rates", nil},
		{"a truncated document", serve(t, http.StatusOK, testdata(t, "ecb-truncated.xml")), "cut short", nil},
		{"an empty Cube", serve(t, http.StatusOK, testdata(t, "ecb-empty-cube.xml")), "holds no rates", nil},
		{"no answer in time", slow.URL, "did not answer within", &Fetcher{Client: &http.Client{Timeout: 50 * time.Millisecond}}},
		{"nobody listening", goneURL, "seems to be offline", nil},
		{"a missing file", filepath.Join(t.TempDir(), "rates.xml"), "there is no file", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := seeded(t)
			before, _ := st.Rates()
			f := tt.fetcher
			if f == nil {
				f = NewFetcher()
			}
			_, err := UpdateRates(context.Background(), st, f, UpdateOptions{From: tt.from}, noProgress)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "were not updated") {
				t.Errorf("error %v, want one saying %q and that nothing was updated", err, tt.want)
			}
			after, _ := st.Rates()
			if !reflect.DeepEqual(before, after) {
				t.Errorf("rates changed: %+v → %+v", before, after)
			}
			if last, _ := st.LatestFixing(); last != "" {
				t.Errorf("a fixing of %s was recorded", last)
			}
		})
	}
}

func TestAHandTypedRateSurvivesAnUpdate(t *testing.T) {
	st := seeded(t)
	rates, _ := st.Rates()
	var gbp salary.Rate
	for _, r := range rates {
		if r.Currency == "GBP" {
			gbp = r
		}
	}
	typed := gbp
	typed.PerEUR, typed.Source = "0.87000", "Rounded by hand from my bank's page"
	if err := st.SaveRate(gbp, typed); err != nil {
		t.Fatal(err)
	}
	addr := serve(t, http.StatusOK, testdata(t, "ecb-daily.xml"))
	got, err := UpdateRates(context.Background(), st, NewFetcher(), UpdateOptions{From: addr}, noProgress)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Applied.Kept) != 1 || got.Applied.Kept[0].Currency != "GBP" {
		t.Errorf("kept = %+v, want the typed pound", got.Applied.Kept)
	}
	rates, _ = st.Rates()
	for _, r := range rates {
		if r.Currency == "GBP" && (r.PerEUR != "0.87000" || r.Source != typed.Source || !r.Manual) {
			t.Errorf("the typed pound became %+v", r)
		}
	}
	if _, err := UpdateRates(context.Background(), st, NewFetcher(), UpdateOptions{From: addr, ReplaceManual: true}, noProgress); err != nil {
		t.Fatal(err)
	}
	rates, _ = st.Rates()
	for _, r := range rates {
		if r.Currency == "GBP" && (r.PerEUR != "0.87650" || r.Manual) {
			t.Errorf("asked to replace, the pound is %+v", r)
		}
	}
}

func TestAnUpdateAfterAGapFillsTheDaysBetweenFromThe90DayRates(t *testing.T) {
	st := seeded(t)
	old := []salary.Fixing{{Date: time.Date(2026, 11, 13, 0, 0, 0, 0, time.UTC),
		Rates: []salary.Rate{{Currency: "USD", PerEUR: "1.1400", AsOf: time.Date(2026, 11, 13, 0, 0, 0, 0, time.UTC), Source: "ECB"}}}}
	if _, err := st.ApplyFixings(old, []string{"USD"}, false); err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/daily", func(w http.ResponseWriter, _ *http.Request) { w.Write(testdata(t, "ecb-daily.xml")) })
	mux.HandleFunc("/90d", func(w http.ResponseWriter, _ *http.Request) { w.Write(testdata(t, "ecb-hist-90d.xml")) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := NewFetcher()
	// UpdateRates fills gaps only when reading the ECB's own daily
	// document; fillGap is given the test server's addresses instead.
	daily, err := readFixings(context.Background(), f, srv.URL+"/daily")
	if err != nil {
		t.Fatal(err)
	}
	all, filled, note := fillGap(context.Background(), st, f, srv.URL+"/90d", daily, noProgress)
	if filled != 2 || note != "" || len(all) != 3 {
		t.Fatalf("filled %d (%q), %d fixings; want 23 and 20 Nov added", filled, note, len(all))
	}
	// A 90-day document that cannot be read leaves today's rates to go in.
	_, filled, note = fillGap(context.Background(), st, f, srv.URL+"/missing", daily, noProgress)
	if filled != 0 || !strings.Contains(note, "were not filled") {
		t.Errorf("a failed 90-day fetch: %d, %q", filled, note)
	}
	if _, err := st.ApplyFixings(all, []string{"USD"}, false); err != nil {
		t.Fatal(err)
	}
	usd, _ := st.Fixings("USD")
	var dates []string
	for _, r := range usd {
		dates = append(dates, r.AsOf.Format(time.DateOnly))
	}
	if strings.Join(dates, " ") != "2026-11-24 2026-11-23 2026-11-20 2026-11-13" {
		t.Errorf("dollar fixings on %v", dates)
	}
}

func TestA2025FigureConvertsAtThe2025Average(t *testing.T) {
	st := seeded(t)
	addr := serve(t, http.StatusOK, testdata(t, "ecb-annual-2025.csv"))
	averages, err := UpdateAnnualRates(context.Background(), st, NewFetcher(), 2025, addr, noProgress)
	if err != nil || len(averages) != 2 {
		t.Fatalf("averages %+v, %v", averages, err)
	}
	data, _ := LoadSalaries(st)
	cmp, err := data.Compare(CompareOptions{Base: "EUR"}, fixedNow())
	if err != nil {
		t.Fatal(err)
	}
	var us2025 salary.ComparedReported
	for _, m := range cmp.Medians {
		if m.CountryCode == "US" && m.Year == 2025 {
			us2025 = m
		}
	}
	// $175,000 at the 2025 average of 1.1250 per euro, not at the 2023
	// rate of 1.0813 the data still holds as current.
	if us2025.BaseMedian != 155556 || !us2025.AtYearAverage {
		t.Errorf("the 2025 US median = %+v, want €155,556 at the 2025 average", us2025)
	}
	if _, err := UpdateAnnualRates(context.Background(), st, NewFetcher(), 2024, addr, noProgress); err == nil || !strings.Contains(err.Error(), "holds none for 2024") {
		t.Errorf("a file with no 2024 averages: %v", err)
	}
	bad := serve(t, http.StatusServiceUnavailable, nil)
	if _, err := UpdateAnnualRates(context.Background(), st, NewFetcher(), 2025, bad, noProgress); err == nil || !strings.Contains(err.Error(), "503") {
		t.Errorf("a 503: %v", err)
	}
}

func TestUpdatePPPStoresTheWorldBanksFactorsWithTheReleaseKeepingTheLearnersOwn(t *testing.T) {
	st := seeded(t)
	factors, _ := st.PPPFactors()
	for _, p := range factors {
		if p.CountryCode == "AU" {
			own := p
			own.Factor, own.Source = "1.45", "My own estimate"
			if err := st.SavePPP(p, own); err != nil {
				t.Fatal(err)
			}
		}
	}
	addr := serve(t, http.StatusOK, testdata(t, "worldbank-ppp-2023.json"))
	got, err := UpdatePPP(context.Background(), st, NewFetcher(), 2023, addr, false, noProgress)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Kept) != 1 || got.Kept[0].CountryCode != "AU" || got.Release.Released.Format(time.DateOnly) != "2025-07-01" {
		t.Errorf("update = %+v", got)
	}
	factors, _ = st.PPPFactors()
	for _, p := range factors {
		switch {
		case p.CountryCode == "AU" && (p.Factor != "1.45" || p.Source != "My own estimate"):
			t.Errorf("the learner's own factor was replaced: %+v", p)
		case p.CountryCode != "AU" && (p.Released.Format(time.DateOnly) != "2025-07-01" || p.Source != salary.WorldBankSource):
			t.Errorf("%s = %+v, want the World Bank's with the release date", p.CountryCode, p)
		}
	}
	before, _ := st.PPPFactors()
	for _, file := range []string{"worldbank-error.json", "worldbank-truncated.json", "ecb-error.html"} {
		bad := serve(t, http.StatusOK, testdata(t, file))
		if _, err := UpdatePPP(context.Background(), st, NewFetcher(), 2023, bad, true, noProgress); err == nil || !strings.Contains(err.Error(), "were not updated") {
			t.Errorf("%s: %v", file, err)
		}
	}
	if after, _ := st.PPPFactors(); !reflect.DeepEqual(before, after) {
		t.Errorf("a failed update changed the factors: %+v", after)
	}
	if _, err := UpdatePPP(context.Background(), st, NewFetcher(), 2023, addr, true, noProgress); err != nil {
		t.Fatal(err)
	}
	factors, _ = st.PPPFactors()
	if factors[0].CountryCode != "AU" || factors[0].Factor != "1.438033" {
		t.Errorf("asked to replace, Australia is %+v", factors[0])
	}
}
