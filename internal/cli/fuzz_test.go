package cli

import (
	"strconv"
	"strings"
	"testing"
)

// FuzzDecimalFlags: whatever a person types as a number, it is read as the
// plain decimal it spells or refused; never as octal, hexadecimal, with
// underscores or as an exponent.
func FuzzDecimalFlags(f *testing.F) {
	for _, s := range []string{"45", "045", "0x2d", "1_000", "7.5", "07.5", "-3", "+2", ".5", "1e3", "NaN", "Inf", "0x1p3", " 12 ", "", "99999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var i decimalInt
		if err := i.Set(s); err == nil {
			trimmed := strings.TrimLeft(strings.TrimSpace(s), "+-")
			for _, r := range trimmed {
				if r < '0' || r > '9' {
					t.Fatalf("%q read as the whole number %d", s, i.value)
				}
			}
			if want, _ := strconv.ParseInt(strings.TrimSpace(s), 10, 64); int64(i.value) != want {
				t.Fatalf("%q read as %d, want %d", s, i.value, want)
			}
		}
		var d decimalFloat
		if err := d.Set(s); err == nil {
			if strings.ContainsAny(s, "xXeEpP_nNiI") {
				t.Fatalf("%q read as the number %v", s, d.value)
			}
		}
	})
}
