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
	tables := map[string][][]string{
		"sessions.csv": sessionRows(d),
		"skills.csv":   skillRows(d),
		"steps.csv":    stepRows(d),
		"salaries.csv": salaryRows(d),
		"sources.csv":  referenceRows(d),
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

func sessionRows(d Document) [][]string {
	rows := [][]string{{"date", "start", "minutes", "skill", "step", "notes"}}
	for _, s := range d.Sessions {
		rows = append(rows, []string{s.Date, s.Start, strconv.Itoa(s.Minutes), s.Skill, s.Step, s.Notes})
	}
	return rows
}

func skillRows(d Document) [][]string {
	proven := map[string]bool{}
	for _, p := range d.Projects {
		if p.Status == "done" {
			for _, s := range p.Skills {
				proven[s] = true
			}
		}
	}
	rows := [][]string{{"category", "skill", "status", "current_level", "target_level", "estimated_hours", "prerequisites", "last_practised", "proven"}}
	for _, c := range d.SkillCategories {
		for _, s := range c.Skills {
			rows = append(rows, []string{c.Name, s.Name, s.Status, strconv.Itoa(s.CurrentLevel),
				strconv.Itoa(s.TargetLevel), strconv.Itoa(s.Hours), strings.Join(s.Prerequisites, "; "), s.LastPractised, strconv.FormatBool(proven[s.Name])})
		}
	}
	return rows
}

func stepRows(d Document) [][]string {
	rows := [][]string{{"position", "title", "status", "target_date", "estimated_hours", "actions_done", "actions_total", "summary"}}
	for i, s := range d.Roadmap {
		done := 0
		for _, a := range s.Actions {
			if a.Done {
				done++
			}
		}
		rows = append(rows, []string{strconv.Itoa(i + 1), s.Title, s.Status, s.TargetDate,
			strconv.Itoa(s.Hours), strconv.Itoa(done), strconv.Itoa(len(s.Actions)), s.Summary})
	}
	return rows
}

func salaryRows(d Document) [][]string {
	rows := [][]string{{"country", "country_code", "level", "currency", "min", "max", "median", "year", "source", "kind", "city", "source_date", "link"}}
	for _, s := range d.Salaries {
		median := ""
		if s.Median != 0 {
			median = strconv.FormatInt(s.Median, 10)
		}
		rows = append(rows, []string{s.Country, s.CountryCode, s.Level, s.Currency,
			strconv.FormatInt(s.Min, 10), strconv.FormatInt(s.Max, 10), median, strconv.Itoa(s.Year), s.Source,
			s.Kind, s.City, s.SourceDate, s.Link})
	}
	return rows
}

// referenceRows lists every figure a comparison converts or sets beside
// the salaries, with its source, date and link: exchange rates, yearly
// averages, purchasing power factors and survey medians.
func referenceRows(d Document) [][]string {
	rows := [][]string{{"figure", "of", "value", "date", "source", "link"}}
	for _, r := range d.ExchangeRates {
		what := "exchange rate per euro"
		if r.Manual {
			what += " (typed by hand)"
		}
		rows = append(rows, []string{what, r.Currency, r.PerEUR, r.AsOf, r.Source, r.Link})
	}
	for _, r := range d.AnnualRates {
		rows = append(rows, []string{"yearly average rate per euro", r.Currency, r.PerEUR, strconv.Itoa(r.Year), r.Source, r.Link})
	}
	for _, p := range d.PPP {
		date := strconv.Itoa(p.Year)
		if p.Released != "" {
			date += " (released " + p.Released + ")"
		}
		rows = append(rows, []string{"PPP factor per international dollar", p.CountryCode, p.Factor, date, p.Source, p.Link})
	}
	for _, m := range d.SurveyMedians {
		of := m.Country + ", " + m.Role
		rows = append(rows, []string{fmt.Sprintf("reported median (n %d)", m.Respondents), of, m.Currency + " " + strconv.FormatInt(m.Median, 10),
			strconv.Itoa(m.Year), m.Source, m.Link})
	}
	return rows
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
