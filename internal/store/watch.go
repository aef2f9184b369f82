package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"time"

	"github.com/jackc/pgx/v5"
)

// Two windows, on one computer or two, see each other's changes: Watch
// tells the window when another program or device committed a change, and
// Fingerprint changes with it, so the screen shown reads its data again.
// On PostgreSQL each write transaction sends a NOTIFY on the learner's
// channel (delivered when it commits, never for a rolled-back one); on a
// file, SQLite's PRAGMA data_version moves when another connection
// commits.

// watchEvery is how often a file's data_version is read.
const watchEvery = time.Second

// channel is the learner's notification channel on the server.
func (s *Store) channel() string { return "studyplanner_" + s.learner }

// Watch calls changed, from a goroutine of its own, each time another
// program or device commits a change to the data, until stop is closed.
// It returns at once.
func (s *Store) Watch(stop <-chan struct{}, changed func()) {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-stop
		cancel()
	}()
	if s.server {
		go s.listen(ctx, changed)
		return
	}
	go s.pollDataVersion(ctx, changed)
}

func (s *Store) pollDataVersion(ctx context.Context, changed func()) {
	last := int64(-1)
	tick := time.NewTicker(watchEvery)
	defer tick.Stop()
	for {
		var v int64
		if err := s.db.WithContext(ctx).Raw("PRAGMA data_version").Scan(&v).Error; err == nil {
			if last >= 0 && v != last {
				s.external.Add(1)
				changed()
			}
			last = v
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// listen waits for the learner's notifications on a connection of its
// own, and connects again after losing it.
func (s *Store) listen(ctx context.Context, changed func()) {
	for ctx.Err() == nil {
		if err := s.listenOnce(ctx, changed); err != nil && ctx.Err() == nil {
			// Whatever changed while the connection was down is read
			// again, once it is back.
			s.external.Add(1)
			select {
			case <-ctx.Done():
			case <-time.After(2 * time.Second):
			}
		}
	}
}

func (s *Store) listenOnce(ctx context.Context, changed func()) error {
	conn, err := pgx.ConnectConfig(ctx, s.serverConfig)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{s.channel()}.Sanitize()); err != nil {
		return err
	}
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		if n.Payload != s.instance {
			s.external.Add(1)
			changed()
		}
	}
}

func newInstance() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
