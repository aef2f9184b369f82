package ui

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/resume"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// projectsStore is what the projects tab changes.
type projectsStore interface {
	AddProject(p plan.Project) (uint, error)
	UpdateProject(before, after plan.Project) error
	DeleteProject(id uint) error
}

// projectsTab lists the portfolio projects; a finished project proves the
// skills it demonstrates.
type projectsTab struct {
	store   projectsStore
	report  errorReporter
	win     fyne.Window
	changed func() // the skills screen reloads: proven flags may have moved

	projects []plan.Project
	skills   map[uint]string // every skill's name by ID
	setAside map[uint]bool   // the skills set aside, not offered
	list     *widget.List
	health   *widget.Label // the portfolio's checklist
	empty    fyne.CanvasObject
	editor   *formDialog // the project form last opened
	root     fyne.CanvasObject
}

func newProjectsTab(st projectsStore, report errorReporter, w fyne.Window, changed func()) *projectsTab {
	p := &projectsTab{store: st, report: report, win: w, changed: changed}
	p.list = widget.NewList(
		func() int { return len(p.projects) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("Project", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			status := widget.NewLabel("In progress")
			skills := widget.NewLabel("Skills")
			skills.Truncation = fyne.TextTruncateEllipsis
			skills.SizeName = theme.SizeNameCaptionText
			repo := widget.NewHyperlink("", nil)
			edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), nil)
			edit.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, nil, container.NewHBox(repo, status, edit), container.NewVBox(name, skills))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			proj := p.projects[id]
			row := o.(*fyne.Container)
			text := row.Objects[0].(*fyne.Container)
			right := row.Objects[1].(*fyne.Container)
			text.Objects[0].(*widget.Label).SetText(proj.Name)
			text.Objects[1].(*widget.Label).SetText(p.skillLine(proj))
			repo := right.Objects[0].(*widget.Hyperlink)
			if u, err := url.Parse(proj.RepoURL); err == nil && proj.RepoURL != "" {
				repo.SetURL(u)
				repo.SetText("Repository")
				repo.Show()
			} else {
				repo.Hide()
			}
			right.Objects[1].(*widget.Label).SetText(proj.Status.Label())
			right.Objects[2].(*widget.Button).OnTapped = func() { p.edit(proj) }
		},
	)
	add := widget.NewButtonWithIcon("Add project", theme.ContentAddIcon(), func() { p.edit(plan.Project{Status: plan.ProjectPlanned}) })
	intro := widget.NewLabel("Projects show employers what you can do. Link each to the skills it uses: when it is finished, those skills count as proven.")
	intro.Wrapping = fyne.TextWrapWord
	p.empty = emptyState("No projects yet", "Add the first thing you are building, however small.")
	p.health = wrappedLabel("")
	p.health.Importance = widget.WarningImportance
	top := container.NewVBox(container.NewBorder(nil, nil, nil, add, intro), p.health)
	p.root = container.NewBorder(container.NewPadded(top), nil, nil, nil, container.NewStack(p.list, p.empty))
	return p
}

func (p *projectsTab) show(projects []plan.Project, cats []plan.Category) {
	p.projects = projects
	p.skills, p.setAside = map[uint]string{}, map[uint]bool{}
	for _, c := range cats {
		for _, sk := range c.Skills {
			p.skills[sk.ID] = sk.Name
			p.setAside[sk.ID] = sk.SetAside()
		}
	}
	showIf(p.empty, len(projects) == 0)
	p.showHealth(resume.CheckHealth(cats, projects))
	p.list.Refresh()
}

// showHealth lists what the portfolio lacks to show what the learner
// knows, or says nothing when it lacks nothing.
func (p *projectsTab) showHealth(h resume.Health) {
	lines := h.Checklist()
	if len(h.Unshown) > 1 {
		var names []string
		for _, sk := range h.Unshown {
			names = append(names, sk.Name)
		}
		lines[0] += ": " + strings.Join(names, ", ")
	}
	text := "Portfolio checklist:"
	for _, l := range lines {
		text += "\n• " + l
	}
	p.health.SetText(text)
	showIf(p.health, !h.Healthy())
}

