package ui

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/localeenv"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/resume"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// resumeStore is what the Résumé screen reads and changes.
type resumeStore interface {
	app.ResumeReader
	app.ResumeImporter
	SaveProfile(before, after resume.Profile) error
	AddWork(w resume.Work) (uint, error)
	UpdateWork(before, after resume.Work) error
	DeleteWork(id uint) error
	AddEducation(e resume.Education) (uint, error)
	UpdateEducation(before, after resume.Education) error
	DeleteEducation(id uint) error
	AddCertificate(c resume.Certificate) (uint, error)
	UpdateCertificate(before, after resume.Certificate) error
	DeleteCertificate(id uint) error
	AddVersion(v resume.Version) (uint, error)
	UpdateVersion(before, after resume.Version) error
	DeleteVersion(id uint) error
	Roadmap() ([]plan.Step, error)
	JobBoard() (jobsearch.Board, error)
}

// resumeScreen is the learner's résumé: the profile, work, education and
// certificates they type once, the versions tailored to job postings, and
// the exports. Skills and projects come from the plan.
type resumeScreen struct {
	store  resumeStore
	report errorReporter
	win    fyne.Window
	now    func() time.Time

	data      app.ResumeData
	profile   *widget.Label
	health    *widget.Label
	work      *fyne.Container
	education *fyne.Container
	certs     *fyne.Container
	versions  *fyne.Container
	editor    *formDialog // the form last opened
	tailor    *tailorForm // the tailoring form last opened
	// applications names each application by company and role, for the
	// versions sent with one.
	applications map[uint]string
	// afterTailor runs once the version tailored for an application is
	// saved; nil when the form was opened here.
	afterTailor func()
	root        fyne.CanvasObject
}

func newResumeScreen(st resumeStore, report errorReporter, w fyne.Window) *resumeScreen {
	r := &resumeScreen{store: st, report: report, win: w, now: time.Now,
		profile: wrappedLabel(""), health: wrappedLabel(""),
		work: container.NewVBox(), education: container.NewVBox(), certs: container.NewVBox(), versions: container.NewVBox()}
	r.health.Importance = widget.WarningImportance
	pdf := widget.NewButtonWithIcon("Export PDF…", theme.DocumentSaveIcon(), func() { r.export(nil, app.ResumePDF) })
	pdf.Importance = widget.HighImportance
	jsonButton := widget.NewButtonWithIcon("Export JSON Resume…", theme.DocumentSaveIcon(), func() { r.export(nil, app.ResumeJSON) })
	imp := widget.NewButtonWithIcon("Import JSON Resume…", theme.FolderOpenIcon(), r.chooseImport)
	intro := wrappedLabel("Your résumé is built from your profile below, your done skills (those a finished project proves first) " +
		"and your finished projects. Tailor a version to each job posting.")
	card := func(title string, add *widget.Button, body fyne.CanvasObject) fyne.CanvasObject {
		return widget.NewCard("", "", container.NewVBox(sectionTitle(title, add), body))
	}
	addButton := func(label string, tap func()) *widget.Button {
		return widget.NewButtonWithIcon(label, theme.ContentAddIcon(), tap)
	}
	editProfile := widget.NewButtonWithIcon("Edit profile", theme.DocumentCreateIcon(), r.editProfile)
	body := container.NewVBox(
		intro,
		container.NewHBox(pdf, jsonButton, imp),
		r.health,
		card("Profile", editProfile, r.profile),
		card("Tailored versions", addButton("Tailor to a posting…", func() { r.editVersion(resume.Version{}) }), r.versions),
		card("Work experience", addButton("Add job", func() { r.editWork(resume.Work{}) }), r.work),
		card("Education", addButton("Add education", func() { r.editEducation(resume.Education{}) }), r.education),
		card("Certificates and courses", addButton("Add certificate", func() { r.editCertificate(resume.Certificate{}) }), r.certs),
	)
	r.root = container.NewVScroll(container.NewPadded(body))
	return r
}

func (r *resumeScreen) name() string               { return "Résumé" }
func (r *resumeScreen) icon() fyne.Resource        { return theme.DocumentIcon() }
func (r *resumeScreen) content() fyne.CanvasObject { return r.root }
func (r *resumeScreen) reload()                    { r.load()() }

