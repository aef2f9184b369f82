package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/dustin/go-humanize"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

const (
	allStatuses   = "All statuses"
	allCategories = "All categories"
)

// skillsStore is what the skills screen, its editor and its projects tab
// read and change.
type skillsStore interface {
	projectsStore
	Categories() ([]plan.Category, error)
	Logged() (plan.Logged, error)
	Projects() ([]plan.Project, error)
	AddCategory(name string) (plan.Category, error)
	RenameCategory(id uint, name string) error
	DeleteCategory(id uint) error
	AddSkill(sk plan.Skill) (uint, error)
	UpdateSkill(before, after plan.Skill) error
	SetSkillStatus(id uint, status plan.SkillStatus) error
	ImpactOfDeletingSkill(id uint) (store.SkillImpact, error)
	DeleteSkill(id uint) error
	Choose(choices map[string]uint) ([]plan.Skill, error)
}

// skills is the checklist of what a backend job asks for, by category, with
// a progress bar per category and overall, filters and search; a levels
// chart; and the portfolio projects that prove the skills.
type skills struct {
	store  skillsStore
	report errorReporter
	win    fyne.Window
	now    func() time.Time

	categories []plan.Category
	logged     plan.Logged
	rows       []skillListRow

	search         *widgets.TextField
	statusFilter   *widgets.Choice
	categoryFilter *widgets.Choice
	overall        *widgets.Meter
	overallLabel   *widget.Label
	choices        *fyne.Container // one drop-down per choose-one group
	choiceItem     *widget.AccordionItem
	list           *widget.List
	noMatch        fyne.CanvasObject
	noSkills       fyne.CanvasObject
	chart          *widgets.LevelChart
	projects       *projectsTab
	tabs           *tabbedPages
	editor         *formDialog // the skill form last opened
	root           fyne.CanvasObject
}

// skillListRow is one line of the flattened list: a category header when
// skill is -1, otherwise one of its skills.
type skillListRow struct {
	category, skill int
}

func newSkills(st skillsStore, report errorReporter, w fyne.Window) *skills {
	s := &skills{store: st, report: report, win: w, now: time.Now}
	s.search = widgets.NewTextField(plan.MaxNameLen)
	s.search.SetPlaceHolder("Search skills (Ctrl+F)")
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.search.OnChanged = func(string) { s.filter() }
	statusOptions := []string{allStatuses}
	for _, st := range plan.SkillStatuses {
		statusOptions = append(statusOptions, st.Label())
	}
	s.statusFilter = widgets.NewChoice(statusOptions, func(string) { s.filter() })
	s.statusFilter.SetSelected(allStatuses)
	s.categoryFilter = widgets.NewChoice([]string{allCategories}, func(string) { s.filter() })
	s.categoryFilter.SetSelected(allCategories)
	addSkill := widget.NewButtonWithIcon("Skill", theme.ContentAddIcon(), func() { s.editSkill(plan.Skill{}, 0) })
	addCategory := widget.NewButtonWithIcon("Category", theme.ContentAddIcon(), s.addCategory)

	s.overall = widgets.NewMeter()
	s.overallLabel = widget.NewLabel("")
	s.list = widget.NewList(
		func() int { return len(s.rows) },
		s.newRow,
		s.updateRow,
	)
	s.noMatch = emptyState("No skills match", "Clear the search or the filters to see every skill.")
	s.noSkills = emptyState("No skills yet", "Add a category, or load a roadmap pack from the File menu.")

	searchRow := container.NewBorder(nil, nil, nil, container.NewHBox(addSkill, addCategory), s.search)
	filters := container.NewGridWithColumns(2, s.statusFilter, s.categoryFilter)
	s.overallLabel.Wrapping = fyne.TextWrapWord
	s.choices = container.NewVBox()
	top := container.NewVBox(searchRow, filters, s.choices, s.overallLabel, s.overall)
	checklist := container.NewBorder(container.NewPadded(top), nil, nil, nil, container.NewStack(s.list, s.noMatch, s.noSkills))

	s.chart = widgets.NewLevelChart()
	legend := widget.NewLabel("Average level per category, from 0 (none) to 5 (could teach it): the bar is where you are, the line where you aim to be.")
	legend.Wrapping = fyne.TextWrapWord
	levels := container.NewBorder(container.NewPadded(legend), nil, nil, nil, container.NewPadded(s.chart))
	s.projects = newProjectsTab(st, report, w, s.reload)
	s.tabs = newTabbedPages(
		container.NewTabItemWithIcon("Checklist", theme.ConfirmIcon(), checklist),
		container.NewTabItemWithIcon("Levels", theme.GridIcon(), levels),
		container.NewTabItemWithIcon("Projects", theme.FolderIcon(), s.projects.root),
	)
	rememberTab(s.tabs, prefSkillsTab)
	s.root = s.tabs.root
	return s
}

