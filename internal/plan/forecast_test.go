package plan

import (
	"math"
	"math/rand"
	"testing"
	"time"
)

// randomProfile builds a learner: a roadmap whose second step covers a
// random set of skills with random prerequisites (always pointing to earlier
// skills, so there is no circle), random progress, logged hours and settings.
func randomProfile(r *rand.Rand) (Plan, Logged, time.Time) {
	start := day("2026-01-05").AddDate(0, 0, r.Intn(400))
	s := Settings{StartDate: start, HorizonMonths: 1 + r.Intn(18), HoursPerWeek: float64(1+r.Intn(40)) / 2,
		WeekStart: time.Weekday(r.Intn(2)), MinStreakMinutes: 15}
	for s.StudyDaysPerWeek() == 0 {
		for d := range s.StudyDays {
			s.StudyDays[d] = r.Intn(2) == 0
		}
	}
	for i := r.Intn(6); i > 0; i-- {
		s.DaysOff = append(s.DaysOff, DayOff{Date: start.AddDate(0, 0, r.Intn(120))})
	}
	var skills []Skill
	n := 1 + r.Intn(40)
	for i := 0; i < n; i++ {
		sk := Skill{ID: uint(i + 1), Name: string(rune('A'+i%26)) + string(rune('a'+i/26)), Hours: r.Intn(60), Status: SkillNotStarted}
		switch r.Intn(6) {
		case 0:
			sk.Status = SkillDone
		case 1:
			sk.Status = SkillSkipped
		case 2:
			sk.Status = SkillLearning
		}
		for j := 0; j < i && j < 3; j++ {
			if r.Intn(3) == 0 {
				sk.Prerequisites = append(sk.Prerequisites, uint(r.Intn(i)+1))
			}
		}
		skills = append(skills, sk)
	}
	// Shuffle the checklist order so the prerequisites, not the order, must
	// decide what comes first.
	r.Shuffle(len(skills), func(i, j int) { skills[i], skills[j] = skills[j], skills[i] })
	cats := []Category{{ID: 1, Name: "A", Skills: skills[:len(skills)/2]}, {ID: 2, Name: "B", Skills: skills[len(skills)/2:]}}
	statuses := []StepStatus{StepTodo, StepInProgress, StepDone, StepSkipped}
	steps := []Step{
		{ID: 1, Title: "One", Hours: r.Intn(20), Status: statuses[r.Intn(4)], Actions: []Action{{Done: r.Intn(2) == 0}, {}}},
		{ID: 2, Title: "Two", CoversSkills: true, Status: StepInProgress},
		{ID: 3, Title: "Three", Hours: r.Intn(80), Status: statuses[r.Intn(4)]},
		{ID: 4, Title: "Four", Hours: r.Intn(40), Status: StepTodo},
	}
	logged := Logged{BySkill: map[uint]int{}, ByStep: map[uint]int{}}
	for i := r.Intn(10); i > 0; i-- {
		logged.BySkill[uint(r.Intn(n)+1)] += r.Intn(600)
	}
	logged.ByStep[3] = r.Intn(600)
	today := start.AddDate(0, 0, r.Intn(200)-20)
	return Plan{Settings: s, Steps: steps, Categories: cats}, logged, today
}

func TestForecastProperties(t *testing.T) {
	r := rand.New(rand.NewSource(42))
	for trial := 0; trial < 500; trial++ {
		p, logged, today := randomProfile(r)
		f := p.Forecast(logged, today)
		checkForecast(t, trial, p, logged, today, f)
		if t.Failed() {
			t.Fatalf("profile %d failed: settings %+v", trial, p.Settings)
		}
	}
}

