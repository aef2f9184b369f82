package ics

import (
	"strings"
	"time"

	// Windows has no zoneinfo of its own: without the embedded database
	// every TZID of a Google or Apple calendar would fall back to the
	// learner's zone there.
	_ "time/tzdata"

	ical "github.com/arran4/golang-ical"
)

// zones turns the TZIDs of one calendar into locations. A calendar names
// the same few zones over and over, so each is looked up once.
type zones struct {
	fallback *time.Location
	// hints are the IANA names a calendar's own VTIMEZONE gives for its
	// TZIDs (X-LIC-LOCATION, written by Thunderbird and Evolution).
	hints map[string]string
	cache map[string]*time.Location
}

func newZones(cal *ical.Calendar, fallback *time.Location) *zones {
	z := &zones{fallback: fallback, hints: map[string]string{}, cache: map[string]*time.Location{}}
	for _, c := range cal.Components {
		tz, ok := c.(*ical.VTimezone)
		if !ok {
			continue
		}
		id := tz.GetProperty(ical.ComponentPropertyTzid)
		loc := tz.GetProperty(ical.ComponentProperty("X-LIC-LOCATION"))
		if id != nil && loc != nil {
			z.hints[strings.TrimSpace(id.Value)] = strings.TrimSpace(loc.Value)
		}
	}
	return z
}

// lookup is the location a TZID names. A zone nobody can identify is read
// as the learner's: a holiday an hour off is still on about the right day,
// and refusing the event would lose it altogether.
func (z *zones) lookup(tzid string) *time.Location {
	if loc, ok := z.cache[tzid]; ok {
		return loc
	}
	loc := z.fallback
	for _, name := range zoneCandidates(strings.TrimSpace(tzid), z.hints) {
		if l := loadZone(name); l != nil {
			loc = l
			break
		}
	}
	z.cache[tzid] = loc
	return loc
}

// zoneCandidates lists, best first, the IANA names a TZID may stand for:
// itself, the Windows name Outlook writes, the calendar's own hint, and the
// tail of a path such as Thunderbird's "/mozilla.org/20050126_1/Europe/Berlin".
func zoneCandidates(tzid string, hints map[string]string) []string {
	name := strings.TrimPrefix(tzid, "tzone://Microsoft/") // Exchange's form
	out := []string{name}
	if iana, ok := windowsZones[strings.ToLower(name)]; ok {
		out = append(out, iana)
	}
	if hint, ok := hints[tzid]; ok {
		out = append(out, hint)
	}
	parts := strings.Split(name, "/")
	for i := max(1, len(parts)-3); i < len(parts); i++ {
		out = append(out, strings.Join(parts[i:], "/"))
	}
	return out
}

// loadZone loads an IANA zone, or nil. "Local" would be the machine's zone,
// not one the calendar's author meant, so it is no match.
func loadZone(name string) *time.Location {
	if name == "" || strings.EqualFold(name, "local") || !zoneName(name) {
		return nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil
	}
	return loc
}

// zoneName reports whether name can be an IANA zone at all, so arbitrary
// TZIDs do not become file look-ups.
func zoneName(name string) bool {
	if len(name) > 64 || name[0] == '/' {
		return false
	}
	for _, r := range name {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/_+-", r)
		if !ok {
			return false
		}
	}
	return !strings.Contains(name, "..")
}
