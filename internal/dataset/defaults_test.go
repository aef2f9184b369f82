package dataset

import (
	"testing"

	"github.com/studyplanner/studyplanner/assets"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

func defaults(t *testing.T) (snapshot.Document, snapshot.Pack) {
	t.Helper()
	content, err := assets.DefaultContent()
	if err != nil {
		t.Fatal(err)
	}
	pack, err := assets.BackendPack()
	if err != nil {
		t.Fatal(err)
	}
	return content, pack
}
