package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

const (
	nominalView = "At exchange rates"
	powerView   = "By purchasing power"
)

// salariesStore is what the salaries screen reads and changes.
type salariesStore interface {
	app.SalaryReader
	app.RatesUpdater
	AddSalary(r salary.Range) (uint, error)
	UpdateSalary(before, after salary.Range) error
	DeleteSalary(id uint) error
	SaveRate(before, after salary.Rate) error
	DeleteRate(currency string) error
	SavePPP(before, after salary.PPP) error
	DeletePPP(countryCode string) error
	UpdateComparison(before, after salary.Comparison) error
	JobBoard() (jobsearch.Board, error) // the job search's offers show beside the ranges
}

// salaries compares what backend developers earn, every range in one
// currency, at exchange rates or by purchasing power, with the learner's
// own entries (offers, job ads) apart from the published figures, on the
// same scale.
type salaries struct {
	store  salariesStore
	report errorReporter
	win    fyne.Window
	now    func() time.Time

	ranges   []salary.Range
	board    jobsearch.Board // the job search, for its offers
	rates    []salary.Rate
	ppp      []salary.PPP
	annual   []salary.AnnualRate
	reported []salary.Reported
	cmp      salary.Comparison
	// medians are the survey's, in the base currency as last shown.
	medians []salary.ComparedReported
	// countries are those of the market ranges: the ones the learner can
	// aim for.
	countries []salary.Country

	base      *widgets.Choice
	view      *widget.RadioGroup
	level     *widgets.Choice
	target    *widgets.Choice
	tlevel    *widgets.Choice
	notes     *widget.Label
	warning   *widget.Label
	chart     *widgets.RangeChart // market ranges
	offers    *widgets.RangeChart // the learner's offers and job ads
	offersBox fyne.CanvasObject   // their heading and chart
	// offerTable compares the job search's offers side by side.
	offerTable    *fyne.Container
	offerTableBox fyne.CanvasObject
	noMarket      *widget.Label // said when there are offers but no ranges
	empty         fyne.CanvasObject
	rateList      *fyne.Container
	pppList       *fyne.Container
	ratesView     fyne.CanvasObject // the Rates tab, holding both lists
	editor        *formDialog       // the form last opened
	loading       bool              // set while controls are filled from the store
	root          fyne.CanvasObject

	info         dialog.Dialog // the median, sources or question last opened
	updateButton *widget.Button
	ratesDate    *widget.Label // which rates the comparison uses
	ratesStatus  *widget.Label // what the last update did, or why it failed
	fetcher      *app.Fetcher
	ratesFrom    string // "" for the ECB; tests give a local server
	updating     bool
	annualList   *fyne.Container
}

