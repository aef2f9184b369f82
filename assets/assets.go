// Package assets embeds the files the app ships with: its icon, the default
// content a new database is seeded with, and the roadmap packs.
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

//go:embed packs/backend-developer.json
var backendPack []byte

// DefaultContent is what every new database starts with besides the
// roadmap: the plan's default length and the 2023 salary figures.
func DefaultContent() (snapshot.Document, error) {
	doc, err := snapshot.Decode(bytes.NewReader(defaultContent))
	if err != nil {
		return snapshot.Document{}, fmt.Errorf("the built-in default content is broken: %w", err)
	}
	return doc, nil
}

// BackendPack is the default roadmap pack: the backend-developer path, its
// steps and the skills it asks for.
func BackendPack() (snapshot.Pack, error) {
	p, err := snapshot.DecodePack(bytes.NewReader(backendPack))
	if err != nil {
		return snapshot.Pack{}, fmt.Errorf("the built-in backend developer pack is broken: %w", err)
	}
	return p, nil
}

// FontRegular and FontBold are DejaVu Sans (see fonts/LICENSE): the PDF
// résumé embeds them so names in Latin, Greek and Cyrillic letters print.
//
//go:embed fonts/DejaVuSans.ttf
var FontRegular []byte

//go:embed fonts/DejaVuSans-Bold.ttf
var FontBold []byte
