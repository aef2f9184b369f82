package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/practice"
	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

var practiceNow = time.Date(2026, 5, 10, 9, 0, 0, 0, time.Local)

// practiceWindow opens the window on the Practice screen at practiceNow.
func practiceWindow(t *testing.T, st *store.Store) (*MainWindow, *practiceScreen) {
	t.Helper()
	m := newTestWindow(t, st)
	var p *practiceScreen
	for _, s := range m.screens {
		if ps, ok := s.(*practiceScreen); ok {
			p = ps
		}
	}
	p.now = func() time.Time { return practiceNow }
	press(m, fyne.Key7)
	if m.Current() < 0 || m.screens[m.Current()] != p {
		t.Fatal("Ctrl+7 did not show the Practice screen")
	}
	p.tabs.SelectIndex(0)
	return m, p
}

// dueCard stores a card learnt a week ago, due by practiceNow.
func dueCard(t *testing.T, st *store.Store, front, back string, topic practice.Topic) uint {
	t.Helper()
	id, err := st.AddCard(practice.Card{Front: front, Back: back, Topic: topic})
	if err != nil {
		t.Fatal(err)
	}
	week := practiceNow.AddDate(0, 0, -8)
	for i, r := range []practice.Rating{practice.Good, practice.Good} {
		if _, err := st.ReviewCard(id, week.Add(time.Duration(i)*10*time.Minute), r); err != nil {
			t.Fatal(err)
		}
	}
	c, _ := st.Card(id)
	if c.Schedule.Due.After(practiceNow) {
		t.Fatalf("the card is due %v, after the test's day", c.Schedule.Due)
	}
	return id
}

func typeKey(m *MainWindow, name fyne.KeyName) {
	m.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: name})
}

func typeRune(m *MainWindow, r rune) { m.Canvas().Focused().TypedRune(r) }

func TestReviewingADueCardByKeyboard(t *testing.T) {
	st, _ := openFixture(t, fixture())
	id := dueCard(t, st, "What does **ACID** stand for?", "Atomicity, consistency, isolation, durability.", practice.Databases)
	m, p := practiceWindow(t, st)
	if p.current == nil || p.current.ID != id || !p.cardBox.Visible() {
		t.Fatalf("the due card is not on show: %+v", p.current)
	}
	if m.Canvas().Focused() != p.cardArea {
		t.Fatal("the card does not have the keys: Space would need a click first")
	}
	if p.answerBx.Visible() || p.rateBox.Visible() {
		t.Fatal("the answer shows before Space")
	}
	typeRune(m, '3') // rating before the answer is shown does nothing
	if c, _ := st.Card(id); c.Schedule.Reps != 2 {
		t.Fatalf("a rating before the answer was stored: reps %d", c.Schedule.Reps)
	}
	typeKey(m, fyne.KeySpace)
	if !p.answerBx.Visible() || !p.rateBox.Visible() || p.reveal.Visible() {
		t.Fatal("Space did not show the answer and the ratings")
	}
	// Each button says its key, its rating and the interval FSRS gives.
	card, _ := st.Card(id)
	iv := practice.NewScheduler(practice.DefaultRetention).Intervals(card.Schedule, practiceNow)
	for i, r := range practice.Ratings {
		want := practice.FormatInterval(iv[r])
		if got := p.rate[i].Text; !strings.HasPrefix(got, string(rune('1'+i))) || !strings.Contains(got, r.String()) || !strings.HasSuffix(got, want) {
			t.Errorf("button %d says %q, want key, %s and %s", i+1, got, r, want)
		}
	}
	typeRune(m, '3')
	after, _ := st.Card(id)
	if after.Schedule.Reps != 3 || after.Schedule.State != practice.StateReview || !after.Schedule.Due.After(practiceNow.Add(24*time.Hour)) {
		t.Errorf("after Good: %+v", after.Schedule)
	}
	logs, _ := st.Reviews(time.Time{})
	if n := len(logs[id]); n != 3 || logs[id][2].Rating != practice.Good {
		t.Errorf("review log %+v", logs[id])
	}
	if p.current != nil || !p.done.Visible() {
		t.Error("the reviewed card is still on show; nothing else was due")
	}
}

func TestAgainBringsTheCardBackTheSameDay(t *testing.T) {
	st, _ := openFixture(t, fixture())
	id := dueCard(t, st, "q", "a", practice.Security)
	m, p := practiceWindow(t, st)
	typeKey(m, fyne.KeySpace)
	test.Tap(p.rate[0]) // Again, by mouse
	c, _ := st.Card(id)
	if c.Schedule.State != practice.StateRelearning || c.Schedule.Lapses != 1 {
		t.Fatalf("after Again: %+v", c.Schedule)
	}
	p.now = func() time.Time { return practiceNow.Add(10 * time.Minute) }
	p.reload()
	if p.current == nil || p.current.ID != id {
		t.Error("a failed card is not back later the same day")
	}
}