func newSalaries(st salariesStore, report errorReporter, w fyne.Window) *salaries {
	s := &salaries{store: st, report: report, win: w, now: time.Now, fetcher: app.NewFetcher()}
	s.base = widgets.NewChoice(nil, func(code string) { s.saveComparison(func(c *salary.Comparison) { c.Base = code }) })
	s.view = widget.NewRadioGroup([]string{nominalView, powerView}, nil)
	s.view.Horizontal, s.view.Required = true, true
	rememberChoice(s.view, prefSalariesView, nominalView, func(string) { s.show() })
	levels := []string{}
	for _, l := range salary.Levels {
		levels = append(levels, l.Label())
	}
	s.level = widgets.NewChoice(levels, func(string) { s.show() })
	s.level.SetSelected(salary.Unspecified.Label())
	s.target = widgets.NewChoice(nil, func(name string) {
		s.saveComparison(func(c *salary.Comparison) { c.TargetCountry = s.countryCode(name) })
	})
	s.tlevel = widgets.NewChoice(levels, func(label string) {
		l, _ := salary.LevelFromLabel(label)
		s.saveComparison(func(c *salary.Comparison) { c.TargetLevel = l })
	})
	s.notes = widget.NewLabel("")
	s.notes.Wrapping = fyne.TextWrapWord
	s.notes.SizeName = theme.SizeNameCaptionText
	s.warning = widget.NewLabel("")
	s.warning.Importance = widget.WarningImportance
	s.warning.Wrapping = fyne.TextWrapWord
	s.chart = widgets.NewRangeChart()
	s.chart.OnTapped = func(c salary.Compared) {
		if c.ID == 0 {
			showInformation("An offer from your job search", "This offer comes from an application on the Job search screen: change it there.", s.win)
			return
		}
		s.edit(c.Range)
	}
	s.chart.OnMarkerTapped = s.showMedian
	s.offers = widgets.NewRangeChart()
	s.offers.OnTapped = s.chart.OnTapped
	offersNote := widget.NewLabel("One amount each, on the same scale as the market ranges. They never set your target.")
	offersNote.Wrapping = fyne.TextWrapWord
	offersNote.SizeName = theme.SizeNameCaptionText
	offersHeading := widget.NewLabelWithStyle("Your offers and job ads", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.offerTable = container.NewGridWithColumns(5)
	s.offerTableBox = container.NewVBox(bold("Offers side by side"), s.offerTable)
	s.offersBox = container.NewVBox(widget.NewSeparator(), offersHeading, offersNote, s.offers, s.offerTableBox)
	s.noMarket = widget.NewLabel("No market ranges yet. Add published figures for the countries you consider, to see your offers against them.")
	s.noMarket.Wrapping = fyne.TextWrapWord
	s.empty = emptyState("No salary figures yet", "Add published ranges for the countries you consider, and the offers and job ads you see.")
	add := widget.NewButtonWithIcon("Add salary", theme.ContentAddIcon(), func() {
		s.edit(salary.Range{Level: salary.Unspecified, Year: s.now().Year()})
	})

	sources := widget.NewButtonWithIcon("Sources", theme.InfoIcon(), s.showSources)
	controls := container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("Compare in"), s.base), container.NewHBox(sources, add)),
		s.view,
		container.NewBorder(nil, nil, widget.NewLabel("Show"), nil, s.level),
		container.NewBorder(nil, nil, widget.NewLabel("My target"), nil, container.NewGridWithColumns(2, s.target, s.tlevel)),
		s.warning,
	)
	compare := container.NewBorder(container.NewPadded(controls), nil, nil, nil,
		container.NewStack(container.NewVScroll(container.NewPadded(container.NewVBox(s.noMarket, s.chart, s.offersBox, s.notes))), s.empty))

	s.rateList, s.pppList = container.NewVBox(), container.NewVBox()
	addRate := widget.NewButtonWithIcon("Add rate", theme.ContentAddIcon(), func() { s.editRate(salary.Rate{AsOf: s.now()}) })
	addPPP := widget.NewButtonWithIcon("Add factor", theme.ContentAddIcon(), func() { s.editPPP(salary.PPP{Year: s.now().Year() - 1}) })
	wrapped := func(text string) *widget.Label {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	s.updateButton = widget.NewButtonWithIcon("Update rates", theme.ViewRefreshIcon(), func() { s.updateRates(false) })
	s.updateButton.Importance = widget.HighImportance
	s.ratesDate, s.ratesStatus = wrapped(""), wrapped("")
	s.ratesStatus.Hide() // until an update says what it did
	s.annualList = container.NewVBox()
	s.ratesView = container.NewVScroll(container.NewVBox(
		widget.NewCard("Exchange rates", "", container.NewVBox(
			wrapped("Units of each currency one euro buys. Update rates fetches the European Central Bank's latest reference rates; a rate you typed yourself is kept unless you say otherwise."),
			s.ratesDate, s.ratesStatus,
			s.rateList, s.annualList, container.NewHBox(s.updateButton, addRate))),
		widget.NewCard("Purchasing power", "", container.NewVBox(
			wrapped("Private-consumption PPP factors: units of the local currency that buy what one international dollar buys. Comparisons with them are approximate."),
			s.pppList, container.NewHBox(addPPP))),
	))
	tabs := newTabbedPages(
		container.NewTabItemWithIcon("Compare", theme.ListIcon(), compare),
		container.NewTabItemWithIcon("Rates", theme.SettingsIcon(), s.ratesView),
	)
	rememberTab(tabs, prefSalariesTab)
	s.root = tabs.root
	return s
}

func (s *salaries) name() string               { return "Salaries" }
func (s *salaries) icon() fyne.Resource        { return theme.AccountIcon() }
func (s *salaries) content() fyne.CanvasObject { return s.root }

func (s *salaries) reload() { s.load()() }

// load reads the salaries, rates, factors and comparison settings and
// returns the step that shows them.
func (s *salaries) load() func() {
	var data app.SalaryData
	var board jobsearch.Board
	err := app.ReadTogether(s.store, func(r salariesStore) (err error) {
		if data, err = app.LoadSalaries(r); err != nil {
			return err
		}
		board, err = r.JobBoard()
		return err
	})
	if err != nil {
		return func() { s.report("load the salaries", err) }
	}
	return func() {
		s.ranges, s.rates, s.ppp, s.cmp, s.board = data.Ranges, data.Rates, data.PPP, data.Settings, board
		s.annual, s.reported = data.Annual, data.Medians
		s.showAll()
	}
}

