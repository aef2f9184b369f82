package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/practice"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// practiceStore is what the Practice screen reads and changes.
type practiceStore interface {
	app.PracticeReader
	app.CardImporter
	Plan() (plan.Plan, error)
	AddCard(c practice.Card) (uint, error)
	UpdateCard(before, after practice.Card) error
	DeleteCard(id uint) error
	ReviewCard(id uint, at time.Time, r practice.Rating) (practice.Card, error)
	UpdatePracticeSettings(before, after practice.Settings) error
	Challenges() ([]practice.Challenge, error)
	UpdateChallenge(before, after practice.Challenge) error
	DeleteChallenge(id uint) error
	LogAttempt(c practice.Challenge, at time.Time, minutes int, result practice.Result, skillID uint) (practice.Challenge, error)
	Mocks() ([]practice.Mock, error)
	RecordMock(m practice.Mock) (uint, error)
	JobBoard() (jobsearch.Board, error)
}

// practiceScreen is the daily interview practice: the day's cards one at
// a time, rated as in Anki and scheduled by FSRS; the card bank and its
// editor; the coding challenges; mock interviews; and how well each topic
// is held. It is a screen of its own, not a tab of the job search: like
// study, it is a few minutes every day, long before any application.
type practiceScreen struct {
	store  practiceStore
	report errorReporter
	win    fyne.Window
	now    func() time.Time

	day        app.PracticeDay
	challenges []practice.Challenge
	mocks      []practice.Mock
	board      jobsearch.Board // the applications and interviews cards and cram sets are for
	current    *practice.Card  // the card on show in the review, or nil
	revealed   bool

	// The review.
	status   *widget.Label
	topic    *widget.Label
	question *widget.RichText
	answer   *widget.RichText
	answerBx fyne.CanvasObject
	hint     *widget.Label
	cardArea *widgets.KeyArea
	reveal   *widget.Button
	rate     [4]*widget.Button
	rateBox  fyne.CanvasObject
	cardBox  fyne.CanvasObject
	done     fyne.CanvasObject
	doneText *widget.Label

	cards     *cardBank
	challenge *challengeLog
	mock      *mockInterview
	progress  *practiceProgress
	tabs      *tabbedPages
	root      fyne.CanvasObject
}

func newPracticeScreen(st practiceStore, report errorReporter, w fyne.Window) *practiceScreen {
	p := &practiceScreen{store: st, report: report, win: w, now: time.Now}
	p.status = wrappedLabel("")
	p.topic = wrappedCaption("")
	p.question = widget.NewRichText()
	p.question.Wrapping = fyne.TextWrapWord
	p.answer = widget.NewRichText()
	p.answer.Wrapping = fyne.TextWrapWord
	p.answerBx = container.NewVBox(widget.NewSeparator(), p.answer)
	p.hint = wrappedCaption("")
	p.cardArea = widgets.NewKeyArea(container.NewVBox(p.topic, p.question, p.answerBx, p.hint))
	p.cardArea.OnKey = func(k fyne.KeyName) {
		if k == fyne.KeySpace || k == fyne.KeyReturn || k == fyne.KeyEnter {
			p.showAnswer()
		}
	}
	p.cardArea.OnRune = func(r rune) {
		if r >= '1' && r <= '4' && p.revealed {
			p.rateCurrent(practice.Rating(r - '0'))
		}
	}
	p.reveal = widget.NewButtonWithIcon("Show answer (Space)", theme.VisibilityIcon(), p.showAnswer)
	p.reveal.Importance = widget.HighImportance
	for i, r := range practice.Ratings {
		rating := r
		p.rate[i] = widget.NewButton(r.String(), func() { p.rateCurrent(rating) })
	}
	p.rate[2].Importance = widget.HighImportance
	p.rateBox = container.NewGridWithColumns(4, p.rate[0], p.rate[1], p.rate[2], p.rate[3])
	edit := widget.NewButtonWithIcon("Edit card", theme.DocumentCreateIcon(), func() {
		if p.current != nil {
			p.cards.edit(*p.current)
		}
	})
	suspend := widget.NewButtonWithIcon("Suspend", theme.MediaPauseIcon(), p.suspendCurrent)
	p.cardBox = container.NewBorder(nil, container.NewVBox(container.NewStack(p.reveal, p.rateBox), container.NewHBox(edit, suspend)), nil, nil,
		container.NewVScroll(p.cardArea))
	p.doneText = wrappedLabel("")
	p.done = container.NewVBox(heading("Nothing to review now"), p.doneText)
	review := container.NewBorder(p.status, nil, nil, nil, container.NewStack(p.cardBox, p.done))

	p.cards = newCardBank(p)
	p.challenge = newChallengeLog(p)
	p.mock = newMockInterview(p)
	p.progress = newPracticeProgress(p)
	p.tabs = newTabbedPages(
		container.NewTabItemWithIcon("Review", theme.MediaPlayIcon(), container.NewPadded(review)),
		container.NewTabItemWithIcon("Cards", theme.ListIcon(), p.cards.root),
		container.NewTabItemWithIcon("Challenges", theme.ComputerIcon(), p.challenge.root),
		container.NewTabItemWithIcon("Mock interview", theme.MediaRecordIcon(), p.mock.root),
		container.NewTabItemWithIcon("Progress", theme.InfoIcon(), p.progress.root),
	)
	rememberTab(p.tabs, prefPracticeTab)
	selected := p.tabs.OnSelected
	p.tabs.OnSelected = func(it *container.TabItem) { selected(it); p.focusOnShow() }
	p.root = p.tabs.root
	return p
}

