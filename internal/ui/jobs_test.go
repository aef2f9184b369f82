package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// jobsFixture has two applications: Acme applied on 2 November and
// screened on the 6th; Beta applied on 16 November.
func jobsFixture() snapshot.Document {
	doc := fixture()
	doc.JobSearch = snapshot.DocumentJobs(jobsearch.Board{Stages: jobsearch.DefaultStages()}, jobsearch.DefaultSettings())
	doc.JobSearch.Applications = []snapshot.JobApplication{
		{Company: "Acme", Role: "Go developer", Source: "Referral", History: []snapshot.JobEvent{
			{Stage: "Applied", Date: "2026-11-02"}, {Stage: "Screening", Date: "2026-11-06", Note: "call with Ana"}}},
		{Company: "Beta", Role: "Backend developer", Source: "Job site", History: []snapshot.JobEvent{{Stage: "Applied", Date: "2026-11-16"}}},
	}
	return doc
}

// jobsAt opens the Job search screen on the day given, at 09:00.
func jobsAt(t *testing.T, day string) (*MainWindow, *jobSearch, *store.Store) {
	t.Helper()
	st, _ := openFixture(t, jobsFixture())
	m := newTestWindow(t, st)
	d, _ := time.Parse(time.DateOnly, day)
	m.jobs.now = func() time.Time { return d.Add(9 * time.Hour) }
	m.jobs.tabs.SelectIndex(0)
	press(m, fyne.Key6)
	if m.Current() != 5 {
		t.Fatalf("Ctrl+6 showed screen %d", m.Current())
	}
	return m, m.jobs, st
}

// stageOf is the name of an application's current stage as stored.
func stageOf(t *testing.T, st *store.Store, company string) (string, []jobsearch.Event) {
	t.Helper()
	b, err := st.JobBoard()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range b.Applications {
		if a.Company == company {
			s, _ := b.StageOf(a.Current().StageID)
			return s.Name, a.History
		}
	}
	t.Fatalf("no application to %s", company)
	return "", nil
}

func TestAddingAnApplicationPutsItOnTheBoard(t *testing.T) {
	m, j, st := jobsAt(t, "2026-11-25")
	test.Tap(findButton(t, m, "Add application"))
	items := j.editor.form.Items
	test.Type(items[0].Widget.(*widgets.TextField), "Cobalt Payments")
	test.Type(items[1].Widget.(*widgets.TextField), "Junior backend engineer")
	items[5].Widget.(*widget.SelectEntry).SetText("Recruiter")
	test.Tap(findButton(t, m, "Add"))
	if j.editor.problem.Visible() {
		t.Fatalf("adding said %q", j.editor.problem.Text)
	}
	stage, history := stageOf(t, st, "Cobalt Payments")
	if stage != "Applied" || len(history) != 1 || history[0].Date.Format(time.DateOnly) != "2026-11-25" {
		t.Errorf("stored in %s with %+v", stage, history)
	}
	card := j.cards[3]
	if card == nil || card.Company != "Cobalt Payments" || card.Since != "moved today" {
		t.Fatalf("the board's card: %+v", card)
	}
	// An empty role is refused in the form, which stays open.
	test.Tap(findButton(t, m, "Add application"))
	test.Type(j.editor.form.Items[0].Widget.(*widgets.TextField), "Nameless")
	test.Tap(findButton(t, m, "Add"))
	if !j.editor.problem.Visible() || !strings.Contains(j.editor.problem.Text, "Role") {
		t.Errorf("an application without a role: %q", j.editor.problem.Text)
	}
}

