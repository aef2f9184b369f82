package store

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/salary"
)

// Settings loads the plan settings, days off included; a database without
// any gets the defaults, starting today.
func (s *Store) Settings() (plan.Settings, error) {
	var st plan.Settings
	err := s.read(func(tx *gorm.DB) error {
		var err error
		st, err = settings(tx, s.schema)
		return err
	})
	if err != nil {
		return plan.Settings{}, fmt.Errorf("loading the plan settings: %w", err)
	}
	return st, nil
}

// settings reads the plan settings from a schema at version schema: on an
// older file, opened read-only, a column added since reads as its default.
func settings(db *gorm.DB, schema int) (plan.Settings, error) {
	var r planSettingsRow
	var horizon, weekStart, minStreak int64
	found := false
	err := eachScan(db, `SELECT start_date, horizon_months, hours_per_week, study_days, `+since(schema, 3, "week_start", "1")+`, `+
		since(schema, 3, "min_streak_minutes", "15")+`, `+since(schema, 5, "study_time", "''")+`, `+since(schema, 9, "job_hours_per_week", "0")+`
		FROM plan_settings ORDER BY id LIMIT 1`,
		[]any{&r.StartDate, &horizon, &r.HoursPerWeek, &r.StudyDays, &weekStart, &minStreak, &r.StudyTime, &r.JobHoursPerWeek},
		func() { found = true })
	if err != nil {
		return plan.Settings{}, err
	}
	if !found {
		return plan.DefaultSettings(time.Now(), time.Monday), nil
	}
	r.HorizonMonths, r.WeekStart, r.MinStreakMinutes = int(horizon), int(weekStart), int(minStreak)
	st, err := settingsOfRow(r)
	if err != nil {
		return plan.Settings{}, err
	}
	off, err := readDaysOff(db)
	if err != nil {
		return plan.Settings{}, err
	}
	for _, o := range off {
		st.DaysOff = append(st.DaysOff, plan.DayOff{Date: parseDate(o.Date), Note: o.Note})
	}
	return st, nil
}

func settingsOfRow(r planSettingsRow) (plan.Settings, error) {
	start, err := time.Parse(time.DateOnly, r.StartDate)
	if err != nil {
		return plan.Settings{}, fmt.Errorf("the stored start date %q is not a date: %w", r.StartDate, err)
	}
	days, err := plan.ParseStudyDays(strings.Split(r.StudyDays, ","))
	if err != nil {
		return plan.Settings{}, fmt.Errorf("the stored study days: %w", err)
	}
	return plan.Settings{StartDate: start, HorizonMonths: r.HorizonMonths, HoursPerWeek: r.HoursPerWeek, StudyDays: days,
		WeekStart: time.Weekday(r.WeekStart), MinStreakMinutes: r.MinStreakMinutes, StudyTime: r.StudyTime, JobHoursPerWeek: r.JobHoursPerWeek}, nil
}

// settingsColumns are the plan's columns of the settings row; days off
// live in their own table and are added and removed one by one.
func settingsColumns(st plan.Settings) columns {
	return columns{
		"start_date":         plan.Date(st.StartDate).Format(time.DateOnly),
		"horizon_months":     st.HorizonMonths,
		"hours_per_week":     st.HoursPerWeek,
		"study_days":         strings.Join(plan.FormatStudyDays(st.StudyDays), ","),
		"week_start":         int(st.WeekStart),
		"min_streak_minutes": st.MinStreakMinutes,
		"study_time":         st.StudyTime,
	}
}

// UpdateSettings saves the plan settings the learner changed from before
// to after, leaving the others (and the days off) as they are now. The
// settings that result are checked whole before they are stored.
func (s *Store) UpdateSettings(before, after plan.Settings) error {
	if err := after.Validate(); err != nil {
		return err
	}
	err := s.write(func(tx *gorm.DB) error {
		var rows []planSettingsRow
		if err := tx.Limit(1).Find(&rows).Error; err != nil {
			return err
		}
		if len(rows) == 0 {
			return insertSettings(tx, after)
		}
		changed := changedColumns(settingsColumns(before), settingsColumns(after))
		current, err := settingsOfRow(rows[0])
		if err != nil {
			return err
		}
		if err := mergedSettings(current, changed).Validate(); err != nil {
			return err
		}
		if len(changed) == 0 {
			return nil
		}
		return tx.Model(&planSettingsRow{}).Where("id = 1").Updates(map[string]any(changed)).Error
	})
	if err != nil {
		return fmt.Errorf("saving the plan settings: %w", err)
	}
	return nil
}

// mergedSettings is the stored settings with the changed columns applied,
// to check the combination (a study day removed here and the hours
// changed elsewhere must still make a plan).
func mergedSettings(current plan.Settings, changed columns) plan.Settings {
	cols := settingsColumns(current)
	for k, v := range changed {
		cols[k] = v
	}
	st, err := settingsOfRow(planSettingsRow{StartDate: cols["start_date"].(string), HorizonMonths: cols["horizon_months"].(int),
		HoursPerWeek: cols["hours_per_week"].(float64), StudyDays: cols["study_days"].(string), WeekStart: cols["week_start"].(int),
		MinStreakMinutes: cols["min_streak_minutes"].(int), StudyTime: cols["study_time"].(string)})
	if err != nil {
		return plan.Settings{} // fails Validate: no start date
	}
	return st
}

