package plan

import (
	"math"
	"math/rand"
	"strconv"
	"testing"
	"time"
)

// fourLanguages is the default roadmap's shape: one main language of four,
// plus 100 h of other skills, at 10 h a week over nine months.
func fourLanguages() Plan {
	s := DefaultSettings(day("2027-01-04"), time.Monday)
	langs := Category{ID: 1, Name: "Programming languages"}
	for i, l := range []struct {
		name  string
		hours int
	}{{"Java", 60}, {"Python", 60}, {"Ruby", 40}, {"Go", 40}} {
		langs.Skills = append(langs.Skills, Skill{ID: uint(i + 1), CategoryID: 1, Name: l.name, Hours: l.hours, Status: SkillNotStarted, Group: "Main language"})
	}
	other := Category{ID: 2, Name: "Databases", Skills: []Skill{
		{ID: 10, CategoryID: 2, Name: "SQL", Hours: 60, Status: SkillNotStarted},
		{ID: 11, CategoryID: 2, Name: "Design", Hours: 40, Status: SkillNotStarted},
	}}
	return Plan{Settings: s, Steps: []Step{{ID: 1, Title: "Learn", CoversSkills: true, Status: StepTodo}},
		Categories: []Category{langs, other}}
}

func choose(p Plan, group, name string) Plan {
	for _, g := range p.Groups() {
		if g.Name != group {
			continue
		}
		var keep uint
		for _, sk := range g.Skills {
			if sk.Name == name {
				keep = sk.ID
			}
		}
		changed := map[uint]SkillStatus{}
		for _, sk := range g.Choose(keep) {
			changed[sk.ID] = sk.Status
		}
		for i := range p.Categories {
			for j, sk := range p.Categories[i].Skills {
				if st, ok := changed[sk.ID]; ok {
					p.Categories[i].Skills[j].Status = st
				}
			}
		}
	}
	return p
}

// The must-show: a four-language default with Python chosen plans
// only Python, and the total hours drop by the three languages set aside.
func TestChoosingPythonPlansOnlyPython(t *testing.T) {
	p := fourLanguages()
	today := day("2027-01-04")
	all := p.Forecast(Logged{}, today)
	if all.RemainingHours != 300 {
		t.Fatalf("the four languages and the rest: %v h, want 300", all.RemainingHours)
	}
	q := choose(p, "Main language", "Python")
	f := q.Forecast(Logged{}, today)
	if f.RemainingHours != 160 {
		t.Errorf("with Python chosen %v h are left, want 160 (300 − Java 60 − Ruby 40 − Go 40)", f.RemainingHours)
	}
	if q.TotalWork() != 160 {
		t.Errorf("the total work is %v h, want 160", q.TotalWork())
	}
	for _, items := range f.Days {
		for _, it := range items {
			if it.Name == "Java" || it.Name == "Ruby" || it.Name == "Go" {
				t.Fatalf("%s is still planned", it.Name)
			}
		}
	}
	g := q.Groups()[0]
	if c := g.Chosen(); c == nil || c.Name != "Python" {
		t.Errorf("the group's choice is %v", c)
	}
	// Choosing again brings the others back.
	back := choose(q, "Main language", "")
	if back.Forecast(Logged{}, today).RemainingHours != 300 {
		t.Error("keeping every language did not bring them back")
	}
	// What was learned stays learned.
	done := fourLanguages()
	done.Categories[0].Skills[3].Status = SkillDone // Go
	if got := choose(done, "Main language", "Python").Categories[0].Skills[3].Status; got != SkillDone {
		t.Errorf("Go, done, became %q when Python was chosen", got)
	}
}

