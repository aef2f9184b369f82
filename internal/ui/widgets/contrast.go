package widgets

import (
	"image/color"
	"math"
)

// The widgets draw text over fills of their own (a shaded day, a
// highlighted row, a tinted block) whose colour depends on the theme, and
// keep it readable in either theme by measuring it, as WCAG 2 does.

// MinTextContrast is the contrast WCAG 2 asks of text (AA, 4.5:1).
const MinTextContrast = 4.5

// MinOutlineContrast is the contrast WCAG 2 asks of what shows a control or
// a chart's parts, such as a checkbox's outline (3:1).
const MinOutlineContrast = 3

// MinMutedTextContrast is the contrast kept by text that steps back
// because it repeats what is shown in full elsewhere: the days of the
// months either side that fill out a calendar's weeks, written in full
// when their own month is shown. It is WCAG 2's 3:1 for large text and a
// control's parts, rather than 4.5:1: the step below what muted text
// keeps is what makes them look like another month's, and at 3:1 they
// can still be read.
const MinMutedTextContrast = 3

// Over is top drawn over bottom, which is taken as opaque.
func Over(top, bottom color.Color) color.NRGBA {
	t := color.NRGBAModel.Convert(top).(color.NRGBA)
	b := color.NRGBAModel.Convert(bottom).(color.NRGBA)
	a := float64(t.A) / 0xff
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(t.R, b.R), G: mix(t.G, b.G), B: mix(t.B, b.B), A: 0xff}
}

// Contrast is the WCAG 2 contrast ratio of fg drawn over bg, from 1 (none)
// to 21 (black on white). bg is taken as opaque.
func Contrast(fg, bg color.Color) float64 {
	l1, l2 := luminance(Over(fg, bg)), luminance(Over(bg, color.Black))
	if l1 < l2 {
		l1, l2 = l2, l1
	}
	return (l1 + 0.05) / (l2 + 0.05)
}

// luminance is WCAG 2's relative luminance of an opaque colour.
func luminance(c color.NRGBA) float64 {
	channel := func(v uint8) float64 {
		s := float64(v) / 0xff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(c.R) + 0.7152*channel(c.G) + 0.0722*channel(c.B)
}

// Legible is text as drawn over bg: unchanged when it reads (4.5:1), or
// else moved towards black or white, whichever bg sets off better, just
// as far as it takes, so it keeps its hue as far as it can.
func Legible(text, bg color.Color) color.Color {
	if Contrast(text, bg) >= MinTextContrast {
		return text
	}
	toward := color.NRGBA{A: 0xff}
	if Contrast(color.White, bg) > Contrast(toward, bg) {
		toward = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	}
	from := Over(text, bg)
	for step := 1; step <= 16; step++ {
		mixed := Over(Tint(toward, uint8(step*0xff/16)), from)
		if Contrast(mixed, bg) >= MinTextContrast {
			return mixed
		}
	}
	return toward
}

// Faded is text moved towards bg as far as it still reads at min:1 over
// it, so it steps back without being lost; text already fainter than that
// is left as it is. bg is taken as opaque.
func Faded(text, bg color.Color, min float64) color.Color {
	from := Over(text, bg)
	faded := from
	for step := 1; step <= 32; step++ {
		mixed := Over(Tint(bg, uint8(step*0xff/32)), from)
		if Contrast(mixed, bg) < min {
			break
		}
		faded = mixed
	}
	return faded
}

// ReadableTint is Tint(c, alpha) drawn over bg, made fainter as far as
// text needs to read on it (4.5:1).
func ReadableTint(c color.Color, alpha uint8, bg, text color.Color) color.Color {
	for a := int(alpha); a > 0; a -= 8 {
		if fill := Tint(c, uint8(a)); Contrast(text, Over(fill, bg)) >= MinTextContrast {
			return fill
		}
	}
	return Tint(c, 0)
}
