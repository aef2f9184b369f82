// Package assets embeds the files the app ships with: its icon and the
// default content a new database is seeded with.
package assets

import (
	"bytes"
	_ "embed"
	"fmt"

	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// Icon is the app icon, a 512×512 PNG.
//
//go:embed icon.png
var Icon []byte

//go:embed default-content.json
var defaultContent []byte

// DefaultContent is the backend-developer path every new database starts
// with: the roadmap steps, the skills and the 2023 salary figures.
func DefaultContent() (snapshot.Document, error) {
	doc, err := snapshot.Decode(bytes.NewReader(defaultContent))
	if err != nil {
		return snapshot.Document{}, fmt.Errorf("the built-in default content is broken: %w", err)
	}
	return doc, nil
}
