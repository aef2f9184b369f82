package resume

import (
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// SchemaVersion is the JSON Resume schema the documents follow.
const SchemaVersion = "v1.2.1"

// Document is a JSON Resume document (https://jsonresume.org/schema,
// version 1.2.1, MIT licence). Only the sections the app fills are here;
// what the app adds beyond the schema is in fields named x-….
type Document struct {
	Basics       Basics             `json:"basics"`
	Work         []WorkEntry        `json:"work,omitempty"`
	Education    []EducationEntry   `json:"education,omitempty"`
	Certificates []CertificateEntry `json:"certificates,omitempty"`
	Skills       []SkillEntry       `json:"skills,omitempty"`
	Projects     []ProjectEntry     `json:"projects,omitempty"`
	Meta         Meta               `json:"meta"`
	// Version names the tailored version the document was made from.
	Version string `json:"x-studyplanner-version,omitempty"`
}

// Basics is who the résumé is about.
type Basics struct {
	Name     string         `json:"name"`
	Label    string         `json:"label,omitempty"`
	Email    string         `json:"email,omitempty"`
	Phone    string         `json:"phone,omitempty"`
	Summary  string         `json:"summary,omitempty"`
	Location *Location      `json:"location,omitempty"`
	Profiles []ProfileEntry `json:"profiles,omitempty"`
}

// Location is where the learner lives; the app keeps it as one line, in
// city.
type Location struct {
	Address     string `json:"address,omitempty"`
	City        string `json:"city,omitempty"`
	Region      string `json:"region,omitempty"`
	CountryCode string `json:"countryCode,omitempty"`
}

// ProfileEntry is a profile on a network.
type ProfileEntry struct {
	Network  string `json:"network,omitempty"`
	Username string `json:"username,omitempty"`
	URL      string `json:"url,omitempty"`
}

// WorkEntry is a job.
type WorkEntry struct {
	Name       string   `json:"name,omitempty"`
	Position   string   `json:"position,omitempty"`
	URL        string   `json:"url,omitempty"`
	StartDate  string   `json:"startDate,omitempty"`
	EndDate    string   `json:"endDate,omitempty"`
	Summary    string   `json:"summary,omitempty"`
	Highlights []string `json:"highlights,omitempty"`
}

// EducationEntry is a course of study.
type EducationEntry struct {
	Institution string `json:"institution,omitempty"`
	URL         string `json:"url,omitempty"`
	Area        string `json:"area,omitempty"`
	StudyType   string `json:"studyType,omitempty"`
	StartDate   string `json:"startDate,omitempty"`
	EndDate     string `json:"endDate,omitempty"`
}

// CertificateEntry is a certificate or a finished course.
type CertificateEntry struct {
	Name   string `json:"name,omitempty"`
	Date   string `json:"date,omitempty"`
	Issuer string `json:"issuer,omitempty"`
	URL    string `json:"url,omitempty"`
}

// SkillEntry is a skill with its level in words. Category, Level and
// ProvenBy are the app's own.
type SkillEntry struct {
	Name     string   `json:"name"`
	Level    string   `json:"level,omitempty"`
	Keywords []string `json:"keywords,omitempty"`
	Category string   `json:"x-category,omitempty"`
	Rating   int      `json:"x-level"`
	ProvenBy []string `json:"x-proven-by,omitempty"`
}

// ProjectEntry is a finished project and the skills it proves.
type ProjectEntry struct {
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	Highlights  []string `json:"highlights,omitempty"`
	Keywords    []string `json:"keywords,omitempty"`
	StartDate   string   `json:"startDate,omitempty"`
	EndDate     string   `json:"endDate,omitempty"`
	URL         string   `json:"url,omitempty"`
}

// Meta says which schema the document follows and when it was made.
type Meta struct {
	Version      string `json:"version"`
	LastModified string `json:"lastModified,omitempty"`
	Generator    string `json:"x-generator,omitempty"`
}

// LevelWords put the learner's level (0 to 5) in the words a résumé uses.
var LevelWords = [plan.MaxLevel + 1]string{"Novice", "Beginner", "Elementary", "Intermediate", "Advanced", "Expert"}

// LevelWord is the word for a level, clamped to the scale.
func LevelWord(level int) string {
	return LevelWords[max(0, min(level, plan.MaxLevel))]
}

// Input is everything a résumé is built from.
type Input struct {
	Profile      Profile
	Work         []Work
	Education    []Education
	Certificates []Certificate
	Categories   []plan.Category
	Projects     []Project
	// Version, when set, picks and orders the skills and projects shown.
	Version *Version
	// Now is when the document is made, for meta.lastModified.
	Now time.Time
}

// Project is a portfolio project as a résumé shows it: the plan's project
// with what only a résumé needs.
type Project struct {
	plan.Project
	Start, End Date
	Highlights []string
}

// Build makes the JSON Resume document: the profile; the skills that are
// done, proven ones first, grouped by category in the plan's order; the
// finished projects with the skills they prove as keywords; then work,
// education and certificates. A version shows only its skills and projects,
// in its order.
func Build(in Input) Document {
	doc := Document{Basics: basics(in.Profile), Meta: Meta{Version: SchemaVersion, Generator: "Study Planner"}}
	if !in.Now.IsZero() {
		doc.Meta.LastModified = in.Now.UTC().Format("2006-01-02T15:04:05")
	}
	skills := ResumeSkills(in.Categories, plainProjects(in.Projects))
	projects := FinishedProjects(in.Projects)
	if in.Version != nil {
		doc.Version = in.Version.Name
		skills = pick(skills, in.Version.SkillIDs, func(s Skill) uint { return s.ID })
		projects = pick(projects, in.Version.ProjectIDs, func(p Project) uint { return p.ID })
	}
	names := map[uint]string{}
	for _, s := range skills {
		names[s.ID] = s.Name
	}
	for _, s := range skills {
		doc.Skills = append(doc.Skills, skillEntry(s))
	}
	for _, p := range projects {
		doc.Projects = append(doc.Projects, projectEntry(p, names))
	}
	for _, w := range in.Work {
		doc.Work = append(doc.Work, WorkEntry{Name: w.Company, Position: w.Position, URL: w.URL, StartDate: string(w.Start),
			EndDate: string(w.End), Summary: w.Summary, Highlights: w.Highlights})
	}
	for _, e := range in.Education {
		doc.Education = append(doc.Education, EducationEntry{Institution: e.Institution, URL: e.URL, Area: e.Area,
			StudyType: e.StudyType, StartDate: string(e.Start), EndDate: string(e.End)})
	}
	for _, c := range in.Certificates {
		doc.Certificates = append(doc.Certificates, CertificateEntry{Name: c.Name, Date: string(c.Date), Issuer: c.Issuer, URL: c.URL})
	}
	return doc
}

func basics(p Profile) Basics {
	b := Basics{Name: strings.TrimSpace(p.Name), Label: p.Headline, Email: p.Email, Phone: p.Phone, Summary: p.Summary}
	if strings.TrimSpace(p.Location) != "" {
		b.Location = &Location{City: strings.TrimSpace(p.Location)}
	}
	for _, l := range p.Links {
		b.Profiles = append(b.Profiles, ProfileEntry{Network: l.Network, URL: l.URL, Username: username(l.URL)})
	}
	return b
}

// username is the last part of a profile's address: github.com/ada gives
// ada.
func username(u string) string {
	u = strings.TrimRight(strings.TrimSpace(u), "/")
	i := strings.LastIndex(u, "/")
	if i < 0 || strings.HasSuffix(u[:i], "/") { // https://example.com: no path
		return ""
	}
	return u[i+1:]
}

func skillEntry(s Skill) SkillEntry {
	return SkillEntry{Name: s.Name, Level: LevelWord(s.Level), Keywords: []string{s.Category}, Category: s.Category,
		Rating: s.Level, ProvenBy: s.ProvenBy}
}

func projectEntry(p Project, names map[uint]string) ProjectEntry {
	e := ProjectEntry{Name: p.Name, Description: strings.TrimSpace(p.Description), Highlights: p.Highlights,
		StartDate: string(p.Start), EndDate: string(p.End), URL: strings.TrimSpace(p.RepoURL)}
	for _, id := range p.SkillIDs {
		if n, ok := names[id]; ok {
			e.Keywords = append(e.Keywords, n)
		}
	}
	return e
}

func plainProjects(ps []Project) []plan.Project {
	out := make([]plan.Project, len(ps))
	for i, p := range ps {
		out[i] = p.Project
	}
	return out
}

// Skill is a skill a résumé can show: done, with its category, level and
// the finished projects that prove it.
type Skill struct {
	ID       uint
	Name     string
	Category string
	Level    int
	ProvenBy []string
}

// Proven reports whether a finished project shows the skill.
func (s Skill) Proven() bool { return len(s.ProvenBy) > 0 }

// ResumeSkills lists the skills a résumé shows: every done skill, the
// proven ones first, each group in the plan's order of categories and
// skills.
func ResumeSkills(cats []plan.Category, projects []plan.Project) []Skill {
	provenBy := map[uint][]string{}
	for _, p := range projects {
		if p.Status != plan.ProjectDone {
			continue
		}
		for _, id := range p.SkillIDs {
			provenBy[id] = append(provenBy[id], p.Name)
		}
	}
	var proven, done []Skill
	for _, c := range cats {
		for _, sk := range c.Skills {
			sk.Proven = sk.Proven || len(provenBy[sk.ID]) > 0
			if !sk.Done() {
				continue
			}
			s := Skill{ID: sk.ID, Name: sk.Name, Category: c.Name, Level: sk.CurrentLevel, ProvenBy: provenBy[sk.ID]}
			if s.Proven() {
				proven = append(proven, s)
			} else {
				done = append(done, s)
			}
		}
	}
	return append(proven, done...)
}

// FinishedProjects are the projects a résumé shows, in the plan's order.
func FinishedProjects(ps []Project) []Project {
	var out []Project
	for _, p := range ps {
		if p.Status == plan.ProjectDone {
			out = append(out, p)
		}
	}
	return out
}

// pick keeps the items whose ID is in ids, in the order of ids.
func pick[T any](items []T, ids []uint, id func(T) uint) []T {
	byID := map[uint]T{}
	for _, it := range items {
		byID[id(it)] = it
	}
	var out []T
	for _, want := range ids {
		if it, ok := byID[want]; ok {
			out = append(out, it)
			delete(byID, want)
		}
	}
	return out
}
