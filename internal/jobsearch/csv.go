package jobsearch

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// The CSV files of the search: one row per application, and one row per
// move in a second file. RFC 4180 (CRLF, quotes doubled), ISO dates, plain
// numbers. A cell a spreadsheet would run as a formula gets a leading
// apostrophe, which the import takes off again.

// ApplicationColumns are the applications file's header.
// "date" is the day the application was sent (for one never sent, the
// day it was saved): with "stage", what a one-file import reads.
var ApplicationColumns = []string{"id", "company", "role", "url", "source", "location", "remote",
	"salary_asked", "salary_offered", "currency", "stage", "date", "last_move", "notes", "posting"}

// EventColumns are the stage events file's header.
var EventColumns = []string{"application_id", "company", "stage", "date", "note"}

// EventsFileName is the name of the events file written beside an
// applications file: "jobs.csv" → "jobs-events.csv".
func EventsFileName(applications string) string {
	return strings.TrimSuffix(applications, ".csv") + "-events.csv"
}

// WriteCSV writes the applications file to apps and the events file to
// events.
func WriteCSV(b Board, apps, events io.Writer) error {
	names := map[uint]string{}
	for _, s := range b.Stages {
		names[s.ID] = s.Name
	}
	kinds := b.kinds()
	ar := [][]string{ApplicationColumns}
	er := [][]string{EventColumns}
	for _, a := range b.Applications {
		sent, ok := sentDate(a, kinds)
		if !ok && len(a.History) > 0 {
			sent = a.History[0].Date
		}
		ar = append(ar, []string{strconv.FormatUint(uint64(a.ID), 10), a.Company, a.Role, a.URL, a.Source, a.Location, string(a.Remote),
			money(a.SalaryAsked), money(a.SalaryOffered), a.Currency, names[a.Current().StageID], isoDate(sent),
			isoDate(a.LastMove()), a.Notes, a.Posting})
		for _, e := range a.History {
			er = append(er, []string{strconv.FormatUint(uint64(a.ID), 10), a.Company, names[e.StageID], isoDate(e.Date), e.Note})
		}
	}
	if err := writeRows(apps, ar); err != nil {
		return fmt.Errorf("writing the applications: %w", err)
	}
	if err := writeRows(events, er); err != nil {
		return fmt.Errorf("writing the stage events: %w", err)
	}
	return nil
}

func (b Board) kinds() map[uint]Kind {
	m := make(map[uint]Kind, len(b.Stages))
	for _, s := range b.Stages {
		m[s.ID] = s.Kind
	}
	return m
}

