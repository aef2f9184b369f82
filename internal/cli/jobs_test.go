package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	ical "github.com/arran4/golang-ical"

	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/store"
)

func mustRun(t *testing.T, args ...string) result {
	t.Helper()
	r := run(t, "", args...)
	if r.code != 0 {
		t.Fatalf("%q: exit %d\n%s%s", args, r.code, r.stdout, r.stderr)
	}
	return r
}

// jobsJSON lists the applications of db as `jobs --json` prints them,
// without their IDs (a new database numbers them anew).
func jobsJSON(t *testing.T, db string) []applicationJSON {
	t.Helper()
	var list []applicationJSON
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "jobs", "--json").stdout), &list); err != nil {
		t.Fatal(err)
	}
	for i := range list {
		list[i].ID = 0
	}
	return list
}

func TestJobsCSVExportThenImportIntoANewDatabaseGivesTheSameApplications(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustRun(t, "--db", db, "jobs", "add", "--company", "Acme GmbH", "--role", "Go developer", "--source", "Referral", "--date", "2026-11-02",
		"--url", "https://acme.example/jobs/1")
	mustRun(t, "--db", db, "jobs", "add", "--company", "=cmd|' /C calc'!A0", "--role", "Dev, \"backend\"", "--stage", "Saved", "--date", "2026-11-03")
	mustRun(t, "--db", db, "jobs", "add", "--company", "Gamma", "--role", "SRE", "--date", "2026-11-04")
	mustRun(t, "--db", db, "jobs", "move", "1", "Screening", "--date", "2026-11-10", "--note", "phone call, 30 min\nwith \"Ana\"")
	mustRun(t, "--db", db, "jobs", "move", "1", "Technical interview", "--date", "2026-11-10")
	mustRun(t, "--db", db, "jobs", "move", "3", "Ghosted", "--date", "2026-11-24")
	out := filepath.Join(dir, "jobs.csv")
	r := mustRun(t, "--db", db, "jobs", "export", "--format", "csv", "--out", out)
	if !strings.Contains(r.stdout, "jobs-events.csv") {
		t.Errorf("export says %q", r.stdout)
	}
	fresh := filepath.Join(dir, "b.db")
	r = mustRun(t, "--db", fresh, "jobs", "import", out)
	if !strings.Contains(r.stdout, "Imported 3 applications.") || r.stderr != "" {
		t.Errorf("import said %q %q", r.stdout, r.stderr)
	}
	before, after := jobsJSON(t, db), jobsJSON(t, fresh)
	b1, _ := json.Marshal(before)
	b2, _ := json.Marshal(after)
	if string(b1) != string(b2) {
		t.Errorf("after the round trip:\n%s\nwant\n%s", b2, b1)
	}
	if len(before[0].History) != 3 || before[0].History[1].Note != "phone call, 30 min\nwith \"Ana\"" {
		t.Errorf("history %+v", before[0].History)
	}
}