const prefPracticeTab = "practice.tab"

func (p *practiceScreen) name() string               { return "Practice" }
func (p *practiceScreen) icon() fyne.Resource        { return theme.QuestionIcon() }
func (p *practiceScreen) content() fyne.CanvasObject { return p.root }

func (p *practiceScreen) reload() { p.load()() }

// load reads the day's cards, the challenges and the mocks.
func (p *practiceScreen) load() func() {
	now := p.now()
	var day app.PracticeDay
	var chs []practice.Challenge
	var mocks []practice.Mock
	var board jobsearch.Board
	action := "load the practice screen" // a failure of the snapshot itself
	err := app.ReadTogether(p.store, func(r practiceStore) (err error) {
		if day, err = app.LoadPractice(r, now); err != nil {
			action = "load the practice cards"
			return err
		}
		if chs, err = r.Challenges(); err != nil {
			action = "load the coding challenges"
			return err
		}
		if mocks, err = r.Mocks(); err != nil {
			action = "load the mock interviews"
			return err
		}
		board, err = r.JobBoard()
		action = "load the job search's interviews"
		return err
	})
	if err != nil {
		return func() { p.report(action, err) }
	}
	return func() {
		p.day, p.challenges, p.mocks, p.board = day, chs, mocks, board
		p.showReview(now)
		p.cards.show()
		p.challenge.show(now)
		p.mock.show()
		p.progress.show(now)
	}
}

// showReview puts the first card of the queue on show, question side up.
func (p *practiceScreen) showReview(now time.Time) {
	d := p.day
	fresh := len(d.Queue) - min(d.DueToday, len(d.Queue))
	p.status.SetText(fmt.Sprintf("%s to review today: %d due, %d new. Next 7 days: %d more.",
		plural(len(d.Queue), "1 card", fmt.Sprintf("%d cards", len(d.Queue))), d.DueToday, fresh, d.DueWeek))
	if len(d.Queue) == 0 {
		p.current = nil
		p.doneText.SetText(p.nothingDueText(now))
		p.cardBox.Hide()
		p.done.Show()
		return
	}
	c := d.Queue[0]
	p.current = &c
	p.revealed = false
	p.topic.SetText(topicLine(c) + p.forApplication(c))
	setQuestion(p.question, c.Front)
	setMarkdown(p.answer, c.Back)
	p.answerBx.Hide()
	p.hint.SetText("Answer aloud, then press Space (or Show answer) to check.")
	p.reveal.Show()
	p.rateBox.Hide()
	p.done.Hide()
	p.cardBox.Show()
	p.focusOnShow()
}

