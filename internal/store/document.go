package store

import (
	"fmt"
	"sort"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// Export reads everything into one document, inside one transaction so the
// document is a consistent picture even while another process writes.
func (s *Store) Export() (snapshot.Document, error) {
	doc := snapshot.Document{Format: snapshot.Format, Version: snapshot.Version}
	var salaries []salaryRow
	err := s.read(func(tx *gorm.DB) error {
		st, err := settings(tx, s.schema)
		if err != nil {
			return err
		}
		doc.Plan = documentPlan(st)
		steps, err := roadmap(tx)
		if err != nil {
			return err
		}
		cats, err := categories(tx)
		if err != nil {
			return err
		}
		projects, err := projects(tx)
		if err != nil {
			return err
		}
		names := skillNames(cats)
		doc.Roadmap = documentSteps(steps)
		doc.SkillCategories = documentCategories(cats, names)
		doc.Projects = documentProjects(projects, names)
		if doc.Resume, err = documentResume(tx, names, projects); err != nil {
			return err
		}
		var sessions []sessionRow
		if err := tx.Order("date, start_time, id").Find(&sessions).Error; err != nil {
			return err
		}
		doc.Sessions = documentSessions(sessions, names, steps)
		if err := documentComparison(tx, &doc); err != nil {
			return err
		}
		if doc.JobSearch, err = documentJobs(tx); err != nil {
			return err
		}
		if doc.Practice, err = documentPractice(tx); err != nil {
			return err
		}
		if err := exportLinks(tx, &doc); err != nil {
			return err
		}
		if doc.Practice.Empty() {
			doc.Practice = nil // nothing but the default settings
		}
		return tx.Scopes(byPosition).Find(&salaries).Error
	})
	if err != nil {
		return snapshot.Document{}, fmt.Errorf("reading the data to export: %w", err)
	}
	doc.Salaries = make([]snapshot.Salary, len(salaries))
	for i, r := range salaries {
		doc.Salaries[i] = snapshot.Salary{Country: r.Country, CountryCode: r.CountryCode, Level: r.Level, Currency: r.Currency,
			Min: r.MinAmount, Max: r.MaxAmount, Median: r.MedianAmount, Year: r.Year, Source: r.Source, City: r.City,
			Link: r.Link, SourceDate: r.SourceDate}
		if r.Kind == string(salary.Offer) {
			doc.Salaries[i].Kind = r.Kind
		}
	}
	return doc, nil
}

func documentPlan(st plan.Settings) snapshot.Plan {
	p := snapshot.Plan{StartDate: st.StartDate.Format(time.DateOnly), HorizonMonths: st.HorizonMonths,
		HoursPerWeek: st.HoursPerWeek, StudyDays: plan.FormatStudyDays(st.StudyDays),
		WeekStart: plan.WeekdayName(st.WeekStart), MinStreakMinutes: st.MinStreakMinutes, StudyTime: st.StudyTime,
		DaysOff: make([]snapshot.DayOff, len(st.DaysOff))}
	for i, d := range st.DaysOff {
		p.DaysOff[i] = snapshot.DayOff{Date: formatDate(d.Date), Note: d.Note}
	}
	return p
}

func documentSessions(rows []sessionRow, skills map[uint]string, steps []plan.Step) []snapshot.Session {
	stepTitles := map[uint]string{}
	for _, st := range steps {
		stepTitles[st.ID] = st.Title
	}
	out := make([]snapshot.Session, len(rows))
	for i, r := range rows {
		s := sessionOf(r)
		out[i] = snapshot.Session{Date: r.Date, Start: r.StartTime, Minutes: r.Minutes, Skill: skills[s.SkillID], Step: stepTitles[s.StepID], Notes: r.Notes}
	}
	return out
}

func documentComparison(tx *gorm.DB, doc *snapshot.Document) error {
	var settings []planSettingsRow
	if err := tx.Limit(1).Find(&settings).Error; err != nil {
		return err
	}
	doc.Comparison = snapshot.DefaultComparison()
	if len(settings) > 0 {
		doc.Comparison = snapshot.Comparison{BaseCurrency: settings[0].BaseCurrency, TargetCountry: settings[0].TargetCountry, TargetLevel: settings[0].TargetLevel}
	}
	var rates []rateRow
	if err := tx.Order("currency").Find(&rates).Error; err != nil {
		return err
	}
	doc.ExchangeRates = make([]snapshot.Rate, len(rates))
	for i, r := range rates {
		doc.ExchangeRates[i] = snapshot.Rate{Currency: r.Currency, PerEUR: r.PerEUR, AsOf: r.AsOf, Source: r.Source, Link: r.Link, Manual: r.Manual}
	}
	var ppp []pppRow
	if err := tx.Order("country_code").Find(&ppp).Error; err != nil {
		return err
	}
	doc.PPP = make([]snapshot.PPP, len(ppp))
	for i, p := range ppp {
		doc.PPP[i] = snapshot.PPP{CountryCode: p.CountryCode, Country: p.Country, Factor: p.Factor, Year: p.Year, Source: p.Source,
			Link: p.Link, Released: p.Released}
	}
	return documentSources(tx, doc)
}

// documentSources adds the years' average rates and the survey medians.
func documentSources(tx *gorm.DB, doc *snapshot.Document) error {
	var annual []annualRow
	if err := tx.Order("currency, year").Find(&annual).Error; err != nil {
		return err
	}
	for _, a := range annual {
		doc.AnnualRates = append(doc.AnnualRates, snapshot.AnnualRate{Currency: a.Currency, Year: a.Year, PerEUR: a.PerEUR, Source: a.Source, Link: a.Link})
	}
	var medians []medianRow
	if err := tx.Order("country_code, year").Find(&medians).Error; err != nil {
		return err
	}
	for _, m := range medians {
		doc.SurveyMedians = append(doc.SurveyMedians, snapshot.Median{CountryCode: m.CountryCode, Country: m.Country, Role: m.Role, Year: m.Year,
			Currency: m.Currency, Median: m.Median, Respondents: m.Respondents, Source: m.Source, Link: m.Link})
	}
	return nil
}

func skillNames(cats []plan.Category) map[uint]string {
	names := map[uint]string{}
	for _, c := range cats {
		for _, sk := range c.Skills {
			names[sk.ID] = sk.Name
		}
	}
	return names
}

// namesOf turns skill IDs into names, sorted so that a document does not
// depend on the order rows happened to be stored in.
func namesOf(ids []uint, names map[uint]string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, names[id])
	}
	sort.Strings(out)
	return out
}

