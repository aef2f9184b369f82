package ui

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/practice"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// challengeLog is the Challenges tab: the coding problems tried, the
// ones due to be solved again first.
type challengeLog struct {
	p     *practiceScreen
	intro *widget.Label
	rows  *fyne.Container
	empty fyne.CanvasObject
	root  fyne.CanvasObject
}

func newChallengeLog(p *practiceScreen) *challengeLog {
	l := &challengeLog{p: p, rows: container.NewVBox()}
	l.intro = wrappedLabel("")
	add := widget.NewButtonWithIcon("Log a challenge", theme.ContentAddIcon(), func() { l.edit(practice.Challenge{Difficulty: practice.Medium}) })
	add.Importance = widget.HighImportance
	l.empty = emptyState("No coding challenges yet",
		"Log each problem you try (LeetCode, Exercism…): how long it took and whether you solved it. It comes back to be solved again, like a card.")
	l.root = container.NewBorder(container.NewPadded(container.NewBorder(nil, nil, nil, add, l.intro)), nil, nil, nil,
		container.NewStack(container.NewVScroll(container.NewPadded(l.rows)), l.empty))
	return l
}

// show lists the challenges: due ones first, soonest due first.
func (l *challengeLog) show(now time.Time) {
	list := append([]practice.Challenge(nil), l.p.challenges...)
	sort.SliceStable(list, func(i, j int) bool { return list[i].Schedule.Due.Before(list[j].Schedule.Due) })
	due := 0
	var rows []fyne.CanvasObject
	for _, c := range list {
		isDue := !c.Schedule.Due.After(endOfDay(now))
		if isDue {
			due++
		}
		rows = append(rows, l.row(c, isDue, now))
	}
	l.rows.Objects = rows
	l.rows.Refresh()
	l.intro.SetText(fmt.Sprintf("%s logged; %d due to be solved again today. Time spent counts as study on \"%s\".",
		plural(len(list), "1 problem", fmt.Sprintf("%d problems", len(list))), due, practice.ChallengeSkill))
	showIf(l.empty, len(list) == 0)
}

func endOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, t.Location())
}

func (l *challengeLog) row(c practice.Challenge, due bool, now time.Time) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(c.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	var parts []string
	for _, s := range []string{c.Source, c.Pattern, string(c.Difficulty)} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if n := len(c.Attempts); n > 0 {
		last := c.Attempts[n-1]
		parts = append(parts, fmt.Sprintf("%s: %s in %d min", dayMonth(last.At.Local(), now), last.Result.Label(), last.Minutes))
	}
	when := "due " + shortDate(c.Schedule.Due.Local(), now)
	if due {
		when = "due again today"
	}
	parts = append(parts, when)
	detail := wrappedCaption(strings.Join(parts, " · "))
	if due {
		detail.Importance = widget.WarningImportance
	}
	again := widget.NewButtonWithIcon("Log attempt", theme.ContentAddIcon(), func() { l.edit(c) })
	return container.NewBorder(nil, widget.NewSeparator(), nil, again, container.NewVBox(title, detail))
}

// edit opens the form that logs an attempt: at a new problem when c has
// no ID, else at c, whose fields may be corrected too.
func (l *challengeLog) edit(c practice.Challenge) {
	title := widgets.NewTextField(plan.MaxNameLen)
	title.SetText(c.Title)
	title.Validator = requiredText("the problem's title")
	url := widgets.NewTextField(plan.MaxTextLen)
	url.SetText(c.URL)
	url.SetPlaceHolder("https://leetcode.com/problems/…")
	url.Validator = func(s string) error {
		if s = strings.TrimSpace(s); s == "" {
			return nil
		}
		return plan.ValidateURL(s)
	}
	source := widgets.NewTextField(plan.MaxNameLen)
	source.SetText(c.Source)
	source.SetPlaceHolder("LeetCode, Exercism, HackerRank…")
	pattern := widgets.NewTextField(plan.MaxNameLen)
	pattern.SetText(c.Pattern)
	pattern.SetPlaceHolder("two pointers, BFS, dynamic programming…")
	var levels []string
	for _, d := range practice.Difficulties {
		levels = append(levels, string(d))
	}
	difficulty := widgets.NewChoice(levels, nil)
	difficulty.SetSelected(string(c.Difficulty))
	minutes := widgets.NewTextField(4)
	minutes.SetPlaceHolder("minutes")
	minutes.Validator = func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > practice.MaxMinutes {
			return fmt.Errorf("minutes from 1 to %d", practice.MaxMinutes)
		}
		return nil
	}
	var results []string
	for _, r := range practice.Results {
		results = append(results, r.Label())
	}
	result := widget.NewRadioGroup(results, nil)
	result.Required = true
	result.SetSelected(practice.Solved.Label())
	items := []*widget.FormItem{
		widget.NewFormItem("Problem", title),
		widget.NewFormItem("Address", url),
		widget.NewFormItem("Source", source),
		widget.NewFormItem("Pattern", pattern),
		widget.NewFormItem("Difficulty", difficulty),
		{Text: "Time taken", Widget: minutes, HintText: "in minutes; logged as study"},
		widget.NewFormItem("Result", result),
	}
	heading := "Log a coding challenge"
	var extra fyne.CanvasObject
	var form *formDialog
	if c.ID != 0 {
		heading = "Log another attempt"
		extra = deleteButton(l.p.win, "Delete…", "Delete challenge?", fmt.Sprintf("Delete %q and its attempts? The study time logged stays.", c.Title),
			"delete the challenge", func() error { return l.p.store.DeleteChallenge(c.ID) }, l.p.report, func() { form.hide(); l.p.reload() })
	}
	form = showFormDialog(l.p.win, heading, "Log", items, extra, func() error {
		after := c
		after.Title, after.URL, after.Source, after.Pattern = strings.TrimSpace(title.Text), strings.TrimSpace(url.Text),
			strings.TrimSpace(source.Text), strings.TrimSpace(pattern.Text)
		after.Difficulty = practice.Difficulty(difficulty.Selected)
		if err := after.Validate(); err != nil {
			return err
		}
		r, err := practice.ParseResult(result.Selected)
		if err != nil {
			return err
		}
		n, _ := strconv.Atoi(strings.TrimSpace(minutes.Text))
		if c.ID != 0 {
			if err := l.p.store.UpdateChallenge(c, after); err != nil {
				return err
			}
		}
		if _, _, err := app.LogChallenge(l.p.store, after, l.p.now(), n, r); err != nil {
			return err
		}
		l.p.reload()
		return nil
	})
}
