package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/app"
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
	// The welcome ends on the answer (fails on 522c7e7: it closed with none).
	if wl.fit == nil || wl.fit.verdict.Text != "Your plan fits" {
		t.Fatalf("the welcome ends without saying whether the plan fits")
	}
	test.Tap(findButton(t, m, "Start studying"))
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

// A plan that does not fit: the welcome's last page says so in its first
// lines and one click makes it fit. Fails on 522c7e7, which had no answer.
func TestTheWelcomeEndsOnTheAnswerWithRemedies(t *testing.T) {
	st, _ := openFixture(t, fourLanguageFixture())
	a := test.NewTempApp(t)
	m := NewMainWindow(a, st, noPack)
	m.Resize(fyne.NewSize(800, 600))
	m.WelcomeIfFirstRun()
	wl := m.welcome
	wl.fields.hours.SetText("2")
	test.Tap(findButton(t, m, "Create my plan"))
	if wl.fit == nil || wl.fit.verdict.Text != "Your plan does not fit" {
		t.Fatalf("the answer is %v", wl.fit)
	}
	// In the first screenful of the dialog: the verdict and the remedies.
	for _, o := range []fyne.CanvasObject{wl.fit.verdict, wl.fit.remedies} {
		if pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o); pos.Y < 0 || pos.Y > 600 {
			t.Errorf("%T is at y %v, outside an 800×600 window", o, pos.Y)
		}
	}
	more := findButtonIn(t, wl.fit.remedies, "Do it", 0) // more hours first
	test.Tap(more)
	if s, _ := st.Settings(); s.HoursPerWeek <= 2 {
		t.Errorf("the remedy left %v h a week", s.HoursPerWeek)
	}
	if wl.fit.verdict.Text != "Your plan fits" || !wl.fit.done.Visible() {
		t.Errorf("after the remedy the answer is %q, with no word of the change", wl.fit.verdict.Text)
	}
}

