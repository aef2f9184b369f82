package ui

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// editSkill opens the skill form; an empty skill (ID 0) is a new one, added
// to categoryID or the first category.
func (s *skills) editSkill(sk plan.Skill, categoryID uint) {
	if len(s.categories) == 0 {
		s.report("add a skill", errors.New("add a category first: every skill belongs to one"))
		return
	}
	isNew := sk.ID == 0
	if isNew {
		sk.Status = plan.SkillNotStarted
		sk.TargetLevel = plan.DefaultTargetLevel
		if categoryID == 0 {
			categoryID = s.categories[0].ID
		}
	}

	name := widget.NewEntry()
	name.SetText(sk.Name)
	name.Validator = requiredText("a name")

	catNames := make([]string, len(s.categories))
	catByName := map[string]uint{}
	for i, c := range s.categories {
		catNames[i] = c.Name
		catByName[c.Name] = c.ID
	}
	category := widget.NewSelect(catNames, nil)
	for _, c := range s.categories {
		if c.ID == categoryID {
			category.SetSelected(c.Name)
		}
	}

	statusLabels := make([]string, len(plan.SkillStatuses))
	for i, st := range plan.SkillStatuses {
		statusLabels[i] = st.Label()
	}
	status := widget.NewSelect(statusLabels, nil)
	status.SetSelected(sk.Status.Label())
	current := widget.NewSelect(plan.LevelNames[:], nil)
	current.SetSelected(plan.LevelNames[sk.CurrentLevel])
	target := widget.NewSelect(plan.LevelNames[:], nil)
	target.SetSelected(plan.LevelNames[sk.TargetLevel])

	hours := widget.NewEntry()
	hours.SetText(strconv.Itoa(sk.Hours))
	hours.Validator = hoursValidator(plan.MaxHours)

	// Prerequisites: every other skill, by name.
	var others []string
	idByName := map[string]uint{}
	nameByID := map[uint]string{}
	for _, c := range s.categories {
		for _, o := range c.Skills {
			nameByID[o.ID] = o.Name
			if o.ID != sk.ID {
				others = append(others, o.Name)
				idByName[o.Name] = o.ID
			}
		}
	}
	sort.Strings(others)
	prereqs := widget.NewCheckGroup(others, nil)
	var chosen []string
	for _, id := range sk.Prerequisites {
		chosen = append(chosen, nameByID[id])
	}
	prereqs.SetSelected(chosen)
	prereqScroll := container.NewVScroll(prereqs)
	prereqScroll.SetMinSize(fyne.NewSize(0, 140))

	links := widget.NewMultiLineEntry()
	links.SetPlaceHolder("One per line: https://… or Title | https://…")
	links.SetText(formatLinks(sk.Links))
	links.SetMinRowsVisible(3)
	links.Validator = func(text string) error {
		_, err := parseLinks(text)
		return err
	}
	notes := widget.NewMultiLineEntry()
	notes.SetPlaceHolder("Notes in Markdown")
	notes.SetText(sk.Notes)
	notes.Wrapping = fyne.TextWrapWord
	notes.SetMinRowsVisible(3)

	items := []*widget.FormItem{
		widget.NewFormItem("Name", name),
		widget.NewFormItem("Category", category),
		widget.NewFormItem("Status", status),
		widget.NewFormItem("Level now", current),
		widget.NewFormItem("Target level", target),
		{Text: "Hours", Widget: hours, HintText: "Estimated study time"},
		{Text: "Prerequisites", Widget: prereqScroll, HintText: "Skills to learn first"},
		widget.NewFormItem("Links", links),
		widget.NewFormItem("Notes", notes),
	}
	var form *formDialog
	var extra fyne.CanvasObject
	if !isNew {
		del := widget.NewButtonWithIcon("Delete skill…", theme.DeleteIcon(), func() {
			s.confirmDeleteSkill(sk, func() { form.dialog.Hide() })
		})
		del.Importance = widget.DangerImportance
		extra = container.NewHBox(del)
	}
	title := "New skill"
	if !isNew {
		title = "Edit " + sk.Name
	}
	form = showFormDialog(s.win, title, "Save", items, extra, func() error {
		edited := sk
		edited.Name = name.Text
		var err error
		if edited.Status, err = plan.SkillStatusFromLabel(status.Selected); err != nil {
			return err
		}
		edited.CurrentLevel = levelIndex(current.Selected)
		edited.TargetLevel = levelIndex(target.Selected)
		if edited.Hours, err = parseHours(hours.Text, plan.MaxHours); err != nil {
			return fmt.Errorf("hours: %w", err)
		}
		if edited.Links, err = parseLinks(links.Text); err != nil {
			return err
		}
		edited.Notes = notes.Text
		edited.Prerequisites = nil
		for _, n := range prereqs.Selected {
			edited.Prerequisites = append(edited.Prerequisites, idByName[n])
		}
		edited.CategoryID = catByName[category.Selected]
		if isNew {
			_, err = s.store.AddSkill(edited)
		} else {
			err = s.store.UpdateSkill(sk, edited)
		}
		if err != nil {
			return err
		}
		s.reload()
		return nil
	})
	s.editor = form
	if isNew {
		s.win.Canvas().Focus(name)
	}
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
