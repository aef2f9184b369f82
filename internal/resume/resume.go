// Package resume is the learner's résumé: the profile, work history,
// education and certificates they type once, and the rules each value
// meets; the JSON Resume document (schema 1.2.1) built from them and from
// the skills and finished projects the plan already knows; tailoring to a
// job posting; and the portfolio's health. It knows nothing of the window,
// the database or files.
package resume

import (
	"fmt"
	"net/mail"
	"strings"
	"unicode/utf8"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// Limits on what a résumé holds. A résumé is a page or two; these are far
// above that and keep an export small.
const (
	MaxProfileLinks = 20
	MaxWork         = 100
	MaxEducation    = 100
	MaxCertificates = 200
	MaxVersions     = 500
	MaxHighlights   = 30
	MaxPostingLen   = 50_000 // a pasted job posting, in characters
)

// Profile is who the résumé is about. Only the name is required.
type Profile struct {
	Name     string
	Headline string // "Junior backend developer"
	Email    string
	Phone    string
	Location string // "Kraków, Poland"
	Links    []Link
	Summary  string
}

// Link is a profile on the web: a network's name and the address.
type Link struct {
	Network string // "GitHub", "LinkedIn"
	URL     string
}

// Work is one job.
type Work struct {
	ID         uint
	Company    string
	Position   string
	URL        string
	Start, End Date // End empty: still there
	Summary    string
	Highlights []string
}

// Education is one course of study at a school.
type Education struct {
	ID          uint
	Institution string
	Area        string // "Computer Science"
	StudyType   string // "Bachelor"
	URL         string
	Start, End  Date
}

// Certificate is a certificate or a finished course.
type Certificate struct {
	ID     uint
	Name   string
	Issuer string
	Date   Date
	URL    string
}

// ValidateProfile checks every field of the profile, saying what each
// accepts.
func ValidateProfile(p Profile) error {
	if strings.TrimSpace(p.Name) == "" {
		return fmt.Errorf("the name is missing: write your name as it should appear at the top of the résumé")
	}
	checks := []struct {
		what, value string
		max         int
	}{
		{"name", p.Name, plan.MaxNameLen}, {"headline", p.Headline, plan.MaxNameLen},
		{"email address", p.Email, plan.MaxNameLen}, {"phone number", p.Phone, 50},
		{"location", p.Location, plan.MaxNameLen}, {"summary", p.Summary, plan.MaxTextLen},
	}
	for _, c := range checks {
		if err := plan.ValidateLength(c.what, c.value, c.max); err != nil {
			return err
		}
	}
	if err := singleLine("name", p.Name, "headline", p.Headline, "location", p.Location); err != nil {
		return err
	}
	if err := ValidateEmail(p.Email); err != nil {
		return err
	}
	if err := ValidatePhone(p.Phone); err != nil {
		return err
	}
	if len(p.Links) > MaxProfileLinks {
		return fmt.Errorf("the profile has %d links; keep it to %d", len(p.Links), MaxProfileLinks)
	}
	for _, l := range p.Links {
		if err := ValidateLink(l); err != nil {
			return err
		}
	}
	return nil
}

// singleLine refuses line breaks in fields a résumé shows on one line; it
// takes pairs of a field's name and its value.
func singleLine(pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.ContainsAny(pairs[i+1], "\r\n") {
			return fmt.Errorf("the %s must fit on one line; remove the line break", pairs[i])
		}
	}
	return nil
}

// ValidateEmail accepts an empty address or one plain address such as
// ada@example.com.
func ValidateEmail(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" || !strings.Contains(s[strings.LastIndex(s, "@")+1:], ".") {
		return fmt.Errorf("%q is not an email address: write it like ada@example.com", s)
	}
	return nil
}

// ValidatePhone accepts an empty number or digits with spaces, dashes,
// dots, brackets and a leading +, such as +48 600 123 456.
func ValidatePhone(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')' || r == '/':
		case r == '+' && i == 0:
		default:
			return fmt.Errorf("the phone number %q holds %q: use digits, spaces, dashes, brackets and a leading +, like +48 600 123 456", s, r)
		}
	}
	if digits < 3 || digits > 20 {
		return fmt.Errorf("the phone number %q has %d digits; a phone number has 3 to 20", s, digits)
	}
	return nil
}

