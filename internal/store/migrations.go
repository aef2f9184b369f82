package store

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// A migration moves the schema one version forward. Each is written as plain
// SQL frozen at the time it was added, never as AutoMigrate of today's
// structs, so that replaying it on an old database always means the same
// thing. Append new migrations; never edit or reorder landed ones.
//
// The statements are SQLite's SQL; PostgreSQL runs them rewritten by
// forPostgres (dialect.go). A migration whose statements have no rewrite
// (a trigger) gives its PostgreSQL statements in onPostgres, under its
// version, which then replace the rewrite whole.
type migration struct {
	version    int
	name       string
	statements []string
}

// onPostgres are the PostgreSQL statements of the migrations that cannot
// be rewritten from SQLite's, by version.
var onPostgres = map[int][]string{
	6: migration6Postgres,
}

var migrations = []migration{
	{1, "initial schema: plan settings, roadmap, skills, salaries", []string{
		`CREATE TABLE app_meta (
			key   TEXT PRIMARY KEY,
			value TEXT NOT NULL
		)`,
		`CREATE TABLE plan_settings (
			id             INTEGER PRIMARY KEY CHECK (id = 1),
			start_date     TEXT    NOT NULL,
			horizon_months INTEGER NOT NULL CHECK (horizon_months BETWEEN 1 AND 36)
		)`,
		`CREATE TABLE steps (
			id            INTEGER PRIMARY KEY AUTOINCREMENT,
			position      INTEGER NOT NULL,
			title         TEXT    NOT NULL UNIQUE,
			summary       TEXT    NOT NULL DEFAULT '',
			status        TEXT    NOT NULL DEFAULT 'todo'
			              CHECK (status IN ('todo', 'in_progress', 'done', 'skipped')),
			hours         INTEGER NOT NULL DEFAULT 0 CHECK (hours >= 0),
			covers_skills INTEGER NOT NULL DEFAULT 0
		)`,
		`CREATE TABLE step_actions (
			id       INTEGER PRIMARY KEY AUTOINCREMENT,
			step_id  INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
			position INTEGER NOT NULL,
			text     TEXT    NOT NULL,
			done     INTEGER NOT NULL DEFAULT 0
		)`,
		`CREATE INDEX step_actions_by_step ON step_actions(step_id, position)`,
		`CREATE TABLE skill_categories (
			id       INTEGER PRIMARY KEY AUTOINCREMENT,
			position INTEGER NOT NULL,
			name     TEXT    NOT NULL UNIQUE
		)`,
		`CREATE TABLE skills (
			id          INTEGER PRIMARY KEY AUTOINCREMENT,
			category_id INTEGER NOT NULL REFERENCES skill_categories(id) ON DELETE CASCADE,
			position    INTEGER NOT NULL,
			name        TEXT    NOT NULL UNIQUE,
			hours       INTEGER NOT NULL DEFAULT 0 CHECK (hours >= 0),
			done        INTEGER NOT NULL DEFAULT 0
		)`,
		`CREATE INDEX skills_by_category ON skills(category_id, position)`,
		`CREATE TABLE salaries (
			id           INTEGER PRIMARY KEY AUTOINCREMENT,
			position     INTEGER NOT NULL,
			country      TEXT    NOT NULL,
			country_code TEXT    NOT NULL,
			currency     TEXT    NOT NULL,
			min_amount   INTEGER NOT NULL CHECK (min_amount > 0),
			max_amount   INTEGER NOT NULL CHECK (max_amount >= min_amount),
			year         INTEGER NOT NULL,
			source       TEXT    NOT NULL DEFAULT ''
		)`,
	}},
	{2, "roadmap and skills in depth: notes, links, levels, prerequisites, projects", []string{
		`ALTER TABLE steps ADD COLUMN target_date TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE steps ADD COLUMN notes TEXT NOT NULL DEFAULT ''`,
		`CREATE TABLE step_links (
			id       INTEGER PRIMARY KEY AUTOINCREMENT,
			step_id  INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
			position INTEGER NOT NULL,
			title    TEXT    NOT NULL DEFAULT '',
			url      TEXT    NOT NULL
		)`,
		`CREATE INDEX step_links_by_step ON step_links(step_id, position)`,
		// A skill's done flag becomes one of four statuses.
		`ALTER TABLE skills ADD COLUMN status TEXT NOT NULL DEFAULT 'not_started'
			CHECK (status IN ('not_started', 'learning', 'done', 'skipped'))`,
		`UPDATE skills SET status = 'done' WHERE done <> 0`,
		`ALTER TABLE skills DROP COLUMN done`,
		`ALTER TABLE skills ADD COLUMN current_level INTEGER NOT NULL DEFAULT 0 CHECK (current_level BETWEEN 0 AND 5)`,
		`ALTER TABLE skills ADD COLUMN target_level INTEGER NOT NULL DEFAULT 3 CHECK (target_level BETWEEN 0 AND 5)`,
		`ALTER TABLE skills ADD COLUMN notes TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE skills ADD COLUMN last_practised TEXT NOT NULL DEFAULT ''`,
		`CREATE TABLE skill_links (
			id       INTEGER PRIMARY KEY AUTOINCREMENT,
			skill_id INTEGER NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
			position INTEGER NOT NULL,
			title    TEXT    NOT NULL DEFAULT '',
			url      TEXT    NOT NULL
		)`,
		`CREATE INDEX skill_links_by_skill ON skill_links(skill_id, position)`,
		`CREATE TABLE skill_prerequisites (
			skill_id        INTEGER NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
			prerequisite_id INTEGER NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
			PRIMARY KEY (skill_id, prerequisite_id),
			CHECK (skill_id <> prerequisite_id)
		)`,
		`CREATE INDEX skill_prerequisites_by_prerequisite ON skill_prerequisites(prerequisite_id)`,
		`CREATE TABLE projects (
			id          INTEGER PRIMARY KEY AUTOINCREMENT,
			position    INTEGER NOT NULL,
			name        TEXT    NOT NULL UNIQUE,
			description TEXT    NOT NULL DEFAULT '',
			repo_url    TEXT    NOT NULL DEFAULT '',
			status      TEXT    NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done'))
		)`,
		`CREATE TABLE project_skills (
			project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
			skill_id   INTEGER NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
			PRIMARY KEY (project_id, skill_id)
		)`,
		`CREATE INDEX project_skills_by_skill ON project_skills(skill_id)`,
	}},
	{3, "timeline: weekly hours, study days, days off, study sessions", []string{
		`ALTER TABLE plan_settings ADD COLUMN hours_per_week REAL NOT NULL DEFAULT 10 CHECK (hours_per_week BETWEEN 0.5 AND 100)`,
		`ALTER TABLE plan_settings ADD COLUMN study_days TEXT NOT NULL DEFAULT 'mon,tue,wed,thu,fri'`,
		`ALTER TABLE plan_settings ADD COLUMN week_start INTEGER NOT NULL DEFAULT 1 CHECK (week_start BETWEEN 0 AND 6)`,
		`ALTER TABLE plan_settings ADD COLUMN min_streak_minutes INTEGER NOT NULL DEFAULT 15 CHECK (min_streak_minutes BETWEEN 1 AND 1440)`,
		`CREATE TABLE days_off (
			date TEXT PRIMARY KEY,
			note TEXT NOT NULL DEFAULT ''
		)`,
		`CREATE TABLE sessions (
			id         INTEGER PRIMARY KEY AUTOINCREMENT,
			date       TEXT    NOT NULL,
			start_time TEXT    NOT NULL DEFAULT '',
			minutes    INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
			skill_id   INTEGER REFERENCES skills(id) ON DELETE SET NULL,
			step_id    INTEGER REFERENCES steps(id) ON DELETE SET NULL,
			notes      TEXT    NOT NULL DEFAULT ''
		)`,
		`CREATE INDEX sessions_by_date ON sessions(date)`,
		`CREATE INDEX sessions_by_skill ON sessions(skill_id)`,
		`CREATE INDEX sessions_by_step ON sessions(step_id)`,
	}},
	{4, "salary comparison: levels, medians, exchange rates, purchasing power", []string{
		`ALTER TABLE salaries ADD COLUMN level TEXT NOT NULL DEFAULT 'unspecified'
			CHECK (level IN ('unspecified', 'junior', 'mid', 'senior'))`,
		`ALTER TABLE salaries ADD COLUMN median_amount INTEGER NOT NULL DEFAULT 0 CHECK (median_amount >= 0)`,
		`CREATE TABLE exchange_rates (
			currency TEXT PRIMARY KEY,
			per_eur  TEXT NOT NULL,
			as_of    TEXT NOT NULL,
			source   TEXT NOT NULL DEFAULT ''
		)`,
		`CREATE TABLE ppp_factors (
			country_code TEXT PRIMARY KEY,
			country      TEXT NOT NULL DEFAULT '',
			factor       TEXT NOT NULL,
			year         INTEGER NOT NULL,
			source       TEXT NOT NULL DEFAULT ''
		)`,
		`ALTER TABLE plan_settings ADD COLUMN base_currency TEXT NOT NULL DEFAULT 'USD'`,
		`ALTER TABLE plan_settings ADD COLUMN target_country TEXT NOT NULL DEFAULT 'US'`,
		`ALTER TABLE plan_settings ADD COLUMN target_level TEXT NOT NULL DEFAULT 'junior'`,
	}},
	{5, "daily use: choose-one skill groups, offers apart from market ranges, done skills at their level", []string{
		`ALTER TABLE skills ADD COLUMN choice_group TEXT NOT NULL DEFAULT ''`,
		// The built-in roadmap's four languages were always meant as one
		// choice; the database's own copy of them says so now.
		`UPDATE skills SET choice_group = 'Main language'
			WHERE name IN ('Java', 'Python', 'Ruby', 'Go')
			AND category_id IN (SELECT id FROM skill_categories WHERE name = 'Programming languages')`,
		// A skill ticked done at level 0 was never rated: done means the
		// target level was reached.
		`UPDATE skills SET current_level = target_level WHERE status = 'done' AND current_level = 0`,
		`ALTER TABLE salaries ADD COLUMN kind TEXT NOT NULL DEFAULT 'market' CHECK (kind IN ('market', 'offer'))`,
		`ALTER TABLE salaries ADD COLUMN city TEXT NOT NULL DEFAULT ''`,
		// The time of day the calendar export puts study at; '' for the
		// reminder time, else 18:00 (plan.Settings.StudyAt).
		`ALTER TABLE plan_settings ADD COLUMN study_time TEXT NOT NULL DEFAULT ''`,
	}},
	// Years of history: what a screen shows about the whole history reads
	// as much at twenty years as at one. The minutes logged per skill and
	// per step are running totals, kept by triggers in the transaction of
	// every write to sessions, by this app or any other program; the study
	// days of a range are read from an index that holds the minutes, not
	// from the sessions' rows.
	{6, "years of history: running totals per skill and step, the study days from an index", []string{
		`CREATE TABLE skill_minutes (
			skill_id INTEGER PRIMARY KEY,
			minutes  INTEGER NOT NULL CHECK (minutes > 0)
		)`,
		`CREATE TABLE step_minutes (
			step_id INTEGER PRIMARY KEY,
			minutes INTEGER NOT NULL CHECK (minutes > 0)
		)`,
		`INSERT INTO skill_minutes (skill_id, minutes)
			SELECT skill_id, SUM(minutes) FROM sessions WHERE skill_id IS NOT NULL GROUP BY skill_id`,
		`INSERT INTO step_minutes (step_id, minutes)
			SELECT step_id, SUM(minutes) FROM sessions WHERE step_id IS NOT NULL GROUP BY step_id`,
		// A total that falls to nothing goes, so the tables hold exactly
		// what summing the sessions gives.
		`CREATE TRIGGER sessions_count_in AFTER INSERT ON sessions BEGIN
			INSERT INTO skill_minutes (skill_id, minutes) SELECT NEW.skill_id, NEW.minutes WHERE NEW.skill_id IS NOT NULL
				ON CONFLICT (skill_id) DO UPDATE SET minutes = minutes + excluded.minutes;
			INSERT INTO step_minutes (step_id, minutes) SELECT NEW.step_id, NEW.minutes WHERE NEW.step_id IS NOT NULL
				ON CONFLICT (step_id) DO UPDATE SET minutes = minutes + excluded.minutes;
		END`,
		`CREATE TRIGGER sessions_count_out AFTER DELETE ON sessions BEGIN
			DELETE FROM skill_minutes WHERE skill_id = OLD.skill_id AND minutes <= OLD.minutes;
			UPDATE skill_minutes SET minutes = minutes - OLD.minutes WHERE skill_id = OLD.skill_id;
			DELETE FROM step_minutes WHERE step_id = OLD.step_id AND minutes <= OLD.minutes;
			UPDATE step_minutes SET minutes = minutes - OLD.minutes WHERE step_id = OLD.step_id;
		END`,
		`CREATE TRIGGER sessions_count_again AFTER UPDATE OF minutes, skill_id, step_id ON sessions BEGIN
			DELETE FROM skill_minutes WHERE skill_id = OLD.skill_id AND minutes <= OLD.minutes;
			UPDATE skill_minutes SET minutes = minutes - OLD.minutes WHERE skill_id = OLD.skill_id;
			DELETE FROM step_minutes WHERE step_id = OLD.step_id AND minutes <= OLD.minutes;
			UPDATE step_minutes SET minutes = minutes - OLD.minutes WHERE step_id = OLD.step_id;
			INSERT INTO skill_minutes (skill_id, minutes) SELECT NEW.skill_id, NEW.minutes WHERE NEW.skill_id IS NOT NULL
				ON CONFLICT (skill_id) DO UPDATE SET minutes = minutes + excluded.minutes;
			INSERT INTO step_minutes (step_id, minutes) SELECT NEW.step_id, NEW.minutes WHERE NEW.step_id IS NOT NULL
				ON CONFLICT (step_id) DO UPDATE SET minutes = minutes + excluded.minutes;
		END`,
		// Deleting a skill or step sets its sessions' reference to NULL
		// (the foreign key's action); its total goes with it.
		`CREATE TRIGGER skills_count_gone AFTER DELETE ON skills BEGIN
			DELETE FROM skill_minutes WHERE skill_id = OLD.id;
		END`,
		`CREATE TRIGGER steps_count_gone AFTER DELETE ON steps BEGIN
			DELETE FROM step_minutes WHERE step_id = OLD.id;
		END`,
		// The heatmap, the streak and the week read the minutes of each
		// day of a range: with the minutes in the index, from the index
		// alone. It serves every search by date the old index did.
		`CREATE INDEX sessions_by_date_minutes ON sessions(date, minutes)`,
		`DROP INDEX sessions_by_date`,
	}},
}

