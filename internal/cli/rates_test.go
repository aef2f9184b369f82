package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type rateOut struct {
	Currency string `json:"currency"`
	PerEUR   string `json:"per_eur"`
	AsOf     string `json:"as_of"`
	Year     int    `json:"year"`
	Source   string `json:"source"`
	Manual   bool   `json:"typed_by_hand"`
}

type sourcedOut struct {
	salaryOut
	Kind        string    `json:"kind"`
	Year        int       `json:"year"`
	Source      string    `json:"source"`
	SourceDate  string    `json:"source_date"`
	Respondents int       `json:"respondents"`
	Rates       []rateOut `json:"rates"`
}

func sourced(t *testing.T, db string, args ...string) ([]sourcedOut, result) {
	t.Helper()
	r := run(t, "", append([]string{"--db", db, "salaries", "--json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("salaries: exit %d, %s", r.code, r.stderr)
	}
	var out []sourcedOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	return out, r
}

const ecbDaily = "../salary/testdata/ecb-daily.xml"

// The first "must show": an update from a saved ECB document,
// then the comparison shows the new rates with their date and no longer
// warns that they are stale.
func TestRatesUpdateFromAFileThenSalariesShowTheNewRatesWithTheirDate(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	before, r := sourced(t, db, "--base", "EUR")
	if !strings.Contains(r.stderr, "more than a year old") {
		t.Errorf("the shipped 2023 rates are not called stale: %q", r.stderr)
	}
	if us := before[0]; us.Country != "United States" || us.SourceDate != "2023-09-05" || len(us.Rates) != 1 || us.Rates[0].AsOf != "2023-12-31" {
		t.Errorf("before: %+v", us)
	}

	up := run(t, "", "--db", db, "rates", "update", "--from", ecbDaily)
	if up.code != 0 {
		t.Fatalf("rates update: exit %d, %s", up.code, up.stderr)
	}
	for _, want := range []string{"USD per euro: 1.1520 on 2026-11-24", "GBP per euro: 0.87650 on 2026-11-24", "rates of 24 November 2026"} {
		if !strings.Contains(up.stdout, want) {
			t.Errorf("update output lacks %q:\n%s", want, up.stdout)
		}
	}

	after, r := sourced(t, db, "--base", "EUR")
	if r.stderr != "" {
		t.Errorf("still warned after the update: %q", r.stderr)
	}
	for _, s := range after {
		if s.Currency == "EUR" {
			if len(s.Rates) != 0 {
				t.Errorf("euros listed rates: %+v", s.Rates)
			}
			continue
		}
		if len(s.Rates) != 1 || s.Rates[0].Currency != s.Currency || s.Rates[0].AsOf != "2026-11-24" || !strings.Contains(s.Rates[0].Source, "European Central Bank") {
			t.Errorf("%s: rates %+v, want its ECB rate of 24 Nov 2026", s.Country, s.Rates)
		}
		if s.Currency == "GBP" && s.Rates[0].PerEUR != "0.87650" {
			t.Errorf("the pound's rate lost its trailing zero: %q", s.Rates[0].PerEUR)
		}
	}
	// The text says which date the comparison uses.
	if text := run(t, "", "--db", db, "salaries", "--base", "EUR").stdout; !strings.Contains(text, "Converted at the rates of 24 November 2026") {
		t.Errorf("text output:\n%s", text)
	}
}

// The second "must show": a server answering 503 leaves everything
// as it was, and the command exits non-zero saying why.
func TestRatesUpdateAgainstA503ChangesNothingAndFails(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "<html><body>Service Unavailable</body></html>", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "r.db")
	before := run(t, "", "--db", db, "export").stdout
	r := run(t, "", "--db", db, "rates", "update", "--from", srv.URL+"/stats/eurofxref/eurofxref-daily.xml")
	if r.code != 1 || !strings.Contains(r.stderr, "answered 503 Service Unavailable") || !strings.Contains(r.stderr, "Nothing was changed.") {
		t.Errorf("exit %d, stderr %q; want 1 and the 503 in words", r.code, r.stderr)
	}
	if after := run(t, "", "--db", db, "export").stdout; after != before {
		t.Error("the data changed after a failed update")
	}
	bad := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(bad, []byte("<!DOCTYPE html><html><body>Moved</body></html>"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := run(t, "", "--db", db, "rates", "update", "--from", bad); r.code != 1 || !strings.Contains(r.stderr, "web page, not the rates") {
		t.Errorf("a saved web page: exit %d, %q", r.code, r.stderr)
	}
}

func TestRatesUpdateSkipsAHandTypedRateUnlessAsked(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	doc := run(t, "", "--db", db, "export").stdout
	doc = strings.Replace(doc, `"per_eur": "0.86979",`, `"per_eur": "0.87000", "manual": true,`, 1)
	if r := run(t, doc, "--db", db, "import", "-"); r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	r := run(t, "", "--db", db, "rates", "update", "--from", ecbDaily)
	if r.code != 0 || !strings.Contains(r.stdout, "GBP per euro: kept your own rate 0.87000") || !strings.Contains(r.stdout, "--replace-manual") {
		t.Errorf("exit %d:\n%s", r.code, r.stdout)
	}
	if list := run(t, "", "--db", db, "rates").stdout; !strings.Contains(list, "GBP per euro: 0.87000 on 2023-12-31 (typed by you)") {
		t.Errorf("rates after the update:\n%s", list)
	}
	r = run(t, "", "--db", db, "rates", "update", "--from", ecbDaily, "--replace-manual")
	if list := run(t, "", "--db", db, "rates").stdout; r.code != 0 || !strings.Contains(list, "GBP per euro: 0.87650 on 2026-11-24\n") {
		t.Errorf("with --replace-manual:\n%s", list)
	}
}

func TestRatesUpdateForAYearConvertsThatYearsFiguresAtItsAverage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	r := run(t, "", "--db", db, "rates", "update", "--year", "2025", "--from", "../salary/testdata/ecb-annual-2025.csv")
	if r.code != 0 || !strings.Contains(r.stdout, "USD per euro, 2025 average: 1.1250") {
		t.Fatalf("exit %d: %s %s", r.code, r.stdout, r.stderr)
	}
	list, _ := sourced(t, db, "--base", "EUR", "--survey")
	found := false
	for _, s := range list {
		if s.Kind == "reported_median" && s.Country == "United States" && s.Year == 2025 {
			found = true
			if *s.BaseMin != 155556 || len(s.Rates) != 1 || s.Rates[0].Year != 2025 || s.Rates[0].PerEUR != "1.1250" || s.Respondents != 687 {
				t.Errorf("the 2025 US median: %+v", s)
			}
		}
		if s.Kind == "reported_median" && (s.Country == "Canada" || s.Country == "Australia") {
			t.Errorf("a median for %s, which the survey omits", s.Country)
		}
	}
	if !found {
		t.Error("no 2025 US median with --survey")
	}
	if r := run(t, "", "--db", db, "rates", "update", "--year", "1900"); r.code != 2 {
		t.Errorf("--year 1900: exit %d", r.code)
	}
	if r := run(t, "", "--db", db, "rates", "remove"); r.code != 2 || !strings.Contains(r.stderr, "unknown rates action") {
		t.Errorf("an unknown action: exit %d %q", r.code, r.stderr)
	}
}

func TestRatesUpdatePPPReadsTheWorldBanksFactors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	r := run(t, "", "--db", db, "rates", "update", "--ppp", "2023", "--from", "../salary/testdata/worldbank-ppp-2023.json")
	if r.code != 0 || !strings.Contains(r.stdout, "Germany: 0.746175 per international dollar in 2023") || !strings.Contains(r.stdout, "release of 1 July 2025") {
		t.Fatalf("exit %d: %s %s", r.code, r.stdout, r.stderr)
	}
	doc := run(t, "", "--db", db, "export").stdout
	if !strings.Contains(doc, `"released": "2025-07-01"`) {
		t.Error("the export does not carry the release date")
	}
	if r := run(t, "", "--db", db, "rates", "update", "--ppp", "2023", "--from", "../salary/testdata/worldbank-error.json"); r.code != 1 ||
		!strings.Contains(r.stderr, "refused the request") {
		t.Errorf("a World Bank error: exit %d, %q", r.code, r.stderr)
	}
	if r := run(t, "", "--db", db, "rates", "update", "--ppp", "2023", "--year", "2023"); r.code != 2 {
		t.Errorf("--ppp with --year: exit %d", r.code)
	}
}
