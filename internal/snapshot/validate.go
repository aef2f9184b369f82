package snapshot

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/salary"
)

// maxErrorsShown bounds how many problems a refused document lists.
const maxErrorsShown = 10

// Validate checks every rule a document must meet and reports the first few
// problems, each with where it is. Each value is checked by the same domain
// rule the forms and the store use (plan.ValidateStep, salary.Range.Validate
// and the rest), so a document is refused exactly when its data could not
// have been entered in the app.
func (d Document) Validate() error {
	v := &validator{}
	v.check(d.Format == Format, "format", "must be %q", Format)
	v.check(d.Version >= 1 && d.Version <= Version, "version", "must be between 1 and %d", Version)
	v.plan(d.Plan)
	steps := v.roadmap(d.Roadmap)
	skills := v.skillCategories(d.SkillCategories)
	v.projects(d.Projects, skills)
	v.sessions(d.Sessions, skills, steps)
	v.salaries(d.Salaries)
	v.comparison(d.Comparison)
	v.rates(d.ExchangeRates)
	v.pppFactors(d.PPP)
	v.resume(d.Resume, skills, d.Projects)
	v.annualRates(d.AnnualRates)
	v.surveyMedians(d.SurveyMedians)
	v.jobSearch(d.JobSearch)
	v.practice(d.Practice)
	v.links(d)
	return v.err()
}

func (v *validator) plan(p Plan) {
	if p.StartDate != "" {
		if d, ok := v.date("plan.start_date", p.StartDate); ok {
			v.domain("plan.start_date", plan.ValidateDate("start date", d))
		}
	}
	v.check(p.HorizonMonths >= plan.MinHorizonMonths && p.HorizonMonths <= plan.MaxHorizonMonths,
		"plan.horizon_months", "must be between %d and %d months, not %d", plan.MinHorizonMonths, plan.MaxHorizonMonths, p.HorizonMonths)
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
	if p.StudyTime != "" {
		v.check(plan.ValidateStudyTime(p.StudyTime) == nil, "plan.study_time", "must be a 24-hour time of day written HH:MM, like 18:30, not %q", p.StudyTime)
	}
	v.total("plan.days_off", "days off", len(p.DaysOff), plan.MaxDaysOff)
	seen := map[string]bool{}
	for i, d := range p.DaysOff {
		at := fmt.Sprintf("plan.days_off[%d]", i)
		v.check(!seen[d.Date], at+".date", "%s is listed twice", d.Date)
		seen[d.Date] = true
		if day, ok := v.date(at+".date", d.Date); ok {
			v.domain(at, plan.ValidateDayOff(plan.DayOff{Date: day, Note: d.Note}))
		}
	}
}

// roadmap checks the steps and returns the set of their titles.
func (v *validator) roadmap(steps []Step) map[string]bool {
	v.total("roadmap", "roadmap steps", len(steps), plan.MaxSteps)
	titles := map[string]bool{}
	actions, links := 0, 0
	for i, st := range steps {
		at := fmt.Sprintf("roadmap[%d]", i)
		v.check(st.Title == "" || !titles[st.Title], at+".title", "%q is used by an earlier step; step titles must be unique", st.Title)
		titles[st.Title] = true
		v.domain(at, plan.ValidateStep(st.domain(v.optionalDate(at+".target_date", st.TargetDate))))
		actions += len(st.Actions)
		links += len(st.Links)
	}
	v.total("roadmap", "checklist items", actions, plan.MaxActions)
	v.total("roadmap", "step links", links, plan.MaxStepLinks)
	return titles
}

// domain is the step as the plan package sees it, for its rules.
func (st Step) domain(target time.Time) plan.Step {
	s := plan.Step{Title: st.Title, Summary: st.Summary, Status: plan.StepStatus(st.Status), TargetDate: target,
		Notes: st.Notes, Hours: st.Hours, CoversSkills: st.CoversSkills, Links: domainLinks(st.Links)}
	for _, a := range st.Actions {
		s.Actions = append(s.Actions, plan.Action{Text: a.Text, Done: a.Done})
	}
	return s
}

func domainLinks(links []Link) []plan.Link {
	out := make([]plan.Link, len(links))
	for i, l := range links {
		out[i] = plan.Link{Title: l.Title, URL: l.URL}
	}
	return out
}

