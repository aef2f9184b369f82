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
// version from 1 up to it; see upgrade.go for how older ones are read.
//
//	1: roadmap with checklists, skills done or not, salaries
//	2: step target dates, notes and links; skill status, levels, notes,
//	   links, prerequisites and last practised; portfolio projects
//	3: weekly hours, study days, week start, streak minimum and days off in
//	   the plan; study sessions
//	4: salary levels and medians, exchange rates, purchasing power factors,
//	   the comparison settings
const Version = 4

// DateLayout is how dates are written: ISO 8601 calendar dates.
const DateLayout = "2006-01-02"

// Limits that keep a hostile or mistaken file from filling memory or the
// screen; real data is far below them.
const (
	MaxBytes       = 32 << 20
	MaxTextLen     = plan.MaxTextLen
	MaxNameLen     = plan.MaxNameLen
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
	Projects        []Project  `json:"projects"`
	Sessions        []Session  `json:"sessions"`
	Salaries        []Salary   `json:"salaries"`
	// Comparison says how salaries are compared: in which currency, and for
	// which country and level the learner aims.
	Comparison    Comparison `json:"salary_comparison"`
	ExchangeRates []Rate     `json:"exchange_rates"`
	PPP           []PPP      `json:"ppp_factors"`

	// UpgradedFrom is the version the document was written in, when Decode
	// brought it up to date; 0 otherwise.
	UpgradedFrom int `json:"-"`
}

// Comparison is the learner's choice of how to compare salaries.
type Comparison struct {
	BaseCurrency  string `json:"base_currency"`
	TargetCountry string `json:"target_country"`
	TargetLevel   string `json:"target_level"`
}

// DefaultComparison compares in US dollars, aiming at a junior job in the
// United States.
func DefaultComparison() Comparison {
	return Comparison{BaseCurrency: "USD", TargetCountry: "US", TargetLevel: string(salary.Junior)}
}

// Rate is an exchange rate: units of the currency per euro, as a decimal
// string, with the date it is from and where it comes from.
type Rate struct {
	Currency string `json:"currency"`
	PerEUR   string `json:"per_eur"`
	AsOf     string `json:"as_of"`
	Source   string `json:"source"`
}

// PPP is a purchasing power parity factor for private consumption: units of
// the country's currency per international dollar.
type PPP struct {
	CountryCode string `json:"country_code"`
	Country     string `json:"country"`
	Factor      string `json:"factor"`
	Year        int    `json:"year"`
	Source      string `json:"source"`
}

// Session is time studied; Skill and Step name what it was for, or are
// empty.
type Session struct {
	Date    string `json:"date"`
	Start   string `json:"start,omitempty"`
	Minutes int    `json:"minutes"`
	Skill   string `json:"skill,omitempty"`
	Step    string `json:"step,omitempty"`
	Notes   string `json:"notes,omitempty"`
}

// DayOff is a day the plan leaves free.
type DayOff struct {
	Date string `json:"date"`
	Note string `json:"note,omitempty"`
}

// Plan holds the plan settings. StartDate may be empty only in the default
// content, where it means "the day the learner first opens the app".
type Plan struct {
	StartDate        string   `json:"start_date,omitempty"`
	HorizonMonths    int      `json:"horizon_months"`
	HoursPerWeek     float64  `json:"hours_per_week"`
	StudyDays        []string `json:"study_days"`
	WeekStart        string   `json:"week_start"`
	MinStreakMinutes int      `json:"min_streak_minutes"`
	DaysOff          []DayOff `json:"days_off"`
}

// DefaultPlan is the plan part of a new document: a 9-month plan at 10
// hours a week, Monday to Friday, weeks starting on Monday.
func DefaultPlan() Plan {
	return Plan{HorizonMonths: plan.DefaultHorizonMonths, HoursPerWeek: plan.DefaultHoursPerWeek,
		StudyDays: plan.FormatStudyDays(plan.WeekdaysOnly), WeekStart: "mon",
		MinStreakMinutes: plan.DefaultMinStreakMinutes, DaysOff: []DayOff{}}
}

// upgradeFromV2 gives a version 2 plan the settings version 3 added, at
// their defaults.
func (p *Plan) upgradeFromV2() {
	d := DefaultPlan()
	p.HoursPerWeek, p.StudyDays, p.WeekStart, p.MinStreakMinutes, p.DaysOff = d.HoursPerWeek, d.StudyDays, d.WeekStart, d.MinStreakMinutes, d.DaysOff
}

