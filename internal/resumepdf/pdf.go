// Package resumepdf writes a JSON Resume document as a PDF: one column of
// real text in an embedded font, with the section names applicant
// tracking systems look for, on A4 or Letter paper.
package resumepdf

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/studyplanner/studyplanner/internal/resume"
)

// Paper is a paper size.
type Paper string

// The paper sizes a résumé is printed on.
const (
	A4     Paper = "A4"
	Letter Paper = "Letter"
)

// PaperFor is the paper usual where the locale's region is: Letter in the
// United States, Canada, Mexico, the Philippines and a few more, A4
// elsewhere. locale is a POSIX or BCP 47 tag such as "en_US.UTF-8".
func PaperFor(locale string) Paper {
	if i := strings.IndexAny(locale, ".@"); i >= 0 {
		locale = locale[:i]
	}
	parts := strings.FieldsFunc(locale, func(r rune) bool { return r == '_' || r == '-' })
	if len(parts) < 2 {
		return A4
	}
	switch strings.ToUpper(parts[len(parts)-1]) {
	case "US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PR", "SV", "DO", "PA", "NI", "BZ":
		return Letter
	}
	return A4
}

// Fonts are the TrueType fonts the PDF embeds.
type Fonts struct{ Regular, Bold []byte }

// The section names, the ones résumé readers and parsers expect.
const (
	HeadingSummary      = "Summary"
	HeadingSkills       = "Skills"
	HeadingProjects     = "Projects"
	HeadingWork         = "Work Experience"
	HeadingEducation    = "Education"
	HeadingCertificates = "Certificates"
)

const (
	family   = "body"
	margin   = 18.0 // mm
	bodySize = 10.0
	lineH    = 5.0
)

type writer struct {
	pdf   *fpdf.Fpdf
	width float64
}

// Write renders doc as a PDF into w. created stamps the file, so the same
// résumé written at the same time gives the same bytes.
func Write(w io.Writer, doc resume.Document, paper Paper, fonts Fonts, created time.Time) (err error) {
	// fpdf panics on some input (bytes that are not UTF-8 in the
	// metadata); the app validates every text, but a résumé that cannot be
	// drawn is an error to show, never a crash.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the résumé could not be drawn as a PDF (%v); export it as JSON instead, and report this", r)
		}
	}()
	pdf := fpdf.New("P", "mm", string(paper), "")
	pdf.AddUTF8FontFromBytes(family, "", fonts.Regular)
	pdf.AddUTF8FontFromBytes(family, "B", fonts.Bold)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(true, margin)
	name := strings.ToValidUTF8(doc.Basics.Name, "\uFFFD")
	pdf.SetTitle(name+" – Résumé", true)
	pdf.SetAuthor(name, true)
	pdf.SetCreator("Study Planner", true)
	if !created.IsZero() {
		pdf.SetCreationDate(created)
		pdf.SetModificationDate(created)
	}
	pdf.AddPage()
	pageW, _ := pdf.GetPageSize()
	wr := &writer{pdf: pdf, width: pageW - 2*margin}
	wr.header(doc.Basics)
	if s := strings.TrimSpace(doc.Basics.Summary); s != "" {
		wr.heading(HeadingSummary)
		wr.text(s)
	}
	wr.skills(doc.Skills)
	wr.projects(doc.Projects)
	wr.work(doc.Work)
	wr.education(doc.Education)
	wr.certificates(doc.Certificates)
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("making the PDF: %w", err)
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("writing the PDF: %w", err)
	}
	return nil
}

func (w *writer) header(b resume.Basics) {
	w.pdf.SetFont(family, "B", 20)
	w.pdf.MultiCell(w.width, 9, b.Name, "", "L", false)
	if b.Label != "" {
		w.pdf.SetFont(family, "", 12)
		w.pdf.MultiCell(w.width, 6, b.Label, "", "L", false)
	}
	var contact []string
	for _, s := range []string{b.Email, b.Phone} {
		if s != "" {
			contact = append(contact, s)
		}
	}
	if b.Location != nil && b.Location.City != "" {
		contact = append(contact, b.Location.City)
	}
	w.pdf.SetFont(family, "", bodySize)
	if len(contact) > 0 {
		w.pdf.MultiCell(w.width, lineH, strings.Join(contact, " | "), "", "L", false)
	}
	for _, p := range b.Profiles {
		w.pdf.MultiCell(w.width, lineH, p.Network+": "+p.URL, "", "L", false)
	}
}