func (p *projectsTab) skillLine(proj plan.Project) string {
	if len(proj.SkillIDs) == 0 {
		return "No skills linked yet"
	}
	names := make([]string, len(proj.SkillIDs))
	for i, id := range proj.SkillIDs {
		names[i] = p.skills[id]
	}
	sort.Strings(names)
	return "Shows: " + strings.Join(names, ", ")
}

func (p *projectsTab) edit(proj plan.Project) {
	isNew := proj.ID == 0
	name := widgets.NewTextField(plan.MaxNameLen)
	name.SetText(proj.Name)
	name.Validator = requiredText("a name")
	description := widgets.NewMultiLineTextField(plan.MaxTextLen)
	description.SetText(proj.Description)
	description.Wrapping = fyne.TextWrapWord
	description.SetMinRowsVisible(3)
	repo := widgets.NewTextField(plan.MaxTextLen)

	repo.SetText(proj.RepoURL)
	repo.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return plan.ValidateURL(s)
	}
	labels := make([]string, len(plan.ProjectStatuses))
	for i, st := range plan.ProjectStatuses {
		labels[i] = st.Label()
	}
	status := widgets.NewChoice(labels, nil)
	status.SetSelected(proj.Status.Label())
	started, finished := projectDate(proj.Started), projectDate(proj.Finished)

	idByName := map[string]uint{}
	var names []string
	proves := map[uint]bool{}
	for _, id := range proj.SkillIDs {
		proves[id] = true
	}
	for id, n := range p.skills {
		if p.setAside[id] && !proves[id] {
			continue // set aside: not offered, unless the project already names it
		}
		idByName[n] = id
		names = append(names, n)
	}
	sort.Strings(names)
	skills := widget.NewCheckGroup(names, nil)
	var chosen []string
	for _, id := range proj.SkillIDs {
		chosen = append(chosen, p.skills[id])
	}
	skills.SetSelected(chosen)
	skillScroll := container.NewVScroll(skills)
	skillScroll.SetMinSize(fyne.NewSize(0, 160))

	items := []*widget.FormItem{
		widget.NewFormItem("Name", name),
		widget.NewFormItem("Description", description),
		{Text: "Repository", Widget: repo, HintText: "Optional: its web address, such as https://github.com/you/project"},
		widget.NewFormItem("Status", status),
		{Text: "Started", Widget: started, HintText: "Optional, for your résumé: " + started.Hint()},
		{Text: "Finished", Widget: finished, HintText: "Optional, for your résumé"},
		{Text: "Skills shown", Widget: skillScroll, HintText: "Finished projects prove these skills"},
	}
	var extra fyne.CanvasObject
	var form *formDialog
	if !isNew {
		extra = deleteButton(p.win, "Delete project…", "Delete project?",
			fmt.Sprintf("Delete %q? Its skills stay; they just lose this proof.", proj.Name), "delete the project",
			func() error { return p.store.DeleteProject(proj.ID) }, p.report, func() { form.hide(); p.changed() })
	}
	title := "New project"
	if !isNew {
		title = "Edit " + proj.Name
	}
	form = showFormDialog(p.win, title, "Save", items, extra, func() error {
		edited := proj
		edited.Name, edited.Description, edited.RepoURL = name.Text, description.Text, repo.Text
		status, err := plan.ProjectStatusFromLabel(status.Selected)
		if err != nil {
			return err
		}
		edited.Status = status
		edited.Started, edited.Finished = dateOf(started), dateOf(finished)
		edited.SkillIDs = nil
		for _, n := range skills.Selected {
			edited.SkillIDs = append(edited.SkillIDs, idByName[n])
		}
		if isNew {
			_, err = p.store.AddProject(edited)
		} else {
			err = p.store.UpdateProject(proj, edited)
		}
		if err != nil {
			return err
		}
		p.changed()
		return nil
	})
	p.editor = form
}

// projectDate is an optional date field holding d.
func projectDate(d time.Time) *widgets.DateField {
	f := newDateField(localWeekStart(), true)
	if !d.IsZero() {
		f.SetDate(&d)
	}
	return f
}

// dateOf is a validated optional date field's day, zero when empty.
func dateOf(f *widgets.DateField) time.Time {
	if f.Date == nil {
		return time.Time{}
	}
	return plan.Date(*f.Date)
}
