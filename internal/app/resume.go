package app

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/assets"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/resume"
	"github.com/studyplanner/studyplanner/internal/resumepdf"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// ResumeReader is what building a résumé reads.
type ResumeReader interface {
	Categories() ([]plan.Category, error)
	Projects() ([]plan.Project, error)
	ResumeParts() (resume.Parts, error)
	ResumeVersions() ([]resume.Version, error)
}

// ResumeData is everything the Résumé screen and the résumé commands show.
type ResumeData struct {
	Parts      resume.Parts
	Versions   []resume.Version
	Categories []plan.Category
	Projects   []resume.Project
	// Skills are the done skills a résumé can show, proven ones first.
	Skills []resume.Skill
	Health resume.Health
}

// LoadResume reads the résumé with the skills and projects it is built
// from.
func LoadResume(r ResumeReader) (ResumeData, error) {
	return inOneSnapshot(r, func(r ResumeReader) (ResumeData, error) { return loadResume(r) })
}

func loadResume(r ResumeReader) (ResumeData, error) {
	var d ResumeData
	var err error
	if d.Parts, err = r.ResumeParts(); err != nil {
		return d, err
	}
	if d.Versions, err = r.ResumeVersions(); err != nil {
		return d, err
	}
	if d.Categories, err = r.Categories(); err != nil {
		return d, err
	}
	projects, err := r.Projects()
	if err != nil {
		return d, err
	}
	d.Projects = ResumeProjects(projects)
	d.Skills = resume.ResumeSkills(d.Categories, projects)
	d.Health = resume.CheckHealth(d.Categories, projects)
	return d, nil
}

// ResumeProjects are the plan's projects as a résumé shows them: a
// description's lines that start with "- " or "* " become highlights, the
// rest stays the description.
func ResumeProjects(ps []plan.Project) []resume.Project {
	out := make([]resume.Project, len(ps))
	for i, p := range ps {
		var desc, highlights []string
		for _, line := range strings.Split(p.Description, "\n") {
			t := strings.TrimSpace(line)
			if h, ok := strings.CutPrefix(t, "- "); ok {
				highlights = append(highlights, strings.TrimSpace(h))
			} else if h, ok := strings.CutPrefix(t, "* "); ok {
				highlights = append(highlights, strings.TrimSpace(h))
			} else if t != "" {
				desc = append(desc, t)
			}
		}
		p.Description = strings.Join(desc, " ")
		out[i] = resume.Project{Project: p, Highlights: highlights, Start: monthOf(p.Started), End: monthOf(p.Finished)}
	}
	return out
}

// monthOf is a date as a résumé gives it: the month; empty for none.
func monthOf(t time.Time) resume.Date {
	if t.IsZero() {
		return ""
	}
	return resume.Date(t.Format("2006-01"))
}

// Version finds a version by name; "" is none (the whole résumé).
func (d ResumeData) Version(name string) (*resume.Version, error) {
	if name == "" {
		return nil, nil
	}
	for i := range d.Versions {
		if d.Versions[i].Name == name {
			return &d.Versions[i], nil
		}
	}
	var names []string
	for _, v := range d.Versions {
		names = append(names, v.Name)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("there is no résumé version called %q; there are none yet", name)
	}
	return nil, fmt.Errorf("there is no résumé version called %q; the versions are: %s", name, strings.Join(names, ", "))
}

// Document builds the JSON Resume document, of the whole résumé or of one
// version.
func (d ResumeData) Document(v *resume.Version, now time.Time) (resume.Document, error) {
	if strings.TrimSpace(d.Parts.Profile.Name) == "" {
		return resume.Document{}, fmt.Errorf("the résumé has no name yet: fill in the profile on the Résumé screen first")
	}
	return resume.Build(resume.Input{Profile: d.Parts.Profile, Work: d.Parts.Work, Education: d.Parts.Education,
		Certificates: d.Parts.Certificates, Categories: d.Categories, Projects: d.Projects, Version: v, Now: now}), nil
}

// Tailor suggests, for a pasted posting, the skills and projects to show,
// those it mentions first.
func (d ResumeData) Tailor(posting string) resume.Suggestion {
	return resume.Tailor(posting, d.Skills, resume.FinishedProjects(d.Projects))
}

// ResumeFormat is a file format a résumé is written in.
type ResumeFormat string

// The formats a résumé can be exported in.
const (
	ResumeJSON ResumeFormat = "json"
	ResumePDF  ResumeFormat = "pdf"
)

// WriteResume writes the document as JSON Resume or as a PDF on the
// locale's paper (A4, or Letter where that is the custom).
func WriteResume(w io.Writer, doc resume.Document, format ResumeFormat, locale string, now time.Time) error {
	switch format {
	case ResumeJSON:
		return snapshot.WriteJSON(w, doc)
	case ResumePDF:
		return resumepdf.Write(w, doc, resumepdf.PaperFor(locale), resumepdf.Fonts{Regular: assets.FontRegular, Bold: assets.FontBold}, now)
	}
	return fmt.Errorf("%q is not a résumé format: use json or pdf", format)
}

// ResumeBytes is WriteResume into memory, for the window's save dialog.
func ResumeBytes(doc resume.Document, format ResumeFormat, locale string, now time.Time) ([]byte, error) {
	var buf bytes.Buffer
	err := WriteResume(&buf, doc, format, locale, now)
	return buf.Bytes(), err
}

// ResumeImporter is what importing a JSON Resume reads and writes.
type ResumeImporter interface {
	ResumeParts() (resume.Parts, error)
	ImportResume(before resume.Parts, changes resume.Changes, after resume.Profile) error
}

// ResumeImport is a JSON Resume file read and compared with the résumé:
// what importing it would change.
type ResumeImport struct {
	Before  resume.Parts
	After   resume.Parts
	Changes resume.Changes
}

// PreviewResumeImport reads a JSON Resume file and says what importing it
// would change, writing nothing.
func PreviewResumeImport(st ResumeImporter, r io.Reader) (ResumeImport, error) {
	incoming, err := resume.ReadDocument(r)
	if err != nil {
		return ResumeImport{}, Refused(err)
	}
	current, err := st.ResumeParts()
	if err != nil {
		return ResumeImport{}, err
	}
	after, changes := resume.Merge(current, incoming)
	return ResumeImport{Before: current, After: after, Changes: changes}, nil
}

// ApplyResumeImport stores what the preview showed: only those changes,
// so a field edited meanwhile elsewhere stays unless the file changes it.
func ApplyResumeImport(st ResumeImporter, in ResumeImport) error {
	if in.Changes.None() {
		return nil
	}
	return st.ImportResume(in.Before, in.Changes, in.After.Profile)
}

// TailorResume is what tailoring to a pasted posting suggests: every done
// skill and finished project, the ones the posting mentions first. The
// job search's "Tailor résumé" calls it with the application's posting.
func TailorResume(r ResumeReader, posting string) (resume.Suggestion, error) {
	d, err := LoadResume(r)
	if err != nil {
		return resume.Suggestion{}, err
	}
	return d.Tailor(posting), nil
}
