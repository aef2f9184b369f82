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
	// Dropped are the parts of a file the app does not import, for the
	// preview to name; empty for a résumé read from the database.
	Dropped []Dropped
}

// Dropped is a part of a JSON Resume file left out of an import: its key,
// how many entries it had, and why it is left out.
type Dropped struct {
	Key   string // "skills"
	Count int
	Why   string // "skills come from your Skills screen"
}

// droppedParts are the JSON Resume parts the app keeps elsewhere or not
// at all, in the order the preview names them.
var droppedParts = []struct{ key, why string }{
	{"skills", "skills come from your Skills screen"},
	{"projects", "projects come from your roadmap's finished projects"},
	{"languages", "the app keeps no languages"},
	{"interests", "the app keeps no interests"},
	{"awards", "the app keeps no awards"},
	{"publications", "the app keeps no publications"},
	{"volunteer", "the app keeps no volunteer work"},
	{"references", "the app keeps no references"},
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
	if err := notAResume(data); err != nil {
		return Parts{}, err
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
	p.Dropped = dropped(data)
	return p, nil
}

// notAResume refuses the app's own documents, which are JSON but no
// résumé, naming the command that reads them.
func notAResume(data []byte) error {
	var head struct {
		Format string `json:"format"`
	}
	if json.Unmarshal(data, &head) != nil {
		return nil // not JSON: the decoder below says so
	}
	switch head.Format {
	case "studyplanner":
		return errors.New("this is a Study Planner backup (all your data), not a JSON Resume file; " +
			"restore it with \"studyplanner import FILE.json\", which replaces all your data")
	case "studyplanner-pack":
		return errors.New("this is a Study Planner roadmap pack, not a JSON Resume file; " +
			"import it with \"studyplanner pack import FILE.json\"")
	}
	return nil
}

// dropped counts the entries of the parts of data the import leaves out.
func dropped(data []byte) []Dropped {
	var all map[string]json.RawMessage
	if json.Unmarshal(data, &all) != nil {
		return nil
	}
	var out []Dropped
	for _, d := range droppedParts {
		var list []json.RawMessage
		if json.Unmarshal(all[d.key], &list) == nil && len(list) > 0 {
			out = append(out, Dropped{Key: d.key, Count: len(list), Why: d.why})
		}
	}
	return out
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
//
// When the file is another person's résumé (its name differs from the
// profile's, ignoring case and spaces), the whole profile is replaced,
// links too, so no phone or summary of one stays beside the other's name;
// the jobs, schools and certificates are still added.
func Merge(current, incoming Parts) (Parts, Changes) {
	merged := current
	merged.Dropped = nil
	ch := Changes{Dropped: incoming.Dropped}
	if samePerson(current.Profile.Name, incoming.Profile.Name) {
		mergeProfile(&merged.Profile, incoming.Profile, &ch)
	} else {
		replaceProfile(&merged.Profile, incoming.Profile, &ch)
	}
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

// samePerson says whether a file's name is the profile's: the same words,
// ignoring case and spacing, or no name stored yet.
func samePerson(stored, incoming string) bool {
	if strings.TrimSpace(stored) == "" {
		return true
	}
	return strings.EqualFold(oneLine(stored), oneLine(incoming))
}

// replaceProfile puts in's profile in p's place, noting every field that
// changes (cleared ones too) and the links added and removed.
func replaceProfile(p *Profile, in Profile, ch *Changes) {
	ch.Replaced = &Replacement{From: p.Name, To: in.Name}
	for _, f := range []struct {
		what          string
		cur, incoming string
	}{
		{"Name", p.Name, in.Name}, {"Headline", p.Headline, in.Headline}, {"Email", p.Email, in.Email},
		{"Phone", p.Phone, in.Phone}, {"Location", p.Location, in.Location}, {"Summary", p.Summary, in.Summary},
	} {
		if f.cur != f.incoming {
			ch.Profile = append(ch.Profile, FieldChange{Field: f.what, Before: f.cur, After: f.incoming})
		}
	}
	keep := map[string]bool{}
	for _, l := range in.Links {
		keep[l.URL] = true
	}
	have := map[string]bool{}
	for _, l := range p.Links {
		have[l.URL] = true
		if !keep[l.URL] {
			ch.RemovedLinks = append(ch.RemovedLinks, l)
		}
	}
	for _, l := range in.Links {
		if !have[l.URL] {
			ch.AddedLinks = append(ch.AddedLinks, l)
		}
	}
	*p = in
	if len(p.Links) > MaxProfileLinks {
		p.Links = p.Links[:MaxProfileLinks]
	}
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
	// Replaced is set when the file is another person's résumé and
	// replaces the whole profile.
	Replaced          *Replacement
	Profile           []FieldChange
	RemovedLinks      []Link
	AddedLinks        []Link
	AddedWork         []Work
	AddedEducation    []Education
	AddedCertificates []Certificate
	// Dropped are the file's parts not imported; they change nothing.
	Dropped []Dropped
}

// Replacement names the two people when a file replaces the profile.
type Replacement struct{ From, To string }

// FieldChange is one profile field the import changes.
type FieldChange struct{ Field, Before, After string }

// None reports whether the import changes nothing.
func (c Changes) None() bool {
	return len(c.Profile)+len(c.AddedLinks)+len(c.RemovedLinks)+len(c.AddedWork)+len(c.AddedEducation)+len(c.AddedCertificates) == 0
}

// Lines are the changes in words, one a line, for the window's preview
// and the command's output.
func (c Changes) Lines() []string {
	var out []string
	if c.None() {
		out = append(out, "Nothing to change: the résumé already holds everything in the file.")
	}
	if r := c.Replaced; r != nil {
		out = append(out, fmt.Sprintf("This replaces the profile of %s with %s's: the file is another person's résumé, "+
			"so none of the profile's fields or links stays.", clip(oneLine(r.From), 60), clip(oneLine(r.To), 60)))
	}
	for _, f := range c.Profile {
		if f.After == "" {
			out = append(out, fmt.Sprintf("%s: “%s” removed", f.Field, clip(oneLine(f.Before), 80)))
			continue
		}
		if f.Before == "" {
			out = append(out, fmt.Sprintf("%s: set to “%s”", f.Field, clip(oneLine(f.After), 80)))
		} else {
			out = append(out, fmt.Sprintf("%s: “%s” → “%s”", f.Field, clip(oneLine(f.Before), 60), clip(oneLine(f.After), 60)))
		}
	}
	for _, l := range c.RemovedLinks {
		out = append(out, fmt.Sprintf("Remove link: %s %s", l.Network, l.URL))
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
	for _, d := range c.Dropped {
		verb := "are"
		if d.Count == 1 {
			verb = "is"
		}
		out = append(out, fmt.Sprintf("The file's %s %s not imported: %s.", plural(d.Count, d.Key), verb, d.Why))
	}
	return out
}

// plural is "1 skill" or "5 skills" for a JSON Resume part's key.
func plural(n int, key string) string {
	if n != 1 {
		return fmt.Sprintf("%d %s", n, key)
	}
	switch key {
	case "volunteer":
		return "1 volunteer entry"
	case "references":
		return "1 reference"
	}
	return "1 " + strings.TrimSuffix(key, "s")
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
