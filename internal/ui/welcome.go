package ui

import (
	"errors"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// welcomeStore is what the welcome reads and changes.
type welcomeStore interface {
	Settings() (plan.Settings, error)
	UpdateSettings(before, after plan.Settings) error
	Comparison() (salary.Comparison, error)
	UpdateComparison(before, after salary.Comparison) error
	Salaries() ([]salary.Range, error)
	Rates() ([]salary.Rate, error)
}

// welcome is the first-run dialog: a few questions that shape the plan,
// answered in under a minute, or skipped to keep the defaults. Everything
// it asks can be changed later, in Timeline ▸ Plan settings and Settings.
type welcome struct {
	store   welcomeStore
	win     fyne.Window
	now     func() time.Time
	done    func() // called after the plan is made or the welcome skipped
	dialog  *dialog.CustomDialog
	fields  *planFields
	country *widgets.Choice
	base    *widgets.Choice
	form    *widget.Form
	problem *widget.Label
	codes   map[string]string // country name → code
}

func showWelcome(st welcomeStore, w fyne.Window, now func() time.Time, done func()) (*welcome, error) {
	s, err := st.Settings()
	if err != nil {
		return nil, err
	}
	cmp, err := st.Comparison()
	if err != nil {
		return nil, err
	}
	ranges, err := st.Salaries()
	if err != nil {
		return nil, err
	}
	rates, err := st.Rates()
	if err != nil {
		return nil, err
	}
	wl := &welcome{store: st, win: w, now: now, done: done, fields: newPlanFields(), codes: map[string]string{}}
	wl.fields.show(s)
	wl.country = widgets.NewChoice(wl.countries(salary.Markets(ranges)), nil)
	for name, code := range wl.codes {
		if code == cmp.TargetCountry {
			wl.country.SetSelected(name)
		}
	}
	wl.base = widgets.NewChoice(salary.Currencies(rates), nil)
	wl.base.SetSelected(cmp.Base)
	wl.problem = widget.NewLabel("")
	wl.problem.Importance = widget.DangerImportance
	wl.problem.Wrapping = fyne.TextWrapWord
	wl.problem.Hide()

	intro := widget.NewLabel("A few questions shape your plan: when you start, how long you give yourself (6 to 12 months is usual), " +
		"and how many hours a week you can really study. You can change any of it later.")
	intro.Wrapping = fyne.TextWrapWord
	items := wl.fields.items()
	items[2].HintText = "Honest beats ambitious"
	wl.form = &widget.Form{
		Items: append(items,
			&widget.FormItem{Text: "Salaries for", Widget: wl.country, HintText: "The country whose pay matters to you"},
			widget.NewFormItem("Compare in", wl.base),
		),
		SubmitText: "Create my plan",
		CancelText: "Skip for now",
		OnSubmit:   wl.create,
		OnCancel:   wl.skip,
	}
	wl.dialog = dialog.NewCustomWithoutButtons("Welcome to Study Planner", container.NewVBox(intro, wl.form, wl.problem), w)
	wl.dialog.Resize(fyne.NewSize(640, wl.dialog.MinSize().Height))
	wl.dialog.Show()
	return wl, nil
}

// countries lists the countries of the salary figures, by name, and
// remembers their codes.
func (wl *welcome) countries(ranges []salary.Range) []string {
	var names []string
	for _, r := range ranges {
		if _, seen := wl.codes[r.Country]; !seen {
			wl.codes[r.Country] = r.CountryCode
			names = append(names, r.Country)
		}
	}
	sort.Strings(names)
	return names
}

func (wl *welcome) create() {
	if err := wl.save(); err != nil {
		wl.problem.SetText(sentence(err.Error()))
		wl.problem.Show()
		return
	}
	wl.finish()
}

// save stores the answers: only what changed from the defaults shown.
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

func (wl *welcome) skip() { wl.finish() }

func (wl *welcome) finish() {
	fyne.CurrentApp().Preferences().SetBool(prefWelcomeDone, true)
	wl.dialog.Hide()
	wl.done()
}
