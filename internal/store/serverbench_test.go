package store

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/studyplanner/studyplanner/internal/dataset"
	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

// The server's side of make bench (with STUDYPLANNER_TEST_PG set, as
// .ci/with-postgres does): each screen's load from a learner's schema
// holding the large dataset, against the same rows read with plain pgx
// through database/sql.

// benchServer is a learner's schema holding the large dataset ×1, made
// once per run.
var benchServer string

func serverLarge(b *testing.B) string {
	benchMu.Lock()
	defer benchMu.Unlock()
	if benchServer != "" {
		return benchServer
	}
	base := storetest.ServerURL(b)
	learner := storetest.Unique("bench")
	loc := storetest.WithLearner(b, base, learner)
	st, err := Open(loc)
	if err != nil {
		b.Fatal(err)
	}
	if err := st.Import(dataset.Copied(1, benchToday, 1)); err != nil {
		b.Fatal(err)
	}
	st.Close()
	benchServer = loc
	serverCleanups = append(serverCleanups, func() { dropSchemaQuietly(base, learner) })
	return loc
}

// serverCleanups run when the benchmarks end (TestMain).
var serverCleanups []func()

func dropSchemaQuietly(base, schema string) {
	conn, err := pgx.Connect(context.Background(), base)
	if err != nil {
		return
	}
	defer conn.Close(context.Background())
	conn.Exec(context.Background(), "DROP SCHEMA IF EXISTS "+pgx.Identifier{schema}.Sanitize()+" CASCADE")
}

// rawServer opens the schema with plain pgx through database/sql.
func rawServer(b *testing.B, loc string) *sql.DB {
	target, err := ParseServerURL(loc)
	if err != nil {
		b.Fatal(err)
	}
	db := stdlib.OpenDB(*target.Config)
	b.Cleanup(func() { db.Close() })
	return db
}

// BenchmarkServerLoad times each screen's load and its floor in turns,
// one of each per iteration (which goes first alternates), so that the
// machine's drift over a run, large on a shared 2-core machine, falls on
// both alike. It reports each one's time and app/floor, their ratio;
// .ci/bench-ratios takes the median of the ratios over the samples.
func BenchmarkServerLoad(b *testing.B) {
	loc := serverLarge(b)
	for _, s := range loadScreens(b, numberedPlaceholders(floorYear), numberedPlaceholders(floorDay)) {
		b.Run(s.name, func(b *testing.B) {
			st, err := Open(loc)
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			db := rawServer(b, loc)
			s.app(st) // connections made before timing, as a running window has them
			s.floor(db)
			settle()
			var app, floor time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if i%2 == 0 {
					app += timed(func() { s.app(st) })
					floor += timed(func() { s.floor(db) })
				} else {
					floor += timed(func() { s.floor(db) })
					app += timed(func() { s.app(st) })
				}
			}
			b.ReportMetric(float64(app.Nanoseconds())/float64(b.N), "app-ns/op")
			b.ReportMetric(float64(floor.Nanoseconds())/float64(b.N), "floor-ns/op")
			b.ReportMetric(float64(app)/float64(floor), "app/floor")
		})
	}
}

func timed(fn func()) time.Duration {
	start := time.Now()
	fn()
	return time.Since(start)
}