func (s *salaries) showAll() {
	s.loading = true
	s.base.Options = salary.Currencies(s.rates)
	s.base.SetSelected(s.cmp.Base)
	s.countries = app.SalaryData{Ranges: s.ranges}.TargetCountries()
	s.target.Options = s.countryNames()
	s.target.SetSelected(s.countryName(s.cmp.TargetCountry))
	s.tlevel.SetSelected(s.cmp.TargetLevel.Label())
	s.loading = false
	s.show()
	s.showRates()
}

// countryNames lists the countries of the market ranges, the ones a
// target can be: an offer is not what the market pays.
func (s *salaries) countryNames() []string {
	var names []string
	for _, c := range s.countries {
		names = append(names, c.Name)
	}
	return names
}

func (s *salaries) countryName(code string) string {
	for _, c := range s.countries {
		if c.Code == code {
			return c.Name
		}
	}
	return code
}

func (s *salaries) countryCode(name string) string {
	for _, c := range s.countries {
		if c.Name == name {
			return c.Code
		}
	}
	return s.cmp.TargetCountry
}

func (s *salaries) saveComparison(change func(*salary.Comparison)) {
	if s.loading {
		return
	}
	c := s.cmp
	change(&c)
	if c == s.cmp {
		return
	}
	if err := s.store.UpdateComparison(s.cmp, c); err != nil {
		s.report("save the comparison", err)
		return
	}
	s.reload()
}

// show draws the comparison for the current choices.
func (s *salaries) show() {
	if s.chart == nil || s.loading {
		return
	}
	byPower := s.view.Selected == powerView
	level, _ := salary.LevelFromLabel(s.level.Selected)
	data := app.SalaryData{Ranges: s.ranges, Rates: s.rates, PPP: s.ppp, Annual: s.annual, Medians: s.reported, Settings: s.cmp}
	data.Ranges = append(append([]salary.Range(nil), s.ranges...), data.OfferRanges(s.board)...)
	s.showOfferTable(data)
	cmp, err := data.Compare(app.CompareOptions{ByPower: byPower, Level: level}, s.now())
	if err != nil {
		s.warning.SetText(sentence(err.Error()))
		s.warning.Show()
		s.chart.Set(nil, s.cmp.Base, nil)
		s.offers.Set(nil, s.cmp.Base, nil)
		return
	}
	target := data.TargetPay()
	s.medians = cmp.Medians
	s.chart.Reported = func(row salary.Compared) (salary.ComparedReported, bool) {
		return salary.LatestFor(s.medians, row.CountryCode)
	}
	top := cmp.Top()
	for _, row := range cmp.Rows {
		if m, ok := salary.LatestFor(s.medians, row.CountryCode); ok {
			top = max(top, m.BaseMedian)
		}
	}
	s.chart.Scale, s.offers.Scale = top, top
	s.ratesDate.SetText(ratesInUse(cmp, s.now()))
	s.chart.Set(cmp.Rows, s.cmp.Base, func(r salary.Range) bool { return target.Found && r.ID == target.Range.ID })
	s.offers.Set(cmp.Offers, s.cmp.Base, nil)
	showIf(s.chart, len(cmp.Rows) > 0)
	showIf(s.noMarket, len(cmp.Rows) == 0 && len(cmp.Offers) > 0)
	showIf(s.offersBox, len(cmp.Offers) > 0)
	showIf(s.empty, len(cmp.Rows) == 0 && len(cmp.Offers) == 0)
	if len(cmp.StaleRates) > 0 {
		s.warning.SetText(fmt.Sprintf("The exchange rates for %s are more than a year old; update them under Rates for a fair comparison.", strings.Join(cmp.StaleRates, ", ")))
		s.warning.Show()
	} else {
		s.warning.Hide()
	}
	s.notes.SetText(s.sourceNote(byPower, cmp))
}

