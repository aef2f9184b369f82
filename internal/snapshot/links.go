package snapshot

import "fmt"

// links checks the links between the document's parts: a résumé
// version's or a card's application is a position in the applications
// listed, and an application's résumé version names a version listed.
// Positions and names, not database IDs, so the links survive an import
// into a database whose IDs differ.
func (v *validator) links(d Document) {
	apps := 0
	if d.JobSearch != nil {
		apps = len(d.JobSearch.Applications)
	}
	position := func(at string, n int) {
		v.check(n >= 0 && n <= apps, at, "must be the position of an application in job_search.applications, from 1 to %d, or 0 for none; not %d", apps, n)
	}
	versions := map[string]bool{}
	if d.Resume != nil {
		for i, rv := range d.Resume.Versions {
			versions[rv.Name] = true
			position(fmt.Sprintf("resume.versions[%d].application", i), rv.Application)
		}
	}
	if d.Practice != nil {
		for i, c := range d.Practice.Cards {
			position(fmt.Sprintf("practice.cards[%d].application", i), c.Application)
		}
	}
	if d.JobSearch != nil {
		for i, a := range d.JobSearch.Applications {
			v.check(a.ResumeVersion == "" || versions[a.ResumeVersion], fmt.Sprintf("job_search.applications[%d].resume_version", i),
				"names %q, which is not a résumé version in this document (resume.versions)", a.ResumeVersion)
		}
	}
}
