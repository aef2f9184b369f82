package ui

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

const noChoice = "(none)"

// choices lists names for a Select, "(none)" first, and maps them back.
func choices(byID map[uint]string) ([]string, map[string]uint) {
	names := make([]string, 0, len(byID)+1)
	ids := map[string]uint{noChoice: 0}
	for id, n := range byID {
		names = append(names, n)
		ids[n] = id
	}
	sort.Strings(names)
	return append([]string{noChoice}, names...), ids
}

// sessionFields are the session form's fields.
type sessionFields struct {
	date              *widgets.DateField
	start, minutes    *widgets.TextField
	skill, step       *widgets.Choice
	notes             *widgets.TextField
	skillIDs, stepIDs map[string]uint
}

// editSession opens the session form; a session without an ID is new.
func (t *timeline) editSession(s plan.Session) {
	isNew := s.ID == 0
	if s.Date.IsZero() {
		s.Date = plan.Date(t.now())
	}
	if isNew && s.SkillID == 0 && s.StepID == 0 {
		s.SkillID, s.StepID = t.plannedWork(s.Date)
	}
	f := t.newSessionFields(s)
	title := "Log a study session"
	if !isNew {
		title = "Edit session"
	}
	t.sessionForm = showFormDialog(t.win, title, "Save", f.items(), nil, func() error { return t.saveSession(s, f) })
	t.win.Canvas().Focus(f.minutes)
}

// plannedWork is what most sessions are for: the first work planned on
// the day, a skill or else a step.
func (t *timeline) plannedWork(day time.Time) (skillID, stepID uint) {
	items := t.forecast.Days[plan.Date(day)]
	if len(items) == 0 {
		return 0, 0
	}
	if items[0].SkillID != 0 {
		return items[0].SkillID, 0
	}
	return 0, items[0].StepID
}

// plannedMinutes is what the plan gives the session's work on its day,
// or an hour when nothing is planned for it.
func (t *timeline) plannedMinutes(s plan.Session) int {
	for _, it := range t.forecast.Days[plan.Date(s.Date)] {
		if (s.SkillID != 0 && it.SkillID == s.SkillID) || (s.SkillID == 0 && s.StepID != 0 && it.SkillID == 0 && it.StepID == s.StepID) {
			return max(1, min(plan.MaxSessionMinutes, int(math.Round(it.Hours*60))))
		}
	}
	return 60
}

func (t *timeline) newSessionFields(s plan.Session) *sessionFields {
	f := &sessionFields{date: newDateField(t.p.Settings.WeekStart, false), start: widgets.NewTextField(5), minutes: widgets.NewTextField(numberLen), notes: widgets.NewTextField(plan.MaxTextLen)}
	d := s.Date
	f.date.SetDate(&d)
	f.start.SetPlaceHolder("HH:MM (optional)")
	f.start.SetText(s.Start)
	f.start.Validator = validateStartTime
	if s.Minutes > 0 {
		f.minutes.SetText(strconv.Itoa(s.Minutes))
	}
	if s.Minutes == 0 {
		// A new session starts at the day's planned time left on its work:
		// a real value, not a grey example that looks like one.
		f.minutes.SetText(strconv.Itoa(t.plannedMinutes(s)))
	}
	f.minutes.Validator = func(v string) error {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 1 || n > plan.MaxSessionMinutes {
			return fmt.Errorf("enter the minutes studied, 1 to %d", plan.MaxSessionMinutes)
		}
		return nil
	}
	var skillNames, stepNames []string
	offered := maps.Clone(t.offered)
	if s.SkillID != 0 { // a session on a skill set aside since keeps it
		offered[s.SkillID] = t.skills[s.SkillID]
	}
	skillNames, f.skillIDs = choices(offered)
	f.skill = widgets.NewChoice(skillNames, nil)
	f.skill.SetSelected(nameOr(t.skills[s.SkillID]))
	stepNames, f.stepIDs = choices(t.steps)
	f.step = widgets.NewChoice(stepNames, nil)
	f.step.SetSelected(nameOr(t.steps[s.StepID]))
	// A session counts towards one thing, a skill or a step's own work, so
	// its time is not taken off the plan twice.
	f.skill.OnChanged = func(v string) {
		if v != noChoice {
			f.step.SetSelected(noChoice)
		}
	}
	f.step.OnChanged = func(v string) {
		if v != noChoice {
			f.skill.SetSelected(noChoice)
		}
	}
	f.notes.SetText(s.Notes)
	f.notes.SetPlaceHolder("What you did, what to pick up next time")
	return f
}

func validateStartTime(v string) error {
	if strings.TrimSpace(v) == "" {
		return nil
	}
	if _, err := time.Parse("15:04", strings.TrimSpace(v)); err != nil {
		return errors.New("write the time as 24-hour HH:MM, like 18:30")
	}
	return nil
}

func (f *sessionFields) items() []*widget.FormItem {
	return []*widget.FormItem{
		{Text: "Date", Widget: f.date, HintText: f.date.Hint()},
		widget.NewFormItem("Started", f.start),
		{Text: "Minutes", Widget: f.minutes, HintText: "Whole minutes, 1 to 1,440"},
		widget.NewFormItem("Skill", f.skill),
		widget.NewFormItem("Roadmap step", f.step),
		widget.NewFormItem("Notes", f.notes),
	}
}

