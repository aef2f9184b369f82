package plan

import (
	"fmt"
	"math/rand"
	"testing"
	"time"
)

// BenchmarkForecast52Weeks300Skills plans a year over 300 skills with
// prerequisites: the work behind every Timeline and Dashboard refresh.
func BenchmarkForecast52Weeks300Skills(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	start := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	s := DefaultSettings(start, time.Monday)
	s.HorizonMonths, s.HoursPerWeek = 12, 15
	var cats []Category
	id := uint(0)
	for c := 0; c < 20; c++ {
		cat := Category{Name: fmt.Sprint("C", c)}
		for k := 0; k < 15; k++ {
			id++
			sk := Skill{ID: id, Name: fmt.Sprint("S", id), Hours: 5 + r.Intn(40), Status: SkillNotStarted}
			if id > 1 && r.Intn(2) == 0 {
				sk.Prerequisites = []uint{uint(1 + r.Intn(int(id-1)))}
			}
			cat.Skills = append(cat.Skills, sk)
		}
		cats = append(cats, cat)
	}
	p := Plan{Settings: s, Categories: cats, Steps: []Step{{ID: 1, Title: "Learn", CoversSkills: true, Status: StepInProgress}}}
	logged := Logged{BySkill: map[uint]int{3: 120, 40: 600}, ByStep: map[uint]int{}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f := p.Forecast(logged, start)
		if len(f.Weeks) < 52 {
			b.Fatalf("%d weeks", len(f.Weeks))
		}
	}
}
