package ui

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/dustin/go-humanize"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/salary"
)

// measuresApart says plainly what a survey median is beside a range.
const measuresApart = "The bars are advertised ranges: what employers say they pay. A survey median is what the people who answered report earning " +
	"(total pay before tax, in US dollars as the survey converted it). They measure different things, so a median can sit outside a range."

// sourceLink is a figure's link, opened in the browser, or nothing when
// it has none (or one the app will not open).
func sourceLink(text, link string) fyne.CanvasObject {
	u, ok := plan.SafeURL(link)
	if !ok {
		return nil
	}
	h := widget.NewHyperlink(text, (*url.URL)(u))
	h.Truncation = fyne.TextTruncateEllipsis
	return h
}

// showMedian opens a survey median: its figure, n and year, the other
// years for the country, what it measures and its source.
func (s *salaries) showMedian(m salary.ComparedReported) {
	title := fmt.Sprintf("Survey median: %s, %d", m.Country, m.Year)
	figure := fmt.Sprintf("%s a year, the median of %s respondents whose role is %q.", salary.Format(m.Currency, m.Median),
		humanize.Comma(int64(m.Respondents)), m.Role)
	if m.Currency != s.cmp.Base {
		how := "at today's rates"
		if m.AtYearAverage {
			how = fmt.Sprintf("at the %d average rates", m.Year)
		}
		figure += fmt.Sprintf(" About %s %s.", salary.Format(s.cmp.Base, m.BaseMedian), how)
	}
	rows := []fyne.CanvasObject{wrappedLabel(figure)}
	for _, other := range salary.ForCountry(s.medians, m.CountryCode) {
		if other.Year != m.Year {
			rows = append(rows, wrappedLabel(fmt.Sprintf("In %d: %s (n = %s).", other.Year, salary.Format(other.Currency, other.Median),
				humanize.Comma(int64(other.Respondents)))))
		}
	}
	rows = append(rows, wrappedLabel(measuresApart), widget.NewSeparator(), wrappedLabel("Source: "+m.Source+"."))
	if l := sourceLink("Open the survey's results", m.Link); l != nil {
		rows = append(rows, l)
	}
	body := container.NewVScroll(container.NewVBox(rows...))
	d := dialog.NewCustom(title, "Close", body, s.win)
	d.Resize(fitWindow(s.win, fyne.NewSize(560, 380)))
	showWithKeys(s.win, d, nil)
	s.info = d
}

// showSources lists where every figure on the screen comes from: the
// ranges, the survey's medians, the rates and the factors, each with its
// date and link.
func (s *salaries) showSources() {
	var rows []fyne.CanvasObject
	heading := func(text string) {
		h := bold(text)
		h.Wrapping = fyne.TextWrapWord
		rows = append(rows, h)
	}
	item := func(text, link string) {
		rows = append(rows, wrappedLabel(text))
		if l := sourceLink(link, link); l != nil {
			rows = append(rows, l)
		}
	}
	heading("Salary ranges")
	for _, r := range s.ranges {
		when := fmt.Sprintf("%d", r.Year)
		if !r.SourceDate.IsZero() {
			when = "published " + longDate(r.SourceDate)
		}
		item(fmt.Sprintf("%s · %s · %s: %s", r.Place(), salary.FormatRange(r), when, orNone(r.Source)), r.Link)
	}
	heading("Survey medians")
	if len(s.reported) == 0 {
		rows = append(rows, wrappedLabel("None stored."))
	}
	for _, m := range s.reported {
		item(fmt.Sprintf("%s %d: %s (n = %s)", m.Country, m.Year, salary.Format(m.Currency, m.Median), humanize.Comma(int64(m.Respondents))), "")
	}
	if n := len(s.reported); n > 0 {
		item("Source: "+s.reported[n-1].Source+". "+measuresApart, s.reported[n-1].Link)
	}
	heading("Exchange rates, per euro")
	for _, r := range s.rates {
		item(fmt.Sprintf("%s %s on %s%s: %s", r.Currency, r.PerEUR, longDate(r.AsOf), typedByYou(r), orNone(r.Source)), r.Link)
	}
	for _, a := range s.annual {
		item(fmt.Sprintf("%s %s, %d average: %s", a.Currency, a.PerEUR, a.Year, orNone(a.Source)), a.Link)
	}
	heading("Purchasing power factors")
	for _, p := range s.ppp {
		item(fmt.Sprintf("%s %s (%d%s): %s", p.Country, p.Factor, p.Year, released(p), orNone(p.Source)), p.Link)
	}
	d := dialog.NewCustom("Where the figures come from", "Close", container.NewVScroll(container.NewVBox(rows...)), s.win)
	d.Resize(fitWindow(s.win, fyne.NewSize(680, 560)))
	showWithKeys(s.win, d, nil)
	s.info = d
}

