package jobsearch

import (
	"sort"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// Board is the stages with the applications in each, as read together.
type Board struct {
	Stages       []Stage
	Applications []Application
	Interviews   []Interview
	Contacts     []Contact
}

// StageOf is the stage with the ID, and whether it exists.
func (b Board) StageOf(id uint) (Stage, bool) {
	for _, s := range b.Stages {
		if s.ID == id {
			return s, true
		}
	}
	return Stage{}, false
}

// StageNamed finds a stage by name, ignoring case.
func (b Board) StageNamed(name string) (Stage, bool) {
	for _, s := range b.Stages {
		if strings.EqualFold(strings.TrimSpace(s.Name), strings.TrimSpace(name)) {
			return s, true
		}
	}
	return Stage{}, false
}

// KnownStages is the set of stage IDs, for ValidateApplication.
func (b Board) KnownStages() map[uint]bool {
	m := make(map[uint]bool, len(b.Stages))
	for _, s := range b.Stages {
		m[s.ID] = true
	}
	return m
}

// InStage lists the applications whose current stage is id, the one
// moved longest ago first.
func (b Board) InStage(id uint) []Application {
	var out []Application
	for _, a := range b.Applications {
		if a.Current().StageID == id {
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].LastMove().Before(out[j].LastMove()) })
	return out
}

// Action is what to do next about an application, and when.
type Action struct {
	What      string
	Due       time.Time // a date, or for an interview its start
	Interview bool
	Overdue   bool // the date has passed (a follow-up that is due)
}

// DaysSince counts the whole days from the last move to today.
func DaysSince(a Application, today time.Time) int {
	return int(plan.Date(today).Sub(plan.Date(a.LastMove())).Hours() / 24)
}

// FollowUpDue says when a follow-up on a still-open application is due:
// followUpDays after its last move. ok is false for an application that
// ended.
func FollowUpDue(a Application, kind Kind, followUpDays int) (due time.Time, ok bool) {
	if !kind.Open() || len(a.History) == 0 {
		return time.Time{}, false
	}
	if followUpDays <= 0 {
		followUpDays = DefaultFollowUp
	}
	return plan.Date(a.LastMove()).AddDate(0, 0, followUpDays), true
}

// NextAction is what the learner does next about a: the next interview
// not yet held, else a follow-up (or, for a saved posting, sending the
// application) once the last move is followUpDays old, else nothing.
func (b Board) NextAction(a Application, now time.Time, followUpDays int) (Action, bool) {
	if iv, ok := b.NextInterview(a.ID, now); ok {
		return Action{What: "Interview", Due: iv.Start, Interview: true}, true
	}
	st, _ := b.StageOf(a.Current().StageID)
	due, ok := FollowUpDue(a, st.Kind, followUpDays)
	if !ok {
		return Action{}, false
	}
	what := "Follow up"
	if st.Kind == KindSaved {
		what = "Send the application"
	}
	return Action{What: what, Due: due, Overdue: !plan.Date(now).Before(due)}, true
}

// NextInterview is the application's first interview that has not ended
// by now.
func (b Board) NextInterview(appID uint, now time.Time) (Interview, bool) {
	var best Interview
	found := false
	for _, iv := range b.Interviews {
		if iv.ApplicationID != appID || iv.End().Before(now) {
			continue
		}
		if !found || iv.Start.Before(best.Start) {
			best, found = iv, true
		}
	}
	return best, found
}

// FollowUps lists the follow-ups due by today (inclusive), oldest first.
func (b Board) FollowUps(today time.Time, followUpDays int) []Reminder {
	var out []Reminder
	for _, a := range b.Applications {
		st, _ := b.StageOf(a.Current().StageID)
		due, ok := FollowUpDue(a, st.Kind, followUpDays)
		if _, booked := b.NextInterview(a.ID, today); !ok || booked || due.After(plan.Date(today)) {
			continue
		}
		what := "Follow up"
		if st.Kind == KindSaved {
			what = "Send the application"
		}
		out = append(out, Reminder{ApplicationID: a.ID, Company: a.Company, Role: a.Role, What: what, Due: due})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Due.Before(out[j].Due) })
	return out
}

// Reminder is a follow-up due on an application.
type Reminder struct {
	ApplicationID uint
	Company, Role string
	What          string
	Due           time.Time
}