// Step is one roadmap step.
type Step struct {
	Title        string   `json:"title"`
	Summary      string   `json:"summary"`
	Status       string   `json:"status"`
	TargetDate   string   `json:"target_date,omitempty"`
	Hours        int      `json:"hours"`
	CoversSkills bool     `json:"covers_skills"`
	Notes        string   `json:"notes"`
	Actions      []Action `json:"actions"`
	Links        []Link   `json:"links"`
}

// Link is a titled web address.
type Link struct {
	Title string `json:"title"`
	URL   string `json:"url"`
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

// Skill is one skill of the checklist. Prerequisites name other skills.
type Skill struct {
	Name          string   `json:"name"`
	Status        string   `json:"status"`
	CurrentLevel  int      `json:"current_level"`
	TargetLevel   int      `json:"target_level"`
	Hours         int      `json:"hours"`
	Notes         string   `json:"notes"`
	Links         []Link   `json:"links"`
	Prerequisites []string `json:"prerequisites"`
	LastPractised string   `json:"last_practised,omitempty"`
}

// Project is a portfolio project; Skills names the skills it demonstrates.
type Project struct {
	Name        string   `json:"name"`
	Description string   `json:"description"`
	RepoURL     string   `json:"repo_url"`
	Status      string   `json:"status"`
	Skills      []string `json:"skills"`
}

// Salary is one salary range, in whole units of its currency.
type Salary struct {
	Country     string `json:"country"`
	CountryCode string `json:"country_code"`
	Level       string `json:"level,omitempty"`
	Currency    string `json:"currency"`
	Min         int64  `json:"min"`
	Max         int64  `json:"max"`
	Median      int64  `json:"median,omitempty"`
	Year        int    `json:"year"`
	Source      string `json:"source"`
}

// Encode writes doc as indented JSON. The output depends only on doc, so
// exporting the same data twice gives the same bytes.
func Encode(w io.Writer, doc Document) error {
	if err := WriteJSON(w, doc); err != nil {
		return fmt.Errorf("writing the document: %w", err)
	}
	return nil
}

// WriteJSON writes v the way every JSON file and command output of the app
// is written: indented by two spaces, with <, > and & left as they are.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// Decode reads and validates a whole document. It returns an error that says
// what is wrong and where, and never a partly valid document.
func Decode(r io.Reader) (Document, error) {
	data, head, err := readJSON(r, "document")
	if err != nil {
		return Document{}, err
	}
	if head.Format != Format {
		return Document{}, fmt.Errorf("this is not a Study Planner document: its \"format\" is %q, expected %q", head.Format, Format)
	}
	if err := checkVersion("document", head.Version, Version); err != nil {
		return Document{}, err
	}
	var doc Document
	if head.Version == 1 {
		var old documentV1
		if err := decodeStrict(data, &old); err != nil {
			return Document{}, err
		}
		doc = old.upgrade()
	} else if err := decodeStrict(data, &doc); err != nil {
		return Document{}, err
	}
	if head.Version <= 2 {
		doc.Plan.upgradeFromV2()
		doc.Sessions = []Session{}
	}
	if head.Version <= 3 {
		// Salaries had no level; rates and purchasing power did not exist.
		for i := range doc.Salaries {
			doc.Salaries[i].Level = string(salary.Unspecified)
		}
		doc.Comparison = DefaultComparison()
		doc.ExchangeRates, doc.PPP = []Rate{}, []PPP{}
	}
	if head.Version < Version {
		doc.UpgradedFrom, doc.Version = head.Version, Version
	}
	if err := doc.Validate(); err != nil {
		return Document{}, err
	}
	return doc, nil
}

// header is what every file of ours starts with: what kind it is and which
// version of that kind.
type header struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
}

// readJSON reads a whole file of ours, within the size limit, and its
// header, so that a newer or foreign file gets a message about that rather
// than about a field we do not know.
func readJSON(r io.Reader, what string) ([]byte, header, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, header{}, fmt.Errorf("reading the %s: %w", what, err)
	}
	if len(data) > MaxBytes {
		return nil, header{}, fmt.Errorf("the %s is larger than %d MB; a Study Planner file is far smaller, so this is not one", what, MaxBytes>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, header{}, fmt.Errorf("the %s is empty", what)
	}
	var head header
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, header{}, describeJSONError(data, err)
	}
	return data, head, nil
}

