package resume

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/studyplanner/studyplanner/internal/plan"
)

func TestValidateProfile(t *testing.T) {
	ok := Profile{Name: "Łukasz Żółć", Email: "lukasz@example.com", Phone: "+48 600 123 456",
		Links: []Link{{Network: "GitHub", URL: "https://github.com/lukasz"}}}
	long := strings.Repeat("x", 10_000)
	tests := []struct {
		name string
		edit func(p *Profile)
		want string // "" for valid
	}{
		{"valid", func(*Profile) {}, ""},
		{"only a name", func(p *Profile) { *p = Profile{Name: "Ελένη"} }, ""},
		{"no name", func(p *Profile) { p.Name = "  " }, "name is missing"},
		{"name on two lines", func(p *Profile) { p.Name = "Ada\nLovelace" }, "one line"},
		{"10,000-character summary", func(p *Profile) { p.Summary = long }, "keep it to 2,000"},
		{"10,000-character headline", func(p *Profile) { p.Headline = long }, "keep it to 200"},
		{"email without @", func(p *Profile) { p.Email = "ada.example.com" }, "write it like ada@example.com"},
		{"email with a name", func(p *Profile) { p.Email = "Ada <ada@example.com>" }, "not an email address"},
		{"email without a domain dot", func(p *Profile) { p.Email = "ada@localhost" }, "not an email address"},
		{"phone with letters", func(p *Profile) { p.Phone = "call me" }, "use digits"},
		{"phone too short", func(p *Profile) { p.Phone = "12" }, "3 to 20"},
		{"phone in brackets", func(p *Profile) { p.Phone = "(555) 010-0199" }, ""},
		{"link not https", func(p *Profile) { p.Links[0].URL = "github.com/ada" }, "starting with https://"},
		{"link without network", func(p *Profile) { p.Links[0].Network = "" }, "network"},
		{"control character", func(p *Profile) { p.Location = "Kraków\x1b[2J" }, "control character"},
		{"too many links", func(p *Profile) {
			for range MaxProfileLinks {
				p.Links = append(p.Links, p.Links[0])
			}
		}, "keep it to 20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ok
			p.Links = append([]Link(nil), ok.Links...)
			tt.edit(&p)
			err := ValidateProfile(p)
			if tt.want == "" && err != nil {
				t.Fatalf("refused: %v", err)
			}
			if tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
				t.Fatalf("got %v, want an error saying %q", err, tt.want)
			}
		})
	}
}

func TestValidateEntries(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"job", ValidateWork(Work{Company: "Acme", Position: "Developer", Start: "2021-09", Highlights: []string{"Shipped it"}}), ""},
		{"job without start", ValidateWork(Work{Company: "Acme", Position: "Developer"}), "start is missing"},
		{"job ending before it starts", ValidateWork(Work{Company: "Acme", Position: "Dev", Start: "2022-03", End: "2021"}), "ends (2021) before it starts"},
		{"same year at two precisions", ValidateWork(Work{Company: "Acme", Position: "Dev", Start: "2021-03", End: "2021"}), ""},
		{"highlight on two lines", ValidateWork(Work{Company: "Acme", Position: "Dev", Start: "2021", Highlights: []string{"a\nb"}}), "one line"},
		{"empty highlight", ValidateWork(Work{Company: "Acme", Position: "Dev", Start: "2021", Highlights: []string{" "}}), "highlight 1 is missing"},
		{"bad date", ValidateEducation(Education{Institution: "MIT", Start: "Sept 2020"}), "write a year (2021), a month (2021-09)"},
		{"date out of range", ValidateEducation(Education{Institution: "MIT", Start: "0202"}), "out of range"},
		{"month 13", ValidateEducation(Education{Institution: "MIT", Start: "2020-13"}), "not a date"},
		{"school only", ValidateEducation(Education{Institution: "MIT"}), ""},
		{"certificate", ValidateCertificate(Certificate{Name: "Go course", Date: "2024-05-02", URL: "https://example.com/c"}), ""},
		{"certificate with bad link", ValidateCertificate(Certificate{Name: "Go course", URL: "javascript:alert(1)"}), "https://"},
		{"version", ValidateVersion(Version{Name: "Acme backend"}), ""},
		{"version posting too long", ValidateVersion(Version{Name: "v", Posting: strings.Repeat("x", MaxPostingLen+1)}), "keep it to 50,000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.want == "" && tt.err != nil {
				t.Fatalf("refused: %v", tt.err)
			}
			if tt.want != "" && (tt.err == nil || !strings.Contains(tt.err.Error(), tt.want)) {
				t.Fatalf("got %v, want an error saying %q", tt.err, tt.want)
			}
		})
	}
}