func (r *resumeScreen) load() func() {
	var d app.ResumeData
	var board jobsearch.Board
	err := app.ReadTogether(r.store, func(st resumeStore) (err error) {
		if d, err = app.LoadResume(st); err != nil {
			return err
		}
		board, err = st.JobBoard()
		return err
	})
	if err != nil {
		return func() { r.report("load the résumé", err) }
	}
	names := map[uint]string{}
	for _, a := range board.Applications {
		names[a.ID] = a.Company + " · " + a.Role
	}
	return func() { r.applications = names; r.show(d) }
}

func (r *resumeScreen) show(d app.ResumeData) {
	r.data = d
	r.profile.SetText(profileText(d.Parts.Profile))
	lines := d.Health.Checklist()
	r.health.SetText("Portfolio: " + strings.Join(lines, "; ") + ". Finish a project that uses them, or add a link or description on Skills ▸ Projects.")
	showIf(r.health, len(lines) > 0)
	setRows(r.work, r.root, r.workRows()...)
	setRows(r.education, r.root, r.educationRows()...)
	setRows(r.certs, r.root, r.certificateRows()...)
	setRows(r.versions, r.root, r.versionRows()...)
}

func profileText(p resume.Profile) string {
	if strings.TrimSpace(p.Name) == "" {
		return "No profile yet: add your name and how employers reach you."
	}
	lines := []string{p.Name}
	for _, s := range []string{p.Headline, strings.Join(nonEmpty(p.Email, p.Phone, p.Location), " · ")} {
		if s != "" {
			lines = append(lines, s)
		}
	}
	for _, l := range p.Links {
		lines = append(lines, l.Network+": "+l.URL)
	}
	if p.Summary != "" {
		lines = append(lines, "", p.Summary)
	}
	return strings.Join(lines, "\n")
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// entryRow is one entry: a bold title, a line under it, and its buttons.
func entryRow(title, detail string, buttons ...fyne.CanvasObject) fyne.CanvasObject {
	t := bold(title)
	t.Wrapping = fyne.TextWrapWord
	d := wrappedCaption(detail)
	return container.NewBorder(nil, nil, nil, container.NewHBox(buttons...), container.NewVBox(t, d))
}

func editButton(tap func()) *widget.Button {
	b := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), tap)
	b.Importance = widget.LowImportance
	return b
}

func (r *resumeScreen) workRows() []fyne.CanvasObject {
	if len(r.data.Parts.Work) == 0 {
		return []fyne.CanvasObject{wrappedCaption("No jobs yet. Jobs outside programming count too: say what you did and achieved.")}
	}
	var rows []fyne.CanvasObject
	for _, w := range r.data.Parts.Work {
		rows = append(rows, entryRow(w.Position+", "+w.Company, resume.Span(w.Start, w.End, true), editButton(func() { r.editWork(w) })))
	}
	return rows
}

func (r *resumeScreen) educationRows() []fyne.CanvasObject {
	if len(r.data.Parts.Education) == 0 {
		return []fyne.CanvasObject{wrappedCaption("No education yet.")}
	}
	var rows []fyne.CanvasObject
	for _, e := range r.data.Parts.Education {
		title := strings.Join(nonEmpty(e.StudyType, e.Area), ", ")
		if title == "" {
			title = e.Institution
		} else {
			title += " — " + e.Institution
		}
		rows = append(rows, entryRow(title, resume.Span(e.Start, e.End, false), editButton(func() { r.editEducation(e) })))
	}
	return rows
}

func (r *resumeScreen) certificateRows() []fyne.CanvasObject {
	if len(r.data.Parts.Certificates) == 0 {
		return []fyne.CanvasObject{wrappedCaption("No certificates yet. A finished course counts: add it with its date and link.")}
	}
	var rows []fyne.CanvasObject
	for _, c := range r.data.Parts.Certificates {
		rows = append(rows, entryRow(c.Name, strings.Join(nonEmpty(c.Issuer, string(c.Date)), " · "), editButton(func() { r.editCertificate(c) })))
	}
	return rows
}

