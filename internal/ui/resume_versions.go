package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/resume"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// tailorForm is the form of a version tailored to a posting: its name,
// the posting, and the skills and projects to show, in order.
type tailorForm struct {
	*formDialog
	name     *widgets.TextField
	posting  *widgets.TextField
	suggest  *widget.Button
	matched  *widget.Label
	skills   *widget.CheckGroup
	projects *widget.CheckGroup
	// skillIDs and projectIDs are the IDs behind the checks' labels.
	skillIDs, projectIDs map[string]uint
}

// editVersion opens the tailoring form: a new version (v has no ID), or
// one made before, to rename, retailor or change what it shows.
func (r *resumeScreen) editVersion(v resume.Version) {
	r.afterTailor = nil
	f := &tailorForm{name: textField(v.Name, plan.MaxNameLen, requiredText("a name, such as the company and the job")),
		posting: multiLine(v.Posting, notesFieldLen, 5), matched: wrappedLabel(""),
		skills: widget.NewCheckGroup(nil, nil), projects: widget.NewCheckGroup(nil, nil)}
	f.matched.Importance = widget.SuccessImportance
	f.suggest = widget.NewButtonWithIcon("Suggest from the posting", theme.SearchIcon(), func() { r.applySuggestion(f) })
	if v.ID == 0 {
		s := r.data.Tailor("")
		r.setChoices(f, s.SkillIDs, s.ProjectIDs, nil, nil)
		f.skills.SetSelected(f.skills.Options)
		f.projects.SetSelected(f.projects.Options)
	} else {
		r.setChoices(f, withRest(v.SkillIDs, r.skillOrder()), withRest(v.ProjectIDs, r.projectOrder()), nil, nil)
		f.skills.SetSelected(labelsOf(f.skillIDs, v.SkillIDs))
		f.projects.SetSelected(labelsOf(f.projectIDs, v.ProjectIDs))
	}
	if v.Posting != "" {
		f.matched.SetText(matchedText(r.data.Tailor(v.Posting), r.skillNames()))
	}
	showIf(f.matched, f.matched.Text != "")
	items := []*widget.FormItem{
		{Text: "Name", Widget: f.name, HintText: "Such as Acme – backend developer"},
		{Text: "Job posting", Widget: f.posting, HintText: "Paste the posting; the skills and projects it mentions come first"},
		{Text: "", Widget: container.NewVBox(container.NewHBox(f.suggest), f.matched)},
		{Text: "Skills", Widget: f.skills, HintText: "Shown in this order; untick what this job does not need"},
		{Text: "Projects", Widget: f.projects, HintText: "Your finished projects"},
	}
	if len(f.skills.Options) == 0 {
		items[3].Widget = wrappedCaption("No done skills yet: tick skills done on the Skills screen.")
	}
	if len(f.projects.Options) == 0 {
		items[4].Widget = wrappedCaption("No finished projects yet.")
	}
	var extra fyne.CanvasObject
	if v.ID != 0 {
		extra = r.deleteEntry("version", v.Name, func() error { return r.store.DeleteVersion(v.ID) })
	}
	title := "Tailor the résumé"
	if v.ID != 0 {
		title = "Edit " + v.Name
	}
	f.formDialog = showFormDialog(r.win, title, "Save version", items, extra, func() error { return r.saveVersion(f, v) })
	r.editor, r.tailor = f.formDialog, f
}

// tailorFor opens the tailoring form for a job's posting, its suggestion
// applied; the version saved records the application it is sent with
// (nil for none), and done runs once it is saved. The job search's
// "Tailor résumé…" button calls it.
func (r *resumeScreen) tailorFor(name, posting string, applicationID *uint, done func()) {
	r.reload()
	r.editVersion(resume.Version{Name: r.freeName(name), Posting: posting, ApplicationID: applicationID})
	r.afterTailor = done
	if strings.TrimSpace(posting) == "" {
		return
	}
	// A posting that names some of them starts with just those ticked.
	if s := r.data.Tailor(posting); len(s.MatchedSkills)+len(s.MatchedProjects) > 0 {
		r.tailor.skills.SetSelected(nil)
		r.tailor.projects.SetSelected(nil)
	}
	r.applySuggestion(r.tailor)
}

// freeName is name, or name (2), (3)... when a version has it already:
// a second version for the same job; cut to leave room for the number
// within a name's length.
func (r *resumeScreen) freeName(name string) string {
	if runes := []rune(name); len(runes) > plan.MaxNameLen-6 {
		name = strings.TrimSpace(string(runes[:plan.MaxNameLen-6]))
	}
	taken := map[string]bool{}
	for _, v := range r.data.Versions {
		taken[strings.ToLower(v.Name)] = true
	}
	free := name
	for n := 2; taken[strings.ToLower(free)]; n++ {
		free = fmt.Sprintf("%s (%d)", name, n)
	}
	return free
}