// insertSettings writes the plan's columns of a new settings row; the
// salary comparison's columns keep their defaults.
func insertSettings(tx *gorm.DB, st plan.Settings) error {
	c := settingsColumns(st)
	return tx.Exec(`INSERT INTO plan_settings (id, start_date, horizon_months, hours_per_week, study_days, week_start, min_streak_minutes, study_time)
		VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
		c["start_date"], c["horizon_months"], c["hours_per_week"], c["study_days"], c["week_start"], c["min_streak_minutes"], c["study_time"]).Error
}

func insertDaysOff(tx *gorm.DB, days []plan.DayOff) error {
	for _, d := range days {
		err := tx.Exec(`INSERT INTO days_off (date, note) VALUES (?, ?) ON CONFLICT (date) DO UPDATE SET note = excluded.note`,
			formatDate(plan.Date(d.Date)), d.Note).Error
		if err != nil {
			return err
		}
	}
	return nil
}

// AddDaysOff adds days off to the plan, keeping those already there, in one
// transaction; a day already off takes the new note.
func (s *Store) AddDaysOff(days []plan.DayOff) error {
	for _, d := range days {
		if err := plan.ValidateDayOff(d); err != nil {
			return err
		}
	}
	if err := s.write(func(tx *gorm.DB) error { return insertDaysOff(tx, days) }, "days_off"); err != nil {
		return fmt.Errorf("adding days off: %w", err)
	}
	return nil
}

// AddNewDaysOff adds those of days that are not days off yet, in one
// transaction, and returns them: exactly what the call added, so that it
// can be taken back without touching the days that were off before (whose
// notes it leaves as they are). A date given twice is added once, with its
// first note.
func (s *Store) AddNewDaysOff(days []plan.DayOff) ([]plan.DayOff, error) {
	for _, d := range days {
		if err := plan.ValidateDayOff(d); err != nil {
			return nil, err
		}
	}
	var added []plan.DayOff
	err := s.write(func(tx *gorm.DB) error {
		added = added[:0]
		for _, d := range days {
			d.Date = plan.Date(d.Date)
			res := tx.Exec(`INSERT INTO days_off (date, note) VALUES (?, ?) ON CONFLICT (date) DO NOTHING`, formatDate(d.Date), d.Note)
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 1 {
				added = append(added, d)
			}
		}
		return nil
	}, "days_off")
	if err != nil {
		return nil, fmt.Errorf("adding days off: %w", err)
	}
	return added, nil
}

// RemoveDaysOff removes the given days off, and no others, in one
// transaction. A day already gone is not an error.
func (s *Store) RemoveDaysOff(days []time.Time) error {
	if len(days) == 0 {
		return nil
	}
	dates := make([]string, len(days))
	for i, d := range days {
		dates[i] = formatDate(plan.Date(d))
	}
	err := s.write(func(tx *gorm.DB) error {
		for start := 0; start < len(dates); start += insertBatch {
			batch := dates[start:min(start+insertBatch, len(dates))]
			if err := tx.Where("date IN ?", batch).Delete(&dayOffRow{}).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("removing days off: %w", err)
	}
	return nil
}

// Comparison loads how the learner compares salaries.
func (s *Store) Comparison() (salary.Comparison, error) {
	c := salary.Comparison{Base: "USD", TargetCountry: "US", TargetLevel: salary.Junior} // before any settings
	var level string
	err := eachScan(s.db, `SELECT `+since(s.schema, 4, "base_currency", "'USD'")+`, `+since(s.schema, 4, "target_country", "'US'")+`, `+
		since(s.schema, 4, "target_level", "'junior'")+` FROM plan_settings ORDER BY id LIMIT 1`,
		[]any{&c.Base, &c.TargetCountry, &level}, func() { c.TargetLevel = salary.Level(level) })
	if err != nil {
		return salary.Comparison{}, fmt.Errorf("loading the comparison settings: %w", explain(err))
	}
	return c, nil
}

func comparisonColumns(c salary.Comparison) columns {
	return columns{"base_currency": c.Base, "target_country": c.TargetCountry, "target_level": string(c.TargetLevel)}
}

// UpdateComparison saves the comparison choices changed from before to
// after, leaving the others as they are now.
func (s *Store) UpdateComparison(before, after salary.Comparison) error {
	if err := after.Validate(); err != nil {
		return err
	}
	err := s.write(func(tx *gorm.DB) error {
		err := updateChanged(tx, "plan_settings", "id", 1, comparisonColumns(before), comparisonColumns(after), "plan settings")
		if errors.Is(err, ErrNotFound) {
			return errors.New("there are no plan settings yet to keep the comparison in; save the plan first")
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("saving the comparison settings: %w", err)
	}
	return nil
}
