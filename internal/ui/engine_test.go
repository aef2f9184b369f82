package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/dialog"
	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

// TestSettingsSaysWhichEngineHoldsTheData: Settings ▸ Your data names the
// engine and the place, a server without its password.
func TestSettingsSaysWhichEngineHoldsTheData(t *testing.T) {
	file, path := openFixture(t, fixture())
	server := storetest.Server(t)
	st, err := store.Open(strings.Replace(server, "postgres://postgres@", "postgres://postgres:hidden@", 1))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Import(fixture()); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		st   *store.Store
		want string
	}{{file, "SQLite file: " + path}, {st, "PostgreSQL server: postgres://postgres@"}} {
		m := newTestWindow(t, c.st)
		m.show(len(m.screens) - 1)
		s := m.screens[len(m.screens)-1].(*settingsScreen)
		if !strings.HasPrefix(s.dataPath.Text, c.want) || strings.Contains(s.dataPath.Text, "hidden") ||
			!strings.Contains(s.dataPath.Text, "studyplanner move --to") {
			t.Errorf("Your data says %q; want it to start %q, name no password and say how to move", s.dataPath.Text, c.want)
		}
	}
}

// TestAnotherDevicesChangeIsShownWithoutARestart: a change another
// program commits is read into the screen shown, unless a dialog is open
// over it (a form being filled in is never thrown away); then the screen
// reads it when it is next shown.
func TestAnotherDevicesChangeIsShownWithoutARestart(t *testing.T) {
	st, path := openFixture(t, fixture())
	m := newTestWindow(t, st)
	m.loadNow = true
	m.ShowScreen(1)
	r := m.screens[1].(*roadmap)
	other, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	has := func(title string) bool {
		for _, s := range r.steps {
			if s.Title == title {
				return true
			}
		}
		return false
	}
	if _, err := other.AddStep("From the laptop"); err != nil {
		t.Fatal(err)
	}
	m.dataChanged()
	if !has("From the laptop") {
		t.Fatal("the other device's step is not shown")
	}
	if _, err := other.AddStep("While a form is open"); err != nil {
		t.Fatal(err)
	}
	d := dialog.NewInformation("A form", "being filled in", m.Window)
	d.Show()
	m.dataChanged()
	if has("While a form is open") {
		t.Error("the screen was read again under an open dialog")
	}
	d.Hide()
	m.ShowScreen(0)
	m.ShowScreen(1)
	if !has("While a form is open") {
		t.Error("the change is not shown when the screen is shown again")
	}
}