func TestDraggingACardMovesTheApplication(t *testing.T) {
	m, j, st := jobsAt(t, "2026-11-25")
	card := j.cards[2] // Beta, in Applied
	from := fyne.CurrentApp().Driver().AbsolutePositionForObject(card).Add(fyne.NewPos(10, 10))
	// Two columns to the right: Applied → Screening → Technical interview.
	test.Drag(m.Canvas(), from, 2*columnWidth+20, 0)
	stage, history := stageOf(t, st, "Beta")
	if stage != "Technical interview" || len(history) != 2 || history[1].Date.Format(time.DateOnly) != "2026-11-25" {
		t.Fatalf("after the drag Beta is in %s: %+v", stage, history)
	}
	if c := j.cards[2]; c == nil || j.columns[3].stage.Name != "Technical interview" {
		t.Fatal("the board was not redrawn")
	}
	// Dropped outside the board: nothing moves.
	test.Drag(m.Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(j.cards[2]).Add(fyne.NewPos(10, 10)), 0, -2000)
	if stage, _ := stageOf(t, st, "Beta"); stage != "Technical interview" {
		t.Errorf("a drop off the board moved it to %s", stage)
	}
}

// TestShiftArrowMovesACardAsTheDesktopSendsIt: Fyne's desktop driver
// sends Shift+→ as a Shift key down, then the arrow to TypedKey (it makes
// a shortcut of Shift with Insert or Delete only). Fails on a51deed,
// whose card heard Shift+→ only as a shortcut, so it never moved.
func TestShiftArrowMovesACardAsTheDesktopSendsIt(t *testing.T) {
	m, j, st := jobsAt(t, "2026-11-25")
	m.Canvas().Focus(j.cards[1]) // Acme, in Screening
	card := j.cards[1]
	shift := &fyne.KeyEvent{Name: desktop.KeyShiftLeft}
	card.KeyDown(shift)
	card.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	card.KeyUp(shift)
	if stage, _ := stageOf(t, st, "Acme"); stage != "Technical interview" {
		t.Fatalf("Shift+→ moved Acme to %s", stage)
	}
	// An arrow without Shift moves nothing.
	j.cards[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if stage, _ := stageOf(t, st, "Acme"); stage != "Technical interview" {
		t.Errorf("← alone moved Acme to %s", stage)
	}
	j.cards[1].KeyDown(shift)
	j.cards[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if stage, _ := stageOf(t, st, "Acme"); stage != "Screening" {
		t.Errorf("Shift+← moved Acme to %s", stage)
	}
}

func TestMovingACardByKeyboard(t *testing.T) {
	m, j, st := jobsAt(t, "2026-11-25")
	m.Canvas().Focus(j.cards[1]) // Acme, in Screening
	right := &desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierShift}
	m.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(right)
	if stage, _ := stageOf(t, st, "Acme"); stage != "Technical interview" {
		t.Fatalf("Shift+Right moved Acme to %s", stage)
	}
	// The focus follows the card into its new column, so the keys go on.
	if m.Canvas().Focused() != j.cards[1] {
		t.Fatal("the focus did not follow the card")
	}
	m.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(right)
	typeInFocused(t, m, "[")
	stage, history := stageOf(t, st, "Acme")
	if stage != "Technical interview" || len(history) != 5 {
		t.Errorf("after right, right, left: %s with %d moves", stage, len(history))
	}
	// At the first column, left does nothing.
	m.Canvas().Focus(j.cards[2])
	typeInFocused(t, m, "[[[")
	if stage, _ := stageOf(t, st, "Beta"); stage != "Saved" {
		t.Errorf("Beta went left to %s", stage)
	}
}

// typeInFocused types into whatever has the focus, as the keyboard does.
func typeInFocused(t *testing.T, m *MainWindow, s string) {
	t.Helper()
	for _, r := range s {
		f := m.Canvas().Focused()
		if f == nil {
			t.Fatalf("nothing has the focus to type %q into", r)
		}
		f.TypedRune(r)
	}
}

func TestTheHistoryIsShownInOrder(t *testing.T) {
	m, j, st := jobsAt(t, "2026-11-25")
	// A move dated between the two earlier ones is refused; one on the
	// day of the last comes after it.
	rejected, _ := j.data.Board.StageNamed("Rejected")
	technical, _ := j.data.Board.StageNamed("Technical interview")
	if _, err := st.MoveApplication(1, rejected.ID, time.Date(2026, 11, 4, 0, 0, 0, 0, time.UTC), ""); err == nil {
		t.Fatal("a move dated before the last one was stored")
	}
	if _, err := st.MoveApplication(1, technical.ID, time.Date(2026, 11, 6, 0, 0, 0, 0, time.UTC), "same day"); err != nil {
		t.Fatal(err)
	}
	j.reload()
	test.Tap(j.cards[1])
	var lines []string
	onScreen(m, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, " · ") && strings.Contains(l.Text, "2026") {
			lines = append(lines, l.Text)
		}
	})
	want := []string{"2 Nov 2026 · Applied", "6 Nov 2026 · Screening · call with Ana", "6 Nov 2026 · Technical interview (now) · same day"}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("history shown:\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	// A move made by mistake is undone: the stage before is current again.
	test.Tap(findButton(t, m, "Undo the last move"))
	if stage, history := stageOf(t, st, "Acme"); stage != "Screening" || len(history) != 2 {
		t.Errorf("after the undo Acme is in %s with %d moves", stage, len(history))
	}
}

