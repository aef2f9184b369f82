package ui

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// planSettingsTab edits what shapes the plan: dates, hours, study days,
// days off, and the reminder.
type planSettingsTab struct {
	t         *timeline
	fields    *planFields
	weekStart *widgets.Choice
	streak    *widgets.TextField
	studyTime *widgets.TextField
	form      *widget.Form
	problem   *widget.Label
	daysOff   *daysOffList
	offDate   *widgets.DateField
	offNote   *widgets.TextField
	current   plan.Settings
	root      fyne.CanvasObject
}

func newPlanSettingsTab(t *timeline) *planSettingsTab {
	p := &planSettingsTab{t: t, fields: newPlanFields()}
	p.weekStart = widgets.NewChoice([]string{"Mon", "Sun", "Sat"}, nil)
	p.streak = widgets.NewTextField(numberLen)
	p.streak.Validator = func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > plan.MaxSessionMinutes {
			return fmt.Errorf("1 to %d minutes", plan.MaxSessionMinutes)
		}
		return nil
	}
	p.studyTime = widgets.NewTextField(5)
	p.studyTime.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		if _, err := plan.ParseClock(s); err != nil {
			return errors.New("a time of day, 24-hour HH:MM, or empty")
		}
		return nil
	}
	p.problem = widget.NewLabel("")
	p.problem.Importance = widget.DangerImportance
	p.problem.Wrapping = fyne.TextWrapWord
	p.problem.Hide()
	p.form = &widget.Form{
		Items: append(p.fields.items(),
			&widget.FormItem{Text: "Weeks start on", Widget: p.weekStart},
			&widget.FormItem{Text: "Streak day", Widget: p.streak, HintText: "Minutes of study that make a day count for your streak"},
			&widget.FormItem{Text: "Study time", Widget: p.studyTime,
				HintText: "When the exported calendar puts your study; empty: the reminder time"},
		),
		SubmitText: "Save plan",
		OnSubmit:   p.save,
	}

	p.daysOff = newDaysOffList(t)
	p.offDate = newDateField(localWeekStart(), true)
	p.offNote = widgets.NewTextField(plan.MaxNameLen)
	p.offNote.SetPlaceHolder("Note, e.g. Holiday")
	addOff := widget.NewButtonWithIcon("Add day off", theme.ContentAddIcon(), p.addDayOff)
	importOff := widget.NewButtonWithIcon("Import holidays (.ics)…", theme.FolderOpenIcon(), p.daysOff.importHolidays)
	exportICS := widget.NewButtonWithIcon("Export plan to calendar (.ics)…", theme.DocumentSaveIcon(), p.exportCalendar)

	offForm := container.NewBorder(nil, nil, nil, addOff, container.NewGridWithColumns(2, p.offDate, p.offNote))
	p.root = container.NewVScroll(container.NewVBox(
		widget.NewCard("Plan", "", container.NewVBox(p.form, p.problem)),
		widget.NewCard("Days off", "Holidays and other days the plan leaves free", container.NewVBox(p.daysOff.root, offForm, container.NewHBox(importOff))),
		widget.NewCard("Calendar", "For your calendar app", container.NewVBox(
			wrapped("Each planned day becomes an event at your study time, as long as the work planned, with a reminder 10 minutes before; "+
				"your logged sessions become past events. Export again to update them. Reminders while the app runs are in Settings."),
			container.NewHBox(exportICS))),
	))
	return p
}

func (p *planSettingsTab) show(s plan.Settings) {
	p.current = s
	p.fields.show(s)
	p.offDate.SetWeekStart(s.WeekStart)
	p.weekStart.SetSelected(labelOfWeekday(s.WeekStart))
	p.streak.SetText(strconv.Itoa(s.MinStreakMinutes))
	p.studyTime.SetText(s.StudyTime)
	p.studyTime.SetPlaceHolder(s.StudyAt(reminderTime()))
	p.showDaysOff()
}

func (p *planSettingsTab) showDaysOff() {
	p.daysOff.show(p.current.DaysOff)
	p.root.Refresh()
}

// save stores the form; anything wrong is said under it and nothing is
// stored.
func (p *planSettingsTab) save() {
	s := p.current
	var problems []string
	if err := p.fields.apply(&s); err != nil {
		problems = append(problems, err.Error())
	}
	s.WeekStart = weekdayOfLabel(p.weekStart.Selected)
	if n, err := strconv.Atoi(strings.TrimSpace(p.streak.Text)); err == nil {
		s.MinStreakMinutes = n
	}
	if at := strings.TrimSpace(p.studyTime.Text); at == "" {
		s.StudyTime = ""
	} else if clock, err := plan.ParseClock(at); err != nil {
		problems = append(problems, "Study time: "+err.Error())
	} else {
		s.StudyTime = clock
	}
	if len(problems) == 0 {
		if err := s.Validate(); err != nil {
			problems = append(problems, err.Error())
		}
	}
	if len(problems) == 0 {
		if err := p.t.store.UpdateSettings(p.current, s); err != nil {
			problems = append(problems, err.Error())
		}
	}
	if len(problems) > 0 {
		p.problem.SetText(sentence(strings.Join(problems, "; ")))
		p.problem.Show()
		return
	}
	p.problem.Hide()
	p.t.reload()
}

func (p *planSettingsTab) addDayOff() {
	if p.offDate.Date == nil {
		p.problem.SetText("Type the day off (" + dateOrder.Example() + ") or pick it from the calendar button beside it.")
		p.problem.Show()
		return
	}
	if err := p.t.store.AddDaysOff([]plan.DayOff{{Date: plan.Date(*p.offDate.Date), Note: strings.TrimSpace(p.offNote.Text)}}); err != nil {
		p.t.report("add the day off", err)
		return
	}
	p.offDate.SetDate(nil)
	p.offNote.SetText("")
	p.problem.Hide()
	p.t.reload()
}

func (p *planSettingsTab) exportCalendar() {
	inBackground(p.t.win, "Exporting the calendar…", func() func() {
		var buf bytes.Buffer
		err := p.writeCalendar(&buf)
		return func() {
			if err != nil {
				showError(p.t.win, "export the calendar", err)
				return
			}
			saveFile(p.t.win, "calendar", "study-plan.ics", buf.Bytes())
		}
	})
}

// writeCalendar writes the plan as a calendar, at the plan's study time or,
// without one, at this computer's reminder time.
func (p *planSettingsTab) writeCalendar(w io.Writer) error {
	return app.WriteCalendar(p.t.store, w, p.t.now(), reminderTime())
}
