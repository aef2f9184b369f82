package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// applicationFields are the fields of an application's form.
type applicationFields struct {
	company, role, url, location *widgets.TextField
	source                       *widget.SelectEntry
	remote                       *widgets.Choice
	asked, offered, currency     *widgets.TextField
	notes, posting               *widgets.TextField
}

func newApplicationFields(a jobsearch.Application) *applicationFields {
	f := &applicationFields{
		company: widgets.NewTextField(plan.MaxNameLen), role: widgets.NewTextField(plan.MaxNameLen),
		url: widgets.NewTextField(plan.MaxTextLen), location: widgets.NewTextField(plan.MaxNameLen),
		source: widget.NewSelectEntry(jobsearch.Sources),
		asked:  widgets.NewTextField(numberLen), offered: widgets.NewTextField(numberLen), currency: widgets.NewCodeField(3),
		notes: widgets.NewMultiLineTextField(notesFieldLen), posting: widgets.NewMultiLineTextField(notesFieldLen),
	}
	var remotes []string
	for _, r := range jobsearch.Remotes {
		remotes = append(remotes, r.Label())
	}
	f.remote = widgets.NewChoice(remotes, nil)
	f.remote.SetSelected(a.Remote.Label())
	f.company.SetText(a.Company)
	f.company.Validator = requiredText("company")
	f.role.SetText(a.Role)
	f.role.Validator = requiredText("role")
	f.url.SetText(a.URL)
	f.url.SetPlaceHolder("https://")
	f.location.SetText(a.Location)
	f.source.SetText(a.Source)
	f.asked.SetText(amountText(a.SalaryAsked))
	f.offered.SetText(amountText(a.SalaryOffered))
	f.currency.SetText(a.Currency)
	f.currency.SetPlaceHolder("EUR")
	f.notes.SetText(a.Notes)
	f.notes.SetMinRowsVisible(3)
	f.posting.SetText(a.Posting)
	f.posting.SetMinRowsVisible(3)
	f.posting.SetPlaceHolder("Paste the posting's text, to read it again before an interview")
	return f
}

func amountText(v int64) string {
	if v == 0 {
		return ""
	}
	return strconv.FormatInt(v, 10)
}

func (f *applicationFields) items() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem("Company", f.company), widget.NewFormItem("Role", f.role),
		{Text: "Posting", Widget: f.url, HintText: "The posting's web address, if it has one"},
		{Text: "Source", Widget: f.source, HintText: "How you found it: pick one or write your own"},
		widget.NewFormItem("Location", f.location), widget.NewFormItem("Remote", f.remote),
		{Text: "Salary asked", Widget: f.asked, HintText: "A year, before tax; digits only"},
		{Text: "Salary offered", Widget: f.offered, HintText: "Fill it in when an offer comes"},
		{Text: "Currency", Widget: f.currency, HintText: "Three letters, such as EUR or USD"},
		widget.NewFormItem("Notes", f.notes), widget.NewFormItem("Posting's text", f.posting),
	}
}

// read is the application as the fields say, on top of a.
func (f *applicationFields) read(a jobsearch.Application) (jobsearch.Application, error) {
	a.Company, a.Role, a.URL = strings.TrimSpace(f.company.Text), strings.TrimSpace(f.role.Text), strings.TrimSpace(f.url.Text)
	a.Source, a.Location = strings.TrimSpace(f.source.Text), strings.TrimSpace(f.location.Text)
	a.Remote = jobsearch.RemoteUnknown
	for _, r := range jobsearch.Remotes {
		if r.Label() == f.remote.Selected {
			a.Remote = r
		}
	}
	var err error
	if a.SalaryAsked, err = optionalAmount("salary asked", f.asked.Text); err != nil {
		return a, err
	}
	if a.SalaryOffered, err = optionalAmount("salary offered", f.offered.Text); err != nil {
		return a, err
	}
	a.Currency = strings.ToUpper(strings.TrimSpace(f.currency.Text))
	if a.Currency != "" {
		if err := salary.ValidateCurrency(a.Currency); err != nil {
			return a, err
		}
	}
	a.Notes, a.Posting = f.notes.Text, f.posting.Text
	return a, jobsearch.ValidateFields(a)
}

