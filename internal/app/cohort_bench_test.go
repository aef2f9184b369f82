package app

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/dataset"
	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

// BenchmarkCohort is the mentor's table for 30 learners with five years
// of the large dataset's study each, on the test server (make bench runs
// it beside .ci/with-postgres): the schemas are filled once, then the
// whole table is read, as the cohort command and screen read it.
func BenchmarkCohort(b *testing.B) {
	db := storetest.Database(b)
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	doc := dataset.Copied(1, today, 1)
	var wg sync.WaitGroup
	errs := make(chan error, 30)
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < 30; i += 2 {
				st, err := store.Open(storetest.WithLearner(b, db, fmt.Sprintf("learner_%02d", i)))
				if err == nil {
					err = st.Import(doc)
					st.Close()
				}
				if err != nil {
					errs <- err
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	// As the cohort command reads it: listing the learners and reading
	// every one on new connections.
	b.Run("command", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			rows, err := LoadCohort(db, today)
			if err != nil || len(rows) != 30 || rows[0].Problem != "" {
				b.Fatalf("%d rows, %v", len(rows), err)
			}
		}
	})
	// As a screen showing it again reads it, on the connections it keeps.
	b.Run("again", func(b *testing.B) {
		c, err := OpenCohort(db)
		if err != nil {
			b.Fatal(err)
		}
		defer c.Close()
		c.Rows(today)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if rows := c.Rows(today); len(rows) != 30 || rows[0].Problem != "" {
				b.Fatalf("%d rows: %+v", len(rows), rows[0])
			}
		}
	})
}
