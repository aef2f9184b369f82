package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// CohortSchema is the schema a mentor publishes into and the learners
// read: the only one a mentor writes.
const CohortSchema = "cohort"

// ServerPlan is what InitServer makes: a login role and a schema of their
// own for each learner, and for a mentor a role that reads every
// learner's schema and writes only the cohort schema.
type ServerPlan struct {
	Learners []string
	Mentor   string
}

// InitServer makes the roles, schemas and grants of plan on the database
// admin names (a URL whose role may create roles, such as the server's
// superuser). It can be run again: what exists is kept, and what is
// missing (a new learner, a grant) is added. Each learner's role owns
// their schema, and no other learner may use it; their app makes the
// tables on its first start, as the learner. The roles are made without
// passwords: the server's administrator gives each one (ALTER ROLE …
// PASSWORD), or the server trusts its network.
func InitServer(admin string, plan ServerPlan) ([]string, error) {
	for _, name := range append(append([]string{}, plan.Learners...), plan.Mentor) {
		if name != "" && (!learnerName.MatchString(name) || strings.HasPrefix(name, "pg_") || name == CohortSchema || name == "public") {
			return nil, fmt.Errorf("%q cannot name a learner or a mentor: use lower-case letters, digits and _, starting with a letter", name)
		}
	}
	if len(plan.Learners) == 0 {
		return nil, fmt.Errorf("name the learners, such as --learners ana,ben")
	}
	target, err := ParseServerURL(admin)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.ConnectConfig(ctx, target.Config)
	if err != nil {
		return nil, explainServerOpen(target, err)
	}
	defer conn.Close(ctx)
	statements := initStatements(plan)
	tx, err := conn.Begin(ctx)
	if err != nil {
		return nil, explainServerOpen(target, err)
	}
	defer tx.Rollback(ctx)
	// Two inits at once would race on the roles: one at a time.
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('studyplanner server init'))`); err != nil {
		return nil, explainServerOpen(target, err)
	}
	for _, stmt := range statements {
		if _, err := tx.Exec(ctx, stmt); err != nil {
			return nil, fmt.Errorf("setting up %s: %w", target.Shown, explain(err))
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("setting up %s: %w", target.Shown, explain(err))
	}
	return statements, nil
}

// initStatements are InitServer's statements, each one safe to run again.
func initStatements(plan ServerPlan) []string {
	id := func(s string) string { return pgx.Identifier{s}.Sanitize() }
	var out []string
	role := func(name string) {
		out = append(out, fmt.Sprintf(`DO $$ BEGIN
			IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%s') THEN CREATE ROLE %s LOGIN; END IF;
		END $$`, name, id(name)))
	}
	for _, l := range plan.Learners {
		role(l)
		out = append(out,
			fmt.Sprintf(`CREATE SCHEMA IF NOT EXISTS %s AUTHORIZATION %s`, id(l), id(l)),
			fmt.Sprintf(`ALTER SCHEMA %s OWNER TO %s`, id(l), id(l)),
			fmt.Sprintf(`REVOKE ALL ON SCHEMA %s FROM PUBLIC`, id(l)),
			`REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
		)
	}
	if plan.Mentor == "" {
		return out
	}
	m := id(plan.Mentor)
	role(plan.Mentor)
	out = append(out,
		fmt.Sprintf(`CREATE SCHEMA IF NOT EXISTS %s AUTHORIZATION %s`, CohortSchema, m),
		fmt.Sprintf(`REVOKE ALL ON SCHEMA %s FROM PUBLIC`, CohortSchema),
		// What the mentor publishes: roadmap packs, by name.
		fmt.Sprintf(`CREATE TABLE IF NOT EXISTS %s.packs (
			name         TEXT PRIMARY KEY,
			document     TEXT NOT NULL,
			published_at TEXT NOT NULL
		)`, CohortSchema),
		fmt.Sprintf(`ALTER TABLE %s.packs OWNER TO %s`, CohortSchema, m),
	)
	for _, l := range plan.Learners {
		out = append(out,
			// The mentor reads the learner's schema, now and as it grows.
			fmt.Sprintf(`GRANT USAGE ON SCHEMA %s TO %s`, id(l), m),
			fmt.Sprintf(`GRANT SELECT ON ALL TABLES IN SCHEMA %s TO %s`, id(l), m),
			fmt.Sprintf(`ALTER DEFAULT PRIVILEGES FOR ROLE %s IN SCHEMA %s GRANT SELECT ON TABLES TO %s`, id(l), id(l), m),
			// The learner reads what the mentor publishes.
			fmt.Sprintf(`GRANT USAGE ON SCHEMA %s TO %s`, CohortSchema, id(l)),
			fmt.Sprintf(`GRANT SELECT ON ALL TABLES IN SCHEMA %s TO %s`, CohortSchema, id(l)),
			fmt.Sprintf(`ALTER DEFAULT PRIVILEGES FOR ROLE %s IN SCHEMA %s GRANT SELECT ON TABLES TO %s`, m, CohortSchema, id(l)),
		)
	}
	return out
}

// IsMentor reports whether the login of loc is a cohort's mentor: the
// owner of the cohort schema on that database.
func IsMentor(loc string) (bool, error) {
	target, err := ParseServerURL(loc)
	if err != nil {
		return false, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), target.Config.ConnectTimeout+5*time.Second)
	defer cancel()
	conn, err := pgx.ConnectConfig(ctx, target.Config)
	if err != nil {
		return false, explainServerOpen(target, err)
	}
	defer conn.Close(ctx)
	var mentor bool
	err = conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_namespace
		WHERE nspname = $1 AND pg_get_userbyid(nspowner) = current_user)`, CohortSchema).Scan(&mentor)
	if err != nil {
		return false, explainServerOpen(target, err)
	}
	return mentor, nil
}