// optionalAmount reads an amount that may be left empty (0).
func optionalAmount(what, s string) (int64, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	v, err := parseAmount(s)
	if err != nil {
		return 0, fmt.Errorf("the %s %q is not an amount: write %w", what, strings.TrimSpace(s), err)
	}
	return v, nil
}

// addApplication opens the form for a new application: its fields, the
// stage it starts in and the day.
func (j *jobSearch) addApplication() {
	f := newApplicationFields(jobsearch.Application{})
	stage := widgets.NewChoice(j.stageNames(), nil)
	stage.SetSelected("Applied")
	if _, ok := j.data.Board.StageNamed("Applied"); !ok && len(j.data.Board.Stages) > 0 {
		stage.SetSelected(j.data.Board.Stages[0].Name)
	}
	date := newDateField(j.data.WeekStart, false)
	today := j.today()
	date.SetDate(&today)
	items := append(f.items()[:2], append([]*widget.FormItem{
		widget.NewFormItem("Stage", stage), {Text: "On", Widget: date, HintText: date.Hint()}}, f.items()[2:]...)...)
	j.editor = showFormDialog(j.win, "Add application", "Add", items, nil, func() error {
		a, err := f.read(jobsearch.Application{})
		if err != nil {
			return err
		}
		st, ok := j.data.Board.StageNamed(stage.Selected)
		if !ok || date.Date == nil {
			return errors.New("choose a stage and a day")
		}
		a.History = []jobsearch.Event{{StageID: st.ID, Date: *date.Date}}
		if _, err := j.store.AddApplication(a); err != nil {
			return err
		}
		j.reload()
		return nil
	})
}

func (j *jobSearch) stageNames() []string {
	var names []string
	for _, s := range j.data.Board.Stages {
		names = append(names, s.Name)
	}
	return names
}

// openApplication opens an application's form: its fields to edit, and
// under them its history in order, a move to another stage, its
// interviews, and deleting it.
func (j *jobSearch) openApplication(id uint) {
	a, ok := j.application(id)
	if !ok {
		return
	}
	f := newApplicationFields(a)
	extra := container.NewVBox(widget.NewSeparator(), j.historyBox(a), widget.NewSeparator(), j.interviewsBox(a), j.resumeBox(a),
		deleteButton(j.win, "Delete application…", "Delete the application?",
			fmt.Sprintf("Delete the application to %s with its history and interviews?", a.Company), "delete the application",
			func() error { return j.store.DeleteApplication(a.ID) }, j.report, func() { j.editor.hide(); j.reload() }))
	j.editor = showFormDialog(j.win, a.Company+" · "+a.Role, "Save", f.items(), extra, func() error {
		after, err := f.read(a)
		if err != nil {
			return err
		}
		if err := j.store.UpdateApplication(a, after); err != nil {
			return err
		}
		j.reload()
		return nil
	})
}

// resumeBox says which résumé version was sent with the application,
// with its skills and projects, and offers to tailor one to the posting.
func (j *jobSearch) resumeBox(a jobsearch.Application) fyne.CanvasObject {
	if j.tailor == nil {
		return container.NewVBox()
	}
	tailor := widget.NewButtonWithIcon("Tailor résumé…", theme.DocumentCreateIcon(), func() {
		// The form is saved first, so nothing typed in it is lost and
		// the posting just pasted is the one tailored to.
		if f := j.editor; f != nil {
			if err := f.firstProblem(); err != nil {
				f.showProblem(err)
				return
			}
			if err := f.save(); err != nil {
				f.showProblem(err)
				return
			}
			f.hide()
		}
		if saved, ok := j.application(a.ID); ok {
			a = saved
		}
		j.tailor(a)
	})
	l := widget.NewLabel(j.sentText(a.ResumeVersionID))
	l.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(widget.NewSeparator(), sectionTitle("Résumé", tailor))
	if sent := j.sentChoice(a, l); sent != nil {
		box.Add(container.NewBorder(nil, nil, widget.NewLabel("Version sent"), nil, sent))
	}
	box.Add(l)
	return box
}

