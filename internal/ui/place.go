package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Preference keys of where the learner left each screen, so the app opens
// where they were: the tab of a screen with tabs, and the view they chose.
const (
	prefSkillsTab    = "skills.tab"
	prefTimelineTab  = "timeline.tab"
	prefTimelineView = "timeline.view" // "Month" or "Week"
	prefSalariesTab  = "salaries.tab"
	prefSalariesView = "salaries.view"
)

// rememberTab selects the tab last chosen under key and remembers each
// new choice.
func rememberTab(tabs *tabbedPages, key string) {
	prefs := fyne.CurrentApp().Preferences()
	if i := prefs.IntWithFallback(key, 0); i > 0 && i < len(tabs.Items) {
		tabs.SelectIndex(i)
	}
	shown := tabs.OnSelected
	tabs.OnSelected = func(it *container.TabItem) {
		shown(it)
		prefs.SetInt(key, tabs.SelectedIndex())
	}
}

// rememberChoice selects the option of a radio group last chosen under
// key (or fallback) and remembers each new choice, before calling
// changed.
func rememberChoice(group *widget.RadioGroup, key, fallback string, changed func(string)) {
	prefs := fyne.CurrentApp().Preferences()
	choice := prefs.StringWithFallback(key, fallback)
	if !contains(group.Options, choice) {
		choice = fallback
	}
	group.OnChanged = func(v string) {
		prefs.SetString(key, v)
		changed(v)
	}
	group.SetSelected(choice)
}
