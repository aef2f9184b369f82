package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/store"
)

func TestWelcomeMakesThePlan(t *testing.T) {
	st, _ := openFixture(t, salaryFixture())
	a := test.NewTempApp(t)
	m := NewMainWindow(a, st, noPack)
	m.Resize(fyne.NewSize(1100, 800))
	m.WelcomeIfFirstRun()
	wl := m.welcome
	if wl == nil {
		t.Fatal("no welcome on the first run")
	}
	start := time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC)
	wl.fields.start.SetDate(&start)
	wl.fields.months.SetSelected(monthsLabel(12))
	wl.fields.hours.SetText("8")
	wl.fields.days.SetSelected([]string{"Sat", "Sun"})
	wl.country.SetSelected("Germany")
	wl.base.SetSelected("EUR")
	test.Tap(findButton(t, m, "Create my plan"))
	if wl.problem.Visible() {
		t.Fatalf("the welcome said %q", wl.problem.Text)
	}
	s, _ := st.Settings()
	if !s.StartDate.Equal(start) || s.HorizonMonths != 12 || s.HoursPerWeek != 8 || s.StudyDaysPerWeek() != 2 || !s.StudyDays[time.Sunday] {
		t.Errorf("the plan after the welcome = %+v", s)
	}
	if c, _ := st.Comparison(); c.Base != "EUR" || c.TargetCountry != "DE" {
		t.Errorf("comparison after the welcome = %+v", c)
	}
	if len(m.Canvas().Overlays().List()) != 0 {
		t.Error("the welcome did not close")
	}
	// Once is enough.
	m.welcome = nil
	m.WelcomeIfFirstRun()
	if m.welcome != nil {
		t.Error("the welcome came back")
	}
}

func TestSkippingTheWelcomeKeepsTheDefaults(t *testing.T) {
	st, _ := openFixture(t, salaryFixture())
	before := mustExport(t, st)
	a := test.NewTempApp(t)
	m := NewMainWindow(a, st, noPack)
	m.Resize(fyne.NewSize(1100, 800))
	m.WelcomeIfFirstRun()
	m.welcome.fields.hours.SetText("30")
	test.Tap(findButton(t, m, "Skip for now"))
	after := mustExport(t, st)
	if before.Plan.HoursPerWeek != after.Plan.HoursPerWeek || before.Comparison != after.Comparison {
		t.Error("skipping changed the plan")
	}
	if !a.Preferences().Bool(prefWelcomeDone) {
		t.Error("skipping does not count as done")
	}
}

func TestThemeAndCurrencyPersistAcrossARestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "restart.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Import(salaryFixture()); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	m := NewMainWindow(a, st, noPack)
	m.Resize(fyne.NewSize(1100, 800))
	press(m, fyne.KeyComma)
	s := m.screens[5].(*settingsScreen)
	if m.Current() != 5 {
		t.Fatalf("Ctrl+, showed screen %d", m.Current())
	}
	s.theme.SetSelected(themeDark)
	s.currency.SetSelected("GBP")
	if v := a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight); v != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark) {
		t.Error("choosing dark did not make the app dark")
	}
	m.Resize(fyne.NewSize(900, 650))
	m.Close()
	st.Close()

	// Start again: the same preferences, the database opened afresh.
	st2, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	m2 := NewMainWindow(a, st2, noPack)
	s2 := m2.screens[5].(*settingsScreen)
	if m2.Current() != 5 {
		t.Errorf("the app reopened on screen %d, not where it was left (5)", m2.Current())
	}
	if s2.theme.Selected != themeDark || s2.currency.Selected != "GBP" {
		t.Errorf("after a restart: theme %q, currency %q", s2.theme.Selected, s2.currency.Selected)
	}
	if size := m2.Canvas().Size(); size.Width != 900 || size.Height != 650 {
		t.Errorf("the window reopened at %v, not 900×650", size)
	}
	press(m2, fyne.Key4)
	if got := m2.screens[3].(*salaries).cmp.Base; got != "GBP" {
		t.Errorf("the salaries compare in %q", got)
	}
}

func TestMenusShowTheShortcuts(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	menu := m.MainMenu()
	if menu == nil || len(menu.Items) != 3 {
		t.Fatal("the main menu is not File, View, Help")
	}
	want := map[string]string{"Log a Study Session…": "N", "Dashboard": "1", "Timeline": "5", "Settings": ",", "Search Skills": "F"}
	for _, top := range menu.Items {
		for _, it := range top.Items {
			if key, ok := want[it.Label]; ok {
				sc, isCustom := it.Shortcut.(interface{ ShortcutName() string })
				if !isCustom || !strings.HasSuffix(sc.ShortcutName(), key) {
					t.Errorf("%s has shortcut %v, want Ctrl+%s", it.Label, it.Shortcut, key)
				}
				delete(want, it.Label)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("menu items missing: %v", want)
	}
	about := menu.Items[2].Items[0]
	about.Action()
	found := false
	onScreen(m, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "Your data: ") && strings.Contains(l.Text, "ui.db") {
			found = true
		}
	})
	if !found {
		t.Error("About does not say where the data is")
	}
}

func TestTrayMenuStartsTheTimer(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	tl := m.timeline
	tl.now = func() time.Time { return time.Date(2026, 11, 4, 18, 0, 0, 0, time.UTC) }
	press(m, fyne.Key5)
	rebuilt := 0
	menu := m.trayMenu(func() { rebuilt++ })
	if menu.Items[2].Label != "Start the Study Timer" {
		t.Fatalf("tray item %q", menu.Items[2].Label)
	}
	if today := menu.Items[3].ChildMenu.Items; len(today) == 0 || !strings.Contains(today[0].Label, "Decide your pace") {
		t.Errorf("today's plan in the tray = %v", today)
	}
	menu.Items[2].Action()
	if !tl.timer.Running() || rebuilt != 1 {
		t.Error("the tray did not start the timer")
	}
	if m.trayMenu(nil).Items[2].Label != "Stop the Timer and Log" {
		t.Error("the tray does not offer to stop a running timer")
	}
	tl.timer.toggle()
}

// TestEachScreenReopensWhereItWasLeft: the tab and view a learner chose on
// a screen come back on the next start.
func TestEachScreenReopensWhereItWasLeft(t *testing.T) {
	st, _ := openFixture(t, salaryFixture())
	a := test.NewTempApp(t)
	m := NewMainWindow(a, st, noPack)
	m.skills.tabs.SelectIndex(1)
	m.timeline.tabs.SelectIndex(1)
	m.timeline.viewSwitch.SetSelected("Week")
	sal := m.screens[3].(*salaries)
	sal.view.SetSelected(powerView)
	m.Close()

	m2 := NewMainWindow(a, st, noPack)
	defer m2.Close()
	sal2 := m2.screens[3].(*salaries)
	if m2.skills.tabs.SelectedIndex() != 1 || m2.timeline.tabs.SelectedIndex() != 1 || !m2.timeline.weekMode || sal2.view.Selected != powerView {
		t.Errorf("reopened on skills tab %d, timeline tab %d, week view %v, salaries %q; want where they were left",
			m2.skills.tabs.SelectedIndex(), m2.timeline.tabs.SelectedIndex(), m2.timeline.weekMode, sal2.view.Selected)
	}
}