func documentLinks(links []plan.Link) []snapshot.Link {
	out := make([]snapshot.Link, len(links))
	for i, l := range links {
		out[i] = snapshot.Link{Title: l.Title, URL: l.URL}
	}
	return out
}

func documentSteps(steps []plan.Step) []snapshot.Step {
	out := make([]snapshot.Step, len(steps))
	for i, st := range steps {
		out[i] = snapshot.Step{Title: st.Title, Summary: st.Summary, Status: string(st.Status), TargetDate: formatDate(st.TargetDate),
			Hours: st.Hours, CoversSkills: st.CoversSkills, Notes: st.Notes,
			Actions: make([]snapshot.Action, len(st.Actions)), Links: documentLinks(st.Links)}
		for j, a := range st.Actions {
			out[i].Actions[j] = snapshot.Action{Text: a.Text, Done: a.Done}
		}
	}
	return out
}

func documentCategories(cats []plan.Category, names map[uint]string) []snapshot.Category {
	out := make([]snapshot.Category, len(cats))
	for i, c := range cats {
		out[i] = snapshot.Category{Name: c.Name, Skills: make([]snapshot.Skill, len(c.Skills))}
		for j, sk := range c.Skills {
			out[i].Skills[j] = snapshot.Skill{Name: sk.Name, Status: string(sk.Status), CurrentLevel: sk.CurrentLevel,
				TargetLevel: sk.TargetLevel, Hours: sk.Hours, Notes: sk.Notes, Links: documentLinks(sk.Links),
				Prerequisites: namesOf(sk.Prerequisites, names), LastPractised: formatDate(sk.LastPractised), Group: sk.Group}
		}
	}
	return out
}

