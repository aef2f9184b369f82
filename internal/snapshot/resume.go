package snapshot

import (
	"fmt"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/resume"
)

// Resume is the learner's résumé (version 6): the profile, work,
// education, certificates and the versions tailored to jobs. Versions name
// the skills and projects they show, in order.
type Resume struct {
	Profile      ResumeProfile       `json:"profile"`
	Work         []ResumeWork        `json:"work"`
	Education    []ResumeEducation   `json:"education"`
	Certificates []ResumeCertificate `json:"certificates"`
	Versions     []ResumeVersion     `json:"versions"`
}

// ResumeProfile is who the résumé is about.
type ResumeProfile struct {
	Name     string       `json:"name"`
	Headline string       `json:"headline,omitempty"`
	Email    string       `json:"email,omitempty"`
	Phone    string       `json:"phone,omitempty"`
	Location string       `json:"location,omitempty"`
	Links    []ResumeLink `json:"links,omitempty"`
	Summary  string       `json:"summary,omitempty"`
}

// ResumeLink is a profile on the web.
type ResumeLink struct {
	Network string `json:"network"`
	URL     string `json:"url"`
}

// ResumeWork is one job; dates are YYYY, YYYY-MM or YYYY-MM-DD.
type ResumeWork struct {
	Company    string   `json:"company"`
	Position   string   `json:"position"`
	URL        string   `json:"url,omitempty"`
	Start      string   `json:"start"`
	End        string   `json:"end,omitempty"`
	Summary    string   `json:"summary,omitempty"`
	Highlights []string `json:"highlights,omitempty"`
}

// ResumeEducation is one course of study.
type ResumeEducation struct {
	Institution string `json:"institution"`
	Area        string `json:"area,omitempty"`
	StudyType   string `json:"study_type,omitempty"`
	URL         string `json:"url,omitempty"`
	Start       string `json:"start,omitempty"`
	End         string `json:"end,omitempty"`
}

// ResumeCertificate is a certificate or a finished course.
type ResumeCertificate struct {
	Name   string `json:"name"`
	Issuer string `json:"issuer,omitempty"`
	Date   string `json:"date,omitempty"`
	URL    string `json:"url,omitempty"`
}

// ResumeVersion is a version tailored to a job.
type ResumeVersion struct {
	Name string `json:"name"`
	// Application is the application sent with, by its position in
	// JobSearch.Applications from 1; 0 for none. ApplicationID, a raw
	// database ID, is only read, from documents written before the
	// position was.
	Application   int      `json:"application,omitempty"`
	ApplicationID *uint    `json:"application_id,omitempty"`
	Posting       string   `json:"posting,omitempty"`
	Skills        []string `json:"skills"`
	Projects      []string `json:"projects"`
	Created       string   `json:"created"` // RFC 3339
}

// Parts are the profile and entries as the domain has them.
func (r Resume) Parts() resume.Parts {
	p := resume.Parts{Profile: resume.Profile{Name: r.Profile.Name, Headline: r.Profile.Headline, Email: r.Profile.Email,
		Phone: r.Profile.Phone, Location: r.Profile.Location, Summary: r.Profile.Summary}}
	for _, l := range r.Profile.Links {
		p.Profile.Links = append(p.Profile.Links, resume.Link{Network: l.Network, URL: l.URL})
	}
	for _, w := range r.Work {
		p.Work = append(p.Work, resume.Work{Company: w.Company, Position: w.Position, URL: w.URL, Start: resume.Date(w.Start),
			End: resume.Date(w.End), Summary: w.Summary, Highlights: w.Highlights})
	}
	for _, e := range r.Education {
		p.Education = append(p.Education, resume.Education{Institution: e.Institution, Area: e.Area, StudyType: e.StudyType, URL: e.URL,
			Start: resume.Date(e.Start), End: resume.Date(e.End)})
	}
	for _, c := range r.Certificates {
		p.Certificates = append(p.Certificates, resume.Certificate{Name: c.Name, Issuer: c.Issuer, Date: resume.Date(c.Date), URL: c.URL})
	}
	return p
}

