package store

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// envSeed is the seed a failing random test asks to repeat, or 0.
func envSeed() int64 {
	s, _ := strconv.ParseInt(os.Getenv("STUDYPLANNER_SEED"), 10, 64)
	return s
}

// Characters that stress encoding: multi-byte letters, emoji, what JSON
// escapes (quote, backslash, tab, line breaks) and what HTML would.
var textRunes = []rune("aZ9 éß漢字😀🦫\"\\\t\n\r<>&'-=+@")

func randomText(rng *rand.Rand, max int) string {
	n := rng.Intn(max + 1)
	if rng.Intn(4) == 0 {
		n = max // the limit itself
	}
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteRune(textRunes[rng.Intn(len(textRunes))])
	}
	return b.String()
}

// randomName is a name no other has (the index makes it unique) with
// random text around it, at most MaxNameLen characters.
func randomName(rng *rand.Rand, i int) string {
	id := fmt.Sprintf("#%d", i)
	return id + randomText(rng, plan.MaxNameLen-len(id))
}

func randomDate(rng *rand.Rand) string {
	span := int(plan.MaxDate.Sub(plan.MinDate).Hours() / 24)
	return plan.MinDate.AddDate(0, 0, rng.Intn(span+1)).Format(time.DateOnly)
}

func randomLinks(rng *rand.Rand) []snapshot.Link {
	links := []snapshot.Link{}
	for i := rng.Intn(3); i > 0; i-- {
		links = append(links, snapshot.Link{Title: randomText(rng, plan.MaxNameLen), URL: "https://example.com/" + strconv.Itoa(rng.Int())})
	}
	return links
}

// randomDocument is a valid document with random content at the edges of
// what the rules allow.
func randomDocument(rng *rand.Rand) snapshot.Document {
	doc := snapshot.Empty()
	doc.Plan.StartDate = randomDate(rng)
	doc.Plan.HoursPerWeek = float64(1+rng.Intn(199)) / 2
	for i := rng.Intn(5); i > 0; i-- {
		doc.Plan.DaysOff = append(doc.Plan.DaysOff, snapshot.DayOff{Date: fmt.Sprintf("2027-%02d-%02d", 1+i, 1+rng.Intn(28)), Note: randomText(rng, plan.MaxNameLen)})
	}
	n := 0
	for i := rng.Intn(5); i > 0; i-- {
		n++
		st := snapshot.Step{Title: randomName(rng, n), Summary: randomText(rng, 300), Status: string(plan.StepStatuses[rng.Intn(4)]),
			Hours: rng.Intn(plan.MaxHours + 1), Notes: randomText(rng, 2000), Actions: []snapshot.Action{}, Links: randomLinks(rng)}
		if rng.Intn(2) == 0 {
			st.TargetDate = randomDate(rng)
		}
		for j := rng.Intn(4); j > 0; j-- {
			st.Actions = append(st.Actions, snapshot.Action{Text: randomName(rng, 1000+n*10+j), Done: rng.Intn(2) == 0})
		}
		doc.Roadmap = append(doc.Roadmap, st)
	}
	var skills []string
	for c := rng.Intn(4); c > 0; c-- {
		n++
		cat := snapshot.Category{Name: randomName(rng, n), Skills: []snapshot.Skill{}}
		for k := rng.Intn(5); k > 0; k-- {
			n++
			sk := snapshot.Skill{Name: randomName(rng, n), Status: string(plan.SkillStatuses[rng.Intn(4)]), CurrentLevel: rng.Intn(6),
				TargetLevel: rng.Intn(6), Hours: rng.Intn(500), Notes: randomText(rng, 500), Links: randomLinks(rng), Prerequisites: []string{}}
			if len(skills) > 0 && rng.Intn(2) == 0 {
				sk.Prerequisites = append(sk.Prerequisites, skills[rng.Intn(len(skills))]) // an earlier skill: no cycle
			}
			if rng.Intn(2) == 0 {
				sk.LastPractised = randomDate(rng)
			}
			skills = append(skills, sk.Name)
			cat.Skills = append(cat.Skills, sk)
		}
		doc.SkillCategories = append(doc.SkillCategories, cat)
	}
	for p := rng.Intn(3); p > 0; p-- {
		n++
		proj := snapshot.Project{Name: randomName(rng, n), Description: randomText(rng, 300), Status: string(plan.ProjectStatuses[rng.Intn(3)]), Skills: []string{}}
		if len(skills) > 0 {
			proj.Skills = append(proj.Skills, skills[rng.Intn(len(skills))])
		}
		doc.Projects = append(doc.Projects, proj)
	}
	for s := rng.Intn(20); s > 0; s-- {
		sess := snapshot.Session{Date: randomDate(rng), Minutes: 1 + rng.Intn(plan.MaxSessionMinutes), Notes: randomText(rng, 300)}
		if rng.Intn(2) == 0 {
			sess.Start = fmt.Sprintf("%02d:%02d", rng.Intn(24), rng.Intn(60))
		}
		if len(skills) > 0 && rng.Intn(2) == 0 {
			sess.Skill = skills[rng.Intn(len(skills))]
		} else if len(doc.Roadmap) > 0 && rng.Intn(2) == 0 {
			sess.Step = doc.Roadmap[rng.Intn(len(doc.Roadmap))].Title
		}
		doc.Sessions = append(doc.Sessions, sess)
	}
	doc.Salaries = append(doc.Salaries, snapshot.Salary{Country: randomName(rng, n+1), CountryCode: "DE", Level: "junior", Currency: "EUR",
		Min: 1 + int64(rng.Intn(50000)), Max: 60000 + int64(rng.Intn(50000)), Year: 1990 + rng.Intn(100), Source: randomText(rng, 2000)})
	doc.ExchangeRates = append(doc.ExchangeRates, snapshot.Rate{Currency: "USD", PerEUR: "1." + strconv.Itoa(rng.Intn(9999)), AsOf: randomDate(rng), Source: randomText(rng, 300)})
	doc.PPP = append(doc.PPP, snapshot.PPP{CountryCode: "DE", Country: randomText(rng, plan.MaxNameLen), Factor: "0.7" + strconv.Itoa(rng.Intn(99)), Year: 1990 + rng.Intn(100), Source: randomText(rng, 300)})
	return doc
}
