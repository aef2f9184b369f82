package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/practice"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// mockInterview is the Mock interview tab: a set of N cards from chosen
// topics, answered aloud against the clock and rated by the learner; the
// result is kept as a dated record.
type mockInterview struct {
	p       *practiceScreen
	topics  []*widget.Check // one per default topic
	count   *widgets.Choice
	setup   fyne.CanvasObject
	history *fyne.Container

	// A mock under way.
	cards    []practice.Card
	ratings  []practice.Rating
	started  time.Time
	revealed bool
	running  fyne.CanvasObject
	progress *widget.Label
	question *widget.RichText
	answer   *widget.RichText
	answerBx fyne.CanvasObject
	area     *widgets.KeyArea
	reveal   *widget.Button
	rateBox  fyne.CanvasObject
	root     fyne.CanvasObject
}

var mockSizes = []string{"3", "5", "8", "10", "15"}

func newMockInterview(p *practiceScreen) *mockInterview {
	m := &mockInterview{p: p, history: container.NewVBox()}
	var checks []fyne.CanvasObject
	for _, t := range practice.Topics {
		c := widget.NewCheck(t.Name(), nil)
		m.topics = append(m.topics, c)
		checks = append(checks, c)
	}
	m.count = widgets.NewChoice(mockSizes, nil)
	m.count.SetSelected("5")
	start := widget.NewButtonWithIcon("Start mock interview", theme.MediaPlayIcon(), func() { m.start(m.chosenTopics()) })
	start.Importance = widget.HighImportance
	m.setup = container.NewVBox(
		wrappedLabel("Answer each question aloud as you would in an interview, then check and rate yourself. The due and weakest cards of the topics you choose come first; the ratings count as reviews."),
		bold("Topics (none ticked: all)"), container.NewGridWithColumns(3, checks...),
		container.NewHBox(widget.NewLabel("Questions"), m.count, start),
		widget.NewSeparator(), bold("Past mock interviews"), m.history)

	m.progress = bold("")
	m.progress.Wrapping = fyne.TextWrapWord
	m.question = widget.NewRichText()
	m.question.Wrapping = fyne.TextWrapWord
	m.answer = widget.NewRichText()
	m.answer.Wrapping = fyne.TextWrapWord
	m.answerBx = container.NewVBox(widget.NewSeparator(), m.answer)
	m.area = widgets.NewKeyArea(container.NewVBox(m.question, m.answerBx))
	m.area.OnKey = func(k fyne.KeyName) {
		if k == fyne.KeySpace || k == fyne.KeyReturn || k == fyne.KeyEnter {
			m.showAnswer()
		}
	}
	m.area.OnRune = func(r rune) {
		if r >= '1' && r <= '4' && m.revealed {
			m.rate(practice.Rating(r - '0'))
		}
	}
	m.reveal = widget.NewButtonWithIcon("Show answer (Space)", theme.VisibilityIcon(), m.showAnswer)
	var buttons []fyne.CanvasObject
	for i, r := range practice.Ratings {
		rating := r
		buttons = append(buttons, widget.NewButton(fmt.Sprintf("%d  %s", i+1, r), func() { m.rate(rating) }))
	}
	m.rateBox = container.NewGridWithColumns(4, buttons...)
	stop := widget.NewButtonWithIcon("Stop without saving", theme.CancelIcon(), m.stop)
	m.running = container.NewBorder(m.progress, container.NewVBox(container.NewStack(m.reveal, m.rateBox), container.NewHBox(stop)), nil, nil,
		container.NewVScroll(m.area))
	m.running.Hide()
	m.root = container.NewPadded(container.NewStack(container.NewVScroll(m.setup), m.running))
	return m
}

func (m *mockInterview) chosenTopics() []practice.Topic {
	var out []practice.Topic
	for i, t := range practice.Topics {
		if m.topics[i].Checked {
			out = append(out, t)
		}
	}
	return out
}

