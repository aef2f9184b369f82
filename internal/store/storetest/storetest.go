// Package storetest gives tests a fresh place for a learner's data on
// either engine: a file in the test's temporary folder, or a schema of
// its own on the PostgreSQL server that STUDYPLANNER_TEST_PG names (a
// throwaway one: make test starts it with .ci/with-postgres).
//
// STUDYPLANNER_TEST_ENGINE=postgres makes Location give server locations,
// so a suite written against Location runs whole against PostgreSQL;
// without it Location gives files, and only the tests that ask for a
// server (Server) use one, skipping when no server is named.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// ServerEnv names the test server's URL; EngineEnv chooses the engine of
// Location.
const (
	ServerEnv = "STUDYPLANNER_TEST_PG"
	EngineEnv = "STUDYPLANNER_TEST_ENGINE"
)

// OnServer reports whether Location gives server locations in this run.
func OnServer() bool { return os.Getenv(EngineEnv) == "postgres" }

// Location is a fresh, empty place for a learner's data: a file called
// name in a temporary folder, or, in a run on the server, a new learner
// schema there, dropped when the test ends.
func Location(t testing.TB, name string) string {
	t.Helper()
	if OnServer() {
		return Server(t)
	}
	return filepath.Join(t.TempDir(), name)
}

// FileOnly skips a test about files (their header, their log beside
// them, their backups) in a run on the server.
func FileOnly(t testing.TB) {
	t.Helper()
	if OnServer() {
		t.Skip("about database files; this run keeps the data on PostgreSQL")
	}
}

// Server is the URL of a new learner schema on the test server, dropped
// when the test ends. It skips the test when no server is named. The
// local data folder, where a server's backups go, is the test's own.
func Server(t testing.TB) string {
	t.Helper()
	base := ServerURL(t)
	if _, done := dataHomes.LoadOrStore(t, true); !done {
		t.Setenv("XDG_DATA_HOME", t.TempDir())
		t.Cleanup(func() { dataHomes.Delete(t) })
	}
	learner := "t_" + randomHex(6)
	t.Cleanup(func() { DropSchema(t, learner) })
	return WithLearner(t, base, learner)
}

// dataHomes are the tests whose data folder Server has set.
var dataHomes sync.Map

// ServerURL is the test server's URL; it skips the test when none is
// named.
func ServerURL(t testing.TB) string {
	t.Helper()
	base := os.Getenv(ServerEnv)
	if base == "" {
		t.Skip(ServerEnv + " is not set: no PostgreSQL server to test against (make test starts one)")
	}
	return base
}

// WithLearner is base with ?learner=learner.
func WithLearner(t testing.TB, base, learner string) string {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", ServerEnv, err)
	}
	q := u.Query()
	q.Set("learner", learner)
	u.RawQuery = q.Encode()
	return u.String()
}

// Exec runs statements on the test server as its superuser.
func Exec(t testing.TB, statements ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, ServerURL(t))
	if err != nil {
		t.Fatalf("connecting to the test server: %v", err)
	}
	defer conn.Close(ctx)
	for _, stmt := range statements {
		if _, err := conn.Exec(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
}

// DropSchema removes a learner's schema and all it holds.
func DropSchema(t testing.TB, learner string) {
	t.Helper()
	Exec(t, "DROP SCHEMA IF EXISTS "+pgx.Identifier{learner}.Sanitize()+" CASCADE")
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// QueryInt runs a query giving one integer on the test server, as its
// superuser.
func QueryInt(t testing.TB, query string) int64 {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, ServerURL(t))
	if err != nil {
		t.Fatalf("connecting to the test server: %v", err)
	}
	defer conn.Close(ctx)
	var n int64
	if err := conn.QueryRow(ctx, query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// Database is the URL of a new, empty database on the test server, for a
// test that sets up roles and schemas of its own; it is dropped when the
// test ends, and roles are the test's to drop (DropRoles).
func Database(t testing.TB) string {
	t.Helper()
	base := ServerURL(t)
	name := "t_" + randomHex(6)
	Exec(t, "CREATE DATABASE "+name)
	t.Cleanup(func() { Exec(t, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)") })
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", ServerEnv, err)
	}
	u.Path = "/" + name
	return u.String()
}

// AsRole is url with its login role replaced by role (the test server
// trusts its socket, so no password is needed).
func AsRole(t testing.TB, base, role string) string {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.User(role)
	return u.String()
}

// Unique is name with a random ending, for roles, which the whole server
// shares.
func Unique(name string) string { return name + "_" + randomHex(4) }

// DropRoles removes roles when the test ends, after its databases.
func DropRoles(t testing.TB, roles ...string) {
	t.Helper()
	t.Cleanup(func() {
		for _, r := range roles {
			Exec(t, "DROP ROLE IF EXISTS "+pgx.Identifier{r}.Sanitize())
		}
	})
}
