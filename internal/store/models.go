package store

import "time"

// The rows GORM maps. They mirror the schema the migrations create; the
// domain types in package plan and salary are what the rest of the app sees.

type planSettingsRow struct {
	ID               uint `gorm:"primaryKey"`
	StartDate        string
	HorizonMonths    int
	HoursPerWeek     float64
	StudyDays        string // "mon,tue,…"
	WeekStart        int
	MinStreakMinutes int
	StudyTime        string // "15:04", or "" for the default
	BaseCurrency     string
	TargetCountry    string
	TargetLevel      string
	JobHoursPerWeek  float64 // the job search's part of HoursPerWeek (migration 7)
}

type dayOffRow struct {
	Date string `gorm:"primaryKey"`
	Note string
}

func (dayOffRow) TableName() string { return "days_off" }

type sessionRow struct {
	ID        uint `gorm:"primaryKey"`
	Date      string
	StartTime string
	Minutes   int
	SkillID   *uint
	StepID    *uint
	Notes     string
}

func (sessionRow) TableName() string { return "sessions" }

func (planSettingsRow) TableName() string { return "plan_settings" }

type stepRow struct {
	ID           uint `gorm:"primaryKey"`
	Position     int
	Title        string
	Summary      string
	Status       string
	TargetDate   string
	Hours        int
	CoversSkills bool
	Notes        string
	Actions      []actionRow   `gorm:"foreignKey:StepID"`
	Links        []stepLinkRow `gorm:"foreignKey:StepID"`
}

func (stepRow) TableName() string { return "steps" }

type actionRow struct {
	ID       uint `gorm:"primaryKey"`
	StepID   uint
	Position int
	Text     string
	Done     bool
}

func (actionRow) TableName() string { return "step_actions" }

type categoryRow struct {
	ID       uint `gorm:"primaryKey"`
	Position int
	Name     string
	Skills   []skillRow `gorm:"foreignKey:CategoryID"`
}

func (categoryRow) TableName() string { return "skill_categories" }

type skillRow struct {
	ID            uint `gorm:"primaryKey"`
	CategoryID    uint
	Position      int
	Name          string
	Status        string
	CurrentLevel  int
	TargetLevel   int
	Hours         int
	Notes         string
	LastPractised string
	ChoiceGroup   string
	Links         []skillLinkRow `gorm:"foreignKey:SkillID"`
}

func (skillRow) TableName() string { return "skills" }

type stepLinkRow struct {
	ID       uint `gorm:"primaryKey"`
	StepID   uint
	Position int
	Title    string
	URL      string `gorm:"column:url"`
}

func (stepLinkRow) TableName() string { return "step_links" }

type skillLinkRow struct {
	ID       uint `gorm:"primaryKey"`
	SkillID  uint
	Position int
	Title    string
	URL      string `gorm:"column:url"`
}

func (skillLinkRow) TableName() string { return "skill_links" }

type prerequisiteRow struct {
	SkillID        uint `gorm:"primaryKey;autoIncrement:false"`
	PrerequisiteID uint `gorm:"primaryKey;autoIncrement:false"`
}

func (prerequisiteRow) TableName() string { return "skill_prerequisites" }

type projectRow struct {
	ID          uint `gorm:"primaryKey"`
	Position    int
	Name        string
	Description string
	RepoURL     string `gorm:"column:repo_url"`
	Status      string
	Started     string
	Finished    string
}

func (projectRow) TableName() string { return "projects" }

type projectSkillRow struct {
	ProjectID uint `gorm:"primaryKey;autoIncrement:false"`
	SkillID   uint `gorm:"primaryKey;autoIncrement:false"`
}

func (projectSkillRow) TableName() string { return "project_skills" }

type salaryRow struct {
	ID           uint `gorm:"primaryKey"`
	Position     int
	Country      string
	CountryCode  string
	Level        string
	Currency     string
	MinAmount    int64
	MaxAmount    int64
	MedianAmount int64
	Year         int
	Source       string
	Kind         string
	City         string
	Link         string
	SourceDate   string
}

func (salaryRow) TableName() string { return "salaries" }

type rateRow struct {
	Currency string `gorm:"primaryKey"`
	PerEUR   string `gorm:"column:per_eur"`
	AsOf     string
	Source   string
	Link     string
	Manual   bool
}

func (rateRow) TableName() string { return "exchange_rates" }

type fixingRow struct {
	Currency string `gorm:"primaryKey"`
	Date     string `gorm:"primaryKey"`
	PerEUR   string `gorm:"column:per_eur"`
	Source   string
	Link     string
}

func (fixingRow) TableName() string { return "rate_fixings" }

type annualRow struct {
	Currency string `gorm:"primaryKey"`
	Year     int    `gorm:"primaryKey;autoIncrement:false"`
	PerEUR   string `gorm:"column:per_eur"`
	Source   string
	Link     string
}

func (annualRow) TableName() string { return "annual_rates" }

type medianRow struct {
	ID          uint `gorm:"primaryKey"`
	CountryCode string
	Country     string
	Role        string
	Year        int
	Currency    string
	Median      int64
	Respondents int
	Source      string
	Link        string
}

func (medianRow) TableName() string { return "survey_medians" }

type pppRow struct {
	CountryCode string `gorm:"primaryKey"`
	Country     string
	Factor      string
	Year        int
	Source      string
	Link        string
	Released    string
}

func (pppRow) TableName() string { return "ppp_factors" }

type metaRow struct {
	Key   string `gorm:"primaryKey"`
	Value string
}

func (metaRow) TableName() string { return "app_meta" }

// parseDate reads a stored YYYY-MM-DD date; the empty string is no date.
func parseDate(s string) time.Time {
	if s == "" {
		return time.Time{} // most optional dates: no parse error to make
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
