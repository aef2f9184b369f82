package ui

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// skillForm holds the fields of the skill editor.
type skillForm struct {
	name                  *widgets.TextField
	category, status      *widgets.Choice
	current, target       *widgets.Choice
	hours, links, notes   *widgets.TextField
	prerequisites         *widget.CheckGroup
	prerequisiteList      fyne.CanvasObject // the check group, scrolling
	categoryIDs, skillIDs map[string]uint
}

// editSkill opens the skill form; an empty skill (ID 0) is a new one, added
// to categoryID or the first category.
func (s *skills) editSkill(sk plan.Skill, categoryID uint) {
	if len(s.categories) == 0 {
		s.report("add a skill", errors.New("add a category first: every skill belongs to one"))
		return
	}
	isNew := sk.ID == 0
	if isNew {
		sk.Status, sk.TargetLevel = plan.SkillNotStarted, plan.DefaultTargetLevel
		if categoryID == 0 {
			categoryID = s.categories[0].ID
		}
	}
	sk.CategoryID = categoryID
	f := s.newSkillForm(sk)
	var form *formDialog
	var extra fyne.CanvasObject
	title := "New skill"
	if !isNew {
		del := widget.NewButtonWithIcon("Delete skill…", theme.DeleteIcon(), func() {
			s.confirmDeleteSkill(sk, func() { form.hide() })
		})
		del.Importance = widget.DangerImportance
		extra, title = container.NewHBox(del), "Edit "+sk.Name
	}
	form = showFormDialog(s.win, title, "Save", f.items(), extra, func() error { return s.saveSkill(sk, f) })
	s.editor = form
	if isNew {
		s.win.Canvas().Focus(f.name)
	}
}

// newSkillForm makes the fields, filled from sk.
func (s *skills) newSkillForm(sk plan.Skill) *skillForm {
	f := &skillForm{name: widgets.NewTextField(plan.MaxNameLen), categoryIDs: map[string]uint{}, skillIDs: map[string]uint{}}
	f.name.SetText(sk.Name)
	f.name.Validator = requiredText("a name")
	var catNames []string
	current := ""
	for _, c := range s.categories {
		catNames = append(catNames, c.Name)
		f.categoryIDs[c.Name] = c.ID
		if c.ID == sk.CategoryID {
			current = c.Name
		}
	}
	f.category = widgets.NewChoice(catNames, nil)
	f.category.SetSelected(current)
	var statusLabels []string
	for _, st := range plan.SkillStatuses {
		statusLabels = append(statusLabels, st.Label())
	}
	f.status = widgets.NewChoice(statusLabels, nil)
	f.status.SetSelected(sk.Status.Label())
	f.current = widgets.NewChoice(plan.LevelNames[:], nil)
	f.current.SetSelected(plan.LevelNames[sk.CurrentLevel])
	f.target = widgets.NewChoice(plan.LevelNames[:], nil)
	f.target.SetSelected(plan.LevelNames[sk.TargetLevel])
	f.hours = widgets.NewTextField(numberLen)
	f.hours.SetText(strconv.Itoa(sk.Hours))
	f.hours.Validator = hoursValidator(plan.MaxHours)
	s.addPrerequisiteChoices(f, sk)
	f.links = widgets.NewMultiLineTextField(linksFieldLen)
	f.links.SetPlaceHolder("One per line: https://… or Title | https://…")
	f.links.SetText(formatLinks(sk.Links))
	f.links.SetMinRowsVisible(3)
	f.links.Validator = func(text string) error {
		_, err := parseLinks(text)
		return err
	}
	f.notes = widgets.NewMultiLineTextField(notesFieldLen)
	f.notes.SetPlaceHolder("Notes in Markdown")
	f.notes.SetText(sk.Notes)
	f.notes.Wrapping = fyne.TextWrapWord
	f.notes.SetMinRowsVisible(3)
	return f
}