// allVersions are the versions made, newest first, as stored now.
func (r *resumeScreen) allVersions() []resume.Version {
	r.reload()
	return r.data.Versions
}

// versionSummary says what a version shows: its name, then its skills
// and projects in order; false when there is no such version any more.
func (r *resumeScreen) versionSummary(id uint) (string, bool) {
	r.reload()
	for _, v := range r.data.Versions {
		if v.ID != id {
			continue
		}
		names := r.skillNames()
		var skills, projects []string
		for _, sid := range v.SkillIDs {
			skills = append(skills, names[sid])
		}
		for _, pid := range v.ProjectIDs {
			for _, p := range r.data.Projects {
				if p.ID == pid {
					projects = append(projects, p.Name)
				}
			}
		}
		s := v.Name
		if len(skills) > 0 {
			s += "\nSkills: " + strings.Join(skills, ", ")
		}
		if len(projects) > 0 {
			s += "\nProjects: " + strings.Join(projects, ", ")
		}
		return s, true
	}
	return "", false
}

func (r *resumeScreen) saveVersion(f *tailorForm, v resume.Version) error {
	edited := v
	edited.Name, edited.Posting = strings.TrimSpace(f.name.Text), strings.TrimSpace(f.posting.Text)
	edited.SkillIDs = chosenIDs(f.skills, f.skillIDs)
	edited.ProjectIDs = chosenIDs(f.projects, f.projectIDs)
	if len(edited.SkillIDs) == 0 && len(edited.ProjectIDs) == 0 && (len(f.skillIDs) > 0 || len(f.projectIDs) > 0) {
		return errors.New("tick at least one skill or project for this version to show")
	}
	err := r.saved(func() error {
		if v.ID == 0 {
			_, err := r.store.AddVersion(edited)
			return err
		}
		return r.store.UpdateVersion(v, edited)
	})
	if err == nil && r.afterTailor != nil {
		done := r.afterTailor
		r.afterTailor = nil
		// Closed first: Fyne closes the dialogs opened above a dialog
		// with it, and done may open one.
		f.hide()
		done()
	}
	return err
}

// applySuggestion orders the choices as the posting suggests, the ones it
// mentions first and ticked; the ticks the learner set on the others stay.
func (r *resumeScreen) applySuggestion(f *tailorForm) {
	s := r.data.Tailor(f.posting.Text)
	was := map[uint]bool{}
	for _, id := range chosenIDs(f.skills, f.skillIDs) {
		was[id] = true
	}
	wasProject := map[uint]bool{}
	for _, id := range chosenIDs(f.projects, f.projectIDs) {
		wasProject[id] = true
	}
	r.setChoices(f, s.SkillIDs, s.ProjectIDs, s.MatchedSkills, s.MatchedProjects)
	var skills, projects []uint
	for _, id := range s.SkillIDs {
		if was[id] || s.MatchedSkills[id] != "" {
			skills = append(skills, id)
		}
	}
	for _, id := range s.ProjectIDs {
		if wasProject[id] || s.MatchedProjects[id] != "" {
			projects = append(projects, id)
		}
	}
	f.skills.SetSelected(labelsOf(f.skillIDs, skills))
	f.projects.SetSelected(labelsOf(f.projectIDs, projects))
	f.matched.SetText(matchedText(s, r.skillNames()))
	if f.matched.Text == "" {
		f.matched.SetText("The posting names none of your done skills or finished projects.")
	}
	f.matched.Show()
	f.fit()
}

// setChoices lists the skills and projects in the order given, each
// mentioned one marked.
func (r *resumeScreen) setChoices(f *tailorForm, skills, projects []uint, matchedSkills, matchedProjects map[uint]string) {
	names := r.skillNames()
	f.skillIDs = map[string]uint{}
	var options []string
	for _, id := range skills {
		label := names[id]
		if matchedSkills[id] != "" {
			label += "  (in the posting)"
		}
		f.skillIDs[label] = id
		options = append(options, label)
	}
	f.skills.Options = options
	f.skills.Refresh()
	projectNames := map[uint]string{}
	for _, p := range r.data.Projects {
		projectNames[p.ID] = p.Name
	}
	f.projectIDs = map[string]uint{}
	options = nil
	for _, id := range projects {
		label := projectNames[id]
		if matchedProjects[id] != "" {
			label += "  (in the posting)"
		}
		f.projectIDs[label] = id
		options = append(options, label)
	}
	f.projects.Options = options
	f.projects.Refresh()
}