// saveSession stores the session as the form says: a new one, or what
// changed of s.
func (t *timeline) saveSession(s plan.Session, f *sessionFields) error {
	if f.date.Date == nil {
		return errors.New("type or pick the session's date")
	}
	n, _ := strconv.Atoi(strings.TrimSpace(f.minutes.Text))
	edited := plan.Session{ID: s.ID, Date: plan.Date(*f.date.Date), Start: strings.TrimSpace(f.start.Text), Minutes: n,
		SkillID: f.skillIDs[f.skill.Selected], StepID: f.stepIDs[f.step.Selected], Notes: f.notes.Text}
	var err error
	if s.ID == 0 {
		_, err = t.store.LogSession(edited)
	} else {
		err = t.store.UpdateSession(s, edited)
	}
	if err != nil {
		return err
	}
	t.selected = edited.Date
	t.month = firstOfMonth(edited.Date)
	t.reload()
	return nil
}

func nameOr(name string) string {
	if name == "" {
		return noChoice
	}
	return name
}

// timerPanel times a session as it happens and logs it when stopped.
type timerPanel struct {
	t       *timeline
	skill   *widgets.Choice
	cycle   *widget.Check
	clock   *widget.Label
	phase   *widget.Label
	button  *widget.Button
	running *plan.StudyTimer
	stop    chan struct{}
	skills  map[string]uint
	root    fyne.CanvasObject
}

func newTimerPanel(t *timeline) *timerPanel {
	p := &timerPanel{t: t}
	p.skill = widgets.NewChoice(nil, nil)
	p.skill.PlaceHolder = "Skill to study"
	p.cycle = widget.NewCheck("25/5 focus cycle", nil)
	p.clock = widget.NewLabelWithStyle("00:00", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	p.clock.SizeName = theme.SizeNameHeadingText
	p.phase = widget.NewLabel("")
	p.button = widget.NewButtonWithIcon("Start timer", theme.MediaPlayIcon(), p.toggle)
	p.root = widget.NewCard("Study timer", "", container.NewVBox(p.skill, p.cycle, container.NewHBox(p.clock, p.phase), p.button))
	return p
}

func (p *timerPanel) setChoices() {
	var names []string
	names, p.skills = choices(p.t.offered)
	p.skill.Options = names
	p.skill.Refresh()
}

// startOn starts the timer on a skill (0 for none), unless it runs
// already: a running session is not cut short by another click.
func (p *timerPanel) startOn(skillID uint) {
	if p.running != nil {
		return
	}
	p.skill.SetSelected(nameOr(p.t.skills[skillID]))
	p.start()
}

// Running reports whether the timer is on, for the tray and shortcuts.
func (p *timerPanel) Running() bool { return p.running != nil }

func (p *timerPanel) toggle() {
	if p.running == nil {
		p.start()
	} else {
		p.finish()
	}
}

func (p *timerPanel) start() {
	p.running = &plan.StudyTimer{Started: p.t.now(), Cycle: p.cycle.Checked}
	p.cycle.Disable()
	p.button.SetText("Stop and log")
	p.button.SetIcon(theme.MediaStopIcon())
	p.stop = make(chan struct{})
	go func(stop chan struct{}) {
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				fyne.Do(p.tick)
			}
		}
	}(p.stop)
	p.tick()
}

func (p *timerPanel) tick() {
	if p.running == nil {
		return
	}
	now := p.t.now()
	e := p.running.Elapsed(now)
	p.clock.SetText(fmt.Sprintf("%02d:%02d", int(e.Minutes()), int(e.Seconds())%60))
	if onBreak, left := p.running.Phase(now); p.running.Cycle {
		phase := "Focus"
		if onBreak {
			phase = "Break"
		}
		p.phase.SetText(fmt.Sprintf("%s · %d min left", phase, int(left.Minutes()+0.999)))
	} else {
		p.phase.SetText("")
	}
}

// finish stops the timer and logs the study time, if a minute or more.
func (p *timerPanel) finish() {
	now := p.t.now()
	timer := *p.running
	close(p.stop)
	p.running = nil
	p.cycle.Enable()
	p.button.SetText("Start timer")
	p.button.SetIcon(theme.MediaPlayIcon())
	p.clock.SetText("00:00")
	p.phase.SetText("")
	minutes := timer.StudyMinutes(now)
	if minutes < 1 {
		p.phase.SetText("Under a minute: not logged.")
		return
	}
	sess := plan.Session{Date: plan.Date(timer.Started), Start: timer.Started.Format("15:04"), Minutes: minutes,
		SkillID: p.skills[p.skill.Selected], Notes: "Timed"}
	if _, err := p.t.store.LogSession(sess); err != nil {
		p.t.report("log the timed session", err)
		return
	}
	p.phase.SetText(fmt.Sprintf("Logged %s.", plan.FormatMinutes(minutes)))
	p.t.reload()
}