func TestJobsImportWithBadRowsImportsTheGoodOnesAndNamesEachBadOne(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	file := filepath.Join(dir, "sheet.csv")
	data := "Firma,Stelle,Datum,Status\r\n" +
		"Acme,Go developer,2026-03-02,Applied\r\n" +
		",Backend developer,2026-03-03,Applied\r\n" +
		"Beta,Dev,03/04/2026,Applied\r\n" +
		"Gamma,Dev,2026-03-05,Interviewing\r\n" +
		"Delta,Dev,2026-03-06,Rejected\r\n"
	if err := os.WriteFile(file, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	r := run(t, "", "--db", db, "jobs", "import", file, "--map", "company=Firma,role=Stelle,date=Datum,stage=Status")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"Row 3 skipped: the company is missing", "Row 4 skipped: the date \"03/04/2026\" is not a date",
		"Row 5 skipped: \"Interviewing\" is not a stage"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if !strings.Contains(r.stdout, "Imported 2 applications; skipped 3 rows") {
		t.Errorf("stdout %q", r.stdout)
	}
	list := jobsJSON(t, db)
	if len(list) != 2 || list[0].Company != "Acme" || list[1].Stage != "Rejected" {
		t.Errorf("imported %+v", list)
	}
	// A file with no good row changes nothing and says so.
	if err := os.WriteFile(file, []byte("company,role\r\n,\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r = run(t, "", "--db", db, "jobs", "import", file)
	if r.code != 1 || !strings.Contains(r.stderr, "no row of the file can be imported") {
		t.Errorf("all bad: %d %q", r.code, r.stderr)
	}
	if len(jobsJSON(t, db)) != 2 {
		t.Error("a refused import changed the applications")
	}
}

func TestJobsUsageMistakes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"jobs", "add", "--company", "A"}, 2, "needs --company and --role"},
		{[]string{"jobs", "move", "x", "Applied"}, 2, "not an application's ID"},
		{[]string{"jobs", "move", "1"}, 2, "needs the application's ID and the stage"},
		{[]string{"jobs", "move", "7", "Applied"}, 1, "there is no application 7"},
		{[]string{"jobs", "--stage", "Nope"}, 2, "is not a stage"},
		{[]string{"jobs", "export", "--format", "xls", "--out", "x"}, 2, "unknown --format"},
		{[]string{"jobs", "import", "missing.csv"}, 1, "cannot read"},
		{[]string{"jobs", "import", "x.csv", "--map", "pay=Gehalt"}, 2, "not a field"},
		{[]string{"jobs", "add", "--company", "A", "--role", strings.Repeat("r", 10_000)}, 1, "keep it to 200"},
	} {
		r := run(t, "", append([]string{"--db", db}, c.args...)...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%q: exit %d %q, want %d and %q", c.args, r.code, r.stderr, c.code, c.want)
		}
	}
}

func TestJobsStatsJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	mustRun(t, "--db", db, "jobs", "add", "--company", "A", "--role", "R", "--date", "2026-11-02")
	mustRun(t, "--db", db, "jobs", "add", "--company", "B", "--role", "R", "--date", "2026-11-03")
	mustRun(t, "--db", db, "jobs", "move", "2", "Rejected", "--date", "2026-11-07")
	var s statsJSON
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "jobs", "stats", "--json").stdout), &s); err != nil {
		t.Fatal(err)
	}
	if s.Sent != 2 || s.Answered != 1 || s.ResponseRate != 0.5 || s.MedianDaysToAnswer == nil || *s.MedianDaysToAnswer != 4 {
		t.Errorf("stats %+v", s)
	}
}