// sentText says which version was sent and what it shows.
func (j *jobSearch) sentText(id *uint) string {
	if id == nil {
		return "No résumé version recorded yet. Tailor one to this posting: the skills and projects it mentions come first."
	}
	if s, ok := j.sentWith(*id); ok {
		return "Sent with the version " + s
	}
	return "The version sent was deleted from the Résumé screen."
}

// sentChoice records a version made before as the one sent, such as a
// general one, when it is chosen; nil when there are no versions yet.
func (j *jobSearch) sentChoice(a jobsearch.Application, says *widget.Label) *widgets.Choice {
	if j.versions == nil {
		return nil
	}
	versions := j.versions()
	if len(versions) == 0 {
		return nil
	}
	ids := map[string]*uint{noChoice: nil}
	options := []string{noChoice}
	selected := noChoice
	for _, v := range versions {
		id := v.ID
		ids[v.Name] = &id
		options = append(options, v.Name)
		if a.ResumeVersionID != nil && *a.ResumeVersionID == id {
			selected = v.Name
		}
	}
	choice := widgets.NewChoice(options, nil)
	choice.SetSelected(selected)
	choice.OnChanged = func(name string) {
		after := a
		after.ResumeVersionID = ids[name]
		if err := j.store.UpdateApplication(a, after); err != nil {
			j.report("record the résumé version sent", err)
			return
		}
		a = after
		says.SetText(j.sentText(after.ResumeVersionID))
		j.reload()
	}
	return choice
}

