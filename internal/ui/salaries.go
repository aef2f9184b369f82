package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/store"
)

// salaries shows what backend developers earn by country, each range in its
// own currency and with the source and year it comes from.
type salaries struct {
	store  *store.Store
	report errorReporter

	ranges []salary.Range
	list   *widget.List
	empty  fyne.CanvasObject
	root   fyne.CanvasObject
}

func newSalaries(st *store.Store, report errorReporter) *salaries {
	s := &salaries{store: st, report: report}
	s.list = widget.NewList(
		func() int { return len(s.ranges) },
		func() fyne.CanvasObject {
			country := widget.NewLabelWithStyle("Country", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			amount := widget.NewLabelWithStyle("$00,000 – $00,000", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
			source := widget.NewLabel("Source")
			source.Truncation = fyne.TextTruncateEllipsis
			source.SizeName = theme.SizeNameCaptionText
			return container.NewVBox(container.NewBorder(nil, nil, country, amount), source)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			r := s.ranges[id]
			rows := o.(*fyne.Container).Objects
			line := rows[0].(*fyne.Container).Objects
			line[0].(*widget.Label).SetText(fmt.Sprintf("%s (%s)", r.Country, r.Currency))
			line[1].(*widget.Label).SetText(salary.FormatRange(r) + " a year")
			rows[1].(*widget.Label).SetText(fmt.Sprintf("About %s · %d figures · %s", salary.CompactRange(r), r.Year, r.Source))
		},
	)
	s.empty = emptyState("No salary figures yet", "Import a roadmap with “studyplanner import FILE” to fill this screen.")
	note := widget.NewLabel("Yearly pay for backend developers, before tax, in each country's own currency. " +
		"These are broad averages from the source named under each figure; real offers vary with experience, city and company.")
	note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(heading("Salaries"), note)
	s.root = container.NewStack(container.NewBorder(container.NewPadded(top), nil, nil, nil, s.list), s.empty)
	return s
}

func (s *salaries) name() string               { return "Salaries" }
func (s *salaries) icon() fyne.Resource        { return theme.AccountIcon() }
func (s *salaries) content() fyne.CanvasObject { return s.root }

func (s *salaries) reload() {
	ranges, err := s.store.Salaries()
	if err != nil {
		s.report("load the salaries", err)
		return
	}
	s.ranges = ranges
	showIf(s.empty, len(ranges) == 0)
	s.list.Refresh()
}