func TestAPlanThatDoesNotFitComesWithRemediesThatFit(t *testing.T) {
	p := fourLanguages()
	p.Settings.HoursPerWeek = 7 // 6 months: about 180 h of the 300
	p.Settings.HorizonMonths = 6
	today := day("2027-01-04")
	fit := p.CheckFit(Logged{}, today)
	if fit.Fits {
		t.Fatal("300 h in six months at 4 h a week fit")
	}
	kinds := map[RemedyKind]Remedy{}
	for _, r := range fit.Remedies {
		kinds[r.Kind] = r
	}
	if r, ok := kinds[MoreHours]; !ok || r.HoursPerWeek < fit.NeededHoursPerWeek || r.HoursPerWeek > fit.NeededHoursPerWeek+1 {
		t.Errorf("more hours: %+v (needed %v)", r, fit.NeededHoursPerWeek)
	}
	if r, ok := kinds[LaterFinish]; !ok || r.HorizonMonths <= 6 {
		t.Errorf("later finish: %+v", r)
	}
	r, ok := kinds[SmallerScope]
	if !ok || r.Group != "Main language" || r.Keep != "Ruby" || len(r.SetAside) != 3 {
		t.Errorf("smaller scope: %+v, want one main language kept: the quickest, Ruby (40 h), as none was begun", r)
	}
	// Each remedy, applied, fits; and a month less, or half an hour less,
	// would not: the remedy is the smallest change.
	for _, r := range fit.Remedies {
		q := p
		switch r.Kind {
		case MoreHours:
			q.Settings.HoursPerWeek = r.HoursPerWeek
		case LaterFinish:
			q.Settings.HorizonMonths = r.HorizonMonths
		case SmallerScope:
			q = p.withSetAside(r.SetAside)
		}
		if !q.Forecast(Logged{}, today).Fits {
			t.Errorf("remedy %+v does not fit", r)
		}
		switch r.Kind {
		case MoreHours:
			q.Settings.HoursPerWeek -= 0.5
		case LaterFinish:
			q.Settings.HorizonMonths--
		default:
			continue
		}
		if q.Forecast(Logged{}, today).Fits {
			t.Errorf("remedy %+v is larger than needed", r)
		}
	}
}

func TestAPlanThatFitsNeedsNoRemedy(t *testing.T) {
	p := fourLanguages()
	p.Settings.HoursPerWeek = 20
	if fit := p.CheckFit(Logged{}, day("2027-01-04")); !fit.Fits || len(fit.Remedies) != 0 {
		t.Errorf("fit %+v", fit)
	}
}

// On random learners every remedy offered makes the plan fit.
func TestRemediesFitOnRandomPlans(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	offered := 0
	for trial := 0; trial < 300; trial++ {
		p, logged, today := randomProfile(r)
		fit := p.CheckFit(logged, today)
		if fit.Fits != p.Forecast(logged, today).Fits {
			t.Fatalf("trial %d: fit and forecast disagree", trial)
		}
		for _, rem := range fit.Remedies {
			offered++
			q := p
			switch rem.Kind {
			case MoreHours:
				q.Settings.HoursPerWeek = rem.HoursPerWeek
			case LaterFinish:
				q.Settings.HorizonMonths = rem.HorizonMonths
			case SmallerScope:
				q = p.withSetAside(rem.SetAside)
			}
			g := q.Forecast(logged, today)
			if !g.Fits || !g.Finish.Equal(rem.Finish) {
				t.Fatalf("trial %d: remedy %+v gives fits %v finish %s", trial, rem, g.Fits, g.Finish)
			}
			if rem.Kind == MoreHours && (rem.HoursPerWeek > MaxHoursPerWeek || math.Mod(rem.HoursPerWeek*2, 1) != 0) {
				t.Fatalf("trial %d: %v hours a week offered", trial, rem.HoursPerWeek)
			}
		}
	}
	if offered < 50 {
		t.Errorf("only %d remedies in 300 random plans: the test says little", offered)
	}
}

// A web framework follows the main language: keeping Python keeps the
// framework that requires Python and sets the others aside.
func TestAFrameworkFollowsTheMainLanguage(t *testing.T) {
	p := fourLanguages()
	fw := Category{ID: 3, Name: "Frameworks"}
	for i, lang := range []uint{1, 2, 3, 4} {
		fw.Skills = append(fw.Skills, Skill{ID: uint(20 + i), CategoryID: 3, Name: "framework " + strconv.Itoa(i), Hours: 40,
			Status: SkillNotStarted, Group: "Web framework", Prerequisites: []uint{lang}})
	}
	p.Categories = append(p.Categories, fw)
	got := p.Following("Main language", 2) // Python
	if len(got) != 2 || got["Main language"] != 2 || got["Web framework"] != 21 {
		t.Errorf("choosing Python: %v, want Python and its framework (21)", got)
	}
	if back := p.Following("Main language", 0); back["Web framework"] != 0 || len(back) != 2 {
		t.Errorf("bringing the languages back: %v, want the frameworks back too", back)
	}
	// The smaller scope keeps the framework of the language it keeps.
	p.Settings.HoursPerWeek = 7
	p.Settings.HorizonMonths = 6
	for _, r := range p.CheckFit(Logged{}, day("2027-01-04")).Remedies {
		if r.Kind != SmallerScope {
			continue
		}
		for _, sk := range r.SetAside {
			if sk.Group == "Web framework" && sk.Prerequisites[0] == p.skillByName(r.Keep).ID {
				t.Errorf("kept %s but set aside its framework %s", r.Keep, sk.Name)
			}
		}
	}
}

func (p Plan) skillByName(name string) Skill {
	for _, c := range p.Categories {
		for _, sk := range c.Skills {
			if sk.Name == name {
				return sk
			}
		}
	}
	return Skill{}
}