// learner is a small plan: Go and SQL done and proven by a finished
// project, Git done without a project, Docker learning, Java set aside.
func learner() ([]plan.Category, []Project) {
	cats := []plan.Category{
		{ID: 1, Name: "Languages", Skills: []plan.Skill{
			{ID: 1, Name: "Java", Status: plan.SkillSkipped},
			{ID: 2, Name: "Go", Status: plan.SkillDone, CurrentLevel: 4},
		}},
		{ID: 2, Name: "Databases", Skills: []plan.Skill{
			{ID: 3, Name: "SQL fundamentals", Status: plan.SkillDone, CurrentLevel: 3},
			{ID: 4, Name: "PostgreSQL in practice", Status: plan.SkillLearning, CurrentLevel: 2},
		}},
		{ID: 3, Name: "Tools", Skills: []plan.Skill{
			{ID: 5, Name: "Git basics", Status: plan.SkillDone, CurrentLevel: 3},
			{ID: 6, Name: "Docker", Status: plan.SkillLearning, CurrentLevel: 1},
		}},
	}
	projects := []Project{
		{Project: plan.Project{ID: 1, Name: "Todo API", Description: "A REST API.", RepoURL: "https://github.com/x/todo",
			Status: plan.ProjectDone, SkillIDs: []uint{2, 3}}, Start: "2025-01", End: "2025-03", Highlights: []string{"90% test coverage"}},
		{Project: plan.Project{ID: 2, Name: "Shop", Description: "A shop on PostgreSQL.", Status: plan.ProjectDone, SkillIDs: []uint{4}}},
		{Project: plan.Project{ID: 3, Name: "Blog", Status: plan.ProjectInProgress, SkillIDs: []uint{6}}},
	}
	return cats, projects
}

func skillNames(doc Document) []string {
	var out []string
	for _, s := range doc.Skills {
		out = append(out, s.Name)
	}
	return out
}