func (r *resumeScreen) versionRows() []fyne.CanvasObject {
	if len(r.data.Versions) == 0 {
		return []fyne.CanvasObject{wrappedCaption("No versions yet. Paste a job posting to pick the skills and projects it asks for first.")}
	}
	var rows []fyne.CanvasObject
	for _, v := range r.data.Versions {
		sent := "not sent with an application yet"
		if v.ApplicationID != nil {
			sent = "sent with an application since deleted"
			if name, ok := r.applications[*v.ApplicationID]; ok {
				sent = "sent to " + name
			}
		}
		detail := fmt.Sprintf("Made %s · %s, %s · %s", madeOn(v.Created), plural(len(v.SkillIDs), "1 skill", fmt.Sprintf("%d skills", len(v.SkillIDs))),
			plural(len(v.ProjectIDs), "1 project", fmt.Sprintf("%d projects", len(v.ProjectIDs))), sent)
		pdf := widget.NewButton("PDF", func() { r.export(&v, app.ResumePDF) })
		js := widget.NewButton("JSON", func() { r.export(&v, app.ResumeJSON) })
		rows = append(rows, entryRow(v.Name, detail, pdf, js, editButton(func() { r.editVersion(v) })))
	}
	return rows
}

// madeOn is the day a version was made, in words when unknown.
func madeOn(t time.Time) string {
	if t.IsZero() {
		return "some time ago"
	}
	return longDate(t.Local())
}

// export writes the résumé, or a version of it, as PDF or JSON Resume.
func (r *resumeScreen) export(v *resume.Version, format app.ResumeFormat) {
	now := r.now()
	doc, err := r.data.Document(v, now)
	if err != nil {
		r.report("export the résumé", err)
		return
	}
	data, err := app.ResumeBytes(doc, format, localeenv.PaperLocale(), now)
	if err != nil {
		r.report("export the résumé", err)
		return
	}
	name := "resume"
	if v != nil {
		name += "-" + fileSafe(v.Name)
	}
	saveFile(r.win, "résumé", name+"."+string(format), data)
}

// fileSafe makes a version's name fit in a file name.
func fileSafe(s string) string {
	s = strings.Map(func(c rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, c) || c < ' ' {
			return '-'
		}
		return c
	}, strings.TrimSpace(s))
	return strings.ReplaceAll(s, " ", "-")
}

// textField is a one-line field holding text, checked by check as it is
// typed.
func textField(text string, max int, check func(string) error) *widgets.TextField {
	f := widgets.NewTextField(max)
	f.SetText(text)
	f.Validator = check
	return f
}

func multiLine(text string, max, rows int) *widgets.TextField {
	f := widgets.NewMultiLineTextField(max)
	f.SetText(text)
	f.SetMinRowsVisible(rows)
	return f
}

func dateField(d resume.Date, required bool) *widgets.TextField {
	return textField(string(d), 10, func(s string) error {
		if strings.TrimSpace(s) == "" {
			if required {
				return fmt.Errorf("enter the year and month, like 2023-04")
			}
			return nil
		}
		_, err := resume.ParseDate(s)
		return err
	})
}

func optionalURL(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return plan.ValidateURL(s)
}

func (r *resumeScreen) editProfile() {
	p := r.data.Parts.Profile
	name := textField(p.Name, plan.MaxNameLen, requiredText("your name"))
	headline := textField(p.Headline, plan.MaxNameLen, nil)
	email := textField(p.Email, plan.MaxNameLen, resume.ValidateEmail)
	phone := textField(p.Phone, 50, resume.ValidatePhone)
	location := textField(p.Location, plan.MaxNameLen, nil)
	links := multiLine(linksText(p.Links), linksFieldLen, 3)
	links.Validator = func(s string) error { _, err := parseProfileLinks(s); return err }
	summary := multiLine(p.Summary, plan.MaxTextLen, 4)
	items := []*widget.FormItem{
		{Text: "Name", Widget: name, HintText: "As it should appear at the top of the résumé"},
		{Text: "Headline", Widget: headline, HintText: "Optional: the job you aim for, such as Junior backend developer"},
		{Text: "Email", Widget: email, HintText: "Optional: like ada@example.com"},
		{Text: "Phone", Widget: phone, HintText: "Optional: digits, spaces and a leading +, like +48 600 123 456"},
		{Text: "Location", Widget: location, HintText: "Optional: city and country, such as Kraków, Poland"},
		{Text: "Links", Widget: links, HintText: "One a line: a name and the address, such as GitHub https://github.com/you"},
		{Text: "Summary", Widget: summary, HintText: "Optional: two or three sentences about you"},
	}
	r.editor = showFormDialog(r.win, "Edit profile", "Save", items, nil, func() error {
		edited := resume.Profile{Name: strings.TrimSpace(name.Text), Headline: strings.TrimSpace(headline.Text), Email: strings.TrimSpace(email.Text),
			Phone: strings.TrimSpace(phone.Text), Location: strings.TrimSpace(location.Text), Summary: strings.TrimSpace(summary.Text)}
		var err error
		if edited.Links, err = parseProfileLinks(links.Text); err != nil {
			return err
		}
		if err := r.store.SaveProfile(p, edited); err != nil {
			return err
		}
		r.reload()
		return nil
	})
}

