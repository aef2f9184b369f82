package dataset

import (
	"fmt"
	"math/rand"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// Demo is a learner seven weeks into the built-in plan, for screenshots and
// walkthroughs: the first step done, a few skills learned and one proven
// by a finished project, and a session on most study days since the
// start. It starts from the default content and pack given, so it shows
// the app as a learner meets it.
func Demo(content snapshot.Document, pack snapshot.Pack, today time.Time) snapshot.Document {
	r := rand.New(rand.NewSource(7))
	today = plan.Date(today)
	start := today.AddDate(0, 0, -7*7)
	doc := pack.AsDocument()
	doc.Salaries, doc.ExchangeRates, doc.PPP, doc.Comparison = content.Salaries, content.ExchangeRates, content.PPP, content.Comparison
	doc.Plan = content.Plan
	doc.Plan.StartDate = start.Format(time.DateOnly)
	doc.Plan.HoursPerWeek = 18
	doc.Plan.StudyDays = []string{"mon", "tue", "wed", "thu", "sat"}
	doc.Plan.DaysOff = []snapshot.DayOff{{Date: today.AddDate(0, 0, 30).Format(time.DateOnly), Note: "Family visit"}}
	finishFirstStep(&doc)
	learned := learnSomeSkills(&doc)
	doc.Projects = []snapshot.Project{
		{Name: "Todo API", Description: "A small REST API with tests, deployed on a free tier.", RepoURL: "https://github.com/example/todo-api",
			Status: "done", Skills: learned[:2]},
		{Name: "Blog engine", Description: "Posts, comments and sign-in.", Status: "in_progress", Skills: learned[1:]},
	}
	doc.Sessions = demoSessions(r, start, today, learned, doc.Roadmap[0].Title)
	return doc
}

func finishFirstStep(doc *snapshot.Document) {
	doc.Roadmap[0].Status = "done"
	for i := range doc.Roadmap[0].Actions {
		doc.Roadmap[0].Actions[i].Done = true
	}
	doc.Roadmap[1].Status = "in_progress"
	for i := range doc.Roadmap[1].Actions[:2] {
		doc.Roadmap[1].Actions[i].Done = true
	}
	doc.Roadmap[1].Notes = "Going with **Go** first. Weekly goal: one skill's exercises.\n\n- [The Go tour](https://go.dev/tour/)\n- Ask for code review on Fridays"
}

// learnSomeSkills marks the first skill of a few categories done or being
// learned, and returns the names of those done.
func learnSomeSkills(doc *snapshot.Document) []string {
	var learned []string
	for i := range doc.SkillCategories {
		skills := doc.SkillCategories[i].Skills
		switch {
		case i < 4:
			skills[0].Status, skills[0].CurrentLevel = "done", 3
			learned = append(learned, skills[0].Name)
		case i < 6:
			skills[0].Status, skills[0].CurrentLevel = "learning", 1
		}
	}
	return learned
}

func demoSessions(r *rand.Rand, start, today time.Time, skills []string, firstStep string) []snapshot.Session {
	var out []snapshot.Session
	for d := start; d.Before(today); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd == time.Friday || wd == time.Sunday || r.Intn(8) == 0 {
			continue
		}
		s := snapshot.Session{Date: d.Format(time.DateOnly), Start: fmt.Sprintf("%02d:%02d", 18+r.Intn(3), 15*r.Intn(4)),
			Minutes: 30 + 15*r.Intn(6), Skill: skills[r.Intn(len(skills))]}
		if d.Before(start.AddDate(0, 0, 7)) {
			s.Skill, s.Step = "", firstStep
		}
		out = append(out, s)
	}
	return out
}
