package store

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

type stageRow struct {
	ID       uint `gorm:"primaryKey"`
	Position int
	Name     string
	Kind     string
}

func (stageRow) TableName() string { return "stages" }

type applicationRow struct {
	ID              uint `gorm:"primaryKey"`
	Company         string
	Role            string
	URL             string `gorm:"column:url"`
	Source          string
	Location        string
	Remote          string
	SalaryAsked     int64
	SalaryOffered   int64
	Currency        string
	Notes           string
	Posting         string
	ResumeVersionID *uint
}

func (applicationRow) TableName() string { return "applications" }

type stageEventRow struct {
	ID            uint `gorm:"primaryKey"`
	ApplicationID uint
	StageID       uint
	Date          string
	Note          string
}

func (stageEventRow) TableName() string { return "stage_events" }

type contactRow struct {
	ID      uint `gorm:"primaryKey"`
	Name    string
	Role    string
	Company string
	Email   string
	Link    string
	Notes   string
}

func (contactRow) TableName() string { return "contacts" }

type interviewRow struct {
	ID            uint `gorm:"primaryKey"`
	ApplicationID uint
	StartsAt      string
	Minutes       int
	Place         string
	Link          string
	ContactID     *uint
	Notes         string
}

func (interviewRow) TableName() string { return "interviews" }

// timeLayout is how an interview's start is stored: a wall-clock time.
const timeLayout = "2006-01-02T15:04"

// JobBoard reads the whole job search: stages in order, applications with
// their history oldest first, interviews by start, contacts by name.
func (s *Store) JobBoard() (jobsearch.Board, error) {
	var b jobsearch.Board
	err := s.read(func(tx *gorm.DB) error {
		var err error
		b, err = readBoard(tx)
		return err
	})
	if err != nil {
		return jobsearch.Board{}, fmt.Errorf("loading the job search: %w", err)
	}
	return b, nil
}

func readBoard(tx *gorm.DB) (jobsearch.Board, error) {
	var b jobsearch.Board
	var stages []stageRow
	if err := tx.Order("position, id").Find(&stages).Error; err != nil {
		return b, err
	}
	for _, r := range stages {
		b.Stages = append(b.Stages, jobsearch.Stage{ID: r.ID, Position: r.Position, Name: r.Name, Kind: jobsearch.Kind(r.Kind)})
	}
	var apps []applicationRow
	if err := tx.Order("id").Find(&apps).Error; err != nil {
		return b, err
	}
	var events []stageEventRow
	if err := tx.Order("application_id, date, id").Find(&events).Error; err != nil {
		return b, err
	}
	history := map[uint][]jobsearch.Event{}
	for _, e := range events {
		history[e.ApplicationID] = append(history[e.ApplicationID], jobsearch.Event{ID: e.ID, StageID: e.StageID, Date: parseDate(e.Date), Note: e.Note})
	}
	for _, r := range apps {
		a := applicationOf(r)
		a.History = history[r.ID]
		b.Applications = append(b.Applications, a)
	}
	var ivs []interviewRow
	if err := tx.Order("starts_at, id").Find(&ivs).Error; err != nil {
		return b, err
	}
	for _, r := range ivs {
		b.Interviews = append(b.Interviews, interviewOf(r))
	}
	var contacts []contactRow
	if err := tx.Order("lower(name), id").Find(&contacts).Error; err != nil {
		return b, err
	}
	for _, r := range contacts {
		b.Contacts = append(b.Contacts, jobsearch.Contact{ID: r.ID, Name: r.Name, Role: r.Role, Company: r.Company, Email: r.Email, Link: r.Link, Notes: r.Notes})
	}
	return b, nil
}

func applicationOf(r applicationRow) jobsearch.Application {
	return jobsearch.Application{ID: r.ID, Company: r.Company, Role: r.Role, URL: r.URL, Source: r.Source, Location: r.Location,
		Remote: jobsearch.Remote(r.Remote), SalaryAsked: r.SalaryAsked, SalaryOffered: r.SalaryOffered, Currency: r.Currency,
		Notes: r.Notes, Posting: r.Posting, ResumeVersionID: r.ResumeVersionID}
}

func applicationColumns(a jobsearch.Application) columns {
	return columns{"company": strings.TrimSpace(a.Company), "role": strings.TrimSpace(a.Role), "url": strings.TrimSpace(a.URL),
		"source": strings.TrimSpace(a.Source), "location": strings.TrimSpace(a.Location), "remote": string(a.Remote),
		"salary_asked": a.SalaryAsked, "salary_offered": a.SalaryOffered, "currency": a.Currency,
		"notes": a.Notes, "posting": a.Posting, "resume_version_id": a.ResumeVersionID}
}

