package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestResumeCommands: export refuses a résumé without a name; import
// --dry-run prints the changes and writes nothing; import writes them;
// export then writes the JSON Resume and the PDF; a bad file changes
// nothing and says why.
func TestResumeCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	if r := run(t, "", "--db", db, "resume", "export", "--out", filepath.Join(dir, "x.json")); r.code == 0 || !strings.Contains(r.stderr, "fill in the profile") {
		t.Fatalf("export of an empty résumé: exit %d, %s", r.code, r.stderr)
	}
	in := filepath.Join(dir, "in.json")
	must(t, os.WriteFile(in, []byte(`{"basics":{"name":"Ελένη","email":"eleni@example.com","profiles":[{"network":"GitHub","url":"https://github.com/eleni"}]},
		"work":[{"name":"Acme","position":"Support","startDate":"2020-02","highlights":["Answered tickets"]}],
		"education":[{"institution":"University of Athens","area":"Physics"}]}`), 0o600))
	r := run(t, "", "--db", db, "resume", "import", "--dry-run", in)
	if r.code != 0 || !strings.Contains(r.stdout, "Importing it would change:") || !strings.Contains(r.stdout, "Add job: Support at Acme (2020-02 – present)") {
		t.Fatalf("dry run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "", "--db", db, "resume", "export", "--out", "-"); r.code == 0 {
		t.Fatal("the dry run wrote the profile")
	}
	if r := run(t, "", "--db", db, "resume", "import", in); r.code != 0 || !strings.Contains(r.stdout, "Name: set to “Ελένη”") {
		t.Fatalf("import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, "", "--db", db, "resume", "export", "--format", "json", "--out", "-")
	if r.code != 0 || !strings.Contains(r.stdout, `"name": "Ελένη"`) || !strings.Contains(r.stdout, `"version": "v1.2.1"`) {
		t.Fatalf("export: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	pdf := filepath.Join(dir, "r.pdf")
	if r := run(t, "", "--db", db, "resume", "export", "--format", "pdf", "--out", pdf); r.code != 0 || !strings.Contains(r.stdout, "Wrote the résumé of Ελένη (0 skills, 0 projects)") {
		t.Fatalf("pdf: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if data, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(data), "%PDF-") {
		t.Fatalf("the PDF: %v", err)
	}
	bad := filepath.Join(dir, "bad.json")
	must(t, os.WriteFile(bad, []byte(`{"basics":{"name":"X","email":"nope"}}`), 0o600))
	if r := run(t, "", "--db", db, "resume", "import", bad); r.code == 0 || !strings.Contains(r.stderr, "not an email address") || !strings.Contains(r.stderr, "changed") {
		t.Fatalf("a bad file: exit %d, %s", r.code, r.stderr)
	}
	if r := run(t, "", "--db", db, "resume", "export", "--format", "docx", "--out", "-"); r.code != 2 {
		t.Errorf("--format docx: exit %d, %s", r.code, r.stderr)
	}
	if r := run(t, "", "--db", db, "resume", "health"); r.code != 0 || !strings.Contains(r.stdout, "done skills") && !strings.Contains(r.stdout, "Every done skill") {
		t.Errorf("health: %d %s %s", r.code, r.stdout, r.stderr)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Importing another person's résumé over a profile leaves nothing of the
// first person in it, and the output says so before anything else.
func TestResumeImportOfAnotherPersonReplacesTheProfile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	lukasz, jane := filepath.Join(dir, "l.json"), filepath.Join(dir, "j.json")
	must(t, os.WriteFile(lukasz, []byte(`{"basics":{"name":"Łukasz Żółć","phone":"+48 600 000 000","summary":"Łukasz's summary.",
		"location":{"city":"Kraków"},"profiles":[{"network":"GitHub","url":"https://github.com/lukasz"}]}}`), 0o600))
	must(t, os.WriteFile(jane, []byte(`{"basics":{"name":"Jane Roe","email":"jane@example.com"},
		"skills":[{"name":"Go"},{"name":"SQL"},{"name":"Docker"},{"name":"Linux"},{"name":"Git"}]}`), 0o600))
	mustRun(t, "--db", db, "resume", "import", lukasz)
	r := mustRun(t, "--db", db, "resume", "import", jane)
	for _, w := range []string{"replaces the profile of Łukasz Żółć with Jane Roe's", "The file's 5 skills are not imported: skills come from your Skills screen"} {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("import says\n%s\nwithout %q", r.stdout, w)
		}
	}
	out := mustRun(t, "--db", db, "resume", "export", "--format", "json", "--out", "-").stdout
	for _, left := range []string{"+48", "Łukasz", "Kraków", "github.com/lukasz"} {
		if strings.Contains(out, left) {
			t.Errorf("Jane's résumé keeps %q of Łukasz's:\n%s", left, out)
		}
	}
}