// An interview exports as a timed event with an alarm: Go's reader sees
// the time and the alarm, and so does khal, a calendar program people
// use, when it is installed (TEST_PACKAGES in the Makefile has it).
func TestTheCalendarCarriesInterviewsAndFollowUpsWithAlarms(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustRun(t, "--db", db, "plan", "--study-time", "19:00")
	mustRun(t, "--db", db, "jobs", "add", "--company", "Acme", "--role", "Go developer", "--date", "2026-11-20")
	mustRun(t, "--db", db, "jobs", "add", "--company", "Beta", "--role", "Backend developer", "--date", "2026-11-20")
	st, err := store.Open(onEngine(t, db))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 27, 10, 30, 0, 0, time.UTC)
	if _, err := st.SaveInterview(jobsearch.Interview{}, jobsearch.Interview{ApplicationID: 1, Start: start, Minutes: 45,
		Place: "Acme, Hauptstraße 1, Berlin"}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	out := filepath.Join(dir, "plan.ics")
	mustRun(t, "--db", db, "export", "--format", "ics", "--out", out)
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ical.ParseCalendar(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, ev := range cal.Events() {
		summary := ev.GetProperty(ical.ComponentPropertySummary).Value
		var want string
		switch summary {
		case "Interview: Acme (Go developer)":
			want = "20261127T103000/20261127T111500/-PT60M"
		case "Follow up: Beta (Backend developer)":
			// Applied on the 20th, no move for seven days: the 27th, at
			// the study time. (Acme's interview is its next step: no
			// follow-up for it.)
			want = "20261127T190000/20261127T191500/-PT10M"
		default:
			continue
		}
		alarms := ev.Alarms()
		got := ev.GetProperty(ical.ComponentPropertyDtStart).Value + "/" + ev.GetProperty(ical.ComponentPropertyDtEnd).Value + "/"
		if len(alarms) == 1 {
			got += alarms[0].GetProperty(ical.ComponentPropertyTrigger).Value
		}
		if got != want {
			t.Errorf("%s: %s, want %s", summary, got, want)
		}
		found[summary] = true
	}
	if len(found) != 2 {
		t.Fatalf("the calendar has %v of the interview and the follow-up", found)
	}
	if loc := findEvent(cal, "Interview: Acme (Go developer)").GetProperty(ical.ComponentPropertyLocation); loc == nil || loc.Value != "Acme, Hauptstraße 1, Berlin" {
		t.Errorf("the interview's place: %+v", loc)
	}
	khalLists(t, out, "2026-11-27 10:30 2026-11-27 11:15 Interview: Acme (Go developer) [ ⏰]")
}

func findEvent(cal *ical.Calendar, summary string) *ical.VEvent {
	for _, ev := range cal.Events() {
		if p := ev.GetProperty(ical.ComponentPropertySummary); p != nil && p.Value == summary {
			return ev
		}
	}
	return nil
}

// khalLists imports the calendar into a scratch khal and checks it lists
// want on 27 November 2026. It skips when khal is not installed.
func khalLists(t *testing.T, ics, want string) {
	t.Helper()
	if _, err := exec.LookPath("khal"); err != nil {
		t.Log("khal is not installed; the calendar was checked with Go's reader only")
		return
	}
	home := t.TempDir()
	cfg := filepath.Join(home, ".config", "khal")
	if err := os.MkdirAll(cfg, 0o755); err != nil {
		t.Fatal(err)
	}
	conf := "[calendars]\n[[plan]]\npath = " + filepath.Join(home, "cal") + "\ntype = calendar\n[locale]\ntimeformat = %H:%M\n" +
		"dateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n" +
		"default_timezone = UTC\nlocal_timezone = UTC\n"
	if err := os.WriteFile(filepath.Join(cfg, "config"), []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(home, "cal"), 0o755); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "XDG_DATA_HOME="+filepath.Join(home, "data"))
	imp := exec.Command("khal", "import", "--batch", "-a", "plan", ics)
	imp.Env = env
	if out, err := imp.CombinedOutput(); err != nil {
		t.Fatalf("khal import: %v\n%s", err, out)
	}
	list := exec.Command("khal", "list", "--format", "{start} {end} {title} [{alarm-symbol}]", "2026-11-27", "1d")
	list.Env = env
	out, err := list.CombinedOutput()
	if err != nil {
		t.Fatalf("khal list: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), want) {
		t.Errorf("khal lists:\n%s\nwant a line %q", out, want)
	}
}

// An application and its moves happened: none is dated after today (the
// test clock's 2026-11-25), by `jobs add`, `jobs move` or an import.
func TestJobsRefuseDatesInTheFuture(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	r := run(t, "", "--db", db, "jobs", "add", "--company", "A", "--role", "B", "--date", "2030-01-01")
	if r.code != 1 || !strings.Contains(r.stderr, "2030-01-01 is in the future; use today's date (2026-11-25) or an earlier one") {
		t.Errorf("add in 2030: exit %d %q", r.code, r.stderr)
	}
	mustRun(t, "--db", db, "jobs", "add", "--company", "A", "--role", "B", "--date", "2026-11-25")
	r = run(t, "", "--db", db, "jobs", "move", "1", "Screening", "--date", "2026-11-26")
	if r.code != 1 || !strings.Contains(r.stderr, "2026-11-26 is in the future") {
		t.Errorf("move tomorrow: exit %d %q", r.code, r.stderr)
	}
	file := filepath.Join(dir, "in.csv")
	if err := os.WriteFile(file, []byte("company,role,date\r\nC,D,2026-11-24\r\nE,F,2031-02-03\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r = mustRun(t, "--db", db, "jobs", "import", file)
	if !strings.Contains(r.stderr, "Row 3 skipped: the application's date 2031-02-03 is in the future") || !strings.Contains(r.stdout, "Imported 1 applications") {
		t.Errorf("import: %q %q", r.stdout, r.stderr)
	}
	for _, a := range jobsJSON(t, db) {
		if a.LastMove > "2026-11-25" {
			t.Errorf("kept %+v", a)
		}
	}
}

// Importing the same file twice, a file repeating a row, or an export of
// the same board adds each application once and says how many were there.
func TestJobsImportLeavesOutApplicationsAlreadyThere(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	file := filepath.Join(dir, "in.csv")
	data := "company,role,date\r\nAcme,Go developer,2026-11-02\r\nBeta,SRE,2026-11-03\r\n acme ,GO DEVELOPER,2026-11-02\r\nAcme,Go developer,2026-11-09\r\n"
	if err := os.WriteFile(file, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	r := mustRun(t, "--db", db, "jobs", "import", file)
	if !strings.Contains(r.stdout, "Imported 3 applications; 1 were already there") {
		t.Errorf("first import: %q", r.stdout)
	}
	r = mustRun(t, "--db", db, "jobs", "import", file)
	if !strings.Contains(r.stdout, "Imported 0 applications; 4 were already there") {
		t.Errorf("second import: %q %q", r.stdout, r.stderr)
	}
	out := filepath.Join(dir, "export.csv")
	mustRun(t, "--db", db, "jobs", "export", "--format", "csv", "--out", out)
	r = mustRun(t, "--db", db, "jobs", "import", out)
	if !strings.Contains(r.stdout, "Imported 0 applications; 3 were already there") {
		t.Errorf("re-import of the export: %q", r.stdout)
	}
	if n := len(jobsJSON(t, db)); n != 3 {
		t.Errorf("%d applications, want 3", n)
	}
}

// A file that cannot be read or written, or a flag's bad value, is said in
// words with what to do: no temporary file's name, no decoder's text, no
// usage dump for a value typed wrong.
func TestFileAndFlagMistakesAreSaidInWords(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	empty := filepath.Join(dir, "empty.csv")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "no", "such")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"jobs", "export", "--format", "pdf", "--out", filepath.Join(missing, "x.pdf")}, 1,
			"writing " + filepath.Join(missing, "x.pdf") + ": the folder " + missing + " does not exist; create it first, or choose another place"},
		{[]string{"jobs", "export", "--format", "csv", "--out", filepath.Join(missing, "x.csv")}, 1, "the folder " + missing + " does not exist"},
		{[]string{"jobs", "import", filepath.Join(dir, "nope.csv")}, 1, "cannot read " + filepath.Join(dir, "nope.csv") + ": there is no such file; check its name and folder"},
		{[]string{"rates", "update", "--from", empty}, 1, "the file is empty"},
		{[]string{"rates", "update", "--ppp", "abc"}, 2, "--ppp: \"abc\" is not a whole number"},
		{[]string{"review", "--card", "x"}, 2, "--card: \"x\" is not a whole number"},
		{[]string{"jobs", "--json=maybe"}, 2, "--json: \"maybe\" is not true or false"},
	} {
		r := run(t, "", append([]string{"--db", db}, c.args...)...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%q: exit %d %q, want %d and %q", c.args, r.code, r.stderr, c.code, c.want)
		}
		for _, raw := range []string{".partial", "no such file or directory", "EOF", "parse error", "Usage:", "invalid value"} {
			if strings.Contains(r.stderr, raw) {
				t.Errorf("%q: %q reaches the person: %q", c.args, raw, r.stderr)
			}
		}
	}
}

