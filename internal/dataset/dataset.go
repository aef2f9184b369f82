// Package dataset generates a large, realistic learner's data for
// benchmarks: five years of study with about ten thousand sessions, 300
// skills in 20 categories with prerequisites, 60 roadmap steps with
// checklists, 50 portfolio projects, 200 salary entries and days off.
package dataset

import (
	"fmt"
	"math/rand"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// Sizes of the large dataset.
const (
	Years      = 5
	Categories = 20
	Skills     = 300
	Steps      = 60
	Projects   = 50
	Salaries   = 200
)

// Large builds the dataset deterministically from seed, ending on today.
func Large(seed int64, today time.Time) snapshot.Document {
	r := rand.New(rand.NewSource(seed))
	today = plan.Date(today)
	start := today.AddDate(-Years, 0, 0)
	doc := snapshot.Empty()
	doc.Plan.StartDate = start.Format(time.DateOnly)
	doc.Plan.HorizonMonths = plan.MaxHorizonMonths
	doc.Plan.HoursPerWeek = 12
	doc.Plan.StudyDays = []string{"mon", "tue", "wed", "thu", "fri", "sat"}
	var names []string
	doc.SkillCategories, names = skillCategories(r)
	doc.Roadmap = roadmap(r)
	doc.Projects = projects(r, names)
	doc.Sessions = sessions(r, start, today, names)
	for i := 0; i < 40; i++ {
		doc.Plan.DaysOff = append(doc.Plan.DaysOff, snapshot.DayOff{Date: start.AddDate(0, 0, 45*i+r.Intn(30)).Format(time.DateOnly), Note: "Holiday"})
	}
	doc.Plan.DaysOff = uniqueDays(doc.Plan.DaysOff)
	doc.Salaries = salaries(r)
	doc.ExchangeRates = []snapshot.Rate{
		{Currency: "AUD", PerEUR: "1.6288", AsOf: "2023-12-31", Source: "ECB"}, {Currency: "CAD", PerEUR: "1.4595", AsOf: "2023-12-31", Source: "ECB"},
		{Currency: "GBP", PerEUR: "0.86979", AsOf: "2023-12-31", Source: "ECB"}, {Currency: "USD", PerEUR: "1.0813", AsOf: "2023-12-31", Source: "ECB"},
	}
	doc.PPP = []snapshot.PPP{{CountryCode: "US", Country: "United States", Factor: "1", Year: 2023, Source: "World Bank"}}
	return doc
}

// skillCategories makes the categories and their skills, whose
// prerequisites point only to earlier skills, so there is no circle. It
// returns every skill's name too.
func skillCategories(r *rand.Rand) ([]snapshot.Category, []string) {
	var cats []snapshot.Category
	var names []string
	for c := 0; c < Categories; c++ {
		cat := snapshot.Category{Name: fmt.Sprintf("Category %02d", c+1)}
		for s := 0; s < Skills/Categories; s++ {
			i := len(names)
			sk := snapshot.Skill{Name: fmt.Sprintf("Skill %03d", i+1), Status: pick(r, "not_started", "learning", "done", "done", "skipped"),
				CurrentLevel: r.Intn(6), TargetLevel: 3 + r.Intn(3), Hours: 5 + r.Intn(60), Notes: "Some notes about this skill.",
				Links: []snapshot.Link{{Title: "Docs", URL: fmt.Sprintf("https://example.com/skill/%d", i)}}, Prerequisites: []string{}}
			for p := 0; p < 2 && i > 0; p++ {
				if r.Intn(3) != 0 {
					continue
				}
				if pre := names[r.Intn(i)]; !contains(sk.Prerequisites, pre) {
					sk.Prerequisites = append(sk.Prerequisites, pre)
				}
			}
			names = append(names, sk.Name)
			cat.Skills = append(cat.Skills, sk)
		}
		cats = append(cats, cat)
	}
	return cats, names
}

func roadmap(r *rand.Rand) []snapshot.Step {
	var steps []snapshot.Step
	for i := 0; i < Steps; i++ {
		st := snapshot.Step{Title: fmt.Sprintf("Step %02d", i+1), Summary: "What this step is about, in a sentence or two.",
			Status: pick(r, "todo", "in_progress", "done"), Hours: 10 + r.Intn(50), CoversSkills: i == 1,
			Notes: "**Notes** for the step.", Links: []snapshot.Link{}}
		for a := 0; a < 4+r.Intn(5); a++ {
			st.Actions = append(st.Actions, snapshot.Action{Text: fmt.Sprintf("Action %d of step %d", a+1, i+1), Done: r.Intn(2) == 0})
		}
		steps = append(steps, st)
	}
	return steps
}

func projects(r *rand.Rand, names []string) []snapshot.Project {
	var out []snapshot.Project
	for i := 0; i < Projects; i++ {
		p := snapshot.Project{Name: fmt.Sprintf("Project %02d", i+1), Description: "A portfolio project.",
			RepoURL: fmt.Sprintf("https://github.com/example/project-%d", i+1), Status: pick(r, "planned", "in_progress", "done")}
		for k := 0; k < 1+r.Intn(5); k++ {
			if n := names[r.Intn(len(names))]; !contains(p.Skills, n) {
				p.Skills = append(p.Skills, n)
			}
		}
		out = append(out, p)
	}
	return out
}

// sessions are about nine thousand: five years, nine days in ten, four to
// eight short sessions on each.
func sessions(r *rand.Rand, start, today time.Time, names []string) []snapshot.Session {
	var out []snapshot.Session
	for d := start; d.Before(today); d = d.AddDate(0, 0, 1) {
		if r.Intn(10) == 0 {
			continue
		}
		for k := 0; k < 4+r.Intn(5); k++ {
			s := snapshot.Session{Date: d.Format(time.DateOnly), Minutes: 15 + r.Intn(100), Skill: names[r.Intn(len(names))]}
			if r.Intn(3) == 0 {
				s.Start = fmt.Sprintf("%02d:%02d", 6+r.Intn(15), r.Intn(60))
				s.Notes = "Worked through exercises."
			}
			out = append(out, s)
		}
	}
	return out
}

func salaries(r *rand.Rand) []snapshot.Salary {
	countries := []struct{ name, code, currency string }{
		{"United States", "US", "USD"}, {"Canada", "CA", "CAD"}, {"United Kingdom", "GB", "GBP"}, {"Australia", "AU", "AUD"}, {"Germany", "DE", "EUR"},
	}
	var out []snapshot.Salary
	for i := 0; i < Salaries; i++ {
		c := countries[i%len(countries)]
		lo := int64(30000 + r.Intn(60000))
		out = append(out, snapshot.Salary{Country: c.name, CountryCode: c.code, Level: pick(r, "junior", "mid", "senior", "unspecified"),
			Currency: c.currency, Min: lo, Max: lo + int64(5000+r.Intn(40000)), Year: 2020 + r.Intn(6), Source: fmt.Sprintf("Job ad %d", i+1)})
	}
	return out
}

func pick(r *rand.Rand, options ...string) string { return options[r.Intn(len(options))] }

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func uniqueDays(days []snapshot.DayOff) []snapshot.DayOff {
	seen := map[string]bool{}
	var out []snapshot.DayOff
	for _, d := range days {
		if !seen[d.Date] {
			seen[d.Date] = true
			out = append(out, d)
		}
	}
	return out
}

// Copied is the large dataset with its five years of sessions copied
// times over: the history of a learner who studied times × five years at
// the same pace (×16 is 142,512 sessions). Everything else (skills, steps,
// projects, salaries, days off) is the large dataset's.
//
// The copies lie wholly before the original five years: the first just
// before them, each further one a few years earlier again (five when there
// is room, so that they do not overlap; three at ×16, the earliest no
// earlier than plan.MinDate). The last five years then hold exactly the
// rows they hold at ×1, and whatever a screen shows of recent time (the
// year's heatmap, the month on view, today) reads the same rows at every
// size: a load that grows from ×1 to ×16 is reading history it does not
// show.
func Copied(seed int64, today time.Time, times int) snapshot.Document {
	doc := Large(seed, today)
	if times <= 1 {
		return doc
	}
	start := plan.Date(today).AddDate(-Years, 0, 0)
	apart := Years
	if times > 2 {
		apart = min(Years, (start.Year()-Years-plan.MinDate.Year()-1)/(times-2))
	}
	if apart < 1 {
		panic(fmt.Sprintf("dataset: %d copies of five years do not fit after %d", times, plan.MinDate.Year()))
	}
	original := doc.Sessions
	all := make([]snapshot.Session, 0, len(original)*times)
	for k := times - 1; k >= 1; k-- {
		back := Years + (k-1)*apart
		for _, s := range original {
			d, _ := time.Parse(time.DateOnly, s.Date)
			s.Date = d.AddDate(-back, 0, 0).Format(time.DateOnly)
			all = append(all, s)
		}
	}
	doc.Sessions = append(all, original...)
	return doc
}