func TestBuild(t *testing.T) {
	cats, projects := learner()
	doc := Build(Input{Profile: Profile{Name: "Ada", Location: "Kraków, Poland",
		Links: []Link{{Network: "GitHub", URL: "https://github.com/ada/"}}}, Categories: cats, Projects: projects,
		Work: []Work{{Company: "Acme", Position: "Support", Start: "2020"}}})
	// Proven first (Go, SQL by Todo API; PostgreSQL by Shop, so it counts
	// as done though ticked learning), then done (Git); by category order.
	if got, want := skillNames(doc), []string{"Go", "SQL fundamentals", "PostgreSQL in practice", "Git basics"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("skills %v, want %v", got, want)
	}
	if s := doc.Skills[0]; s.Level != "Advanced" || s.Rating != 4 || s.Category != "Languages" || !reflect.DeepEqual(s.ProvenBy, []string{"Todo API"}) {
		t.Errorf("Go entry: %+v", s)
	}
	if len(doc.Projects) != 2 || doc.Projects[0].Name != "Todo API" {
		t.Fatalf("projects %+v, want the two finished ones", doc.Projects)
	}
	p := doc.Projects[0]
	if !reflect.DeepEqual(p.Keywords, []string{"Go", "SQL fundamentals"}) || p.StartDate != "2025-01" || p.URL != "https://github.com/x/todo" ||
		!reflect.DeepEqual(p.Highlights, []string{"90% test coverage"}) {
		t.Errorf("Todo API entry: %+v", p)
	}
	if doc.Basics.Profiles[0].Username != "ada" || doc.Basics.Location.City != "Kraków, Poland" {
		t.Errorf("basics: %+v", doc.Basics)
	}
	data, _ := json.Marshal(doc)
	for _, want := range []string{`"x-category":"Languages"`, `"meta":{"version":"v1.2.1"`, `"startDate":"2020"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the JSON lacks %s: %s", want, data)
		}
	}
}

func TestBuildVersionPicksAndOrders(t *testing.T) {
	cats, projects := learner()
	doc := Build(Input{Profile: Profile{Name: "Ada"}, Categories: cats, Projects: projects,
		Version: &Version{Name: "Acme", SkillIDs: []uint{5, 2, 99}, ProjectIDs: []uint{1}}})
	if got := skillNames(doc); !reflect.DeepEqual(got, []string{"Git basics", "Go"}) {
		t.Fatalf("skills %v, want the version's two in its order (a deleted skill left out)", got)
	}
	if len(doc.Projects) != 1 || doc.Version != "Acme" {
		t.Fatalf("projects %+v version %q", doc.Projects, doc.Version)
	}
	// A project's keywords name only the skills the version shows.
	if !reflect.DeepEqual(doc.Projects[0].Keywords, []string{"Go"}) {
		t.Errorf("keywords %v", doc.Projects[0].Keywords)
	}
}

func TestTailor(t *testing.T) {
	cats, projects := learner()
	skills := ResumeSkills(cats, plainProjects(projects))
	tests := []struct {
		posting      string
		wantSkills   []uint
		wantProjects []uint
	}{
		// PostgreSQL is named inside "PostgreSQL in practice"; the posting
		// names it before Go, so it comes first.
		{"We build services in PostgreSQL and Go.", []uint{4, 2, 3, 5}, []uint{1, 2}},
		{"Golang developer, Postgres a plus", []uint{2, 4, 3, 5}, []uint{1, 2}},
		// "go" as a verb, "Google" and "Gopher" are not Go.
		{"Ready to go? Google Gophers welcome", []uint{2, 3, 4, 5}, []uint{1, 2}},
		{"", []uint{2, 3, 4, 5}, []uint{1, 2}},
		{"Git and sql fundamentals", []uint{5, 3, 2, 4}, []uint{1, 2}},
		{"You built a Shop once", []uint{2, 3, 4, 5}, []uint{2, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.posting, func(t *testing.T) {
			s := Tailor(tt.posting, skills, FinishedProjects(projects))
			if !reflect.DeepEqual(s.SkillIDs, tt.wantSkills) || !reflect.DeepEqual(s.ProjectIDs, tt.wantProjects) {
				t.Fatalf("skills %v projects %v, want %v %v", s.SkillIDs, s.ProjectIDs, tt.wantSkills, tt.wantProjects)
			}
		})
	}
}

func TestTerms(t *testing.T) {
	tests := map[string][]string{
		"PostgreSQL in practice":             {"PostgreSQL in practice", "PostgreSQL", "Postgres"},
		"Go's net/http and a router (Go)":    {"Go's net/http and a router (Go)", "Go", "Go", "Golang", "Go", "Golang"},
		"Core data structures":               {"Core data structures"},
		"Web security basics (OWASP Top 10)": {"Web security basics (OWASP Top 10)", "OWASP Top 10", "OWASP", "Top", "10"},
		"C++":                                {"C++", "C++"},
	}
	for name, want := range tests {
		if got := Terms(name); !reflect.DeepEqual(got, want) {
			t.Errorf("Terms(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestHealth(t *testing.T) {
	cats, projects := learner()
	tests := []struct {
		name     string
		projects []plan.Project
		want     []string
	}{
		{"demo", plainProjects(projects), []string{
			"1 done skill has no project to show it: Git basics",
			"Shop lacks a public link",
			"Blog lacks a public link and a description",
		}},
		{"no projects", nil, []string{"3 done skills have no project to show them"}},
		{"planned projects are not judged", []plan.Project{{Name: "Idea", Status: plan.ProjectPlanned}},
			[]string{"3 done skills have no project to show them"}},
		{"a finished project with nothing", []plan.Project{{Name: "Bare", Status: plan.ProjectDone}},
			[]string{"3 done skills have no project to show them", "Bare lacks a public link, a description and a skill it proves"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CheckHealth(cats, tt.projects).Checklist(); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestReadDocumentAndMerge(t *testing.T) {
	cats, projects := learner()
	in := Parts{Profile: Profile{Name: "Ελένη Παπαδοπούλου", Headline: "Backend developer", Email: "eleni@example.com",
		Location: "Athens", Summary: "Two lines\nof summary.", Links: []Link{{Network: "GitHub", URL: "https://github.com/eleni"}}},
		Work:         []Work{{Company: "Acme", Position: "Support", Start: "2020-02", End: "2022", Highlights: []string{"Answered 3,000 tickets"}}},
		Education:    []Education{{Institution: "University of Athens", Area: "Physics", StudyType: "Bachelor", Start: "2015", End: "2019"}},
		Certificates: []Certificate{{Name: "Go course", Issuer: "Example", Date: "2024-05"}}}
	data, err := json.Marshal(Build(Input{Profile: in.Profile, Work: in.Work, Education: in.Education, Certificates: in.Certificates,
		Categories: cats, Projects: projects}))
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadDocument(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Dropped) != 2 || got.Dropped[0] != (Dropped{"skills", 4, "skills come from your Skills screen"}) || got.Dropped[1].Key != "projects" {
		t.Errorf("dropped %+v", got.Dropped)
	}
	got.Dropped = nil
	if !reflect.DeepEqual(got, in) {
		t.Fatalf("round trip\n got %+v\nwant %+v", got, in)
	}
	// The same person (the name in other case and spacing): the file's
	// fields replace, the empty ones leave what is there.
	merged, ch := Merge(Parts{Profile: Profile{Name: "ελένη  παπαδοπούλου", Phone: "+30 210 000 0000"}, Work: in.Work}, got)
	if merged.Profile.Phone != "+30 210 000 0000" || merged.Profile.Name != in.Profile.Name || len(merged.Work) != 1 || len(merged.Education) != 1 {
		t.Errorf("merged %+v", merged)
	}
	lines := strings.Join(ch.Lines(), "\n")
	for _, want := range []string{"Name: “ελένη παπαδοπούλου” → “Ελένη Παπαδοπούλου”", "Headline: set to “Backend developer”",
		"Summary: set to “Two lines of summary.”", "Add link: GitHub https://github.com/eleni", "Add education: Bachelor, Physics, University of Athens",
		"Add certificate: Go course, Example, 2024-05"} {
		if !strings.Contains(lines, want) {
			t.Errorf("preview lacks %q:\n%s", want, lines)
		}
	}
	if strings.Contains(lines, "Add job") {
		t.Errorf("the job already there is added again:\n%s", lines)
	}
	if _, ch := Merge(merged, got); !ch.None() {
		t.Errorf("importing the same file twice changes %v", ch.Lines())
	}
}

// Another person's résumé replaces the whole profile, and the preview says
// so, with what the file holds that is not imported.
func TestImportingAnotherPersonsResumeReplacesTheProfile(t *testing.T) {
	current := Parts{Profile: Profile{Name: "Łukasz Żółć", Headline: "Go developer", Phone: "+48 600 000 000", Location: "Kraków, Poland",
		Summary: "Łukasz's summary.", Links: []Link{{Network: "GitHub", URL: "https://github.com/lukasz"}}}}
	doc := `{"basics":{"name":"Jane Roe","email":"jane@example.com","profiles":[{"network":"GitHub","url":"https://github.com/jane"}]},
		"skills":[{"name":"Go"},{"name":"SQL"},{"name":"Docker"},{"name":"Linux"},{"name":"Git"}],"languages":[{"language":"English"}]}`
	in, err := ReadDocument(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	merged, ch := Merge(current, in)
	want := Profile{Name: "Jane Roe", Email: "jane@example.com", Links: []Link{{Network: "GitHub", URL: "https://github.com/jane"}}}
	if !reflect.DeepEqual(merged.Profile, want) {
		t.Errorf("profile after the import %+v, want only Jane's", merged.Profile)
	}
	lines := strings.Join(ch.Lines(), "\n")
	for _, w := range []string{"replaces the profile of Łukasz Żółć with Jane Roe's", "Phone: “+48 600 000 000” removed",
		"Summary: “Łukasz's summary.” removed", "Remove link: GitHub https://github.com/lukasz", "Add link: GitHub https://github.com/jane",
		"The file's 5 skills are not imported: skills come from your Skills screen.", "The file's 1 language is not imported"} {
		if !strings.Contains(lines, w) {
			t.Errorf("preview lacks %q:\n%s", w, lines)
		}
	}
	// With no name stored yet, the file fills the profile: no replacing.
	if _, ch := Merge(Parts{}, in); ch.Replaced != nil {
		t.Error("a first import is called a replacement")
	}
}

func TestReadDocumentRefuses(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"not JSON", "hello", "not valid JSON (the text goes wrong on line 1)"},
		{"broken on line 3", "{\n\"basics\": {\n  \"name\": \"A\",,\n}}", "goes wrong on line 3"},
		{"a PDF", "%PDF-1.4\n%âãÏÓ\n1 0 obj", "this is a PDF, not a JSON Resume file"},
		{"empty", "", "the file is empty"},
		{"blank", " \n\t", "the file is empty"},
		{"cut short", `{"basics":{"name":"A"`, "cut short"},
		{"own backup", `{"format":"studyplanner","version":6,"plan":{}}`, "this is a Study Planner backup (all your data), not a JSON Resume file; restore it with \"studyplanner import FILE.json\""},
		{"no name", `{"basics":{"label":"x"}}`, "no name"},
		{"name a number", `{"basics":{"name":3}}`, "basics.name"},
		{"bad email", `{"basics":{"name":"A","email":"nope"}}`, "basics: \"nope\" is not an email address"},
		{"bad work date", `{"basics":{"name":"A"},"work":[{"name":"Acme","position":"Dev","startDate":"June"}]}`, "work entry 1 (Acme)"},
		{"work without position", `{"basics":{"name":"A"},"work":[{"name":"Acme","startDate":"2020"}]}`, "position is missing"},
		{"huge", `{"basics":{"name":"` + strings.Repeat("a", MaxImportBytes) + `"}}`, "larger than 5 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadDocument(strings.NewReader(tt.doc))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
			for _, raw := range []string{"EOF", "invalid character", "looking for"} {
				if strings.Contains(err.Error(), raw) {
					t.Errorf("the decoder's words %q reach the person: %v", raw, err)
				}
			}
		})
	}
}

func TestSpanAndLevelWord(t *testing.T) {
	if got := Span("2021-09", "", true); got != "2021-09 – present" {
		t.Error(got)
	}
	if got := Span("2021", "2021", false); got != "2021" {
		t.Error(got)
	}
	if LevelWord(-1) != "Novice" || LevelWord(9) != "Expert" || LevelWord(3) != "Intermediate" {
		t.Error("level words")
	}
}
