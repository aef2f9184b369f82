package store

import (
	"strings"
	"testing"

	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/practice"
	"github.com/studyplanner/studyplanner/internal/resume"
)

// appNamed is the stored application to company.
func appNamed(t *testing.T, st *Store, company string) jobsearch.Application {
	t.Helper()
	b, err := st.JobBoard()
	must(t, err)
	for _, a := range b.Applications {
		if a.Company == company {
			return a
		}
	}
	t.Fatalf("no application to %s", company)
	return jobsearch.Application{}
}

// TestExportImportKeepsTheLinksBetweenParts: a résumé version sent with
// an application, the application's record of it, and a card tied to the
// application all point at the same application after an export is
// imported into a new database where its ID is another.
func TestExportImportKeepsTheLinksBetweenParts(t *testing.T) {
	st := imported(t)
	b, err := st.JobBoard()
	must(t, err)
	// The first application deleted, the others' IDs no longer start at
	// 1; a new database numbers them from 1.
	first := b.Applications[0]
	gammaID := addApp(t, st, "Gamma", first.History[0].StageID, "2026-03-02")
	must(t, st.DeleteApplication(first.ID))
	goSkill, _ := findSkill(t, st, "Go")
	_, err = st.AddVersion(resume.Version{Name: "Gamma – backend", ApplicationID: &gammaID, SkillIDs: []uint{goSkill.ID}})
	must(t, err)
	_, err = st.AddCard(practice.Card{Front: "Why Gamma?", Back: "Their API.", Topic: practice.Topic("behavioural"), ApplicationID: &gammaID})
	must(t, err)

	doc := mustExport(t, st)
	apps := doc.JobSearch.Applications
	if len(apps) != 2 || apps[1].Company != "Gamma" || apps[1].ResumeVersion != "Gamma – backend" || apps[0].ResumeVersion != "" {
		t.Fatalf("exported applications %+v", apps)
	}
	v := doc.Resume.Versions[0]
	if v.Application != 2 || v.ApplicationID != nil {
		t.Errorf("exported version links application %d (raw %v), want position 2", v.Application, v.ApplicationID)
	}
	var card *int
	for i, c := range doc.Practice.Cards {
		if c.Front == "Why Gamma?" {
			card = &doc.Practice.Cards[i].Application
			if c.ApplicationID != nil {
				t.Errorf("the card still carries the raw ID %d", *c.ApplicationID)
			}
		}
	}
	if card == nil || *card != 2 {
		t.Fatalf("the card links %v, want position 2", card)
	}

	other, _ := openTemp(t)
	must(t, other.Import(doc))
	gamma := appNamed(t, other, "Gamma")
	if gamma.ID == gammaID {
		t.Fatalf("the new database gave Gamma the same ID %d: the test proves nothing", gammaID)
	}
	vs, err := other.ResumeVersions()
	must(t, err)
	if len(vs) != 1 || vs[0].ApplicationID == nil || *vs[0].ApplicationID != gamma.ID {
		t.Errorf("the version is sent with %v, want Gamma's %d", vs[0].ApplicationID, gamma.ID)
	}
	if gamma.ResumeVersionID == nil || *gamma.ResumeVersionID != vs[0].ID {
		t.Errorf("Gamma records version %v, want %d", gamma.ResumeVersionID, vs[0].ID)
	}
	cards, err := other.Cards()
	must(t, err)
	found := false
	for _, c := range cards {
		if c.Front == "Why Gamma?" {
			found = c.ApplicationID != nil && *c.ApplicationID == gamma.ID
		}
	}
	if !found {
		t.Error("the card is not tied to Gamma after the import")
	}
	if again := mustExport(t, other); again.Resume.Versions[0].Application != 2 || again.JobSearch.Applications[1].ResumeVersion != "Gamma – backend" {
		t.Errorf("exported again: version %+v, application %+v", again.Resume.Versions[0], again.JobSearch.Applications[1])
	}
}

// TestADocumentWithABrokenLinkIsRefusedWhole: a version or card naming
// an application past the list, or an application naming a version not
// in the document, is refused with where it is, and nothing changes.
func TestADocumentWithABrokenLinkIsRefusedWhole(t *testing.T) {
	st := imported(t)
	goSkill, _ := findSkill(t, st, "Go")
	_, err := st.AddVersion(resume.Version{Name: "Kept", SkillIDs: []uint{goSkill.ID}})
	must(t, err)
	_, err = st.AddCard(practice.Card{Front: "Why us?", Back: "Say.", Topic: practice.Topic("behavioural")})
	must(t, err)
	doc := mustExport(t, st)
	for name, tc := range map[string]struct {
		breakIt func()
		want    string
	}{
		"version past the list": {func() { doc.Resume.Versions[0].Application = 9 }, "resume.versions[0].application"},
		"unknown version":       {func() { doc.JobSearch.Applications[0].ResumeVersion = "Nope" }, `job_search.applications[0].resume_version: names "Nope"`},
		"card before the list":  {func() { doc.Practice.Cards[0].Application = -1 }, "practice.cards[0].application"},
	} {
		bad := mustExport(t, st)
		doc = bad
		tc.breakIt()
		err := st.Import(doc)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want it to name %s", name, err, tc.want)
		}
	}
	if vs, _ := st.ResumeVersions(); len(vs) != 1 || vs[0].Name != "Kept" {
		t.Errorf("after refused imports: %+v", vs)
	}
}
