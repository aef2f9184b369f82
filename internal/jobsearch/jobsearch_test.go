package jobsearch

import (
	"strings"
	"testing"
	"time"
)

func TestValidateApplication(t *testing.T) {
	ok := Application{Company: "Acme", Role: "Junior developer", History: []Event{{StageID: 1, Date: day("2026-01-05")}}}
	known := map[uint]bool{1: true, 2: true}
	cases := []struct {
		name   string
		change func(*Application)
		want   string // part of the error, "" for none
	}{
		{"fine", func(*Application) {}, ""},
		{"empty optional fields", func(a *Application) { a.URL, a.Source, a.Notes = "", "", "" }, ""},
		{"no company", func(a *Application) { a.Company = "  " }, "company is missing"},
		{"no role", func(a *Application) { a.Role = "" }, "role is missing"},
		{"10,000-character role", func(a *Application) { a.Role = strings.Repeat("x", 10_000) }, "keep it to 200"},
		{"long posting is fine", func(a *Application) { a.Posting = strings.Repeat("x", 10_000) }, ""},
		{"control character", func(a *Application) { a.Notes = "a\x1b[2Jb" }, "control character"},
		{"bad URL", func(a *Application) { a.URL = "javascript:alert(1)" }, "not a web address"},
		{"salary without currency", func(a *Application) { a.SalaryAsked = 50000 }, "needs its currency"},
		{"lower-case currency", func(a *Application) { a.SalaryAsked, a.Currency = 1, "eur" }, "not a currency code"},
		{"negative salary", func(a *Application) { a.SalaryOffered, a.Currency = -1, "EUR" }, "between 0"},
		{"unknown remote", func(a *Application) { a.Remote = "moon" }, "way of working"},
		{"no history", func(a *Application) { a.History = nil }, "needs a stage"},
		{"unknown stage", func(a *Application) { a.History[0].StageID = 9 }, "no longer exists"},
		{"date out of range", func(a *Application) { a.History[0].Date = day("0202-01-01") }, "out of range"},
	}
	for _, c := range cases {
		a := ok
		a.History = append([]Event(nil), ok.History...)
		c.change(&a)
		err := ValidateApplication(a, known)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: error %v, want one saying %q", c.name, err, c.want)
		}
	}
}

func TestValidateContactAndInterview(t *testing.T) {
	if err := ValidateContact(Contact{Name: "Ana", Email: "ana@example.com", Link: "https://example.com/ana"}); err != nil {
		t.Error(err)
	}
	for _, c := range []Contact{{}, {Name: "Ana", Email: "not an email"}, {Name: "Ana", Link: "file:///etc/passwd"}} {
		if ValidateContact(c) == nil {
			t.Errorf("contact %+v accepted", c)
		}
	}
	good := Interview{Start: day("2026-03-20").Add(10 * time.Hour), Minutes: 45, Link: "https://meet.example.com/x"}
	if err := ValidateInterview(good); err != nil {
		t.Error(err)
	}
	for _, iv := range []Interview{{Minutes: 45}, {Start: good.Start}, {Start: good.Start, Minutes: 45, Link: "meet"}} {
		if ValidateInterview(iv) == nil {
			t.Errorf("interview %+v accepted", iv)
		}
	}
}

func TestMove(t *testing.T) {
	a := Application{Company: "Acme", History: []Event{{StageID: 2, Date: day("2026-03-10")}}}
	stages := DefaultStages()
	cases := []struct {
		to   Stage
		date string
		want string
	}{
		{stages[2], "2026-03-10", ""},
		{stages[2], "2026-03-12", ""},
		{stages[2], "2026-03-09", "before the last one"},
		{stages[1], "2026-03-12", "already in Applied"},
		{stages[2], "2026-03-20", ""}, // today
		{stages[2], "2026-03-21", "2026-03-21 is in the future; use today's date (2026-03-20) or an earlier one"},
		{stages[2], "2030-01-01", "is in the future"},
	}
	for _, c := range cases {
		e, err := Move(a, c.to, day(c.date), "  called back ", day("2026-03-20").Add(23*time.Hour))
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s on %s: %v", c.to.Name, c.date, err)
		case c.want == "" && (e.StageID != c.to.ID || e.Note != "called back"):
			t.Errorf("event %+v", e)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s on %s: %v, want %q", c.to.Name, c.date, err, c.want)
		}
	}
}

func TestStagesAddRenameReorder(t *testing.T) {
	st := DefaultStages()
	if err := CheckNewStage(st, Stage{Name: "ghosted", Kind: KindSilent}); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("duplicate name: %v", err)
	}
	if err := CheckNewStage(st, Stage{Name: "Take-home", Kind: "weird"}); err == nil {
		t.Error("unknown kind accepted")
	}
	if err := CheckNewStage(st, Stage{Name: "Take-home", Kind: KindAnswer}); err != nil {
		t.Error(err)
	}
	if err := CheckRename(st, Stage{ID: 2, Name: "applied", Kind: KindApplied}); err != nil {
		t.Errorf("renaming a stage to its own name in other case: %v", err)
	}
	got := Reorder(st, 3, -1)
	if got[1].ID != 3 || got[2].ID != 2 || got[1].Position != 2 {
		t.Errorf("reorder: %+v", got[:3])
	}
	if got := Reorder(st, 1, -1); got[0].ID != 1 {
		t.Error("moving the first stage left changed the order")
	}
}

func TestHistoryOrder(t *testing.T) {
	h := []Event{{ID: 3, Date: day("2026-03-02")}, {ID: 0, Date: day("2026-03-01")}, {ID: 2, Date: day("2026-03-02")}, {ID: 1, Date: day("2026-03-05")}}
	SortHistory(h)
	want := []uint{0, 2, 3, 1}
	for i, e := range h {
		if e.ID != want[i] {
			t.Fatalf("order %+v", h)
		}
	}
}