func TestAFollowUpAppearsAfterTheDaysSet(t *testing.T) {
	// Beta applied on 16 November; a follow-up is due seven days later.
	_, j, st := jobsAt(t, "2026-11-22")
	// (Acme, screened on 6 November, is due already.)
	if strings.Contains(j.dueNote.Text, "Beta") || j.cards[2].Overdue || !j.cards[1].Overdue {
		t.Fatalf("after six days: %q", j.dueNote.Text)
	}
	if j.cards[2].Next != "Follow up · Mon 23 Nov" {
		t.Errorf("Beta's next action: %q", j.cards[2].Next)
	}
	j.now = func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }
	j.reload()
	if !j.dueNote.Visible() || !strings.Contains(j.dueNote.Text, "Beta") || !j.cards[2].Overdue {
		t.Errorf("after seven days: %q, overdue %v", j.dueNote.Text, j.cards[2].Overdue)
	}
	// Overdue is said in words, not only in colour; a date of another
	// year says its year. Fails on a51deed: "Follow up · Fri 13 Nov".
	if got := j.cards[2].Next; got != "Follow up · due today" {
		t.Errorf("Beta, due today: %q", got)
	}
	if got := j.cards[1].Next; got != "Follow up · overdue since 13 Nov" {
		t.Errorf("Acme, due on the 13th: %q", got)
	}
	j.now = func() time.Time { return time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC) }
	j.reload()
	if got := j.cards[1].Next; got != "Follow up · overdue since 13 Nov 2026" {
		t.Errorf("Acme, in the new year: %q", got)
	}
	// On the narrow card the date goes to a line of its own, whole.
	whole := false
	for _, o := range test.WidgetRenderer(j.cards[1]).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Text == "overdue since 13 Nov 2026" {
			whole = true
		}
	}
	if !whole {
		t.Error("the card cuts its overdue date")
	}
	j.now = func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }
	// The setting decides: at ten days it is not due yet.
	js, _ := st.JobSettings()
	if err := st.SaveJobSettings(js, jobsearch.Settings{FollowUpDays: 10}); err != nil {
		t.Fatal(err)
	}
	j.reload()
	if strings.Contains(j.dueNote.Text, "Beta") || !strings.Contains(j.dueNote.Text, "Acme") {
		t.Errorf("with ten days Beta is due after seven: %q", j.dueNote.Text)
	}
}

func TestTheListSortsAndFilters(t *testing.T) {
	_, j, _ := jobsAt(t, "2026-11-25")
	l := j.list
	if len(l.rows) != 2 || l.rows[0].Company != "Beta" {
		t.Fatalf("by last move, newest first: %v", l.rows)
	}
	l.sortOn(0)
	if l.rows[0].Company != "Acme" {
		t.Errorf("by company: %s first", l.rows[0].Company)
	}
	l.stage.SetSelected("Screening")
	if len(l.rows) != 1 || l.rows[0].Company != "Acme" || l.count.Text != "1 of 2 applications" {
		t.Errorf("filtered by stage: %v, %q", l.rows, l.count.Text)
	}
	l.stage.SetSelected(anyFilter)
	test.Type(l.company, "bet")
	if len(l.rows) != 1 || l.rows[0].Company != "Beta" {
		t.Errorf("filtered by company: %v", l.rows)
	}
}

