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