func checkForecast(t *testing.T, trial int, p Plan, logged Logged, today time.Time, f Forecast) {
	t.Helper()
	s := p.Settings
	from := Date(today)
	if from.Before(s.StartDate) {
		from = s.StartDate
	}
	skills := map[uint]Skill{}
	for _, c := range p.Categories {
		for _, sk := range c.Skills {
			skills[sk.ID] = sk
		}
	}
	first, last := map[uint]time.Time{}, map[uint]time.Time{}
	plannedBySkill := map[uint]float64{}
	total := 0.0
	for d, items := range f.Days {
		if d.Before(from) {
			t.Errorf("#%d: work planned on %s, before today %s: the past must stay as it happened", trial, d, from)
		}
		sum := 0.0
		for _, it := range items {
			sum += it.Hours
			total += it.Hours
			if it.SkillID != 0 {
				plannedBySkill[it.SkillID] += it.Hours
				if f, ok := first[it.SkillID]; !ok || d.Before(f) {
					first[it.SkillID] = d
				}
				if l, ok := last[it.SkillID]; !ok || d.After(l) {
					last[it.SkillID] = d
				}
				if st := skills[it.SkillID].Status; st == SkillDone || st == SkillSkipped {
					t.Errorf("#%d: %s skill %q was planned", trial, st, it.Name)
				}
			}
		}
		if sum > s.DayCapacity(d)+1e-6 {
			t.Errorf("#%d: %s planned %.2f h over its capacity %.2f h", trial, d, sum, s.DayCapacity(d))
		}
	}
	for _, w := range f.Weeks {
		if w.PlannedHours > w.CapacityHours+1e-6 {
			t.Errorf("#%d: week %s planned %.2f h over its capacity %.2f h", trial, w.Start, w.PlannedHours, w.CapacityHours)
		}
	}
	// Everything left is planned somewhere (unless no study time exists).
	if !f.Finish.IsZero() && math.Abs(total-f.RemainingHours) > 1e-6 {
		t.Errorf("#%d: %.3f h planned of %.3f h remaining: work was dropped", trial, total, f.RemainingHours)
	}
	// Logged hours are taken off a skill's estimate.
	for id, hours := range plannedBySkill {
		want := float64(skills[id].Hours) - float64(logged.BySkill[id])/60
		if !f.Finish.IsZero() && math.Abs(hours-want) > 1e-6 {
			t.Errorf("#%d: skill %d planned %.3f h, want its estimate less logged time %.3f h", trial, id, hours, want)
		}
	}
	// Prerequisites come first.
	for id, sk := range skills {
		for _, pre := range sk.Prerequisites {
			pl, okPre := last[pre]
			df, okDep := first[id]
			if okPre && okDep && pl.After(df) {
				t.Errorf("#%d: prerequisite %d is planned until %s, after its dependant %d starts on %s", trial, pre, pl, id, df)
			}
		}
	}
	// Roadmap steps in order: each step's own work starts no earlier than
	// the one before it in the roadmap, and step 3's after every skill.
	var previous time.Time
	for _, st := range p.Steps {
		if begins, ok := firstDayOfStep(f, st.ID); ok {
			if begins.Before(previous) {
				t.Errorf("#%d: step %d starts on %s, before the step above it in the roadmap (%s)", trial, st.ID, begins, previous)
			}
			previous = begins
		}
	}
	if s3, ok := firstDayOfStep(f, 3); ok {
		for id := range first {
			if last[id].After(s3) {
				t.Errorf("#%d: skill %d planned until %s, after step 3 starts on %s", trial, id, last[id], s3)
			}
		}
		if s4, ok := firstDayOfStep(f, 4); ok && s4.Before(s3) {
			t.Errorf("#%d: step 4 starts before step 3", trial)
		}
	}
	// Fits exactly when the work ends by the finish date, and the pace asked
	// for when it does not fit is enough.
	if f.Fits != (!f.Finish.IsZero() && !f.Finish.After(s.FinishDate())) {
		t.Errorf("#%d: Fits=%v but finish %s vs plan finish %s", trial, f.Fits, f.Finish, s.FinishDate())
	}
	if !f.Fits && !math.IsInf(f.NeededHoursPerWeek, 1) {
		if f.NeededHoursPerWeek <= s.HoursPerWeek {
			t.Errorf("#%d: does not fit yet needs only %.2f h/week of %.2f", trial, f.NeededHoursPerWeek, s.HoursPerWeek)
		}
		faster := p
		faster.Settings.HoursPerWeek = f.NeededHoursPerWeek * 1.0001
		if g := faster.Forecast(logged, today); !g.Fits {
			t.Errorf("#%d: at the needed %.2f h/week it still does not fit (finish %s)", trial, f.NeededHoursPerWeek, g.Finish)
		}
	}
}

