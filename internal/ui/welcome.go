package ui

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/store"
)

// welcome is the first-run dialog: six questions that shape the plan,
// answered in under a minute, or skipped to keep the defaults. Everything
// it asks can be changed later, in Timeline ▸ Plan settings and Settings.
type welcome struct {
	store   *store.Store
	win     fyne.Window
	now     func() time.Time
	done    func() // called after the plan is made or the welcome skipped
	dialog  *dialog.CustomDialog
	start   *widget.DateEntry
	months  *widget.Select
	hours   *widget.Entry
	days    *widget.CheckGroup
	country *widget.Select
	base    *widget.Select
	form    *widget.Form
	problem *widget.Label
	codes   map[string]string // country name → code
}

func showWelcome(st *store.Store, w fyne.Window, now func() time.Time, done func()) (*welcome, error) {
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
	wl := &welcome{store: st, win: w, now: now, done: done, codes: map[string]string{}}
	wl.start = widget.NewDateEntry()
	start := s.StartDate
	wl.start.SetDate(&start)
	var months []string
	for m := plan.MinHorizonMonths; m <= plan.MaxHorizonMonths; m++ {
		months = append(months, monthsLabel(m))
	}
	wl.months = widget.NewSelect(months, nil)
	wl.months.SetSelected(monthsLabel(s.HorizonMonths))
	wl.hours = widget.NewEntry()
	wl.hours.SetText(strconv.FormatFloat(s.HoursPerWeek, 'f', -1, 64))
	wl.hours.Validator = func(v string) error { _, err := parseWeeklyHours(v); return err }
	wl.days = widget.NewCheckGroup(weekdayLabels, nil)
	wl.days.Horizontal = true
	var selected []string
	for d := 0; d < 7; d++ {
		if s.StudyDays[d] {
			selected = append(selected, labelOfWeekday(time.Weekday(d)))
		}
	}
	wl.days.SetSelected(selected)
	var countries []string
	for _, r := range ranges {
		if _, seen := wl.codes[r.Country]; !seen {
			wl.codes[r.Country] = r.CountryCode
			countries = append(countries, r.Country)
		}
	}
	sort.Strings(countries)
	wl.country = widget.NewSelect(countries, nil)
	for name, code := range wl.codes {
		if code == cmp.TargetCountry {
			wl.country.SetSelected(name)
		}
	}
	wl.base = widget.NewSelect(salary.Currencies(rates), nil)
	wl.base.SetSelected(cmp.Base)
	wl.problem = widget.NewLabel("")
	wl.problem.Importance = widget.DangerImportance
	wl.problem.Wrapping = fyne.TextWrapWord
	wl.problem.Hide()

	intro := widget.NewLabel("A few questions shape your plan: when you start, how long you give yourself (6 to 12 months is usual), " +
		"and how many hours a week you can really study. You can change any of it later.")
	intro.Wrapping = fyne.TextWrapWord
	wl.form = &widget.Form{
		Items: []*widget.FormItem{
			widget.NewFormItem("Start on", wl.start),
			widget.NewFormItem("Plan length", wl.months),
			{Text: "Hours a week", Widget: wl.hours, HintText: "Honest beats ambitious"},
			widget.NewFormItem("Study days", wl.days),
			{Text: "Salaries for", Widget: wl.country, HintText: "The country whose pay matters to you"},
			widget.NewFormItem("Compare in", wl.base),
		},
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

func (wl *welcome) create() {
	before, err := wl.store.Settings()
	s := before
	if err == nil {
		err = wl.apply(&s)
	}
	if err == nil {
		err = wl.store.UpdateSettings(before, s)
	}
	if err == nil {
		var c salary.Comparison
		if c, err = wl.store.Comparison(); err == nil {
			changed := c
			changed.Base = wl.base.Selected
			if code, ok := wl.codes[wl.country.Selected]; ok {
				changed.TargetCountry = code
			}
			err = wl.store.UpdateComparison(c, changed)
		}
	}
	if err != nil {
		wl.problem.SetText(sentence(err.Error()))
		wl.problem.Show()
		return
	}
	wl.finish()
}

func (wl *welcome) apply(s *plan.Settings) error {
	if wl.start.Date == nil {
		return errors.New("pick the day you start from the calendar button")
	}
	s.StartDate = plan.Date(*wl.start.Date)
	fmt.Sscanf(wl.months.Selected, "%d", &s.HorizonMonths)
	h, err := parseWeeklyHours(wl.hours.Text)
	if err != nil {
		return fmt.Errorf("hours a week: %w", err)
	}
	s.HoursPerWeek = h
	s.StudyDays = [7]bool{}
	for _, l := range wl.days.Selected {
		s.StudyDays[weekdayOfLabel(l)] = true
	}
	if strings.TrimSpace(wl.base.Selected) == "" {
		return errors.New("choose the currency to compare salaries in")
	}
	return s.Validate()
}

func (wl *welcome) skip() { wl.finish() }

func (wl *welcome) finish() {
	fyne.CurrentApp().Preferences().SetBool(prefWelcomeDone, true)
	wl.dialog.Hide()
	wl.done()
}