func (w *writer) heading(title string) {
	w.pdf.Ln(3)
	w.pdf.SetFont(family, "B", 12)
	w.pdf.MultiCell(w.width, 7, title, "", "L", false)
	x, y := w.pdf.GetXY()
	w.pdf.SetDrawColor(120, 120, 120)
	w.pdf.Line(x, y, x+w.width, y)
	w.pdf.Ln(1.5)
	w.pdf.SetFont(family, "", bodySize)
}

func (w *writer) text(s string) {
	w.pdf.SetFont(family, "", bodySize)
	w.pdf.MultiCell(w.width, lineH, s, "", "L", false)
}

// titled writes an entry's title in bold and, after a dash, its dates.
func (w *writer) titled(title, when string) {
	w.pdf.Ln(1)
	w.pdf.SetFont(family, "B", bodySize+0.5)
	if when != "" {
		title += " — " + when
	}
	w.pdf.MultiCell(w.width, lineH+0.5, title, "", "L", false)
	w.pdf.SetFont(family, "", bodySize)
}

func (w *writer) bullets(items []string) {
	for _, it := range items {
		w.pdf.SetX(margin + 3)
		w.pdf.MultiCell(w.width-3, lineH, "• "+it, "", "L", false)
	}
}

// skills writes one line per category, the categories in the order of
// their first skill, so a tailored version's first skills come first.
func (w *writer) skills(skills []resume.SkillEntry) {
	if len(skills) == 0 {
		return
	}
	w.heading(HeadingSkills)
	var order []string
	byCat := map[string][]string{}
	for _, s := range skills {
		cat := s.Category
		if cat == "" {
			cat = "Other"
		}
		if _, ok := byCat[cat]; !ok {
			order = append(order, cat)
		}
		byCat[cat] = append(byCat[cat], fmt.Sprintf("%s (%s)", s.Name, s.Level))
	}
	for _, cat := range order {
		w.pdf.SetFont(family, "B", bodySize)
		label := cat + ": "
		w.pdf.Write(lineH, label)
		w.pdf.SetFont(family, "", bodySize)
		w.pdf.Write(lineH, strings.Join(byCat[cat], ", "))
		w.pdf.Ln(lineH + 0.5)
	}
}

func (w *writer) projects(ps []resume.ProjectEntry) {
	if len(ps) == 0 {
		return
	}
	w.heading(HeadingProjects)
	for _, p := range ps {
		w.titled(p.Name, resume.Span(resume.Date(p.StartDate), resume.Date(p.EndDate), false))
		if p.URL != "" {
			w.text(p.URL)
		}
		if p.Description != "" {
			w.text(p.Description)
		}
		w.bullets(p.Highlights)
		if len(p.Keywords) > 0 {
			w.text("Skills shown: " + strings.Join(p.Keywords, ", "))
		}
	}
}

func (w *writer) work(jobs []resume.WorkEntry) {
	if len(jobs) == 0 {
		return
	}
	w.heading(HeadingWork)
	for _, j := range jobs {
		w.titled(j.Position+", "+j.Name, resume.Span(resume.Date(j.StartDate), resume.Date(j.EndDate), true))
		if j.Summary != "" {
			w.text(j.Summary)
		}
		w.bullets(j.Highlights)
	}
}

func (w *writer) education(es []resume.EducationEntry) {
	if len(es) == 0 {
		return
	}
	w.heading(HeadingEducation)
	for _, e := range es {
		var what []string
		for _, s := range []string{e.StudyType, e.Area} {
			if s != "" {
				what = append(what, s)
			}
		}
		title := e.Institution
		if len(what) > 0 {
			title = strings.Join(what, ", ") + " — " + e.Institution
		}
		w.titled(title, resume.Span(resume.Date(e.StartDate), resume.Date(e.EndDate), false))
	}
}

func (w *writer) certificates(cs []resume.CertificateEntry) {
	if len(cs) == 0 {
		return
	}
	w.heading(HeadingCertificates)
	for _, c := range cs {
		line := c.Name
		if c.Issuer != "" {
			line += ", " + c.Issuer
		}
		if c.Date != "" {
			line += " (" + c.Date + ")"
		}
		w.bullets([]string{line})
	}
}
