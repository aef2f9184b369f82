package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/dataset"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

var fixedNow = func() time.Time { return time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC) }

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	args = onTestEngine(t, args)
	var out, errOut bytes.Buffer
	code := Main(Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Now: fixedNow, Version: "test", Locale: "en_GB.UTF-8"}, args)
	return result{code, out.String(), errOut.String()}
}

// serverFor maps each database file a test names to a learner schema of
// its own on the test server, in a run on the server
// (STUDYPLANNER_TEST_ENGINE=postgres): the same file, the same schema.
var serverFor = struct {
	sync.Mutex
	urls map[string]string
}{urls: map[string]string{}}

// onEngine is where a test's database file is in this run: the file, or
// its schema on the test server; a test opening the store itself opens
// the same data as the commands it runs.
func onEngine(t *testing.T, db string) string {
	t.Helper()
	return onTestEngine(t, []string{"--db", db})[1]
}

// onTestEngine gives args with each --db FILE replaced by its schema on
// the test server, in a run on the server; else args as they are.
func onTestEngine(t *testing.T, args []string) []string {
	t.Helper()
	if !storetest.OnServer() {
		return args
	}
	out := append([]string(nil), args...)
	for i := 0; i+1 < len(out); i++ {
		if out[i] != "--db" || out[i+1] == "" || store.IsServerURL(out[i+1]) {
			continue
		}
		serverFor.Lock()
		url, ok := serverFor.urls[out[i+1]]
		if !ok {
			url = storetest.Server(t)
			serverFor.urls[out[i+1]] = url
		}
		serverFor.Unlock()
		out[i+1] = url
	}
	return out
}

func TestStatusOnANewFileShowsTheSeededPlan(t *testing.T) {
	storetest.FileOnly(t)
	db := filepath.Join(t.TempDir(), "x.db")
	r := run(t, "", "--db", db, "status")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	for _, want := range []string{
		"Overall progress:  0% of about",
		"Roadmap steps:     0/5 done (now: Decide your timeline and learning format)",
		"Plan ends:         2027-08-25 (9-month plan from 2026-11-25, 39 weeks left)",
		"Database:          " + db,
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("status output lacks %q:\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(r.stdout, "Skills:            0/") {
		t.Errorf("status output lacks the skills count:\n%s", r.stdout)
	}
	// The flag may also follow the command.
	if again := run(t, "", "status", "--db", db); again.stdout != r.stdout {
		t.Errorf("status --db after the command differs:\n%s\nvs\n%s", again.stdout, r.stdout)
	}
}

func TestEnvironmentVariableNamesTheDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	t.Setenv("STUDYPLANNER_DB", db)
	if r := run(t, "", "status"); r.code != 0 || !strings.Contains(r.stdout, db) {
		t.Fatalf("exit %d, output %q", r.code, r.stdout)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("$STUDYPLANNER_DB was not used: %v", err)
	}
}

func TestExportImportExportIsIdentical(t *testing.T) {
	dir := t.TempDir()
	first := filepath.Join(dir, "first.json")
	if r := run(t, "", "--db", filepath.Join(dir, "a.db"), "export", "--format", "json", "--out", first); r.code != 0 {
		t.Fatalf("export: exit %d, %s", r.code, r.stderr)
	}
	r := run(t, "", "--db", filepath.Join(dir, "b.db"), "import", first)
	if r.code != 0 {
		t.Fatalf("import: exit %d, %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "5 steps") {
		t.Errorf("import did not report what it imported: %q", r.stdout)
	}
	second := run(t, "", "--db", filepath.Join(dir, "b.db"), "export")
	if second.code != 0 {
		t.Fatalf("second export: exit %d, %s", second.code, second.stderr)
	}
	want, _ := os.ReadFile(first)
	if second.stdout != string(want) {
		t.Errorf("export → import → export changed the document:\n%s\n---\n%s", want, second.stdout)
	}
}

func TestBrokenImportsChangeNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "keep.db")
	before := run(t, "", "--db", db, "export")
	if before.code != 0 {
		t.Fatal(before.stderr)
	}
	wrongVersion := strings.Replace(before.stdout, fmt.Sprintf(`"version": %d`, snapshot.Version), `"version": 7`, 1)
	badSalary := strings.Replace(before.stdout, `"min": 90000`, `"min": 900000`, 1)
	cases := map[string]struct{ content, want string }{
		"truncated.json": {before.stdout[:len(before.stdout)/3], "cut short"},
		"wrong.json":     {`{"hello": "world"}`, "not a Study Planner document"},
		"newer.json":     {wrongVersion, "version 7"},
		"invalid.json":   {badSalary, "salaries[0]: the minimum 900,000 is above the maximum 120,000"},
	}
	for name, c := range cases {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, []byte(c.content), 0o600); err != nil {
			t.Fatal(err)
		}
		r := run(t, "", "--db", db, "import", file)
		if r.code == 0 {
			t.Errorf("%s: import succeeded", name)
		}
		if !strings.Contains(r.stderr, c.want) || !strings.Contains(r.stderr, "Nothing was changed") {
			t.Errorf("%s: stderr %q does not say %q and that nothing changed", name, r.stderr, c.want)
		}
		if after := run(t, "", "--db", db, "export"); after.stdout != before.stdout {
			t.Errorf("%s: a refused import changed the data", name)
		}
	}
	if r := run(t, "", "--db", db, "import", filepath.Join(dir, "missing.json")); r.code == 0 || !strings.Contains(r.stderr, "no such file") {
		t.Errorf("import of a missing file: exit %d, %q", r.code, r.stderr)
	}
}