func documentProjects(projects []plan.Project, names map[uint]string) []snapshot.Project {
	out := make([]snapshot.Project, len(projects))
	for i, p := range projects {
		out[i] = snapshot.Project{Name: p.Name, Description: p.Description, RepoURL: p.RepoURL,
			Status: string(p.Status), Skills: namesOf(p.SkillIDs, names), Started: formatDate(p.Started), Finished: formatDate(p.Finished)}
	}
	return out
}

// allTables are the tables of a learner's data, children before parents,
// so that clearing them in this order leaves no foreign key dangling.
var allTables = append(practiceTables, "resume_version_skills", "resume_version_projects", "resume_versions", "resume_links", "resume_work",
	"resume_education", "resume_certificates", "resume_profile", "interviews", "stage_events", "applications", "contacts", "stages",
	"exchange_rates", "ppp_factors", "annual_rates", "survey_medians", "sessions", "days_off", "project_skills", "projects", "skill_prerequisites",
	"skill_links", "step_links", "step_actions", "steps", "skills", "skill_categories", "salaries", "plan_settings")

// Import replaces all data with doc in one transaction. The document is
// validated whole first; if anything is wrong, nothing is written. Before
// the transaction commits, every table's row count is checked against the
// document, so an import that stored less than it read fails whole.
func (s *Store) Import(doc snapshot.Document) error {
	if err := doc.Validate(); err != nil {
		return err
	}
	err := s.write(func(tx *gorm.DB) error {
		for _, table := range allTables {
			if err := tx.Exec("DELETE FROM " + table).Error; err != nil {
				return fmt.Errorf("clearing %s: %w", table, err)
			}
		}
		if err := insertDocument(tx, doc, time.Now()); err != nil {
			return err
		}
		if err := insertPracticeAndLinks(tx, doc); err != nil {
			return err
		}
		// A document from before exchange rates existed leaves them to the
		// defaults on the next start; a newer one says what the learner has.
		if doc.UpgradedFrom > 0 && doc.UpgradedFrom < 4 {
			if err := tx.Where("key = ?", referenceDataKey).Delete(&metaRow{}).Error; err != nil {
				return err
			}
		} else if err := markMeta(tx, referenceDataKey); err != nil {
			return err
		}
		if err := markPracticeBank(tx, doc); err != nil {
			return err
		}
		if err := checkImported(tx, doc); err != nil {
			return err
		}
		// A document with study logged is a learner under way: the
		// welcome's first questions are behind them.
		if len(doc.Sessions) > 0 {
			if err := markMeta(tx, welcomedKey); err != nil {
				return err
			}
		}
		// The learner now has their own data; never seed over it.
		return markSeeded(tx)
	})
	if err != nil {
		return fmt.Errorf("importing: %w", err)
	}
	return nil
}

// Counts is how many rows of each kind a learner's data holds.
type Counts struct {
	Steps, Actions, Categories, Skills, Prerequisites, Projects, Sessions, DaysOff, Salaries, Rates, PPP int
	Applications, Moves                                                                                  int // the job search's applications and their history
	Cards, Reviews, Challenges, Mocks                                                                    int
}

func (c Counts) String() string {
	s := fmt.Sprintf("%d steps with %d checklist items, %d skills in %d categories, %d projects, %d sessions, %d days off, %d salary ranges",
		c.Steps, c.Actions, c.Skills, c.Categories, c.Projects, c.Sessions, c.DaysOff, c.Salaries)
	if c.Cards+c.Challenges+c.Mocks > 0 {
		s += fmt.Sprintf(", %d practice cards with %d reviews, %d coding challenges, %d mock interviews", c.Cards, c.Reviews, c.Challenges, c.Mocks)
	}
	return s
}

// DocumentCounts counts what a document holds.
func DocumentCounts(doc snapshot.Document) Counts {
	c := Counts{Steps: len(doc.Roadmap), Categories: len(doc.SkillCategories), Projects: len(doc.Projects), Sessions: len(doc.Sessions),
		DaysOff: len(doc.Plan.DaysOff), Salaries: len(doc.Salaries), Rates: len(doc.ExchangeRates), PPP: len(doc.PPP)}
	if doc.JobSearch != nil {
		c.Applications = len(doc.JobSearch.Applications)
		for _, a := range doc.JobSearch.Applications {
			c.Moves += len(a.History)
		}
	}
	c.Cards, c.Reviews, c.Challenges, c.Mocks = practiceCounts(doc.Practice)
	for _, st := range doc.Roadmap {
		c.Actions += len(st.Actions)
	}
	for _, cat := range doc.SkillCategories {
		c.Skills += len(cat.Skills)
		for _, sk := range cat.Skills {
			c.Prerequisites += len(sk.Prerequisites)
		}
	}
	return c
}

