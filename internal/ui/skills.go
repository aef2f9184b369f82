package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/store"
)

// skills is the checklist of what a backend job asks for, by category, with
// a progress bar per category and one for the whole list.
type skills struct {
	store  *store.Store
	report errorReporter

	categories []plan.Category
	rows       []skillListRow

	overall      *widget.ProgressBar
	overallLabel *widget.Label
	list         *widget.List
	empty        fyne.CanvasObject
	root         fyne.CanvasObject
}

// skillListRow is one line of the flattened list: a category header when
// skill is -1, otherwise one of its skills.
type skillListRow struct {
	category, skill int
}

func newSkills(st *store.Store, report errorReporter) *skills {
	s := &skills{store: st, report: report}
	s.overall = widget.NewProgressBar()
	s.overallLabel = widget.NewLabel("")
	s.list = widget.NewList(
		func() int { return len(s.rows) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("Category", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			header := container.NewBorder(nil, nil, name, widget.NewLabel("00 of 00"), widget.NewProgressBar())
			item := container.NewBorder(nil, nil, nil, widget.NewLabel("000 h"), widget.NewCheck("Skill", nil))
			return container.NewStack(header, item)
		},
		s.updateRow,
	)
	s.empty = emptyState("No skills yet", "Import a roadmap with “studyplanner import FILE” to fill this screen.")
	top := container.NewVBox(heading("Skills"), s.overallLabel, s.overall)
	s.root = container.NewStack(container.NewBorder(container.NewPadded(top), nil, nil, nil, s.list), s.empty)
	return s
}

func (s *skills) name() string               { return "Skills" }
func (s *skills) icon() fyne.Resource        { return theme.ConfirmIcon() }
func (s *skills) content() fyne.CanvasObject { return s.root }

func (s *skills) reload() {
	cats, err := s.store.Categories()
	if err != nil {
		s.report("load the skills", err)
		return
	}
	s.categories = cats
	s.rows = s.rows[:0]
	for ci, c := range cats {
		s.rows = append(s.rows, skillListRow{ci, -1})
		for si := range c.Skills {
			s.rows = append(s.rows, skillListRow{ci, si})
		}
	}
	showIf(s.empty, len(cats) == 0)
	s.showOverall()
	s.list.Refresh()
}

func (s *skills) showOverall() {
	o := plan.Summarize(nil, s.categories)
	s.overall.SetValue(plan.Ratio(o.SkillsDone, o.SkillsTotal))
	s.overallLabel.SetText(fmt.Sprintf("%d of %d skills done · about %.0f of %d study hours", o.SkillsDone, o.SkillsTotal, o.HoursDone, o.HoursTotal))
}

func (s *skills) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	row := s.rows[id]
	parts := o.(*fyne.Container).Objects
	header, item := parts[0].(*fyne.Container), parts[1].(*fyne.Container)
	cat := s.categories[row.category]
	if row.skill < 0 {
		header.Show()
		item.Hide()
		done, total := plan.CategoryProgress(cat)
		header.Objects[0].(*widget.ProgressBar).SetValue(plan.Ratio(done, total))
		header.Objects[1].(*widget.Label).SetText(cat.Name)
		header.Objects[2].(*widget.Label).SetText(fmt.Sprintf("%d of %d", done, total))
		return
	}
	header.Hide()
	item.Show()
	sk := cat.Skills[row.skill]
	check := item.Objects[0].(*widget.Check)
	check.OnChanged = nil // showing the state is not the learner ticking it
	check.SetText(sk.Name)
	check.SetChecked(sk.Done)
	check.OnChanged = func(done bool) { s.setDone(row, done) }
	item.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%d h", sk.Hours))
}

func (s *skills) setDone(row skillListRow, done bool) {
	sk := &s.categories[row.category].Skills[row.skill]
	if err := s.store.SetSkillDone(sk.ID, done); err != nil {
		s.report("save the skill", err)
	} else {
		sk.Done = done
	}
	s.showOverall()
	// The category's header sits above its skills; redraw it and this row.
	for id, r := range s.rows {
		if r.category == row.category && (r.skill < 0 || r.skill == row.skill) {
			s.list.RefreshItem(id)
		}
	}
}
