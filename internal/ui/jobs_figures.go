package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// jobFigures is the Figures tab: the response rate, the time to a first
// answer, the funnel, applications a week and results by source, all
// from the learner's own applications.
type jobFigures struct {
	summary *widget.Label
	funnel  *widgets.FunnelChart
	weeks   *widgets.WeekBars
	sources *fyne.Container
	note    *widget.Label
	body    fyne.CanvasObject // the figures, hidden while there are none
	empty   fyne.CanvasObject
	root    fyne.CanvasObject
}

func newJobFigures() *jobFigures {
	f := &jobFigures{summary: wrappedLabel(""), funnel: widgets.NewFunnelChart(), weeks: widgets.NewWeekBars(),
		sources: container.NewGridWithColumns(5), note: wrappedCaption("")}
	f.body = container.NewVBox(
		f.summary,
		heading("Funnel"), wrappedCaption("How many applications reached each stage, and what share of the stage before did."), f.funnel,
		heading("Applications a week"), f.weeks,
		heading("By source"), f.sources,
		f.note,
	)
	f.empty = emptyState("No figures yet",
		"Add the jobs you apply to on the Board: this tab then shows how many get an answer, how long answers take, and which sources work best.")
	f.root = container.NewVScroll(container.NewPadded(container.NewVBox(f.empty, f.body)))
	return f
}

func (f *jobFigures) show(d app.JobsData, now time.Time) {
	fg := d.Figures
	showIf(f.empty, fg.Total == 0)
	showIf(f.body, fg.Total > 0)
	text := fmt.Sprintf("%d %s, %d sent. ", fg.Total, plural(fg.Total, "application", "applications"), fg.Sent)
	if fg.Sent > 0 {
		text += fmt.Sprintf("%d answered: a response rate of %.0f%%.", fg.Answered, fg.ResponseRate*100)
	}
	if fg.HasMedian {
		text += fmt.Sprintf(" The first answer came after %s days (the median).", strconv.FormatFloat(fg.MedianDaysToAnswer, 'f', -1, 64))
	}
	f.summary.SetText(text)
	var steps []widgets.FunnelStep
	for _, s := range fg.Funnel {
		steps = append(steps, widgets.FunnelStep{Label: s.Stage.Name, Count: s.Reached, Conversion: s.Conversion})
	}
	f.funnel.Set(steps)
	var counts []int
	for _, w := range fg.PerWeek {
		counts = append(counts, w.Count)
	}
	first, last := "", ""
	if n := len(fg.PerWeek); n > 0 {
		first, last = "Week of "+longDate(fg.PerWeek[0].Start), longDate(fg.PerWeek[n-1].Start)
	}
	f.weeks.Set(counts, first, last)
	f.sources.Objects = nil
	for _, h := range []string{"Source", "Sent", "Answered", "Offers", "Hired"} {
		f.sources.Add(bold(h))
	}
	for _, s := range fg.BySource {
		f.sources.Add(wrappedLabel(sourceLabel(s.Source)))
		for _, n := range []int{s.Sent, s.Answered, s.Offers, s.Hired} {
			f.sources.Add(widget.NewLabel(strconv.Itoa(n)))
		}
	}
	f.sources.Refresh()
	f.note.SetText(fmt.Sprintf("Source: your own applications as recorded in Study Planner, %s. An answer is any stage past Applied "+
		"other than Ghosted and Withdrawn.", longDate(now)))
}

// jobSetup is the Stages tab: the board's stages (add, rename, reorder,
// delete) and the search's settings.
type jobSetup struct {
	j        *jobSearch
	stages   *fyne.Container
	followUp *widgets.TextField
	hours    *widgets.TextField
	root     fyne.CanvasObject
}

func newJobSetup(j *jobSearch) *jobSetup {
	s := &jobSetup{j: j, stages: container.NewVBox(), followUp: widgets.NewTextField(3), hours: widgets.NewTextField(5)}
	addStage := widget.NewButtonWithIcon("Add stage", theme.ContentAddIcon(), func() { s.editStage(jobsearch.Stage{Kind: jobsearch.KindAnswer}) })
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), s.saveSettings)
	settings := widget.NewForm(
		&widget.FormItem{Text: "Follow up after", Widget: s.followUp, HintText: "Days without a move before a card asks you to follow up"},
		&widget.FormItem{Text: "Hours a week", Widget: s.hours, HintText: "The time you give to applications and interviews; the study plan gets the rest"},
	)
	s.root = container.NewVScroll(container.NewPadded(container.NewVBox(
		widget.NewCard("Settings", "", container.NewVBox(settings, container.NewHBox(save))),
		widget.NewCard("Stages", "The board's columns, left to right. What a stage means (its kind) decides how the figures count it.",
			container.NewVBox(s.stages, container.NewHBox(addStage))),
	)))
	return s
}

