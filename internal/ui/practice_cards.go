package ui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/practice"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

const allTopics = "All topics"

// cardBank is the Cards tab: every card, found by words or topic, each
// opened in the editor.
type cardBank struct {
	p      *practiceScreen
	search *widget.Entry
	topic  *widgets.Choice
	count  *widget.Label
	list   *widget.List
	shown  []practice.Card
	editor *formDialog // the editor last opened
	root   fyne.CanvasObject
}

func newCardBank(p *practiceScreen) *cardBank {
	b := &cardBank{p: p, search: widget.NewEntry(), count: caption("")}
	b.search.SetPlaceHolder("Find a question…")
	b.search.OnChanged = func(string) { b.filter() }
	b.topic = widgets.NewChoice(nil, func(string) { b.filter() })
	b.list = widget.NewList(func() int { return len(b.shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil, caption(""), l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			c := b.shown[id]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(strings.Join(strings.Fields(c.Front), " "))
			row.Objects[1].(*widget.Label).SetText(cardState(c, b.p.now()))
		})
	b.list.OnSelected = func(id widget.ListItemID) {
		b.list.UnselectAll()
		if id < len(b.shown) {
			b.edit(b.shown[id])
		}
	}
	add := widget.NewButtonWithIcon("Add card", theme.ContentAddIcon(), func() { b.edit(practice.Card{}) })
	in := widget.NewButtonWithIcon("Import…", theme.DownloadIcon(), func() {
		chooseFile(p.win, "Anki file", cardFiles, b.importFile)
	})
	out := widget.NewButtonWithIcon("Export…", theme.UploadIcon(), b.exportFile)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(add, in, out), b.search),
		container.NewBorder(nil, nil, widget.NewLabel("Topic"), b.count, b.topic),
	)
	b.root = container.NewBorder(container.NewPadded(top), nil, nil, nil, b.list)
	return b
}

func cardState(c practice.Card, now time.Time) string {
	s := c.Topic.Name()
	switch {
	case c.Suspended:
		s += " · suspended"
	case c.Schedule.State == practice.StateNew:
		s += " · new"
	default:
		s += " · due " + dayMonth(c.Schedule.Due.Local(), now)
	}
	return s
}

func (b *cardBank) show() {
	topics := []string{allTopics}
	seen := map[practice.Topic]bool{}
	for _, st := range b.p.day.Strength {
		seen[st.Topic] = true
		topics = append(topics, st.Topic.Name())
	}
	for _, c := range b.p.day.Cards {
		if !seen[c.Topic] {
			seen[c.Topic] = true
			topics = append(topics, c.Topic.Name())
		}
	}
	b.topic.Options = topics
	if b.topic.Selected == "" {
		b.topic.SetSelected(allTopics)
	}
	b.filter()
}

func (b *cardBank) filter() {
	words := strings.ToLower(strings.TrimSpace(b.search.Text))
	b.shown = b.shown[:0]
	for _, c := range b.p.day.Cards {
		if b.topic.Selected != "" && b.topic.Selected != allTopics && c.Topic.Name() != b.topic.Selected {
			continue
		}
		if words != "" && !strings.Contains(strings.ToLower(c.Front+" "+c.Back+" "+strings.Join(c.Tags, " ")), words) {
			continue
		}
		b.shown = append(b.shown, c)
	}
	b.count.SetText(plural(len(b.shown), "1 card", fmt.Sprintf("%d cards", len(b.shown))))
	b.list.Refresh()
}

// cardFields are the card editor's fields.
type cardFields struct {
	front, back, topic, tags, skills *widgets.TextField
	// application is chosen from the job search's applications by
	// company and role; appIDs are the IDs behind its options.
	application *widgets.Choice
	appIDs      map[string]uint
	suspended   *widget.Check
}

// noApplication is the card editor's choice of no application.
const noApplication = "None"

func newCardFields(c practice.Card, apps []jobsearch.Application) *cardFields {
	f := &cardFields{front: widgets.NewMultiLineTextField(plan.MaxTextLen), back: widgets.NewMultiLineTextField(plan.MaxNotesLen),
		topic: widgets.NewTextField(plan.MaxNameLen), tags: widgets.NewTextField(plan.MaxTextLen),
		skills: widgets.NewTextField(plan.MaxTextLen), appIDs: map[string]uint{},
		suspended: widget.NewCheck("Suspended (left out of reviews)", nil)}
	f.front.SetMinRowsVisible(2)
	f.front.SetText(c.Front)
	f.front.Validator = requiredText("the question")
	f.back.SetMinRowsVisible(5)
	f.back.SetText(c.Back)
	f.topic.SetText(string(c.Topic))
	f.topic.SetPlaceHolder("e.g. databases-sql")
	f.topic.Validator = func(s string) error { return practice.ValidateTag("topic", strings.TrimSpace(s)) }
	f.tags.SetText(strings.Join(c.Tags, " "))
	f.tags.SetPlaceHolder("separated by spaces")
	f.tags.Validator = func(s string) error {
		for _, t := range practice.ParseTags(s) {
			if err := practice.ValidateTag("tag", t); err != nil {
				return err
			}
		}
		return nil
	}
	f.skills.SetText(strings.Join(c.Skills, ", "))
	f.skills.SetPlaceHolder("skill names, separated by commas")
	options := []string{noApplication}
	selected := noApplication
	for _, a := range apps {
		label := applicationLabel(a, f.appIDs)
		f.appIDs[label] = a.ID
		options = append(options, label)
		if c.ApplicationID != nil && *c.ApplicationID == a.ID {
			selected = label
		}
	}
	if c.ApplicationID != nil && selected == noApplication {
		// Kept as it is unless another is chosen.
		selected = "An application since deleted"
		f.appIDs[selected] = *c.ApplicationID
		options = append(options, selected)
	}
	f.application = widgets.NewChoice(options, nil)
	f.application.SetSelected(selected)
	f.suspended.SetChecked(c.Suspended)
	return f
}