func fillField(t *testing.T, m *MainWindow, label, text string) {
	t.Helper()
	var found *widgets.TextField
	onScreen(m, func(o fyne.CanvasObject) {
		if f, ok := o.(*widget.Form); ok {
			for _, it := range f.Items {
				if it.Text == label {
					found = it.Widget.(*widgets.TextField)
				}
			}
		}
	})
	if found == nil {
		t.Fatalf("no field %q", label)
	}
	if len(text) > 100 { // typing ten thousand characters one by one takes minutes
		found.SetText(text)
		return
	}
	found.SetText("")
	test.Type(found, text)
}

func TestAChallengeLoggedComesBackLater(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m, p := practiceWindow(t, st)
	p.tabs.SelectIndex(2)
	test.Tap(findButton(t, m, "Log a challenge"))
	fillField(t, m, "Problem", "Two Sum")
	fillField(t, m, "Source", "LeetCode")
	fillField(t, m, "Pattern", "hash map")
	fillField(t, m, "Time taken", "25")
	test.Tap(findButton(t, m, "Log"))
	if m.Canvas().Overlays().Top() != nil {
		t.Fatal("the form stayed open")
	}
	list, _ := st.Challenges()
	if len(list) != 1 || list[0].Title != "Two Sum" || len(list[0].Attempts) != 1 || list[0].Attempts[0].Result != practice.Solved {
		t.Fatalf("stored %+v", list)
	}
	due := list[0].Schedule.Due
	if due.Sub(practiceNow) < 24*time.Hour {
		t.Errorf("solved unaided, it is due again at %v: not days later", due)
	}
	if !strings.Contains(p.challenge.intro.Text, "0 due") {
		t.Errorf("intro says %q", p.challenge.intro.Text)
	}
	// Its 25 minutes are study on the skill (the fixture has no "Coding
	// challenge practice" skill: none is logged, and nothing fails).
	// On the day it is due it is listed as due again.
	p.now = func() time.Time { return due }
	p.reload()
	if !strings.Contains(p.challenge.intro.Text, "1 due") {
		t.Errorf("on its due day the intro says %q", p.challenge.intro.Text)
	}
	found := false
	visible(p.challenge.rows, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "due again today") {
			found = true
		}
	})
	if !found {
		t.Error("the challenge is not shown due again")
	}
}

func TestLoggingAChallengeRefusesBadInput(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m, p := practiceWindow(t, st)
	p.tabs.SelectIndex(2)
	test.Tap(findButton(t, m, "Log a challenge"))
	fillField(t, m, "Problem", strings.Repeat("x", 10))
	fillField(t, m, "Address", "javascript:alert(1)")
	fillField(t, m, "Time taken", "0")
	test.Tap(findButton(t, m, "Log"))
	if m.Canvas().Overlays().Top() == nil {
		t.Fatal("the form closed on bad input")
	}
	if list, _ := st.Challenges(); len(list) != 0 {
		t.Errorf("stored %+v", list)
	}
}

func TestAMockInterviewIsRecorded(t *testing.T) {
	st, _ := openFixture(t, fixture())
	for _, q := range []string{"What is an index?", "What is a join?", "What is ACID?"} {
		dueCard(t, st, q, "An answer.", practice.Databases)
	}
	if _, err := st.AddCard(practice.Card{Front: "Tell me about a conflict.", Topic: practice.Behavioural}); err != nil {
		t.Fatal(err)
	}
	m, p := practiceWindow(t, st)
	p.tabs.SelectIndex(3)
	p.mock.topics[2].SetChecked(true) // Databases & SQL
	p.mock.count.SetSelected("3")
	test.Tap(findButton(t, m, "Start mock interview"))
	if !p.mock.running.Visible() || len(p.mock.cards) != 3 {
		t.Fatalf("the mock did not start with 3 cards: %d", len(p.mock.cards))
	}
	for i, r := range []rune{'3', '1', '4'} {
		if !strings.HasPrefix(p.mock.progress.Text, "Question "+string(rune('1'+i))+" of 3") {
			t.Errorf("progress says %q", p.mock.progress.Text)
		}
		if p.mock.cards[i].Topic != practice.Databases {
			t.Errorf("question %d is on %s", i+1, p.mock.cards[i].Topic)
		}
		typeKey(m, fyne.KeySpace)
		typeRune(m, r)
	}
	p.now = func() time.Time { return practiceNow.Add(12 * time.Minute) } // no effect on what was recorded at the end
	mocks, _ := st.Mocks()
	if len(mocks) != 1 {
		t.Fatalf("%d mocks stored", len(mocks))
	}
	mk := mocks[0]
	if len(mk.Answers) != 3 || mk.Answers[1].Rating != practice.Again || len(mk.Topics) != 1 || mk.Topics[0] != practice.Databases || !mk.At.Equal(practiceNow) {
		t.Errorf("mock %+v", mk)
	}
	// The ratings were reviews of the cards.
	c, _ := st.Card(*mk.Answers[1].CardID)
	if c.Schedule.Lapses != 1 {
		t.Errorf("the card rated Again in the mock has %d lapses", c.Schedule.Lapses)
	}
	if p.mock.running.Visible() || !strings.Contains(p.mock.history.Objects[0].(*widget.Label).Text, "3 questions") {
		t.Error("the mock is not listed after it ended")
	}
	if got := p.progress.mocks.Text; !strings.Contains(got, "Mock interviews: 1;") || !strings.Contains(got, "67%") {
		t.Errorf("progress says %q", got)
	}
	// A dialog says it was saved; at 800×600 it fits.
	m.Resize(fyne.NewSize(800, 600))
	if top := m.Canvas().Overlays().Top(); top == nil || top.Size().Width > 800 {
		t.Error("no saved message fitting the window")
	}
}

