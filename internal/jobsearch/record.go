package jobsearch

import (
	"io"
	"sort"
	"time"
)

// RecordEntry is one line of the record of applications a job centre asks
// for: when, to whom, for what, how, and how it ended so far.
type RecordEntry struct {
	Date    time.Time
	Company string
	Role    string
	How     string // the source
	Outcome string // the current stage's name
}

// Record lists every sent application by the date it was sent, oldest
// first; from and to (inclusive, zero for open) bound the dates.
func (b Board) Record(from, to time.Time) []RecordEntry {
	kinds := b.kinds()
	var out []RecordEntry
	for _, a := range b.Applications {
		sent, ok := sentDate(a, kinds)
		if !ok || (!from.IsZero() && sent.Before(from)) || (!to.IsZero() && sent.After(to)) {
			continue
		}
		st, _ := b.StageOf(a.Current().StageID)
		out = append(out, RecordEntry{Date: sent, Company: a.Company, Role: a.Role, How: a.Source, Outcome: st.Name})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// RecordColumns are the record's CSV header.
var RecordColumns = []string{"date_applied", "company", "role", "how", "outcome"}

// WriteRecordCSV writes the record as RFC 4180 CSV.
func WriteRecordCSV(w io.Writer, entries []RecordEntry) error {
	rows := [][]string{RecordColumns}
	for _, e := range entries {
		rows = append(rows, []string{isoDate(e.Date), e.Company, e.Role, e.How, e.Outcome})
	}
	return writeRows(w, rows)
}