// plainSource is a figure's source for a learner to read beside it: its
// publisher and series in words, without the codes and notes in brackets
// ("Statistical Data Warehouse EXR", "PA.NUS.PRVT.PP … LCU per
// international $"). Sources, which lists every figure, keeps the whole.
func plainSource(source string) string {
	var b strings.Builder
	depth := 0
	for _, r := range source {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	var parts []string
	for _, p := range strings.Split(b.String(), ",") {
		var words []string
		for _, w := range strings.Fields(p) {
			if code := strings.TrimRight(w, ":;"); isCode(code) {
				if len(words) > 0 && code != w {
					words[len(words)-1] += w[len(code):] // keep "WDI PA.NUS.PRVT.PP:"'s colon
				}
				continue
			}
			words = append(words, w)
		}
		if p = strings.Join(words, " "); p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return orNone(source)
	}
	return strings.Join(parts, ", ")
}

// isCode says whether a word of a source is a series code such as
// PA.NUS.PRVT.PP or EXR/A.USD.EUR.SP00.A: dots or slashes, no lower case.
func isCode(s string) bool {
	return strings.ContainsAny(s, "./") && strings.ToUpper(s) == s && strings.ContainsFunc(s, unicode.IsLetter)
}

func orNone(source string) string {
	if strings.TrimSpace(source) == "" {
		return "no source given"
	}
	return source
}

func typedByYou(r salary.Rate) string {
	if r.Manual {
		return ", typed by you"
	}
	return ""
}

func released(p salary.PPP) string {
	if p.Released.IsZero() {
		return ""
	}
	return ", released " + longDate(p.Released)
}

// updateRates fetches the ECB's rates off the UI thread, with progress
// past half a second. A rate the learner typed is kept; when there is one,
// the window asks whether to replace it.
func (s *salaries) updateRates(replaceManual bool) {
	s.updating = true
	s.updateButton.Disable()
	inBackground(s.win, "Fetching the European Central Bank's rates…", func() func() {
		done, err := app.UpdateRates(context.Background(), s.store, s.fetcher, app.UpdateOptions{From: s.ratesFrom, ReplaceManual: replaceManual}, func(string) {})
		return func() {
			defer func() { s.updating = false }() // last: tests wait for it
			s.updateButton.Enable()
			s.ratesStatus.Show()
			if err != nil {
				s.ratesStatus.SetText(sentence(err.Error()))
				s.ratesStatus.Importance = widget.WarningImportance
				s.ratesStatus.Refresh()
				return
			}
			s.ratesStatus.Importance = widget.MediumImportance
			s.ratesStatus.SetText(updateSummary(done))
			s.reload()
			if len(done.Applied.Kept) > 0 && !replaceManual {
				s.askReplace(done.Applied.Kept)
			}
		}
	})
}

func updateSummary(done app.RatesUpdate) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Updated %d rates to the ECB's fixing of %s.", len(done.Applied.Updated), done.Date.Format("2 January 2006"))
	if len(done.Applied.Missing) > 0 {
		fmt.Fprintf(&b, " The ECB publishes no rate for %s.", strings.Join(done.Applied.Missing, ", "))
	}
	if done.GapFilled > 0 {
		fmt.Fprintf(&b, " %d earlier days filled from the 90-day rates.", done.GapFilled)
	}
	if done.GapNote != "" {
		b.WriteString(" " + sentence(done.GapNote))
	}
	return b.String()
}

// askReplace asks whether the rates the learner typed should give way to
// the ECB's.
func (s *salaries) askReplace(kept []salary.Rate) {
	var names []string
	for _, r := range kept {
		names = append(names, fmt.Sprintf("%s (%s, %s)", r.Currency, r.PerEUR, orNone(r.Source)))
	}
	msg := wrappedLabel(fmt.Sprintf("You typed the rate of %s yourself, so the update left it as it was. Replace it with the ECB's rate too?",
		strings.Join(names, ", ")))
	d := dialog.NewCustomConfirm("Keep your own rates?", "Replace", "Keep mine", msg, func(replace bool) {
		if replace {
			s.updateRates(true)
		}
	}, s.win)
	d.Resize(fitWindow(s.win, fyne.NewSize(480, 160)))
	showWithKeys(s.win, d, nil)
	s.info = d
}

// ratesInUse says which rates the comparison uses, and their date.
func ratesInUse(cmp app.SalaryComparison, today time.Time) string {
	if cmp.RatesDate.IsZero() {
		return ""
	}
	text := "The comparison uses the rates of " + cmp.RatesDate.Format("2 January 2006")
	if age := today.Sub(cmp.RatesDate); age > 48*time.Hour {
		text += " (" + humanize.RelTime(cmp.RatesDate, today, "ago", "from now") + ")"
	}
	return text + ", or a year's average rates for figures of a year that has them."
}
