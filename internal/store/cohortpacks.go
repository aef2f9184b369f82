package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"gorm.io/gorm"

	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// A mentor publishes roadmap packs into the cohort schema (the only one
// they write); each learner's app reads them there and merges one by
// name, as a pack file is merged (never touching progress).

// PublishedPack is a pack in the cohort schema.
type PublishedPack struct {
	Name        string
	PublishedAt time.Time
	// New says the learner has not merged (or dismissed) this version.
	New bool
}

// ErrNoCohort says the learner's server has no cohort schema to read
// packs from (no mentor was set up), or the data is in a file.
var ErrNoCohort = errors.New("no mentor publishes packs for this data: it is not on a server set up with a mentor (studyplanner server init --mentor)")

// PublishPack publishes p into the cohort schema as the login of loc (a
// mentor's), replacing an earlier pack of its name.
func PublishPack(loc string, p snapshot.Pack, now time.Time) error {
	if err := p.Validate(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := snapshot.EncodePack(&buf, p); err != nil {
		return err
	}
	target, err := ParseServerURL(loc)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.ConnectConfig(ctx, target.Config)
	if err != nil {
		return explainServerOpen(target, err)
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, `INSERT INTO `+CohortSchema+`.packs (name, document, published_at) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO UPDATE SET document = excluded.document, published_at = excluded.published_at`,
		p.Name, buf.String(), now.UTC().Format(time.RFC3339))
	if pgCode(err) == "42P01" || pgCode(err) == "3F000" {
		return ErrNoCohort
	}
	if err != nil {
		return fmt.Errorf("publishing the pack %q on %s: %w", p.Name, target.Shown, explain(err))
	}
	return nil
}

func packSeenKey(name string) string { return "pack_seen:" + name }

// PublishedPacks lists the packs published to the learner's cohort,
// newest first, saying which the learner has not merged or dismissed.
func (s *Store) PublishedPacks() ([]PublishedPack, error) {
	if !s.server {
		return nil, ErrNoCohort
	}
	var rows []struct{ Name, PublishedAt string }
	err := s.db.Raw(`SELECT name, published_at FROM ` + CohortSchema + `.packs ORDER BY published_at DESC, name`).Scan(&rows).Error
	if code := pgCode(err); code == "42P01" || code == "3F000" || code == "42501" {
		return nil, ErrNoCohort
	}
	if err != nil {
		return nil, fmt.Errorf("reading the published packs: %w", explain(err))
	}
	out := make([]PublishedPack, len(rows))
	for i, r := range rows {
		at, _ := time.Parse(time.RFC3339, r.PublishedAt)
		out[i] = PublishedPack{Name: r.Name, PublishedAt: at, New: s.meta(packSeenKey(r.Name), "") != r.PublishedAt}
	}
	return out, nil
}

// PublishedPack reads the pack published under name.
func (s *Store) PublishedPack(name string) (snapshot.Pack, PublishedPack, error) {
	if !s.server {
		return snapshot.Pack{}, PublishedPack{}, ErrNoCohort
	}
	var rows []struct{ Document, PublishedAt string }
	err := s.db.Raw(`SELECT document, published_at FROM `+CohortSchema+`.packs WHERE name = ?`, name).Scan(&rows).Error
	if code := pgCode(err); code == "42P01" || code == "3F000" || code == "42501" {
		return snapshot.Pack{}, PublishedPack{}, ErrNoCohort
	}
	if err != nil {
		return snapshot.Pack{}, PublishedPack{}, fmt.Errorf("reading the published pack %q: %w", name, explain(err))
	}
	if len(rows) == 0 {
		return snapshot.Pack{}, PublishedPack{}, fmt.Errorf("no pack called %q is published to your cohort", name)
	}
	p, err := snapshot.DecodePack(strings.NewReader(rows[0].Document))
	if err != nil {
		return snapshot.Pack{}, PublishedPack{}, fmt.Errorf("the published pack %q: %w", name, err)
	}
	at, _ := time.Parse(time.RFC3339, rows[0].PublishedAt)
	return p, PublishedPack{Name: name, PublishedAt: at}, nil
}

// MarkPackSeen records that the learner merged (or dismissed) the pack
// published under name at publishedAt, so it is not offered again until
// the mentor publishes it anew.
func (s *Store) MarkPackSeen(p PublishedPack) error {
	err := s.write(func(tx *gorm.DB) error {
		return tx.Save(&metaRow{Key: packSeenKey(p.Name), Value: p.PublishedAt.UTC().Format(time.RFC3339)}).Error
	})
	if err != nil {
		return fmt.Errorf("recording that the pack %q was seen: %w", p.Name, err)
	}
	return nil
}