func TestImportFromStandardInput(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	run(t, "", "--db", a, "log", "--skill", "Go", "--minutes", "25", "--date", "2026-11-20", "--note", "from a")
	doc := run(t, "", "--db", a, "export").stdout
	if r := run(t, doc, "--db", b, "import", "-"); r.code != 0 || !strings.Contains(r.stdout, "Imported -") {
		t.Fatalf("import -: exit %d, %s%s", r.code, r.stdout, r.stderr)
	}
	if got := run(t, "", "--db", b, "export").stdout; got != doc {
		t.Error("the data imported from standard input differs from what was exported")
	}
}

func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "u.db")
	tests := []struct {
		args []string
		code int
		want string // in stderr, or stdout for help
	}{
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"--db", db, "export", "--format", "xml"}, 2, `unknown --format "xml"`},
		{[]string{"--db", db, "import"}, 2, "exactly one FILE"},
		{[]string{"--db", db, "status", "extra"}, 2, "takes no arguments"},
		{[]string{"--nope"}, 2, "flag provided but not defined"},
		{[]string{"--db", db, "log", "--skill", "Go", "--minutes", "0x2d"}, 2, `"0x2d" is not a whole number`},
		{[]string{"--db", db, "log", "--skill", "Go", "--minutes", "1_000"}, 2, `"1_000" is not a whole number`},
		{[]string{"--db", db, "plan", "--hours-per-week", "0x1p3"}, 2, `"0x1p3" is not a number`},
		{[]string{"--db", db, "plan", "--hours-per-week", "NaN"}, 2, `"NaN" is not a number`},
		{[]string{"--db", "", "status"}, 2, "--db was given an empty path"},
		{[]string{"status", "--db", ""}, 2, "--db was given an empty path"},
		{[]string{"--help"}, 0, "Commands:"},
		{[]string{"export", "--help"}, 0, "Usage: studyplanner export"},
		{[]string{"--version"}, 0, "Study Planner test"},
	}
	for _, tt := range tests {
		r := run(t, "", tt.args...)
		if r.code != tt.code {
			t.Errorf("%q: exit %d, want %d (stderr %q)", tt.args, r.code, tt.code, r.stderr)
		}
		// Help asked for is output; a mistake, with its usage, is an error.
		where := r.stderr
		if tt.code == 0 {
			where = r.stdout
		}
		if !strings.Contains(where, tt.want) {
			t.Errorf("%q: the output it belongs in lacks %q:\nstdout %q\nstderr %q", tt.args, tt.want, r.stdout, r.stderr)
		}
		if tt.code != 0 && r.stdout != "" {
			t.Errorf("%q: a mistake printed on standard output: %q", tt.args, r.stdout)
		}
	}
	if _, err := os.Stat(db); err == nil {
		if r := run(t, "", "--db", db, "export"); strings.Contains(r.stdout, `"minutes": 1000`) || strings.Contains(r.stdout, `"minutes": 45`) {
			t.Error("a refused number was logged")
		}
	}
}