func linksText(links []resume.Link) string {
	var lines []string
	for _, l := range links {
		lines = append(lines, l.Network+" "+l.URL)
	}
	return strings.Join(lines, "\n")
}

// parseProfileLinks reads links one a line: a network's name and the address
// ("GitHub https://github.com/you"), or the address alone, named after
// its site.
func parseProfileLinks(text string) ([]resume.Link, error) {
	var out []resume.Link
	for i, line := range strings.Split(text, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		addr := fields[len(fields)-1]
		network := strings.TrimSuffix(strings.TrimSpace(strings.Join(fields[:len(fields)-1], " ")), ":")
		if network == "" {
			network = siteName(addr)
		}
		l := resume.Link{Network: network, URL: addr}
		if err := resume.ValidateLink(l); err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
		out = append(out, l)
	}
	if len(out) > resume.MaxProfileLinks {
		return nil, fmt.Errorf("there are %d links; keep it to %d", len(out), resume.MaxProfileLinks)
	}
	return out, nil
}

func siteName(addr string) string {
	u, err := url.Parse(addr)
	if err != nil {
		return "Website"
	}
	host := strings.TrimPrefix(u.Hostname(), "www.")
	switch {
	case host == "github.com":
		return "GitHub"
	case host == "gitlab.com":
		return "GitLab"
	case strings.HasSuffix(host, "linkedin.com"):
		return "LinkedIn"
	}
	return "Website"
}

// deleteEntry is a form's delete button for an entry already stored.
func (r *resumeScreen) deleteEntry(what, name string, del func() error) fyne.CanvasObject {
	return deleteButton(r.win, "Delete "+what+"…", "Delete "+what+"?", fmt.Sprintf("Delete %q from your résumé?", name), "delete the "+what,
		del, r.report, func() { r.editor.hide(); r.reload() })
}

func (r *resumeScreen) editWork(w resume.Work) {
	company := textField(w.Company, plan.MaxNameLen, requiredText("the company"))
	position := textField(w.Position, plan.MaxNameLen, requiredText("your position"))
	web := textField(w.URL, plan.MaxTextLen, optionalURL)
	start, end := dateField(w.Start, true), dateField(w.End, false)
	summary := multiLine(w.Summary, plan.MaxTextLen, 2)
	highlights := multiLine(strings.Join(w.Highlights, "\n"), resume.MaxHighlights*plan.MaxNameLen, 3)
	items := []*widget.FormItem{
		widget.NewFormItem("Company", company), widget.NewFormItem("Position", position),
		{Text: "Web address", Widget: web, HintText: "Optional: the company's site"},
		{Text: "Started", Widget: start, HintText: "Year and month, like 2021-09"},
		{Text: "Ended", Widget: end, HintText: "Leave empty if you still work there"},
		widget.NewFormItem("Summary", summary),
		{Text: "Highlights", Widget: highlights, HintText: "One achievement a line"},
	}
	var extra fyne.CanvasObject
	if w.ID != 0 {
		extra = r.deleteEntry("job", w.Position, func() error { return r.store.DeleteWork(w.ID) })
	}
	r.editor = showFormDialog(r.win, titleFor("job", w.ID == 0), "Save", items, extra, func() error {
		edited := resume.Work{ID: w.ID, Company: strings.TrimSpace(company.Text), Position: strings.TrimSpace(position.Text),
			URL: strings.TrimSpace(web.Text), Start: resume.Date(strings.TrimSpace(start.Text)), End: resume.Date(strings.TrimSpace(end.Text)),
			Summary: strings.TrimSpace(summary.Text), Highlights: lines(highlights.Text)}
		return r.saved(func() error {
			if w.ID == 0 {
				_, err := r.store.AddWork(edited)
				return err
			}
			return r.store.UpdateWork(w, edited)
		})
	})
}

