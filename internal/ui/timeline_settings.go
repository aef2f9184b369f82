package ui

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

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
	t             *timeline
	fields        *planFields
	weekStart     *widgets.Choice
	streak        *widgets.TextField
	studyTime     *widgets.TextField
	studyTimeItem *widget.FormItem
	form          *widget.Form
	problem       *widget.Label
	saved         *widget.Label // what the last save did, until the next edit
	filling       bool          // show is filling the form: not an edit
	daysOff       *daysOffList
	offDate       *widgets.DateField
	offNote       *widgets.TextField
	current       plan.Settings
	root          fyne.CanvasObject
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
	// Under the button, at its end, so the learner finds it where they
	// just clicked.
	p.saved = widget.NewLabel("")
	p.saved.Wrapping = fyne.TextWrapWord
	p.saved.Alignment = fyne.TextAlignTrailing
	p.saved.Hide()
	p.studyTimeItem = &widget.FormItem{Text: "Study time", Widget: p.studyTime,
		HintText: "When the exported calendar puts your study; empty: the reminder time"}
	p.form = &widget.Form{
		Items: append(p.fields.items(),
			&widget.FormItem{Text: "Weeks start on", Widget: p.weekStart},
			&widget.FormItem{Text: "Streak day", Widget: p.streak, HintText: "Minutes of study that make a day count for your streak"},
			p.studyTimeItem,
		),
		SubmitText: "Save plan",
		OnSubmit:   p.save,
	}
	p.onEdit(p.saved.Hide)

	p.daysOff = newDaysOffList(t)
	p.offDate = newDateField(localWeekStart(), true)
	p.offNote = widgets.NewTextField(plan.MaxNameLen)
	p.offNote.SetPlaceHolder("Note, e.g. Holiday")
	addOff := widget.NewButtonWithIcon("Add day off", theme.ContentAddIcon(), p.addDayOff)
	importOff := widget.NewButtonWithIcon("Import holidays (.ics)…", theme.FolderOpenIcon(), p.daysOff.importHolidays)
	exportICS := widget.NewButtonWithIcon("Export plan to calendar (.ics)…", theme.DocumentSaveIcon(), p.exportCalendar)

	offForm := container.NewBorder(nil, nil, nil, addOff, container.NewGridWithColumns(2, p.offDate, p.offNote))
	p.root = container.NewVScroll(container.NewVBox(
		widget.NewCard("Plan", "", container.NewVBox(p.form, p.problem, p.saved)),
		widget.NewCard("Days off", "Holidays and other days the plan leaves free", container.NewVBox(p.daysOff.root, offForm, container.NewHBox(importOff))),
		widget.NewCard("Calendar", "For your calendar app", container.NewVBox(
			wrapped("Each planned day becomes an event at your study time, as long as the work planned, with a reminder 10 minutes before; "+
				"your logged sessions become past events. Export again to update them. Reminders while the app runs are in Settings."),
			container.NewHBox(exportICS))),
	))
	return p
}

// onEdit calls fn when the learner changes any field of the plan form, and
// not when show fills it.
func (p *planSettingsTab) onEdit(fn func()) {
	edited := func() {
		if !p.filling {
			fn()
		}
	}
	for _, f := range []*widgets.TextField{p.fields.hours, p.streak, p.studyTime} {
		f.OnChanged = func(string) { edited() }
	}
	for _, c := range []*widgets.Choice{p.fields.months, p.weekStart} {
		c.OnChanged = func(string) { edited() }
	}
	p.fields.days.OnChanged = func([]string) { edited() }
	// The date field reads its text on each change; hear it after that.
	readDate := p.fields.start.Entry.OnChanged
	p.fields.start.Entry.OnChanged = func(s string) {
		readDate(s)
		edited()
	}
}

func (p *planSettingsTab) show(s plan.Settings) {
	p.filling = true
	defer func() { p.filling = false }()
	p.current = s
	p.fields.show(s)
	p.offDate.SetWeekStart(s.WeekStart)
	p.weekStart.SetSelected(labelOfWeekday(s.WeekStart))
	p.streak.SetText(strconv.Itoa(s.MinStreakMinutes))
	p.studyTime.SetText(s.StudyTime)
	// The time used when the field is empty goes in the hint: grey text
	// inside a field reads as a value already set.
	p.studyTimeItem.HintText = "When the exported calendar puts your study, 24-hour HH:MM; empty: " + s.StudyAt(reminderTime()) + ", your reminder time"
	p.form.Refresh()
	p.showDaysOff()
}

