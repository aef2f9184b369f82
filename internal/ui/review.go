package ui

import (
	"errors"
	"fmt"
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
	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// reviewStore is what the weekly review reads, and changes when the
// learner re-plans from it.
type reviewStore interface {
	app.WeeklyReviewReader
	app.ScopeWriter
	MarkReviewShown(week time.Time) error
}

// weeklyReview looks back on last week: the hours the plan gave it
// against those studied, day by day, what the time went to, where that
// leaves the learner, and, when the plan no longer fits, the changes that
// would make it fit.
type weeklyReview struct {
	data    reviewStore
	win     fyne.Window
	today   time.Time
	changed func() // reloads the screen on view, after a change to the plan
	pace    plan.Projection

	dialog   *dialog.CustomDialog
	headline *widget.Label
	days     *fyne.Container // a column per day, when last week was in the plan
	items    *widget.Label
	standing *widget.Label
	fit      *fitPanel
	keep     *widget.Button
	scroll   *container.Scroll
}

// ReviewIfDue shows last week's review on the first study day of a week,
// once a week, and never over another dialog: on the day of the welcome,
// the welcome is enough.
func (m *MainWindow) ReviewIfDue() { m.openReview(true) }

// showReview opens last week's review from the menu, on any day.
func (m *MainWindow) showReview() { m.openReview(false) }

func (m *MainWindow) openReview(onlyIfDue bool) {
	if onlyIfDue && m.Canvas().Overlays().Top() != nil {
		return
	}
	runLoad(func() func() {
		r, err := app.LoadWeeklyReview(m.data, m.now())
		switch {
		case err != nil && onlyIfDue:
			// At start-up the screen on view says so when the data cannot
			// be read; a second box would only repeat it.
			return func() {}
		case err != nil:
			return func() { showError(m.Window, "look back on last week", err) }
		case onlyIfDue && !r.Due:
			return func() {}
		}
		return func() {
			if onlyIfDue && m.Canvas().Overlays().Top() != nil {
				return // a dialog opened while the review was read
			}
			if r.Review.InPlan {
				m.markReviewShown(r.Review.Week)
			}
			m.review = showWeeklyReview(m.data, m.Window, r, m.reloadCurrent)
		}
	})
}

// markReviewShown remembers the week's review was seen, opened by itself
// or from the menu, so it does not open again by itself. A database
// that cannot be written shows it again on the next start that day,
// which is better than an error over it each time.
func (m *MainWindow) markReviewShown(week time.Time) {
	if err := m.data.MarkReviewShown(week); err != nil && !errors.Is(err, store.ErrReadOnly) {
		showError(m.Window, "remember that you saw last week's review", err)
	}
}

func showWeeklyReview(st reviewStore, w fyne.Window, r app.WeeklyReview, changed func()) *weeklyReview {
	v := &weeklyReview{data: st, win: w, today: r.Today, changed: changed,
		headline: wrappedLabel(""), days: container.NewGridWithColumns(7), items: wrappedLabel(""),
		standing: wrappedLabel("")}
	v.headline.TextStyle = fyne.TextStyle{Bold: true}
	v.fit = newFitPanel(st, func(action string, err error) { showError(w, action, err) }, v.replanned)
	// The verdict a size down from the dashboard's: here it follows the
	// week's headline instead of leading.
	v.fit.verdict.SizeName = theme.SizeNameSubHeadingText
	v.keep = widget.NewButtonWithIcon("Keep the plan", theme.ConfirmIcon(), func() { v.dialog.Hide() })
	v.show(r)

	body := container.NewVBox(v.headline, v.days, v.items, v.standing, widget.NewSeparator(), v.fit.root)
	buttons := container.NewHBox(layout.NewSpacer(), v.keep)
	v.scroll = container.NewVScroll(body)
	content := container.NewBorder(nil, buttons, nil, nil, v.scroll)
	v.dialog = dialog.NewCustomWithoutButtons("Weekly review", content, w)
	// A wrapping label is one line high until it knows its width: laid
	// out at the dialog's width first, the text says how high it wraps.
	body.Resize(fyne.NewSize(reviewWidth, body.MinSize().Height))
	v.dialog.Resize(fitWindow(w, fyne.NewSize(reviewWidth, body.MinSize().Height+buttons.MinSize().Height)))
	showWithKeys(w, v.dialog, nil)
	return v
}

// reviewWidth gives each day of the week a column wide enough for
// "1 h 30 min" on one line; longer days wrap.
const reviewWidth = 700

// show puts a review on the dialog.
func (v *weeklyReview) show(r app.WeeklyReview) {
	rv := r.Review
	showIf(v.days, rv.InPlan)
	showIf(v.items, rv.InPlan)
	if rv.InPlan {
		v.headline.SetText(reviewHeadline(rv))
		for _, d := range rv.Days {
			v.days.Add(dayColumn(d))
		}
		v.items.SetText(studiedOn(rv.Items))
	} else {
		v.headline.SetText(nothingToReview(r))
	}
	// The standing's headline only: its sum of hours since the start is
	// on the dashboard, and here it would push the changes offered below
	// out of an 800×600 window.
	standing, _ := standingText(r.Plan.Settings, rv.Standing)
	v.standing.SetText(fmt.Sprintf("Where you stand today: %s. Streak: %d %s (longest %d).",
		strings.ToLower(standing[:1])+standing[1:], rv.Streak, plural(rv.Streak, "day", "days"), rv.LongestStreak))
	v.pace = rv.Standing.Projection
	v.showFit(r.Schedule)
}

// showFit shows what the plan needs now; the learner's way out is the
// main button when there is nothing to change.
func (v *weeklyReview) showFit(s app.Schedule) {
	v.fit.show(s, v.pace)
	if len(s.Fit.Remedies) == 0 {
		v.keep.Importance = widget.HighImportance
	} else {
		v.keep.Importance = widget.MediumImportance
	}
	v.keep.Refresh()
}

// replanned shows the fit after a remedy. Last week's figures stay as
// they were: the plan has no memory of its old hours, and last week's
// target should not change because of this week's decision.
func (v *weeklyReview) replanned() {
	s, err := app.LoadSchedule(v.data, v.today)
	if err != nil {
		showError(v.win, "check your plan", err)
		return
	}
	v.showFit(s)
	v.keep.SetText("Close")
	v.changed()
}

// reviewHeadline is the week in one sentence: "Last week (16–22 Nov):
// 6 h 30 min of 10 h studied, on 4 of 5 study days."
func reviewHeadline(r plan.Review) string {
	text := fmt.Sprintf("Last week (%s): %s", weekSpan(r.Week), plan.FormatMinutes(r.StudiedMinutes))
	if r.PlannedHours > 0 {
		text += " of " + hoursText(r.PlannedHours)
	}
	text += fmt.Sprintf(" studied, on %d of %d study %s", r.DaysStudied, r.StudyDays, plural(r.StudyDays, "day", "days"))
	if n := r.OtherDaysStudied; n > 0 {
		text += fmt.Sprintf(" and %d other %s", n, plural(n, "day", "days"))
	}
	return text + "."
}

// nothingToReview says why there is no week to look back on, and when
// there will be.
func nothingToReview(r app.WeeklyReview) string {
	s := r.Plan.Settings
	if r.NextReview.IsZero() {
		return fmt.Sprintf("Your plan ended on %s: no week of it is left to look back on.", longDate(s.FinishDate()))
	}
	next := r.NextReview.Format("Monday") + " " + longDate(r.NextReview)
	if !r.Review.Week.AddDate(0, 0, 7).After(plan.Date(s.StartDate)) {
		return fmt.Sprintf("Your plan's first week is not over yet, so there is nothing to look back on. The first review is on %s.", next)
	}
	return fmt.Sprintf("Your plan gave last week (%s) no study time, so there is nothing to look back on. The next review is on %s.", weekSpan(r.Review.Week), next)
}

// dayColumn is one day of the week: its name (ticked when the time
// studied reached the plan's), the time studied, and the time planned or
// why none was. One rich text, not three labels: it takes half their
// height, and the changes offered under it stay in view. It wraps, so a
// long day does not widen the dialog past the window.
func dayColumn(d plan.ReviewDay) fyne.CanvasObject {
	line := func(text string, size fyne.ThemeSizeName, bold bool) *widget.TextSegment {
		return &widget.TextSegment{Text: text, Style: widget.RichTextStyle{SizeName: size, ColorName: theme.ColorNameForeground, TextStyle: fyne.TextStyle{Bold: bold}}}
	}
	name, studied, planned := d.Date.Format("Mon 2"), "–", "free day"
	if d.Minutes > 0 {
		studied = plan.FormatMinutes(d.Minutes)
	}
	switch {
	case d.Off:
		planned = "day off"
	case d.StudyDay && d.Planned == 0:
		planned = "none planned" // the plan's work was all laid before it
	case d.StudyDay:
		planned = "of " + hoursText(d.Planned)
		if float64(d.Minutes)+0.5 >= d.Planned*60 {
			// A tick, not a colour: the success green is faint on white.
			// By the name, the shortest line: beside the time it wrapped.
			name += " ✓"
		}
	}
	rt := widget.NewRichText(line(name, theme.SizeNameText, true), line(studied, theme.SizeNameText, false),
		line(planned, theme.SizeNameCaptionText, false))
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// maxReviewItems is how many things studied the review names; the rest
// are counted.
const maxReviewItems = 5

// studiedOn says what the week's time went to.
func studiedOn(items []plan.ReviewItem) string {
	if len(items) == 0 {
		return "Nothing was logged last week."
	}
	var parts []string
	for i, it := range items {
		if i == maxReviewItems {
			parts = append(parts, fmt.Sprintf("%d more", len(items)-maxReviewItems))
			break
		}
		name := it.Name
		if name == "" {
			name = "study on no skill or step"
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", name, plan.FormatMinutes(it.Minutes)))
	}
	if len(parts) == 1 {
		return "Your time went to " + parts[0] + "."
	}
	return "Your time went to " + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1] + "."
}

// weekSpan writes a week's dates in the learner's order: "16–22 Nov",
// "30 Nov – 6 Dec", "28 Dec 2026 – 3 Jan 2027".
func weekSpan(first time.Time) string {
	last := first.AddDate(0, 0, 6)
	monthFirst := dateOrder == widgets.MonthFirst
	switch {
	case first.Year() != last.Year():
		return longDate(first) + " – " + longDate(last)
	case first.Month() != last.Month() && monthFirst:
		return first.Format("Jan 2") + " – " + last.Format("Jan 2")
	case first.Month() != last.Month():
		return first.Format("2 Jan") + " – " + last.Format("2 Jan")
	case monthFirst:
		return first.Format("Jan 2") + "–" + last.Format("2")
	}
	return first.Format("2") + "–" + last.Format("2 Jan")
}