// ResumeOf is the document's résumé from the domain's parts and versions;
// skill and project IDs are named through the maps.
func ResumeOf(p resume.Parts, versions []resume.Version, skills, projects map[uint]string) *Resume {
	r := &Resume{Profile: ResumeProfile{Name: p.Profile.Name, Headline: p.Profile.Headline, Email: p.Profile.Email, Phone: p.Profile.Phone,
		Location: p.Profile.Location, Summary: p.Profile.Summary},
		Work: []ResumeWork{}, Education: []ResumeEducation{}, Certificates: []ResumeCertificate{}, Versions: []ResumeVersion{}}
	for _, l := range p.Profile.Links {
		r.Profile.Links = append(r.Profile.Links, ResumeLink{Network: l.Network, URL: l.URL})
	}
	for _, w := range p.Work {
		r.Work = append(r.Work, ResumeWork{Company: w.Company, Position: w.Position, URL: w.URL, Start: string(w.Start), End: string(w.End),
			Summary: w.Summary, Highlights: w.Highlights})
	}
	for _, e := range p.Education {
		r.Education = append(r.Education, ResumeEducation{Institution: e.Institution, Area: e.Area, StudyType: e.StudyType, URL: e.URL,
			Start: string(e.Start), End: string(e.End)})
	}
	for _, c := range p.Certificates {
		r.Certificates = append(r.Certificates, ResumeCertificate{Name: c.Name, Issuer: c.Issuer, Date: string(c.Date), URL: c.URL})
	}
	for _, v := range versions {
		rv := ResumeVersion{Name: v.Name, ApplicationID: v.ApplicationID, Posting: v.Posting, Skills: []string{}, Projects: []string{},
			Created: v.Created.UTC().Format("2006-01-02T15:04:05Z07:00")}
		for _, id := range v.SkillIDs {
			rv.Skills = append(rv.Skills, skills[id])
		}
		for _, id := range v.ProjectIDs {
			rv.Projects = append(rv.Projects, projects[id])
		}
		r.Versions = append(r.Versions, rv)
	}
	return r
}

// Empty reports whether the résumé holds nothing the learner typed.
func (r *Resume) Empty() bool {
	return r == nil || (r.Profile.Name == "" && r.Profile.Headline == "" && r.Profile.Email == "" && r.Profile.Phone == "" &&
		r.Profile.Location == "" && r.Profile.Summary == "" && len(r.Profile.Links) == 0 &&
		len(r.Work)+len(r.Education)+len(r.Certificates)+len(r.Versions) == 0)
}

func (v *validator) resume(r *Resume, skills map[string]bool, projects []Project) {
	if r == nil {
		return
	}
	p := r.Parts()
	// A profile never saved has no name; anything else must pass the form's
	// rules.
	if !(strings.TrimSpace(p.Profile.Name) == "" && p.Profile.Headline == "" && len(p.Profile.Links) == 0) {
		v.domain("resume.profile", resume.ValidateProfile(p.Profile))
	}
	v.total("resume.work", "jobs on the résumé", len(p.Work), resume.MaxWork)
	for i, w := range p.Work {
		v.domain(fmt.Sprintf("resume.work[%d]", i), resume.ValidateWork(w))
	}
	v.total("resume.education", "schools on the résumé", len(p.Education), resume.MaxEducation)
	for i, e := range p.Education {
		v.domain(fmt.Sprintf("resume.education[%d]", i), resume.ValidateEducation(e))
	}
	v.total("resume.certificates", "certificates on the résumé", len(p.Certificates), resume.MaxCertificates)
	for i, c := range p.Certificates {
		v.domain(fmt.Sprintf("resume.certificates[%d]", i), resume.ValidateCertificate(c))
	}
	v.versions(r.Versions, skills, projects)
}

func (v *validator) versions(versions []ResumeVersion, skills map[string]bool, projects []Project) {
	v.total("resume.versions", "résumé versions", len(versions), resume.MaxVersions)
	projectNames := map[string]bool{}
	for _, p := range projects {
		projectNames[p.Name] = true
	}
	names := map[string]bool{}
	for i, rv := range versions {
		at := fmt.Sprintf("resume.versions[%d]", i)
		v.check(!names[rv.Name], at+".name", "%q is used by an earlier version; version names must be unique", rv.Name)
		names[rv.Name] = true
		v.domain(at, resume.ValidateVersion(resume.Version{Name: rv.Name, Posting: rv.Posting}))
		v.check(len(rv.Skills) <= plan.MaxSkills && len(rv.Projects) <= plan.MaxProjects, at, "lists more skills or projects than the plan holds")
		for _, s := range rv.Skills {
			v.check(skills[s], at+".skills", "names %q, which is not a skill in this document", s)
		}
		for _, p := range rv.Projects {
			v.check(projectNames[p], at+".projects", "names %q, which is not a project in this document", p)
		}
		_, err := parseTime(rv.Created)
		v.check(err == nil, at+".created", "must be a time written like 2026-05-01T18:30:00Z, not %q", rv.Created)
	}
}

func parseTime(s string) (time.Time, error) { return time.Parse(time.RFC3339, s) }
