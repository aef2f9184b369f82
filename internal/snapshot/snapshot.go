// Package snapshot is the versioned JSON document that holds everything a
// learner has: the plan settings, the roadmap, the skills and the salaries.
// Export writes one, import reads one, and the default content shipped with
// the app is one too. See docs/backup-format.md.
package snapshot

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"reflect"
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
//	5: choose-one skill groups; offers apart from market ranges, and cities
//	6: the job search: stages, applications with their history and
//	   interviews, contacts; interview practice: cards with their FSRS
//	   state and review log, coding challenges, mock interviews; the
//	   résumé: profile, work, education, certificates, tailored versions;
//	   sources as data: a link and a date on salaries, rates and factors,
//	   rates typed by hand marked, yearly average rates, survey medians
//	   (each optional: a document without them imports)
const Version = 6

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
	// Resume is the résumé (version 6); absent in older documents.
	Resume *Resume `json:"resume,omitempty"`
	// AnnualRates are years' average exchange rates, and SurveyMedians
	// what a survey's respondents report earning (version 6; optional).
	AnnualRates   []AnnualRate `json:"annual_rates,omitempty"`
	SurveyMedians []Median     `json:"survey_medians,omitempty"`
	// JobSearch is the job search (version 6); nil before.
	JobSearch *JobSearch `json:"job_search,omitempty"`
	// Practice is interview practice, from version 6; nil in older
	// documents.
	Practice *Practice `json:"practice,omitempty"`

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
	Link     string `json:"link,omitempty"`   // version 6
	Manual   bool   `json:"manual,omitempty"` // typed by the learner (version 6)
}

// AnnualRate is a year's average exchange rate, units per euro.
type AnnualRate struct {
	Currency string `json:"currency"`
	Year     int    `json:"year"`
	PerEUR   string `json:"per_eur"`
	Source   string `json:"source"`
	Link     string `json:"link,omitempty"`
}

// Median is a survey's median of reported yearly pay for a role in a
// country ("" for all countries), with how many answered.
type Median struct {
	CountryCode string `json:"country_code,omitempty"`
	Country     string `json:"country"`
	Role        string `json:"role"`
	Year        int    `json:"year"`
	Currency    string `json:"currency"`
	Median      int64  `json:"median"`
	Respondents int    `json:"respondents"`
	Source      string `json:"source"`
	Link        string `json:"link,omitempty"`
}

// PPP is a purchasing power parity factor for private consumption: units of
// the country's currency per international dollar.
type PPP struct {
	CountryCode string `json:"country_code"`
	Country     string `json:"country"`
	Factor      string `json:"factor"`
	Year        int    `json:"year"`
	Source      string `json:"source"`
	Link        string `json:"link,omitempty"`     // version 6
	Released    string `json:"released,omitempty"` // the release's date (version 6)
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
	StudyTime        string   `json:"study_time,omitempty"` // "18:30"; empty: the reminder time, else 18:00
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
	// Group names the choose-one group the skill is in (version 5).
	Group string `json:"group,omitempty"`
}

// Project is a portfolio project; Skills names the skills it demonstrates.
type Project struct {
	Name        string   `json:"name"`
	Description string   `json:"description"`
	RepoURL     string   `json:"repo_url"`
	Status      string   `json:"status"`
	Skills      []string `json:"skills"`
	// Started and Finished are YYYY-MM-DD, or empty (version 6).
	Started  string `json:"started,omitempty"`
	Finished string `json:"finished,omitempty"`
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
	// Kind is "offer" for one offer or job ad, empty for a market range;
	// City is where the job is (version 5).
	Kind string `json:"kind,omitempty"`
	City string `json:"city,omitempty"`
	// Link and SourceDate say where and when the figure was published
	// (version 6).
	Link       string `json:"link,omitempty"`
	SourceDate string `json:"source_date,omitempty"`
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
// than about a field we do not know. A file that does not begin like JSON
// is refused from its first bytes, so choosing a video by mistake does not
// read hundreds of megabytes first.
func readJSON(r io.Reader, what string) ([]byte, header, error) {
	if f, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > MaxBytes {
			return nil, header{}, tooLarge(what)
		}
	}
	br := bufio.NewReader(io.LimitReader(r, MaxBytes+1))
	if err := sniffJSON(br, what); err != nil {
		return nil, header{}, err
	}
	data, err := io.ReadAll(br)
	if err != nil {
		return nil, header{}, fmt.Errorf("reading the %s: %w", what, err)
	}
	if len(data) > MaxBytes {
		return nil, header{}, tooLarge(what)
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	var head header
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, header{}, describeJSONError(data, err)
	}
	return data, head, nil
}

