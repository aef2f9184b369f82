package app

import "github.com/studyplanner/studyplanner/internal/store"

// snapshotter is data that can read a screen's parts in one snapshot
// (store.Store): one read transaction for the screen rather than one per
// part, so that the parts agree with each other and, on a server, each
// part costs two round trips less (begin and commit).
type snapshotter interface {
	Snapshot(fn func(view *store.Store) error) error
}

// ReadTogether runs read on a view of r whose reads share one snapshot
// when r can give one (the store can; the tests' fakes need not), else on
// r itself. A screen whose load reads several things calls it; the view
// is for reading only and is not kept after read.
func ReadTogether[R any](r R, read func(R) error) error {
	s, ok := any(r).(snapshotter)
	// The view must be an R: read must not fall back on r inside the
	// snapshot, whose transaction holds a file's only connection.
	_, viewFits := any((*store.Store)(nil)).(R)
	if !ok || !viewFits {
		return read(r)
	}
	return s.Snapshot(func(view *store.Store) error { return read(any(view).(R)) })
}

// inOneSnapshot is ReadTogether for a use case's load.
func inOneSnapshot[R, T any](r R, load func(R) (T, error)) (T, error) {
	var out T
	err := ReadTogether(r, func(r R) (err error) {
		out, err = load(r)
		return err
	})
	return out, err
}
