package snapshot

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
)

// CSVTables renders the parts of a document people open in a spreadsheet
// as RFC 4180 CSV files, by name: a header row, CRLF line ends, ISO dates
// and plain numbers (no thousands separators, a dot for decimals).
func CSVTables(d Document) (map[string][]byte, error) {
	proven := map[string]bool{}
	for _, p := range d.Projects {
		if p.Status == "done" {
			for _, s := range p.Skills {
				proven[s] = true
			}
		}
	}
	tables := map[string][][]string{
		"sessions.csv": {{"date", "start", "minutes", "skill", "step", "notes"}},
		"skills.csv":   {{"category", "skill", "status", "current_level", "target_level", "estimated_hours", "prerequisites", "last_practised", "proven"}},
		"steps.csv":    {{"position", "title", "status", "target_date", "estimated_hours", "actions_done", "actions_total", "summary"}},
		"salaries.csv": {{"country", "country_code", "level", "currency", "min", "max", "median", "year", "source"}},
	}
	for _, s := range d.Sessions {
		tables["sessions.csv"] = append(tables["sessions.csv"], []string{s.Date, s.Start, strconv.Itoa(s.Minutes), s.Skill, s.Step, s.Notes})
	}
	for _, c := range d.SkillCategories {
		for _, s := range c.Skills {
			tables["skills.csv"] = append(tables["skills.csv"], []string{c.Name, s.Name, s.Status, strconv.Itoa(s.CurrentLevel),
				strconv.Itoa(s.TargetLevel), strconv.Itoa(s.Hours), strings.Join(s.Prerequisites, "; "), s.LastPractised, strconv.FormatBool(proven[s.Name])})
		}
	}
	for i, s := range d.Roadmap {
		done := 0
		for _, a := range s.Actions {
			if a.Done {
				done++
			}
		}
		tables["steps.csv"] = append(tables["steps.csv"], []string{strconv.Itoa(i + 1), s.Title, s.Status, s.TargetDate,
			strconv.Itoa(s.Hours), strconv.Itoa(done), strconv.Itoa(len(s.Actions)), s.Summary})
	}
	for _, s := range d.Salaries {
		median := ""
		if s.Median != 0 {
			median = strconv.FormatInt(s.Median, 10)
		}
		tables["salaries.csv"] = append(tables["salaries.csv"], []string{s.Country, s.CountryCode, s.Level, s.Currency,
			strconv.FormatInt(s.Min, 10), strconv.FormatInt(s.Max, 10), median, strconv.Itoa(s.Year), s.Source})
	}
	out := map[string][]byte{}
	for name, rows := range tables {
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		w.UseCRLF = true
		for _, row := range rows {
			for i, cell := range row {
				row[i] = defuse(cell)
			}
		}
		if err := w.WriteAll(rows); err != nil {
			return nil, fmt.Errorf("writing %s: %w", name, err)
		}
		out[name] = buf.Bytes()
	}
	return out, nil
}

// formulaStarts are the first characters OWASP lists for CSV injection.
const formulaStarts = "=+-@\t\r"

// defuse keeps a spreadsheet from running a cell as a formula: text that
// starts with one of formulaStarts gets a leading apostrophe, as
// spreadsheets do themselves. A number such as -3 stays a number.
func defuse(cell string) string {
	if cell != "" && strings.ContainsRune(formulaStarts, rune(cell[0])) {
		if _, err := strconv.ParseFloat(cell, 64); err != nil {
			return "'" + cell
		}
	}
	return cell
}
