// Package jobpdf prints the record of applications a job centre asks for
// (in Germany the "Bewerbungsnachweis") as a PDF: a dated table of every
// application with its company, role, date, how it was sent and its
// outcome so far.
package jobpdf

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/studyplanner/studyplanner/internal/jobsearch"
)

// Header is what the page's top says besides the table.
type Header struct {
	Name     string    // the applicant, may be empty (a line is left to write it by hand)
	From, To time.Time // the period covered; zero when open
	Printed  time.Time
	// Fonts, when given, are embedded so every letter prints (Łukasz
	// Żółć, Ελένη); without them the standard fonts are used.
	Fonts Fonts
}

// Fonts are the TrueType fonts the PDF embeds: regular and bold.
type Fonts struct{ Regular, Bold []byte }

// columns of the table: heading and width in millimetres (A4 portrait,
// 180 mm between the margins).
var columns = []struct {
	heading string
	width   float64
}{{"Date", 24}, {"Company", 46}, {"Role", 50}, {"How", 30}, {"Outcome", 30}}

// Write prints the record to w. With h.Fonts every letter prints; without
// them, the standard PDF fonts hold the Western European letters
// (Windows-1252: umlauts, ß, accents, €) and other letters print as a dot.
func Write(w io.Writer, h Header, entries []jobsearch.RecordEntry) error {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetTitle("Record of applications", true)
	pdf.SetCreator("Study Planner", true)
	pdf.SetCreationDate(h.Printed)
	pdf.SetModificationDate(h.Printed)
	family := "Helvetica"
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	if len(h.Fonts.Regular) > 0 && len(h.Fonts.Bold) > 0 {
		family = "body"
		pdf.AddUTF8FontFromBytes(family, "", h.Fonts.Regular)
		pdf.AddUTF8FontFromBytes(family, "B", h.Fonts.Bold)
		tr = func(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
	}
	pdf.SetMargins(15, 15, 15)
	pdf.SetAutoPageBreak(true, 18)
	pdf.SetFooterFunc(func() {
		pdf.SetY(-12)
		pdf.SetFont(family, "", 8)
		pdf.CellFormat(0, 5, tr(fmt.Sprintf("Printed %s by Study Planner · page %d of {nb}", h.Printed.Format(time.DateOnly), pdf.PageNo())), "", 0, "C", false, 0, "")
	})
	pdf.AliasNbPages("")
	pdf.AddPage()
	pdf.SetFont(family, "B", 16)
	pdf.CellFormat(0, 9, tr("Record of applications"), "", 1, "L", false, 0, "")
	pdf.SetFont(family, "", 10)
	name := strings.TrimSpace(h.Name)
	if name == "" {
		name = "______________________________"
	}
	pdf.CellFormat(0, 6, tr("Applicant: "+name), "", 1, "L", false, 0, "")
	pdf.CellFormat(0, 6, tr("Period: "+period(h.From, h.To, entries)), "", 1, "L", false, 0, "")
	pdf.CellFormat(0, 6, tr(fmt.Sprintf("Applications: %d", len(entries))), "", 1, "L", false, 0, "")
	pdf.Ln(3)
	heading := func() {
		pdf.SetFont(family, "B", 9)
		pdf.SetFillColor(230, 230, 230)
		for _, c := range columns {
			pdf.CellFormat(c.width, 7, tr(c.heading), "1", 0, "L", true, 0, "")
		}
		pdf.Ln(-1)
		pdf.SetFont(family, "", 9)
	}
	heading()
	for _, e := range entries {
		cells := []string{e.Date.Format(time.DateOnly), e.Company, e.Role, e.How, e.Outcome}
		lines := 1
		for i, c := range columns {
			if n := len(wrap(pdf, tr, cells[i], c.width-2)); n > lines {
				lines = n
			}
		}
		if lines > 4 {
			lines = 4
		}
		height := float64(lines) * 4.5
		if pdf.GetY()+height > 297-18 {
			pdf.AddPage()
			heading()
		}
		x, y := pdf.GetXY()
		for i, c := range columns {
			pdf.Rect(x, y, c.width, height, "D")
			pdf.SetXY(x+1, y+0.5)
			text := wrap(pdf, tr, cells[i], c.width-2)
			if len(text) > 4 {
				text = append(text[:3], strings.TrimSpace(text[3])+" …")
			}
			for j, line := range text {
				pdf.SetXY(x+1, y+0.5+float64(j)*4.5)
				pdf.CellFormat(c.width-2, 4.5, tr(line), "", 0, "L", false, 0, "")
			}
			x += c.width
			pdf.SetXY(x, y)
		}
		pdf.SetXY(15, y+height)
	}
	if len(entries) == 0 {
		pdf.CellFormat(0, 8, tr("No application was sent in this period."), "", 1, "L", false, 0, "")
	}
	pdf.Ln(10)
	pdf.CellFormat(0, 6, tr("Date and signature: ______________________________"), "", 1, "L", false, 0, "")
	return pdf.Output(w)
}

func period(from, to time.Time, entries []jobsearch.RecordEntry) string {
	if from.IsZero() && len(entries) > 0 {
		from = entries[0].Date
	}
	if to.IsZero() && len(entries) > 0 {
		to = entries[len(entries)-1].Date
	}
	if from.IsZero() {
		return "none"
	}
	return from.Format(time.DateOnly) + " to " + to.Format(time.DateOnly)
}

// wrap breaks text into lines no wider than width in the current font,
// at spaces, and inside a word longer than a line.
func wrap(pdf *fpdf.Fpdf, tr func(string) string, text string, width float64) []string {
	var lines []string
	line := ""
	fits := func(s string) bool { return pdf.GetStringWidth(tr(s)) <= width }
	for _, word := range strings.Fields(text) {
		candidate := word
		if line != "" {
			candidate = line + " " + word
		}
		if fits(candidate) {
			line = candidate
			continue
		}
		if line != "" {
			lines = append(lines, line)
			line = ""
		}
		for len([]rune(word)) > 1 && !fits(word) {
			runes := []rune(word)
			n := len(runes) - 1
			for n > 1 && !fits(string(runes[:n])) {
				n--
			}
			lines = append(lines, string(runes[:n]))
			word = string(runes[n:])
		}
		line = word
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}