// skillCategories checks the categories and their skills, prerequisites
// included, and returns the set of skill names.
func (v *validator) skillCategories(cats []Category) map[string]bool {
	v.total("skill_categories", "skill categories", len(cats), plan.MaxCategories)
	categories, skills := map[string]bool{}, map[string]bool{}
	count, links := 0, 0
	for i, c := range cats {
		at := fmt.Sprintf("skill_categories[%d]", i)
		v.domain(at+".name", plan.ValidateCategoryName(c.Name))
		v.check(c.Name == "" || !categories[c.Name], at+".name", "%q is used by an earlier category; category names must be unique", c.Name)
		categories[c.Name] = true
		for j, sk := range c.Skills {
			sat := fmt.Sprintf("%s.skills[%d]", at, j)
			v.check(sk.Name == "" || !skills[sk.Name], sat+".name", "%q is used by an earlier skill; skill names must be unique", sk.Name)
			skills[sk.Name] = true
			v.domain(sat, plan.ValidateSkill(sk.domain(v.optionalDate(sat+".last_practised", sk.LastPractised))))
			links += len(sk.Links)
		}
		count += len(c.Skills)
	}
	v.total("skill_categories", "skills", count, plan.MaxSkills)
	v.total("skill_categories", "skill links", links, plan.MaxSkillLinks)
	v.prerequisites(cats, skills)
	return skills
}

func (sk Skill) domain(lastPractised time.Time) plan.Skill {
	return plan.Skill{Name: sk.Name, Status: plan.SkillStatus(sk.Status), CurrentLevel: sk.CurrentLevel, TargetLevel: sk.TargetLevel,
		Hours: sk.Hours, Notes: sk.Notes, Links: domainLinks(sk.Links), LastPractised: lastPractised, Group: sk.Group}
}

func (v *validator) prerequisites(cats []Category, skills map[string]bool) {
	requires := map[string][]string{}
	total := 0
	for i, c := range cats {
		for j, sk := range c.Skills {
			sat := fmt.Sprintf("skill_categories[%d].skills[%d].prerequisites", i, j)
			total += len(sk.Prerequisites)
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
	v.total("skill_categories", "prerequisites", total, plan.MaxPrerequisites)
	if cycle := plan.FindCycle(requires); cycle != nil {
		v.add("skill_categories", "%v", cycle)
	}
}

func (v *validator) projects(projects []Project, skills map[string]bool) {
	v.total("projects", "projects", len(projects), plan.MaxProjects)
	names := map[string]bool{}
	links := 0
	for i, p := range projects {
		at := fmt.Sprintf("projects[%d]", i)
		v.check(p.Name == "" || !names[p.Name], at+".name", "%q is used by an earlier project; project names must be unique", p.Name)
		names[p.Name] = true
		started, finished := v.optionalDate(at+".started", p.Started), v.optionalDate(at+".finished", p.Finished)
		v.domain(at, plan.ValidateProject(plan.Project{Name: p.Name, Description: p.Description, RepoURL: p.RepoURL, Status: plan.ProjectStatus(p.Status),
			Started: started, Finished: finished}))
		for _, name := range p.Skills {
			v.check(skills[name], at+".skills", "names %q, which is not a skill in this document", name)
		}
		links += len(p.Skills)
	}
	v.total("projects", "skills linked to projects", links, plan.MaxProjectSkills)
}

func (v *validator) sessions(sessions []Session, skills, steps map[string]bool) {
	v.total("sessions", "study sessions", len(sessions), plan.MaxSessions)
	for i, s := range sessions {
		at := fmt.Sprintf("sessions[%d]", i)
		// A malformed date is reported once, by date, not again as missing.
		if d, ok := v.date(at+".date", s.Date); ok {
			v.domain(at, plan.ValidateSession(plan.Session{Date: d, Start: s.Start, Minutes: s.Minutes, Notes: s.Notes}))
		}
		v.check(s.Skill == "" || skills[s.Skill], at+".skill", "names %q, which is not a skill in this document", s.Skill)
		v.check(s.Step == "" || steps[s.Step], at+".step", "names %q, which is not a step in this document", s.Step)
	}
}

func (v *validator) salaries(salaries []Salary) {
	v.total("salaries", "salary ranges", len(salaries), salary.MaxRanges)
	for i, s := range salaries {
		at := fmt.Sprintf("salaries[%d]", i)
		v.date(at+".source_date", s.SourceDate)
		if err := s.Range().Validate(); err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				v.add(at, "%s", line)
			}
		}
	}
}

