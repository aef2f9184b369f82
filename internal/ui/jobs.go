package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/resume"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// jobsStore is what the job search screen reads and changes.
type jobsStore interface {
	app.JobReader
	AddApplication(a jobsearch.Application) (uint, error)
	UpdateApplication(before, after jobsearch.Application) error
	DeleteApplication(id uint) error
	MoveApplication(appID, stageID uint, date time.Time, note string) (uint, error)
	DeleteEvent(appID, eventID uint) error
	AddStage(st jobsearch.Stage) (uint, error)
	UpdateStage(before, after jobsearch.Stage) error
	MoveStage(id uint, delta int) error
	DeleteStage(id uint) error
	SaveContact(before, after jobsearch.Contact) (uint, error)
	DeleteContact(id uint) error
	SaveInterview(before, after jobsearch.Interview) (uint, error)
	DeleteInterview(id uint) error
	SaveJobSettings(before, after jobsearch.Settings) error
	ImportApplications(apps []jobsearch.Application) error
}

const prefJobsTab = "jobs.tab"

// jobSearch is the Job search screen: the board of applications by stage,
// the same applications as a list, the contacts, the figures, and the
// stages and settings.
type jobSearch struct {
	store  jobsStore
	report errorReporter
	win    fyne.Window
	now    func() time.Time

	data app.JobsData

	dueNote  *widget.Label
	board    *fyne.Container // one column per stage
	columns  []*boardColumn
	cards    map[uint]*widgets.JobCard // by application ID, as last drawn
	empty    fyne.CanvasObject
	list     *jobList
	contacts *fyne.Container
	figures  *jobFigures
	setup    *jobSetup
	editor   *formDialog // the form last opened
	// lastPreview is the import dialog last opened.
	lastPreview *importPreview
	tabs        *tabbedPages
	root        fyne.CanvasObject
	// tailor opens the résumé tailoring for an application, and
	// sentWith says what a résumé version shows; the window sets both.
	tailor   func(a jobsearch.Application)
	sentWith func(versionID uint) (string, bool)
	versions func() []resume.Version
	// logTime opens the session form on the roadmap's job step; the
	// window sets it.
	logTime   func()
	logButton *widget.Button
}

// boardColumn is one stage's column: its highlight, shown while a card is
// dragged over it.
type boardColumn struct {
	stage jobsearch.Stage
	box   fyne.CanvasObject
	bg    *canvas.Rectangle
}

func newJobSearch(st jobsStore, report errorReporter, w fyne.Window) *jobSearch {
	j := &jobSearch{store: st, report: report, win: w, now: time.Now, cards: map[uint]*widgets.JobCard{}}
	j.dueNote = wrappedLabel("")
	j.dueNote.Importance = widget.WarningImportance
	j.dueNote.Wrapping = fyne.TextWrapWord
	j.dueNote.Hide()
	add := widget.NewButtonWithIcon("Add application", theme.ContentAddIcon(), func() { j.addApplication() })
	add.Importance = widget.HighImportance
	j.logButton = widget.NewButtonWithIcon("Log time…", theme.HistoryIcon(), func() {
		if j.logTime != nil {
			j.logTime()
		}
	})
	help := wrappedCaption("Drag a card to another stage, or focus it with Tab and press Shift with the left or right arrow key, or [ and ]. Click a card to open it.")
	j.board = container.NewHBox()
	j.empty = emptyState("No applications yet", "Add the jobs you apply for, or the postings you want to, and move them along as you hear back.")
	boardPage := container.NewBorder(container.NewPadded(container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(j.logButton, j.transferMenu(), add), help), j.dueNote)), nil, nil, nil,
		container.NewStack(container.NewHScroll(j.board), j.empty))
	j.list = newJobList(j)
	j.contacts = container.NewVBox()
	addContact := widget.NewButtonWithIcon("Add contact", theme.ContentAddIcon(), func() { j.editContact(jobsearch.Contact{}) })
	contactsPage := container.NewBorder(container.NewPadded(container.NewBorder(nil, nil, nil, addContact,
		wrappedCaption("The people you meet: recruiters, interviewers, referrals. Link them to interviews."))), nil, nil, nil,
		container.NewVScroll(container.NewPadded(j.contacts)))
	j.figures = newJobFigures()
	j.setup = newJobSetup(j)
	j.tabs = newTabbedPages(
		container.NewTabItemWithIcon("Board", theme.GridIcon(), boardPage),
		container.NewTabItemWithIcon("List", theme.ListIcon(), j.list.root),
		container.NewTabItemWithIcon("Contacts", theme.AccountIcon(), contactsPage),
		container.NewTabItemWithIcon("Figures", theme.InfoIcon(), j.figures.root),
		container.NewTabItemWithIcon("Stages", theme.SettingsIcon(), j.setup.root),
	)
	rememberTab(j.tabs, prefJobsTab)
	j.root = j.tabs.root
	return j
}

