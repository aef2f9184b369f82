package salary

import (
	"strings"
	"testing"
)

func TestFormatRange(t *testing.T) {
	tests := []struct {
		currency      string
		min, max      int64
		full, compact string
	}{
		{"USD", 90000, 120000, "$90,000 – $120,000", "$90k – $120k"},
		{"CAD", 65000, 95000, "CA$65,000 – CA$95,000", "CA$65k – CA$95k"},
		{"GBP", 40000, 60000, "£40,000 – £60,000", "£40k – £60k"},
		{"AUD", 70000, 100000, "A$70,000 – A$100,000", "A$70k – A$100k"},
		{"EUR", 40000, 70000, "€40,000 – €70,000", "€40k – €70k"},
		{"CHF", 95000, 1250000, "CHF 95,000 – CHF 1,250,000", "CHF 95k – CHF 1.2M"},
		{"JPY", 500, 999, "¥500 – ¥999", "¥500 – ¥999"},
	}
	for _, tt := range tests {
		r := Range{Currency: tt.currency, Min: tt.min, Max: tt.max}
		if got := FormatRange(r); got != tt.full {
			t.Errorf("FormatRange(%s) = %q, want %q", tt.currency, got, tt.full)
		}
		if got := CompactRange(r); got != tt.compact {
			t.Errorf("CompactRange(%s) = %q, want %q", tt.currency, got, tt.compact)
		}
	}
}

func TestValidate(t *testing.T) {
	good := Range{Country: "Canada", Currency: "CAD", Min: 65000, Max: 95000, Year: 2023}
	tests := []struct {
		name   string
		change func(*Range)
		want   string // "" for valid
	}{
		{"valid", func(*Range) {}, ""},
		{"equal bounds", func(r *Range) { r.Min = r.Max }, ""},
		{"no country", func(r *Range) { r.Country = "  " }, "country is missing"},
		{"lower case code", func(r *Range) { r.Currency = "cad" }, "three capital letters"},
		{"unknown code", func(r *Range) { r.Currency = "ABC" }, "not a known ISO 4217"},
		{"zero", func(r *Range) { r.Min = 0 }, "must be positive"},
		{"inverted", func(r *Range) { r.Min, r.Max = r.Max, r.Min }, "above the maximum"},
		{"old year", func(r *Range) { r.Year = 1850 }, "not between"},
	}
	for _, tt := range tests {
		r := good
		tt.change(&r)
		err := r.Validate()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: unexpected error %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want one mentioning %q", tt.name, err, tt.want)
		}
	}
}
