// Package jobsearch is the job search as a domain: applications, the stages
// they move through with their history, contacts, interviews, follow-ups
// and the figures of the search. It knows nothing of the window or the
// database; the store, the commands and the screen all call it.
package jobsearch

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// Kind says what reaching a stage means, whatever the learner calls it, so
// the figures and the follow-ups work on renamed and added stages too.
type Kind string

// The kinds of stage.
const (
	KindSaved   Kind = "saved"   // noted, not yet sent
	KindApplied Kind = "applied" // sent, no answer yet
	KindAnswer  Kind = "answer"  // the employer answered and it goes on (screening, interviews)
	KindOffer   Kind = "offer"   // an offer is on the table
	KindHired   Kind = "hired"   // the learner accepted an offer
	KindClosed  Kind = "closed"  // it ended with an answer (declined, rejected)
	KindSilent  Kind = "silent"  // it ended without one (ghosted, withdrawn)
)

// Kinds lists the kinds in the order a form offers them.
var Kinds = []Kind{KindSaved, KindApplied, KindAnswer, KindOffer, KindHired, KindClosed, KindSilent}

// Valid says whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Sent says whether an application in a stage of this kind was sent.
func (k Kind) Sent() bool { return k != KindSaved }

// Answered says whether reaching a stage of this kind means the employer
// answered. Ghosted and withdrawn do not.
func (k Kind) Answered() bool {
	return k == KindAnswer || k == KindOffer || k == KindHired || k == KindClosed
}

// Open says whether an application in a stage of this kind still waits on
// someone, so a follow-up can be due.
func (k Kind) Open() bool {
	return k == KindSaved || k == KindApplied || k == KindAnswer || k == KindOffer
}

// inFunnel says whether the stage is a step of the funnel: the way from
// applying to being hired. Outcomes that end it otherwise are not.
func (k Kind) inFunnel() bool {
	return k == KindApplied || k == KindAnswer || k == KindOffer || k == KindHired
}

// Stage is a column of the board.
type Stage struct {
	ID       uint
	Position int
	Name     string
	Kind     Kind
}

// DefaultStages are the stages a new database starts with.
func DefaultStages() []Stage {
	names := []struct {
		name string
		kind Kind
	}{
		{"Saved", KindSaved}, {"Applied", KindApplied}, {"Screening", KindAnswer},
		{"Technical interview", KindAnswer}, {"Final interview", KindAnswer}, {"Offer", KindOffer},
		{"Accepted", KindHired}, {"Declined", KindClosed}, {"Rejected", KindClosed},
		{"Ghosted", KindSilent}, {"Withdrawn", KindSilent},
	}
	out := make([]Stage, len(names))
	for i, n := range names {
		out[i] = Stage{ID: uint(i + 1), Position: i + 1, Name: n.name, Kind: n.kind}
	}
	return out
}

// Remote says where the work is done.
type Remote string

// The ways of working.
const (
	RemoteUnknown Remote = ""
	OnSite        Remote = "onsite"
	Hybrid        Remote = "hybrid"
	FullyRemote   Remote = "remote"
)

// Remotes lists the ways of working a form offers.
var Remotes = []Remote{RemoteUnknown, OnSite, Hybrid, FullyRemote}

// Label is the way of working in words.
func (r Remote) Label() string {
	switch r {
	case OnSite:
		return "On site"
	case Hybrid:
		return "Hybrid"
	case FullyRemote:
		return "Remote"
	}
	return "Not said"
}

// Sources are the usual ways an application starts; the learner may write
// any other.
var Sources = []string{"Job site", "Referral", "Recruiter", "Company site", "Network", "Job centre"}

// Event is one move of an application into a stage.
type Event struct {
	ID      uint
	StageID uint
	Date    time.Time // a calendar date
	Note    string
}

// Application is one job applied for, or about to be.
type Application struct {
	ID            uint
	Company       string
	Role          string
	URL           string
	Source        string
	Location      string
	Remote        Remote
	SalaryAsked   int64 // a year, in Currency; 0 when not said
	SalaryOffered int64
	Currency      string // ISO 4217, needed when either salary is set
	Notes         string
	Posting       string // the posting's text, pasted for later
	// ResumeVersionID is the résumé version sent, once résumés are kept.
	ResumeVersionID *uint
	// History holds every move, oldest first; the last is the current
	// stage. An application always has at least one.
	History []Event
}