// sourceNote says where the figures and the conversions come from.
func (s *salaries) sourceNote(byPower bool, cmp app.SalaryComparison) string {
	conv := cmp.Converter
	sources := map[string]bool{}
	var figures []string
	for _, r := range salary.Markets(s.ranges) {
		if r.Source != "" && !sources[r.Source] {
			sources[r.Source] = true
			figures = append(figures, r.Source)
		}
	}
	note := "Yearly pay before tax."
	if len(figures) > 0 {
		note += " Market figures: " + strings.Join(figures, "; ") + "."
	}
	if byPower {
		note += fmt.Sprintf(" Approximate purchasing power: what each salary buys where it is earned, told as %s in %s prices, using private-consumption PPP factors (%s).",
			conv.Base, s.countryName(conv.BaseCountry), s.pppSources())
		if len(s.reported) > 0 {
			note += " The survey's medians are shown at exchange rates only: the survey already converted them to dollars at exchange rates."
		}
	} else {
		note += " Converted at " + s.rateSources() + "."
		if len(cmp.Medians) > 0 {
			note += " The ringed marks on the bars are the Stack Overflow Developer Survey's medians (newest year), shown only where the survey published a figure for the country; " +
				"tap one for its year, number of respondents and source. " + measuresApart
		}
	}
	return note
}

func (s *salaries) rateSources() string {
	var parts []string
	for _, r := range s.rates {
		parts = append(parts, fmt.Sprintf("%s %s (%s)", r.Currency, r.PerEUR, r.AsOf.Format(time.DateOnly)))
	}
	if len(parts) == 0 {
		return "no rates yet"
	}
	src := ""
	if len(s.rates) > 0 && s.rates[0].Source != "" {
		src = ", " + plainSource(s.rates[0].Source)
	}
	return "these rates per euro: " + strings.Join(parts, ", ") + src
}

func (s *salaries) pppSources() string {
	seen := map[string]bool{}
	var out []string
	for _, p := range s.ppp {
		key := fmt.Sprintf("%s %d", plainSource(p.Source), p.Year)
		if !seen[key] {
			seen[key] = true
			out = append(out, key)
		}
	}
	return strings.Join(out, "; ")
}

// edit opens the salary form; a range with ID 0 is new.
func (s *salaries) edit(r salary.Range) {
	isNew := r.ID == 0
	f := newSalaryFields(r, s.now().Year())
	var extra fyne.CanvasObject
	var form *formDialog
	title := "Add a salary"
	if !isNew {
		title = "Edit salary"
		question := fmt.Sprintf("Delete the %s range for %s?", strings.ToLower(r.Level.Label()), r.Place())
		if r.IsOffer() {
			question = fmt.Sprintf("Delete the offer of %s in %s?", salary.Format(r.Currency, r.Min), r.Place())
		}
		extra = deleteButton(s.win, "Delete…", "Delete salary?", question, "delete the salary",
			func() error { return s.store.DeleteSalary(r.ID) }, s.report, func() { form.hide(); s.reload() })
	}
	form = showFormDialog(s.win, title, "Save", f.items(), extra, func() error {
		edited, err := f.edited(r)
		if err != nil {
			return err
		}
		if isNew {
			_, err = s.store.AddSalary(edited)
		} else {
			err = s.store.UpdateSalary(r, edited)
		}
		if err != nil {
			return err
		}
		s.reload()
		return nil
	})
	f.kind.OnChanged = func(string) {
		f.carryAmounts()
		form.setItems(f.items())
	}
	s.editor = form
}

func (s *salaries) showRates() {
	var rates []fyne.CanvasObject
	today := s.now()
	for _, r := range s.rates {
		text := fmt.Sprintf("%s  %s per euro · %s · %s", r.Currency, r.PerEUR, longDate(r.AsOf), plainSource(r.Source))
		if r.Manual {
			text += " · typed by you"
		}
		if salary.Stale([]salary.Rate{r}, []string{r.Currency}, today) != nil {
			text += " · over a year old"
		}
		rates = append(rates, s.referenceRow(text, func() { s.editRate(r) }, func() {
			if err := s.store.DeleteRate(r.Currency); err != nil {
				s.report("delete the rate", err)
			}
			s.reload()
		}))
	}
	var factors []fyne.CanvasObject
	for _, p := range s.ppp {
		text := fmt.Sprintf("%s (%s)  %s per international dollar · %d · %s", p.Country, p.CountryCode, p.Factor, p.Year, plainSource(p.Source))
		factors = append(factors, s.referenceRow(text, func() { s.editPPP(p) }, func() {
			if err := s.store.DeletePPP(p.CountryCode); err != nil {
				s.report("delete the factor", err)
			}
			s.reload()
		}))
	}
	var averages []fyne.CanvasObject
	for _, a := range s.annual {
		averages = append(averages, wrappedLabel(fmt.Sprintf("%s  %s per euro · %d average · %s", a.Currency, a.PerEUR, a.Year, plainSource(a.Source))))
	}
	setRows(s.rateList, s.ratesView, rates...)
	setRows(s.annualList, s.ratesView, averages...)
	setRows(s.pppList, s.ratesView, factors...)
}