func TestJobScreensFitAt800x600(t *testing.T) {
	m, j, _ := jobsAt(t, "2026-11-25")
	m.Resize(fyne.NewSize(800, 600))
	for i := range j.tabs.Items {
		j.tabs.SelectIndex(i)
		if min := m.Content().MinSize(); min.Width > 800 || min.Height > 600 {
			t.Errorf("tab %s needs %v", j.tabs.Items[i].Text, min)
		}
	}
	test.Tap(j.cards[1])
	if size := j.editor.dialog.MinSize(); size.Width > 800 || size.Height > 600 {
		t.Errorf("the application's form needs %v", size)
	}
}

func TestAnInterviewShowsOnTheCalendarAndTheTodayCard(t *testing.T) {
	doc := jobsFixture()
	doc.JobSearch.Applications[0].Interviews = []snapshot.JobInterview{{Start: "2026-11-27T10:30", Minutes: 45, Link: "https://meet.example.com/acme"}}
	st, _ := openFixture(t, doc)
	m := newTestWindow(t, st)
	day := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	m.timeline.now = func() time.Time { return day.Add(8 * time.Hour) }
	press(m, fyne.Key5)
	f := m.timeline.facts(day)
	// Beta's follow-up (applied on the 16th) was due on the 23rd: it is
	// listed today too.
	if f.Event != "10:30 Acme +1" {
		t.Errorf("the calendar's 27 November says %q", f.Event)
	}
	if e := m.timeline.facts(day.AddDate(0, 0, 1)).Event; e != "" {
		t.Errorf("the 28th says %q", e)
	}
	m.timeline.selectDay(day)
	var lines []string
	onScreen(m, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && (strings.Contains(l.Text, "Interview:") || strings.Contains(l.Text, "Follow up:")) {
			lines = append(lines, l.Text)
		}
	})
	want := "10:30–11:15 Interview: Acme (Go developer) · https://meet.example.com/acme"
	if len(lines) != 2 || lines[0] != want || lines[1] != "Follow up: Beta (Backend developer)" {
		t.Errorf("the day shows %q", lines)
	}
	// The dashboard's Today card lists them too.
	dash := m.screens[0].(*dashboard)
	dash.now = m.timeline.now
	dash.reload()
	var today []string
	for _, o := range dash.today.items.Objects {
		if l, ok := o.(*widget.Label); ok {
			today = append(today, l.Text)
		}
	}
	if !strings.Contains(strings.Join(today, "\n"), want) {
		t.Errorf("the Today card shows %q", today)
	}
}

func TestAnOfferShowsOnTheSalariesScreenConvertedLikeTheRanges(t *testing.T) {
	doc := salaryFixture() // compares in EUR, aiming at Germany
	doc.JobSearch = jobsFixture().JobSearch
	doc.JobSearch.Applications[0].SalaryOffered, doc.JobSearch.Applications[0].Currency = 50000, "EUR"
	doc.JobSearch.Applications[0].Remote = "hybrid"
	doc.JobSearch.Applications[1].SalaryOffered, doc.JobSearch.Applications[1].Currency = 60000, "USD"
	st, _ := openFixture(t, doc)
	m := newTestWindow(t, st)
	s := m.screens[3].(*salaries)
	press(m, fyne.Key4)
	var acme, beta *widgets.RangeChart
	for _, r := range s.offers.Rows() {
		switch r.Source {
		case "Acme (job search)":
			acme = s.offers
			if r.BaseMin != 50000 || r.CountryCode != "DE" {
				t.Errorf("Acme's offer: %+v", r)
			}
		case "Beta (job search)":
			beta = s.offers
			// 60,000 USD at 1.0813 per euro.
			if r.BaseMin != 55489 || r.CountryCode != "US" {
				t.Errorf("Beta's offer: %+v", r)
			}
		}
	}
	if acme == nil || beta == nil {
		t.Fatalf("the offers chart has %+v", s.offers.Rows())
	}
	var cells []string
	for _, o := range s.offerTable.Objects {
		cells = append(cells, o.(*widget.Label).Text)
	}
	table := strings.Join(cells, " | ")
	// Beta first: more at exchange rates. By purchasing power, 60,000 USD
	// earned in the US (factor 1) buy in Germany (0.75) what €45,000 buy.
	for _, want := range []string{"Beta · Applied | $60,000 | €55,489 | €45,000 | Not said", "Acme · Screening | €50,000 | €50,000 | €50,000 | Hybrid"} {
		if !strings.Contains(table, want) {
			t.Errorf("the comparison lacks %q:\n%s", want, table)
		}
	}
	// Tapping the job search's offer does not open the salary form.
	s.offers.OnTapped(s.offers.Rows()[0])
	if s.editor != nil {
		t.Error("a job search offer opened the salary form")
	}
}

