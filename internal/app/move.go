package app

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
)

// MoveSource is what Move reads: the data, its counts, and where it is.
type MoveSource interface {
	Path() string
	Export() (snapshot.Document, error)
	Counts() (store.Counts, error)
}

// Moved says what Move did.
type Moved struct {
	From, To string
	Counts   store.Counts
}

// Move copies all of the learner's data from src to the location to (a
// file or a server URL), in one transaction there, and checks it: the
// rows of every table are counted on both sides, and the copy's export
// must be the source's, byte for byte. Only then does it point this
// computer at the new place (store.Remember), so that the next start,
// without --db, opens it. The source is only read: it stays as it was, a
// copy to go back to. The destination must hold no data yet (a new file,
// or a learner's schema no app has filled), so a move never overwrites a
// learner's work.
func Move(src MoveSource, to string) (Moved, error) {
	if sameLocation(src.Path(), to) {
		return Moved{}, errors.New("the data is already there; name another file or server to move it to")
	}
	doc, err := src.Export()
	if err != nil {
		return Moved{}, err
	}
	want, err := src.Counts()
	if err != nil {
		return Moved{}, err
	}
	dst, err := store.Open(to)
	if err != nil {
		return Moved{}, err
	}
	defer dst.Close()
	if err := mustBeEmpty(dst); err != nil {
		return Moved{}, err
	}
	if err := dst.Import(doc); err != nil {
		return Moved{}, fmt.Errorf("copying to %s: %w (nothing was copied; your data is still in %s)", dst.Path(), err, src.Path())
	}
	if err := sameData(src, dst, doc, want); err != nil {
		return Moved{}, err
	}
	if err := store.Remember(to); err != nil {
		return Moved{}, fmt.Errorf("the data was copied to %s, but this computer could not be pointed at it: %w; open it with --db", dst.Path(), err)
	}
	return Moved{From: src.Path(), To: dst.Path(), Counts: want}, nil
}

func mustBeEmpty(dst *store.Store) error {
	have, err := dst.Counts()
	if err != nil {
		return err
	}
	if have != (store.Counts{}) {
		return fmt.Errorf("%s already holds data (%s); move to a new file or a new learner's schema, so nothing there is overwritten", dst.Path(), have)
	}
	return nil
}

// sameData checks the copy: its counts, and its export against the
// source's.
func sameData(src MoveSource, dst *store.Store, doc snapshot.Document, want store.Counts) error {
	got, err := dst.Counts()
	if err != nil {
		return err
	}
	if got != want {
		return fmt.Errorf("the copy in %s holds %s, but %s holds %s; this computer still uses %s", dst.Path(), got, src.Path(), want, src.Path())
	}
	copied, err := dst.Export()
	if err != nil {
		return err
	}
	var a, b bytes.Buffer
	if err := snapshot.Encode(&a, doc); err != nil {
		return err
	}
	if err := snapshot.Encode(&b, copied); err != nil {
		return err
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		return fmt.Errorf("the copy in %s reads back differently from %s; this computer still uses %s", dst.Path(), src.Path(), src.Path())
	}
	return nil
}

// sameLocation reports whether two locations name the same data.
func sameLocation(a, b string) bool {
	if store.IsServerURL(a) != store.IsServerURL(b) {
		return false
	}
	if store.IsServerURL(a) {
		ta, errA := store.ParseServerURL(a)
		tb, errB := store.ParseServerURL(b)
		return errA == nil && errB == nil && ta.Shown == tb.Shown
	}
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	if errA != nil || errB != nil {
		absA, _ := filepath.Abs(a)
		absB, _ := filepath.Abs(b)
		return absA == absB
	}
	return os.SameFile(ia, ib)
}