// The must-show: the four-language default with Python chosen in the
// welcome plans only Python, and the total hours drop by the other three.
func TestChoosingPythonInTheWelcomePlansOnlyPython(t *testing.T) {
	st, _ := openFixture(t, fourLanguageFixture())
	a := test.NewTempApp(t)
	m := NewMainWindow(a, st, noPack)
	m.Resize(fyne.NewSize(1100, 800))
	before, _ := app.LoadSchedule(st, time.Now())
	m.WelcomeIfFirstRun()
	wl := m.welcome
	lang := wl.groups["Main language"]
	if lang == nil || lang.Selected != undecided || len(lang.Options) != 5 {
		t.Fatalf("the welcome does not ask for the main language: %+v", lang)
	}
	lang.SetSelected("Python")
	test.Tap(findButton(t, m, "Create my plan"))
	after, _ := app.LoadSchedule(st, time.Now())
	if got, want := after.Plan.TotalWork(), before.Plan.TotalWork()-60-40-40; got != want {
		t.Errorf("total work %v h after choosing Python, want %v (Java 60, Ruby 40, Go 40 less)", got, want)
	}
	for _, items := range after.Forecast.Days {
		for _, it := range items {
			if it.Name == "Java" || it.Name == "Ruby" || it.Name == "Go" {
				t.Fatalf("%s is still planned", it.Name)
			}
		}
	}
	// Set aside, not deleted: the Skills screen shows them so.
	test.Tap(findButton(t, m, "Start studying"))
	press(m, fyne.Key3)
	if _, _, right := checkRow(t, m, "Java"); !strings.HasPrefix(right.Objects[0].(*widget.Label).Text, "Set aside") {
		t.Errorf("Java shows %q", right.Objects[0].(*widget.Label).Text)
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
	m.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	after := mustExport(t, st)
	if before.Plan.HoursPerWeek != after.Plan.HoursPerWeek || before.Comparison != after.Comparison {
		t.Error("skipping changed the plan")
	}
	if done, _ := st.Welcomed(); !done {
		t.Error("skipping does not count as done")
	}
}

// Fails on 522c7e7: the welcome was once per computer, so a second
// database never got it.
func TestEachNewDatabaseGetsTheWelcome(t *testing.T) {
	a := test.NewTempApp(t)
	first, _ := openFixture(t, salaryFixture())
	m := NewMainWindow(a, first, noPack)
	m.WelcomeIfFirstRun()
	test.Tap(findButton(t, m, "Skip for now"))
	m.Close()

	second, _ := openFixture(t, salaryFixture())
	m2 := NewMainWindow(a, second, noPack)
	m2.WelcomeIfFirstRun()
	if m2.welcome == nil {
		t.Fatal("a new database opened on the same computer got no welcome")
	}
	test.Tap(findButton(t, m2, "Skip for now"))
	m2.Close()

	// And the first one, opened again, does not ask again.
	m3 := NewMainWindow(a, first, noPack)
	m3.WelcomeIfFirstRun()
	if m3.welcome != nil {
		t.Error("the first database asked again")
	}
}

// A computer that answered the welcome before the database remembered it
// does not ask again for the database it uses.
func TestTheOldWelcomePreferenceCountsForTheFirstDatabase(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetBool(prefWelcomeDone, true)
	st, _ := openFixture(t, salaryFixture())
	m := NewMainWindow(a, st, noPack)
	m.WelcomeIfFirstRun()
	if m.welcome != nil {
		t.Fatal("the upgrade asked the welcome again")
	}
	if done, _ := st.Welcomed(); !done || a.Preferences().Bool(prefWelcomeDone) {
		t.Error("the preference did not move into the database")
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
	s := m.screens[len(m.screens)-1].(*settingsScreen)
	if m.Current() != len(m.screens)-1 {
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
	s2 := m2.screens[len(m2.screens)-1].(*settingsScreen)
	if m2.Current() != len(m2.screens)-1 {
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

// Fails on 0a96a61: each visit of Settings re-applied the theme to the
// whole app and rewrote the preferences file.
func TestVisitingSettingsChangesNothing(t *testing.T) {
	st, _ := openFixture(t, salaryFixture())
	m := newTestWindow(t, st)
	a := fyne.CurrentApp()
	a.Preferences().SetString(prefTheme, "dark")
	applyTheme(a)
	themeChanges, prefWrites := 0, 0
	a.Settings().AddListener(func(fyne.Settings) { themeChanges++ })
	a.Preferences().AddChangeListener(func() { prefWrites++ })
	for range 3 {
		press(m, fyne.KeyComma)
		press(m, fyne.Key1)
	}
	if themeChanges != 0 || prefWrites != 0 {
		t.Errorf("three visits of Settings applied the theme %d times and wrote the preferences %d times", themeChanges, prefWrites)
	}
	// A change the learner makes is still saved and applied.
	press(m, fyne.KeyComma)
	m.screens[len(m.screens)-1].(*settingsScreen).theme.SetSelected(themeLight)
	if a.Preferences().String(prefTheme) != "light" || themeChanges == 0 {
		t.Error("choosing Light was not saved and applied")
	}
}

// Fails on 0e819a4: Enter in the hours field did nothing, and closing the
// app on the answer page brought the questions back at the next start.
func TestEnterInAWelcomeFieldAnswersAndTheAnswerCounts(t *testing.T) {
	st, _ := openFixture(t, salaryFixture())
	a := test.NewTempApp(t)
	m := NewMainWindow(a, st, noPack)
	m.Resize(fyne.NewSize(800, 600))
	m.WelcomeIfFirstRun()
	wl := m.welcome
	wl.fields.hours.SetText("12")
	wl.fields.hours.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s, _ := st.Settings(); s.HoursPerWeek != 12 || wl.fit == nil {
		t.Fatalf("Enter in Hours: %v h a week stored, answer shown %v", s.HoursPerWeek, wl.fit != nil)
	}
	if done, _ := st.Welcomed(); !done {
		t.Error("the answered welcome would come back if the app closed now")
	}
}

// The first screen has its figures before the window shows (fails on
// 0e819a4: they were read in the background after it), and the daily
// backup, which reads the whole file, is taken after, off the UI thread.
func TestTheFirstFiguresComeBeforeTheWindowAndTheBackupAfter(t *testing.T) {
	st, path := openFixture(t, fixture())
	runLoad = func(func() func()) {} // a background load would never come
	defer func() { runLoad = func(load func() func()) { load()() } }()
	a := test.NewTempApp(t)
	a.Preferences().SetInt(prefScreen, 2)
	shown := make(chan struct{})
	m := startMain(a, st, Options{BuiltInPack: noPack, FiguresShown: func() {
		if all, _ := store.Backups(path, time.Now()); len(all) != 0 {
			t.Error("the backup was taken before the figures were shown")
		}
		close(shown)
	}})
	t.Cleanup(m.Close)
	if len(m.skills.rows) == 0 {
		t.Error("the first screen, Skills, was shown without its data")
	}
	<-shown
	waitFor(t, "the daily backup", func() bool { all, _ := store.Backups(path, time.Now()); return len(all) == 1 })
}

func TestAFailedDailyBackupIsToldInTheWindow(t *testing.T) {
	st, path := openFixture(t, fixture())
	m := newTestWindow(t, st)
	os.RemoveAll(store.BackupDir(path))
	os.WriteFile(store.BackupDir(path), []byte("a file where the folder goes"), 0o600)
	m.dailyBackup(time.Now())
	if top := m.Canvas().Overlays().Top(); top == nil || !strings.Contains(labelsUnder(top), "daily backup") {
		t.Error("a failed daily backup was not told")
	}
}

// Settings ▸ Check data reads the whole file and says so in words.
func TestCheckDataSaysTheDataIsHealthy(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	press(m, fyne.KeyComma)
	test.Tap(findButton(t, m, "Check data"))
	waitFor(t, "the check's answer", func() bool {
		top := m.Canvas().Overlays().Top()
		return top != nil && strings.Contains(labelsUnder(top), "reads back as written")
	})
}
