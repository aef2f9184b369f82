package snapshot

import (
	"github.com/studyplanner/studyplanner/internal/jobsearch"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/practice"
)

// MaxDataBytes bounds the database the store keeps: it refuses a write, or
// an import, that would grow the file past it. Whatever text a learner has
// is stored in that file, so it also bounds the text of an export. The
// five-year sample learner's file is 1.5 MB; copied sixteen times over it
// is 22 MB.
const MaxDataBytes = 128 << 20

// Worst-case sizes in an exported document, in bytes.
const (
	// nameJSON is a name written where it is referred to (a session's skill,
	// a prerequisite): every character at most four bytes of UTF-8, since the
	// text rules refuse the control characters JSON would escape to six.
	nameJSON = 4*plan.MaxNameLen + 2
	// rowJSON is what one row adds besides its stored text: keys,
	// indentation, numbers, dates, statuses.
	rowJSON = 512
	// textJSON is how much longer escaping makes stored text: a quote, a
	// backslash or a line break is one byte stored and two written.
	textJSON = 2
)

// maxRows is every row an export can hold, as the limits allow.
const maxRows = plan.MaxSteps + plan.MaxActions + plan.MaxStepLinks + plan.MaxCategories + plan.MaxSkills +
	plan.MaxSkillLinks + plan.MaxPrerequisites + plan.MaxProjects + plan.MaxProjectSkills + plan.MaxDaysOff +
	plan.MaxSessions + maxSalaryRows + maxJobRows + maxPracticeRows

// maxJobRows is the job search's part of maxRows.
const maxJobRows = jobsearch.MaxStages + jobsearch.MaxApplications + jobsearch.MaxEvents + jobsearch.MaxContacts + jobsearch.MaxInterviews

// maxPracticeRows is the interview practice part of maxRows.
const maxPracticeRows = practice.MaxCards + practice.MaxReviews + practice.MaxChallenges + practice.MaxAttempts +
	practice.MaxMocks + practice.MaxMockAnswers

// maxSalaryRows is the salary part of maxRows (kept apart to keep the line
// above readable).
const maxSalaryRows = 5_000 + 300 + 300 // salary.MaxRanges, MaxRates, MaxPPPFactors

// MaxBytes is the largest document or pack Decode reads. It is what the
// largest data the limits allow exports to, so anything stored can be
// exported and imported again; a larger file cannot be ours. Each session
// names its skill and step, and each prerequisite and project link a
// skill, so those names count once per reference.
const MaxBytes = textJSON*MaxDataBytes + maxRows*rowJSON +
	plan.MaxSessions*2*nameJSON + (plan.MaxPrerequisites+plan.MaxProjectSkills)*nameJSON +
	jobsearch.MaxEvents*nameJSON
