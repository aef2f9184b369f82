// Package localeenv gives Fyne a language it can read when the process
// runs in the C or POSIX locale (LANG=C.UTF-8 is the default of Docker
// images and many CI machines). Fyne's lang package reads the locale in
// its init and, unable to parse "C", prints three lines of "Fyne error:
// Error parsing user locale C" on every command. Setting LANGUAGE=en for
// this process gives it English, which is what the C locale means, and
// keeps headless commands printing only what they mean to print.
//
// It must be initialised before fyne.io/fyne/v2/lang: package main imports
// it for its side effect, and Go initialises it first because it needs
// only the os package while lang waits on packages that sort after it
// (such as text/template). TestHeadlessCommandsPrintNothingElse in
// cmd/studyplanner holds that order in place.
package localeenv

import "os"

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	if isPOSIX(effectiveLocale()) {
		os.Setenv("LANGUAGE", "en")
	}
}

// effectiveLocale is the locale messages are shown in, as gettext (and
// Fyne, through go-locale) reads it.
func effectiveLocale() string {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(name); v != "" {
			return v
		}
	}
	return ""
}

// isPOSIX reports whether locale is the C or POSIX locale in any spelling
// ("C", "C.UTF-8", "POSIX", "C.utf8@euro").
func isPOSIX(locale string) bool {
	for i, r := range locale {
		if r == '.' || r == '@' {
			locale = locale[:i]
			break
		}
	}
	return locale == "C" || locale == "POSIX"
}

// PaperLocale is the locale whose paper size printed documents use, as
// the C library reads it: $LC_ALL, then $LC_PAPER, then $LANG.
func PaperLocale() string {
	for _, name := range []string{"LC_ALL", "LC_PAPER", "LANG"} {
		if v := os.Getenv(name); v != "" {
			return v
		}
	}
	return ""
}
