// Package snapshot is the versioned JSON document that holds everything a
// learner has: the plan settings, the roadmap, the skills and the salaries.
// Export writes one, import reads one, and the default content shipped with
// the app is one too. See docs/backup-format.md.
package snapshot

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/salary"
)

// Format names the kind of document, so a stray JSON file is recognised as
// not ours.
const Format = "studyplanner"

// Version is the document version this build writes. Decode accepts every
// version from 1 up to it.
const Version = 1

// DateLayout is how dates are written: ISO 8601 calendar dates.
const DateLayout = "2006-01-02"

// Limits that keep a hostile or mistaken file from filling memory or the
// screen; real data is far below them.
const (
	MaxBytes       = 32 << 20
	MaxTextLen     = 2000
	MaxNameLen     = 200
	MaxItems       = 10000
	MaxItemHours   = 10000
	maxErrorsShown = 10
)

// Document is the whole of a learner's data.
type Document struct {
	Format          string     `json:"format"`
	Version         int        `json:"version"`
	Plan            Plan       `json:"plan"`
	Roadmap         []Step     `json:"roadmap"`
	SkillCategories []Category `json:"skill_categories"`
	Salaries        []Salary   `json:"salaries"`
}

// Plan holds the plan settings. StartDate may be empty only in the default
// content, where it means "the day the learner first opens the app".
type Plan struct {
	StartDate     string `json:"start_date,omitempty"`
	HorizonMonths int    `json:"horizon_months"`
}

// Step is one roadmap step.
type Step struct {
	Title        string   `json:"title"`
	Summary      string   `json:"summary"`
	Status       string   `json:"status"`
	Hours        int      `json:"hours"`
	CoversSkills bool     `json:"covers_skills"`
	Actions      []Action `json:"actions"`
}

// Action is one checklist item of a step.
type Action struct {
	Text string `json:"text"`
	Done bool   `json:"done"`
}

// Category groups skills.
type Category struct {
	Name   string  `json:"name"`
	Skills []Skill `json:"skills"`
}

// Skill is one skill of the checklist.
type Skill struct {
	Name  string `json:"name"`
	Hours int    `json:"hours"`
	Done  bool   `json:"done"`
}

// Salary is one salary range, in whole units of its currency.
type Salary struct {
	Country     string `json:"country"`
	CountryCode string `json:"country_code"`
	Currency    string `json:"currency"`
	Min         int64  `json:"min"`
	Max         int64  `json:"max"`
	Year        int    `json:"year"`
	Source      string `json:"source"`
}

// Encode writes doc as indented JSON. The output depends only on doc, so
// exporting the same data twice gives the same bytes.
func Encode(w io.Writer, doc Document) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("writing the document: %w", err)
	}
	return nil
}

// Decode reads and validates a whole document. It returns an error that says
// what is wrong and where, and never a partly valid document.
func Decode(r io.Reader) (Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return Document{}, fmt.Errorf("reading the document: %w", err)
	}
	if len(data) > MaxBytes {
		return Document{}, fmt.Errorf("the document is larger than %d MB; a Study Planner export is far smaller, so this is not one", MaxBytes>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return Document{}, errors.New("the document is empty")
	}
	// Check what kind of document this is before the strict parse, so a
	// newer or foreign file gets a message about that rather than about a
	// field we do not know.
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return Document{}, describeJSONError(data, err)
	}
	if head.Format != Format {
		return Document{}, fmt.Errorf("this is not a Study Planner document: its \"format\" is %q, expected %q", head.Format, Format)
	}
	if head.Version < 1 {
		return Document{}, fmt.Errorf("the document has no valid \"version\" (got %d)", head.Version)
	}
	if head.Version > Version {
		return Document{}, fmt.Errorf("the document is version %d, written by a newer Study Planner; this one reads up to version %d, so update the app first", head.Version, Version)
	}

	var doc Document
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return Document{}, describeJSONError(data, err)
	}
	if err := doc.Validate(); err != nil {
		return Document{}, err
	}
	return doc, nil
}