// migration6Postgres is migration 6 on PostgreSQL: the same tables and
// index, and the triggers as PL/pgSQL functions doing what SQLite's
// trigger bodies do.
var migration6Postgres = []string{
	`CREATE TABLE skill_minutes (
		skill_id BIGINT PRIMARY KEY,
		minutes  BIGINT NOT NULL CHECK (minutes > 0)
	)`,
	`CREATE TABLE step_minutes (
		step_id BIGINT PRIMARY KEY,
		minutes BIGINT NOT NULL CHECK (minutes > 0)
	)`,
	`INSERT INTO skill_minutes (skill_id, minutes)
		SELECT skill_id, SUM(minutes) FROM sessions WHERE skill_id IS NOT NULL GROUP BY skill_id`,
	`INSERT INTO step_minutes (step_id, minutes)
		SELECT step_id, SUM(minutes) FROM sessions WHERE step_id IS NOT NULL GROUP BY step_id`,
	`CREATE FUNCTION sessions_count() RETURNS trigger LANGUAGE plpgsql AS $$
	BEGIN
		IF TG_OP IN ('DELETE', 'UPDATE') THEN
			DELETE FROM skill_minutes WHERE skill_id = OLD.skill_id AND minutes <= OLD.minutes;
			UPDATE skill_minutes SET minutes = minutes - OLD.minutes WHERE skill_id = OLD.skill_id;
			DELETE FROM step_minutes WHERE step_id = OLD.step_id AND minutes <= OLD.minutes;
			UPDATE step_minutes SET minutes = minutes - OLD.minutes WHERE step_id = OLD.step_id;
		END IF;
		IF TG_OP IN ('INSERT', 'UPDATE') THEN
			IF NEW.skill_id IS NOT NULL THEN
				INSERT INTO skill_minutes (skill_id, minutes) VALUES (NEW.skill_id, NEW.minutes)
					ON CONFLICT (skill_id) DO UPDATE SET minutes = skill_minutes.minutes + excluded.minutes;
			END IF;
			IF NEW.step_id IS NOT NULL THEN
				INSERT INTO step_minutes (step_id, minutes) VALUES (NEW.step_id, NEW.minutes)
					ON CONFLICT (step_id) DO UPDATE SET minutes = step_minutes.minutes + excluded.minutes;
			END IF;
		END IF;
		RETURN NULL;
	END $$`,
	`CREATE TRIGGER sessions_count_in AFTER INSERT ON sessions FOR EACH ROW EXECUTE FUNCTION sessions_count()`,
	`CREATE TRIGGER sessions_count_out AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION sessions_count()`,
	`CREATE TRIGGER sessions_count_again AFTER UPDATE OF minutes, skill_id, step_id ON sessions
		FOR EACH ROW EXECUTE FUNCTION sessions_count()`,
	`CREATE FUNCTION skills_count_gone() RETURNS trigger LANGUAGE plpgsql AS $$
	BEGIN
		DELETE FROM skill_minutes WHERE skill_id = OLD.id;
		RETURN NULL;
	END $$`,
	`CREATE TRIGGER skills_count_gone AFTER DELETE ON skills FOR EACH ROW EXECUTE FUNCTION skills_count_gone()`,
	`CREATE FUNCTION steps_count_gone() RETURNS trigger LANGUAGE plpgsql AS $$
	BEGIN
		DELETE FROM step_minutes WHERE step_id = OLD.id;
		RETURN NULL;
	END $$`,
	`CREATE TRIGGER steps_count_gone AFTER DELETE ON steps FOR EACH ROW EXECUTE FUNCTION steps_count_gone()`,
	`CREATE INDEX sessions_by_date_minutes ON sessions(date, minutes)`,
	`DROP INDEX sessions_by_date`,
}