// addPrerequisiteChoices offers every other skill, by name, as a
// prerequisite of sk.
func (s *skills) addPrerequisiteChoices(f *skillForm, sk plan.Skill) {
	var others []string
	nameByID := map[uint]string{}
	for _, c := range s.categories {
		for _, o := range c.Skills {
			nameByID[o.ID] = o.Name
			if o.ID != sk.ID && (!o.SetAside() || slices.Contains(sk.Prerequisites, o.ID)) {
				others = append(others, o.Name)
				f.skillIDs[o.Name] = o.ID
			}
		}
	}
	sort.Strings(others)
	f.prerequisites = widget.NewCheckGroup(others, nil)
	var chosen []string
	for _, id := range sk.Prerequisites {
		chosen = append(chosen, nameByID[id])
	}
	f.prerequisites.SetSelected(chosen)
	scroll := container.NewVScroll(f.prerequisites)
	scroll.SetMinSize(fyne.NewSize(0, 140))
	f.prerequisiteList = scroll
}

func (f *skillForm) items() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem("Name", f.name),
		widget.NewFormItem("Category", f.category),
		widget.NewFormItem("Status", f.status),
		widget.NewFormItem("Level now", f.current),
		widget.NewFormItem("Target level", f.target),
		{Text: "Hours", Widget: f.hours, HintText: "Estimated study time"},
		{Text: "Prerequisites", Widget: f.prerequisiteList, HintText: "Skills to learn first"},
		widget.NewFormItem("Links", f.links),
		widget.NewFormItem("Notes", f.notes),
	}
}

// edited is sk as the form now says, or what is wrong with the form.
func (f *skillForm) edited(sk plan.Skill) (plan.Skill, error) {
	edited := sk
	edited.Name = f.name.Text
	var err error
	if edited.Status, err = plan.SkillStatusFromLabel(f.status.Selected); err != nil {
		return sk, err
	}
	edited.CurrentLevel = levelIndex(f.current.Selected)
	edited.TargetLevel = levelIndex(f.target.Selected)
	if edited.Hours, err = parseHours(f.hours.Text, plan.MaxHours); err != nil {
		return sk, fmt.Errorf("hours: %w", err)
	}
	if edited.Links, err = parseLinks(f.links.Text); err != nil {
		return sk, err
	}
	edited.Notes = f.notes.Text
	edited.Prerequisites = nil
	for _, n := range f.prerequisites.Selected {
		edited.Prerequisites = append(edited.Prerequisites, f.skillIDs[n])
	}
	edited.CategoryID = f.categoryIDs[f.category.Selected]
	return edited, nil
}

// saveSkill stores what the form changed of sk.
func (s *skills) saveSkill(sk plan.Skill, f *skillForm) error {
	edited, err := f.edited(sk)
	if err != nil {
		return err
	}
	if sk.ID == 0 {
		_, err = s.store.AddSkill(edited)
	} else {
		err = s.store.UpdateSkill(sk, edited)
	}
	if err != nil {
		return err
	}
	s.reload()
	return nil
}

func levelIndex(label string) int {
	for i, l := range plan.LevelNames {
		if l == label {
			return i
		}
	}
	return 0
}

func formatLinks(links []plan.Link) string {
	lines := make([]string, len(links))
	for i, l := range links {
		if l.Title == "" {
			lines[i] = l.URL
		} else {
			lines[i] = l.Title + " | " + l.URL
		}
	}
	return strings.Join(lines, "\n")
}

// parseLinks reads one link per line, "URL" or "Title | URL".
func parseLinks(text string) ([]plan.Link, error) {
	var links []plan.Link
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		var l plan.Link
		if title, u, ok := strings.Cut(line, "|"); ok {
			l = plan.Link{Title: strings.TrimSpace(title), URL: strings.TrimSpace(u)}
		} else {
			l = plan.Link{URL: line}
		}
		if err := plan.ValidateURL(l.URL); err != nil {
			return nil, fmt.Errorf("link on line %d: %w", i+1, err)
		}
		links = append(links, l)
	}
	return links, nil
}