func (j *jobSearch) name() string               { return "Job search" }
func (j *jobSearch) icon() fyne.Resource        { return theme.MailSendIcon() }
func (j *jobSearch) content() fyne.CanvasObject { return j.root }
func (j *jobSearch) reload()                    { j.load()() }

// load reads the search and returns the step that shows it.
func (j *jobSearch) load() func() {
	data, err := app.LoadJobs(j.store)
	if err != nil {
		return func() { j.report("load the job search", err) }
	}
	return func() {
		j.data = data
		j.showBoard()
		j.list.show()
		j.showContacts()
		j.figures.show(data, j.now())
		j.setup.show(data)
	}
}

func (j *jobSearch) today() time.Time { return plan.Date(j.now()) }

// stageIndex is the position of stage id on the board, or -1.
func (j *jobSearch) stageIndex(id uint) int {
	for i, s := range j.data.Board.Stages {
		if s.ID == id {
			return i
		}
	}
	return -1
}

func (j *jobSearch) stageName(id uint) string {
	s, _ := j.data.Board.StageOf(id)
	return s.Name
}

// showBoard draws a column per stage with its cards.
func (j *jobSearch) showBoard() {
	j.board.Objects = nil
	j.columns = nil
	j.cards = map[uint]*widgets.JobCard{}
	b := j.data.Board
	for _, st := range b.Stages {
		apps := b.InStage(st.ID)
		cards := container.NewVBox()
		for _, a := range apps {
			cards.Add(j.card(a))
		}
		header := bold(fmt.Sprintf("%s (%d)", st.Name, len(apps)))
		header.Truncation = fyne.TextTruncateEllipsis
		bg := canvas.NewRectangle(nil)
		bg.CornerRadius = 6
		col := &boardColumn{stage: st, bg: bg}
		col.box = container.New(fixedWidth{columnWidth},
			container.NewStack(bg, container.NewBorder(header, nil, nil, nil, container.NewVScroll(cards))))
		j.columns = append(j.columns, col)
		j.board.Add(col.box)
	}
	j.board.Refresh()
	showIf(j.empty, len(b.Applications) == 0)
	j.showDue()
}

// columnWidth is a board column's width: five fit beside the sidebar at
// 1280 pixels, three at 800.
const columnWidth = 200

func (j *jobSearch) showDue() {
	due := j.data.Board.FollowUps(j.today(), j.data.Settings.FollowUpDays)
	if len(due) == 0 {
		j.dueNote.Hide()
		return
	}
	names := ""
	for i, r := range due {
		if i == 3 {
			names += fmt.Sprintf(" and %d more", len(due)-3)
			break
		}
		if i > 0 {
			names += ", "
		}
		names += r.Company
	}
	j.dueNote.SetText(fmt.Sprintf("%d %s to follow up: %s.", len(due), plural(len(due), "application", "applications"), names))
	j.dueNote.Show()
}