func TestImportingASpreadsheetShowsEachRowBeforeWriting(t *testing.T) {
	m, j, st := jobsAt(t, "2026-11-25")
	path := filepath.Join(t.TempDir(), "sheet.csv")
	data := "Firma,Stelle,Datum\r\nCobalt,Go developer,2026-11-20\r\n,No company,2026-11-21\r\nDelta,SRE,yesterday\r\n"
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	j.previewImport(path)
	// Without a mapping no column holds the company: said, nothing read.
	if !strings.HasPrefix(findPreview(j).summary.Text, "No column holds the company; name the column that does, as company=COLUMN") {
		t.Errorf("unmapped: %q", findPreview(j).summary.Text)
	}
	p := findPreview(j)
	test.Type(p.mapping, "company=Firma,role=Stelle,date=Datum")
	test.Tap(findButton(t, m, "Read again"))
	if p.summary.Text != "1 row will be imported; 2 will not, each with the reason below." {
		t.Errorf("summary %q", p.summary.Text)
	}
	var rows []string
	for _, o := range p.rows.Objects {
		rows = append(rows, o.(*widget.Label).Text)
	}
	want := "Row 2: Cobalt · Go developer · Applied\nRow 3 left out: the company is missing\nRow 4 left out: the date \"yesterday\" is not a date; write it as YYYY-MM-DD"
	if strings.Join(rows, "\n") != want {
		t.Errorf("rows:\n%s\nwant\n%s", strings.Join(rows, "\n"), want)
	}
	if b, _ := st.JobBoard(); len(b.Applications) != 2 {
		t.Fatal("the preview wrote to the store")
	}
	test.Tap(findButton(t, m, "Import"))
	if stage, _ := stageOf(t, st, "Cobalt"); stage != "Applied" {
		t.Errorf("Cobalt imported into %s", stage)
	}
	if j.cards[3] == nil {
		t.Error("the board does not show the imported application")
	}
}

// A spreadsheet made from an earlier export holds applications already on
// the board: the preview says which rows, and the import how many it left
// out, so "Imported 1" does not read as a loss of the others.
func TestImportingApplicationsAlreadyThereSaysSo(t *testing.T) {
	m, j, st := jobsAt(t, "2026-11-25")
	path := filepath.Join(t.TempDir(), "sheet.csv")
	data := "company,role,date\r\nAcme,Go developer,2026-11-02\r\nCobalt,Go developer,2026-11-20\r\nacme , go developer,2026-11-02\r\n"
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	j.previewImport(path)
	p := findPreview(j)
	if want := "1 row will be imported; 2 are already on the board (the same company, role and first date) and will be left out."; p.summary.Text != want {
		t.Errorf("summary %q\nwant %q", p.summary.Text, want)
	}
	var rows []string
	for _, o := range p.rows.Objects {
		rows = append(rows, o.(*widget.Label).Text)
	}
	if got := strings.Join(rows, "\n"); !strings.Contains(got, "Row 2 already there: Acme · Go developer") || !strings.Contains(got, "Row 4 already there") {
		t.Errorf("rows:\n%s", got)
	}
	test.Tap(findButton(t, m, "Import"))
	if got := overlayText(m); !strings.Contains(got, "Imported 1 application; 2 were already there (the same company, role and first date).") {
		t.Errorf("after the import: %q", got)
	}
	if b, _ := st.JobBoard(); len(b.Applications) != 3 {
		t.Errorf("%d applications after the import, want 3 (Acme, Beta and Cobalt)", len(b.Applications))
	}
}