// Counts counts the rows stored.
func (s *Store) Counts() (Counts, error) {
	var c Counts
	err := s.read(func(tx *gorm.DB) (err error) { c, err = countRows(tx); return err })
	if err != nil {
		return Counts{}, fmt.Errorf("counting the data: %w", err)
	}
	return c, nil
}

func countRows(tx *gorm.DB) (Counts, error) {
	var c Counts
	for table, n := range map[string]*int{"steps": &c.Steps, "step_actions": &c.Actions, "skill_categories": &c.Categories,
		"skills": &c.Skills, "skill_prerequisites": &c.Prerequisites, "projects": &c.Projects, "sessions": &c.Sessions,
		"days_off": &c.DaysOff, "salaries": &c.Salaries, "exchange_rates": &c.Rates, "ppp_factors": &c.PPP,
		"applications": &c.Applications, "stage_events": &c.Moves,
		"cards": &c.Cards, "review_log": &c.Reviews, "challenges": &c.Challenges, "mocks": &c.Mocks} {
		if err := tx.Raw("SELECT COUNT(*) FROM " + table).Scan(n).Error; err != nil {
			return c, err
		}
	}
	return c, nil
}

// checkImported compares what the transaction stored with what the
// document holds.
func checkImported(tx *gorm.DB, doc snapshot.Document) error {
	got, err := countRows(tx)
	if err != nil {
		return err
	}
	// Prerequisites are stored once even when a document lists one twice.
	want := DocumentCounts(doc)
	want.Prerequisites = got.Prerequisites
	if got != want {
		return fmt.Errorf("the import stored %s, but the document holds %s; nothing was changed", got, want)
	}
	return nil
}

// insertBatch bounds the rows per INSERT, well under SQLite's limit on
// bound parameters.
const insertBatch = 200

// insertDocument writes a validated document into empty tables. A document
// without a start date starts the plan today.
func insertDocument(tx *gorm.DB, doc snapshot.Document, today time.Time) error {
	st, err := settingsOf(doc.Plan, today)
	if err != nil {
		return err
	}
	if err := insertSettings(tx, st); err != nil {
		return fmt.Errorf("writing the plan settings: %w", err)
	}
	if err := insertDaysOff(tx, st.DaysOff); err != nil {
		return fmt.Errorf("writing the days off: %w", err)
	}
	stepIDs, err := insertSteps(tx, doc.Roadmap, 0)
	if err != nil {
		return err
	}
	skillIDs, err := insertCategories(tx, doc.SkillCategories, map[string]uint{})
	if err != nil {
		return err
	}
	sessions := make([]sessionRow, len(doc.Sessions))
	for i, s := range doc.Sessions {
		sessions[i] = sessionRowOf(plan.Session{Date: parseDate(s.Date), Start: s.Start, Minutes: s.Minutes,
			SkillID: skillIDs[s.Skill], StepID: stepIDs[s.Step], Notes: s.Notes})
	}
	if err := createAll(tx, sessions); err != nil {
		return fmt.Errorf("writing the sessions: %w", err)
	}
	if err := insertProjects(tx, doc.Projects, skillIDs); err != nil {
		return err
	}

	salaries := make([]salaryRow, len(doc.Salaries))
	for i, s := range doc.Salaries {
		salaries[i] = salaryRowOf(s.Range())
		salaries[i].Position = i
	}
	if err := createAll(tx, salaries); err != nil {
		return fmt.Errorf("writing the salaries: %w", err)
	}
	c := doc.Comparison
	err = tx.Model(&planSettingsRow{}).Where("id = 1").Updates(map[string]any{
		"base_currency": c.BaseCurrency, "target_country": c.TargetCountry, "target_level": c.TargetLevel}).Error
	if err != nil {
		return fmt.Errorf("writing the comparison settings: %w", err)
	}
	if err := insertJobsAndReferenceData(tx, doc); err != nil {
		return err
	}
	return insertResume(tx, doc.Resume, skillIDs)
}

