package jobsearch

import (
	"math"
	"testing"
	"time"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// The default stages' IDs, as DefaultStages numbers them.
const (
	sSaved uint = iota + 1
	sApplied
	sScreening
	sTechnical
	sFinal
	sOffer
	sAccepted
	sDeclined
	sRejected
	sGhosted
	sWithdrawn
)

// group is a number of applications from sources that share a path.
type group struct {
	sources []string // one per application
	applied string
	path    []struct {
		stage uint
		after int // days after applying
	}
}

type step = struct {
	stage uint
	after int
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

func join(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// seeded is forty applications whose figures are counted by hand below.
//
//	A  4 saved, never sent (Job site)
//	B 10 applied, no answer yet (Job site), on Mon 5 Jan
//	C  6 applied then ghosted (3 Job site, 3 Recruiter), on Wed 7 Jan
//	D  8 saved, applied, rejected 5 days later (4 Job site, 2 Referral, 2 Company site), on Tue 13 Jan
//	E  5 applied, screened 3 days later, rejected (3 Referral, 2 Recruiter), on Wed 14 Jan
//	F  3 applied, screened 10 days later, technical, rejected (1 Referral, 2 Company site), on Mon 26 Jan
//	G  2 applied, screened 2 days later, technical, final, offer, accepted (Referral), on Tue 27 Jan
//	H  1 applied, screened 4 days later, technical, final, offer, declined (Recruiter), on Fri 30 Jan
//	I  1 applied then withdrawn (Network), on Sun 1 Feb
func seeded() Board {
	groups := []group{
		{repeat("Job site", 4), "2026-01-02", []step{{sSaved, 0}}},
		{repeat("Job site", 10), "2026-01-05", []step{{sApplied, 0}}},
		{join(repeat("Job site", 3), repeat("Recruiter", 3)), "2026-01-07", []step{{sApplied, 0}, {sGhosted, 30}}},
		{join(repeat("Job site", 4), repeat("Referral", 2), repeat("Company site", 2)), "2026-01-13",
			[]step{{sSaved, -3}, {sApplied, 0}, {sRejected, 5}}},
		{join(repeat("Referral", 3), repeat("Recruiter", 2)), "2026-01-14", []step{{sApplied, 0}, {sScreening, 3}, {sRejected, 9}}},
		{join(repeat("Referral", 1), repeat("Company site", 2)), "2026-01-26",
			[]step{{sApplied, 0}, {sScreening, 10}, {sTechnical, 15}, {sRejected, 20}}},
		{repeat("Referral", 2), "2026-01-27",
			[]step{{sApplied, 0}, {sScreening, 2}, {sTechnical, 6}, {sFinal, 12}, {sOffer, 15}, {sAccepted, 17}}},
		{repeat("Recruiter", 1), "2026-01-30",
			[]step{{sApplied, 0}, {sScreening, 4}, {sTechnical, 8}, {sFinal, 12}, {sOffer, 16}, {sDeclined, 18}}},
		{repeat("Network", 1), "2026-02-01", []step{{sApplied, 0}, {sWithdrawn, 1}}},
	}
	b := Board{Stages: DefaultStages()}
	id := uint(0)
	for _, g := range groups {
		for _, src := range g.sources {
			id++
			a := Application{ID: id, Company: "Company", Role: "Developer", Source: src}
			for _, st := range g.path {
				a.History = append(a.History, Event{StageID: st.stage, Date: day(g.applied).AddDate(0, 0, st.after)})
			}
			b.Applications = append(b.Applications, a)
		}
	}
	return b
}

func TestFiguresOfFortyApplicationsMatchTheHandCount(t *testing.T) {
	b := seeded()
	if len(b.Applications) != 40 {
		t.Fatalf("seeded %d applications, want 40", len(b.Applications))
	}
	f := b.Compute(time.Monday)
	if f.Total != 40 || f.Sent != 36 || f.Answered != 19 {
		t.Errorf("total, sent, answered = %d, %d, %d; want 40, 36, 19", f.Total, f.Sent, f.Answered)
	}
	if math.Abs(f.ResponseRate-19.0/36) > 1e-9 {
		t.Errorf("response rate %v, want 19/36", f.ResponseRate)
	}
	wantFunnel := []struct {
		name    string
		reached int
		conv    float64
	}{
		{"Applied", 36, 1}, {"Screening", 11, 11.0 / 36}, {"Technical interview", 6, 6.0 / 11},
		{"Final interview", 3, 3.0 / 6}, {"Offer", 3, 1}, {"Accepted", 2, 2.0 / 3},
	}
	if len(f.Funnel) != len(wantFunnel) {
		t.Fatalf("funnel has %d steps, want %d: %+v", len(f.Funnel), len(wantFunnel), f.Funnel)
	}
	for i, w := range wantFunnel {
		got := f.Funnel[i]
		if got.Stage.Name != w.name || got.Reached != w.reached || math.Abs(got.Conversion-w.conv) > 1e-9 {
			t.Errorf("funnel step %d = %s %d (%.3f), want %s %d (%.3f)", i, got.Stage.Name, got.Reached, got.Conversion, w.name, w.reached, w.conv)
		}
	}
	// Days to the first answer: 2,2 (G) 3×5 (E) 4 (H) 5×8 (D) 10×3 (F):
	// nineteen values, the tenth is 5.
	if !f.HasMedian || f.MedianDaysToAnswer != 5 {
		t.Errorf("median days to answer = %v (%v), want 5", f.MedianDaysToAnswer, f.HasMedian)
	}
	wantSources := []SourceResult{
		{"Job site", 17, 4, 0, 0}, {"Referral", 8, 8, 2, 2}, {"Recruiter", 6, 3, 1, 0},
		{"Company site", 4, 4, 0, 0}, {"Network", 1, 0, 0, 0},
	}
	if len(f.BySource) != len(wantSources) {
		t.Fatalf("by source: %+v", f.BySource)
	}
	for i, w := range wantSources {
		if f.BySource[i] != w {
			t.Errorf("source %d = %+v, want %+v", i, f.BySource[i], w)
		}
	}
}

func TestApplicationsPerWeekFollowTheWeekStart(t *testing.T) {
	cases := []struct {
		start time.Weekday
		want  []WeekCount
	}{
		{time.Monday, []WeekCount{{day("2026-01-05"), 16}, {day("2026-01-12"), 13}, {day("2026-01-19"), 0}, {day("2026-01-26"), 7}}},
		{time.Sunday, []WeekCount{{day("2026-01-04"), 16}, {day("2026-01-11"), 13}, {day("2026-01-18"), 0}, {day("2026-01-25"), 6}, {day("2026-02-01"), 1}}},
	}
	for _, c := range cases {
		got := seeded().Compute(c.start).PerWeek
		if len(got) != len(c.want) {
			t.Fatalf("%v: %d weeks %+v, want %+v", c.start, len(got), got, c.want)
		}
		for i := range got {
			if !got[i].Start.Equal(c.want[i].Start) || got[i].Count != c.want[i].Count {
				t.Errorf("%v week %d = %s %d, want %s %d", c.start, i, got[i].Start.Format(time.DateOnly), got[i].Count,
					c.want[i].Start.Format(time.DateOnly), c.want[i].Count)
			}
		}
	}
}

func TestFiguresOfNothing(t *testing.T) {
	f := Board{Stages: DefaultStages()}.Compute(time.Monday)
	if f.Sent != 0 || f.ResponseRate != 0 || f.HasMedian || len(f.PerWeek) != 0 || len(f.BySource) != 0 {
		t.Errorf("figures of an empty board: %+v", f)
	}
	for _, s := range f.Funnel {
		if s.Reached != 0 || math.IsNaN(s.Conversion) {
			t.Errorf("empty funnel step %+v", s)
		}
	}
}

func TestRenamedAndAddedStagesCountByKind(t *testing.T) {
	stages := append(DefaultStages(), Stage{ID: 12, Position: 12, Name: "Take-home task", Kind: KindAnswer})
	stages[1].Name = "Sent"
	b := Board{Stages: stages, Applications: []Application{{ID: 1, Company: "A", Role: "R", History: []Event{
		{StageID: sApplied, Date: day("2026-03-02")}, {StageID: 12, Date: day("2026-03-09")},
	}}}}
	f := b.Compute(time.Monday)
	if f.Answered != 1 || f.MedianDaysToAnswer != 7 {
		t.Errorf("answered %d after %v days, want 1 after 7", f.Answered, f.MedianDaysToAnswer)
	}
	last := f.Funnel[len(f.Funnel)-1]
	if last.Stage.Name != "Take-home task" || last.Reached != 1 || f.Funnel[0].Stage.Name != "Sent" {
		t.Errorf("funnel %+v", f.Funnel)
	}
}

func TestFollowUpAndNextAction(t *testing.T) {
	b := Board{Stages: DefaultStages(), Applications: []Application{
		{ID: 1, Company: "Quiet", Role: "Dev", History: []Event{{StageID: sApplied, Date: day("2026-03-02")}}},
		{ID: 2, Company: "Done", Role: "Dev", History: []Event{{StageID: sApplied, Date: day("2026-03-02")}, {StageID: sRejected, Date: day("2026-03-03")}}},
		{ID: 3, Company: "Booked", Role: "Dev", History: []Event{{StageID: sScreening, Date: day("2026-03-02")}}},
		{ID: 4, Company: "Noted", Role: "Dev", History: []Event{{StageID: sSaved, Date: day("2026-03-05")}}},
	}, Interviews: []Interview{{ID: 1, ApplicationID: 3, Start: day("2026-03-20").Add(10 * time.Hour), Minutes: 60}}}
	cases := []struct {
		today     string
		followUps []uint
	}{
		{"2026-03-08", nil},
		// Booked (3) has an interview to come: that is its next step.
		{"2026-03-09", []uint{1}},
		{"2026-03-12", []uint{1, 4}},
	}
	for _, c := range cases {
		var got []uint
		for _, r := range b.FollowUps(day(c.today), 7) {
			got = append(got, r.ApplicationID)
		}
		if len(got) != len(c.followUps) {
			t.Errorf("%s: follow-ups %v, want %v", c.today, got, c.followUps)
			continue
		}
		for i := range got {
			if got[i] != c.followUps[i] {
				t.Errorf("%s: follow-ups %v, want %v", c.today, got, c.followUps)
			}
		}
	}
	now := day("2026-03-10").Add(9 * time.Hour)
	if a, ok := b.NextAction(b.Applications[0], now, 7); !ok || a.What != "Follow up" || !a.Due.Equal(day("2026-03-09")) || !a.Overdue {
		t.Errorf("quiet: %+v %v", a, ok)
	}
	if _, ok := b.NextAction(b.Applications[1], now, 7); ok {
		t.Error("a rejected application has a next action")
	}
	if a, ok := b.NextAction(b.Applications[2], now, 7); !ok || !a.Interview || a.Due.Hour() != 10 {
		t.Errorf("booked: %+v %v", a, ok)
	}
	if a, _ := b.NextAction(b.Applications[3], now, 3); a.What != "Send the application" || !a.Due.Equal(day("2026-03-08")) {
		t.Errorf("saved with 3 days: %+v", a)
	}
	if d := DaysSince(b.Applications[0], now); d != 8 {
		t.Errorf("days since = %d, want 8", d)
	}
}

func TestAgendaListsInterviewsAndFollowUpsInTheRange(t *testing.T) {
	b := Board{Stages: DefaultStages(), Applications: []Application{
		{ID: 1, Company: "Old", Role: "Dev", History: []Event{{StageID: sApplied, Date: day("2026-03-01")}}},
		{ID: 2, Company: "Booked", Role: "Dev", History: []Event{{StageID: sScreening, Date: day("2026-03-09")}}},
		{ID: 3, Company: "Closed", Role: "Dev", History: []Event{{StageID: sRejected, Date: day("2026-03-01")}}},
	}, Interviews: []Interview{{ApplicationID: 2, Start: day("2026-03-12").Add(14 * time.Hour), Minutes: 45, Link: "https://meet.example.com"}}}
	got := b.Agenda(day("2026-03-10"), day("2026-03-17"), day("2026-03-10"), 7)
	// Booked's interview is its next step: no follow-up for it.
	if len(got) != 2 {
		t.Fatalf("agenda %+v", got)
	}
	// Old's follow-up was due on 8 March: it is listed today.
	if got[0].Company != "Old" || !got[0].Start.Equal(day("2026-03-10")) || got[0].Interview || got[0].What != "Follow up" {
		t.Errorf("first %+v", got[0])
	}
	if !got[1].Interview || got[1].Title() != "Interview: Booked (Dev)" || got[1].Start.Hour() != 14 {
		t.Errorf("second %+v", got[1])
	}
	// Once the interview is over, the follow-up is due a week after the
	// last move, or today when that has passed.
	after := b.Agenda(day("2026-03-13"), day("2026-03-20"), day("2026-03-13"), 7)
	if len(after) != 2 || after[1].Company != "Booked" || !after[1].Start.Equal(day("2026-03-16")) {
		t.Errorf("after the interview: %+v", after)
	}
	if n := len(b.Agenda(day("2026-03-11"), day("2026-03-12"), day("2026-03-10"), 7)); n != 0 {
		t.Errorf("%d items on a day with none", n)
	}
}