func tooLarge(what string) error {
	return fmt.Errorf("the %s is larger than %d MB, more than Study Planner ever writes, so it is not one of its files", what, MaxBytes>>20)
}

var utf8BOM = []byte("\xef\xbb\xbf")

// sniffJSON checks that what is ahead of br begins like a JSON object:
// optional byte-order mark and white space, then "{".
func sniffJSON(br *bufio.Reader, what string) error {
	head, err := br.Peek(512)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return fmt.Errorf("reading the %s: %w", what, err)
	}
	rest := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	switch {
	case len(rest) == 0 && len(head) < 512:
		return fmt.Errorf("the %s is empty", what)
	case len(rest) == 0 || rest[0] != '{':
		return fmt.Errorf("this is not a Study Planner file: a %s is JSON text beginning with \"{\", and this file is not", what)
	}
	return nil
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
		where := "the document"
		if typeErr.Field != "" {
			where = fmt.Sprintf("the field %q", typeErr.Field)
		}
		return fmt.Errorf("%s holds %s where %s belongs", where, jsonKindPhrase(typeErr.Value), goKindPhrase(typeErr.Type.Kind()))
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		return fmt.Errorf("the document has a field this version does not know: %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return errors.New("the document cannot be read as a Study Planner file")
}

// jsonKindPhrase names what encoding/json found ("array", "number 3") in
// words.
func jsonKindPhrase(value string) string {
	kind, _, _ := strings.Cut(value, " ")
	switch kind {
	case "array":
		return "a list"
	case "object":
		return "a group of fields"
	case "string":
		return "text"
	case "number":
		return "a number"
	case "bool":
		return "true or false"
	}
	return "a value"
}

// goKindPhrase names, in words, what a field of the given kind holds.
func goKindPhrase(k reflect.Kind) string {
	switch k {
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "a group of fields"
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	}
	return "another kind of value"
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

// Range converts the document's salary to the domain value.
func (s Salary) Range() salary.Range {
	return salary.Range{Country: s.Country, CountryCode: s.CountryCode, Level: salary.Level(s.Level), Currency: s.Currency,
		Min: s.Min, Max: s.Max, Median: s.Median, Year: s.Year, Source: s.Source, Kind: salary.Kind(s.Kind), City: s.City,
		Link: s.Link, SourceDate: parseOptionalDate(s.SourceDate)}
}

// parseOptionalDate reads a YYYY-MM-DD date, zero when empty or not a
// date (the validator reports the latter).
func parseOptionalDate(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}
	}
	return d
}

// Reported is the median as the domain holds it.
func (m Median) Reported() salary.Reported {
	return salary.Reported{CountryCode: m.CountryCode, Country: m.Country, Role: m.Role, Year: m.Year, Currency: m.Currency,
		Median: m.Median, Respondents: m.Respondents, Source: m.Source, Link: m.Link}
}

// Empty is a valid document with no data: the default plan starting today,
// no roadmap, skills, sessions or salaries.
func Empty() Document {
	return Document{Format: Format, Version: Version, Plan: DefaultPlan(), Roadmap: []Step{}, SkillCategories: []Category{},
		Projects: []Project{}, Sessions: []Session{}, Salaries: []Salary{}, Comparison: DefaultComparison(),
		ExchangeRates: []Rate{}, PPP: []PPP{}}
}