func (s *skills) name() string               { return "Skills" }
func (s *skills) icon() fyne.Resource        { return theme.ConfirmIcon() }
func (s *skills) content() fyne.CanvasObject { return s.root }

// focusSearch shows the checklist and puts the cursor in the search box.
func (s *skills) focusSearch() {
	s.tabs.SelectIndex(0)
	s.win.Canvas().Focus(s.search)
}

func (s *skills) reload() { s.load()() }

// load reads the skills, the time logged on them and the projects, and
// returns the step that shows them.
func (s *skills) load() func() {
	d, err := app.LoadSkills(s.store)
	if err != nil {
		return func() { s.report("load the skills", err) }
	}
	return func() { s.show(d.Categories, d.Logged, d.Projects) }
}

func (s *skills) show(cats []plan.Category, logged plan.Logged, projects []plan.Project) {
	s.categories, s.logged = cats, logged
	options := []string{allCategories}
	for _, c := range cats {
		options = append(options, c.Name)
	}
	s.categoryFilter.Options = options
	if !contains(options, s.categoryFilter.Selected) {
		s.categoryFilter.SetSelected(allCategories)
	}
	s.categoryFilter.Refresh()
	s.chart.SetCategories(cats)
	s.projects.show(projects, cats)
	s.showChoices(plan.Plan{Categories: cats})
	s.filter()
}

// showChoices puts a drop-down above the list for each choose-one group:
// the roadmap asks for one main language, and the learner picks it, or
// changes it, here as in the welcome.
func (s *skills) showChoices(p plan.Plan) {
	var rows []fyne.CanvasObject
	var chosen []string
	for _, g := range p.Groups() {
		c := groupChoice(g)
		if sk := g.Chosen(); sk != nil {
			chosen = append(chosen, sk.Name)
		}
		group := g.Name
		c.OnChanged = func(answer string) { s.choose(p, group, answer) }
		rows = append(rows, container.NewBorder(nil, nil, bold(group), nil, c))
	}
	if len(rows) == 0 {
		s.choices.Objects = nil
		s.choices.Refresh()
		return
	}
	rows = append(rows, caption("Pick one of each: the others are set aside (not counted, not planned) until you choose again."))
	// Folded under one line: at 800×600 the open choices left room for
	// three skills.
	title := "Your choices: " + strings.Join(chosen, " · ")
	if len(chosen) < len(rows)-1 {
		title = fmt.Sprintf("Your choices: %d of %d made", len(chosen), len(rows)-1)
	}
	item := widget.NewAccordionItem(title, container.NewVBox(rows...))
	item.Open = s.choiceItem != nil && s.choiceItem.Open // as the learner left it
	s.choiceItem = item
	s.choices.Objects = []fyne.CanvasObject{widget.NewAccordion(item)}
	s.choices.Refresh()
}