// historyBox lists the moves oldest first, the current stage last, with a
// button to move the application on.
func (j *jobSearch) historyBox(a jobsearch.Application) fyne.CanvasObject {
	box := container.NewVBox(sectionTitle("History", widget.NewButtonWithIcon("Move to…", theme.MailForwardIcon(), func() { j.moveDialog(a) })))
	for i, e := range a.History {
		line := longDate(e.Date) + " · " + j.stageName(e.StageID)
		if i == len(a.History)-1 {
			line += " (now)"
		}
		if e.Note != "" {
			line += " · " + strings.Join(strings.Fields(e.Note), " ")
		}
		l := widget.NewLabel(line)
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	if n := len(a.History); n > 1 {
		last := a.History[n-1]
		undo := widget.NewButtonWithIcon("Undo the last move", theme.ContentUndoIcon(), func() {
			if err := j.store.DeleteEvent(a.ID, last.ID); err != nil {
				j.report("undo the move", err)
			}
			j.closeParent(j.editor)
		})
		undo.Importance = widget.LowImportance
		box.Add(container.NewHBox(undo))
	}
	return box
}

// moveDialog asks for a stage, a day and a note, and moves the
// application.
func (j *jobSearch) moveDialog(a jobsearch.Application) {
	parent := j.editor
	stage := widgets.NewChoice(j.stageNames(), nil)
	if i := j.stageIndex(a.Current().StageID) + 1; i < len(j.data.Board.Stages) {
		stage.SetSelected(j.data.Board.Stages[i].Name)
	}
	date := newDateField(j.data.WeekStart, false)
	today := j.today()
	date.SetDate(&today)
	note := widgets.NewTextField(plan.MaxTextLen)
	items := []*widget.FormItem{widget.NewFormItem("Stage", stage), {Text: "On", Widget: date, HintText: date.Hint()},
		{Text: "Note", Widget: note, HintText: "What happened, if you like"}}
	j.editor = showFormDialog(j.win, "Move "+a.Company, "Move", items, nil, func() error {
		st, ok := j.data.Board.StageNamed(stage.Selected)
		if !ok || date.Date == nil {
			return errors.New("choose a stage and a day")
		}
		if _, err := j.store.MoveApplication(a.ID, st.ID, *date.Date, note.Text); err != nil {
			return err
		}
		if parent != nil {
			parent.hide()
		}
		j.reload()
		return nil
	})
}

// interviewsBox lists the application's interviews with a button to add
// one.
func (j *jobSearch) interviewsBox(a jobsearch.Application) fyne.CanvasObject {
	box := container.NewVBox(sectionTitle("Interviews", widget.NewButtonWithIcon("Add interview", theme.ContentAddIcon(), func() {
		start := j.today().AddDate(0, 0, 1).Add(10 * time.Hour)
		j.editInterview(a, jobsearch.Interview{ApplicationID: a.ID, Start: start, Minutes: 60})
	})))
	for _, iv := range j.data.Board.Interviews {
		if iv.ApplicationID != a.ID {
			continue
		}
		iv := iv
		b := widget.NewButton(interviewText(iv, j.data.Board, j.now()), func() { j.editInterview(a, iv) })
		b.Alignment = widget.ButtonAlignLeading
		box.Add(b)
	}
	return box
}

// interviewText says when and where: "Fri 27 Nov 10:30, 1 h · Zoom".
func interviewText(iv jobsearch.Interview, b jobsearch.Board, now time.Time) string {
	s := shortDate(iv.Start, now) + iv.Start.Format(" 15:04") + ", " + plan.FormatMinutes(iv.Minutes)
	if iv.Place != "" {
		s += " · " + iv.Place
	} else if iv.Link != "" {
		s += " · online"
	}
	if iv.ContactID != nil {
		for _, c := range b.Contacts {
			if c.ID == *iv.ContactID {
				s += " · with " + c.Name
			}
		}
	}
	return s
}

// editInterview opens an interview's form: the day, the time, how long,
// where or the link, with whom.
func (j *jobSearch) editInterview(a jobsearch.Application, iv jobsearch.Interview) {
	parent := j.editor
	date := newDateField(j.data.WeekStart, false)
	day := plan.Date(iv.Start)
	date.SetDate(&day)
	at := widgets.NewTextField(5)
	at.SetText(iv.Start.Format("15:04"))
	minutes := widgets.NewTextField(numberLen)
	minutes.SetText(strconv.Itoa(iv.Minutes))
	place, link := widgets.NewTextField(plan.MaxTextLen), widgets.NewTextField(plan.MaxTextLen)
	place.SetText(iv.Place)
	link.SetText(iv.Link)
	link.SetPlaceHolder("https://")
	notes := widgets.NewMultiLineTextField(notesFieldLen)
	notes.SetText(iv.Notes)
	names := []string{"Nobody named"}
	for _, c := range j.data.Board.Contacts {
		names = append(names, c.Name)
	}
	who := widgets.NewChoice(names, nil)
	who.SetSelected(names[0])
	for _, c := range j.data.Board.Contacts {
		if iv.ContactID != nil && c.ID == *iv.ContactID {
			who.SetSelected(c.Name)
		}
	}
	items := []*widget.FormItem{{Text: "Day", Widget: date, HintText: date.Hint()}, {Text: "At", Widget: at, HintText: "24-hour time, such as 14:30"},
		{Text: "Minutes", Widget: minutes}, {Text: "Place", Widget: place, HintText: "An address, or leave it for a call"},
		{Text: "Link", Widget: link, HintText: "The video call's address"}, widget.NewFormItem("With", who), widget.NewFormItem("Notes", notes)}
	var extra fyne.CanvasObject
	if iv.ID != 0 {
		extra = deleteButton(j.win, "Delete interview…", "Delete the interview?", "Delete this interview?", "delete the interview",
			func() error { return j.store.DeleteInterview(iv.ID) }, j.report, func() { j.editor.hide(); j.closeParent(parent) })
	}
	j.editor = showFormDialog(j.win, "Interview · "+a.Company, "Save", items, extra, func() error {
		after, err := j.readInterview(iv, date, at.Text, minutes.Text, who.Selected)
		if err != nil {
			return err
		}
		after.Place, after.Link, after.Notes = strings.TrimSpace(place.Text), strings.TrimSpace(link.Text), notes.Text
		if _, err := j.store.SaveInterview(iv, after); err != nil {
			return err
		}
		j.closeParent(parent)
		return nil
	})
}

// closeParent closes the application's form under a sub-form that
// changed what it shows, and reloads.
func (j *jobSearch) closeParent(parent *formDialog) {
	if parent != nil {
		parent.hide()
	}
	j.reload()
}

func (j *jobSearch) readInterview(iv jobsearch.Interview, date *widgets.DateField, at, minutes, who string) (jobsearch.Interview, error) {
	if date.Date == nil {
		return iv, errors.New("choose the interview's day")
	}
	clock, err := plan.ParseClock(at)
	if err != nil {
		return iv, err
	}
	t, _ := time.Parse("15:04", clock)
	iv.Start = date.Date.Add(time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute)
	if iv.Minutes, err = strconv.Atoi(strings.TrimSpace(minutes)); err != nil {
		return iv, fmt.Errorf("%q is not a number of minutes; write digits only, such as 45", minutes)
	}
	iv.ContactID = nil
	for _, c := range j.data.Board.Contacts {
		if c.Name == who {
			id := c.ID
			iv.ContactID = &id
		}
	}
	return iv, jobsearch.ValidateInterview(iv)
}

// showContacts lists the contacts, each opening its form.
func (j *jobSearch) showContacts() {
	j.contacts.Objects = nil
	if len(j.data.Board.Contacts) == 0 {
		j.contacts.Add(wrappedLabel("No contacts yet."))
	}
	for _, c := range j.data.Board.Contacts {
		c := c
		text := c.Name + suffix(" · ", c.Role) + suffix(" · ", c.Company) + suffix(" · ", c.Email)
		b := widget.NewButtonWithIcon(text, theme.AccountIcon(), func() { j.editContact(c) })
		b.Alignment = widget.ButtonAlignLeading
		j.contacts.Add(b)
	}
	j.contacts.Refresh()
}

// editContact opens a contact's form (a new one when c.ID is 0).
func (j *jobSearch) editContact(c jobsearch.Contact) {
	name, role, email := widgets.NewTextField(plan.MaxNameLen), widgets.NewTextField(plan.MaxNameLen), widgets.NewTextField(plan.MaxNameLen)
	link := widgets.NewTextField(plan.MaxTextLen)
	var companies []string
	seen := map[string]bool{}
	for _, a := range j.data.Board.Applications {
		if !seen[a.Company] {
			seen[a.Company] = true
			companies = append(companies, a.Company)
		}
	}
	company := widget.NewSelectEntry(companies)
	notes := widgets.NewMultiLineTextField(notesFieldLen)
	name.SetText(c.Name)
	name.Validator = requiredText("name")
	role.SetText(c.Role)
	company.SetText(c.Company)
	email.SetText(c.Email)
	link.SetText(c.Link)
	link.SetPlaceHolder("https://")
	notes.SetText(c.Notes)
	items := []*widget.FormItem{widget.NewFormItem("Name", name), widget.NewFormItem("Role", role),
		{Text: "Company", Widget: company, HintText: "Pick one you applied to, or write another"},
		widget.NewFormItem("Email", email), {Text: "Link", Widget: link, HintText: "A profile page, say"}, widget.NewFormItem("Notes", notes)}
	var extra fyne.CanvasObject
	title := "Add contact"
	if c.ID != 0 {
		title = c.Name
		extra = deleteButton(j.win, "Delete contact…", "Delete the contact?", fmt.Sprintf("Delete %s? Interviews with them stay.", c.Name),
			"delete the contact", func() error { return j.store.DeleteContact(c.ID) }, j.report, func() { j.editor.hide(); j.reload() })
	}
	j.editor = showFormDialog(j.win, title, "Save", items, extra, func() error {
		after := jobsearch.Contact{ID: c.ID, Name: strings.TrimSpace(name.Text), Role: strings.TrimSpace(role.Text),
			Company: strings.TrimSpace(company.Text), Email: strings.TrimSpace(email.Text), Link: strings.TrimSpace(link.Text), Notes: notes.Text}
		if _, err := j.store.SaveContact(c, after); err != nil {
			return err
		}
		j.reload()
		return nil
	})
}
