package ui

import (
	"errors"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// welcomeStore is what the welcome reads and changes.
type welcomeStore interface {
	app.PlanReader
	app.ScopeWriter
	Comparison() (salary.Comparison, error)
	UpdateComparison(before, after salary.Comparison) error
	Salaries() ([]salary.Range, error)
	Rates() ([]salary.Rate, error)
	Welcomed() (bool, error)
	MarkWelcomed() error
}

// undecided is the answer to a choose-one question that keeps every
// option in the plan for now.
const undecided = "Not decided yet: plan them all"

// welcome is the first-run dialog: a few questions that shape the plan,
// answered in under a minute, or skipped to keep the defaults. It ends on
// the answer to "does my plan fit?", with the changes that would make it
// fit. Everything it asks can be changed later, in Timeline ▸ Plan
// settings, on the Skills screen and in Settings.
type welcome struct {
	store    welcomeStore
	win      fyne.Window
	now      func() time.Time
	done     func() // called after the plan is made or the welcome skipped
	dialog   *dialog.CustomDialog
	fields   *planFields
	groups   map[string]*widgets.Choice // the choose-one questions, by group
	plan     plan.Plan
	country  *widgets.Choice
	base     *widgets.Choice
	form     *widget.Form
	problem  *widget.Label
	codes    map[string]string // country name → code
	body     *fyne.Container   // the questions, then the answer
	scroll   *container.Scroll // around body
	buttons  *fyne.Container
	fit      *fitPanel
	stopKeys func()
}

func showWelcome(st welcomeStore, w fyne.Window, now func() time.Time, done func()) (*welcome, error) {
	wl := &welcome{store: st, win: w, now: now, done: done, fields: newPlanFields(), codes: map[string]string{}, groups: map[string]*widgets.Choice{}}
	if err := wl.buildQuestions(); err != nil {
		return nil, err
	}
	wl.problem = wrappedLabel("")
	wl.problem.Importance = widget.DangerImportance
	wl.problem.Hide()
	skip := widget.NewButtonWithIcon("Skip for now", theme.CancelIcon(), wl.skip)
	create := widget.NewButtonWithIcon("Create my plan", theme.ConfirmIcon(), wl.create)
	create.Importance = widget.HighImportance
	wl.buttons = container.NewHBox(layout.NewSpacer(), skip, create)

	intro := wrappedLabel("A few questions shape your plan: when you start, how long you give yourself (6 to 12 months is usual), " +
		"how many hours a week you can really study, and which language to learn first. You can change any of it later.")
	wl.body = container.NewVBox(intro, wl.form)
	wl.scroll = container.NewVScroll(wl.body)
	content := container.NewBorder(nil, container.NewVBox(wl.problem, wl.buttons), nil, nil, wl.scroll)
	wl.dialog = dialog.NewCustomWithoutButtons("Welcome to Study Planner", content, w)
	wl.dialog.Resize(fitWindow(w, fyne.NewSize(640, wl.body.MinSize().Height+wl.buttons.MinSize().Height)))
	wl.stopKeys = listenForDialogKeys(w.Canvas(), wl.skip, wl.create)
	wl.wireFieldKeys()
	wl.dialog.Show()
	return wl, nil
}

// wireFieldKeys makes Enter in a field answer the questions and Escape
// skip them, as with no field focused.
func (wl *welcome) wireFieldKeys() {
	for _, item := range wl.form.Items {
		switch f := item.Widget.(type) {
		case *widgets.TextField:
			f.OnSubmitted = func(string) { wl.create() }
			f.OnEscape = wl.skip
		case *widgets.DateField:
			f.OnSubmitted = func(string) { wl.create() }
			f.OnEscape = wl.skip
		}
	}
}

// buildQuestions reads the plan and the salary figures and makes the form.
func (wl *welcome) buildQuestions() error {
	st := wl.store
	p, err := st.Plan()
	if err != nil {
		return err
	}
	cmp, err := st.Comparison()
	if err != nil {
		return err
	}
	ranges, err := st.Salaries()
	if err != nil {
		return err
	}
	rates, err := st.Rates()
	if err != nil {
		return err
	}
	wl.plan = p
	wl.fields.show(p.Settings)
	items := wl.fields.items()
	items[2].HintText = "Honest beats ambitious"
	items = append(items, wl.groupItems(p)...)
	wl.country = widgets.NewChoice(wl.countries(salary.Markets(ranges)), nil)
	for name, code := range wl.codes {
		if code == cmp.TargetCountry {
			wl.country.SetSelected(name)
		}
	}
	wl.base = widgets.NewChoice(salary.Currencies(rates), nil)
	wl.base.SetSelected(cmp.Base)
	items = append(items,
		&widget.FormItem{Text: "Salaries for", Widget: wl.country, HintText: "The country whose pay matters to you"},
		widget.NewFormItem("Compare in", wl.base))
	wl.form = &widget.Form{Items: items}
	return nil
}

// groupItems asks one question per choose-one group of the roadmap: the
// roadmap says to pick one main language, not to learn four.
func (wl *welcome) groupItems(p plan.Plan) []*widget.FormItem {
	var items []*widget.FormItem
	for _, g := range p.Groups() {
		c := groupChoice(g)
		wl.groups[g.Name] = c
		items = append(items, &widget.FormItem{Text: g.Name, Widget: c, HintText: groupHint})
	}
	return items
}

// groupChoice is a drop-down of a choose-one group's skills, after the
// answer that keeps them all, showing the choice made if there is one.
func groupChoice(g plan.Group) *widgets.Choice {
	options := []string{undecided}
	for _, sk := range g.Skills {
		options = append(options, sk.Name)
	}
	c := widgets.NewChoice(options, nil)
	c.SetSelected(undecided)
	if chosen := g.Chosen(); chosen != nil {
		c.SetSelected(chosen.Name)
	}
	return c
}

const groupHint = "Pick one: the others are set aside, and can be brought back on the Skills screen"

// countries lists the countries of the market salary figures, by name,
// and remembers their codes.
func (wl *welcome) countries(ranges []salary.Range) []string {
	var names []string
	for _, r := range ranges {
		if r.IsOffer() {
			continue
		}
		if _, seen := wl.codes[r.Country]; !seen {
			wl.codes[r.Country] = r.CountryCode
			names = append(names, r.Country)
		}
	}
	sort.Strings(names)
	return names
}

// create stores the answers and shows whether the plan fits.
func (wl *welcome) create() {
	if wl.fit != nil { // the answer is on screen: Enter closes
		wl.finish()
		return
	}
	if err := wl.save(); err != nil {
		wl.problem.SetText(sentence(err.Error()))
		wl.problem.Show()
		return
	}
	wl.problem.Hide()
	// The questions are answered: closing the app on the answer does
	// not ask them again.
	if err := wl.store.MarkWelcomed(); err != nil {
		showError(wl.win, "remember the welcome", err)
	}
	wl.showAnswer()
}

// save stores the answers: only what changed from what was shown.
func (wl *welcome) save() error {
	before, err := wl.store.Settings()
	if err != nil {
		return err
	}
	s := before
	if err := wl.fields.apply(&s); err != nil {
		return err
	}
	if strings.TrimSpace(wl.base.Selected) == "" {
		return errors.New("choose the currency to compare salaries in")
	}
	if err := s.Validate(); err != nil {
		return err
	}
	if err := wl.store.UpdateSettings(before, s); err != nil {
		return err
	}
	if err := wl.saveChoices(); err != nil {
		return err
	}
	c, err := wl.store.Comparison()
	if err != nil {
		return err
	}
	changed := c
	changed.Base = wl.base.Selected
	if code, ok := wl.codes[wl.country.Selected]; ok {
		changed.TargetCountry = code
	}
	return wl.store.UpdateComparison(c, changed)
}

// saveChoices keeps the chosen skill of each group the learner decided.
func (wl *welcome) saveChoices() error {
	for _, g := range wl.plan.Groups() {
		answer := wl.groups[g.Name].Selected
		was := undecided
		if chosen := g.Chosen(); chosen != nil {
			was = chosen.Name
		}
		if answer == was {
			continue
		}
		keep := answer
		if keep == undecided {
			keep = ""
		}
		if _, err := app.ChooseInGroup(wl.store, wl.plan, g.Name, keep); err != nil {
			return err
		}
	}
	return nil
}

// showAnswer replaces the questions with the answer to "does my plan
// fit?" and its remedies.
func (wl *welcome) showAnswer() {
	wl.fit = newFitPanel(wl.store, func(action string, err error) { showError(wl.win, action, err) }, wl.refreshAnswer)
	wl.refreshAnswer()
	start := widget.NewButtonWithIcon("Start studying", theme.ConfirmIcon(), wl.finish)
	start.Importance = widget.HighImportance
	wl.buttons.Objects = []fyne.CanvasObject{layout.NewSpacer(), start}
	wl.buttons.Refresh()
	setRows(wl.body, wl.scroll, wl.fit.root)
	wl.scroll.ScrollToTop()
}

func (wl *welcome) refreshAnswer() {
	s, err := app.LoadSchedule(wl.store, wl.now())
	if err != nil {
		showError(wl.win, "check your plan", err)
		return
	}
	wl.fit.show(s, plan.Projection{})
}

// skip keeps the defaults; once the answer is shown it just closes.
func (wl *welcome) skip() { wl.finish() }

func (wl *welcome) finish() {
	if err := wl.store.MarkWelcomed(); err != nil {
		showError(wl.win, "remember the welcome", err)
	}
	wl.stopKeys()
	wl.dialog.Hide()
	wl.done()
}