func checkVersion(what string, got, newest int) error {
	switch {
	case got < 1:
		return fmt.Errorf("the %s has no valid \"version\" (got %d)", what, got)
	case got > newest:
		return fmt.Errorf("the %s is version %d, written by a newer Study Planner; this one reads up to version %d, so update the app first", what, got, newest)
	}
	return nil
}

// decodeStrict parses data into v, refusing fields v does not have.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return describeJSONError(data, err)
	}
	return nil
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

	v.date("plan.start_date", d.Plan.StartDate)
	v.check(d.Plan.HorizonMonths >= plan.MinHorizonMonths && d.Plan.HorizonMonths <= plan.MaxHorizonMonths,
		"plan.horizon_months", "must be between %d and %d months, not %d", plan.MinHorizonMonths, plan.MaxHorizonMonths, d.Plan.HorizonMonths)
	v.plan(d.Plan)
	steps := v.roadmap(d.Roadmap)
	skills := v.skillCategories(d.SkillCategories)
	v.projects(d.Projects, skills)
	v.sessions(d.Sessions, skills, steps)

	v.count(len(d.Salaries), "salaries")
	for i, s := range d.Salaries {
		at := fmt.Sprintf("salaries[%d]", i)
		v.check(len(s.Country) <= MaxNameLen, at+".country", "is longer than %d characters", MaxNameLen)
		v.check(len(s.Source) <= MaxTextLen, at+".source", "is longer than %d characters", MaxTextLen)
		if err := s.Range().Validate(); err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				v.add(at, "%s", line)
			}
		}
	}
	v.comparison(d.Comparison)
	v.count(len(d.ExchangeRates), "exchange_rates")
	currencies := map[string]bool{}
	for i, r := range d.ExchangeRates {
		at := fmt.Sprintf("exchange_rates[%d]", i)
		v.check(!currencies[r.Currency], at+".currency", "%q has an earlier rate; give each currency one", r.Currency)
		currencies[r.Currency] = true
		v.check(len(r.Source) <= MaxTextLen, at+".source", "is longer than %d characters", MaxTextLen)
		v.check(r.AsOf != "", at+".as_of", "is missing")
		v.date(at+".as_of", r.AsOf)
		if err := (salary.Rate{Currency: r.Currency, PerEUR: r.PerEUR, AsOf: time.Unix(1, 0)}).Validate(); err != nil {
			v.add(at, "%v", err)
		}
	}
	v.count(len(d.PPP), "ppp_factors")
	countries := map[string]bool{}
	for i, p := range d.PPP {
		at := fmt.Sprintf("ppp_factors[%d]", i)
		v.check(!countries[p.CountryCode], at+".country_code", "%q has an earlier factor; give each country one", p.CountryCode)
		countries[p.CountryCode] = true
		v.check(len(p.Country) <= MaxNameLen && len(p.Source) <= MaxTextLen, at, "a name or source is too long")
		if err := (salary.PPP{CountryCode: p.CountryCode, Factor: p.Factor, Year: p.Year}).Validate(); err != nil {
			v.add(at, "%v", err)
		}
	}
	return v.err()
}

func (v *validator) comparison(c Comparison) {
	if err := salary.ValidateCurrency(c.BaseCurrency); err != nil {
		v.add("salary_comparison.base_currency", "%v", err)
	}
	v.check(len(c.TargetCountry) == 2 && strings.ToUpper(c.TargetCountry) == c.TargetCountry, "salary_comparison.target_country",
		"must be a two-letter country code in capitals such as DE, not %q", c.TargetCountry)
	v.check(salary.Level(c.TargetLevel).Valid(), "salary_comparison.target_level", "must be junior, mid, senior or unspecified, not %q", c.TargetLevel)
}