func firstDayOfStep(f Forecast, step uint) (time.Time, bool) {
	var first time.Time
	found := false
	for d, items := range f.Days {
		for _, it := range items {
			if it.SkillID == 0 && it.StepID == step && (!found || d.Before(first)) {
				first, found = d, true
			}
		}
	}
	return first, found
}

func TestForecastOnAKnownPlan(t *testing.T) {
	// 2026-11-23 is a Monday; two study days a week at 4 h a week: 2 h each.
	s := Settings{StartDate: day("2026-11-23"), HorizonMonths: 1, HoursPerWeek: 4, WeekStart: time.Monday, MinStreakMinutes: 15}
	s.StudyDays[time.Monday], s.StudyDays[time.Thursday] = true, true
	s.DaysOff = []DayOff{{Date: day("2026-11-26")}} // the first Thursday is off
	p := Plan{Settings: s,
		Steps: []Step{{ID: 1, Title: "Learn", CoversSkills: true, Status: StepTodo}},
		Categories: []Category{{Skills: []Skill{
			{ID: 2, Name: "Web", Hours: 3, Prerequisites: []uint{1}},
			{ID: 1, Name: "HTTP", Hours: 2},
		}}}}
	f := p.Forecast(Logged{BySkill: map[uint]int{1: 60}}, s.StartDate) // an hour of HTTP logged
	want := map[string][]PlanItem{
		"2026-11-23": {{SkillID: 1, Name: "HTTP", Hours: 1}, {SkillID: 2, Name: "Web", Hours: 1}},
		"2026-11-30": {{SkillID: 2, Name: "Web", Hours: 2}},
	}
	if len(f.Days) != len(want) {
		t.Fatalf("planned days = %v", f.Days)
	}
	for d, items := range want {
		got := f.Days[day(d)]
		if len(got) != len(items) {
			t.Fatalf("%s: %+v, want %+v", d, got, items)
		}
		for i := range items {
			if got[i].SkillID != items[i].SkillID || got[i].Hours != items[i].Hours {
				t.Errorf("%s item %d = %+v, want %+v", d, i, got[i], items[i])
			}
		}
	}
	if !f.Fits || f.Finish.Format("2006-01-02") != "2026-12-01" || f.RemainingHours != 4 {
		t.Errorf("fits %v, finish %s, remaining %v; want true, 2026-12-01, 4", f.Fits, f.Finish.Format("2006-01-02"), f.RemainingHours)
	}
	if f.Weeks[0].CapacityHours != 2 || f.Weeks[0].PlannedHours != 2 {
		t.Errorf("week 1 capacity %v planned %v, want 2 and 2 (Thursday is off)", f.Weeks[0].CapacityHours, f.Weeks[0].PlannedHours)
	}
}

func TestForecastThatDoesNotFit(t *testing.T) {
	s := Settings{StartDate: day("2026-11-23"), HorizonMonths: 1, HoursPerWeek: 5, StudyDays: WeekdaysOnly, WeekStart: time.Monday, MinStreakMinutes: 15}
	p := Plan{Settings: s, Steps: []Step{{ID: 1, Title: "Big", Hours: 100, Status: StepTodo}}}
	f := p.Forecast(Logged{}, s.StartDate)
	if f.Fits {
		t.Fatal("100 h at 5 h/week in a month fits?")
	}
	// 22 weekdays from 23 Nov to 23 Dec: 100 h / 22 days × 5 days a week.
	if want := 100.0 / 22 * 5; math.Abs(f.NeededHoursPerWeek-want) > 1e-9 {
		t.Errorf("needed %.3f h/week, want %.3f", f.NeededHoursPerWeek, want)
	}
	// 100 h at 1 h a weekday: 100 weekdays, the last on 2027-04-09.
	if got := f.Finish.Format("2006-01-02"); got != "2027-04-10" {
		t.Errorf("finish at the current pace = %s, want 2027-04-10", got)
	}
	late := p
	late.Settings.StartDate = day("2026-01-05")
	if f := late.Forecast(Logged{}, day("2026-11-23")); f.Fits || !math.IsInf(f.NeededHoursPerWeek, 1) {
		t.Errorf("past the finish date: fits %v, needed %v; want an infinite need", f.Fits, f.NeededHoursPerWeek)
	}
}