// SchemaVersion is the version the newest migration brings a database to.
func SchemaVersion() int { return migrations[len(migrations)-1].version }

// migrate applies the pending migrations, each in its own transaction with
// its record in schema_migrations, so a crash leaves the database at a
// version it really has. On SQLite it marks the file with ApplicationID in
// the same transaction, on a new file and on one made before the ID
// existed; on PostgreSQL (server) the learner's schema is the mark, and
// each migration first takes the learner's write lock, as SQLite's
// immediate transaction does.
func migrate(db *gorm.DB, server bool) error {
	err := db.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`).Error
	if err != nil {
		return fmt.Errorf("creating the migrations table: %w", err)
	}
	// The usual case, an up-to-date database, needs two reads and no
	// transaction.
	current, err := schemaVersion(db)
	if err != nil {
		return err
	}
	if current > SchemaVersion() {
		return fmt.Errorf("%w: the database is at schema version %d and this build knows up to %d", ErrNewerSchema, current, SchemaVersion())
	}
	if current == SchemaVersion() && (server || hasApplicationID(db)) {
		return nil
	}
	if current == SchemaVersion() {
		return db.Transaction(markApplication)
	}
	for _, m := range migrations {
		if err := db.Transaction(func(tx *gorm.DB) error { return apply(tx, m, server) }); err != nil {
			return err
		}
	}
	return nil
}

// apply runs one migration unless the database already has it.
func apply(tx *gorm.DB, m migration, server bool) error {
	if server {
		if err := lockLearner(tx); err != nil {
			return err
		}
	}
	// Read the version inside the (immediate) transaction so two instances
	// starting together cannot both apply a migration.
	current, err := schemaVersion(tx)
	if err != nil {
		return err
	}
	if current > SchemaVersion() {
		return fmt.Errorf("%w: the database is at schema version %d and this build knows up to %d", ErrNewerSchema, current, SchemaVersion())
	}
	if m.version <= current {
		return nil
	}
	statements, err := m.statementsFor(server)
	if err != nil {
		return err
	}
	for _, stmt := range statements {
		if err := tx.Exec(stmt).Error; err != nil {
			return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
		}
	}
	if !server {
		if err := markApplication(tx); err != nil {
			return err
		}
	}
	return tx.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, time.Now().UTC().Format(time.RFC3339)).Error
}

func hasApplicationID(db *gorm.DB) bool {
	var id int64
	return db.Raw("PRAGMA application_id").Scan(&id).Error == nil && id == ApplicationID
}

func markApplication(tx *gorm.DB) error {
	return tx.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)).Error
}

func schemaVersion(db *gorm.DB) (int, error) {
	var v int
	if err := db.Raw(`SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v).Error; err != nil {
		return 0, fmt.Errorf("reading the schema version: %w", err)
	}
	return v, nil
}
