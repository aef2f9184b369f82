package plan

import "time"

// Session is time the learner actually studied.
type Session struct {
	ID      uint
	Date    time.Time
	Start   string // "15:04", or "" when not recorded
	Minutes int
	SkillID uint // 0 for none
	StepID  uint // 0 for none
	Notes   string
}

// Hours is the session's length in hours.
func (s Session) Hours() float64 { return float64(s.Minutes) / 60 }

// Logged sums minutes of study per skill and per step.
type Logged struct {
	BySkill map[uint]int
	ByStep  map[uint]int
}
