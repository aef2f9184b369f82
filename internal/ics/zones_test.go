package ics

import (
	"testing"
	"time"
)

// TestWindowsZonesAllLoad: every IANA name in the table exists in the
// embedded database, so no Outlook zone silently falls back.
func TestWindowsZonesAllLoad(t *testing.T) {
	if len(windowsZones) < 60 {
		t.Errorf("only %d Windows zones", len(windowsZones))
	}
	for windows, iana := range windowsZones {
		if loadZone(iana) == nil {
			t.Errorf("%q maps to %q, which does not load", windows, iana)
		}
	}
	z := &zones{fallback: time.UTC, hints: map[string]string{"Custom": "Asia/Tokyo"}, cache: map[string]*time.Location{}}
	for tzid, want := range map[string]string{
		"W. Europe Standard Time":                "Europe/Berlin",
		"w. europe standard time":                "Europe/Berlin",
		"Pacific Standard Time":                  "America/Los_Angeles",
		"GMT Standard Time":                      "Europe/London",
		"Romance Standard Time":                  "Europe/Paris",
		"Eastern Standard Time":                  "America/New_York",
		"Central European Standard Time":         "Europe/Warsaw",
		"AUS Eastern Standard Time":              "Australia/Sydney",
		"Tokyo Standard Time":                    "Asia/Tokyo",
		"India Standard Time":                    "Asia/Kolkata",
		"tzone://Microsoft/Utc":                  "Etc/UTC",
		"/mozilla.org/20050126_1/Europe/Berlin":  "Europe/Berlin",
		"/citadel.org/20190914_1/America/Denver": "America/Denver",
		"/softwarestudio.org/Olson_20011030_5/America/Argentina/Buenos_Aires": "America/Argentina/Buenos_Aires",
		"Europe/Berlin":    "Europe/Berlin",
		"Custom":           "Asia/Tokyo",
		"Nowhere/Atlantis": "UTC",
		"Local":            "UTC",
		"../etc/passwd":    "UTC",
	} {
		if got := z.lookup(tzid).String(); got != want {
			t.Errorf("zone of TZID %q = %s, want %s", tzid, got, want)
		}
	}
}
