package snapshot

import (
	"fmt"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/internal/jobsearch"
)

// JobSearch is the job search (version 6): the board's stages in order,
// the applications with their history and interviews, the contacts, and
// the search's settings. Older documents have none, and importing them
// leaves the default stages and no applications.
type JobSearch struct {
	FollowUpDays int              `json:"follow_up_days"`
	HoursPerWeek float64          `json:"hours_per_week"`
	Stages       []JobStage       `json:"stages"`
	Applications []JobApplication `json:"applications"`
	Contacts     []JobContact     `json:"contacts"`
}

// JobStage is a column of the board; Kind is a jobsearch.Kind.
type JobStage struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// JobApplication is one application. Its history names stages by name,
// oldest move first; the last is its current stage.
type JobApplication struct {
	Company       string `json:"company"`
	Role          string `json:"role"`
	URL           string `json:"url,omitempty"`
	Source        string `json:"source,omitempty"`
	Location      string `json:"location,omitempty"`
	Remote        string `json:"remote,omitempty"`
	SalaryAsked   int64  `json:"salary_asked,omitempty"`
	SalaryOffered int64  `json:"salary_offered,omitempty"`
	Currency      string `json:"currency,omitempty"`
	Notes         string `json:"notes,omitempty"`
	Posting       string `json:"posting,omitempty"`
	// ResumeVersion names the résumé version sent, by its name in
	// Resume.Versions; empty for none.
	ResumeVersion string         `json:"resume_version,omitempty"`
	History       []JobEvent     `json:"history"`
	Interviews    []JobInterview `json:"interviews,omitempty"`
}

// JobEvent is one move into a stage.
type JobEvent struct {
	Stage string `json:"stage"`
	Date  string `json:"date"`
	Note  string `json:"note,omitempty"`
}

// JobInterview is a timed interview; Start is a wall-clock time written
// "2006-01-02T15:04"; Contact is the position in Contacts, from 1, or 0.
type JobInterview struct {
	Start   string `json:"start"`
	Minutes int    `json:"minutes"`
	Place   string `json:"place,omitempty"`
	Link    string `json:"link,omitempty"`
	Contact int    `json:"contact,omitempty"`
	Notes   string `json:"notes,omitempty"`
}

// JobContact is a person met in the search.
type JobContact struct {
	Name    string `json:"name"`
	Role    string `json:"role,omitempty"`
	Company string `json:"company,omitempty"`
	Email   string `json:"email,omitempty"`
	Link    string `json:"link,omitempty"`
	Notes   string `json:"notes,omitempty"`
}

// InterviewLayout is how an interview's start is written.
const InterviewLayout = "2006-01-02T15:04"

// DocumentJobs writes a board and its settings as the document's part.
func DocumentJobs(b jobsearch.Board, s jobsearch.Settings) *JobSearch {
	js := &JobSearch{FollowUpDays: s.FollowUpDays, HoursPerWeek: s.HoursPerWeek, Stages: []JobStage{},
		Applications: []JobApplication{}, Contacts: []JobContact{}}
	names := map[uint]string{}
	for _, st := range b.Stages {
		names[st.ID] = st.Name
		js.Stages = append(js.Stages, JobStage{Name: st.Name, Kind: string(st.Kind)})
	}
	contactAt := map[uint]int{}
	for i, c := range b.Contacts {
		contactAt[c.ID] = i + 1
		js.Contacts = append(js.Contacts, JobContact{Name: c.Name, Role: c.Role, Company: c.Company, Email: c.Email, Link: c.Link, Notes: c.Notes})
	}
	for _, a := range b.Applications {
		ja := JobApplication{Company: a.Company, Role: a.Role, URL: a.URL, Source: a.Source, Location: a.Location, Remote: string(a.Remote),
			SalaryAsked: a.SalaryAsked, SalaryOffered: a.SalaryOffered, Currency: a.Currency, Notes: a.Notes, Posting: a.Posting,
			History: []JobEvent{}}
		for _, e := range a.History {
			ja.History = append(ja.History, JobEvent{Stage: names[e.StageID], Date: e.Date.Format(time.DateOnly), Note: e.Note})
		}
		for _, iv := range b.Interviews {
			if iv.ApplicationID != a.ID {
				continue
			}
			ji := JobInterview{Start: iv.Start.Format(InterviewLayout), Minutes: iv.Minutes, Place: iv.Place, Link: iv.Link, Notes: iv.Notes}
			if iv.ContactID != nil {
				ji.Contact = contactAt[*iv.ContactID]
			}
			ja.Interviews = append(ja.Interviews, ji)
		}
		js.Applications = append(js.Applications, ja)
	}
	return js
}