// insertJobsAndReferenceData adds the job search, then the reference data.
func insertJobsAndReferenceData(tx *gorm.DB, doc snapshot.Document) error {
	if err := insertJobs(tx, doc.JobSearch); err != nil {
		return err
	}
	return insertReferenceData(tx, doc)
}

// insertProjects writes the projects with the skills each proves.
func insertProjects(tx *gorm.DB, projects []snapshot.Project, skillIDs map[string]uint) error {
	for i, p := range projects {
		row := projectRow{Position: i, Name: p.Name, Description: p.Description, RepoURL: p.RepoURL, Status: p.Status,
			Started: p.Started, Finished: p.Finished}
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("writing project %q: %w", p.Name, err)
		}
		links := make([]projectSkillRow, len(p.Skills))
		for j, name := range p.Skills {
			links[j] = projectSkillRow{ProjectID: row.ID, SkillID: skillIDs[name]}
		}
		if err := createAll(tx, links); err != nil {
			return fmt.Errorf("writing the skills of project %q: %w", p.Name, err)
		}
	}
	return nil
}

// insertReferenceData adds the document's exchange rates and purchasing
// power factors, keeping any already stored for the same currency or
// country.
func insertReferenceData(tx *gorm.DB, doc snapshot.Document) error {
	for _, r := range doc.ExchangeRates {
		err := tx.Exec(`INSERT INTO exchange_rates (currency, per_eur, as_of, source, link, manual) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			r.Currency, r.PerEUR, r.AsOf, r.Source, r.Link, r.Manual).Error
		if err != nil {
			return fmt.Errorf("writing the rate of %s: %w", r.Currency, err)
		}
	}
	for _, p := range doc.PPP {
		err := tx.Exec(`INSERT INTO ppp_factors (country_code, country, factor, year, source, link, released) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			p.CountryCode, p.Country, p.Factor, p.Year, p.Source, p.Link, p.Released).Error
		if err != nil {
			return fmt.Errorf("writing the factor of %s: %w", p.CountryCode, err)
		}
	}
	return insertSources(tx, doc)
}

