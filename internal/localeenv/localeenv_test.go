package localeenv

import "testing"

func TestIsPOSIX(t *testing.T) {
	for locale, want := range map[string]bool{
		"C": true, "C.UTF-8": true, "C.utf8": true, "POSIX": true, "C@euro": true,
		"en_US.UTF-8": false, "de_DE": false, "": false, "Catalan": false,
	} {
		if got := isPOSIX(locale); got != want {
			t.Errorf("isPOSIX(%q) = %v, want %v", locale, got, want)
		}
	}
}
