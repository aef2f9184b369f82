package ui

import (
	"strings"
	"testing"

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