// show lists the past mocks, newest first.
func (m *mockInterview) show() {
	var rows []fyne.CanvasObject
	for _, mk := range m.p.mocks {
		var topics []string
		for _, t := range mk.Topics {
			topics = append(topics, t.Name())
		}
		what := "all topics"
		if len(topics) > 0 {
			what = strings.Join(topics, ", ")
		}
		rows = append(rows, wrappedLabel(fmt.Sprintf("%s · %s · %d questions in %d min · %.0f%% recalled",
			weekdayDate(mk.At.Local()), what, len(mk.Answers), mk.Minutes, 100*mk.Score())))
	}
	if len(rows) == 0 {
		rows = append(rows, caption("None yet."))
	}
	m.history.Objects = rows
	m.history.Refresh()
}

// start begins a mock of the chosen size on topics (all when none), or on
// the cards given (a cram set).
func (m *mockInterview) start(topics []practice.Topic, cards ...practice.Card) {
	n, _ := strconv.Atoi(m.count.Selected)
	if len(cards) == 0 {
		cards = practice.PickMock(m.p.day.Cards, m.p.now(), m.p.day.Scheduler, topics, n)
	}
	if len(cards) == 0 {
		showInformation("No cards", "There are no cards in these topics yet. Add some under Cards.", m.p.win)
		return
	}
	m.cards, m.ratings, m.started = cards, nil, m.p.now()
	m.setup.Hide()
	m.running.Show()
	m.showQuestion()
}

func (m *mockInterview) showQuestion() {
	i := len(m.ratings)
	c := m.cards[i]
	m.progress.SetText(fmt.Sprintf("Question %d of %d · %s · started at %s", i+1, len(m.cards), c.Topic.Name(), m.started.Format("15:04")))
	setQuestion(m.question, c.Front)
	setMarkdown(m.answer, c.Back)
	m.revealed = false
	m.answerBx.Hide()
	m.reveal.Show()
	m.rateBox.Hide()
	m.p.win.Canvas().Focus(m.area)
}

func (m *mockInterview) showAnswer() {
	if m.cards == nil || m.revealed {
		return
	}
	m.revealed = true
	m.answerBx.Show()
	m.reveal.Hide()
	m.rateBox.Show()
}

func (m *mockInterview) rate(r practice.Rating) {
	if m.cards == nil || !m.revealed {
		return
	}
	m.ratings = append(m.ratings, r)
	if len(m.ratings) < len(m.cards) {
		m.showQuestion()
		return
	}
	m.finish()
}

// finish keeps the mock as a dated record.
func (m *mockInterview) finish() {
	now := m.p.now()
	mk := practice.Mock{At: now, Minutes: int(math.Round(now.Sub(m.started).Minutes())), Topics: m.chosenTopics()}
	mk.Minutes = max(0, min(mk.Minutes, practice.MaxMinutes))
	for i, c := range m.cards {
		id := c.ID
		mk.Answers = append(mk.Answers, practice.MockAnswer{CardID: &id, Question: c.Front, Rating: m.ratings[i]})
	}
	m.stop()
	if _, err := m.p.store.RecordMock(mk); err != nil {
		m.p.report("save the mock interview", err)
		return
	}
	m.p.reload()
	showInformation("Mock interview saved", fmt.Sprintf("%d questions in %d minutes; %.0f%% recalled. Your ratings count as reviews.",
		len(mk.Answers), mk.Minutes, 100*mk.Score()), m.p.win)
}

func (m *mockInterview) stop() {
	m.cards, m.ratings = nil, nil
	m.running.Hide()
	m.setup.Show()
}

// practiceProgress is the Progress tab: each topic's strength on a day
// (today, or an interview's), the retention achieved against the target,
// the cram set for the interview, and the scheduler's settings.
type practiceProgress struct {
	p         *practiceScreen
	chart     *widgets.TopicChart
	chartNote *widget.Label
	achieved  *widget.Label
	mocks     *widget.Label
	date      *widgets.DateField
	// interview picks an upcoming interview from the job search, which
	// sets the date; interviews are the ones offered, by their labels.
	interview  *widgets.Choice
	interviews map[string]jobsearch.Interview
	cram       *widget.Label
	cramSet    []practice.CramCard
	cramGo     *widget.Button
	retention  *widgets.TextField
	newPerDay  *widgets.TextField
	saved      *widget.Label
	root       fyne.CanvasObject
}