// Current is the application's current stage's event: the latest by date,
// the later entered among moves on one day.
func (a Application) Current() Event {
	if len(a.History) == 0 {
		return Event{}
	}
	return a.History[len(a.History)-1]
}

// SortHistory orders the history oldest first: by date, then by the order
// the moves were entered (their IDs; unsaved moves, ID 0, last).
func SortHistory(h []Event) {
	sort.SliceStable(h, func(i, j int) bool {
		if !h[i].Date.Equal(h[j].Date) {
			return h[i].Date.Before(h[j].Date)
		}
		return h[i].ID != 0 && (h[j].ID == 0 || h[i].ID < h[j].ID)
	})
}

// LastMove is the date of the latest move.
func (a Application) LastMove() time.Time { return a.Current().Date }

// Contact is a person met in the search.
type Contact struct {
	ID      uint
	Name    string
	Role    string
	Company string
	Email   string
	Link    string
	Notes   string
}

// Interview is a timed event of an application.
type Interview struct {
	ID            uint
	ApplicationID uint
	Start         time.Time // wall-clock time of day, in UTC as a stand-in for local
	Minutes       int
	Place         string
	Link          string
	ContactID     *uint
	Notes         string
}

// End is when the interview is over.
func (iv Interview) End() time.Time { return iv.Start.Add(time.Duration(iv.Minutes) * time.Minute) }

// Limits on how much of the search one file keeps.
const (
	MaxApplications = 10_000
	MaxStages       = 50
	MaxEvents       = 100_000
	MaxContacts     = 5_000
	MaxInterviews   = 20_000
	MaxSalary       = 100_000_000_000
	DefaultFollowUp = 7 // days without a move before a follow-up is due
	MaxFollowUp     = 365
)

// ValidateStage checks a stage's name and kind.
func ValidateStage(s Stage) error {
	if err := plan.ValidateName("stage's name", s.Name); err != nil {
		return err
	}
	if !s.Kind.Valid() {
		return fmt.Errorf("%q is not a kind of stage; use one of %s", s.Kind, kindList())
	}
	return nil
}

func kindList() string {
	parts := make([]string, len(Kinds))
	for i, k := range Kinds {
		parts[i] = string(k)
	}
	return strings.Join(parts, ", ")
}

// ValidateApplication checks every field of an application and its
// history against the stages known (by ID); stages may be nil to skip that
// check.
func ValidateApplication(a Application, stages map[uint]bool) error {
	if err := ValidateFields(a); err != nil {
		return err
	}
	return ValidateHistory(a.History, stages)
}

// ValidateFields checks an application's own fields, not its history.
func ValidateFields(a Application) error {
	if err := plan.ValidateName("company", a.Company); err != nil {
		return err
	}
	if err := plan.ValidateName("role", a.Role); err != nil {
		return err
	}
	for _, f := range []struct {
		what, s string
		max     int
	}{
		{"source", a.Source, plan.MaxNameLen}, {"location", a.Location, plan.MaxNameLen},
		{"web address", a.URL, plan.MaxTextLen}, {"notes", a.Notes, plan.MaxNotesLen}, {"posting's text", a.Posting, plan.MaxNotesLen},
	} {
		if err := plan.ValidateLength(f.what, f.s, f.max); err != nil {
			return err
		}
	}
	if strings.TrimSpace(a.URL) != "" {
		if err := plan.ValidateURL(a.URL); err != nil {
			return err
		}
	}
	if err := validateMoney(a); err != nil {
		return err
	}
	switch a.Remote {
	case RemoteUnknown, OnSite, Hybrid, FullyRemote:
	default:
		return fmt.Errorf("%q is not a way of working; use onsite, hybrid or remote, or leave it empty", a.Remote)
	}
	return nil
}

func validateMoney(a Application) error {
	for _, m := range []struct {
		what string
		v    int64
	}{{"salary asked", a.SalaryAsked}, {"salary offered", a.SalaryOffered}} {
		if m.v < 0 || m.v > MaxSalary {
			return fmt.Errorf("the %s must be between 0 and %d, not %d", m.what, int64(MaxSalary), m.v)
		}
	}
	if a.Currency == "" {
		if a.SalaryAsked > 0 || a.SalaryOffered > 0 {
			return fmt.Errorf("a salary needs its currency, a three-letter code such as EUR")
		}
		return nil
	}
	if len(a.Currency) != 3 || strings.ToUpper(a.Currency) != a.Currency || strings.ContainsFunc(a.Currency, func(r rune) bool { return r < 'A' || r > 'Z' }) {
		return fmt.Errorf("%q is not a currency code; write three capital letters such as EUR or USD", a.Currency)
	}
	return nil
}