// WeekCount is how many applications were sent in the week starting Start.
type WeekCount struct {
	Start time.Time
	Count int
}

// FunnelStep is one stage of the funnel: how many applications reached it
// (or a later step) and what share of the step before did.
type FunnelStep struct {
	Stage   Stage
	Reached int
	// Conversion is Reached over the step before's Reached, 0 to 1; the
	// first step's is 1. NaN never occurs: a step after one reached by
	// none has 0.
	Conversion float64
}

// SourceResult is what the applications from one source came to.
type SourceResult struct {
	Source   string // "" is "not said"
	Sent     int
	Answered int
	Offers   int
	Hired    int
}

// Figures are the search's figures.
type Figures struct {
	Total    int // applications, saved ones included
	Sent     int // applications that were sent
	Answered int // sent ones that reached a stage with an answer
	// ResponseRate is Answered over Sent, 0 to 1 (0 with nothing sent).
	ResponseRate float64
	PerWeek      []WeekCount
	Funnel       []FunnelStep
	// MedianDaysToAnswer is the median of the days from sending to the
	// first answer, over the answered applications; HasMedian is false
	// when none was answered.
	MedianDaysToAnswer float64
	HasMedian          bool
	BySource           []SourceResult
}

// sentDate is the date of the first move into a sent stage.
func sentDate(a Application, kinds map[uint]Kind) (time.Time, bool) {
	for _, e := range a.History {
		if kinds[e.StageID].Sent() {
			return plan.Date(e.Date), true
		}
	}
	return time.Time{}, false
}

// answerDate is the date of the first move into a stage with an answer.
func answerDate(a Application, kinds map[uint]Kind) (time.Time, bool) {
	for _, e := range a.History {
		if kinds[e.StageID].Answered() {
			return plan.Date(e.Date), true
		}
	}
	return time.Time{}, false
}

// reached says whether the history holds a move into a stage of kind k.
func reached(a Application, kinds map[uint]Kind, k Kind) bool {
	for _, e := range a.History {
		if kinds[e.StageID] == k {
			return true
		}
	}
	return false
}

// Compute works out the figures of the board. Weeks start on weekStart.
func (b Board) Compute(weekStart time.Weekday) Figures {
	kinds := make(map[uint]Kind, len(b.Stages))
	for _, s := range b.Stages {
		kinds[s.ID] = s.Kind
	}
	f := Figures{Total: len(b.Applications)}
	weeks := map[time.Time]int{}
	sources := map[string]*SourceResult{}
	var sourceOrder []string
	var days []int
	for _, a := range b.Applications {
		sent, ok := sentDate(a, kinds)
		if !ok {
			continue
		}
		f.Sent++
		weeks[plan.WeekStart(sent, weekStart)]++
		r := sources[a.Source]
		if r == nil {
			r = &SourceResult{Source: a.Source}
			sources[a.Source] = r
			sourceOrder = append(sourceOrder, a.Source)
		}
		r.Sent++
		if ans, ok := answerDate(a, kinds); ok {
			f.Answered++
			r.Answered++
			days = append(days, int(ans.Sub(sent).Hours()/24))
		}
		if reached(a, kinds, KindOffer) || reached(a, kinds, KindHired) {
			r.Offers++
		}
		if reached(a, kinds, KindHired) {
			r.Hired++
		}
	}
	if f.Sent > 0 {
		f.ResponseRate = float64(f.Answered) / float64(f.Sent)
	}
	f.PerWeek = perWeek(weeks)
	f.Funnel = b.funnel(kinds)
	f.MedianDaysToAnswer, f.HasMedian = median(days)
	sort.SliceStable(sourceOrder, func(i, j int) bool {
		a, c := sources[sourceOrder[i]], sources[sourceOrder[j]]
		if a.Sent != c.Sent {
			return a.Sent > c.Sent
		}
		return a.Source < c.Source
	})
	for _, s := range sourceOrder {
		f.BySource = append(f.BySource, *sources[s])
	}
	return f
}