// ValidateLink checks one profile link: a network name and a web address.
func ValidateLink(l Link) error {
	if err := plan.ValidateName("link's network (such as GitHub)", l.Network); err != nil {
		return err
	}
	if err := singleLine("link's network", l.Network); err != nil {
		return err
	}
	return validateURL(l.Network+" address", l.URL, true)
}

func validateURL(what, s string, required bool) error {
	if strings.TrimSpace(s) == "" {
		if required {
			return fmt.Errorf("the %s is missing: write it in full, starting with https://", what)
		}
		return nil
	}
	if err := plan.ValidateLength(what, s, plan.MaxTextLen); err != nil {
		return err
	}
	if err := plan.ValidateURL(s); err != nil {
		return fmt.Errorf("the %s: %w", what, err)
	}
	return nil
}

// ValidateWork checks one job.
func ValidateWork(w Work) error {
	if err := plan.ValidateName("company's name", w.Company); err != nil {
		return err
	}
	if err := plan.ValidateName("position", w.Position); err != nil {
		return err
	}
	if err := singleLine("company's name", w.Company, "position", w.Position); err != nil {
		return err
	}
	if err := validateURL("company's web address", w.URL, false); err != nil {
		return err
	}
	if err := validateSpan("job", w.Start, w.End, true); err != nil {
		return err
	}
	if err := plan.ValidateLength("summary", w.Summary, plan.MaxTextLen); err != nil {
		return err
	}
	return ValidateHighlights(w.Highlights)
}

// ValidateHighlights checks a list of highlights: one line each.
func ValidateHighlights(hs []string) error {
	if len(hs) > MaxHighlights {
		return fmt.Errorf("there are %d highlights; keep it to %d", len(hs), MaxHighlights)
	}
	for i, h := range hs {
		what := fmt.Sprintf("highlight %d", i+1)
		if err := plan.ValidateName(what, h); err != nil {
			return err
		}
		if err := singleLine(what, h); err != nil {
			return err
		}
	}
	return nil
}

// ValidateEducation checks one course of study.
func ValidateEducation(e Education) error {
	if err := plan.ValidateName("school's name", e.Institution); err != nil {
		return err
	}
	for _, c := range [][2]string{{"field of study", e.Area}, {"degree or kind of study", e.StudyType}} {
		if err := plan.ValidateLength(c[0], c[1], plan.MaxNameLen); err != nil {
			return err
		}
	}
	if err := singleLine("school's name", e.Institution, "field of study", e.Area, "degree", e.StudyType); err != nil {
		return err
	}
	if err := validateURL("school's web address", e.URL, false); err != nil {
		return err
	}
	return validateSpan("course of study", e.Start, e.End, false)
}

// ValidateCertificate checks one certificate or course.
func ValidateCertificate(c Certificate) error {
	if err := plan.ValidateName("certificate's name", c.Name); err != nil {
		return err
	}
	if err := plan.ValidateLength("issuer", c.Issuer, plan.MaxNameLen); err != nil {
		return err
	}
	if err := singleLine("certificate's name", c.Name, "issuer", c.Issuer); err != nil {
		return err
	}
	if err := c.Date.Validate("date"); err != nil {
		return err
	}
	return validateURL("certificate's web address", c.URL, false)
}

func validateSpan(what string, start, end Date, startRequired bool) error {
	if startRequired && start == "" {
		return fmt.Errorf("the %s's start is missing: write the year and month, like 2023-04", what)
	}
	if err := start.Validate("start"); err != nil {
		return err
	}
	if err := end.Validate("end"); err != nil {
		return err
	}
	if start != "" && end != "" && end.Before(start) {
		return fmt.Errorf("the %s ends (%s) before it starts (%s)", what, end, start)
	}
	return nil
}

// clip shortens s to at most n characters, for names in messages.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