// What the commands say is in plain words: the stage by its own name, an
// empty stage as empty, no percentages of nothing, and a missing ID as
// missing, with where to find the right one.
func TestJobsMessagesSayWhatIsThere(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	r := mustRun(t, "--db", db, "jobs", "stats")
	if !strings.Contains(r.stdout, "No applications yet, so no figures") || strings.Contains(r.stdout, "%") {
		t.Errorf("empty stats: %q", r.stdout)
	}
	r = mustRun(t, "--db", db, "jobs", "add", "--company", "A", "--role", "B", "--stage", "saved", "--date", "2026-11-20")
	if !strings.Contains(r.stdout, "(Saved on 2026-11-20)") {
		t.Errorf("add echoes %q, want the stage's own name", r.stdout)
	}
	r = mustRun(t, "--db", db, "jobs", "stats")
	if !strings.Contains(r.stdout, "1 application saved, none sent yet, so no figures") || strings.Contains(r.stdout, "%") {
		t.Errorf("stats with nothing sent: %q", r.stdout)
	}
	r = mustRun(t, "--db", db, "jobs", "--stage", "screening")
	if !strings.Contains(r.stdout, "No application is at Screening now") || strings.Contains(r.stdout, "yet") {
		t.Errorf("empty stage: %q", r.stdout)
	}
	r = mustRun(t, "--db", db, "jobs", "move", "1", "applied", "--date", "2026-11-21")
	if !strings.Contains(r.stdout, "Moved application 1 to Applied on 2026-11-21") {
		t.Errorf("move echoes %q", r.stdout)
	}
	for _, c := range [][]string{{"jobs", "move", "99", "applied"}, {"review", "--card", "9999", "--rating", "good"}} {
		r := run(t, "", append([]string{"--db", db}, c...)...)
		want := map[string]string{"jobs": `there is no application 99; "studyplanner jobs" lists them`,
			"review": `there is no card 9999; "studyplanner review" lists the cards due today`}[c[0]]
		if r.code != 1 || !strings.Contains(r.stderr, want) || strings.Contains(r.stderr, "window") {
			t.Errorf("%q: exit %d %q, want %q", c, r.code, r.stderr, want)
		}
	}
}