func (v *validator) plan(p Plan) {
	v.check(p.HoursPerWeek >= plan.MinHoursPerWeek && p.HoursPerWeek <= plan.MaxHoursPerWeek, "plan.hours_per_week",
		"must be between %g and %g, not %g", float64(plan.MinHoursPerWeek), float64(plan.MaxHoursPerWeek), p.HoursPerWeek)
	if days, err := plan.ParseStudyDays(p.StudyDays); err != nil {
		v.add("plan.study_days", "%v", err)
	} else if days == ([7]bool{}) {
		v.add("plan.study_days", "must name at least one day")
	}
	if _, err := plan.ParseWeekday(p.WeekStart); err != nil {
		v.add("plan.week_start", "%v", err)
	}
	v.check(p.MinStreakMinutes >= 1 && p.MinStreakMinutes <= plan.MaxSessionMinutes, "plan.min_streak_minutes",
		"must be between 1 and %d, not %d", plan.MaxSessionMinutes, p.MinStreakMinutes)
	v.count(len(p.DaysOff), "plan.days_off")
	for i, d := range p.DaysOff {
		at := fmt.Sprintf("plan.days_off[%d]", i)
		v.check(d.Date != "", at+".date", "is missing")
		v.date(at+".date", d.Date)
		v.check(len(d.Note) <= MaxNameLen, at+".note", "is longer than %d characters", MaxNameLen)
	}
}

func (v *validator) sessions(sessions []Session, skills, steps map[string]bool) {
	v.count(len(sessions), "sessions")
	for i, s := range sessions {
		at := fmt.Sprintf("sessions[%d]", i)
		v.check(s.Date != "", at+".date", "is missing")
		v.date(at+".date", s.Date)
		err := plan.ValidateSession(plan.Session{Date: time.Unix(1, 0), Start: s.Start, Minutes: s.Minutes, Notes: s.Notes})
		if err != nil {
			v.add(at, "%v", err)
		}
		v.check(s.Skill == "" || skills[s.Skill], at+".skill", "names %q, which is not a skill in this document", s.Skill)
		v.check(s.Step == "" || steps[s.Step], at+".step", "names %q, which is not a step in this document", s.Step)
	}
}

// roadmap checks the steps and returns the set of their titles.
func (v *validator) roadmap(steps []Step) map[string]bool {
	v.count(len(steps), "roadmap")
	titles := map[string]bool{}
	for i, st := range steps {
		at := fmt.Sprintf("roadmap[%d]", i)
		v.name(at+".title", st.Title)
		v.check(st.Title == "" || !titles[st.Title], at+".title", "%q is used by an earlier step; step titles must be unique", st.Title)
		titles[st.Title] = true
		v.text(at+".summary", st.Summary)
		v.notes(at+".notes", st.Notes)
		v.check(plan.StepStatus(st.Status).Valid(), at+".status", "must be one of todo, in_progress, done, skipped, not %q", st.Status)
		v.date(at+".target_date", st.TargetDate)
		v.hours(at+".hours", st.Hours)
		v.count(len(st.Actions), at+".actions")
		for j, a := range st.Actions {
			v.name(fmt.Sprintf("%s.actions[%d].text", at, j), a.Text)
		}
		v.links(at, st.Links)
	}
	return titles
}

// skillCategories checks the categories and their skills, prerequisites
// included, and returns the set of skill names.
func (v *validator) skillCategories(cats []Category) map[string]bool {
	v.count(len(cats), "skill_categories")
	categories, skills := map[string]bool{}, map[string]bool{}
	for i, c := range cats {
		at := fmt.Sprintf("skill_categories[%d]", i)
		v.name(at+".name", c.Name)
		v.check(c.Name == "" || !categories[c.Name], at+".name", "%q is used by an earlier category; category names must be unique", c.Name)
		categories[c.Name] = true
		v.count(len(c.Skills), at+".skills")
		for j, sk := range c.Skills {
			sat := fmt.Sprintf("%s.skills[%d]", at, j)
			v.name(sat+".name", sk.Name)
			v.check(sk.Name == "" || !skills[sk.Name], sat+".name", "%q is used by an earlier skill; skill names must be unique", sk.Name)
			skills[sk.Name] = true
			v.check(plan.SkillStatus(sk.Status).Valid(), sat+".status", "must be one of not_started, learning, done, skipped, not %q", sk.Status)
			v.level(sat+".current_level", sk.CurrentLevel)
			v.level(sat+".target_level", sk.TargetLevel)
			v.hours(sat+".hours", sk.Hours)
			v.notes(sat+".notes", sk.Notes)
			v.date(sat+".last_practised", sk.LastPractised)
			v.links(sat, sk.Links)
		}
	}
	requires := map[string][]string{}
	for i, c := range cats {
		for j, sk := range c.Skills {
			sat := fmt.Sprintf("skill_categories[%d].skills[%d].prerequisites", i, j)
			for _, p := range sk.Prerequisites {
				switch {
				case p == sk.Name:
					v.add(sat, "%q cannot be its own prerequisite", p)
				case !skills[p]:
					v.add(sat, "names %q, which is not a skill in this document", p)
				default:
					requires[sk.Name] = append(requires[sk.Name], p)
				}
			}
		}
	}
	if cycle := plan.FindCycle(requires); cycle != nil {
		v.add("skill_categories", "%v", cycle)
	}
	return skills
}