func newPracticeProgress(p *practiceScreen) *practiceProgress {
	g := &practiceProgress{p: p, chart: widgets.NewTopicChart(), chartNote: caption(""), achieved: wrappedLabel(""), mocks: wrappedLabel(""), cram: wrappedLabel(""),
		retention: widgets.NewTextField(4), newPerDay: widgets.NewTextField(3), saved: caption("")}
	g.chartNote.Wrapping = fyne.TextWrapWord
	g.saved.Wrapping = fyne.TextWrapWord
	g.date = newDateField(localWeekStart(), true)
	g.date.OnDateChanged = func(*time.Time) { g.show(p.now()) }
	g.interview = widgets.NewChoice(nil, g.pickInterview)
	g.cramGo = widget.NewButtonWithIcon("Review these cards now", theme.MediaPlayIcon(), func() {
		var cards []practice.Card
		for i, c := range g.cramSet {
			if i == practice.MaxMockCards {
				break
			}
			cards = append(cards, c.Card)
		}
		p.tabs.SelectIndex(3)
		p.mock.start(nil, cards...)
	})
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), g.saveSettings)
	settings := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel("Desired retention"), nil, g.retention),
		wrappedCaption("The chance of recalling a card when it comes due: 0.70 to 0.97 (Anki's default, 0.90). Higher means more reviews."),
		container.NewBorder(nil, nil, widget.NewLabel("New cards per day"), nil, g.newPerDay),
		container.NewBorder(nil, nil, save, nil, g.saved))
	g.root = container.NewVScroll(container.NewPadded(container.NewVBox(
		bold("How well each topic is held"), g.chart, g.chartNote, g.achieved, g.mocks,
		widget.NewSeparator(), bold("Before an interview"),
		container.NewBorder(nil, nil, widget.NewLabel("Interview"), nil, g.interview),
		container.NewBorder(nil, nil, widget.NewLabel("or on"), nil, g.date), g.cram, container.NewHBox(g.cramGo),
		widget.NewSeparator(), bold("Scheduler"), settings,
	)))
	return g
}

// upcomingInterviews offers the job search's interviews from today on,
// soonest first, each by its day, time, company and role.
func (g *practiceProgress) upcomingInterviews(now time.Time) {
	apps := map[uint]jobsearch.Application{}
	for _, a := range g.p.board.Applications {
		apps[a.ID] = a
	}
	g.interviews = map[string]jobsearch.Interview{}
	var options []string
	today := plan.Date(now)
	for _, iv := range g.p.board.Interviews { // by start
		a, ok := apps[iv.ApplicationID]
		if !ok || plan.Date(iv.Start).Before(today) {
			continue
		}
		label := shortDate(iv.Start, now) + iv.Start.Format(" 15:04") + " · " + a.Company + " · " + a.Role
		g.interviews[label] = iv
		options = append(options, label)
	}
	g.interview.SetOptions(options)
	if _, ok := g.interviews[g.interview.Selected]; !ok {
		g.interview.ClearSelected()
	}
	if len(options) == 0 {
		g.interview.PlaceHolder = "No interviews booked on the Job search screen"
		g.interview.Disable()
	} else {
		g.interview.PlaceHolder = "Pick an interview from the job search"
		g.interview.Enable()
	}
}

// pickInterview sets the date to the interview's day.
func (g *practiceProgress) pickInterview(label string) {
	iv, ok := g.interviews[label]
	if !ok {
		return
	}
	day := plan.Date(iv.Start)
	if g.date.Date == nil || !g.date.Date.Equal(day) {
		g.date.SetDate(&day) // shows it
		return
	}
	g.show(g.p.now())
}

// chosenInterview is the interview picked, while the date is still its
// day.
func (g *practiceProgress) chosenInterview() (jobsearch.Interview, bool) {
	iv, ok := g.interviews[g.interview.Selected]
	if !ok || g.date.Date == nil || !plan.Date(iv.Start).Equal(plan.Date(*g.date.Date)) {
		return jobsearch.Interview{}, false
	}
	return iv, true
}