func (p *planSettingsTab) showDaysOff() {
	p.daysOff.show(p.current.DaysOff)
	p.root.Refresh()
}

// save stores the form and says so under it, or says that nothing
// changed; anything wrong is said under it and nothing is stored.
func (p *planSettingsTab) save() {
	s, problems := p.read()
	unchanged := len(problems) == 0 && sameForm(p.current, s)
	if len(problems) == 0 && !unchanged {
		if err := p.t.store.UpdateSettings(p.current, s); err != nil {
			problems = append(problems, err.Error())
		}
	}
	if len(problems) > 0 {
		p.saved.Hide()
		p.problem.SetText(sentence(strings.Join(problems, "; ")))
		p.problem.Show()
		return
	}
	p.problem.Hide()
	if unchanged {
		p.confirm("Nothing to save: the plan is as you set it.", widget.MediumImportance)
		return
	}
	before := p.current
	p.t.reload()
	p.confirm(savedText(before, s, reminderTime()), widget.SuccessImportance)
}

// read is the settings as the form has them, or what is wrong with it.
func (p *planSettingsTab) read() (plan.Settings, []string) {
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
	return s, problems
}

// confirm says what a save did, under the button, until the next edit.
func (p *planSettingsTab) confirm(text string, importance widget.Importance) {
	p.saved.Importance = importance
	p.saved.SetText(text)
	p.saved.Show()
}

// sameForm reports whether a and b agree on everything the plan form sets.
// (Days off are kept apart, in their own list.)
func sameForm(a, b plan.Settings) bool {
	return a.StartDate.Equal(b.StartDate) && a.HorizonMonths == b.HorizonMonths && a.HoursPerWeek == b.HoursPerWeek &&
		a.StudyDays == b.StudyDays && a.WeekStart == b.WeekStart && a.MinStreakMinutes == b.MinStreakMinutes && a.StudyTime == b.StudyTime
}

// savedText says what a save stored, the plan in brief, and what follows
// from what changed: "Saved: 10 h a week, 9 months, Mon–Fri. The calendar
// is re-planned."
func savedText(before, after plan.Settings, reminder string) string {
	text := fmt.Sprintf("Saved: %s, %s, %s.", weeklyHours(after.HoursPerWeek), monthsLabel(after.HorizonMonths), studyDaysText(after.StudyDays, after.WeekStart))
	if !after.StartDate.Equal(before.StartDate) || after.HorizonMonths != before.HorizonMonths || after.HoursPerWeek != before.HoursPerWeek ||
		after.StudyDays != before.StudyDays || after.WeekStart != before.WeekStart {
		text += " The calendar is re-planned."
	}
	if after.MinStreakMinutes != before.MinStreakMinutes {
		text += " A day now counts for your streak with " + plan.FormatMinutes(after.MinStreakMinutes) + " of study."
	}
	if after.StudyTime != before.StudyTime {
		text += " The exported calendar puts your study at " + after.StudyAt(reminder) + "."
	}
	return text
}

// studyDaysText writes study days in the order of the week, three or more
// days in a row as a span: "Mon–Fri", "Mon, Wed, Fri–Sun", "every day".
func studyDaysText(days [7]bool, weekStart time.Weekday) string {
	var parts []string
	for i := 0; i < 7; {
		if !days[(int(weekStart)+i)%7] {
			i++
			continue
		}
		run := 1
		for i+run < 7 && days[(int(weekStart)+i+run)%7] {
			run++
		}
		first, last := labelOfWeekday(time.Weekday((int(weekStart)+i)%7)), labelOfWeekday(time.Weekday((int(weekStart)+i+run-1)%7))
		switch {
		case run == 7:
			return "every day"
		case run >= 3:
			parts = append(parts, first+"–"+last)
		default:
			for j := 0; j < run; j++ {
				parts = append(parts, labelOfWeekday(time.Weekday((int(weekStart)+i+j)%7)))
			}
		}
		i += run
	}
	return strings.Join(parts, ", ")
}

func (p *planSettingsTab) addDayOff() {
	if p.offDate.Date == nil {
		p.saved.Hide()
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