// ValidateHistory checks an application's moves: at least one, each with
// a date in range, a note of a sane length, and a stage that exists.
func ValidateHistory(h []Event, stages map[uint]bool) error {
	if len(h) == 0 {
		return fmt.Errorf("an application needs a stage; choose one")
	}
	for _, e := range h {
		if err := ValidateEvent(e, stages); err != nil {
			return err
		}
	}
	return nil
}

// ValidateEvent checks one move.
func ValidateEvent(e Event, stages map[uint]bool) error {
	if err := plan.ValidateDate("date of the move", e.Date); err != nil {
		return err
	}
	if err := plan.ValidateLength("note of the move", e.Note, plan.MaxTextLen); err != nil {
		return err
	}
	if stages != nil && !stages[e.StageID] {
		return fmt.Errorf("the stage of the move no longer exists; choose another")
	}
	return nil
}

// ValidateContact checks a contact.
func ValidateContact(c Contact) error {
	if err := plan.ValidateName("contact's name", c.Name); err != nil {
		return err
	}
	for _, f := range []struct {
		what, s string
		max     int
	}{
		{"contact's role", c.Role, plan.MaxNameLen}, {"contact's company", c.Company, plan.MaxNameLen},
		{"email address", c.Email, plan.MaxNameLen}, {"contact's link", c.Link, plan.MaxTextLen}, {"contact's notes", c.Notes, plan.MaxNotesLen},
	} {
		if err := plan.ValidateLength(f.what, f.s, f.max); err != nil {
			return err
		}
	}
	if e := strings.TrimSpace(c.Email); e != "" && (!strings.Contains(e, "@") || strings.ContainsAny(e, " \t\n")) {
		return fmt.Errorf("%q is not an email address; write it as name@example.com", e)
	}
	if strings.TrimSpace(c.Link) != "" {
		return plan.ValidateURL(c.Link)
	}
	return nil
}

// ValidateInterview checks an interview.
func ValidateInterview(iv Interview) error {
	if err := plan.ValidateDate("interview's date", iv.Start); err != nil {
		return err
	}
	if iv.Minutes < 1 || iv.Minutes > 24*60 {
		return fmt.Errorf("an interview lasts from 1 minute to 24 hours, not %d minutes", iv.Minutes)
	}
	for _, f := range []struct {
		what, s string
		max     int
	}{{"interview's place", iv.Place, plan.MaxTextLen}, {"interview's link", iv.Link, plan.MaxTextLen}, {"interview's notes", iv.Notes, plan.MaxNotesLen}} {
		if err := plan.ValidateLength(f.what, f.s, f.max); err != nil {
			return err
		}
	}
	if strings.TrimSpace(iv.Link) != "" {
		return plan.ValidateURL(iv.Link)
	}
	return nil
}

// ValidateFollowUpDays checks the follow-up setting.
func ValidateFollowUpDays(n int) error {
	if n < 1 || n > MaxFollowUp {
		return fmt.Errorf("a follow-up is due after 1 to %d days without a move, not %d", MaxFollowUp, n)
	}
	return nil
}

// ValidateHours checks the hours a week given to the search.
func ValidateHours(h float64) error {
	if h < 0 || h > 100 {
		return fmt.Errorf("the job search takes 0 to 100 hours a week, not %g", h)
	}
	return nil
}

// Settings are the search's own settings.
type Settings struct {
	FollowUpDays int     // days without a move before a follow-up is due
	HoursPerWeek float64 // hours a week the search takes from the plan's capacity
}

// DefaultSettings: a follow-up after a week, no hours taken.
func DefaultSettings() Settings { return Settings{FollowUpDays: DefaultFollowUp} }

// Validate checks both settings.
func (s Settings) Validate() error {
	if err := ValidateFollowUpDays(s.FollowUpDays); err != nil {
		return err
	}
	return ValidateHours(s.HoursPerWeek)
}