// card makes an application's card, wired to open and move it.
func (j *jobSearch) card(a jobsearch.Application) *widgets.JobCard {
	now := j.now()
	days := jobsearch.DaysSince(a, now)
	since := fmt.Sprintf("%d %s since the last move", days, plural(days, "day", "days"))
	if days == 0 {
		since = "moved today"
	}
	next, overdue := "", false
	if act, ok := j.data.Board.NextAction(a, now, j.data.Settings.FollowUpDays); ok {
		next, overdue = actionText(act, now), act.Overdue
	}
	c := widgets.NewJobCard(a.Company, a.Role, since, next, overdue)
	id := a.ID
	c.OnTapped = func() { j.openApplication(id) }
	c.OnMove = func(delta int) { j.moveBy(id, delta) }
	c.OnDragged = func(at fyne.Position) { j.highlightColumnAt(at) }
	c.OnDropped = func(at fyne.Position) {
		j.highlightColumnAt(fyne.NewPos(-1, -1))
		if col := j.columnAt(at); col != nil {
			j.moveTo(id, col.stage.ID)
		}
	}
	j.cards[id] = c
	return c
}

// actionText says what to do next and when, in words when it is due:
// "Follow up · Tue 1 Dec", "Follow up · due today", "Follow up · overdue
// since 17 Oct 2025", "Interview · Fri 27 Nov 10:30". The colour of
// an overdue action is not all that says so.
func actionText(act jobsearch.Action, now time.Time) string {
	when := shortDate(act.Due, now)
	switch {
	case act.Interview:
		when += act.Due.Format(" 15:04")
	case act.Overdue && plan.Date(act.Due).Equal(plan.Date(now)):
		when = "due today"
	case act.Overdue:
		when = "overdue since " + dayMonth(act.Due, now) // short: a card is narrow
	}
	return act.What + " · " + when
}

// columnAt is the column under a point in the window, or nil.
func (j *jobSearch) columnAt(at fyne.Position) *boardColumn {
	d := fyne.CurrentApp().Driver()
	for _, col := range j.columns {
		pos := d.AbsolutePositionForObject(col.box)
		size := col.box.Size()
		if at.X >= pos.X && at.X < pos.X+size.Width && at.Y >= pos.Y && at.Y < pos.Y+size.Height {
			return col
		}
	}
	return nil
}

func (j *jobSearch) highlightColumnAt(at fyne.Position) {
	over := j.columnAt(at)
	for _, col := range j.columns {
		fill := theme.Color(theme.ColorNameSelection)
		if col != over {
			fill = nil
		}
		if col.bg.FillColor != fill {
			col.bg.FillColor = fill
			col.bg.Refresh()
		}
	}
}

// moveBy moves an application delta columns along the board, from the
// keyboard, and keeps the focus on its card.
func (j *jobSearch) moveBy(id uint, delta int) {
	a, ok := j.application(id)
	if !ok {
		return
	}
	i := j.stageIndex(a.Current().StageID) + delta
	if i < 0 || i >= len(j.data.Board.Stages) {
		return
	}
	j.moveTo(id, j.data.Board.Stages[i].ID)
	if c := j.cards[id]; c != nil {
		j.win.Canvas().Focus(c)
	}
}

// moveTo moves an application into a stage today.
func (j *jobSearch) moveTo(id, stageID uint) {
	a, ok := j.application(id)
	if !ok || a.Current().StageID == stageID {
		return
	}
	if _, err := j.store.MoveApplication(id, stageID, j.today(), ""); err != nil {
		j.report("move the application", err)
	}
	j.reload()
}

func (j *jobSearch) application(id uint) (jobsearch.Application, bool) {
	for _, a := range j.data.Board.Applications {
		if a.ID == id {
			return a, true
		}
	}
	return jobsearch.Application{}, false
}

// fixedWidth lays out its objects stacked, w wide.
type fixedWidth struct{ w float32 }

func (f fixedWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(f.w, size.Height))
	}
}

func (f fixedWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(f.w, h)
}
