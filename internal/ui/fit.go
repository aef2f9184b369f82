package ui

import (
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/dustin/go-humanize"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/plan"
)

// fitPanel answers the learner's first question, "does my plan fit?", and
// when it does not, offers the changes that would make it, each one click
// away. The dashboard leads with it and the welcome ends on it.
type fitPanel struct {
	store   app.ScopeWriter
	report  errorReporter
	changed func() // reloads what shows the plan, after a remedy

	verdict  *widget.Label
	detail   *widget.Label
	remedies *fyne.Container
	done     *widget.Label // what the last remedy changed
	root     fyne.CanvasObject
}

func newFitPanel(st app.ScopeWriter, report errorReporter, changed func()) *fitPanel {
	f := &fitPanel{store: st, report: report, changed: changed, verdict: heading(""), detail: wrappedLabel(""),
		remedies: container.NewVBox(), done: wrappedLabel("")}
	f.verdict.Wrapping = fyne.TextWrapWord
	f.done.Importance = widget.SuccessImportance
	f.done.Hide()
	f.root = container.NewVBox(f.verdict, f.detail, f.remedies, f.done)
	return f
}

// show puts a schedule's answer on the panel; pr, once ready, tells the
// plan's hours apart from the learner's real pace.
func (f *fitPanel) show(s app.Schedule, pr plan.Projection) {
	fit, settings := s.Fit, s.Plan.Settings
	f.verdict.SetText(fitHeadline(fit))
	f.detail.SetText(fitDetail(settings, fit) + paceWarning(settings, fit, pr))
	// Each remedy is a sentence that wraps and a short button beside it:
	// a button's own text does not wrap and would widen the window.
	var rows []fyne.CanvasObject
	for _, r := range fit.Remedies {
		b := widget.NewButtonWithIcon("Do it", theme.ConfirmIcon(), func() { f.apply(r) })
		rows = append(rows, container.NewBorder(nil, nil, nil, b, wrappedLabel(remedyLabel(settings, r))))
	}
	if len(rows) > 0 {
		rows = append([]fyne.CanvasObject{bold("To make it fit, one of:")}, rows...)
	}
	f.remedies.Objects = rows
	f.remedies.Refresh()
}

func (f *fitPanel) apply(r plan.Remedy) {
	if err := app.ApplyRemedy(f.store, r); err != nil {
		f.report("change the plan", err)
		return
	}
	f.done.SetText(remedyDone(r))
	f.done.Show()
	f.changed()
}

func fitHeadline(fit plan.Fit) string {
	switch {
	case fit.Remaining == 0:
		return "Nothing left to plan"
	case fit.Fits:
		return "Your plan fits"
	}
	return "Your plan does not fit"
}

// fitDetail says why, with the numbers the learner chose.
func fitDetail(s plan.Settings, fit plan.Fit) string {
	left := humanize.Comma(int64(math.Round(fit.Remaining)))
	switch {
	case fit.Remaining == 0:
		return "Every step and skill is done or set aside."
	case fit.Fits:
		return fmt.Sprintf("The %s h left take %s: you are done by %s (%s), before your plan ends on %s.",
			left, weeklyHours(s.HoursPerWeek), longDate(fit.Finish), humanize.Time(fit.Finish), longDate(fit.Deadline))
	case math.IsInf(fit.NeededHoursPerWeek, 1):
		return fmt.Sprintf("No study day is left before your plan ends on %s: give it more months, or a later start.", longDate(fit.Deadline))
	case fit.Finish.IsZero():
		return fmt.Sprintf("The %s h left need %s to be done by %s.", left, weeklyHours(roundUpTenth(fit.NeededHoursPerWeek)), longDate(fit.Deadline))
	}
	return fmt.Sprintf("The %s h left need %s to be done by %s. At your %s you finish in %s.",
		left, weeklyHours(roundUpTenth(fit.NeededHoursPerWeek)), longDate(fit.Deadline), weeklyHours(s.HoursPerWeek), fit.Finish.Format("January 2006"))
}

// paceWarning says so when the learner studies well under the plan's
// hours: a plan that fits on paper does not fit at that pace.
func paceWarning(s plan.Settings, fit plan.Fit, pr plan.Projection) string {
	if !pr.Ready || fit.Remaining == 0 || pr.Pace >= 0.8*s.HoursPerWeek {
		return ""
	}
	if pr.Finish.IsZero() {
		return fmt.Sprintf(" Lately you study %s: at that pace you would not finish within ten years.", weeklyHours(pr.Pace))
	}
	return fmt.Sprintf(" Lately you study %s: at that pace you finish in %s.", weeklyHours(pr.Pace), pr.Finish.Format("January 2006"))
}

func roundUpTenth(h float64) float64 { return math.Ceil(h*10) / 10 }

// remedyLabel is the button that makes one change.
func remedyLabel(s plan.Settings, r plan.Remedy) string {
	switch r.Kind {
	case plan.MoreHours:
		return fmt.Sprintf("Study %s instead of %s", weeklyHours(r.HoursPerWeek), humanize.FtoaWithDigits(s.HoursPerWeek, 1))
	case plan.LaterFinish:
		return fmt.Sprintf("Give it %d months, to %s", r.HorizonMonths, r.Finish.Format("January 2006"))
	}
	saved := humanize.Comma(int64(math.Round(r.SavedHours)))
	if r.Group == "" {
		return fmt.Sprintf("Set aside %d %s planned last, for later: %s (%s h less).", len(r.SetAside), plural(len(r.SetAside), "skill", "skills"), skillNames(r.SetAside, 3), saved)
	}
	inGroup, following, last := splitSetAside(r)
	text := fmt.Sprintf("Keep %s as your one %s and set aside the other %d", r.Keep, strings.ToLower(r.Group), len(inGroup))
	if len(following) > 0 {
		text += fmt.Sprintf(" with the %s that go with them", plural(len(following), "skill", "skills"))
	}
	if len(last) > 0 {
		text += fmt.Sprintf(", and %d %s planned last (%s)", len(last), plural(len(last), "skill", "skills"), skillNames(last, 3))
	}
	return text + fmt.Sprintf(": %s h less.", saved)
}

// splitSetAside sorts a remedy's skills: those of its group, those of the
// groups that follow it (a framework per language), and the others.
func splitSetAside(r plan.Remedy) (inGroup, following, last []plan.Skill) {
	for _, sk := range r.SetAside {
		switch sk.Group {
		case r.Group:
			inGroup = append(inGroup, sk)
		case "":
			last = append(last, sk)
		default:
			following = append(following, sk)
		}
	}
	return inGroup, following, last
}

// skillNames lists up to n names, then how many more.
func skillNames(skills []plan.Skill, n int) string {
	var names []string
	for i, sk := range skills {
		if i == n {
			names = append(names, fmt.Sprintf("%d more", len(skills)-n))
			break
		}
		names = append(names, sk.Name)
	}
	return strings.Join(names, ", ")
}

// remedyDone says what a remedy changed and where to undo it.
func remedyDone(r plan.Remedy) string {
	switch r.Kind {
	case plan.MoreHours:
		return fmt.Sprintf("Done: you now plan %s. Change it in Timeline ▸ Plan settings.", weeklyHours(r.HoursPerWeek))
	case plan.LaterFinish:
		return fmt.Sprintf("Done: your plan now runs %d months. Change it in Timeline ▸ Plan settings.", r.HorizonMonths)
	}
	return fmt.Sprintf("Done: %s set aside. Bring any back on the Skills screen.", skillNames(r.SetAside, 4))
}