func (s *skills) choose(p plan.Plan, group, answer string) {
	if answer == undecided {
		answer = ""
	}
	if _, err := app.ChooseInGroup(s.store, p, group, answer); err != nil {
		s.report("choose your "+strings.ToLower(group), err)
	}
	s.reload()
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// filter rebuilds the visible rows from the search text and the filters. A
// category shows when it has a matching skill, or when nothing narrows the
// list (so an empty category can still be seen and filled).
func (s *skills) filter() {
	if s.list == nil {
		return // called while the filters are being built
	}
	query := strings.ToLower(strings.TrimSpace(s.search.Text))
	status := s.statusFilter.Selected
	category := s.categoryFilter.Selected
	narrowed := query != "" || status != allStatuses
	s.rows = s.rows[:0]
	for ci, c := range s.categories {
		if category != allCategories && c.Name != category {
			continue
		}
		var matches []skillListRow
		for si, sk := range c.Skills {
			if query != "" && !strings.Contains(strings.ToLower(sk.Name), query) {
				continue
			}
			if status != allStatuses && sk.Status.Label() != status {
				continue
			}
			matches = append(matches, skillListRow{ci, si})
		}
		if len(matches) == 0 && narrowed {
			continue
		}
		s.rows = append(s.rows, skillListRow{ci, -1})
		s.rows = append(s.rows, matches...)
	}
	showIf(s.noSkills, len(s.categories) == 0)
	showIf(s.noMatch, len(s.rows) == 0 && len(s.categories) > 0)
	s.showOverall()
	s.list.Refresh()
}

func (s *skills) showOverall() {
	o := plan.Summarize(nil, s.categories)
	s.overall.SetValue(plan.Ratio(o.SkillsDone, o.SkillsTotal))
	s.overallLabel.SetText(fmt.Sprintf("%d of %d skills done · %d proven by a finished project · about %s of %s study hours",
		o.SkillsDone, o.SkillsTotal, o.SkillsProven, humanize.Comma(int64(o.HoursDone)), humanize.Comma(int64(o.HoursTotal))))
}

// A row holds both layouts, a category header and a skill, and shows one.
func (s *skills) newRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("Category", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	editCategory := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), nil)
	editCategory.Importance = widget.LowImportance
	header := container.NewBorder(nil, nil, name, container.NewHBox(widget.NewLabel("00 of 00"), editCategory), widgets.NewMeter())

	check := widget.NewCheck("", nil)
	title := widget.NewLabel("Skill")
	title.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("Learning · level 0/3 · 000 h · practised 3 days ago")
	detail.SizeName = theme.SizeNameCaptionText
	edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), nil)
	edit.Importance = widget.LowImportance
	item := container.NewBorder(nil, nil, check, container.NewHBox(detail, edit), title)
	return container.NewStack(header, item)
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
		header.Objects[0].(*widgets.Meter).SetValue(plan.Ratio(done, total))
		header.Objects[1].(*widget.Label).SetText(cat.Name)
		right := header.Objects[2].(*fyne.Container)
		right.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%d of %d", done, total))
		right.Objects[1].(*widget.Button).OnTapped = func() { s.editCategory(cat) }
		return
	}
	header.Hide()
	item.Show()
	sk := cat.Skills[row.skill]
	title := item.Objects[0].(*widget.Label)
	check := item.Objects[1].(*widget.Check)
	right := item.Objects[2].(*fyne.Container)
	name := sk.Name
	if sk.Group != "" {
		name += "  · one " + strings.ToLower(sk.Group)
	}
	title.SetText(name)
	check.OnChanged = nil // showing the state is not the learner ticking it
	check.SetChecked(sk.Done())
	// A finished project proves the skill: the tick follows the project.
	enableIf(check, !sk.Proven || sk.SetAside())
	check.OnChanged = func(done bool) { s.setDone(row, done) }
	right.Objects[0].(*widget.Label).SetText(s.skillDetail(sk))
	right.Objects[1].(*widget.Button).OnTapped = func() { s.editSkill(sk, cat.ID) }
}