func applicationRowOf(a jobsearch.Application) applicationRow {
	c := applicationColumns(a)
	return applicationRow{Company: c["company"].(string), Role: c["role"].(string), URL: c["url"].(string), Source: c["source"].(string),
		Location: c["location"].(string), Remote: string(a.Remote), SalaryAsked: a.SalaryAsked, SalaryOffered: a.SalaryOffered,
		Currency: a.Currency, Notes: a.Notes, Posting: a.Posting, ResumeVersionID: a.ResumeVersionID}
}

func interviewOf(r interviewRow) jobsearch.Interview {
	start, _ := time.Parse(timeLayout, r.StartsAt)
	return jobsearch.Interview{ID: r.ID, ApplicationID: r.ApplicationID, Start: start, Minutes: r.Minutes, Place: r.Place,
		Link: r.Link, ContactID: r.ContactID, Notes: r.Notes}
}

func interviewColumns(iv jobsearch.Interview) columns {
	return columns{"application_id": iv.ApplicationID, "starts_at": iv.Start.Format(timeLayout), "minutes": iv.Minutes,
		"place": strings.TrimSpace(iv.Place), "link": strings.TrimSpace(iv.Link), "contact_id": iv.ContactID, "notes": iv.Notes}
}

func contactColumns(c jobsearch.Contact) columns {
	return columns{"name": strings.TrimSpace(c.Name), "role": strings.TrimSpace(c.Role), "company": strings.TrimSpace(c.Company),
		"email": strings.TrimSpace(c.Email), "link": strings.TrimSpace(c.Link), "notes": c.Notes}
}

func knownStages(tx *gorm.DB) (map[uint]bool, error) {
	var ids []uint
	if err := tx.Table("stages").Pluck("id", &ids).Error; err != nil {
		return nil, err
	}
	m := make(map[uint]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m, nil
}

// AddApplication stores a new application with its history and returns
// its ID.
func (s *Store) AddApplication(a jobsearch.Application) (uint, error) {
	if err := jobsearch.ValidateApplication(a, nil); err != nil {
		return 0, err
	}
	if err := jobsearch.HistoryNotFuture(a.History, s.today()); err != nil {
		return 0, err
	}
	var id uint
	err := s.write(func(tx *gorm.DB) error {
		var err error
		id, err = insertApplication(tx, a)
		return err
	}, "applications", "stage_events")
	if err != nil {
		return 0, fmt.Errorf("adding the application: %w", err)
	}
	return id, nil
}

func insertApplication(tx *gorm.DB, a jobsearch.Application) (uint, error) {
	known, err := knownStages(tx)
	if err != nil {
		return 0, err
	}
	if err := jobsearch.ValidateHistory(a.History, known); err != nil {
		return 0, err
	}
	row := applicationRowOf(a)
	if err := tx.Create(&row).Error; err != nil {
		return 0, err
	}
	for _, e := range a.History {
		ev := stageEventRow{ApplicationID: row.ID, StageID: e.StageID, Date: formatDate(e.Date), Note: strings.TrimSpace(e.Note)}
		if err := tx.Create(&ev).Error; err != nil {
			return 0, err
		}
	}
	return row.ID, nil
}

// ImportApplications adds applications, each with its history, in one
// transaction: all or none.
func (s *Store) ImportApplications(apps []jobsearch.Application) error {
	for i, a := range apps {
		if err := jobsearch.ValidateApplication(a, nil); err != nil {
			return fmt.Errorf("application %d (%s): %w", i+1, a.Company, err)
		}
		if err := jobsearch.HistoryNotFuture(a.History, s.today()); err != nil {
			return fmt.Errorf("application %d (%s): %w", i+1, a.Company, err)
		}
	}
	err := s.write(func(tx *gorm.DB) error {
		for i, a := range apps {
			if _, err := insertApplication(tx, a); err != nil {
				return fmt.Errorf("application %d (%s): %w", i+1, a.Company, err)
			}
		}
		return nil
	}, "applications", "stage_events")
	if err != nil {
		return fmt.Errorf("importing the applications (none was added): %w", err)
	}
	return nil
}

// UpdateApplication saves the fields changed from before to after; the
// history is changed by moves only.
func (s *Store) UpdateApplication(before, after jobsearch.Application) error {
	if err := jobsearch.ValidateFields(after); err != nil {
		return err
	}
	err := s.write(func(tx *gorm.DB) error {
		return updateChanged(tx, "applications", "id", before.ID, applicationColumns(before), applicationColumns(after), "application")
	})
	if err != nil {
		return fmt.Errorf("saving the application: %w", err)
	}
	return nil
}

// DeleteApplication removes an application with its history and
// interviews.
func (s *Store) DeleteApplication(id uint) error {
	return s.deleteRow(&applicationRow{}, id, "application")
}

// MoveApplication moves an application into a stage on a date, with a
// note, checked against its history as it is now (another window may have
// moved it meanwhile). It returns the new event's ID.
func (s *Store) MoveApplication(appID, stageID uint, date time.Time, note string) (uint, error) {
	var id uint
	err := s.write(func(tx *gorm.DB) error {
		var app []applicationRow
		if err := tx.Limit(1).Find(&app, appID).Error; err != nil {
			return err
		}
		if len(app) == 0 {
			return fmt.Errorf("the application was %w (it may have been deleted in another window)", ErrNotFound)
		}
		var st []stageRow
		if err := tx.Limit(1).Find(&st, stageID).Error; err != nil {
			return err
		}
		if len(st) == 0 {
			return fmt.Errorf("the stage was %w (it may have been deleted in another window)", ErrNotFound)
		}
		var events []stageEventRow
		if err := tx.Where("application_id = ?", appID).Order("date, id").Find(&events).Error; err != nil {
			return err
		}
		a := applicationOf(app[0])
		for _, e := range events {
			a.History = append(a.History, jobsearch.Event{ID: e.ID, StageID: e.StageID, Date: parseDate(e.Date)})
		}
		e, err := jobsearch.Move(a, jobsearch.Stage{ID: st[0].ID, Name: st[0].Name}, date, note, s.today())
		if err != nil {
			return err
		}
		row := stageEventRow{ApplicationID: appID, StageID: e.StageID, Date: formatDate(e.Date), Note: e.Note}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		id = row.ID
		return nil
	}, "stage_events")
	if err != nil {
		return 0, fmt.Errorf("moving the application: %w", err)
	}
	return id, nil
}

// DeleteEvent removes a move from an application's history; the last one
// left is never removed (an application always has a stage).
func (s *Store) DeleteEvent(appID, eventID uint) error {
	err := s.write(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Table("stage_events").Where("application_id = ?", appID).Count(&n).Error; err != nil {
			return err
		}
		if n <= 1 {
			return errors.New("this is the application's only stage; move it to another stage instead")
		}
		return rowsChanged(tx.Where("application_id = ?", appID).Delete(&stageEventRow{}, eventID), "move")
	})
	if err != nil {
		return fmt.Errorf("deleting the move: %w", err)
	}
	return nil
}

