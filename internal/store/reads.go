package store

import (
	"database/sql"

	"gorm.io/gorm"
)

// The roadmap and the skills are read on every screen and by most
// commands, whole, a row per step, checklist item, skill, link and
// prerequisite. GORM's Find fills structs by reflection, which cost more
// than SQLite's reading of those rows (the skills load took three times
// its database/sql floor); these reads scan the columns directly. Integer
// columns are scanned into int64, which database/sql assigns as it is (an
// int or uint destination goes through a string).

// scanRows runs query with args and scans each row with scan.
func scanRows[T any](db *gorm.DB, query string, scan func(*sql.Rows, *T) error, args ...any) ([]T, error) {
	rows, err := db.Raw(query, args...).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := scan(rows, &v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func readSteps(db *gorm.DB) ([]stepRow, error) {
	return scanRows(db, `SELECT id, position, title, summary, status, target_date, hours, covers_skills, notes
		FROM steps ORDER BY position, id`, func(r *sql.Rows, s *stepRow) error {
		var id, position, hours int64
		err := r.Scan(&id, &position, &s.Title, &s.Summary, &s.Status, &s.TargetDate, &hours, &s.CoversSkills, &s.Notes)
		s.ID, s.Position, s.Hours = uint(id), int(position), int(hours)
		return err
	})
}

func readActions(db *gorm.DB) ([]actionRow, error) {
	return scanRows(db, `SELECT id, step_id, position, text, done FROM step_actions ORDER BY position, id`,
		func(r *sql.Rows, a *actionRow) error {
			var id, step, position int64
			err := r.Scan(&id, &step, &position, &a.Text, &a.Done)
			a.ID, a.StepID, a.Position = uint(id), uint(step), int(position)
			return err
		})
}

func readStepLinks(db *gorm.DB) ([]stepLinkRow, error) {
	return scanRows(db, `SELECT id, step_id, position, title, url FROM step_links ORDER BY position, id`,
		func(r *sql.Rows, l *stepLinkRow) error {
			var id, step, position int64
			err := r.Scan(&id, &step, &position, &l.Title, &l.URL)
			l.ID, l.StepID, l.Position = uint(id), uint(step), int(position)
			return err
		})
}

func readCategories(db *gorm.DB) ([]categoryRow, error) {
	return scanRows(db, `SELECT id, position, name FROM skill_categories ORDER BY position, id`,
		func(r *sql.Rows, c *categoryRow) error {
			var id, position int64
			err := r.Scan(&id, &position, &c.Name)
			c.ID, c.Position = uint(id), int(position)
			return err
		})
}

func readSkills(db *gorm.DB) ([]skillRow, error) {
	return scanRows(db, `SELECT id, category_id, position, name, status, current_level, target_level, hours, notes,
		last_practised, choice_group FROM skills ORDER BY position, id`, func(r *sql.Rows, s *skillRow) error {
		var id, category, position, current, target, hours int64
		err := r.Scan(&id, &category, &position, &s.Name, &s.Status, &current, &target, &hours, &s.Notes,
			&s.LastPractised, &s.ChoiceGroup)
		s.ID, s.CategoryID, s.Position = uint(id), uint(category), int(position)
		s.CurrentLevel, s.TargetLevel, s.Hours = int(current), int(target), int(hours)
		return err
	})
}

func readSkillLinks(db *gorm.DB) ([]skillLinkRow, error) {
	return scanRows(db, `SELECT id, skill_id, position, title, url FROM skill_links ORDER BY position, id`,
		func(r *sql.Rows, l *skillLinkRow) error {
			var id, skill, position int64
			err := r.Scan(&id, &skill, &position, &l.Title, &l.URL)
			l.ID, l.SkillID, l.Position = uint(id), uint(skill), int(position)
			return err
		})
}

func readPrerequisites(db *gorm.DB) ([]prerequisiteRow, error) {
	return scanRows(db, `SELECT skill_id, prerequisite_id FROM skill_prerequisites ORDER BY skill_id, prerequisite_id`,
		func(r *sql.Rows, p *prerequisiteRow) error {
			var skill, prerequisite int64
			err := r.Scan(&skill, &prerequisite)
			p.SkillID, p.PrerequisiteID = uint(skill), uint(prerequisite)
			return err
		})
}

func readProjects(db *gorm.DB) ([]projectRow, error) {
	return scanRows(db, `SELECT id, position, name, description, repo_url, status, started, finished FROM projects ORDER BY position, id`,
		func(r *sql.Rows, p *projectRow) error {
			var id, position int64
			err := r.Scan(&id, &position, &p.Name, &p.Description, &p.RepoURL, &p.Status, &p.Started, &p.Finished)
			p.ID, p.Position = uint(id), int(position)
			return err
		})
}

func readProjectSkills(db *gorm.DB) ([]projectSkillRow, error) {
	return scanRows(db, `SELECT project_id, skill_id FROM project_skills ORDER BY project_id, skill_id`,
		func(r *sql.Rows, p *projectSkillRow) error {
			var project, skill int64
			err := r.Scan(&project, &skill)
			p.ProjectID, p.SkillID = uint(project), uint(skill)
			return err
		})
}

func readSalaries(db *gorm.DB) ([]salaryRow, error) {
	return scanRows(db, `SELECT id, position, country, country_code, level, currency, min_amount, max_amount, median_amount,
		year, source, kind, city, link, source_date FROM salaries ORDER BY position, id`, func(r *sql.Rows, s *salaryRow) error {
		var id, position, year int64
		err := r.Scan(&id, &position, &s.Country, &s.CountryCode, &s.Level, &s.Currency, &s.MinAmount, &s.MaxAmount,
			&s.MedianAmount, &year, &s.Source, &s.Kind, &s.City, &s.Link, &s.SourceDate)
		s.ID, s.Position, s.Year = uint(id), int(position), int(year)
		return err
	})
}

func readDaysOff(db *gorm.DB) ([]dayOffRow, error) {
	return scanRows(db, `SELECT date, note FROM days_off ORDER BY date`, func(r *sql.Rows, d *dayOffRow) error {
		return r.Scan(&d.Date, &d.Note)
	})
}