func TestAddingACardAndTheTopicChart(t *testing.T) {
	st, _ := openFixture(t, fixture())
	dueCard(t, st, "What is TLS?", "Encryption in transit.", practice.Security)
	m, p := practiceWindow(t, st)
	p.tabs.SelectIndex(1)
	test.Tap(findButton(t, m, "Add card"))
	fillField(t, m, "Question", "What is a race condition?")
	fillField(t, m, "Answer", strings.Repeat("Two goroutines touch shared data. ", 300))
	fillField(t, m, "Topic", "concurrency")
	fillField(t, m, "Tags", "go threads")
	test.Tap(findButton(t, m, "Save"))
	cards, _ := st.Cards()
	if len(cards) != 2 || cards[1].Topic != "concurrency" || len(cards[1].Tags) != 2 || len(cards[1].Back) < 10000 {
		t.Fatalf("cards %+v", cards)
	}
	rows := p.progress.chart.Rows()
	if len(rows) != 2 || rows[0].Topic != practice.Security || rows[1].Topic != "concurrency" || rows[1].Mean != 0 || rows[0].Mean <= 0 {
		t.Errorf("chart rows %+v", rows)
	}
	// A tag with a space is refused with a reason.
	test.Tap(findButton(t, m, "Add card"))
	fillField(t, m, "Question", "q")
	fillField(t, m, "Topic", "two words")
	test.Tap(findButton(t, m, "Save"))
	if m.Canvas().Overlays().Top() == nil {
		t.Error("a topic with a space was accepted")
	}
}

func TestTodayCardCountsPracticeDue(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m := newTestWindow(t, st)
	d := m.screens[0].(*dashboard)
	if d.today.cards.Visible() {
		t.Error("practice shown with no cards")
	}
	dueCard(t, st, "q1", "a", practice.Security)
	dueCard(t, st, "q2", "a", practice.Security)
	d.now = func() time.Time { return practiceNow }
	d.reload()
	if !d.today.cards.Visible() || !strings.Contains(d.today.cards.Text, "2 cards due today") {
		t.Errorf("today card says %q", d.today.cards.Text)
	}
}

func TestImportingAnAnkiFileAddsCards(t *testing.T) {
	st, _ := openFixture(t, fixture())
	m, p := practiceWindow(t, st)
	dir := t.TempDir()
	good := filepath.Join(dir, "deck.tsv")
	os.WriteFile(good, []byte("#separator:tab\nWhat is REST?\tResources over HTTP.\ttopic::http-apis api\nWhat is a CDN?\tServers near users.\n"), 0o600)
	p.cards.importFile(good)
	cards, _ := st.Cards()
	if len(cards) != 2 || cards[0].Topic != practice.HTTP || cards[0].Tags[0] != "api" {
		t.Fatalf("cards %+v", cards)
	}
	if len(p.day.Cards) != 2 {
		t.Error("the screen was not reloaded")
	}
	closeTop := func() {
		if d := m.Canvas().Overlays().Top(); d != nil {
			m.Canvas().Overlays().Remove(d)
		}
	}
	closeTop()
	bad := filepath.Join(dir, "bad.tsv")
	os.WriteFile(bad, []byte("only a front\n"), 0o600)
	p.cards.importFile(bad)
	if cards, _ := st.Cards(); len(cards) != 2 {
		t.Errorf("a bad file added cards: %d", len(cards))
	}
	if m.Canvas().Overlays().Top() == nil {
		t.Error("no error shown for a bad file")
	}
}

func TestTheCardEditorFitsASmallWindow(t *testing.T) {
	st, _ := openFixture(t, fixture())
	id := dueCard(t, st, strings.Repeat("A long question ", 100), strings.Repeat("A long answer. ", 100), practice.Testing)
	m, p := practiceWindow(t, st)
	m.Resize(fyne.NewSize(800, 600))
	test.Tap(findButton(t, m, "Edit card"))
	top := m.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no editor")
	}
	if s := top.Size(); s.Width > 800 || s.Height > 600 {
		t.Errorf("the editor is %v in an 800×600 window", s)
	}
	fillField(t, m, "Tags", "edited")
	test.Tap(findButton(t, m, "Save"))
	c, _ := st.Card(id)
	if len(c.Tags) != 1 || c.Tags[0] != "edited" || c.Schedule.Reps != 2 {
		t.Errorf("after editing: tags %v, reps %d (the schedule must stay)", c.Tags, c.Schedule.Reps)
	}
	if p.current == nil || len(p.current.Tags) != 1 {
		t.Error("the card on show was not reloaded")
	}
}
