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
type migration struct {
	version    int
	name       string
	statements []string
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
	// The résumé: the profile (one row), its links, work, education and
	// certificates, and the named versions tailored to a job, each with the
	// skills and projects it shows in order. application_id names the job
	// application a version was sent with; it has no foreign key, so the
	// résumé does not depend on the job search's tables.
	{7, "résumé: profile, work, education, certificates and tailored versions", []string{
		`CREATE TABLE resume_profile (
			id       INTEGER PRIMARY KEY CHECK (id = 1),
			name     TEXT NOT NULL DEFAULT '',
			headline TEXT NOT NULL DEFAULT '',
			email    TEXT NOT NULL DEFAULT '',
			phone    TEXT NOT NULL DEFAULT '',
			location TEXT NOT NULL DEFAULT '',
			summary  TEXT NOT NULL DEFAULT ''
		)`,
		`CREATE TABLE resume_links (
			id       INTEGER PRIMARY KEY AUTOINCREMENT,
			position INTEGER NOT NULL,
			network  TEXT    NOT NULL,
			url      TEXT    NOT NULL
		)`,
		`CREATE TABLE resume_work (
			id         INTEGER PRIMARY KEY AUTOINCREMENT,
			position   INTEGER NOT NULL,
			company    TEXT    NOT NULL,
			title      TEXT    NOT NULL,
			url        TEXT    NOT NULL DEFAULT '',
			start_date TEXT    NOT NULL DEFAULT '',
			end_date   TEXT    NOT NULL DEFAULT '',
			summary    TEXT    NOT NULL DEFAULT '',
			highlights TEXT    NOT NULL DEFAULT ''
		)`,
		`CREATE TABLE resume_education (
			id          INTEGER PRIMARY KEY AUTOINCREMENT,
			position    INTEGER NOT NULL,
			institution TEXT    NOT NULL,
			area        TEXT    NOT NULL DEFAULT '',
			study_type  TEXT    NOT NULL DEFAULT '',
			url         TEXT    NOT NULL DEFAULT '',
			start_date  TEXT    NOT NULL DEFAULT '',
			end_date    TEXT    NOT NULL DEFAULT ''
		)`,
		`CREATE TABLE resume_certificates (
			id       INTEGER PRIMARY KEY AUTOINCREMENT,
			position INTEGER NOT NULL,
			name     TEXT    NOT NULL,
			issuer   TEXT    NOT NULL DEFAULT '',
			date     TEXT    NOT NULL DEFAULT '',
			url      TEXT    NOT NULL DEFAULT ''
		)`,
		`CREATE TABLE resume_versions (
			id             INTEGER PRIMARY KEY AUTOINCREMENT,
			name           TEXT    NOT NULL UNIQUE,
			application_id INTEGER,
			posting        TEXT    NOT NULL DEFAULT '',
			created        TEXT    NOT NULL
		)`,
		`CREATE TABLE resume_version_skills (
			version_id INTEGER NOT NULL REFERENCES resume_versions(id) ON DELETE CASCADE,
			skill_id   INTEGER NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
			position   INTEGER NOT NULL,
			PRIMARY KEY (version_id, skill_id)
		)`,
		`CREATE TABLE resume_version_projects (
			version_id INTEGER NOT NULL REFERENCES resume_versions(id) ON DELETE CASCADE,
			project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
			position   INTEGER NOT NULL,
			PRIMARY KEY (version_id, project_id)
		)`,
		`CREATE INDEX resume_version_skills_by_skill ON resume_version_skills(skill_id)`,
		`CREATE INDEX resume_version_projects_by_project ON resume_version_projects(project_id)`,
		// When a project was started and finished, for the résumé; ''
		// when not given.
		`ALTER TABLE projects ADD COLUMN started TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE projects ADD COLUMN finished TEXT NOT NULL DEFAULT ''`,
	}},
	// Sources as data. Every salary, rate and factor says where it is
	// from, when and at which address; a rate the learner typed is marked
	// so an update from the ECB never replaces it unasked (the shipped
	// rates are known by their source; any other was typed or edited);
	// the ECB's fixings are kept with their dates and years' averages
	// apart; the World Bank's exact 2023 factors replace the rounded ones
	// the app shipped, where the learner never changed them; and the
	// Stack Overflow survey's medians for back-end developers stand beside
	// the article's ranges.
	{8, "sources as data: links and dates, hand-typed rates, fixings and yearly averages, exact PPP factors, survey medians", []string{
		`ALTER TABLE salaries ADD COLUMN link TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE salaries ADD COLUMN source_date TEXT NOT NULL DEFAULT ''`,
		`UPDATE salaries SET source_date = '2023-09-05' WHERE kind = 'market' AND source = 'KnowledgeHut, "How to Become a Backend Developer: Skills Required, Roadmap", 5 Sep 2023'`,
		`ALTER TABLE exchange_rates ADD COLUMN link TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE exchange_rates ADD COLUMN manual INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1))`,
		`UPDATE exchange_rates SET manual = 1 WHERE source <> 'European Central Bank, euro foreign exchange reference rates, 2023 annual average (ecb.europa.eu, Statistical Data Warehouse EXR)'`,
		`UPDATE exchange_rates SET link = 'https://data-api.ecb.europa.eu/service/data/EXR/A.' || currency || '.EUR.SP00.A?format=csvdata&startPeriod=2023&endPeriod=2023'
			WHERE manual = 0`,
		`ALTER TABLE ppp_factors ADD COLUMN link TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE ppp_factors ADD COLUMN released TEXT NOT NULL DEFAULT ''`,
		`UPDATE ppp_factors SET factor = '1.213754', source = 'World Bank, World Development Indicators, PA.NUS.PRVT.PP (PPP conversion factor, private consumption, LCU per international $), 2023 value to six decimals', link = 'https://data.worldbank.org/indicator/PA.NUS.PRVT.PP'
			WHERE country_code = 'CA' AND year = 2023 AND source = 'World Bank WDI PA.NUS.PRVT.PP (PPP conversion factor, private consumption), 2023, as republished by knoema.com, which rounds to one decimal'`,
		`UPDATE ppp_factors SET factor = '0.710629', source = 'World Bank, World Development Indicators, PA.NUS.PRVT.PP (PPP conversion factor, private consumption, LCU per international $), 2023 value to six decimals', link = 'https://data.worldbank.org/indicator/PA.NUS.PRVT.PP'
			WHERE country_code = 'GB' AND year = 2023 AND source = 'World Bank WDI PA.NUS.PRVT.PP (PPP conversion factor, private consumption), 2023, as republished by knoema.com, which rounds to one decimal'`,
		`UPDATE ppp_factors SET factor = '1.438033', source = 'World Bank, World Development Indicators, PA.NUS.PRVT.PP (PPP conversion factor, private consumption, LCU per international $), 2023 value to six decimals', link = 'https://data.worldbank.org/indicator/PA.NUS.PRVT.PP'
			WHERE country_code = 'AU' AND year = 2023 AND source = 'World Bank WDI PA.NUS.PRVT.PP (PPP conversion factor, private consumption), 2023, as republished by knoema.com, which rounds to one decimal'`,
		`UPDATE ppp_factors SET factor = '0.746175', source = 'World Bank, World Development Indicators, PA.NUS.PRVT.PP (PPP conversion factor, private consumption, LCU per international $), 2023 value to six decimals', link = 'https://data.worldbank.org/indicator/PA.NUS.PRVT.PP'
			WHERE country_code = 'DE' AND year = 2023 AND source = 'World Bank WDI PA.NUS.PRVT.PP (PPP conversion factor, private consumption), 2023, as republished by knoema.com, which rounds to one decimal'`,
		`UPDATE ppp_factors SET link = 'https://data.worldbank.org/indicator/PA.NUS.PRVT.PP'
			WHERE country_code = 'US' AND source = 'World Bank WDI PA.NUS.PRVT.PP: 1 by definition (the international dollar is the US dollar)'`,
		`CREATE TABLE rate_fixings (
			currency TEXT NOT NULL,
			date     TEXT NOT NULL,
			per_eur  TEXT NOT NULL,
			source   TEXT NOT NULL DEFAULT '',
			link     TEXT NOT NULL DEFAULT '',
			PRIMARY KEY (currency, date)
		)`,
		`CREATE TABLE annual_rates (
			currency TEXT    NOT NULL,
			year     INTEGER NOT NULL,
			per_eur  TEXT    NOT NULL,
			source   TEXT    NOT NULL DEFAULT '',
			link     TEXT    NOT NULL DEFAULT '',
			PRIMARY KEY (currency, year)
		)`,
		`CREATE TABLE survey_medians (
			id           INTEGER PRIMARY KEY AUTOINCREMENT,
			country_code TEXT    NOT NULL DEFAULT '',
			country      TEXT    NOT NULL,
			role         TEXT    NOT NULL,
			year         INTEGER NOT NULL,
			currency     TEXT    NOT NULL,
			median       INTEGER NOT NULL CHECK (median > 0),
			respondents  INTEGER NOT NULL CHECK (respondents > 0),
			source       TEXT    NOT NULL DEFAULT '',
			link         TEXT    NOT NULL DEFAULT '',
			UNIQUE (country_code, role, year)
		)`,
		// Verified against the survey's published archive: 2024 at commit
		// 79b83b8 (the all-countries n from CompTotal_YearsCodePro_DevType;
		// Germany's median 79,346.5 rounded), 2025 at commit ff9aef0. The
		// country tables hold no Canada or Australia.
		`INSERT INTO survey_medians (country_code, country, role, year, currency, median, respondents, source, link) VALUES
				('', 'All countries', 'Developer, back-end', 2024, 'USD', 67227, 4728, 'Stack Overflow Developer Survey 2024: median total yearly compensation reported by respondents whose role is "Developer, back-end", in US dollars as converted by the survey (ODbL); published in StackExchange/Survey, packages/archive/2024/json/work.json', 'https://survey.stackoverflow.co/2024/work'),
				('US', 'United States', 'Developer, back-end', 2024, 'USD', 170000, 776, 'Stack Overflow Developer Survey 2024: median total yearly compensation reported by respondents whose role is "Developer, back-end", in US dollars as converted by the survey (ODbL); published in StackExchange/Survey, packages/archive/2024/json/work.json', 'https://survey.stackoverflow.co/2024/work'),
				('DE', 'Germany', 'Developer, back-end', 2024, 'USD', 79347, 336, 'Stack Overflow Developer Survey 2024: median total yearly compensation reported by respondents whose role is "Developer, back-end", in US dollars as converted by the survey (ODbL); published in StackExchange/Survey, packages/archive/2024/json/work.json', 'https://survey.stackoverflow.co/2024/work'),
				('GB', 'United Kingdom', 'Developer, back-end', 2024, 'USD', 101910, 264, 'Stack Overflow Developer Survey 2024: median total yearly compensation reported by respondents whose role is "Developer, back-end", in US dollars as converted by the survey (ODbL); published in StackExchange/Survey, packages/archive/2024/json/work.json', 'https://survey.stackoverflow.co/2024/work'),
				('', 'All countries', 'Developer, back-end', 2025, 'USD', 79742, 3897, 'Stack Overflow Developer Survey 2025: median total yearly compensation reported by respondents whose role is "Developer, back-end", in US dollars as converted by the survey (ODbL); published in StackExchange/Survey, packages/archive/2025/json/work.json', 'https://survey.stackoverflow.co/2025/work'),
				('US', 'United States', 'Developer, back-end', 2025, 'USD', 175000, 687, 'Stack Overflow Developer Survey 2025: median total yearly compensation reported by respondents whose role is "Developer, back-end", in US dollars as converted by the survey (ODbL); published in StackExchange/Survey, packages/archive/2025/json/work.json', 'https://survey.stackoverflow.co/2025/work'),
				('DE', 'Germany', 'Developer, back-end', 2025, 'USD', 87011, 286, 'Stack Overflow Developer Survey 2025: median total yearly compensation reported by respondents whose role is "Developer, back-end", in US dollars as converted by the survey (ODbL); published in StackExchange/Survey, packages/archive/2025/json/work.json', 'https://survey.stackoverflow.co/2025/work'),
				('GB', 'United Kingdom', 'Developer, back-end', 2025, 'USD', 108913, 260, 'Stack Overflow Developer Survey 2025: median total yearly compensation reported by respondents whose role is "Developer, back-end", in US dollars as converted by the survey (ODbL); published in StackExchange/Survey, packages/archive/2025/json/work.json', 'https://survey.stackoverflow.co/2025/work')`,
	}},
	// The job search: applications and the stages they move through,
	// each move an event (the latest is the current stage), contacts and
	// interviews. resume_version_id names the résumé version sent; like
	// a version's application_id, it has no foreign key, so deleting
	// either leaves the other whole.
	{9, "job search: applications, stages and their history, contacts, interviews", []string{
		`CREATE TABLE stages (
			id       INTEGER PRIMARY KEY AUTOINCREMENT,
			position INTEGER NOT NULL,
			name     TEXT    NOT NULL UNIQUE COLLATE NOCASE,
			kind     TEXT    NOT NULL CHECK (kind IN ('saved', 'applied', 'answer', 'offer', 'hired', 'closed', 'silent'))
		)`,
		`INSERT INTO stages (position, name, kind) VALUES
			(1, 'Saved', 'saved'), (2, 'Applied', 'applied'), (3, 'Screening', 'answer'),
			(4, 'Technical interview', 'answer'), (5, 'Final interview', 'answer'), (6, 'Offer', 'offer'),
			(7, 'Accepted', 'hired'), (8, 'Declined', 'closed'), (9, 'Rejected', 'closed'),
			(10, 'Ghosted', 'silent'), (11, 'Withdrawn', 'silent')`,
		`CREATE TABLE applications (
			id                INTEGER PRIMARY KEY AUTOINCREMENT,
			company           TEXT    NOT NULL,
			role              TEXT    NOT NULL,
			url               TEXT    NOT NULL DEFAULT '',
			source            TEXT    NOT NULL DEFAULT '',
			location          TEXT    NOT NULL DEFAULT '',
			remote            TEXT    NOT NULL DEFAULT '' CHECK (remote IN ('', 'onsite', 'hybrid', 'remote')),
			salary_asked      INTEGER NOT NULL DEFAULT 0 CHECK (salary_asked >= 0),
			salary_offered    INTEGER NOT NULL DEFAULT 0 CHECK (salary_offered >= 0),
			currency          TEXT    NOT NULL DEFAULT '',
			notes             TEXT    NOT NULL DEFAULT '',
			posting           TEXT    NOT NULL DEFAULT '',
			resume_version_id INTEGER
		)`,
		`CREATE INDEX applications_by_company ON applications(company)`,
		`CREATE TABLE stage_events (
			id             INTEGER PRIMARY KEY AUTOINCREMENT,
			application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
			stage_id       INTEGER NOT NULL REFERENCES stages(id) ON DELETE RESTRICT,
			date           TEXT    NOT NULL,
			note           TEXT    NOT NULL DEFAULT ''
		)`,
		`CREATE INDEX stage_events_by_application ON stage_events(application_id, date, id)`,
		`CREATE INDEX stage_events_by_stage ON stage_events(stage_id)`,
		`CREATE TABLE contacts (
			id      INTEGER PRIMARY KEY AUTOINCREMENT,
			name    TEXT NOT NULL,
			role    TEXT NOT NULL DEFAULT '',
			company TEXT NOT NULL DEFAULT '',
			email   TEXT NOT NULL DEFAULT '',
			link    TEXT NOT NULL DEFAULT '',
			notes   TEXT NOT NULL DEFAULT ''
		)`,
		`CREATE TABLE interviews (
			id             INTEGER PRIMARY KEY AUTOINCREMENT,
			application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
			starts_at      TEXT    NOT NULL,
			minutes        INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
			place          TEXT    NOT NULL DEFAULT '',
			link           TEXT    NOT NULL DEFAULT '',
			contact_id     INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
			notes          TEXT    NOT NULL DEFAULT ''
		)`,
		`CREATE INDEX interviews_by_application ON interviews(application_id)`,
		`CREATE INDEX interviews_by_start ON interviews(starts_at)`,
		`CREATE INDEX interviews_by_contact ON interviews(contact_id)`,
		// The hours a week the search takes, part of the same capacity as
		// study, and the days without a move before a follow-up is due.
		`ALTER TABLE plan_settings ADD COLUMN job_hours_per_week REAL NOT NULL DEFAULT 0 CHECK (job_hours_per_week BETWEEN 0 AND 100)`,
		`ALTER TABLE plan_settings ADD COLUMN follow_up_days INTEGER NOT NULL DEFAULT 7 CHECK (follow_up_days BETWEEN 1 AND 365)`,
	}},
	// Interview practice: question cards with their FSRS memory state in
	// columns of their own, every review in an append-only log (what
	// re-scheduling and fitting FSRS's parameters need), coding challenges
	// scheduled the same way, mock interviews. Times are RFC 3339 in UTC
	// with nanoseconds, so the log replays to the stored state exactly.
	// The default question bank is given once by the store (Seed), not
	// here: a migration stays frozen while the bank may grow.
	{10, "interview practice: cards scheduled by FSRS, the review log, coding challenges, mock interviews", []string{
		`CREATE TABLE practice_settings (
			id          INTEGER PRIMARY KEY CHECK (id = 1),
			retention   REAL    NOT NULL DEFAULT 0.9 CHECK (retention BETWEEN 0.7 AND 0.97),
			new_per_day INTEGER NOT NULL DEFAULT 10 CHECK (new_per_day BETWEEN 0 AND 500)
		)`,
		`INSERT INTO practice_settings (id) VALUES (1)`,
		`CREATE TABLE cards (
			id             INTEGER PRIMARY KEY AUTOINCREMENT,
			front          TEXT    NOT NULL,
			back           TEXT    NOT NULL DEFAULT '',
			topic          TEXT    NOT NULL DEFAULT '',
			tags           TEXT    NOT NULL DEFAULT '[]',
			skills         TEXT    NOT NULL DEFAULT '[]',
			suspended      INTEGER NOT NULL DEFAULT 0,
			application_id INTEGER,
			bank_key       TEXT    UNIQUE,
			due            TEXT    NOT NULL DEFAULT '',
			stability      REAL    NOT NULL DEFAULT 0,
			difficulty     REAL    NOT NULL DEFAULT 0,
			elapsed_days   INTEGER NOT NULL DEFAULT 0,
			scheduled_days INTEGER NOT NULL DEFAULT 0,
			reps           INTEGER NOT NULL DEFAULT 0,
			lapses         INTEGER NOT NULL DEFAULT 0,
			state          INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),
			last_review    TEXT    NOT NULL DEFAULT ''
		)`,
		`CREATE INDEX cards_by_due ON cards(state, due)`,
		`CREATE TABLE review_log (
			id             INTEGER PRIMARY KEY AUTOINCREMENT,
			card_id        INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
			rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
			reviewed_at    TEXT    NOT NULL,
			elapsed_days   INTEGER NOT NULL,
			scheduled_days INTEGER NOT NULL,
			state_before   INTEGER NOT NULL CHECK (state_before BETWEEN 0 AND 3),
			retention      REAL    NOT NULL
		)`,
		`CREATE INDEX review_log_by_card ON review_log(card_id, id)`,
		`CREATE INDEX review_log_by_time ON review_log(reviewed_at)`,
		// The log is appended to; a line is never rewritten.
		`CREATE TRIGGER review_log_append_only BEFORE UPDATE ON review_log BEGIN
			SELECT RAISE(ABORT, 'the review log is append-only');
		END`,
		`CREATE TABLE challenges (
			id             INTEGER PRIMARY KEY AUTOINCREMENT,
			title          TEXT    NOT NULL,
			url            TEXT    NOT NULL DEFAULT '',
			source         TEXT    NOT NULL DEFAULT '',
			pattern        TEXT    NOT NULL DEFAULT '',
			difficulty     TEXT    NOT NULL DEFAULT 'medium' CHECK (difficulty IN ('easy', 'medium', 'hard')),
			due            TEXT    NOT NULL DEFAULT '',
			stability      REAL    NOT NULL DEFAULT 0,
			difficulty_fsrs REAL   NOT NULL DEFAULT 0,
			elapsed_days   INTEGER NOT NULL DEFAULT 0,
			scheduled_days INTEGER NOT NULL DEFAULT 0,
			reps           INTEGER NOT NULL DEFAULT 0,
			lapses         INTEGER NOT NULL DEFAULT 0,
			state          INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),
			last_review    TEXT    NOT NULL DEFAULT ''
		)`,
		`CREATE TABLE challenge_attempts (
			id             INTEGER PRIMARY KEY AUTOINCREMENT,
			challenge_id   INTEGER NOT NULL REFERENCES challenges(id) ON DELETE CASCADE,
			rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
			reviewed_at    TEXT    NOT NULL,
			elapsed_days   INTEGER NOT NULL,
			scheduled_days INTEGER NOT NULL,
			state_before   INTEGER NOT NULL CHECK (state_before BETWEEN 0 AND 3),
			retention      REAL    NOT NULL,
			minutes        INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
			result         TEXT    NOT NULL CHECK (result IN ('solved', 'hints', 'not_solved')),
			session_id     INTEGER REFERENCES sessions(id) ON DELETE SET NULL
		)`,
		`CREATE INDEX challenge_attempts_by_challenge ON challenge_attempts(challenge_id, id)`,
		`CREATE INDEX challenge_attempts_by_session ON challenge_attempts(session_id)`,
		`CREATE TRIGGER challenge_attempts_append_only BEFORE UPDATE OF challenge_id, rating, reviewed_at, elapsed_days, scheduled_days, state_before, retention ON challenge_attempts BEGIN
			SELECT RAISE(ABORT, 'the attempts are append-only');
		END`,
		`CREATE TABLE mocks (
			id       INTEGER PRIMARY KEY AUTOINCREMENT,
			taken_at TEXT    NOT NULL,
			minutes  INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
			topics   TEXT    NOT NULL DEFAULT '[]'
		)`,
		`CREATE TABLE mock_answers (
			id       INTEGER PRIMARY KEY AUTOINCREMENT,
			mock_id  INTEGER NOT NULL REFERENCES mocks(id) ON DELETE CASCADE,
			position INTEGER NOT NULL,
			card_id  INTEGER REFERENCES cards(id) ON DELETE SET NULL,
			question TEXT    NOT NULL,
			rating   INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4)
		)`,
		`CREATE INDEX mock_answers_by_mock ON mock_answers(mock_id, position)`,
		`CREATE INDEX mock_answers_by_card ON mock_answers(card_id)`,
	}},
}

// SchemaVersion is the version the newest migration brings a database to.
func SchemaVersion() int { return migrations[len(migrations)-1].version }

// migrate applies the pending migrations, each in its own transaction with
// its record in schema_migrations, so a crash leaves the database at a
// version it really has. It marks the file with ApplicationID in the same
// transaction, on a new file and on one made before the ID existed.
func migrate(db *gorm.DB) error {
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
	if current == SchemaVersion() && hasApplicationID(db) {
		return nil
	}
	if current == SchemaVersion() {
		return db.Transaction(markApplication)
	}
	for _, m := range migrations {
		if err := db.Transaction(func(tx *gorm.DB) error { return apply(tx, m) }); err != nil {
			return err
		}
	}
	return nil
}

// apply runs one migration unless the database already has it.
func apply(tx *gorm.DB, m migration) error {
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
	for _, stmt := range m.statements {
		if err := tx.Exec(stmt).Error; err != nil {
			return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
		}
	}
	if err := markApplication(tx); err != nil {
		return err
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
