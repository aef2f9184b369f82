package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/studyplanner/studyplanner/assets"
	"github.com/studyplanner/studyplanner/internal/dataset"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// TestEveryScreenAndTabFitsAt800x600 walks every screen of the window,
// and every tab of every tab bar on it, with no data and with the demo
// learner's, and checks the window's content needs no more than 800×600:
// a screen that needs more grows the window past an 800-pixel screen, and
// Fyne never shrinks it back. Fails on a51deed, where the empty
// Challenges tab's hint did not wrap and needed 1051 px.
func TestEveryScreenAndTabFitsAt800x600(t *testing.T) {
	empty := snapshot.Empty()
	empty.Plan = fixturePlan()
	content, err := assets.DefaultContent()
	if err != nil {
		t.Fatal(err)
	}
	pack, err := assets.BackendPack()
	if err != nil {
		t.Fatal(err)
	}
	demo := dataset.Demo(content, pack, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC))
	for name, doc := range map[string]snapshot.Document{"empty": empty, "demo": demo, "long names": longNames(demo)} {
		t.Run(name, func(t *testing.T) {
			st, _ := openFixture(t, doc)
			m := newTestWindow(t, st)
			m.Resize(fyne.NewSize(800, 600))
			for i, s := range m.screens {
				m.ShowScreen(i)
				fitsAt800(t, m, s.name())
				eachTab(m.Canvas().Content(), func(where string) { fitsAt800(t, m, s.name()+" ▸ "+where) })
			}
		})
	}
}

func fitsAt800(t *testing.T, m *MainWindow, where string) {
	t.Helper()
	if min := m.Canvas().Content().MinSize(); min.Width > 800 || min.Height > 600 {
		t.Errorf("%s needs %v, more than 800×600", where, min)
	}
}

// eachTab selects, in turn, every tab of every tab bar shown under o,
// tab bars within tabs included, and calls fn on each.
func eachTab(o fyne.CanvasObject, fn func(where string)) {
	var bars []*container.AppTabs
	visible(o, func(x fyne.CanvasObject) {
		if tabs, ok := x.(*container.AppTabs); ok {
			bars = append(bars, tabs)
		}
	})
	for _, tabs := range bars {
		was := tabs.SelectedIndex()
		for i, item := range tabs.Items {
			tabs.SelectIndex(i)
			fn(item.Text)
			eachTab(item.Content, func(inner string) { fn(fmt.Sprintf("%s ▸ %s", item.Text, inner)) })
		}
		tabs.SelectIndex(was)
	}
}

// longNames is doc with the longest names a learner may type where the
// new screens show them: companies, roles, sources and problems.
func longNames(doc snapshot.Document) snapshot.Document {
	long := func(word string) string {
		return strings.TrimSpace(strings.Repeat(word+" ", plan.MaxNameLen/(len(word)+1)))
	}
	if doc.JobSearch != nil {
		apps := append([]snapshot.JobApplication(nil), doc.JobSearch.Applications...)
		for i := range apps {
			apps[i].Company, apps[i].Role, apps[i].Source = long("Company"), long("Role"), long("Source")
		}
		doc.JobSearch.Applications = apps
	}
	if doc.Practice == nil {
		doc.Practice = &snapshot.Practice{Retention: 0.9, NewPerDay: 10}
	}
	doc.Practice.Challenges = append(doc.Practice.Challenges, snapshot.Challenge{Title: long("Problem"), Source: long("Site"),
		Pattern: long("Pattern"), Difficulty: "medium"})
	return doc
}
