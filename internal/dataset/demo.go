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
	doc.AnnualRates, doc.SurveyMedians = content.AnnualRates, content.SurveyMedians
	doc.Plan = content.Plan
	doc.Plan.StartDate = start.Format(time.DateOnly)
	doc.Plan.HoursPerWeek = 18
	doc.Plan.StudyDays = []string{"mon", "tue", "wed", "thu", "sat"}
	doc.Plan.DaysOff = []snapshot.DayOff{{Date: today.AddDate(0, 0, 30).Format(time.DateOnly), Note: "Family visit"}}
	finishFirstStep(&doc)
	learned := learnSomeSkills(&doc)
	doc.Projects = []snapshot.Project{
		{Name: "Todo API", Description: "A small REST API with tests, deployed on a free tier.", RepoURL: "https://github.com/example/todo-api",
			Status: "done", Skills: learned[:2], Started: start.AddDate(0, 0, 14).Format(time.DateOnly),
			Finished: today.AddDate(0, 0, -10).Format(time.DateOnly)},
		{Name: "Blog engine", Description: "Posts, comments and sign-in.", Status: "in_progress", Skills: learned[1:]},
	}
	doc.Sessions = demoSessions(r, start, today, learned, doc.Roadmap[0].Title)
	doc.Resume = demoResume(learned, today)
	return doc
}

// demoResume is a career changer's résumé: a profile, a job before
// programming, a degree, a course, and one version tailored to a posting.
func demoResume(learned []string, today time.Time) *snapshot.Resume {
	return &snapshot.Resume{
		Profile: snapshot.ResumeProfile{Name: "Łukasz Żółć", Headline: "Junior backend developer", Email: "lukasz@example.com",
			Phone: "+48 600 123 456", Location: "Kraków, Poland",
			Links: []snapshot.ResumeLink{{Network: "GitHub", URL: "https://github.com/example"},
				{Network: "LinkedIn", URL: "https://www.linkedin.com/in/example"}},
			Summary: "Former warehouse team lead learning backend development in Go, with a finished REST API to show for it."},
		Work: []snapshot.ResumeWork{{Company: "Example Logistics", Position: "Warehouse team lead", Start: "2019-03", End: "2025-06",
			Summary:    "Led a team of eight on the night shift.",
			Highlights: []string{"Cut picking errors by a third with a shared checklist", "Wrote the spreadsheets the shift still plans with"}}},
		Education: []snapshot.ResumeEducation{{Institution: "Example University", Area: "Geography", StudyType: "Bachelor", Start: "2014", End: "2017"}},
		Certificates: []snapshot.ResumeCertificate{{Name: "A Tour of Go", Issuer: "go.dev", Date: today.AddDate(0, -1, 0).Format("2006-01"),
			URL: "https://go.dev/tour/"}},
		Versions: []snapshot.ResumeVersion{{Name: "Example Corp – Go backend", Posting: "We build our services in Go on PostgreSQL.",
			Skills: []string{learned[0], learned[1]}, Projects: []string{"Todo API"}, Created: today.UTC().Format(time.RFC3339)}},
	}
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

// demoChoices are the demo learner's answers to the pack's choose-one
// groups: Go, its standard library, PostgreSQL.
var demoChoices = map[string]string{
	"Main language": "Go",
	"Web framework": "Go's net/http and a router (Go)",
	"Main database": "PostgreSQL in practice",
}

// learnSomeSkills makes the demo learner's choices in the choose-one
// groups (the others set aside), marks the first open skill of a few
// categories done or being learned, and returns the names of those done.
func learnSomeSkills(doc *snapshot.Document) []string {
	var learned []string
	for i := range doc.SkillCategories {
		skills := doc.SkillCategories[i].Skills
		first := -1
		for j := range skills {
			if skills[j].Group != "" && demoChoices[skills[j].Group] != skills[j].Name {
				skills[j].Status = string(plan.SkillSkipped)
			} else if first < 0 {
				first = j
			}
		}
		switch {
		case first < 0:
		case i < 4:
			skills[first].Status, skills[first].CurrentLevel = "done", 3
			learned = append(learned, skills[first].Name)
		case i < 6:
			skills[first].Status, skills[first].CurrentLevel = "learning", 1
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
