package store

// The rows GORM maps. They mirror the schema the migrations create; the
// domain types in package plan and salary are what the rest of the app sees.

type planSettingsRow struct {
	ID            uint `gorm:"primaryKey"`
	StartDate     string
	HorizonMonths int
}

func (planSettingsRow) TableName() string { return "plan_settings" }

type stepRow struct {
	ID           uint `gorm:"primaryKey"`
	Position     int
	Title        string
	Summary      string
	Status       string
	Hours        int
	CoversSkills bool
	Actions      []actionRow `gorm:"foreignKey:StepID"`
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
	ID         uint `gorm:"primaryKey"`
	CategoryID uint
	Position   int
	Name       string
	Hours      int
	Done       bool
}

func (skillRow) TableName() string { return "skills" }

type salaryRow struct {
	ID          uint `gorm:"primaryKey"`
	Position    int
	Country     string
	CountryCode string
	Currency    string
	MinAmount   int64
	MaxAmount   int64
	Year        int
	Source      string
}

func (salaryRow) TableName() string { return "salaries" }

type metaRow struct {
	Key   string `gorm:"primaryKey"`
	Value string
}

func (metaRow) TableName() string { return "app_meta" }
