package app

import (
	"time"

	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/resume"
	"github.com/studyplanner/studyplanner/internal/salary"
)

// HistoryDays is how far back the headlines (streak, pace, the year of
// study) read the study days: a year and a week.
const HistoryDays = 371

// DashboardReader is what the dashboard reads.
type DashboardReader interface {
	PlanReader
	SalaryReader
	DailyMinutes(from, to time.Time) (map[time.Time]int, error)
	Sessions(from, to time.Time) ([]plan.Session, error)
	Projects() ([]plan.Project, error)
	JobBoard() (jobsearch.Board, error)
	JobSettings() (jobsearch.Settings, error)
	PracticeDue(now time.Time) (today, week int, err error)
}

// Dashboard is the learner's standing on one day: the schedule, the study
// days of the last year, and the pay they aim for.
type Dashboard struct {
	Schedule
	Overview plan.Overview
	Minutes  map[time.Time]int
	Pay      TargetPay
	// TodayPlan is today's planned work; Week how this week goes.
	TodayPlan []TodayItem
	Week      plan.Week
	// Portfolio is what the portfolio lacks to show the skills done.
	Portfolio resume.Health
	// Jobs are today's interviews and the follow-ups due (the overdue
	// ones too).
	Jobs []jobsearch.AgendaItem
	// CardsDue and CardsThisWeek are the practice cards due by the end of
	// today and by the end of the week.
	CardsDue, CardsThisWeek int
}

// LoadDashboard reads and works out everything the dashboard shows.
func LoadDashboard(r DashboardReader, today time.Time) (Dashboard, error) {
	return inOneSnapshot(r, func(r DashboardReader) (Dashboard, error) { return loadDashboard(r, today) })
}

func loadDashboard(r DashboardReader, today time.Time) (Dashboard, error) {
	s, err := loadSchedule(r, today)
	if err != nil {
		return Dashboard{}, err
	}
	minutes, err := r.DailyMinutes(s.Today.AddDate(0, 0, -HistoryDays), s.Today.AddDate(0, 0, 1))
	if err != nil {
		return Dashboard{}, err
	}
	data, err := loadSalaries(r)
	if err != nil {
		return Dashboard{}, err
	}
	sessions, err := r.Sessions(s.Today, s.Today.AddDate(0, 0, 1))
	if err != nil {
		return Dashboard{}, err
	}
	loggedToday := plan.Logged{BySkill: map[uint]int{}, ByStep: map[uint]int{}}
	for _, sess := range sessions {
		if sess.SkillID != 0 {
			loggedToday.BySkill[sess.SkillID] += sess.Minutes
		} else if sess.StepID != 0 {
			loggedToday.ByStep[sess.StepID] += sess.Minutes
		}
	}
	projects, err := r.Projects()
	if err != nil {
		return Dashboard{}, err
	}
	agenda, err := JobAgenda(r, s.Today)
	if err != nil {
		return Dashboard{}, err
	}
	d := Dashboard{Schedule: s, Overview: s.Plan.Overview(), Minutes: minutes, Pay: data.TargetPay(),
		TodayPlan: s.TodaysPlan(loggedToday), Week: s.Plan.WeekOf(minutes, s.Today),
		Portfolio: resume.CheckHealth(s.Plan.Categories, projects), Jobs: agenda[s.Today]}
	if d.CardsDue, d.CardsThisWeek, err = r.PracticeDue(today); err != nil {
		return Dashboard{}, err
	}
	return d, nil
}

// TargetPay is the published range for the learner's target country and
// level, and what it is in their comparison currency.
type TargetPay struct {
	Settings salary.Comparison
	Range    salary.Range
	Found    bool
	// InBase is the range converted, when it is in another currency and
	// can be converted.
	InBase *salary.Compared
}

// TodayItem is one piece of today's planned work, with the first thing to
// open for it.
type TodayItem struct {
	plan.PlanItem
	// Next is the next open checklist item of a step's own work, or the
	// first resource of a skill, with its address.
	Next, NextURL string
	// LoggedMinutes is what was logged on it today already.
	LoggedMinutes int
}

// TodaysPlan is today's work with what to open first for each piece.
func (s Schedule) TodaysPlan(loggedToday plan.Logged) []TodayItem {
	var items []TodayItem
	for _, it := range s.TodaysWork() {
		item := TodayItem{PlanItem: it}
		if it.SkillID != 0 {
			item.LoggedMinutes = loggedToday.BySkill[it.SkillID]
			if sk, ok := s.Plan.Skill(it.SkillID); ok && len(sk.Links) > 0 {
				item.Next, item.NextURL = linkTitle(sk.Links[0]), sk.Links[0].URL
			}
		} else if st, ok := s.Plan.Step(it.StepID); ok {
			item.LoggedMinutes = loggedToday.ByStep[it.StepID]
			for _, a := range st.Actions {
				if !a.Done {
					item.Next = a.Text
					break
				}
			}
		}
		items = append(items, item)
	}
	return items
}

func linkTitle(l plan.Link) string {
	if l.Title != "" {
		return l.Title
	}
	return l.URL
}