// TestNumbersAPersonTypesAreDecimal is the class "--minutes 045 logs 37
// minutes".
func TestNumbersAPersonTypesAreDecimal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	if r := run(t, "", "--db", db, "log", "--skill", "Go", "--minutes", "045", "--date", "2026-11-20"); r.code != 0 || !strings.Contains(r.stdout, "Logged 45 minutes") {
		t.Errorf("--minutes 045: exit %d, %q%q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "", "--db", db, "plan", "--months", "09", "--hours-per-week", "07.5", "--json"); r.code != 0 || !strings.Contains(r.stdout, `"months": 9`) || !strings.Contains(r.stdout, `"hours_per_week": 7.5`) {
		t.Errorf("--months 09 --hours-per-week 07.5: exit %d, %.200q %q", r.code, r.stdout, r.stderr)
	}
}

// TestMistypedDatabasePathsAreNotCreated is the class "a typo in --db
// silently starts a new database".
func TestMistypedDatabasePathsAreNotCreated(t *testing.T) {
	storetest.FileOnly(t)
	dir := t.TempDir()
	typo := filepath.Join(dir, "Dokuments", "study.db")
	r := run(t, "", "--db", typo, "status")
	if r.code == 0 || !strings.Contains(r.stderr, "does not exist") {
		t.Errorf("status with a missing folder: exit %d, %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Dir(typo)); err == nil {
		t.Error("the mistyped folder was created")
	}
	t.Setenv("STUDYPLANNER_DB", "")
	if r := run(t, "", "status"); r.code == 0 || !strings.Contains(r.stderr, "set but empty") {
		t.Errorf("an empty STUDYPLANNER_DB: exit %d, %q; it must not fall back to the real data", r.code, r.stderr)
	}
}

// TestOutputsToDevicesAreWrittenNotReplaced is the class "--out
// /dev/stdout replaced a device with a file": each is written straight to
// (through a link in a temporary folder, so a broken run cannot replace
// the machine's devices).
func TestOutputsToDevicesAreWrittenNotReplaced(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full here")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "o.db")
	null, full := filepath.Join(dir, "null"), filepath.Join(dir, "full")
	os.Symlink(os.DevNull, null)
	os.Symlink("/dev/full", full)
	if r := run(t, "", "--db", db, "export", "--out", null); r.code != 0 {
		t.Errorf("export to /dev/null: exit %d, %q", r.code, r.stderr)
	}
	if r := run(t, "", "--db", db, "export", "--out", full); r.code == 0 || !strings.Contains(r.stderr, "disk is full") {
		t.Errorf("export to /dev/full: exit %d, %q; want the failure reported", r.code, r.stderr)
	}
	if r := run(t, "", "--db", db, "backup", "--out", null); r.code != 0 {
		t.Errorf("backup to /dev/null: exit %d, %q", r.code, r.stderr)
	}
	for _, dev := range []string{null, full} {
		if info, err := os.Stat(dev); err != nil || info.Mode().IsRegular() {
			t.Errorf("%s was replaced by a regular file", dev)
		}
	}
	if r := run(t, "", "--db", db, "export", "--out", "-"); r.code != 0 || !strings.HasPrefix(r.stdout, "{") {
		t.Errorf("--out - does not write to standard output: %.60q", r.stdout)
	}
}

// TestEveryImportBacksUpFirstAndSaysWhere is the class "the command line
// replaces everything without a backup".
func TestEveryImportBacksUpFirstAndSaysWhere(t *testing.T) {
	storetest.FileOnly(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "i.db")
	run(t, "", "--db", db, "log", "--skill", "Go", "--minutes", "30", "--date", "2026-11-20", "--note", "before the import")
	other := filepath.Join(dir, "other.json")
	os.WriteFile(other, []byte(run(t, "", "--db", filepath.Join(dir, "fresh.db"), "export").stdout), 0o600)
	r := run(t, "", "--db", db, "import", other)
	if r.code != 0 || !strings.Contains(r.stdout, "backed up in "+filepath.Join(dir, "i-backups")) {
		t.Fatalf("import: exit %d, %q%q", r.code, r.stdout, r.stderr)
	}
	backups, _ := filepath.Glob(filepath.Join(dir, "i-backups", "studyplanner-*.db"))
	if len(backups) != 1 {
		t.Fatalf("%d backups made", len(backups))
	}
	restored := filepath.Join(dir, "restored.db")
	run(t, "", "--db", restored, "import", backups[0])
	if !strings.Contains(run(t, "", "--db", restored, "export").stdout, "before the import") {
		t.Error("the backup made before the import does not hold the data it replaced")
	}
}

// TestMessagesCarryNoProgramWords: a person never sees a Go type, an SQLite
// code or a temporary path.
func TestMessagesCarryNoProgramWords(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	wrongKind := filepath.Join(dir, "wrong-kind.data")
	os.WriteFile(wrongKind, []byte(`{"format": ["studyplanner"], "version": 4}`), 0o600)
	r := run(t, "", "--db", db, "import", wrongKind)
	for _, word := range []string{"snapshot.", "[]", "string", "header", "json:"} {
		if strings.Contains(r.stderr, word) {
			t.Errorf("the message shows %q: %q", word, r.stderr)
		}
	}
	if !strings.Contains(r.stderr, `the field "format" holds a list where text belongs`) {
		t.Errorf("the message does not say what is wrong: %q", r.stderr)
	}
}

func TestExportToAFileReplacesItWhole(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "backup.json")
	if err := os.WriteFile(out, []byte(strings.Repeat("OLD-CONTENT ", 40000)), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := run(t, "", "--db", filepath.Join(dir, "a.db"), "export", "--out", out); r.code != 0 {
		t.Fatal(r.stderr)
	}
	data, _ := os.ReadFile(out)
	if strings.Contains(string(data), "OLD-CONTENT ") || !strings.HasPrefix(string(data), "{") {
		t.Error("export left parts of the old file behind")
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".backup.json.*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

func TestADamagedDatabaseIsReportedAndKept(t *testing.T) {
	storetest.FileOnly(t)
	db := filepath.Join(t.TempDir(), "damaged.db")
	original := bytes.Repeat([]byte("not sqlite "), 500)
	if err := os.WriteFile(db, original, 0o600); err != nil {
		t.Fatal(err)
	}
	r := run(t, "", "--db", db, "status")
	if r.code == 0 || !strings.Contains(r.stderr, db) {
		t.Errorf("status on a damaged file: exit %d, stderr %q; want a failure naming the file", r.code, r.stderr)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, original) {
		t.Error("the damaged file was written to")
	}
}

func TestSkillsJSONListsEveryDefaultSkill(t *testing.T) {
	r := run(t, "", "--db", filepath.Join(t.TempDir(), "s.db"), "skills", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var skills []struct {
		Name          string   `json:"name"`
		Category      string   `json:"category"`
		Status        string   `json:"status"`
		Prerequisites []string `json:"prerequisites"`
		Proven        *bool    `json:"proven"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &skills); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	pack, _ := os.ReadFile("../../assets/packs/backend-developer.json")
	var p snapshot.Pack
	if err := json.Unmarshal(pack, &p); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, c := range p.SkillCategories {
		for _, sk := range c.Skills {
			want[sk.Name] = c.Name
		}
	}
	if len(skills) != len(want) {
		t.Errorf("%d skills listed, the default pack has %d", len(skills), len(want))
	}
	for _, sk := range skills {
		if want[sk.Name] != sk.Category || sk.Status != "not_started" || sk.Prerequisites == nil || sk.Proven == nil {
			t.Errorf("skill %+v: want category %q, status not_started, a prerequisites list and a proven flag", sk, want[sk.Name])
		}
		if sk.Name == "Coding challenge practice" && (len(sk.Prerequisites) != 1 || sk.Prerequisites[0] != "Algorithms and complexity") {
			t.Errorf("prerequisites of %s = %q", sk.Name, sk.Prerequisites)
		}
	}
	table := run(t, "", "--db", filepath.Join(t.TempDir(), "s.db"), "skills")
	if !strings.Contains(table.stdout, "SKILL") || !strings.Contains(table.stdout, "Git basics") {
		t.Errorf("the table lacks its header or a skill:\n%s", table.stdout)
	}
}

func TestPackExportImportExportIsIdentical(t *testing.T) {
	dir := t.TempDir()
	first := filepath.Join(dir, "first.pack.json")
	if r := run(t, "", "--db", filepath.Join(dir, "a.db"), "pack", "export", "--out", first); r.code != 0 {
		t.Fatalf("pack export: %s", r.stderr)
	}
	// Start b from nothing, so the pack alone builds its roadmap.
	b := filepath.Join(dir, "b.db")
	empty := `{"format": "studyplanner", "version": 2, "plan": {"horizon_months": 9},
	  "roadmap": [], "skill_categories": [], "projects": [], "salaries": []}`
	if r := run(t, empty, "--db", b, "import", "-"); r.code != 0 {
		t.Fatalf("emptying b: %s", r.stderr)
	}
	if r := run(t, "", "pack", "import", "--db", b, first); r.code != 0 || !strings.Contains(r.stdout, "5 steps added") {
		t.Fatalf("pack import: exit %d, %s%s", r.code, r.stdout, r.stderr)
	}
	second := run(t, "", "--db", b, "pack", "export", "--out", "-")
	want, _ := os.ReadFile(first)
	if second.stdout != string(want) {
		t.Errorf("pack export → import → export changed the pack:\n%s\n---\n%s", want, second.stdout)
	}
}

func TestPackWithACycleIsRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	before := run(t, "", "--db", db, "export").stdout
	pack := `{"format": "studyplanner-pack", "version": 1, "name": "Loop", "description": "",
	  "roadmap": [],
	  "skill_categories": [{"name": "Loop", "skills": [
	    {"name": "A", "hours": 1, "target_level": 3, "prerequisites": ["B"], "links": []},
	    {"name": "B", "hours": 1, "target_level": 3, "prerequisites": ["A"], "links": []}]}]}`
	file := filepath.Join(dir, "loop.json")
	os.WriteFile(file, []byte(pack), 0o600)
	r := run(t, "", "--db", db, "pack", "import", file)
	if r.code == 0 || !strings.Contains(r.stderr, "A → B → A") || !strings.Contains(r.stderr, "Nothing was changed") {
		t.Errorf("exit %d, stderr %q; want a refusal naming A → B → A", r.code, r.stderr)
	}
	if after := run(t, "", "--db", db, "export").stdout; after != before {
		t.Error("a refused pack changed the data")
	}
}

// testdata/v1-export.json was written by the foundation release.
func TestAFoundationExportStillImports(t *testing.T) {
	db := filepath.Join(t.TempDir(), "v1.db")
	if r := run(t, "", "--db", db, "import", "testdata/v1-export.json"); r.code != 0 {
		t.Fatalf("import of a version 1 export: %s", r.stderr)
	}
	r := run(t, "", "--db", db, "status")
	if !strings.Contains(r.stdout, "Skills:            2/26 done") || !strings.Contains(r.stdout, "Roadmap steps:     1/5 done") {
		t.Errorf("the version 1 progress did not survive:\n%s", r.stdout)
	}
}

func TestANewPlanStartsItsWeeksAsTheLocaleDoes(t *testing.T) {
	var out bytes.Buffer
	db := filepath.Join(t.TempDir(), "us.db")
	Main(Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out, Now: fixedNow, Locale: "en_US.UTF-8"}, []string{"--db", db, "export"})
	if !strings.Contains(out.String(), `"week_start": "sun"`) {
		t.Error("a plan made in the United States does not start its weeks on Sunday")
	}
	if gb := run(t, "", "--db", filepath.Join(t.TempDir(), "gb.db"), "export"); !strings.Contains(gb.stdout, `"week_start": "mon"`) {
		t.Error("a plan made in Britain does not start its weeks on Monday")
	}
}

func TestBackupThenImportGivesTheSameExport(t *testing.T) {
	storetest.FileOnly(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	run(t, "", "--db", db, "log", "--skill", "Go", "--minutes", "30", "--date", "2026-11-20")
	backup := filepath.Join(dir, "copy.db")
	if r := run(t, "", "--db", db, "backup", "--out", backup); r.code != 0 {
		t.Fatalf("backup: %s", r.stderr)
	}
	other := filepath.Join(dir, "b.db")
	if r := run(t, "", "--db", other, "import", backup); r.code != 0 || !strings.Contains(r.stdout, "Restored") {
		t.Fatalf("import of a backup: exit %d, %s%s", r.code, r.stdout, r.stderr)
	}
	want := run(t, "", "--db", db, "export").stdout
	if got := run(t, "", "--db", other, "export").stdout; got != want {
		t.Errorf("export after restoring the backup differs:\n%s\n---\n%s", want, got)
	}
	if r := run(t, "", "--db", db, "backup"); r.code != 0 || !strings.Contains(r.stdout, filepath.Join(dir, "a-backups")) {
		t.Errorf("backup without --out: exit %d, %q", r.code, r.stdout)
	}
	if r := run(t, "", "--db", db, "backups"); !strings.Contains(r.stdout, "studyplanner-") {
		t.Errorf("backups lists %q", r.stdout)
	}
}

func TestCSVExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	run(t, "", "--db", db, "log", "--skill", "Go", "--minutes", "30", "--date", "2026-11-20", "--note", "tour, part 1")
	out := filepath.Join(dir, "csv")
	r := run(t, "", "--db", db, "export", "--format", "csv", "--out", out)
	if r.code != 0 {
		t.Fatalf("export csv: %s", r.stderr)
	}
	for _, name := range []string{"sessions.csv", "skills.csv", "steps.csv", "salaries.csv"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if name == "sessions.csv" && !strings.Contains(string(data), "2026-11-20,,30,Go,,\"tour, part 1\"\r\n") {
			t.Errorf("sessions.csv = %q", data)
		}
	}
	if r := run(t, "", "--db", db, "export", "--format", "csv"); r.code != 2 || !strings.Contains(r.stderr, "--out DIR") {
		t.Errorf("csv without --out: exit %d, %q", r.code, r.stderr)
	}
}

// testdata/v4-export.json was written by the release with document version
// 4 (commit 6fd0841): the built-in roadmap, Go done, a Java session.
func TestAVersion4ExportStillImports(t *testing.T) {
	db := filepath.Join(t.TempDir(), "v4.db")
	if r := run(t, "", "--db", db, "import", "testdata/v4-export.json"); r.code != 0 {
		t.Fatalf("import of a version 4 export: %s", r.stderr)
	}
	out := run(t, "", "--db", db, "export").stdout
	for _, want := range []string{fmt.Sprintf(`"version": %d`, snapshot.Version), `"notes": "v4 session"`, `"country": "Netherlands"`} {
		if !strings.Contains(out, want) {
			t.Errorf("the version 4 data lost %s", want)
		}
	}
	// An export from before survey medians existed keeps those the app
	// ships, rather than taking them away.
	if !strings.Contains(out, `"respondents": 687`) {
		t.Error("importing a version 4 export took the survey medians away")
	}
}

func TestCheckReadsTheWholeFileAndSaysSo(t *testing.T) {
	storetest.FileOnly(t)
	db := filepath.Join(t.TempDir(), "c.db")
	if r := run(t, "", "--db", db, "check"); r.code != 1 || !strings.Contains(r.stderr, "no database at") {
		t.Errorf("check of a missing file: exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("check created the database it was to check")
	}
	run(t, "", "--db", db, "status")
	r := run(t, "", "--db", db, "check")
	if r.code != 0 || !strings.Contains(r.stdout, "The data in "+db+" is healthy: SQLite read all of it") {
		t.Errorf("check of a healthy file: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "", "check", "extra"); r.code != 2 {
		t.Errorf("check with an argument: exit %d", r.code)
	}
}

func TestCheckTellsDamageThatOpeningDoesNotMeet(t *testing.T) {
	storetest.FileOnly(t)
	db := filepath.Join(t.TempDir(), "d.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Import(dataset.Large(1, fixedNow())); err != nil {
		t.Fatal(err)
	}
	st.Close()
	data, _ := os.ReadFile(db)
	middle := len(data) / 4096 / 2 * 4096
	for i := middle; i < middle+4096; i++ {
		data[i] = 0xEE
	}
	os.WriteFile(db, data, 0o600)
	if r := run(t, "", "--db", db, "status"); r.code != 0 {
		t.Fatalf("status, which reads no damaged page: exit %d, %q", r.code, r.stderr)
	}
	r := run(t, "", "--db", db, "check")
	if r.code != 1 || !strings.Contains(r.stderr, db+" is damaged: SQLite's check found") || strings.Contains(r.stderr, "(11)") {
		t.Errorf("check of a damaged file: exit %d, stderr %q", r.code, r.stderr)
	}
}

// The global --db, written before the command, reaches every command that
// has actions of its own (one helper, leadingDB, splits it off for all).
func TestTheGlobalDBReachesEveryCommandWithActions(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	for _, args := range [][]string{
		{"jobs", "stats"}, {"cards", "export"}, {"resume", "health"}, {"rates"}, {"pack", "export", "--out", "-"},
	} {
		r := run(t, "", append([]string{"--db", db}, args...)...)
		if r.code != 0 {
			t.Errorf("studyplanner --db FILE %s: exit %d, %s", strings.Join(args, " "), r.code, r.stderr)
		}
	}
	// On the test server the file stands for a schema there, which server
	// init would take; the file itself is refused.
	if storetest.OnServer() {
		return
	}
	if r := run(t, "", "--db", db, "server", "init", "--learners", "ana"); r.code != 2 || !strings.Contains(r.stderr, "name the server") {
		t.Errorf("server init on a file: exit %d, %s", r.code, r.stderr)
	}
}