func (s *skills) skillDetail(sk plan.Skill) string {
	hours := fmt.Sprintf("%d h", sk.Hours)
	if m := s.logged.BySkill[sk.ID]; m > 0 {
		hours = fmt.Sprintf("%s of %d h logged", plan.FormatMinutes(m), sk.Hours)
	}
	parts := []string{sk.State(), fmt.Sprintf("level %d/%d", sk.CurrentLevel, sk.TargetLevel), hours}
	if !sk.LastPractised.IsZero() {
		parts = append(parts, "practised "+practisedWhen(sk.LastPractised, plan.Date(s.now())))
	}
	return strings.Join(parts, " · ")
}

// practisedWhen says how long ago a day was, in days rather than hours.
func practisedWhen(day, today time.Time) string {
	if !day.Before(today) {
		return "today"
	}
	return humanize.RelTime(day, today, "ago", "from now")
}

func (s *skills) setDone(row skillListRow, done bool) {
	sk := &s.categories[row.category].Skills[row.skill]
	status := plan.SkillNotStarted
	if done {
		status = plan.SkillDone
	} else if sk.CurrentLevel > 0 {
		status = plan.SkillLearning
	}
	if err := s.store.SetSkillStatus(sk.ID, status); err != nil {
		s.report("save the skill", err)
	}
	s.reload()
}

func (s *skills) addCategory() {
	name := widgets.NewTextField(plan.MaxNameLen)
	name.Validator = requiredText("a name")
	showFormDialog(s.win, "New skill category", "Add", []*widget.FormItem{widget.NewFormItem("Name", name)}, nil, func() error {
		if _, err := s.store.AddCategory(name.Text); err != nil {
			return err
		}
		s.reload()
		return nil
	})
	s.win.Canvas().Focus(name)
}

// editCategory renames a category or deletes it with its skills.
func (s *skills) editCategory(cat plan.Category) {
	name := widgets.NewTextField(plan.MaxNameLen)
	name.SetText(cat.Name)
	name.Validator = requiredText("a name")
	msg := fmt.Sprintf("Delete the category %q?", cat.Name)
	if n := len(cat.Skills); n > 0 {
		msg += fmt.Sprintf("\n\nIts %d %s will be deleted too, and stop being prerequisites or proof of projects. Move skills you want to keep to another category first.",
			n, plural(n, "skill", "skills"))
	}
	msg += "\n\nThis cannot be undone."
	var form *formDialog
	del := deleteButton(s.win, "Delete category…", "Delete category?", msg, "delete the category",
		func() error { return s.store.DeleteCategory(cat.ID) }, s.report, func() { form.hide(); s.reload() })
	form = showFormDialog(s.win, "Edit category", "Save", []*widget.FormItem{widget.NewFormItem("Name", name)}, del, func() error {
		if err := s.store.RenameCategory(cat.ID, name.Text); err != nil {
			return err
		}
		s.reload()
		return nil
	})
	s.editor = form
}

// confirmDeleteSkill says what else the deletion touches before doing it.
func (s *skills) confirmDeleteSkill(sk plan.Skill, done func()) {
	impact, err := s.store.ImpactOfDeletingSkill(sk.ID)
	if err != nil {
		s.report("check what uses the skill", err)
		return
	}
	msg := fmt.Sprintf("Delete the skill %q?", sk.Name)
	if len(impact.Dependants) > 0 {
		msg += fmt.Sprintf("\n\nIt is a prerequisite of: %s. They will no longer require it.", strings.Join(impact.Dependants, ", "))
	}
	if len(impact.Projects) > 0 {
		msg += fmt.Sprintf("\n\nThese projects demonstrate it and will stop listing it: %s.", strings.Join(impact.Projects, ", "))
	}
	msg += "\n\nThis cannot be undone."
	showDestructive("Delete skill?", msg, "Delete skill", func(ok bool) {
		if !ok {
			return
		}
		if err := s.store.DeleteSkill(sk.ID); err != nil {
			s.report("delete the skill", err)
		}
		done()
		s.reload()
	}, s.win)
}
