package snapshot

import (
	"bytes"
	"strings"
	"testing"
)

func practiceDoc(practice string) string {
	return `{"format": "studyplanner", "version": 6,
  "plan": {"start_date": "2026-11-25", "horizon_months": 9, "hours_per_week": 10, "study_days": ["mon"], "week_start": "mon", "min_streak_minutes": 15, "days_off": []},
  "roadmap": [], "skill_categories": [], "projects": [], "sessions": [], "salaries": [],
  "salary_comparison": {"base_currency": "USD", "target_country": "US", "target_level": "junior"},
  "exchange_rates": [], "ppp_factors": [], "practice": ` + practice + `}`
}

const goodPractice = `{"desired_retention": 0.85, "new_cards_per_day": 5,
  "cards": [
    {"front": "What is ACID?", "back": "Atomicity…", "topic": "databases-sql", "tags": ["sql"], "skills": ["SQL fundamentals"]},
    {"front": "q2", "back": "a2", "schedule": {"due": "2026-03-05T09:10:00Z", "stability": 2.3, "difficulty": 2.1, "elapsed_days": 0,
      "scheduled_days": 0, "reps": 1, "lapses": 0, "state": "learning", "last_review": "2026-03-05T09:00:00Z"},
     "reviews": [{"rating": 3, "at": "2026-03-05T09:00:00Z", "elapsed_days": 0, "scheduled_days": 0, "state_before": "new", "retention": 0.85}]}],
  "challenges": [{"title": "Two Sum", "difficulty": "easy", "attempts": []}],
  "mock_interviews": [{"at": "2026-03-06T18:00:00Z", "minutes": 10, "answers": [{"card": 1, "question": "q2", "rating": 3}]}]}`

func TestVersion6CarriesPractice(t *testing.T) {
	doc, err := Decode(strings.NewReader(practiceDoc(goodPractice)))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Practice == nil || len(doc.Practice.Cards) != 2 || len(doc.Practice.Cards[1].Reviews) != 1 || *doc.Practice.Mocks[0].Answers[0].Card != 1 {
		t.Fatalf("practice %+v", doc.Practice)
	}
	var out bytes.Buffer
	if err := Encode(&out, doc); err != nil {
		t.Fatal(err)
	}
	again, err := Decode(&out)
	if err != nil || len(again.Practice.Cards) != 2 {
		t.Errorf("round trip: %v", err)
	}
}

func TestVersion6RefusesBadPractice(t *testing.T) {
	for _, tc := range []struct{ name, from, to, want string }{
		{"retention", `"desired_retention": 0.85`, `"desired_retention": 0.5`, "desired retention"},
		{"empty front", `"front": "q2"`, `"front": ""`, "practice.cards[1]: the question is missing"},
		{"state", `"state": "learning"`, `"state": "forgotten"`, "not a card state"},
		{"rating", `"rating": 3, "at"`, `"rating": 9, "at"`, "rating 9"},
		{"moment", `"at": "2026-03-05T09:00:00Z"`, `"at": "5 March"`, "must be a moment"},
		{"mock card", `"card": 1`, `"card": 7`, "answers[0].card"},
		{"difficulty", `"difficulty": "easy"`, `"difficulty": "trivial"`, "not easy, medium or hard"},
		{"tag", `"tags": ["sql"]`, `"tags": ["two words"]`, "holds a space"},
	} {
		bad := strings.Replace(goodPractice, tc.from, tc.to, 1)
		if bad == goodPractice {
			t.Fatalf("%s: nothing replaced", tc.name)
		}
		_, err := Decode(strings.NewReader(practiceDoc(bad)))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want it to say %q", tc.name, err, tc.want)
		}
	}
}
