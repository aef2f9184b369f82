package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/salary"
)

// twoInstances opens the sample data twice, as a window and a script (or a
// second window) would: two connections to one file.
func twoInstances(t *testing.T) (window, script *Store) {
	t.Helper()
	window = imported(t)
	script, err := Open(window.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { script.Close() })
	return window, script
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestASaveChangesOnlyWhatTheLearnerChanged is the class "a form writes
// back what it loaded": for every save, the window loads a value, a script
// changes other fields (or adds rows) meanwhile, and the window saves its
// own change. Both changes must be there afterwards.
func TestASaveChangesOnlyWhatTheLearnerChanged(t *testing.T) {
	tests := []struct {
		name   string
		run    func(t *testing.T, window, script *Store)
		verify func(t *testing.T, st *Store)
	}{
		{"plan settings keep days off a script added", settingsKeepScriptsDaysOff, func(t *testing.T, st *Store) {
			s, _ := st.Settings()
			if s.HoursPerWeek != 12 || s.StudyTime != "20:15" || s.MinStreakMinutes != 40 || len(s.DaysOff) != 2 {
				t.Errorf("settings = %v h at %q, %v min streak, %d days off; want 12 h at 20:15 (window), 40 min (script), 2 days off (script)",
					s.HoursPerWeek, s.StudyTime, s.MinStreakMinutes, len(s.DaysOff))
			}
		}},
		{"removing a day off removes only that day", removeOneDayOff, func(t *testing.T, st *Store) {
			s, _ := st.Settings()
			if len(s.DaysOff) != 1 || s.DaysOff[0].Note != "added by the script" {
				t.Errorf("days off = %+v, want only the script's", s.DaysOff)
			}
		}},
		{"a step's title and notes", stepTitleAndNotes, func(t *testing.T, st *Store) {
			steps, _ := st.Roadmap()
			if steps[0].Title != "Decide your pace" || steps[0].Notes != "Written by the script" {
				t.Errorf("step = %q / %q", steps[0].Title, steps[0].Notes)
			}
		}},
		{"a skill's fields, links and prerequisites", skillLinksAndPrerequisites, func(t *testing.T, st *Store) {
			orms, _ := findSkill(t, st, "ORMs")
			py, _ := findSkill(t, st, "Python")
			if orms.Hours != 25 || orms.Notes != "script's notes" || len(orms.Links) != 1 || orms.Links[0].Title != "script's link" {
				t.Errorf("ORMs = %d h, notes %q, links %+v", orms.Hours, orms.Notes, orms.Links)
			}
			goSkill, _ := findSkill(t, st, "Go")
			if !reflect.DeepEqual(sortedIDs(orms.Prerequisites), sortedIDs([]uint{goSkill.ID, py.ID})) {
				t.Errorf("ORMs requires %v, want Go (kept) and Python (the script's), not SQL (removed by the window)", orms.Prerequisites)
			}
		}},
		{"a project's name and skills", projectNameAndSkills, func(t *testing.T, st *Store) {
			projects, _ := st.Projects()
			py, _ := findSkill(t, st, "Python")
			goSkill, _ := findSkill(t, st, "Go")
			if projects[0].Name != "Todo service" || !reflect.DeepEqual(sortedIDs(projects[0].SkillIDs), sortedIDs([]uint{goSkill.ID, py.ID})) {
				t.Errorf("project = %q with skills %v", projects[0].Name, projects[0].SkillIDs)
			}
		}},
		{"a salary's fields", salaryFields, func(t *testing.T, st *Store) {
			r, _ := st.Salaries()
			if r[0].Max != 75000 || r[0].Source != "window's source" {
				t.Errorf("salary = %+v", r[0])
			}
		}},
		{"an exchange rate's fields", rateFields, func(t *testing.T, st *Store) {
			rates, _ := st.Rates()
			if rates[0].PerEUR != "1.0900" || rates[0].Source != "script's source" {
				t.Errorf("rate = %+v", rates[0])
			}
		}},
		{"a purchasing power factor's fields", pppFields, func(t *testing.T, st *Store) {
			ppp, _ := st.PPPFactors()
			if ppp[0].Factor != "0.80" || ppp[0].Year != 2024 {
				t.Errorf("factor = %+v", ppp[0])
			}
		}},
		{"the comparison's choices", comparisonChoices, func(t *testing.T, st *Store) {
			c, _ := st.Comparison()
			if c.Base != "USD" || c.TargetLevel != salary.Senior || c.TargetCountry != "DE" {
				t.Errorf("comparison = %+v", c)
			}
		}},
		{"a session's fields", sessionFields, func(t *testing.T, st *Store) {
			all, _ := st.Sessions(date("2026-11-20"), date("2026-11-21"))
			if all[0].Minutes != 50 || all[0].Notes != "script's note" {
				t.Errorf("session = %+v", all[0])
			}
		}},
		{"moves in two windows both happen", twoMoves, func(t *testing.T, st *Store) {
			steps, _ := st.Roadmap()
			var titles []string
			for _, s := range steps {
				titles = append(titles, s.Title)
			}
			if strings.Join(titles, ",") != "Third,Decide,Learn" {
				t.Errorf("order = %v, want Third,Decide,Learn (the script moved Third up, then the window moved Decide down)", titles)
			}
		}},
		{"the same field changed twice: the later save wins", sameFieldLaterWins, func(t *testing.T, st *Store) {
			steps, _ := st.Roadmap()
			if steps[0].Summary != "the window's, saved last" || steps[0].Notes != "the script's notes" {
				t.Errorf("summary %q, notes %q", steps[0].Summary, steps[0].Notes)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			window, script := twoInstances(t)
			tt.run(t, window, script)
			tt.verify(t, window)
		})
	}
}

func settingsKeepScriptsDaysOff(t *testing.T, window, script *Store) {
	loaded, _ := window.Settings()
	must(t, script.AddDaysOff([]plan.DayOff{{Date: date("2026-12-24")}, {Date: date("2026-12-25"), Note: "Christmas"}}))
	scripted, _ := script.Settings()
	streak := scripted
	streak.MinStreakMinutes = 40
	must(t, script.UpdateSettings(scripted, streak))
	edited := loaded
	edited.HoursPerWeek = 12
	edited.StudyTime = "20:15"
	must(t, window.UpdateSettings(loaded, edited))
}

func removeOneDayOff(t *testing.T, window, script *Store) {
	must(t, window.AddDaysOff([]plan.DayOff{{Date: date("2026-12-24"), Note: "the window's"}}))
	must(t, script.AddDaysOff([]plan.DayOff{{Date: date("2026-12-31"), Note: "added by the script"}}))
	must(t, window.RemoveDaysOff([]time.Time{date("2026-12-24")}))
}

func stepTitleAndNotes(t *testing.T, window, script *Store) {
	loaded, _ := window.Roadmap()
	fresh, _ := script.Roadmap()
	notes := fresh[0]
	notes.Notes = "Written by the script"
	must(t, script.UpdateStep(fresh[0], notes))
	title := loaded[0]
	title.Title = "Decide your pace"
	must(t, window.UpdateStep(loaded[0], title))
}

func skillLinksAndPrerequisites(t *testing.T, window, script *Store) {
	loaded, _ := findSkill(t, window, "ORMs")
	py, _ := findSkill(t, script, "Python")
	sql, _ := findSkill(t, script, "SQL")
	fresh, _ := findSkill(t, script, "ORMs")
	scripted := fresh
	scripted.Notes = "script's notes"
	scripted.Links = []plan.Link{{Title: "script's link", URL: "https://example.com/orms"}}
	scripted.Prerequisites = append(append([]uint(nil), fresh.Prerequisites...), py.ID)
	must(t, script.UpdateSkill(fresh, scripted))
	edited := loaded
	edited.Hours = 25
	edited.Prerequisites = nil
	for _, id := range loaded.Prerequisites {
		if id != sql.ID {
			edited.Prerequisites = append(edited.Prerequisites, id)
		}
	}
	must(t, window.UpdateSkill(loaded, edited))
}

func projectNameAndSkills(t *testing.T, window, script *Store) {
	loaded, _ := window.Projects()
	fresh, _ := script.Projects()
	py, _ := findSkill(t, script, "Python")
	sql, _ := findSkill(t, script, "SQL")
	scripted := fresh[0]
	scripted.SkillIDs = append(append([]uint(nil), fresh[0].SkillIDs...), py.ID)
	must(t, script.UpdateProject(fresh[0], scripted))
	edited := loaded[0]
	edited.Name = "Todo service"
	edited.SkillIDs = nil
	for _, id := range loaded[0].SkillIDs {
		if id != sql.ID {
			edited.SkillIDs = append(edited.SkillIDs, id)
		}
	}
	must(t, window.UpdateProject(loaded[0], edited))
}

func salaryFields(t *testing.T, window, script *Store) {
	loaded, _ := window.Salaries()
	fresh, _ := script.Salaries()
	raised := fresh[0]
	raised.Max = 75000
	must(t, script.UpdateSalary(fresh[0], raised))
	sourced := loaded[0]
	sourced.Source = "window's source"
	must(t, window.UpdateSalary(loaded[0], sourced))
}

func rateFields(t *testing.T, window, script *Store) {
	loaded, _ := window.Rates()
	fresh, _ := script.Rates()
	sourced := fresh[0]
	sourced.Source = "script's source"
	must(t, script.SaveRate(fresh[0], sourced))
	rated := loaded[0]
	rated.PerEUR = "1.0900"
	must(t, window.SaveRate(loaded[0], rated))
}

func pppFields(t *testing.T, window, script *Store) {
	loaded, _ := window.PPPFactors()
	fresh, _ := script.PPPFactors()
	year := fresh[0]
	year.Year = 2024
	must(t, script.SavePPP(fresh[0], year))
	factor := loaded[0]
	factor.Factor = "0.80"
	must(t, window.SavePPP(loaded[0], factor))
}

func comparisonChoices(t *testing.T, window, script *Store) {
	loaded, _ := window.Comparison()
	fresh, _ := script.Comparison()
	level := fresh
	level.TargetLevel = salary.Senior
	must(t, script.UpdateComparison(fresh, level))
	base := loaded
	base.Base = "USD"
	must(t, window.UpdateComparison(loaded, base))
}

func sessionFields(t *testing.T, window, script *Store) {
	loaded, _ := window.Sessions(date("2026-11-20"), date("2026-11-21"))
	fresh, _ := script.Sessions(date("2026-11-20"), date("2026-11-21"))
	noted := fresh[0]
	noted.Notes = "script's note"
	must(t, script.UpdateSession(fresh[0], noted))
	longer := loaded[0]
	longer.Minutes = 50
	must(t, window.UpdateSession(loaded[0], longer))
}

func twoMoves(t *testing.T, window, script *Store) {
	if _, err := script.AddStep("Third"); err != nil {
		t.Fatal(err)
	}
	steps, _ := window.Roadmap() // Decide, Learn, Third
	must(t, script.MoveStep(steps[2].ID, -1))
	// The window's move is made against the order as it is now (Decide,
	// Third, Learn), not as the window loaded it: Decide goes below Third,
	// and the script's move stays.
	must(t, window.MoveStep(steps[0].ID, 1))
}

func sameFieldLaterWins(t *testing.T, window, script *Store) {
	loaded, _ := window.Roadmap()
	fresh, _ := script.Roadmap()
	scripted := fresh[0]
	scripted.Summary, scripted.Notes = "the script's", "the script's notes"
	must(t, script.UpdateStep(fresh[0], scripted))
	edited := loaded[0]
	edited.Summary = "the window's, saved last"
	must(t, window.UpdateStep(loaded[0], edited))
}

func sortedIDs(ids []uint) []uint {
	out := append([]uint(nil), ids...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// TestConflictingEditsAreRefusedInWords: a minimum raised in the window
// above a maximum the script lowered meanwhile is refused with a reason,
// and neither value is half stored.
func TestConflictingEditsAreRefusedInWords(t *testing.T) {
	window, script := twoInstances(t)
	loaded, _ := window.Salaries()
	fresh, _ := script.Salaries()
	lowered := fresh[0]
	lowered.Min, lowered.Max, lowered.Median = 30000, 45000, 0
	must(t, script.UpdateSalary(fresh[0], lowered))
	raised := loaded[0]
	raised.Min = 50000
	err := window.UpdateSalary(loaded[0], raised)
	if err == nil || !strings.Contains(err.Error(), "meanwhile") || !strings.Contains(err.Error(), "above the maximum") {
		t.Errorf("UpdateSalary = %v, want a refusal that names the conflict", err)
	}
	if r, _ := window.Salaries(); r[0].Min != 30000 || r[0].Max != 45000 {
		t.Errorf("after the refusal the salary is %d–%d", r[0].Min, r[0].Max)
	}
}

func TestSavingARowDeletedMeanwhileSaysSo(t *testing.T) {
	window, script := twoInstances(t)
	loaded, _ := window.Roadmap()
	must(t, script.DeleteStep(loaded[0].ID))
	edited := loaded[0]
	edited.Title = "Too late"
	err := window.UpdateStep(loaded[0], edited)
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "deleted in another window") {
		t.Errorf("UpdateStep on a deleted step = %v", err)
	}
	if steps, _ := window.Roadmap(); len(steps) != 1 {
		t.Errorf("%d steps: the save brought the deleted step back", len(steps))
	}
}
