package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

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

// dollars numbers a query's ? placeholders as PostgreSQL's $1, $2, ….
func dollars(q string) string {
	var out strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			fmt.Fprintf(&out, "$%d", n)
			continue
		}
		out.WriteRune(r)
	}
	return out.String()
}

func BenchmarkServerLoad(b *testing.B) {
	loc := serverLarge(b)
	for _, s := range loadScreens(b, dollars(floorYear), dollars(floorDay)) {
		b.Run(s.name+"/app", func(b *testing.B) {
			st, err := Open(loc)
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			s.app(st) // connections made before timing, as a running window has them
			settle()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s.app(st)
			}
		})
		b.Run(s.name+"/floor", func(b *testing.B) {
			db := rawServer(b, loc)
			s.floor(db)
			settle()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s.floor(db)
			}
		})
	}
}