// AddStage adds a stage at the end of the board.
func (s *Store) AddStage(st jobsearch.Stage) (uint, error) {
	st.Name = strings.TrimSpace(st.Name)
	row := stageRow{Name: st.Name, Kind: string(st.Kind)}
	err := s.write(func(tx *gorm.DB) error {
		b, err := readStages(tx)
		if err != nil {
			return err
		}
		if err := jobsearch.CheckNewStage(b, st); err != nil {
			return err
		}
		row.Position = nextPosition(tx, "stages", "1 = 1")
		return tx.Create(&row).Error
	}, "stages")
	if err != nil {
		return 0, fmt.Errorf("adding the stage: %w", err)
	}
	return row.ID, nil
}

func readStages(tx *gorm.DB) ([]jobsearch.Stage, error) {
	var rows []stageRow
	if err := tx.Order("position, id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]jobsearch.Stage, len(rows))
	for i, r := range rows {
		out[i] = jobsearch.Stage{ID: r.ID, Position: r.Position, Name: r.Name, Kind: jobsearch.Kind(r.Kind)}
	}
	return out, nil
}

// UpdateStage renames a stage or changes its kind, writing what changed.
func (s *Store) UpdateStage(before, after jobsearch.Stage) error {
	after.Name = strings.TrimSpace(after.Name)
	err := s.write(func(tx *gorm.DB) error {
		stages, err := readStages(tx)
		if err != nil {
			return err
		}
		if err := jobsearch.CheckRename(stages, after); err != nil {
			return err
		}
		return updateChanged(tx, "stages", "id", before.ID,
			columns{"name": strings.TrimSpace(before.Name), "kind": string(before.Kind)},
			columns{"name": after.Name, "kind": string(after.Kind)}, "stage")
	})
	if err != nil {
		return fmt.Errorf("saving the stage: %w", err)
	}
	return nil
}

// MoveStage moves a stage by delta places along the board, in the order
// as it is now.
func (s *Store) MoveStage(id uint, delta int) error {
	err := s.write(func(tx *gorm.DB) error {
		stages, err := readStages(tx)
		if err != nil {
			return err
		}
		for _, st := range jobsearch.Reorder(stages, id, delta) {
			if err := tx.Table("stages").Where("id = ?", st.ID).Update("position", st.Position).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("moving the stage: %w", err)
	}
	return nil
}

// DeleteStage removes a stage no application was ever in.
func (s *Store) DeleteStage(id uint) error {
	err := s.write(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Table("stage_events").Where("stage_id = ?", id).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%d moves in the history are to this stage; rename it instead, or delete those applications first", n)
		}
		return rowsChanged(tx.Delete(&stageRow{}, id), "stage")
	})
	if err != nil {
		return fmt.Errorf("deleting the stage: %w", err)
	}
	return nil
}

// SaveContact adds a contact (before.ID is 0) or saves the fields changed
// from before. It returns the contact's ID.
func (s *Store) SaveContact(before, after jobsearch.Contact) (uint, error) {
	if err := jobsearch.ValidateContact(after); err != nil {
		return 0, err
	}
	id := before.ID
	err := s.write(func(tx *gorm.DB) error {
		if before.ID == 0 {
			c := contactColumns(after)
			row := contactRow{Name: c["name"].(string), Role: c["role"].(string), Company: c["company"].(string),
				Email: c["email"].(string), Link: c["link"].(string), Notes: after.Notes}
			if err := tx.Create(&row).Error; err != nil {
				return err
			}
			id = row.ID
			return nil
		}
		return updateChanged(tx, "contacts", "id", before.ID, contactColumns(before), contactColumns(after), "contact")
	}, "contacts")
	if err != nil {
		return 0, fmt.Errorf("saving the contact: %w", err)
	}
	return id, nil
}

// DeleteContact removes a contact; interviews with them keep their time.
func (s *Store) DeleteContact(id uint) error { return s.deleteRow(&contactRow{}, id, "contact") }

// SaveInterview adds an interview (before.ID is 0) or saves the fields
// changed from before. It returns the interview's ID.
func (s *Store) SaveInterview(before, after jobsearch.Interview) (uint, error) {
	if err := jobsearch.ValidateInterview(after); err != nil {
		return 0, err
	}
	id := before.ID
	err := s.write(func(tx *gorm.DB) error {
		if before.ID == 0 {
			c := interviewColumns(after)
			row := interviewRow{ApplicationID: after.ApplicationID, StartsAt: c["starts_at"].(string), Minutes: after.Minutes,
				Place: c["place"].(string), Link: c["link"].(string), ContactID: after.ContactID, Notes: after.Notes}
			if err := tx.Create(&row).Error; err != nil {
				return err
			}
			id = row.ID
			return nil
		}
		return updateChanged(tx, "interviews", "id", before.ID, interviewColumns(before), interviewColumns(after), "interview")
	}, "interviews")
	if err != nil {
		return 0, fmt.Errorf("saving the interview: %w", err)
	}
	return id, nil
}

// DeleteInterview removes an interview.
func (s *Store) DeleteInterview(id uint) error { return s.deleteRow(&interviewRow{}, id, "interview") }

// JobSettings reads the search's settings: the days before a follow-up
// and the hours a week it takes.
func (s *Store) JobSettings() (jobsearch.Settings, error) {
	var rows []struct {
		JobHoursPerWeek float64
		FollowUpDays    int
	}
	err := s.read(func(tx *gorm.DB) error {
		return tx.Table("plan_settings").Select("job_hours_per_week, follow_up_days").Limit(1).Scan(&rows).Error
	})
	if err != nil {
		return jobsearch.Settings{}, fmt.Errorf("loading the job search settings: %w", err)
	}
	if len(rows) == 0 {
		return jobsearch.DefaultSettings(), nil
	}
	return jobsearch.Settings{FollowUpDays: rows[0].FollowUpDays, HoursPerWeek: rows[0].JobHoursPerWeek}, nil
}

func jobSettingsColumns(js jobsearch.Settings) columns {
	return columns{"follow_up_days": js.FollowUpDays, "job_hours_per_week": js.HoursPerWeek}
}

// SaveJobSettings writes the job search settings changed from before.
func (s *Store) SaveJobSettings(before, after jobsearch.Settings) error {
	if err := after.Validate(); err != nil {
		return err
	}
	err := s.write(func(tx *gorm.DB) error {
		changed := changedColumns(jobSettingsColumns(before), jobSettingsColumns(after))
		if len(changed) == 0 {
			return nil
		}
		var n int64
		if err := tx.Table("plan_settings").Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			ps, err := settings(tx, s.schema)
			if err != nil {
				return err
			}
			if err := insertSettings(tx, ps); err != nil {
				return err
			}
		}
		return rowsChanged(tx.Table("plan_settings").Where("id = 1").Updates(map[string]any(changed)), "plan settings")
	})
	if err != nil {
		return fmt.Errorf("saving the job search settings: %w", err)
	}
	return nil
}

