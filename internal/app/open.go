// Package app holds Study Planner's use cases: what the window and the
// command line both do, written once. Each takes the small part of the
// store it needs, declared as an interface beside it, and returns domain
// values; the window turns them into widgets and the command line into
// text and JSON. Neither builds domain values itself.
package app

import (
	"errors"
	"time"

	"github.com/studyplanner/studyplanner/assets"
	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
)

// Content is what a new database is filled with: the plan's defaults and
// salaries, and the roadmap pack.
type Content struct {
	Document func() (snapshot.Document, error)
	Pack     func() (snapshot.Pack, error)
}

// BuiltIn is the content the app ships with.
var BuiltIn = Content{Document: assets.DefaultContent, Pack: assets.BackendPack}

// Open opens the database at loc, creating the default location's folder
// when it is missing, removes the temporary files killed backups and
// exports left beside it, and, on its first start, fills it with content,
// its weeks starting on the day usual in locale ("en_US.UTF-8").
func Open(loc store.Location, content Content, now time.Time, locale string) (*store.Store, error) {
	if store.IsServerURL(loc.Path) {
		loc.Default = false
	}
	if err := loc.Prepare(); err != nil {
		return nil, err
	}
	st, err := store.Open(loc.Path)
	if err != nil {
		return nil, err
	}
	if st.ReadOnly() {
		return st, nil
	}
	if !st.OnServer() {
		store.CleanStaleFiles(st.Path())
	}
	if err := seed(st, content, now, locale); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

func seed(st *store.Store, content Content, now time.Time, locale string) error {
	if err := seedContent(st, content, now, locale); err != nil {
		return err
	}
	return SeedPracticeBank(st)
}

func seedContent(st *store.Store, content Content, now time.Time, locale string) error {
	// The usual start: nothing to add, and the content is not decoded.
	if done, err := st.Seeded(); err != nil || done {
		return err
	}
	doc, err := content.Document()
	if err != nil {
		return err
	}
	doc.Plan.WeekStart = plan.WeekdayName(plan.WeekStartForLocale(locale))
	pack, err := content.Pack()
	if err != nil {
		return err
	}
	_, err = st.Seed(doc, pack, now)
	return err
}

// Startup is what the window starts with: the open data, or, when the
// file is damaged, a Recovery that offers the way on.
type Startup struct {
	Store    *store.Store
	Recovery *Recovery
	// Offline is set when the data is on a server that cannot be reached.
	Offline *Offline
	// Cohort is set when the login is a cohort's mentor: the window shows
	// their learners instead of data of their own.
	Cohort *Cohort
}

// OpenForWindow opens the data as the window needs it: seeded, or as a
// Recovery when the file is damaged. It reads nothing in proportion to
// the data: the day's backup (DailyBackup) is the window's to take once
// its figures are drawn.
func OpenForWindow(loc store.Location, content Content, now func() time.Time, locale string) (Startup, error) {
	if store.IsServerURL(loc.Path) {
		mentor, err := store.IsMentor(loc.Path)
		if errors.Is(err, store.ErrServerUnreachable) {
			return Startup{Offline: newOffline(loc, content, now, locale, err)}, nil
		}
		if err == nil && mentor {
			c, err := OpenCohort(loc.Path)
			if err != nil {
				return Startup{}, err
			}
			return Startup{Cohort: c}, nil
		}
	}
	st, err := Open(loc, content, now(), locale)
	var damaged *store.DamagedError
	if errors.As(err, &damaged) {
		return Startup{Recovery: newRecovery(loc, content, now, locale, damaged)}, nil
	}
	if errors.Is(err, store.ErrServerUnreachable) {
		return Startup{Offline: newOffline(loc, content, now, locale, err)}, nil
	}
	if err != nil {
		return Startup{}, err
	}
	st.SetClock(now)
	return Startup{Store: st}, nil
}

// Close releases what the start-up opened.
func (s Startup) Close() {
	if s.Store != nil {
		s.Store.Close()
	}
	if s.Recovery != nil {
		s.Recovery.close()
	}
	if s.Offline != nil {
		s.Offline.close()
	}
	if s.Cohort != nil {
		s.Cohort.Close()
	}
}