// Flags that do nothing with a format are refused, a reversed range is
// refused, and a stage that is not one is a usage mistake (exit 2)
// wherever it is given.
func TestJobsExportRangeAndStageMistakes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustRun(t, "--db", db, "jobs", "add", "--company", "A", "--role", "B", "--date", "2026-11-02")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"jobs", "export", "--format", "csv", "--out", filepath.Join(dir, "x.csv"), "--from", "2026-11-01"}, "--format csv writes every application"},
		{[]string{"jobs", "export", "--format", "pdf", "--out", filepath.Join(dir, "x.pdf"), "--from", "2026-11-20", "--to", "2026-11-01"},
			"--from 2026-11-20 is after --to 2026-11-01"},
		{[]string{"jobs", "add", "--company", "C", "--role", "D", "--stage", "Nope"}, `"Nope" is not a stage`},
		{[]string{"jobs", "move", "1", "Nope"}, `"Nope" is not a stage`},
		{[]string{"jobs", "--stage", "Nope"}, "is not a stage"},
		{[]string{"salaries", "--survey"}, "use it with --json"},
	} {
		r := run(t, "", append([]string{"--db", db}, c.args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%q: exit %d %q, want 2 and %q", c.args, r.code, r.stderr, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("a refused export wrote its file")
	}
	r := mustRun(t, "--db", db, "jobs", "export", "--format", "record-csv", "--out", filepath.Join(dir, "r.csv"), "--from", "2026-11-03")
	data, _ := os.ReadFile(filepath.Join(dir, "r.csv"))
	if strings.Contains(string(data), "2026-11-02") {
		t.Errorf("the record from 2026-11-03 holds the application of 2026-11-02: %q (%q)", data, r.stdout)
	}
}

// The record names the applicant from the résumé's profile when --name
// is not given; --name still wins.
func TestJobsRecordNamesTheApplicantFromTheResume(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils, in the Makefile's TEST_PACKAGES) is not installed")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustRun(t, "--db", db, "jobs", "add", "--company", "Acme", "--role", "Dev", "--date", "2026-11-02")
	text := func(args ...string) string {
		pdf := filepath.Join(dir, "r.pdf")
		mustRun(t, append([]string{"--db", db, "jobs", "export", "--format", "pdf", "--out", pdf}, args...)...)
		out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	if got := text(); !strings.Contains(got, "_____") {
		t.Errorf("with no profile the applicant line is not left to fill:\n%s", got)
	}
	cv := filepath.Join(dir, "cv.json")
	if err := os.WriteFile(cv, []byte(`{"basics":{"name":"Łukasz Żółć"}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "--db", db, "resume", "import", cv)
	if got := text(); !strings.Contains(got, "Łukasz Żółć") || strings.Contains(got, "Applicant: ____") {
		t.Errorf("the record does not name the profile's applicant:\n%s", got)
	}
	if got := text("--name", "Jane Roe"); !strings.Contains(got, "Jane Roe") || strings.Contains(got, "Łukasz") {
		t.Errorf("--name does not win:\n%s", got)
	}
}