func matchedText(s resume.Suggestion, names map[uint]string) string {
	var found []string
	for _, id := range s.SkillIDs {
		if s.MatchedSkills[id] != "" {
			found = append(found, names[id])
		}
	}
	if len(found) == 0 {
		return ""
	}
	return "The posting mentions " + strings.Join(found, ", ") + ": they come first."
}

func (r *resumeScreen) skillNames() map[uint]string {
	names := map[uint]string{}
	for _, s := range r.data.Skills {
		names[s.ID] = s.Name
	}
	return names
}

func (r *resumeScreen) skillOrder() []uint {
	var ids []uint
	for _, s := range r.data.Skills {
		ids = append(ids, s.ID)
	}
	return ids
}

func (r *resumeScreen) projectOrder() []uint {
	var ids []uint
	for _, p := range resume.FinishedProjects(r.data.Projects) {
		ids = append(ids, p.ID)
	}
	return ids
}

// withRest is first, with the IDs of all not in it after, of those that
// still exist.
func withRest(first, all []uint) []uint {
	exists := map[uint]bool{}
	for _, id := range all {
		exists[id] = true
	}
	var out []uint
	seen := map[uint]bool{}
	for _, id := range append(append([]uint{}, first...), all...) {
		if exists[id] && !seen[id] {
			out = append(out, id)
			seen[id] = true
		}
	}
	return out
}

func labelsOf(ids map[string]uint, want []uint) []string {
	byID := map[uint]string{}
	for label, id := range ids {
		byID[id] = label
	}
	var out []string
	for _, id := range want {
		if l, ok := byID[id]; ok {
			out = append(out, l)
		}
	}
	return out
}

// chosenIDs are the ticked choices' IDs in the order listed.
func chosenIDs(g *widget.CheckGroup, ids map[string]uint) []uint {
	ticked := map[string]bool{}
	for _, s := range g.Selected {
		ticked[s] = true
	}
	var out []uint
	for _, o := range g.Options {
		if ticked[o] {
			out = append(out, ids[o])
		}
	}
	return out
}

// chooseImport picks a JSON Resume file and previews its import.
func (r *resumeScreen) chooseImport() {
	chooseFile(r.win, "JSON Resume", []string{".json"}, r.previewImport)
}

// previewImport says what importing the file would change and asks
// before changing it.
func (r *resumeScreen) previewImport(path string) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		showError(r.win, "open "+name, err)
		return
	}
	preview, err := app.PreviewResumeImport(r.store, f)
	f.Close()
	if err != nil {
		showError(r.win, "import "+name, fmt.Errorf("%w\n\nNothing was changed", err))
		return
	}
	if preview.Changes.None() {
		showInformation("Nothing to import", preview.Changes.Lines()[0], r.win)
		return
	}
	msg := "Importing " + name + " will:\n\n• " + strings.Join(preview.Changes.Lines(), "\n• ")
	showConfirm("Import this résumé?", msg, func(ok bool) {
		if !ok {
			return
		}
		if err := app.ApplyResumeImport(r.store, preview); err != nil {
			showError(r.win, "import "+name, fmt.Errorf("%w\n\nNothing was changed", err))
			return
		}
		r.reload()
	}, r.win)
}

// exportChoice is File ▸ Export ▸ Résumé: which version, in which format.
func (r *resumeScreen) exportChoice() {
	r.reload()
	const whole = "The whole résumé"
	versions := []string{whole}
	for _, v := range r.data.Versions {
		versions = append(versions, v.Name)
	}
	version := widgets.NewChoice(versions, nil)
	version.SetSelected(whole)
	format := widgets.NewChoice([]string{"PDF", "JSON Resume"}, nil)
	format.SetSelected("PDF")
	items := []*widget.FormItem{
		widget.NewFormItem("Version", version),
		{Text: "Format", Widget: format, HintText: "PDF to send; JSON Resume for résumé sites and other tools"},
	}
	r.editor = showFormDialog(r.win, "Export the résumé", "Export…", items, nil, func() error {
		var v *resume.Version
		if version.Selected != whole {
			var err error
			if v, err = r.data.Version(version.Selected); err != nil {
				return err
			}
		}
		if _, err := r.data.Document(v, r.now()); err != nil {
			return err
		}
		f := app.ResumePDF
		if format.Selected != "PDF" {
			f = app.ResumeJSON
		}
		r.export(v, f)
		return nil
	})
}