func (v *validator) comparison(c Comparison) {
	cmp := salary.Comparison{Base: c.BaseCurrency, TargetCountry: c.TargetCountry, TargetLevel: salary.Level(c.TargetLevel)}
	v.domain("salary_comparison", cmp.Validate())
}

func (v *validator) rates(rates []Rate) {
	v.total("exchange_rates", "exchange rates", len(rates), salary.MaxRates)
	currencies := map[string]bool{}
	for i, r := range rates {
		at := fmt.Sprintf("exchange_rates[%d]", i)
		v.check(!currencies[r.Currency], at+".currency", "%q has an earlier rate; give each currency one", r.Currency)
		currencies[r.Currency] = true
		if asOf, ok := v.date(at+".as_of", r.AsOf); ok {
			v.domain(at, salary.Rate{Currency: r.Currency, PerEUR: r.PerEUR, AsOf: asOf, Source: r.Source, Link: r.Link}.Validate())
		}
	}
}

func (v *validator) pppFactors(factors []PPP) {
	v.total("ppp_factors", "purchasing power factors", len(factors), salary.MaxPPPFactors)
	countries := map[string]bool{}
	for i, p := range factors {
		at := fmt.Sprintf("ppp_factors[%d]", i)
		v.check(!countries[p.CountryCode], at+".country_code", "%q has an earlier factor; give each country one", p.CountryCode)
		countries[p.CountryCode] = true
		released := time.Time{}
		if p.Released != "" {
			released, _ = v.date(at+".released", p.Released)
		}
		v.domain(at, salary.PPP{CountryCode: p.CountryCode, Country: p.Country, Factor: p.Factor, Year: p.Year, Source: p.Source,
			Link: p.Link, Released: released}.Validate())
	}
}

func (v *validator) annualRates(rates []AnnualRate) {
	v.total("annual_rates", "yearly average rates", len(rates), salary.MaxRates)
	seen := map[string]bool{}
	for i, r := range rates {
		at := fmt.Sprintf("annual_rates[%d]", i)
		key := fmt.Sprintf("%s %d", r.Currency, r.Year)
		v.check(!seen[key], at, "%s in %d has an earlier average; give each currency one a year", r.Currency, r.Year)
		seen[key] = true
		a := salary.AnnualRate{Currency: r.Currency, Year: r.Year, PerEUR: r.PerEUR, Source: r.Source, Link: r.Link}
		v.domain(at, a.Validate())
		v.domain(at, salary.ValidateSourceLink(r.Link))
	}
}

func (v *validator) surveyMedians(medians []Median) {
	v.total("survey_medians", "survey medians", len(medians), salary.MaxReported)
	seen := map[string]bool{}
	for i, m := range medians {
		at := fmt.Sprintf("survey_medians[%d]", i)
		key := fmt.Sprintf("%s|%s|%d", m.CountryCode, m.Role, m.Year)
		v.check(!seen[key], at, "%s has an earlier median for %q in %d", m.Country, m.Role, m.Year)
		seen[key] = true
		if err := m.Reported().Validate(); err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				v.add(at, "%s", line)
			}
		}
	}
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

// domain records a domain rule's verdict on the value at a path.
func (v *validator) domain(at string, err error) {
	if err != nil {
		v.add(at, "%v", err)
	}
}

// date reads a YYYY-MM-DD date; an empty one is the zero time. A
// malformed one is a problem, and ok is false so that it is not reported
// again as missing. (0001-01-01 reads as the zero time too, and ok: the
// domain rule then refuses it as out of range.)
func (v *validator) date(at, s string) (d time.Time, ok bool) {
	if s == "" {
		return time.Time{}, true
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		v.add(at, "must be a date written YYYY-MM-DD, not %q", s)
		return time.Time{}, false
	}
	if d.IsZero() {
		// The zero time means "no date" to the domain rules; year 1 is a
		// date out of range.
		v.add(at, "the date %s is out of range; use a date from %d to %d", s, plan.MinDate.Year(), plan.MaxDate.Year())
		return time.Time{}, false
	}
	return d, true
}

// optionalDate is date for a field the domain rule also checks: a bad
// value gives the zero time, already reported.
func (v *validator) optionalDate(at, s string) time.Time {
	d, _ := v.date(at, s)
	return d
}

// total checks one of the document's counts against the app's limit.
func (v *validator) total(at, what string, n, limit int) {
	v.domain(at, plan.CheckCount(what, n, limit))
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