func describeJSONError(data []byte, err error) error {
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || (errors.As(err, &syntax) && syntax.Offset >= int64(len(bytes.TrimRight(data, " \t\r\n")))):
		return errors.New("the document ends too early: it looks cut short (was the copy or download complete?)")
	case errors.As(err, &syntax) && strings.Contains(syntax.Error(), "after top-level value"):
		return errors.New("the document has extra data after its end; it may be two files joined together")
	case errors.As(err, &syntax):
		line, col := position(data, syntax.Offset)
		return fmt.Errorf("the document is not valid JSON at line %d, column %d: %v", line, col, syntax)
	case errors.As(err, &typeErr):
		return fmt.Errorf("the field %q holds a %s where a %s belongs", typeErr.Field, typeErr.Value, typeErr.Type)
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		return fmt.Errorf("the document has a field this version does not know: %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return fmt.Errorf("the document cannot be read: %w", err)
}

func position(data []byte, offset int64) (line, col int) {
	line, col = 1, 1
	for i := int64(0); i < offset-1 && i < int64(len(data)); i++ {
		if data[i] == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

// Validate checks every rule a document must meet and reports the first few
// problems, each with where it is.
func (d Document) Validate() error {
	v := &validator{}
	v.check(d.Format == Format, "format", "must be %q", Format)
	v.check(d.Version >= 1 && d.Version <= Version, "version", "must be between 1 and %d", Version)

	if d.Plan.StartDate != "" {
		if _, err := time.Parse(DateLayout, d.Plan.StartDate); err != nil {
			v.add("plan.start_date", "must be a date written YYYY-MM-DD, not %q", d.Plan.StartDate)
		}
	}
	v.check(d.Plan.HorizonMonths >= plan.MinHorizonMonths && d.Plan.HorizonMonths <= plan.MaxHorizonMonths,
		"plan.horizon_months", "must be between %d and %d months, not %d", plan.MinHorizonMonths, plan.MaxHorizonMonths, d.Plan.HorizonMonths)

	v.check(len(d.Roadmap) <= MaxItems, "roadmap", "has %d steps; at most %d are allowed", len(d.Roadmap), MaxItems)
	titles := map[string]bool{}
	for i, st := range d.Roadmap {
		at := fmt.Sprintf("roadmap[%d]", i)
		v.name(at+".title", st.Title)
		v.check(st.Title == "" || !titles[st.Title], at+".title", "%q is used by an earlier step; step titles must be unique", st.Title)
		titles[st.Title] = true
		v.text(at+".summary", st.Summary)
		v.check(plan.StepStatus(st.Status).Valid(), at+".status", "must be one of todo, in_progress, done, skipped, not %q", st.Status)
		v.hours(at+".hours", st.Hours)
		v.check(len(st.Actions) <= MaxItems, at+".actions", "has %d items; at most %d are allowed", len(st.Actions), MaxItems)
		for j, a := range st.Actions {
			v.name(fmt.Sprintf("%s.actions[%d].text", at, j), a.Text)
		}
	}

	v.check(len(d.SkillCategories) <= MaxItems, "skill_categories", "has %d categories; at most %d are allowed", len(d.SkillCategories), MaxItems)
	categories, skills := map[string]bool{}, map[string]bool{}
	for i, c := range d.SkillCategories {
		at := fmt.Sprintf("skill_categories[%d]", i)
		v.name(at+".name", c.Name)
		v.check(c.Name == "" || !categories[c.Name], at+".name", "%q is used by an earlier category; category names must be unique", c.Name)
		categories[c.Name] = true
		v.check(len(c.Skills) <= MaxItems, at+".skills", "has %d skills; at most %d are allowed", len(c.Skills), MaxItems)
		for j, sk := range c.Skills {
			sat := fmt.Sprintf("%s.skills[%d]", at, j)
			v.name(sat+".name", sk.Name)
			v.check(sk.Name == "" || !skills[sk.Name], sat+".name", "%q is used by an earlier skill; skill names must be unique", sk.Name)
			skills[sk.Name] = true
			v.hours(sat+".hours", sk.Hours)
		}
	}

	v.check(len(d.Salaries) <= MaxItems, "salaries", "has %d entries; at most %d are allowed", len(d.Salaries), MaxItems)
	for i, s := range d.Salaries {
		at := fmt.Sprintf("salaries[%d]", i)
		v.check(len(s.Country) <= MaxNameLen, at+".country", "is longer than %d characters", MaxNameLen)
		v.check(len(s.CountryCode) == 2 && strings.ToUpper(s.CountryCode) == s.CountryCode, at+".country_code", "must be a two-letter ISO 3166 code in capitals such as GB, not %q", s.CountryCode)
		v.check(len(s.Source) <= MaxTextLen, at+".source", "is longer than %d characters", MaxTextLen)
		if err := s.Range().Validate(); err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				v.add(at, "%s", line)
			}
		}
	}
	return v.err()
}

// Range converts the document's salary to the domain value.
func (s Salary) Range() salary.Range {
	return salary.Range{Country: s.Country, CountryCode: s.CountryCode, Currency: s.Currency, Min: s.Min, Max: s.Max, Year: s.Year, Source: s.Source}
}

type validator struct {
	problems []string
	count    int
}

func (v *validator) add(at, format string, args ...any) {
	v.count++
	if len(v.problems) < maxErrorsShown {
		v.problems = append(v.problems, at+": "+fmt.Sprintf(format, args...))
	}
}

func (v *validator) check(ok bool, at, format string, args ...any) {
	if !ok {
		v.add(at, format, args...)
	}
}

func (v *validator) name(at, s string) {
	switch {
	case strings.TrimSpace(s) == "":
		v.add(at, "must not be empty")
	case len(s) > MaxNameLen:
		v.add(at, "is %d characters long; at most %d are allowed", len(s), MaxNameLen)
	}
}

func (v *validator) text(at, s string) {
	v.check(len(s) <= MaxTextLen, at, "is %d characters long; at most %d are allowed", len(s), MaxTextLen)
}

func (v *validator) hours(at string, h int) {
	v.check(h >= 0 && h <= MaxItemHours, at, "must be between 0 and %d hours, not %d", MaxItemHours, h)
}

func (v *validator) err() error {
	if v.count == 0 {
		return nil
	}
	msg := fmt.Sprintf("the document has %d problem(s):\n  %s", v.count, strings.Join(v.problems, "\n  "))
	if v.count > len(v.problems) {
		msg += fmt.Sprintf("\n  … and %d more", v.count-len(v.problems))
	}
	return errors.New(msg)
}
