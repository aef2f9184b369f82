package resume

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// MaxImportBytes bounds a JSON Resume file read for import.
const MaxImportBytes = 5 << 20

// Parts are the parts of a résumé an import fills.
type Parts struct {
	Profile      Profile
	Work         []Work
	Education    []Education
	Certificates []Certificate
}

// ReadDocument reads a JSON Resume file and checks every value with the
// rules the forms use, saying where a value is wrong. It never returns a
// partly read résumé.
func ReadDocument(r io.Reader) (Parts, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxImportBytes+1))
	if err != nil {
		return Parts{}, fmt.Errorf("reading the résumé: %w", err)
	}
	if len(data) > MaxImportBytes {
		return Parts{}, fmt.Errorf("the file is larger than %d MB; a JSON Resume file is a few kilobytes", MaxImportBytes>>20)
	}
	var doc struct {
		Basics struct {
			Name     string         `json:"name"`
			Label    string         `json:"label"`
			Email    string         `json:"email"`
			Phone    string         `json:"phone"`
			Summary  string         `json:"summary"`
			URL      string         `json:"url"`
			Location *Location      `json:"location"`
			Profiles []ProfileEntry `json:"profiles"`
		} `json:"basics"`
		Work         []WorkEntry        `json:"work"`
		Education    []EducationEntry   `json:"education"`
		Certificates []CertificateEntry `json:"certificates"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return Parts{}, fmt.Errorf("this is not a JSON Resume file: %q holds a %s where the format has something else", typeErr.Field, typeErr.Value)
		}
		return Parts{}, notJSON(data, err)
	}
	if strings.TrimSpace(doc.Basics.Name) == "" {
		return Parts{}, fmt.Errorf("the résumé has no name in basics.name; a JSON Resume file starts with the person's name")
	}
	p := Parts{Profile: Profile{Name: strings.TrimSpace(doc.Basics.Name), Headline: strings.TrimSpace(doc.Basics.Label),
		Email: strings.TrimSpace(doc.Basics.Email), Phone: strings.TrimSpace(doc.Basics.Phone), Summary: doc.Basics.Summary,
		Location: locationLine(doc.Basics.Location)}}
	if u := strings.TrimSpace(doc.Basics.URL); u != "" {
		p.Profile.Links = append(p.Profile.Links, Link{Network: "Website", URL: u})
	}
	for _, pr := range doc.Basics.Profiles {
		if strings.TrimSpace(pr.URL) == "" {
			continue // a user name alone gives no address to show
		}
		network := strings.TrimSpace(pr.Network)
		if network == "" {
			network = "Website"
		}
		p.Profile.Links = append(p.Profile.Links, Link{Network: network, URL: strings.TrimSpace(pr.URL)})
	}
	if err := ValidateProfile(p.Profile); err != nil {
		return Parts{}, fmt.Errorf("basics: %w", err)
	}
	if err := p.readEntries(doc.Work, doc.Education, doc.Certificates); err != nil {
		return Parts{}, err
	}
	return p, nil
}

func (p *Parts) readEntries(work []WorkEntry, edu []EducationEntry, certs []CertificateEntry) error {
	if len(work) > MaxWork || len(edu) > MaxEducation || len(certs) > MaxCertificates {
		return fmt.Errorf("the résumé has more entries than the app keeps (%d jobs, %d schools, %d certificates)", MaxWork, MaxEducation, MaxCertificates)
	}
	for i, w := range work {
		job := Work{Company: strings.TrimSpace(w.Name), Position: strings.TrimSpace(w.Position), URL: strings.TrimSpace(w.URL),
			Start: Date(strings.TrimSpace(w.StartDate)), End: Date(strings.TrimSpace(w.EndDate)), Summary: w.Summary, Highlights: trimAll(w.Highlights)}
		if err := ValidateWork(job); err != nil {
			return fmt.Errorf("work entry %d (%s): %w", i+1, clip(job.Company, 40), err)
		}
		p.Work = append(p.Work, job)
	}
	for i, e := range edu {
		ed := Education{Institution: strings.TrimSpace(e.Institution), Area: strings.TrimSpace(e.Area), StudyType: strings.TrimSpace(e.StudyType),
			URL: strings.TrimSpace(e.URL), Start: Date(strings.TrimSpace(e.StartDate)), End: Date(strings.TrimSpace(e.EndDate))}
		if err := ValidateEducation(ed); err != nil {
			return fmt.Errorf("education entry %d (%s): %w", i+1, clip(ed.Institution, 40), err)
		}
		p.Education = append(p.Education, ed)
	}
	for i, c := range certs {
		ce := Certificate{Name: strings.TrimSpace(c.Name), Issuer: strings.TrimSpace(c.Issuer), Date: Date(strings.TrimSpace(c.Date)), URL: strings.TrimSpace(c.URL)}
		if err := ValidateCertificate(ce); err != nil {
			return fmt.Errorf("certificate %d (%s): %w", i+1, clip(ce.Name, 40), err)
		}
		p.Certificates = append(p.Certificates, ce)
	}
	return nil
}

func trimAll(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func locationLine(l *Location) string {
	if l == nil {
		return ""
	}
	var parts []string
	for _, s := range []string{l.Address, l.City, l.Region, l.CountryCode} {
		if s = strings.TrimSpace(strings.ReplaceAll(s, "\n", ", ")); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// Merge is what an import does to the résumé: the profile's fields the
// file gives replace the current ones (empty ones leave them), its links
// are added unless the address is there already, and its jobs, schools and
// certificates are added unless the same one is there already.
func Merge(current, incoming Parts) (Parts, Changes) {
	merged := current
	var ch Changes
	mergeProfile(&merged.Profile, incoming.Profile, &ch)
	for _, w := range incoming.Work {
		if !hasEntry(current.Work, w, workKey) {
			merged.Work = append(merged.Work, w)
			ch.AddedWork = append(ch.AddedWork, w)
		}
	}
	for _, e := range incoming.Education {
		if !hasEntry(current.Education, e, educationKey) {
			merged.Education = append(merged.Education, e)
			ch.AddedEducation = append(ch.AddedEducation, e)
		}
	}
	for _, c := range incoming.Certificates {
		if !hasEntry(current.Certificates, c, certificateKey) {
			merged.Certificates = append(merged.Certificates, c)
			ch.AddedCertificates = append(ch.AddedCertificates, c)
		}
	}
	return merged, ch
}

func mergeProfile(p *Profile, in Profile, ch *Changes) {
	fields := []struct {
		what     string
		cur      *string
		incoming string
	}{
		{"Name", &p.Name, in.Name}, {"Headline", &p.Headline, in.Headline}, {"Email", &p.Email, in.Email},
		{"Phone", &p.Phone, in.Phone}, {"Location", &p.Location, in.Location}, {"Summary", &p.Summary, in.Summary},
	}
	for _, f := range fields {
		if f.incoming != "" && f.incoming != *f.cur {
			ch.Profile = append(ch.Profile, FieldChange{Field: f.what, Before: *f.cur, After: f.incoming})
			*f.cur = f.incoming
		}
	}
	have := map[string]bool{}
	for _, l := range p.Links {
		have[l.URL] = true
	}
	links := append([]Link(nil), p.Links...)
	for _, l := range in.Links {
		if !have[l.URL] && len(links) < MaxProfileLinks {
			links = append(links, l)
			have[l.URL] = true
			ch.AddedLinks = append(ch.AddedLinks, l)
		}
	}
	p.Links = links
}

func hasEntry[T any](list []T, x T, key func(T) string) bool {
	k := key(x)
	for _, y := range list {
		if key(y) == k {
			return true
		}
	}
	return false
}

func workKey(w Work) string {
	return strings.ToLower(w.Company + "\x00" + w.Position + "\x00" + string(w.Start))
}

func educationKey(e Education) string {
	return strings.ToLower(e.Institution + "\x00" + e.Area + "\x00" + string(e.Start))
}

func certificateKey(c Certificate) string {
	return strings.ToLower(c.Name + "\x00" + c.Issuer + "\x00" + string(c.Date))
}

// Changes is what an import will change, for the preview.
type Changes struct {
	Profile           []FieldChange
	AddedLinks        []Link
	AddedWork         []Work
	AddedEducation    []Education
	AddedCertificates []Certificate
}

// FieldChange is one profile field the import changes.
type FieldChange struct{ Field, Before, After string }

// None reports whether the import changes nothing.
func (c Changes) None() bool {
	return len(c.Profile)+len(c.AddedLinks)+len(c.AddedWork)+len(c.AddedEducation)+len(c.AddedCertificates) == 0
}

// Lines are the changes in words, one a line, for the window's preview
// and the command's output.
func (c Changes) Lines() []string {
	if c.None() {
		return []string{"Nothing to change: the résumé already holds everything in the file."}
	}
	var out []string
	for _, f := range c.Profile {
		if f.Before == "" {
			out = append(out, fmt.Sprintf("%s: set to “%s”", f.Field, clip(oneLine(f.After), 80)))
		} else {
			out = append(out, fmt.Sprintf("%s: “%s” → “%s”", f.Field, clip(oneLine(f.Before), 60), clip(oneLine(f.After), 60)))
		}
	}
	for _, l := range c.AddedLinks {
		out = append(out, fmt.Sprintf("Add link: %s %s", l.Network, l.URL))
	}
	for _, w := range c.AddedWork {
		out = append(out, fmt.Sprintf("Add job: %s at %s (%s)", w.Position, w.Company, Span(w.Start, w.End, true)))
	}
	for _, e := range c.AddedEducation {
		out = append(out, fmt.Sprintf("Add education: %s", strings.Join(nonEmpty(e.StudyType, e.Area, e.Institution), ", ")))
	}
	for _, ce := range c.AddedCertificates {
		out = append(out, fmt.Sprintf("Add certificate: %s", strings.Join(nonEmpty(ce.Name, ce.Issuer, string(ce.Date)), ", ")))
	}
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// notJSON says why data, which the JSON decoder refused with err, is not
// a JSON Resume file, in words rather than the decoder's.
func notJSON(data []byte, err error) error {
	trimmed := bytes.TrimSpace(data)
	switch {
	case len(trimmed) == 0:
		return errors.New("the file is empty; a JSON Resume file is JSON text starting with {\"basics\": …}")
	case bytes.HasPrefix(trimmed, []byte("%PDF")):
		return errors.New("this is a PDF, not a JSON Resume file; import the .json file the résumé was written from " +
			"(see jsonresume.org), or type your résumé on the Résumé screen")
	}
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		line := bytes.Count(data[:min(int(syn.Offset), len(data))], []byte("\n")) + 1
		return fmt.Errorf("this is not a JSON Resume file: it is not valid JSON (the text goes wrong on line %d); "+
			"open it in a text editor, or export it again from where it was made", line)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("this is not a JSON Resume file: it is cut short; export or download it again")
	}
	return errors.New("this is not a JSON Resume file: it is not valid JSON; open it in a text editor, or export it again from where it was made")
}