func (s *jobSetup) show(d app.JobsData) {
	s.followUp.SetText(strconv.Itoa(d.Settings.FollowUpDays))
	s.hours.SetText(strconv.FormatFloat(d.Settings.HoursPerWeek, 'f', -1, 64))
	s.stages.Objects = nil
	for i, st := range d.Board.Stages {
		st := st
		left := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { s.move(st.ID, -1) })
		right := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { s.move(st.ID, 1) })
		enableIf(left, i > 0)
		enableIf(right, i < len(d.Board.Stages)-1)
		edit := widget.NewButton(st.Name+" · "+kindLabel(st.Kind), func() { s.editStage(st) })
		edit.Alignment = widget.ButtonAlignLeading
		s.stages.Add(container.NewBorder(nil, nil, nil, container.NewHBox(left, right), edit))
	}
	s.stages.Refresh()
}

func (s *jobSetup) move(id uint, delta int) {
	if err := s.j.store.MoveStage(id, delta); err != nil {
		s.j.report("move the stage", err)
	}
	s.j.reload()
}

func (s *jobSetup) saveSettings() {
	before := s.j.data.Settings
	after := before
	var err error
	if after.FollowUpDays, err = strconv.Atoi(strings.TrimSpace(s.followUp.Text)); err != nil {
		s.j.report("save the settings", fmt.Errorf("%q is not a number of days; write digits only, such as 7", s.followUp.Text))
		return
	}
	if after.HoursPerWeek, err = strconv.ParseFloat(strings.TrimSpace(s.hours.Text), 64); err != nil {
		s.j.report("save the settings", fmt.Errorf("%q is not a number of hours; write it like 4 or 2.5", s.hours.Text))
		return
	}
	if err := s.j.store.SaveJobSettings(before, after); err != nil {
		s.j.report("save the settings", err)
		return
	}
	s.j.reload()
}

var kindLabels = map[jobsearch.Kind]string{
	jobsearch.KindSaved: "Not sent yet", jobsearch.KindApplied: "Sent, no answer", jobsearch.KindAnswer: "Answered, going on",
	jobsearch.KindOffer: "Offer", jobsearch.KindHired: "Hired", jobsearch.KindClosed: "Ended with an answer", jobsearch.KindSilent: "Ended without an answer",
}

func kindLabel(k jobsearch.Kind) string { return kindLabels[k] }

// editStage opens a stage's form: its name and kind (a new stage when
// st.ID is 0).
func (s *jobSetup) editStage(st jobsearch.Stage) {
	name := widgets.NewTextField(200)
	name.SetText(st.Name)
	name.Validator = requiredText("name")
	var labels []string
	for _, k := range jobsearch.Kinds {
		labels = append(labels, kindLabel(k))
	}
	kind := widgets.NewChoice(labels, nil)
	kind.SetSelected(kindLabel(st.Kind))
	items := []*widget.FormItem{widget.NewFormItem("Name", name), {Text: "Means", Widget: kind, HintText: "How the figures and follow-ups treat it"}}
	title := "Add stage"
	var extra fyne.CanvasObject
	if st.ID != 0 {
		title = "Stage · " + st.Name
		extra = deleteButton(s.j.win, "Delete stage…", "Delete the stage?", fmt.Sprintf("Delete %s? Only a stage no application was ever in can go.", st.Name),
			"delete the stage", func() error { return s.j.store.DeleteStage(st.ID) }, s.j.report, func() { s.j.editor.hide(); s.j.reload() })
	}
	s.j.editor = showFormDialog(s.j.win, title, "Save", items, extra, func() error {
		after := st
		after.Name = strings.TrimSpace(name.Text)
		for _, k := range jobsearch.Kinds {
			if kindLabel(k) == kind.Selected {
				after.Kind = k
			}
		}
		var err error
		if st.ID == 0 {
			_, err = s.j.store.AddStage(after)
		} else {
			err = s.j.store.UpdateStage(st, after)
		}
		if err != nil {
			return err
		}
		s.j.reload()
		return nil
	})
}

// showOfferTable puts the job search's offers side by side: the pay as
// offered and in the comparison currency, at exchange rates and by
// purchasing power, where the work is done, and the notes.
func (s *salaries) showOfferTable(data app.SalaryData) {
	base, rows := data.CompareOffers(s.board)
	s.offerTable.Objects = nil
	showIf(s.offerTableBox, len(rows) > 0)
	if len(rows) == 0 {
		return
	}
	for _, h := range []string{"Offer", "As offered", "In " + base, "By purchasing power", "Remote · notes"} {
		s.offerTable.Add(bold(h))
	}
	money := func(v *int64, err error) string {
		if v == nil {
			return "cannot convert: " + strings.TrimPrefix(fmt.Sprint(err), "no rate: ")
		}
		return salary.FormatRange(salary.Range{Currency: base, Min: *v, Max: *v})
	}
	for _, r := range rows {
		a := r.Application
		notes := a.Remote.Label()
		if n := strings.Join(strings.Fields(a.Notes), " "); n != "" {
			notes += " · " + n
		}
		for _, text := range []string{a.Company + " · " + r.Stage, salary.FormatRange(salary.Range{Currency: a.Currency, Min: a.SalaryOffered, Max: a.SalaryOffered}),
			money(r.Nominal, r.NominalErr), money(r.Power, r.PowerErr), notes} {
			l := widget.NewLabel(text)
			l.Wrapping = fyne.TextWrapWord
			s.offerTable.Add(l)
		}
	}
	s.offerTable.Refresh()
}