// Board reads the document's part back as a board: stages numbered from 1
// in order, applications from 1 with their history and interviews,
// contacts from 1. It expects a validated document.
func (js *JobSearch) Board() (jobsearch.Board, jobsearch.Settings) {
	if js == nil {
		return jobsearch.Board{Stages: jobsearch.DefaultStages()}, jobsearch.DefaultSettings()
	}
	b := jobsearch.Board{}
	byName := map[string]uint{}
	for i, s := range js.Stages {
		id := uint(i + 1)
		byName[strings.ToLower(strings.TrimSpace(s.Name))] = id
		b.Stages = append(b.Stages, jobsearch.Stage{ID: id, Position: i + 1, Name: s.Name, Kind: jobsearch.Kind(s.Kind)})
	}
	for i, c := range js.Contacts {
		b.Contacts = append(b.Contacts, jobsearch.Contact{ID: uint(i + 1), Name: c.Name, Role: c.Role, Company: c.Company, Email: c.Email, Link: c.Link, Notes: c.Notes})
	}
	for i, ja := range js.Applications {
		a := ja.domain()
		a.ID = uint(i + 1)
		for _, e := range ja.History {
			d, _ := time.Parse(time.DateOnly, e.Date)
			a.History = append(a.History, jobsearch.Event{StageID: byName[strings.ToLower(strings.TrimSpace(e.Stage))], Date: d, Note: e.Note})
		}
		for _, ji := range ja.Interviews {
			iv := ji.domain()
			iv.ApplicationID = a.ID
			if ji.Contact > 0 {
				c := uint(ji.Contact)
				iv.ContactID = &c
			}
			b.Interviews = append(b.Interviews, iv)
		}
		b.Applications = append(b.Applications, a)
	}
	return b, jobsearch.Settings{FollowUpDays: js.FollowUpDays, HoursPerWeek: js.HoursPerWeek}
}

func (ja JobApplication) domain() jobsearch.Application {
	return jobsearch.Application{Company: ja.Company, Role: ja.Role, URL: ja.URL, Source: ja.Source, Location: ja.Location,
		Remote: jobsearch.Remote(ja.Remote), SalaryAsked: ja.SalaryAsked, SalaryOffered: ja.SalaryOffered, Currency: ja.Currency,
		Notes: ja.Notes, Posting: ja.Posting}
}

func (ji JobInterview) domain() jobsearch.Interview {
	start, _ := time.Parse(InterviewLayout, ji.Start)
	return jobsearch.Interview{Start: start, Minutes: ji.Minutes, Place: ji.Place, Link: ji.Link, Notes: ji.Notes}
}

// jobSearch checks the document's job search with the domain's rules.
func (v *validator) jobSearch(js *JobSearch) {
	if js == nil {
		return
	}
	v.domain("job_search", jobsearch.Settings{FollowUpDays: js.FollowUpDays, HoursPerWeek: js.HoursPerWeek}.Validate())
	v.total("job_search.stages", "stages", len(js.Stages), jobsearch.MaxStages)
	v.total("job_search.applications", "applications", len(js.Applications), jobsearch.MaxApplications)
	v.total("job_search.contacts", "contacts", len(js.Contacts), jobsearch.MaxContacts)
	stages := map[string]bool{}
	for i, s := range js.Stages {
		at := fmt.Sprintf("job_search.stages[%d]", i)
		key := strings.ToLower(strings.TrimSpace(s.Name))
		v.check(!stages[key], at, "a stage called %q is listed twice", s.Name)
		stages[key] = true
		v.domain(at, jobsearch.ValidateStage(jobsearch.Stage{Name: s.Name, Kind: jobsearch.Kind(s.Kind)}))
	}
	for i, c := range js.Contacts {
		v.domain(fmt.Sprintf("job_search.contacts[%d]", i), jobsearch.ValidateContact(jobsearch.Contact{Name: c.Name, Role: c.Role,
			Company: c.Company, Email: c.Email, Link: c.Link, Notes: c.Notes}))
	}
	events, interviews := 0, 0
	for i, a := range js.Applications {
		at := fmt.Sprintf("job_search.applications[%d]", i)
		v.domain(at, jobsearch.ValidateFields(a.domain()))
		v.check(len(a.History) > 0, at+".history", "an application needs at least one move into a stage")
		events += len(a.History)
		interviews += len(a.Interviews)
		v.jobHistory(at, a.History, stages)
		for j, iv := range a.Interviews {
			iat := fmt.Sprintf("%s.interviews[%d]", at, j)
			if _, err := time.Parse(InterviewLayout, iv.Start); err != nil {
				v.add(iat+".start", "must be a date and time written YYYY-MM-DDTHH:MM, not %q", iv.Start)
				continue
			}
			v.domain(iat, jobsearch.ValidateInterview(iv.domain()))
			v.check(iv.Contact >= 0 && iv.Contact <= len(js.Contacts), iat+".contact", "there is no contact number %d", iv.Contact)
		}
	}
	v.total("job_search.applications[].history", "moves between stages", events, jobsearch.MaxEvents)
	v.total("job_search.applications[].interviews", "interviews", interviews, jobsearch.MaxInterviews)
}

func (v *validator) jobHistory(at string, h []JobEvent, stages map[string]bool) {
	var last time.Time
	for j, e := range h {
		eat := fmt.Sprintf("%s.history[%d]", at, j)
		v.check(stages[strings.ToLower(strings.TrimSpace(e.Stage))], eat+".stage", "%q is not one of the document's stages", e.Stage)
		d, ok := v.date(eat+".date", e.Date)
		if !ok {
			continue
		}
		v.domain(eat, jobsearch.ValidateEvent(jobsearch.Event{Date: d, Note: e.Note}, nil))
		v.check(!d.Before(last), eat+".date", "the history must be oldest first; %s comes after %s", e.Date, last.Format(time.DateOnly))
		last = d
	}
}