// documentJobs reads the job search for an export.
func documentJobs(tx *gorm.DB) (*snapshot.JobSearch, error) {
	b, err := readBoard(tx)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		JobHoursPerWeek float64
		FollowUpDays    int
	}
	if err := tx.Table("plan_settings").Select("job_hours_per_week, follow_up_days").Limit(1).Scan(&rows).Error; err != nil {
		return nil, err
	}
	js := jobsearch.DefaultSettings()
	if len(rows) == 1 {
		js = jobsearch.Settings{FollowUpDays: rows[0].FollowUpDays, HoursPerWeek: rows[0].JobHoursPerWeek}
	}
	return snapshot.DocumentJobs(b, js), nil
}

// insertJobs writes a validated document's job search into empty tables;
// a document without one gets the default stages.
func insertJobs(tx *gorm.DB, doc *snapshot.JobSearch) error {
	if doc == nil {
		// Seeding the default content: the stages the migration made stay.
		var n int64
		if err := tx.Table("stages").Count(&n).Error; err != nil || n > 0 {
			return err
		}
	}
	// The migration made the default stages; a document with its own
	// replaces them (an import has cleared them already).
	if err := tx.Exec("DELETE FROM stages WHERE id NOT IN (SELECT stage_id FROM stage_events)").Error; err != nil {
		return err
	}
	b, js := doc.Board()
	stageIDs, contactIDs, err := insertStagesAndContacts(tx, b)
	if err != nil {
		return err
	}
	appIDs := map[uint]uint{}
	var events []stageEventRow
	for _, a := range b.Applications {
		row := applicationRowOf(a)
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("writing the application to %q: %w", a.Company, err)
		}
		appIDs[a.ID] = row.ID
		for _, e := range a.History {
			events = append(events, stageEventRow{ApplicationID: row.ID, StageID: stageIDs[e.StageID], Date: formatDate(e.Date), Note: strings.TrimSpace(e.Note)})
		}
	}
	if err := createAll(tx, events); err != nil {
		return fmt.Errorf("writing the applications' history: %w", err)
	}
	ivs := make([]interviewRow, 0, len(b.Interviews))
	for _, iv := range b.Interviews {
		c := interviewColumns(iv)
		row := interviewRow{ApplicationID: appIDs[iv.ApplicationID], StartsAt: c["starts_at"].(string), Minutes: iv.Minutes,
			Place: c["place"].(string), Link: c["link"].(string), Notes: iv.Notes}
		if iv.ContactID != nil {
			id := contactIDs[*iv.ContactID]
			row.ContactID = &id
		}
		ivs = append(ivs, row)
	}
	if err := createAll(tx, ivs); err != nil {
		return fmt.Errorf("writing the interviews: %w", err)
	}
	return tx.Table("plan_settings").Where("id = 1").Updates(map[string]any{
		"follow_up_days": js.FollowUpDays, "job_hours_per_week": js.HoursPerWeek}).Error
}

// insertStagesAndContacts writes a board's stages and contacts and maps
// their IDs in the board to the stored ones.
func insertStagesAndContacts(tx *gorm.DB, b jobsearch.Board) (stageIDs, contactIDs map[uint]uint, err error) {
	stageIDs, contactIDs = map[uint]uint{}, map[uint]uint{}
	for _, s := range b.Stages {
		row := stageRow{Position: s.Position, Name: strings.TrimSpace(s.Name), Kind: string(s.Kind)}
		if err := tx.Create(&row).Error; err != nil {
			return nil, nil, fmt.Errorf("writing stage %q: %w", s.Name, err)
		}
		stageIDs[s.ID] = row.ID
	}
	for _, c := range b.Contacts {
		cc := contactColumns(c)
		row := contactRow{Name: cc["name"].(string), Role: cc["role"].(string), Company: cc["company"].(string),
			Email: cc["email"].(string), Link: cc["link"].(string), Notes: c.Notes}
		if err := tx.Create(&row).Error; err != nil {
			return nil, nil, fmt.Errorf("writing contact %q: %w", c.Name, err)
		}
		contactIDs[c.ID] = row.ID
	}
	return stageIDs, contactIDs, nil
}
