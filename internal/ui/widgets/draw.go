package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
)

// Tint is c with the given alpha: the shades of one theme colour the
// widgets draw with, so they follow the theme.
func Tint(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

// FitText cuts s with an ellipsis so it fits width at text size size.
func FitText(s string, width, size float32) string {
	if width <= 0 || fyne.MeasureText(s, size, fyne.TextStyle{}).Width <= width {
		return s
	}
	runes := []rune(s)
	for n := len(runes) - 1; n > 0; n-- {
		t := string(runes[:n]) + "…"
		if fyne.MeasureText(t, size, fyne.TextStyle{}).Width <= width {
			return t
		}
	}
	return ""
}

// drawnFor remembers the size a chart's shapes were last built at. Fyne
// lays a screen out several times per visit, each time at the size it
// already has; a chart that rebuilt its hundreds of shapes on each pass
// spent most of a screen switch doing so. Its shapes are built again only
// when its data or the theme changes (Refresh) or its size does.
type drawnFor struct {
	size  fyne.Size
	valid bool
}

// current says whether the shapes built last still fit size.
func (d *drawnFor) current(size fyne.Size) bool { return d.valid && d.size == size }

// built records that the shapes were just built at size.
func (d *drawnFor) built(size fyne.Size) { d.size, d.valid = size, true }