// findPreview is the import dialog's state, kept by its Read again button.
func findPreview(j *jobSearch) *importPreview { return j.lastPreview }

func TestJobRemindersComeOnceAnHourBeforeAndAtTheReminderTime(t *testing.T) {
	day := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	items := []jobsearch.AgendaItem{
		{Interview: true, Start: day.Add(10*time.Hour + 30*time.Minute), Minutes: 45, Company: "Acme", Role: "Go developer", What: "Interview", Place: "Berlin"},
		{Start: day, Company: "Beta", Role: "Dev", What: "Follow up"},
		{Start: day, Company: "Gamma", Role: "Dev", What: "Follow up"},
	}
	sent := map[string]bool{}
	at := func(hm string) []string {
		c, _ := time.Parse("15:04", hm)
		var titles []string
		for _, r := range jobReminders(items, day.Add(time.Duration(c.Hour())*time.Hour+time.Duration(c.Minute())*time.Minute), "18:00", sent) {
			sent[r.key] = true
			titles = append(titles, r.title)
		}
		return titles
	}
	steps := []struct {
		at   string
		want string
	}{
		{"09:29", ""},
		{"09:30", "Interview at 10:30"},
		{"09:31", ""}, // sent once
		{"17:59", ""},
		{"18:00", "2 applications to follow up"},
		{"18:01", ""},
	}
	for _, s := range steps {
		if got := strings.Join(at(s.at), ", "); got != s.want {
			t.Errorf("at %s: %q, want %q", s.at, got, s.want)
		}
	}
}

// The list's dates are never cut: each column is as wide as its widest
// text, in the month-first order whose dates are longest ("Nov 25,
// 2026"). Fails on a51deed, whose Sent and Last move columns were a fixed
// 100 px and showed "Nov 25, 20…".
func TestTheListShowsItsDatesWhole(t *testing.T) {
	defer func(o widgets.DateOrder) { dateOrder = o }(dateOrder)
	dateOrder = widgets.MonthFirst
	_, j, _ := jobsAt(t, "2026-11-25")
	l := j.list
	l.show()
	for _, col := range []int{4, 5, 6} {
		for _, a := range l.rows {
			text := l.cell(a, col)
			if need := fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding(); need > l.widths[col] {
				t.Errorf("%s's %s %q needs %v, the column is %v", a.Company, listColumns[col].title, text, need, l.widths[col])
			}
		}
	}
}

// A message from the domain reads as a sentence in its dialog. Fails on
// a51deed: "the job search takes 0 to 100 hours a week, not 500".
func TestASettingsProblemReadsAsASentence(t *testing.T) {
	m, j, _ := jobsAt(t, "2026-11-25")
	j.tabs.SelectIndex(len(j.tabs.Items) - 1) // Stages
	j.setup.hours.SetText("500")
	test.Tap(findButton(t, m, "Save"))
	if text := overlayText(m); !strings.Contains(text, "The job search takes 0 to 100 hours a week, not 500.") {
		t.Errorf("the dialog says:\n%s", text)
	}
}

// With no applications, Figures says so in words instead of a funnel of
// 0% and a table of headings. Fails on a51deed.
func TestFiguresWithNoApplicationsSaySo(t *testing.T) {
	empty := snapshot.Empty()
	empty.Plan = fixturePlan()
	st, _ := openFixture(t, empty)
	m := newTestWindow(t, st)
	press(m, fyne.Key6)
	m.jobs.tabs.SelectIndex(3) // Figures
	f := m.jobs.figures
	if !f.empty.Visible() || f.body.Visible() {
		t.Fatal("with no applications the figures show")
	}
	if !labelShown(m, "No figures yet") {
		t.Error("the tab does not say there are no figures yet")
	}
	// One application: the figures are back.
	_, j, _ := jobsAt(t, "2026-11-25")
	if j.figures.empty.Visible() || !j.figures.body.Visible() {
		t.Error("with applications the figures are hidden")
	}
}
