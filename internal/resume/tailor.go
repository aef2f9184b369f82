package resume

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// Version is a named choice of skills and projects for one job: which to
// show and in what order, with the posting it was tailored to and, once
// the job search records it, the application it was sent with.
type Version struct {
	ID            uint
	Name          string
	ApplicationID *uint // nil: not sent with an application yet
	Posting       string
	SkillIDs      []uint
	ProjectIDs    []uint
	Created       time.Time
}

// ValidateVersion checks a version's name and posting.
func ValidateVersion(v Version) error {
	if err := plan.ValidateName("version's name", v.Name); err != nil {
		return err
	}
	if err := singleLine("version's name", v.Name); err != nil {
		return err
	}
	if err := plan.ValidateLength("job posting", v.Posting, MaxPostingLen); err != nil {
		return err
	}
	if len(v.SkillIDs) > plan.MaxSkills || len(v.ProjectIDs) > plan.MaxProjects {
		return fmt.Errorf("the version lists more skills or projects than the plan can hold")
	}
	return nil
}

// Suggestion is what tailoring proposes for a posting: every skill and
// project, those the posting mentions first (in the order it mentions
// them), then the rest in their usual order.
type Suggestion struct {
	SkillIDs   []uint
	ProjectIDs []uint
	// Matched holds the skills and projects the posting mentions, with the
	// words that matched.
	MatchedSkills   map[uint]string
	MatchedProjects map[uint]string
}

// Tailor orders skills and projects for a posting: a skill comes first
// when the posting names it (its whole name, or a technology named in it,
// such as PostgreSQL in "PostgreSQL in practice"); a project when the
// posting names it or a skill it proves.
func Tailor(posting string, skills []Skill, projects []Project) Suggestion {
	s := Suggestion{MatchedSkills: map[uint]string{}, MatchedProjects: map[uint]string{}}
	type hit struct {
		id  uint
		at  int
		rep int
	}
	var hits []hit
	var rest []uint
	for i, sk := range skills {
		at, word := firstMention(posting, Terms(sk.Name))
		if at < 0 {
			rest = append(rest, sk.ID)
			continue
		}
		hits = append(hits, hit{sk.ID, at, i})
		s.MatchedSkills[sk.ID] = word
	}
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].at < hits[b].at })
	for _, h := range hits {
		s.SkillIDs = append(s.SkillIDs, h.id)
	}
	s.SkillIDs = append(s.SkillIDs, rest...)

	type scored struct {
		id    uint
		score int
	}
	var matched []scored
	var others []uint
	for _, p := range projects {
		score, why := 0, ""
		if at, word := firstMention(posting, []string{p.Name}); at >= 0 {
			score, why = 2, word
		}
		for _, id := range p.SkillIDs {
			if w, ok := s.MatchedSkills[id]; ok {
				score++
				if why == "" {
					why = w
				}
			}
		}
		if score == 0 {
			others = append(others, p.ID)
			continue
		}
		matched = append(matched, scored{p.ID, score})
		s.MatchedProjects[p.ID] = why
	}
	sort.SliceStable(matched, func(a, b int) bool { return matched[a].score > matched[b].score })
	for _, m := range matched {
		s.ProjectIDs = append(s.ProjectIDs, m.id)
	}
	s.ProjectIDs = append(s.ProjectIDs, others...)
	return s
}

// aliases are other names postings use for a technology.
var aliases = map[string][]string{
	"Go":         {"Golang"},
	"PostgreSQL": {"Postgres"},
	"JavaScript": {"JS"},
	"TypeScript": {"TS"},
	"Kubernetes": {"K8s"},
}

// generic words that start with a capital in a skill's name but name no
// technology, so a posting's "Testing" or "Core" does not match.
var generic = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an and the in of on for with to by using core web unit measuring caching
		explaining teamwork analytical branches authentication relational servers server algorithms coding
		basics fundamentals practice data design testing security performance scaling problem solving code
		review mentoring protecting user across browsers devices planning structures complexity challenge
		issues technical deployment router pull requests database databases debugger intro introduction
		advanced modern building writing learning working`) {
		generic[w] = true
	}
}

// Terms are the words a posting may name a skill by: its whole name, what
// it says in brackets, and each technology named in it (a word with a
// capital letter, a digit, + or #, that is not a generic word), with its
// common other names.
func Terms(name string) []string {
	name = strings.TrimSpace(name)
	terms := []string{name}
	if i, j := strings.Index(name, "("), strings.LastIndex(name, ")"); i >= 0 && j > i+1 {
		terms = append(terms, strings.TrimSpace(name[i+1:j]))
	}
	for _, tok := range strings.FieldsFunc(name, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:()[]\"", r)
	}) {
		tok = strings.TrimSuffix(strings.TrimSuffix(tok, "'s"), "’s")
		tok = strings.TrimRight(tok, ".")
		if !technology(tok) {
			continue
		}
		terms = append(terms, tok)
		terms = append(terms, aliases[tok]...)
	}
	return terms
}

func technology(tok string) bool {
	if tok == "" || generic[strings.ToLower(tok)] {
		return false
	}
	for _, r := range tok {
		if unicode.IsUpper(r) || unicode.IsDigit(r) || r == '+' || r == '#' {
			return true
		}
	}
	return false
}

// firstMention finds where the posting first names one of the terms, as a
// whole word: the first term (the whole name) in any case, the others as
// written, so "Go" is found in "Go and SQL" but not in "go ahead" or
// "Google". It returns -1 when none is named.
func firstMention(posting string, terms []string) (int, string) {
	best, word := -1, ""
	for i, t := range terms {
		if t == "" {
			continue
		}
		hay, needle := posting, t
		if i == 0 {
			hay, needle = strings.ToLower(posting), strings.ToLower(t)
		}
		if at := wholeWord(hay, needle); at >= 0 && (best < 0 || at < best) {
			best, word = at, t
		}
	}
	return best, word
}

func wholeWord(hay, needle string) int {
	from := 0
	for {
		i := strings.Index(hay[from:], needle)
		if i < 0 {
			return -1
		}
		at := from + i
		before, _ := utf8.DecodeLastRuneInString(hay[:at])
		after, _ := utf8.DecodeRuneInString(hay[at+len(needle):])
		if !wordRune(before) && !wordRune(after) {
			return at
		}
		from = at + len(needle)
	}
}

func wordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '+' || r == '#')
}