// insertSources adds the document's years' averages and survey medians,
// keeping those already stored: like the rates and factors, they are
// public figures a document carries, not the learner's own, so an import
// of a document without them (version 5 or older) takes none away.
func insertSources(tx *gorm.DB, doc snapshot.Document) error {
	for _, a := range doc.AnnualRates {
		err := tx.Exec(`INSERT INTO annual_rates (currency, year, per_eur, source, link) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			a.Currency, a.Year, a.PerEUR, a.Source, a.Link).Error
		if err != nil {
			return fmt.Errorf("writing the %d average of %s: %w", a.Year, a.Currency, err)
		}
	}
	for _, m := range doc.SurveyMedians {
		row := medianRowOf(m.Reported())
		if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error; err != nil {
			return fmt.Errorf("writing the survey median for %s: %w", m.Country, err)
		}
	}
	return nil
}

// settingsOf reads a document's plan; without a start date it starts today.
func settingsOf(p snapshot.Plan, today time.Time) (plan.Settings, error) {
	st := plan.Settings{StartDate: plan.Date(today), HorizonMonths: p.HorizonMonths, HoursPerWeek: p.HoursPerWeek,
		MinStreakMinutes: p.MinStreakMinutes, StudyTime: p.StudyTime}
	if p.StartDate != "" {
		st.StartDate = parseDate(p.StartDate)
	}
	var err error
	if st.StudyDays, err = plan.ParseStudyDays(p.StudyDays); err != nil {
		return st, err
	}
	if st.WeekStart, err = plan.ParseWeekday(p.WeekStart); err != nil {
		return st, err
	}
	for _, d := range p.DaysOff {
		st.DaysOff = append(st.DaysOff, plan.DayOff{Date: parseDate(d.Date), Note: d.Note})
	}
	return st, nil
}

// insertSteps appends steps from position first on and returns their IDs
// by title.
func insertSteps(tx *gorm.DB, steps []snapshot.Step, first int) (map[string]uint, error) {
	ids := map[string]uint{}
	for i, st := range steps {
		row := stepRow{Position: first + i, Title: st.Title, Summary: st.Summary, Status: st.Status, TargetDate: st.TargetDate,
			Hours: st.Hours, CoversSkills: st.CoversSkills, Notes: st.Notes}
		if err := tx.Omit("Actions", "Links").Create(&row).Error; err != nil {
			return nil, fmt.Errorf("writing step %q: %w", st.Title, err)
		}
		ids[st.Title] = row.ID
		if err := insertActions(tx, row.ID, st.Actions, 0); err != nil {
			return nil, fmt.Errorf("writing the checklist of %q: %w", st.Title, err)
		}
		if err := insertStepLinks(tx, row.ID, st.Links, 0); err != nil {
			return nil, fmt.Errorf("writing the links of %q: %w", st.Title, err)
		}
	}
	return ids, nil
}

func insertActions(tx *gorm.DB, stepID uint, actions []snapshot.Action, first int) error {
	rows := make([]actionRow, len(actions))
	for j, a := range actions {
		rows[j] = actionRow{StepID: stepID, Position: first + j, Text: a.Text, Done: a.Done}
	}
	return createAll(tx, rows)
}

func insertStepLinks(tx *gorm.DB, stepID uint, links []snapshot.Link, first int) error {
	rows := make([]stepLinkRow, len(links))
	for j, l := range links {
		rows[j] = stepLinkRow{StepID: stepID, Position: first + j, Title: l.Title, URL: l.URL}
	}
	return createAll(tx, rows)
}

// insertCategories writes categories with their skills, then the
// prerequisites between them, which may name skills already stored (in
// known, by name). It returns every skill's ID by name.
func insertCategories(tx *gorm.DB, cats []snapshot.Category, known map[string]uint) (map[string]uint, error) {
	first := nextPosition(tx, "skill_categories", "1 = 1")
	for i, c := range cats {
		row := categoryRow{Position: first + i, Name: c.Name}
		if err := tx.Omit("Skills").Create(&row).Error; err != nil {
			return nil, fmt.Errorf("writing category %q: %w", c.Name, err)
		}
		for j, sk := range c.Skills {
			id, err := insertSkill(tx, row.ID, j, sk)
			if err != nil {
				return nil, err
			}
			known[sk.Name] = id
		}
	}
	for _, c := range cats {
		for _, sk := range c.Skills {
			if err := insertPrerequisites(tx, known[sk.Name], sk.Prerequisites, known); err != nil {
				return nil, fmt.Errorf("writing the prerequisites of %q: %w", sk.Name, err)
			}
		}
	}
	return known, nil
}

func insertSkill(tx *gorm.DB, categoryID uint, position int, sk snapshot.Skill) (uint, error) {
	row := skillRow{CategoryID: categoryID, Position: position, Name: sk.Name, Status: sk.Status, CurrentLevel: sk.CurrentLevel,
		TargetLevel: sk.TargetLevel, Hours: sk.Hours, Notes: sk.Notes, LastPractised: sk.LastPractised, ChoiceGroup: sk.Group}
	if err := tx.Omit("Links").Create(&row).Error; err != nil {
		return 0, fmt.Errorf("writing skill %q: %w", sk.Name, err)
	}
	links := make([]skillLinkRow, len(sk.Links))
	for k, l := range sk.Links {
		links[k] = skillLinkRow{SkillID: row.ID, Position: k, Title: l.Title, URL: l.URL}
	}
	if err := createAll(tx, links); err != nil {
		return 0, fmt.Errorf("writing the links of %q: %w", sk.Name, err)
	}
	return row.ID, nil
}

func insertPrerequisites(tx *gorm.DB, skillID uint, names []string, ids map[string]uint) error {
	for _, name := range names {
		err := tx.Exec(`INSERT INTO skill_prerequisites (skill_id, prerequisite_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
			skillID, ids[name]).Error
		if err != nil {
			return err
		}
	}
	return nil
}

func createAll[T any](tx *gorm.DB, rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	return tx.CreateInBatches(rows, insertBatch).Error
}