func money(v int64) string {
	if v == 0 {
		return ""
	}
	return strconv.FormatInt(v, 10)
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func writeRows(w io.Writer, rows [][]string) error {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = true
	for _, row := range rows {
		for i, cell := range row {
			row[i] = defuse(cell)
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

const formulaStarts = "=+-@\t\r"

func defuse(cell string) string {
	if cell != "" && strings.ContainsRune(formulaStarts, rune(cell[0])) {
		if _, err := strconv.ParseFloat(cell, 64); err != nil {
			return "'" + cell
		}
	}
	return cell
}

func undefuse(cell string) string {
	if len(cell) > 1 && cell[0] == '\'' && strings.ContainsRune(formulaStarts, rune(cell[1])) {
		return cell[1:]
	}
	return cell
}

// Fields a spreadsheet's columns can be mapped to.
var importFields = []string{"id", "company", "role", "url", "source", "location", "remote",
	"salary_asked", "salary_offered", "currency", "stage", "date", "notes", "posting"}

// aliases are other headers read as a field when no mapping is given.
var aliases = map[string]string{
	"employer": "company", "firm": "company", "organisation": "company", "organization": "company",
	"position": "role", "title": "role", "job": "role", "job title": "role",
	"link": "url", "posting url": "url", "website": "url",
	"status": "stage", "date applied": "date", "applied": "date", "applied on": "date",
	"how": "source", "channel": "source", "note": "notes",
}

// Mapping says which header each field is read from: field → header.
type Mapping map[string]string

// ParseMapping reads "company=Firma,role=Stelle" into a mapping, checking
// the fields.
func ParseMapping(s string) (Mapping, error) {
	m := Mapping{}
	if strings.TrimSpace(s) == "" {
		return m, nil
	}
	for _, part := range strings.Split(s, ",") {
		field, header, ok := strings.Cut(part, "=")
		field = strings.ToLower(strings.TrimSpace(field))
		if !ok || strings.TrimSpace(header) == "" {
			return nil, fmt.Errorf("%q is not a mapping; write FIELD=HEADER, such as company=Firma", strings.TrimSpace(part))
		}
		if !contains(importFields, field) {
			return nil, fmt.Errorf("%q is not a field; map one of %s", field, strings.Join(importFields, ", "))
		}
		m[field] = strings.TrimSpace(header)
	}
	return m, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Columns works out the column of each field from the header: the mapping
// first, then a header equal to the field's name or an alias (ignoring
// case). A mapped header the file lacks is an error.
func (m Mapping) Columns(header []string) (map[string]int, error) {
	cols := map[string]int{}
	norm := func(s string) string { return strings.ToLower(strings.TrimSpace(strings.TrimPrefix(s, "\ufeff"))) }
	for field, want := range m {
		found := false
		for i, h := range header {
			if norm(h) == norm(want) {
				cols[field], found = i, true
				break
			}
		}
		if !found {
			return nil, fmt.Errorf("the file has no column %q (mapped to %s); its columns are %s", want, field, strings.Join(header, ", "))
		}
	}
	for i, h := range header {
		f := norm(h)
		if a, ok := aliases[f]; ok {
			f = a
		}
		if _, taken := cols[f]; contains(importFields, f) && !taken {
			cols[f] = i
		}
	}
	for _, need := range []string{"company", "role"} {
		if _, ok := cols[need]; !ok {
			return nil, fmt.Errorf("no column holds the %s; name the column that does, as %s=COLUMN (the columns are %s)", need, need, strings.Join(header, ", "))
		}
	}
	return cols, nil
}

// Row is one application read from a file, or the reason its row was
// refused.
type Row struct {
	Line        int // the row's number in the file, the header being 1
	Application Application
	Err         error
}

// Import is what reading the files gives: the good rows and the bad.
type Import struct {
	Good []Row
	Bad  []Row
	// Already are the rows left out as applications already there (see
	// SameApplication): in the board, or earlier in the same file.
	Already []Row
}

// SameApplication says whether a and b are the same application: the same
// company and role (ignoring case and spaces around them) first sent or
// saved on the same day. An import leaves out an application already
// there by this rule, so importing a file twice, or an export of the same
// board, adds nothing.
func SameApplication(a, b Application) bool {
	same := func(x, y string) bool { return strings.EqualFold(strings.TrimSpace(x), strings.TrimSpace(y)) }
	return same(a.Company, b.Company) && same(a.Role, b.Role) && firstDate(a).Equal(firstDate(b))
}

func firstDate(a Application) time.Time {
	if len(a.History) == 0 {
		return time.Time{}
	}
	return plan.Date(a.History[0].Date)
}

// appKey is SameApplication as a map key.
func appKey(a Application) string {
	return strings.ToLower(strings.TrimSpace(a.Company)) + "\x00" + strings.ToLower(strings.TrimSpace(a.Role)) + "\x00" + firstDate(a).Format(time.DateOnly)
}

// LeaveOutExisting moves the good rows that are the same application
// (SameApplication) as one of existing, or as a good row before them in
// the file, to Already.
func (im Import) LeaveOutExisting(existing []Application) Import {
	seen := make(map[string]bool, len(existing)+len(im.Good))
	for _, a := range existing {
		seen[appKey(a)] = true
	}
	out := Import{Bad: im.Bad, Already: append([]Row(nil), im.Already...)}
	for _, r := range im.Good {
		k := appKey(r.Application)
		if seen[k] {
			out.Already = append(out.Already, r)
			continue
		}
		seen[k] = true
		out.Good = append(out.Good, r)
	}
	return out
}

// MaxImportBytes bounds a CSV file read for import.
const MaxImportBytes = 64 << 20

// ReadCSV reads an applications file (and, when events is not nil, the
// stage events file written beside it) into applications, with the
// stages known by name. A row that cannot be an application is named with
// its reason; the good ones are returned for importing together. today
// dates a row without a date column.
func ReadCSV(apps, events io.Reader, m Mapping, stages []Stage, today time.Time) (Import, error) {
	records, err := readAll(apps)
	if err != nil {
		return Import{}, err
	}
	if len(records) == 0 {
		return Import{}, errors.New("the file is empty; it needs a header row with the column names, then one row per application")
	}
	cols, err := m.Columns(records[0])
	if err != nil {
		return Import{}, err
	}
	byName := map[string]Stage{}
	for _, s := range stages {
		byName[strings.ToLower(strings.TrimSpace(s.Name))] = s
	}
	var histories map[string][]Event
	var eventErrs map[string]error
	if events != nil {
		histories, eventErrs, err = readEvents(events, byName)
		if err != nil {
			return Import{}, err
		}
	}
	var out Import
	for i, rec := range records[1:] {
		row := Row{Line: i + 2}
		var history []Event
		if id, ok := cols["id"]; ok && histories != nil {
			key := strings.TrimSpace(cell(rec, id))
			history, row.Err = histories[key], eventErrs[key]
		}
		if row.Err == nil {
			row.Application, row.Err = applicationOfRecord(rec, cols, byName, today, history)
		}
		if row.Err == nil {
			row.Err = ValidateApplication(row.Application, nil)
		}
		if row.Err == nil {
			row.Err = HistoryNotFuture(row.Application.History, today)
		}
		if row.Err != nil {
			out.Bad = append(out.Bad, row)
		} else {
			out.Good = append(out.Good, row)
		}
	}
	return out, nil
}

func readAll(r io.Reader) ([][]string, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxImportBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxImportBytes {
		return nil, fmt.Errorf("the file is larger than %d MB; split it", MaxImportBytes>>20)
	}
	if !utf8.Valid(data) {
		return nil, errors.New("the file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\"")
	}
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	cr.FieldsPerRecord = -1
	records, err := cr.ReadAll()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("the file is not valid CSV at line %d: %v; check the quotes on that line", pe.Line, pe.Err)
		}
		return nil, err
	}
	return records, nil
}

func cell(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return undefuse(rec[i])
}

// applicationOfRecord reads one row; history, when the events file gave
// one, stands for the row's stage and date.
func applicationOfRecord(rec []string, cols map[string]int, stages map[string]Stage, today time.Time, history []Event) (Application, error) {
	get := func(field string) string {
		i, ok := cols[field]
		if !ok {
			return ""
		}
		return strings.TrimSpace(cell(rec, i))
	}
	a := Application{Company: get("company"), Role: get("role"), URL: get("url"), Source: get("source"), Location: get("location"),
		Remote: Remote(strings.ToLower(get("remote"))), Currency: strings.ToUpper(get("currency")), Notes: get("notes"), Posting: get("posting")}
	if a.Company == "" && a.Role == "" && strings.TrimSpace(strings.Join(rec, "")) == "" {
		return a, errors.New("the row is empty")
	}
	var err error
	if a.SalaryAsked, err = amount("salary asked", get("salary_asked")); err != nil {
		return a, err
	}
	if a.SalaryOffered, err = amount("salary offered", get("salary_offered")); err != nil {
		return a, err
	}
	if len(history) > 0 {
		a.History = history
		return a, nil
	}
	stageName := get("stage")
	if stageName == "" {
		stageName = "Applied"
	}
	st, ok := stages[strings.ToLower(stageName)]
	if !ok {
		return a, fmt.Errorf("%q is not a stage; add it on the board first, or change the cell to one of the stages", stageName)
	}
	date := today
	if _, has := cols["date"]; has {
		d, err := time.Parse(time.DateOnly, get("date"))
		if err != nil {
			return a, fmt.Errorf("the date %q is not a date; write it as YYYY-MM-DD", get("date"))
		}
		date = d
	}
	a.History = []Event{{StageID: st.ID, Date: plan.Date(date)}}
	return a, nil
}

func amount(what, s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseInt(strings.ReplaceAll(s, " ", ""), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("the %s %q is not a whole number; write digits only, such as 52000", what, s)
	}
	return v, nil
}

// readEvents reads the stage events file into histories by application
// id; an application with a bad event gets that event's error.
func readEvents(r io.Reader, stages map[string]Stage) (map[string][]Event, map[string]error, error) {
	records, err := readAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("the stage events file: %w", err)
	}
	if len(records) == 0 {
		return nil, nil, errors.New("the stage events file is empty; it needs its header row")
	}
	idx := map[string]int{}
	for i, h := range records[0] {
		idx[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, need := range []string{"application_id", "stage", "date"} {
		if _, ok := idx[need]; !ok {
			return nil, nil, fmt.Errorf("the stage events file has no column %q; its header must be %s", need, strings.Join(EventColumns, ","))
		}
	}
	hist := map[string][]Event{}
	errs := map[string]error{}
	for i, rec := range records[1:] {
		id := strings.TrimSpace(cell(rec, idx["application_id"]))
		name := strings.TrimSpace(cell(rec, idx["stage"]))
		st, ok := stages[strings.ToLower(name)]
		d, derr := time.Parse(time.DateOnly, strings.TrimSpace(cell(rec, idx["date"])))
		note := ""
		if n, ok := idx["note"]; ok {
			note = cell(rec, n)
		}
		switch {
		case errs[id] != nil:
		case !ok:
			errs[id] = fmt.Errorf("row %d of the stage events file: %q is not a stage; add it on the board first", i+2, name)
		case derr != nil:
			errs[id] = fmt.Errorf("row %d of the stage events file: the date %q is not a date; write it as YYYY-MM-DD", i+2, cell(rec, idx["date"]))
		default:
			hist[id] = append(hist[id], Event{ID: uint(len(hist[id]) + 1), StageID: st.ID, Date: d, Note: note})
		}
	}
	for id := range hist {
		h := hist[id]
		SortHistory(h)
		for i := range h {
			h[i].ID = 0
		}
	}
	return hist, errs, nil
}

// Sorted returns the rows by line, for reporting.
func Sorted(rows []Row) []Row {
	out := append([]Row(nil), rows...)
	sort.Slice(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out
}