func (v *validator) projects(projects []Project, skills map[string]bool) {
	v.count(len(projects), "projects")
	names := map[string]bool{}
	for i, p := range projects {
		at := fmt.Sprintf("projects[%d]", i)
		v.name(at+".name", p.Name)
		v.check(p.Name == "" || !names[p.Name], at+".name", "%q is used by an earlier project; project names must be unique", p.Name)
		names[p.Name] = true
		v.text(at+".description", p.Description)
		v.check(plan.ProjectStatus(p.Status).Valid(), at+".status", "must be one of planned, in_progress, done, not %q", p.Status)
		if p.RepoURL != "" {
			if err := plan.ValidateURL(p.RepoURL); err != nil {
				v.add(at+".repo_url", "%v", err)
			}
		}
		for _, name := range p.Skills {
			v.check(skills[name], at+".skills", "names %q, which is not a skill in this document", name)
		}
	}
}

func (v *validator) links(at string, links []Link) {
	v.count(len(links), at+".links")
	for i, l := range links {
		lat := fmt.Sprintf("%s.links[%d]", at, i)
		v.check(len(l.Title) <= MaxNameLen, lat+".title", "is longer than %d characters", MaxNameLen)
		v.check(len(l.URL) <= MaxTextLen, lat+".url", "is longer than %d characters", MaxTextLen)
		if err := plan.ValidateURL(l.URL); err != nil {
			v.add(lat+".url", "%v", err)
		}
	}
}

// Range converts the document's salary to the domain value.
func (s Salary) Range() salary.Range {
	return salary.Range{Country: s.Country, CountryCode: s.CountryCode, Level: salary.Level(s.Level), Currency: s.Currency,
		Min: s.Min, Max: s.Max, Median: s.Median, Year: s.Year, Source: s.Source}
}

type validator struct {
	problems []string
	found    int
}

func (v *validator) add(at, format string, args ...any) {
	v.found++
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

func (v *validator) notes(at, s string) {
	v.check(len(s) <= plan.MaxNotesLen, at, "is %d characters long; at most %d are allowed", len(s), plan.MaxNotesLen)
}

func (v *validator) date(at, s string) {
	if s == "" {
		return
	}
	if _, err := time.Parse(DateLayout, s); err != nil {
		v.add(at, "must be a date written YYYY-MM-DD, not %q", s)
	}
}

func (v *validator) level(at string, l int) {
	v.check(l >= 0 && l <= plan.MaxLevel, at, "must be a level from 0 to %d, not %d", plan.MaxLevel, l)
}

func (v *validator) count(n int, at string) {
	v.check(n <= MaxItems, at, "has %d items; at most %d are allowed", n, MaxItems)
}

func (v *validator) hours(at string, h int) {
	v.check(h >= 0 && h <= MaxItemHours, at, "must be between 0 and %d hours, not %d", MaxItemHours, h)
}

func (v *validator) err() error {
	if v.found == 0 {
		return nil
	}
	msg := fmt.Sprintf("the document has %d problem(s):\n  %s", v.found, strings.Join(v.problems, "\n  "))
	if v.found > len(v.problems) {
		msg += fmt.Sprintf("\n  … and %d more", v.found-len(v.problems))
	}
	return errors.New(msg)
}

// Empty is a valid document with no data: the default plan starting today,
// no roadmap, skills, sessions or salaries.
func Empty() Document {
	return Document{Format: Format, Version: Version, Plan: DefaultPlan(), Roadmap: []Step{}, SkillCategories: []Category{},
		Projects: []Project{}, Sessions: []Session{}, Salaries: []Salary{}, Comparison: DefaultComparison(),
		ExchangeRates: []Rate{}, PPP: []PPP{}}
}