func titleFor(what string, isNew bool) string {
	if isNew {
		return "New " + what
	}
	return "Edit " + what
}

// saved runs a save and, when it went through, shows the résumé again.
func (r *resumeScreen) saved(save func() error) error {
	if err := save(); err != nil {
		return err
	}
	r.reload()
	return nil
}

func lines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "- ")); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func (r *resumeScreen) editEducation(e resume.Education) {
	school := textField(e.Institution, plan.MaxNameLen, requiredText("the school"))
	area := textField(e.Area, plan.MaxNameLen, nil)
	kind := textField(e.StudyType, plan.MaxNameLen, nil)
	web := textField(e.URL, plan.MaxTextLen, optionalURL)
	start, end := dateField(e.Start, false), dateField(e.End, false)
	items := []*widget.FormItem{
		widget.NewFormItem("School", school),
		{Text: "Field", Widget: area, HintText: "Optional: such as Computer Science"},
		{Text: "Degree", Widget: kind, HintText: "Optional: such as Bachelor"},
		{Text: "Web address", Widget: web, HintText: "Optional"},
		{Text: "Started", Widget: start, HintText: "Optional: a year, like 2014"},
		{Text: "Ended", Widget: end, HintText: "Optional"},
	}
	var extra fyne.CanvasObject
	if e.ID != 0 {
		extra = r.deleteEntry("education", e.Institution, func() error { return r.store.DeleteEducation(e.ID) })
	}
	r.editor = showFormDialog(r.win, titleFor("education", e.ID == 0), "Save", items, extra, func() error {
		edited := resume.Education{ID: e.ID, Institution: strings.TrimSpace(school.Text), Area: strings.TrimSpace(area.Text),
			StudyType: strings.TrimSpace(kind.Text), URL: strings.TrimSpace(web.Text),
			Start: resume.Date(strings.TrimSpace(start.Text)), End: resume.Date(strings.TrimSpace(end.Text))}
		return r.saved(func() error {
			if e.ID == 0 {
				_, err := r.store.AddEducation(edited)
				return err
			}
			return r.store.UpdateEducation(e, edited)
		})
	})
}

func (r *resumeScreen) editCertificate(c resume.Certificate) {
	name := textField(c.Name, plan.MaxNameLen, requiredText("a name"))
	issuer := textField(c.Issuer, plan.MaxNameLen, nil)
	date := dateField(c.Date, false)
	web := textField(c.URL, plan.MaxTextLen, optionalURL)
	items := []*widget.FormItem{
		{Text: "Name", Widget: name, HintText: "The certificate or the course you finished"},
		{Text: "Issuer", Widget: issuer, HintText: "Optional: who gave it"},
		{Text: "Date", Widget: date, HintText: "Optional: like 2024-05"},
		{Text: "Web address", Widget: web, HintText: "Optional: where to check it"},
	}
	if c.ID == 0 {
		if from := r.fromStep(name); from != nil {
			items = append([]*widget.FormItem{{Text: "From a step", Widget: from, HintText: "Optional: a finished roadmap step, such as a course"}}, items...)
		}
	}
	var extra fyne.CanvasObject
	if c.ID != 0 {
		extra = r.deleteEntry("certificate", c.Name, func() error { return r.store.DeleteCertificate(c.ID) })
	}
	r.editor = showFormDialog(r.win, titleFor("certificate", c.ID == 0), "Save", items, extra, func() error {
		edited := resume.Certificate{ID: c.ID, Name: strings.TrimSpace(name.Text), Issuer: strings.TrimSpace(issuer.Text),
			Date: resume.Date(strings.TrimSpace(date.Text)), URL: strings.TrimSpace(web.Text)}
		return r.saved(func() error {
			if c.ID == 0 {
				_, err := r.store.AddCertificate(edited)
				return err
			}
			return r.store.UpdateCertificate(c, edited)
		})
	})
}

// fromStep offers the finished roadmap steps, a finished course among
// them, as the certificate's name; nil when none is finished.
func (r *resumeScreen) fromStep(name *widgets.TextField) fyne.CanvasObject {
	steps, err := r.store.Roadmap()
	if err != nil {
		return nil
	}
	var done []string
	for _, st := range steps {
		if st.Status == plan.StepDone {
			done = append(done, st.Title)
		}
	}
	if len(done) == 0 {
		return nil
	}
	return widgets.NewChoice(done, func(title string) { name.SetText(title) })
}