func (s *salaries) referenceRow(text string, edit, del func()) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	e := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), edit)
	d := widget.NewButtonWithIcon("", theme.DeleteIcon(), del)
	e.Importance, d.Importance = widget.LowImportance, widget.LowImportance
	return container.NewBorder(nil, nil, nil, container.NewHBox(e, d), l)
}

func (s *salaries) editRate(r salary.Rate) {
	currency := widgets.NewCodeField(3)
	currency.SetText(r.Currency)
	currency.Validator = currencyValidator
	perEUR := widgets.NewTextField(numberLen)
	perEUR.SetText(r.PerEUR)
	perEUR.Validator = func(v string) error { _, err := salary.ParseDecimal(v); return err }
	asOf := newDateField(localWeekStart(), false)
	d := r.AsOf
	asOf.SetDate(&d)
	source := widgets.NewMultiLineTextField(plan.MaxTextLen)
	source.SetMinRowsVisible(2)
	source.SetText(r.Source)
	link := linkField(r.Link)
	items := []*widget.FormItem{
		{Text: "Currency", Widget: currency, HintText: "Three capital letters, e.g. USD"},
		{Text: "Per euro", Widget: perEUR, HintText: "How many units one euro buys, e.g. 1.0813 for US dollars"},
		{Text: "As of", Widget: asOf, HintText: asOf.Hint()},
		{Text: "Source", Widget: source, HintText: "Where the rate comes from, e.g. the ECB's euro reference rates"},
		{Text: "Link", Widget: link, HintText: "Optional: the address to check the rate at"},
	}
	s.editor = showFormDialog(s.win, "Exchange rate", "Save", items, nil, func() error {
		if asOf.Date == nil {
			return errors.New("type or pick the date the rate is from")
		}
		typed := salary.Rate{Currency: strings.TrimSpace(currency.Text), PerEUR: perEUR.Text, AsOf: *asOf.Date, Source: source.Text,
			Link: strings.TrimSpace(link.Text), Manual: true}
		if err := s.store.SaveRate(r, typed); err != nil {
			return err
		}
		s.reload()
		return nil
	})
}

func (s *salaries) editPPP(p salary.PPP) {
	code := widgets.NewCodeField(2)
	code.SetText(p.CountryCode)
	country := widgets.NewTextField(plan.MaxNameLen)
	country.SetText(p.Country)
	factor := widgets.NewTextField(numberLen)
	factor.SetText(p.Factor)
	factor.Validator = func(v string) error { _, err := salary.ParseDecimal(v); return err }
	year := widgets.NewTextField(4)
	year.SetText(strconv.Itoa(p.Year))
	source := widgets.NewMultiLineTextField(plan.MaxTextLen)
	source.SetMinRowsVisible(2)
	source.SetText(p.Source)
	link := linkField(p.Link)
	items := []*widget.FormItem{
		{Text: "Country code", Widget: code, HintText: "ISO 3166 two-letter code"},
		widget.NewFormItem("Country", country),
		{Text: "Factor", Widget: factor, HintText: "Local currency per international dollar, private consumption"},
		widget.NewFormItem("Year", year),
		{Text: "Source", Widget: source, HintText: "Where the factor comes from, e.g. the World Bank's World Development Indicators"},
		{Text: "Link", Widget: link, HintText: "Optional: the address to check the factor at"},
	}
	s.editor = showFormDialog(s.win, "Purchasing power factor", "Save", items, nil, func() error {
		y, _ := strconv.Atoi(strings.TrimSpace(year.Text))
		released := p.Released // the release's date stays only with its figure
		if strings.TrimSpace(factor.Text) != p.Factor || y != p.Year {
			released = time.Time{}
		}
		err := s.store.SavePPP(p, salary.PPP{CountryCode: strings.TrimSpace(code.Text), Country: country.Text, Factor: factor.Text, Year: y, Source: source.Text,
			Link: strings.TrimSpace(link.Text), Released: released})
		if err != nil {
			return err
		}
		s.reload()
		return nil
	})
}