func (f *cardFields) items() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem("Question", f.front),
		{Text: "Answer", Widget: f.back, HintText: "Markdown: **bold**, `code`, - lists"},
		widget.NewFormItem("Topic", f.topic),
		widget.NewFormItem("Tags", f.tags),
		widget.NewFormItem("Skills", f.skills),
		{Text: "Application", Widget: f.application, HintText: "A question for that company's interviews (Job search)"},
		widget.NewFormItem("", f.suspended),
	}
}

func (f *cardFields) edited(c practice.Card) (practice.Card, error) {
	c.Front = strings.TrimSpace(f.front.Text)
	c.Back = f.back.Text
	c.Topic = practice.Topic(strings.TrimSpace(f.topic.Text))
	c.Tags = practice.ParseTags(f.tags.Text)
	c.Skills = nil
	for _, s := range strings.Split(f.skills.Text, ",") {
		if s = strings.TrimSpace(s); s != "" {
			c.Skills = append(c.Skills, s)
		}
	}
	c.ApplicationID = nil
	if id, ok := f.appIDs[f.application.Selected]; ok {
		c.ApplicationID = &id
	}
	c.Suspended = f.suspended.Checked
	return c, c.Validate()
}

// applicationLabel names an application by company and role; a second
// of the same name gets its number of order, as the labels so far hold.
func applicationLabel(a jobsearch.Application, taken map[string]uint) string {
	label := a.Company + " · " + a.Role
	free := label
	for n := 2; ; n++ {
		if _, ok := taken[free]; !ok {
			return free
		}
		free = fmt.Sprintf("%s (%d)", label, n)
	}
}

// edit opens the card editor; a card with ID 0 is new.
func (b *cardBank) edit(c practice.Card) {
	f := newCardFields(c, b.p.board.Applications)
	title := "Add a card"
	var extra fyne.CanvasObject
	var form *formDialog
	if c.ID != 0 {
		title = "Edit card"
		extra = deleteButton(b.p.win, "Delete…", "Delete card?", "Delete this card and its review history?", "delete the card",
			func() error { return b.p.store.DeleteCard(c.ID) }, b.p.report, func() { form.hide(); b.p.reload() })
	}
	form = showFormDialog(b.p.win, title, "Save", f.items(), extra, func() error {
		after, err := f.edited(c)
		if err != nil {
			return err
		}
		if c.ID == 0 {
			_, err = b.p.store.AddCard(after)
		} else {
			err = b.p.store.UpdateCard(c, after)
		}
		if err != nil {
			return err
		}
		b.p.reload()
		return nil
	})
	b.editor = form
}

// cardFiles are what the card import lists: Anki's plain-text exports.
var cardFiles = []string{".tsv", ".txt", ".csv"}

// importFile adds the cards of an Anki-friendly TSV file (front, back,
// tags), leaving out questions already there; a bad file changes nothing.
func (b *cardBank) importFile(path string) {
	f, err := os.Open(path)
	if err != nil {
		b.p.report("open the file", err)
		return
	}
	defer f.Close()
	added, skipped, err := app.ImportCardsFrom(b.p.store, f)
	if err != nil {
		showError(b.p.win, "import "+filepath.Base(path), fmt.Errorf("%w\n\nNothing was changed", err))
		return
	}
	b.p.reload()
	msg := fmt.Sprintf("Added %s from %s.", plural(added, "1 card", fmt.Sprintf("%d cards", added)), filepath.Base(path))
	if skipped > 0 {
		msg += fmt.Sprintf(" %s already there.", plural(skipped, "1 question was", fmt.Sprintf("%d questions were", skipped)))
	}
	showInformation("Cards imported", msg, b.p.win)
}

// exportFile saves every card as an Anki-friendly TSV file.
func (b *cardBank) exportFile() {
	var buf bytes.Buffer
	if _, err := app.ExportCardsTo(b.p.store, &buf); err != nil {
		b.p.report("export the cards", err)
		return
	}
	saveFile(b.p.win, "cards", "study-planner-cards-"+b.p.now().Format(time.DateOnly)+".tsv", buf.Bytes())
}
