package app

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/studyplanner/studyplanner/assets"
	"github.com/studyplanner/studyplanner/internal/dataset"
	"github.com/studyplanner/studyplanner/internal/resume"
	"github.com/studyplanner/studyplanner/internal/resumepdf"
	"github.com/studyplanner/studyplanner/internal/store"
)

var resumeNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// demoLearner is a store holding the demo learner: done and proven skills,
// finished projects, and a résumé with a profile, a job, a degree, a
// course and a tailored version.
func demoLearner(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "studyplanner.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	content, err := assets.DefaultContent()
	if err != nil {
		t.Fatal(err)
	}
	pack, err := assets.BackendPack()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Import(dataset.Demo(content, pack, resumeNow)); err != nil {
		t.Fatal(err)
	}
	return st
}

func resumeOf(t *testing.T, st *store.Store) ResumeData {
	t.Helper()
	d, err := LoadResume(st)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// schema is the official JSON Resume schema 1.2.1 (testdata of package
// resume, from npm's @jsonresume/schema), compiled by
// santhosh-tekuri/jsonschema with its formats (email, uri) asserted.
func schema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("../resume/testdata/jsonresume-schema-1.2.1.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("jsonresume.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("jsonresume.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateJSON(t *testing.T, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return sch.Validate(v)
}

// TestResumeExportValidatesAndRoundTrips: the seeded learner's JSON Resume
// (whole, and its tailored version) validates against the official
// schema, and importing it into a new database gives the same profile,
// work, education and certificates.
func TestResumeExportValidatesAndRoundTrips(t *testing.T) {
	st := demoLearner(t)
	d := resumeOf(t, st)
	sch := schema(t)
	doc, err := d.Document(nil, resumeNow)
	if err != nil {
		t.Fatal(err)
	}
	data, err := ResumeBytes(doc, ResumeJSON, "en_GB.UTF-8", resumeNow)
	if err != nil {
		t.Fatal(err)
	}
	if err := validateJSON(t, sch, data); err != nil {
		t.Fatalf("the export does not validate: %v\n%s", err, data)
	}
	if len(doc.Skills) == 0 || len(doc.Projects) == 0 || len(doc.Work) == 0 || len(doc.Basics.Profiles) != 2 ||
		doc.Projects[0].StartDate != "2026-10" || doc.Projects[0].EndDate != "2026-11" {
		t.Fatalf("the seeded learner's résumé lacks sections: %s", data)
	}
	v, err := d.Version("Example Corp – Go backend")
	if err != nil {
		t.Fatal(err)
	}
	tailored, _ := d.Document(v, resumeNow)
	tdata, _ := ResumeBytes(tailored, ResumeJSON, "", resumeNow)
	if err := validateJSON(t, sch, tdata); err != nil {
		t.Fatalf("the tailored version does not validate: %v", err)
	}
	// The check is real: a document the schema refuses is refused.
	if err := validateJSON(t, sch, []byte(`{"basics":{"email":"not an address"},"work":[{"startDate":"June 2020"}]}`)); err == nil {
		t.Fatal("the schema accepted a bad email and a bad date")
	}

	other, err := store.Open(filepath.Join(t.TempDir(), "new.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	preview, err := PreviewResumeImport(other, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Join(preview.Changes.Lines(), "\n"); !strings.Contains(lines, "Name: set to “Łukasz Żółć”") ||
		!strings.Contains(lines, "Add job: Warehouse team lead at Example Logistics") {
		t.Errorf("preview:\n%s", lines)
	}
	if got, _ := other.ResumeParts(); got.Profile.Name != "" {
		t.Fatal("the preview wrote to the database")
	}
	if err := ApplyResumeImport(other, preview); err != nil {
		t.Fatal(err)
	}
	got, err := other.ResumeParts()
	if err != nil {
		t.Fatal(err)
	}
	want := d.Parts
	if !reflect.DeepEqual(stripIDs(got), stripIDs(want)) {
		t.Fatalf("after export and import\n got %+v\nwant %+v", got, want)
	}
}

func stripIDs(p resume.Parts) resume.Parts {
	for i := range p.Work {
		p.Work[i].ID = 0
	}
	for i := range p.Education {
		p.Education[i].ID = 0
	}
	for i := range p.Certificates {
		p.Certificates[i].ID = 0
	}
	return p
}

func TestTailoredVersionListsThePostingsSkillsFirst(t *testing.T) {
	st := demoLearner(t)
	d := resumeOf(t, st)
	// The demo has Go and SQL fundamentals done and proven, HTTP and Git
	// done; PostgreSQL is not done, so it is not offered.
	s, err := TailorResume(st, "Backend developer: Git, PostgreSQL and Go. SQL a plus.")
	if err != nil {
		t.Fatal(err)
	}
	names := map[uint]string{}
	for _, sk := range d.Skills {
		names[sk.ID] = sk.Name
	}
	var got []string
	for _, id := range s.SkillIDs {
		got = append(got, names[id])
	}
	if want := []string{"Git basics", "Go", "SQL fundamentals", "HTTP and REST fundamentals"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("suggested %q, want %q", got, want)
	}
}

var space = regexp.MustCompile(`\s+`)

// TestResumePDF renders the seeded learner's résumé and reads it back
// with pdftotext (poppler-utils): the name, every section heading and
// every skill come out as text, in reading order; Greek and Polish names
// survive; pdftoppm renders the page.
func TestResumePDF(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: install poppler-utils (make test-deps does)", tool)
		}
	}
	st := demoLearner(t)
	d := resumeOf(t, st)
	tests := []struct {
		name, locale string
		paper        string // as pdfinfo reports the page, in points
	}{
		{"Łukasz Żółć", "pl_PL.UTF-8", "(A4)"},
		{"Ελένη Παπαδοπούλου", "en_US.UTF-8", "(letter)"},
		{"Алёна Иванова", "", "(A4)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d.Parts.Profile.Name = tt.name
			doc, err := d.Document(nil, resumeNow)
			if err != nil {
				t.Fatal(err)
			}
			pdf, err := ResumeBytes(doc, ResumePDF, tt.locale, resumeNow)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			path := filepath.Join(dir, "resume.pdf")
			if err := os.WriteFile(path, pdf, 0o600); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			text := space.ReplaceAllString(string(out), " ")
			order := []string{tt.name, "Junior backend developer", resumepdf.HeadingSummary, resumepdf.HeadingSkills}
			for _, s := range doc.Skills {
				order = append(order, s.Name)
			}
			order = append(order, resumepdf.HeadingProjects, "Todo API", resumepdf.HeadingWork, "Warehouse team lead",
				resumepdf.HeadingEducation, "Example University", resumepdf.HeadingCertificates, "A Tour of Go")
			at := 0
			for _, want := range order {
				i := strings.Index(text[at:], want)
				if i < 0 {
					t.Fatalf("%q is not in the text after position %d:\n%s", want, at, text)
				}
				at += i + len(want)
			}
			info, err := exec.Command("pdfinfo", path).Output()
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(info), tt.paper) {
				t.Errorf("page size for %q, want %s:\n%s", tt.locale, tt.paper, info)
			}
			if err := exec.Command("pdftoppm", "-png", "-r", "40", "-singlefile", path, filepath.Join(dir, "page")).Run(); err != nil {
				t.Fatalf("pdftoppm cannot render it: %v", err)
			}
		})
	}
}

func TestResumeNeedsAName(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "studyplanner.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	d := resumeOf(t, st)
	if _, err := d.Document(nil, resumeNow); err == nil || !strings.Contains(err.Error(), "fill in the profile") {
		t.Errorf("an empty profile: %v", err)
	}
	if _, err := d.Version("Nope"); err == nil || !strings.Contains(err.Error(), "there are none yet") {
		t.Errorf("an unknown version: %v", err)
	}
	if _, err := PreviewResumeImport(st, strings.NewReader("not json")); err == nil {
		t.Error("a file that is not JSON was read")
	}
}
