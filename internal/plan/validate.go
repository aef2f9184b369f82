package plan

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// The rules every step, skill, project, session and day off must meet.
// Forms, the store's writes and the document import all call these, so a
// value one of them refuses can never be stored by another.

// ValidateURL accepts absolute http and https addresses, the only kind a
// browser opens safely from the app.
func ValidateURL(raw string) error {
	if _, ok := SafeURL(raw); !ok {
		return fmt.Errorf("%q is not a web address: write it in full, starting with https://", raw)
	}
	return nil
}

// SafeURL parses an address the app may open in a browser: absolute http
// or https only. Every link the app opens goes through it, so a file:,
// javascript: or smb: link in a note is shown as text and never followed.
func SafeURL(raw string) (*url.URL, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, false
	}
	return u, true
}

// ValidateLink checks a link's title and address.
func ValidateLink(l Link) error {
	if err := ValidateLength("link title", l.Title, MaxNameLen); err != nil {
		return err
	}
	if err := ValidateLength("web address", l.URL, MaxTextLen); err != nil {
		return err
	}
	return ValidateURL(l.URL)
}

func validateLinks(links []Link) error {
	for _, l := range links {
		if err := ValidateLink(l); err != nil {
			return err
		}
	}
	return nil
}

func validateHours(h int) error {
	if h < 0 || h > MaxHours {
		return fmt.Errorf("the estimate must be between 0 and %d hours, not %d", MaxHours, h)
	}
	return nil
}

// ValidateStep checks a step with its checklist and links.
func ValidateStep(s Step) error {
	if err := ValidateName("step's title", s.Title); err != nil {
		return err
	}
	if !s.Status.Valid() {
		return fmt.Errorf("%q is not a step status: use todo, in_progress, done or skipped", s.Status)
	}
	if err := ValidateLength("summary", s.Summary, MaxTextLen); err != nil {
		return err
	}
	if err := ValidateLength("notes", s.Notes, MaxNotesLen); err != nil {
		return err
	}
	if err := ValidateOptionalDate("target date", s.TargetDate); err != nil {
		return err
	}
	if err := validateHours(s.Hours); err != nil {
		return err
	}
	for _, a := range s.Actions {
		if err := ValidateAction(a.Text); err != nil {
			return err
		}
	}
	return validateLinks(s.Links)
}

// ValidateAction checks a checklist item's text.
func ValidateAction(text string) error { return ValidateName("checklist item's text", text) }

// ValidateCategoryName checks a skill category's name.
func ValidateCategoryName(name string) error { return ValidateName("category's name", name) }

// ValidateSkill checks a skill with its links.
func ValidateSkill(s Skill) error {
	if err := ValidateName("skill's name", s.Name); err != nil {
		return err
	}
	if err := ValidateLength("notes", s.Notes, MaxNotesLen); err != nil {
		return err
	}
	switch {
	case !s.Status.Valid():
		return fmt.Errorf("%q is not a skill status: use not_started, learning, done or skipped", s.Status)
	case s.CurrentLevel < 0 || s.CurrentLevel > MaxLevel:
		return fmt.Errorf("the current level must be between 0 and %d, not %d", MaxLevel, s.CurrentLevel)
	case s.TargetLevel < 0 || s.TargetLevel > MaxLevel:
		return fmt.Errorf("the target level must be between 0 and %d, not %d", MaxLevel, s.TargetLevel)
	}
	if err := validateHours(s.Hours); err != nil {
		return err
	}
	if err := ValidateOptionalDate("day last practised", s.LastPractised); err != nil {
		return err
	}
	if err := ValidateLength("choice group", s.Group, MaxNameLen); err != nil {
		return err
	}
	return validateLinks(s.Links)
}

// ValidateProject checks a portfolio project.
func ValidateProject(p Project) error {
	if err := ValidateName("project's name", p.Name); err != nil {
		return err
	}
	if err := ValidateLength("description", p.Description, MaxTextLen); err != nil {
		return err
	}
	if !p.Status.Valid() {
		return fmt.Errorf("%q is not a project status: use planned, in_progress or done", p.Status)
	}
	if err := ValidateOptionalDate("day the project started", p.Started); err != nil {
		return err
	}
	if err := ValidateOptionalDate("day the project was finished", p.Finished); err != nil {
		return err
	}
	if !p.Started.IsZero() && !p.Finished.IsZero() && Date(p.Finished).Before(Date(p.Started)) {
		return fmt.Errorf("the project was finished (%s) before it started (%s)", p.Finished.Format(time.DateOnly), p.Started.Format(time.DateOnly))
	}
	if strings.TrimSpace(p.RepoURL) != "" {
		if err := ValidateLength("repository address", p.RepoURL, MaxTextLen); err != nil {
			return err
		}
		if err := ValidateURL(p.RepoURL); err != nil {
			return fmt.Errorf("repository: %w", err)
		}
	}
	return nil
}

// MaxSessionMinutes is the longest session one entry may record: a day.
const MaxSessionMinutes = 24 * 60

// ValidateSession checks a session a learner logs.
func ValidateSession(s Session) error {
	if err := ValidateDate("session's date", s.Date); err != nil {
		return err
	}
	if s.Minutes < 1 || s.Minutes > MaxSessionMinutes {
		return fmt.Errorf("a session lasts from 1 to %d minutes, not %d", MaxSessionMinutes, s.Minutes)
	}
	if s.Start != "" {
		if _, err := time.Parse("15:04", s.Start); err != nil {
			return fmt.Errorf("the start time %q is not a time of day; write it as 24-hour HH:MM, like 18:30", s.Start)
		}
	}
	return ValidateLength("session notes", s.Notes, MaxTextLen)
}

// ValidateDayOff checks a day off.
func ValidateDayOff(d DayOff) error {
	if err := ValidateDate("day off", d.Date); err != nil {
		return err
	}
	return ValidateLength("day off's note", d.Note, MaxNameLen)
}