func (g *practiceProgress) show(now time.Time) {
	d := g.p.day
	g.upcomingInterviews(now)
	on, when := now, "today"
	if g.date.Date != nil {
		on = time.Date(g.date.Date.Year(), g.date.Date.Month(), g.date.Date.Day(), 9, 0, 0, 0, now.Location())
		when = "on " + weekdayDate(on)
	}
	if iv, ok := g.chosenInterview(); ok {
		on = time.Date(on.Year(), on.Month(), on.Day(), iv.Start.Hour(), iv.Start.Minute(), 0, 0, now.Location())
		when = "at the interview " + g.interview.Selected
	} else if g.interview.Selected != "" {
		g.interview.ClearSelected() // a date typed since
	}
	g.chart.Set(practice.TopicStrength(d.Cards, on, d.Scheduler), d.Settings.Retention)
	g.chartNote.SetText(fmt.Sprintf("Bars: how likely you are to remember a topic's cards %s, on average, as the app's review scheduler (FSRS, with its standard settings) reckons from your past answers; a card you have never reviewed counts as 0. The line is the share you aim to remember, %.0f%%; topics under it are drawn in the warning colour. Beside each bar: cards reviewed of cards in the topic.",
		when, 100*d.Settings.Retention))
	if d.Achieved.Reviews == 0 {
		g.achieved.SetText("What you remembered: no card you had already learned came up for review in the last 30 days yet.")
	} else {
		g.achieved.SetText(fmt.Sprintf("What you remembered in the last 30 days: %.0f%% of the time (%s of cards you had already learned, not rated Again); you aim for %.0f%%.",
			100*d.Achieved.Share(), plural(d.Achieved.Reviews, "1 review", fmt.Sprintf("%d reviews", d.Achieved.Reviews)), 100*d.Settings.Retention))
	}
	g.mocks.SetText(mocksText(g.p.mocks))
	if g.date.Date == nil {
		g.cramSet = nil
		g.cram.SetText("Pick an interview from the job search, or give its date, to list the cards you would likely not recall on that day.")
	} else {
		g.cramSet = practice.CramSet(d.Cards, on, d.Scheduler, nil)
		g.cram.SetText(fmt.Sprintf("%s below %.0f%% %s. Review them now, the weakest first, as a short mock interview.",
			plural(len(g.cramSet), "1 card is", fmt.Sprintf("%d cards are", len(g.cramSet))), 100*d.Settings.Retention, when))
	}
	enableIf(g.cramGo, len(g.cramSet) > 0)
	g.retention.SetText(strconv.FormatFloat(d.Settings.Retention, 'f', 2, 64))
	g.newPerDay.SetText(strconv.Itoa(d.Settings.NewPerDay))
}

func (g *practiceProgress) saveSettings() {
	r, err1 := strconv.ParseFloat(strings.TrimSpace(g.retention.Text), 64)
	n, err2 := strconv.Atoi(strings.TrimSpace(g.newPerDay.Text))
	after := practice.Settings{Retention: r, NewPerDay: n}
	err := after.Validate()
	if err1 != nil {
		err = fmt.Errorf("the desired retention %q is not a number; write it like 0.90", g.retention.Text)
	} else if err2 != nil {
		err = fmt.Errorf("new cards per day %q is not a whole number", g.newPerDay.Text)
	}
	if err == nil {
		err = g.p.store.UpdatePracticeSettings(g.p.day.Settings, after)
	}
	if err != nil {
		g.saved.Importance = widget.DangerImportance
		g.saved.SetText(sentence(err.Error()))
		return
	}
	g.saved.Importance = widget.MediumImportance
	g.saved.SetText("Saved.")
	g.p.reload()
}

// mocksText sums up the mock interviews: how many, and how the last ones
// went, newest first.
func mocksText(mocks []practice.Mock) string {
	if len(mocks) == 0 {
		return "Mock interviews: none yet (see the Mock interview tab)."
	}
	var last []string
	for i, mk := range mocks {
		if i == 5 {
			break
		}
		last = append(last, fmt.Sprintf("%s %.0f%%", longDate(mk.At.Local()), 100*mk.Score()))
	}
	return fmt.Sprintf("Mock interviews: %d; recalled in the latest: %s.", len(mocks), strings.Join(last, ", "))
}