// perWeek lists every week from the first with an application to the
// last, the empty ones too, so a chart shows the gaps.
func perWeek(weeks map[time.Time]int) []WeekCount {
	if len(weeks) == 0 {
		return nil
	}
	var first, last time.Time
	for w := range weeks {
		if first.IsZero() || w.Before(first) {
			first = w
		}
		if w.After(last) {
			last = w
		}
	}
	var out []WeekCount
	for w := first; !w.After(last); w = w.AddDate(0, 0, 7) {
		out = append(out, WeekCount{Start: w, Count: weeks[w]})
	}
	return out
}

// funnel counts, for each funnel stage in board order, the applications
// whose history reached it or a later funnel stage: an application that
// went from Applied straight to the final interview passed the screening.
func (b Board) funnel(kinds map[uint]Kind) []FunnelStep {
	var steps []FunnelStep
	for _, s := range b.Stages {
		if s.Kind.inFunnel() {
			steps = append(steps, FunnelStep{Stage: s})
		}
	}
	for _, a := range b.Applications {
		furthest := -1
		for _, e := range a.History {
			if !kinds[e.StageID].inFunnel() {
				continue
			}
			for i, st := range steps {
				if st.Stage.ID == e.StageID && i > furthest {
					furthest = i
				}
			}
		}
		for i := 0; i <= furthest; i++ {
			steps[i].Reached++
		}
	}
	for i := range steps {
		switch {
		case i == 0:
			steps[i].Conversion = 1
		case steps[i-1].Reached > 0:
			steps[i].Conversion = float64(steps[i].Reached) / float64(steps[i-1].Reached)
		}
	}
	return steps
}

func median(xs []int) (float64, bool) {
	if len(xs) == 0 {
		return 0, false
	}
	s := append([]int(nil), xs...)
	sort.Ints(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2]), true
	}
	return float64(s[n/2-1]+s[n/2]) / 2, true
}

// AgendaItem is an appointment of the search: an interview at its time,
// or a follow-up due on its day.
type AgendaItem struct {
	ApplicationID uint
	Interview     bool
	Start         time.Time // an interview's start; a follow-up's day (at midnight)
	Minutes       int       // an interview's length; 0 for a follow-up
	Company, Role string
	What          string // "Interview", "Follow up", "Send the application"
	Place, Link   string
}

// Title is what the appointment says in a calendar: "Interview: Acme
// (Go developer)".
func (it AgendaItem) Title() string {
	return it.What + ": " + it.Company + " (" + it.Role + ")"
}

// Agenda lists the interviews starting in [from, to) and the follow-ups
// due in it, by time. A follow-up already overdue on today is listed on
// today, since that is when it can still be done.
func (b Board) Agenda(from, to, today time.Time, followUpDays int) []AgendaItem {
	var out []AgendaItem
	apps := map[uint]Application{}
	for _, a := range b.Applications {
		apps[a.ID] = a
	}
	for _, iv := range b.Interviews {
		a := apps[iv.ApplicationID]
		if iv.Start.Before(from) || !iv.Start.Before(to) {
			continue
		}
		out = append(out, AgendaItem{ApplicationID: a.ID, Interview: true, Start: iv.Start, Minutes: iv.Minutes,
			Company: a.Company, Role: a.Role, What: "Interview", Place: iv.Place, Link: iv.Link})
	}
	today = plan.Date(today)
	for _, a := range b.Applications {
		st, _ := b.StageOf(a.Current().StageID)
		due, ok := FollowUpDue(a, st.Kind, followUpDays)
		if _, booked := b.NextInterview(a.ID, today); !ok || booked {
			continue // an interview to come is the next step, not a follow-up
		}
		if due.Before(today) {
			due = today
		}
		if due.Before(from) || !due.Before(to) {
			continue
		}
		what := "Follow up"
		if st.Kind == KindSaved {
			what = "Send the application"
		}
		out = append(out, AgendaItem{ApplicationID: a.ID, Start: due, Company: a.Company, Role: a.Role, What: what})
	}
	// By day; on a day, the interviews first (the calendar's day shows
	// the first), then by time.
	sort.SliceStable(out, func(i, j int) bool {
		di, dj := plan.Date(out[i].Start), plan.Date(out[j].Start)
		if !di.Equal(dj) {
			return di.Before(dj)
		}
		if out[i].Interview != out[j].Interview {
			return out[i].Interview
		}
		return out[i].Start.Before(out[j].Start)
	})
	return out
}
