package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/studyplanner/studyplanner/internal/practice"
	"github.com/studyplanner/studyplanner/internal/store"
)

type reviewDayOut struct {
	DueToday int `json:"due_today"`
	DueWeek  int `json:"due_next_7_days"`
	Cards    []struct {
		ID        uint              `json:"id"`
		Front     string            `json:"front"`
		Topic     string            `json:"topic"`
		State     string            `json:"state"`
		Due       *string           `json:"due"`
		Intervals map[string]string `json:"intervals"`
	} `json:"cards"`
}

func reviewDue(t *testing.T, db string) reviewDayOut {
	t.Helper()
	r := run(t, "", "--db", db, "review", "--due", "--json")
	if r.code != 0 {
		t.Fatalf("review: exit %d, %s", r.code, r.stderr)
	}
	var out reviewDayOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	return out
}

func TestReviewDueAndRate(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	day := reviewDue(t, db)
	if len(day.Cards) != 10 || day.Cards[0].State != "new" || day.Cards[0].Due != nil || day.Cards[0].Intervals["good"] != "10 min" {
		t.Fatalf("a new database's day: %+v", day)
	}
	id := day.Cards[0].ID
	r := run(t, "", "--db", db, "review", "--card", itoa(id), "--rating", "good")
	if r.code != 0 || !strings.Contains(r.stdout, "Rated Good") {
		t.Fatalf("rate: %d %s %s", r.code, r.stdout, r.stderr)
	}
	// The card, being learnt, comes back in minutes: after the new cards
	// of the day.
	day = reviewDue(t, db)
	last := day.Cards[len(day.Cards)-1]
	if day.DueToday != 1 || len(day.Cards) != 10 || last.ID != id || last.State != "learning" || last.Due == nil {
		t.Errorf("after rating: %+v", day)
	}
	if r := run(t, "", "--db", db, "review", "--card", itoa(id), "--rating", "perfect"); r.code != 2 || !strings.Contains(r.stderr, "again, hard, good or easy") {
		t.Errorf("bad rating: %d %s", r.code, r.stderr)
	}
	text := run(t, "", "--db", db, "review")
	if !strings.Contains(text.stdout, "cards to review today: 1 due") {
		t.Errorf("text: %s", text.stdout)
	}
}

func itoa(n uint) string { return strconv.FormatUint(uint64(n), 10) }

func TestCardsAddImportExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	r := run(t, "", "--db", db, "cards", "add", "--front", "What is a mutex?", "--back", "A lock: one goroutine at a time.", "--tags", "go concurrency", "--topic", "Data structures")
	if r.code != 0 || !strings.Contains(r.stdout, "Added card") {
		t.Fatalf("add: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "", "--db", db, "cards", "add", "--front", "", "--back", "x"); r.code != 2 || !strings.Contains(r.stderr, "question is missing") {
		t.Errorf("empty front: %d %s", r.code, r.stderr)
	}
	out := filepath.Join(dir, "cards.tsv")
	if r := run(t, "", "--db", db, "cards", "export", "--out", out); r.code != 0 || !strings.Contains(r.stdout, "Wrote 86 cards") {
		t.Fatalf("export: %d %s %s", r.code, r.stdout, r.stderr)
	}
	data, _ := os.ReadFile(out)
	if !strings.Contains(string(data), "What is a mutex?\tA lock: one goroutine at a time.\ttopic::data-structures go concurrency\n") {
		t.Errorf("the added card's line is missing:\n%s", data[:200])
	}
	other := filepath.Join(dir, "other.db")
	if r := run(t, "", "--db", other, "cards", "import", out); r.code != 0 || !strings.Contains(r.stdout, "Added 1 cards") || !strings.Contains(r.stdout, "85 were already there") {
		t.Errorf("import: %d %s %s", r.code, r.stdout, r.stderr)
	}
	bad := filepath.Join(dir, "bad.tsv")
	os.WriteFile(bad, []byte("q\ta\nonly a front\n"), 0o600)
	if r := run(t, "", "--db", other, "cards", "import", bad); r.code == 0 || !strings.Contains(r.stderr, "line 2") || !strings.Contains(r.stderr, "othing was changed") {
		t.Errorf("bad import: %d %s", r.code, r.stderr)
	}
	if r := run(t, "", "--db", other, "cards"); r.code != 2 {
		t.Errorf("cards without a subcommand: %d", r.code)
	}
}

func TestChallengesEmptyAndJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ch.db")
	if r := run(t, "", "--db", db, "challenges"); r.code != 0 || !strings.Contains(r.stdout, "No coding challenges") {
		t.Errorf("empty: %d %s", r.code, r.stdout)
	}
	if r := run(t, "", "--db", db, "challenges", "--json"); r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("empty JSON: %d %q", r.code, r.stdout)
	}
	st, err := store.Open(onEngine(t, db))
	if err != nil {
		t.Fatal(err)
	}
	_, err = st.LogAttempt(practice.Challenge{Title: "Two sum", Source: "LeetCode", Pattern: "hash map", Difficulty: practice.Easier},
		fixedNow(), 15, practice.WithHints, 0)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, "", "--db", db, "challenges", "--json")
	var list []struct {
		Title    string  `json:"title"`
		Due      *string `json:"due"`
		Attempts []struct {
			Minutes int    `json:"minutes"`
			Result  string `json:"result"`
		} `json:"attempts"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || len(list) != 1 || list[0].Due == nil ||
		len(list[0].Attempts) != 1 || list[0].Attempts[0].Result != "hints" || list[0].Attempts[0].Minutes != 15 {
		t.Errorf("challenges: %v %s", err, r.stdout)
	}
	if r := run(t, "", "--db", db, "challenges"); !strings.Contains(r.stdout, "Solved with hints") {
		t.Errorf("text: %s", r.stdout)
	}
}

// cards takes the global --db and --help as every command does, and a
// rating asked with --json answers in JSON.
func TestCardsAndReviewTakeTheUsualFlags(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	if r := run(t, "", "--db", db, "cards"); r.code != 2 || !strings.Contains(r.stderr, "say what to do: cards add") {
		t.Errorf("cards alone: exit %d %q", r.code, r.stderr)
	}
	r := run(t, "", "cards", "--help")
	if r.code != 0 || !strings.Contains(r.stdout, "Usage: studyplanner cards add") || r.stderr != "" {
		t.Errorf("cards --help: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = run(t, "", "review", "--help")
	if r.code != 0 || strings.Contains(r.stdout, "(default true)") || !strings.Contains(r.stdout, "-due") {
		t.Errorf("review --help: %q", r.stdout)
	}
	add := mustRun(t, "--db", db, "cards", "add", "--front", "What is a goroutine, in one sentence?", "--back", "A function run concurrently.")
	id := strings.TrimSuffix(strings.Fields(add.stdout)[2], ";")
	r = mustRun(t, "--db", db, "review", "--card", id, "--rating", "good", "--json")
	var rated ratedJSON
	if err := json.Unmarshal([]byte(r.stdout), &rated); err != nil || rated.Rating != "good" || rated.Due == "" || rated.Interval == "" {
		t.Errorf("review --json printed %q (%v)", r.stdout, err)
	}
}

// A topic typed must be one there is, and a question already asked is
// refused with the card that asks it.
func TestCardsAddRefusesUnknownTopicsAndRepeatedQuestions(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	r := run(t, "", "--db", db, "cards", "add", "--front", "What is Go's zero value of a map?", "--back", "nil", "--topic", "go")
	if r.code != 2 || !strings.Contains(r.stderr, `--topic: "go" is not a topic; use one of algorithms, data-structures, databases-sql`) {
		t.Errorf("--topic go: exit %d %q", r.code, r.stderr)
	}
	r = mustRun(t, "--db", db, "cards", "add", "--front", "What is Go's zero value of a map?", "--back", "nil", "--topic", "DATABASES-SQL")
	id := strings.TrimSuffix(strings.Fields(r.stdout)[2], ";")
	r = run(t, "", "--db", db, "cards", "add", "--front", "  What is Go's zero value of a map? ", "--back", "nil, again")
	if r.code != 1 || !strings.Contains(r.stderr, "card "+id+" already asks this question") {
		t.Errorf("the same question again: exit %d %q", r.code, r.stderr)
	}
	var day reviewDayJSON
	out := mustRun(t, "--db", db, "review", "--json").stdout
	if err := json.Unmarshal([]byte(out), &day); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range day.Cards {
		if c.Front == "What is Go's zero value of a map?" {
			n++
			if c.Topic != "databases-sql" {
				t.Errorf("topic %q, want databases-sql", c.Topic)
			}
		}
	}
	if n > 1 {
		t.Errorf("the question is there %d times", n)
	}
}