// focusOnShow gives the keys to the card under review, so Space and 1–4
// work without a click first.
func (p *practiceScreen) focusOnShow() {
	if p.root.Visible() && p.tabs.SelectedIndex() == 0 && p.current != nil && p.win.Canvas().Overlays().Top() == nil {
		p.win.Canvas().Focus(p.cardArea)
	}
}

// setQuestion shows a card's question as Markdown, in larger type than
// its answer.
func setQuestion(rt *widget.RichText, markdown string) {
	setMarkdown(rt, markdown)
	enlarge(rt.Segments)
	rt.Refresh()
}

func enlarge(segments []widget.RichTextSegment) {
	for _, seg := range segments {
		switch s := seg.(type) {
		case *widget.TextSegment:
			if s.Style.SizeName == "" || s.Style.SizeName == theme.SizeNameText {
				s.Style.SizeName = theme.SizeNameSubHeadingText
			}
		case *widget.ParagraphSegment:
			enlarge(s.Texts)
		case *widget.ListSegment:
			enlarge(s.Items)
		}
	}
}

func topicLine(c practice.Card) string {
	s := c.Topic.Name()
	switch c.Schedule.State {
	case practice.StateNew:
		s += " · new card"
	case practice.StateLearning, practice.StateRelearning:
		s += " · learning"
	default:
		s += fmt.Sprintf(" · reviewed %s", plural(int(c.Schedule.Reps), "once", fmt.Sprintf("%d times", c.Schedule.Reps)))
	}
	return s
}

// forApplication names the application a card is for, by company and
// role; empty for none.
func (p *practiceScreen) forApplication(c practice.Card) string {
	if c.ApplicationID == nil {
		return ""
	}
	for _, a := range p.board.Applications {
		if a.ID == *c.ApplicationID {
			return " · for " + a.Company + " · " + a.Role
		}
	}
	return ""
}

func (p *practiceScreen) nothingDueText(now time.Time) string {
	var next time.Time
	for _, c := range p.day.Cards {
		if !c.Suspended && c.Schedule.State != practice.StateNew && (next.IsZero() || c.Schedule.Due.Before(next)) {
			next = c.Schedule.Due
		}
	}
	text := "You are through today's cards."
	if !next.IsZero() && next.After(now) {
		text += " The next one is due " + practice.FormatInterval(next.Sub(now)) + " from now."
	}
	if p.day.Settings.NewPerDay == 0 {
		text += " New cards per day is 0: raise it under Progress to learn new questions."
	}
	return text + " A mock interview or a coding challenge keeps you going meanwhile."
}

// showAnswer turns the card over and puts the next interval on each
// button, as Anki does.
func (p *practiceScreen) showAnswer() {
	if p.current == nil || p.revealed {
		return
	}
	p.revealed = true
	p.answerBx.Show()
	iv := p.day.Scheduler.Intervals(p.current.Schedule, p.now())
	for i, r := range practice.Ratings {
		p.rate[i].SetText(fmt.Sprintf("%d  %s · %s", i+1, r, practice.FormatInterval(iv[r])))
	}
	p.hint.SetText("How well did you know it? 1 Again · 2 Hard · 3 Good · 4 Easy")
	p.reveal.Hide()
	p.rateBox.Show()
	p.cardArea.Refresh()
}

func (p *practiceScreen) rateCurrent(r practice.Rating) {
	if p.current == nil || !p.revealed {
		return
	}
	if _, err := p.store.ReviewCard(p.current.ID, p.now(), r); err != nil {
		p.report("save the review", err)
		return
	}
	p.reload()
}

func (p *practiceScreen) suspendCurrent() {
	if p.current == nil {
		return
	}
	after := *p.current
	after.Suspended = true
	if err := p.store.UpdateCard(*p.current, after); err != nil {
		p.report("suspend the card", err)
		return
	}
	p.reload()
}
