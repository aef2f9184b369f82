package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Preference keys for how the app looks and where it was left.
const (
	prefTheme       = "appearance.theme" // "system", "light" or "dark"
	prefScreen      = "window.screen"
	prefWidth       = "window.width"
	prefHeight      = "window.height"
	prefWelcomeDone = "welcome.done"
)

// Theme choices, as the settings offer them.
const (
	themeSystem = "Follow the system"
	themeLight  = "Light"
	themeDark   = "Dark"
)

var themeChoices = []string{themeSystem, themeLight, themeDark}

// appTheme is Fyne's default theme as the app shows it: held to one
// variant, light or dark, whatever the desktop prefers, or following the
// desktop's.
type appTheme struct {
	fyne.Theme
	pinned  fyne.ThemeVariant
	follows bool // the desktop's variant, not pinned
}

func newAppTheme(pref string) appTheme {
	switch pref {
	case "light":
		return appTheme{Theme: theme.DefaultTheme(), pinned: theme.VariantLight}
	case "dark":
		return appTheme{Theme: theme.DefaultTheme(), pinned: theme.VariantDark}
	}
	return appTheme{Theme: theme.DefaultTheme(), follows: true}
}

// variant is the variant drawn when Fyne asks for v, the desktop's.
func (t appTheme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	if t.follows {
		return v
	}
	return t.pinned
}

func (t appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.variant(v)
	if v != theme.VariantLight {
		v = theme.VariantDark // as the default theme takes any other
	}
	if c, ok := readableColours[v][n]; ok {
		return c
	}
	return t.Theme.Color(n, v)
}

// readableColours replace the default theme's colours that do not read
// where the app shows them, measured as WCAG 2 does: 4.5:1 for text, 3:1
// for what shows a control (the table in contrast_test.go).
var readableColours = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		// Placeholders, and the charts' scales and notes: Fyne's #888888
		// is 3.5:1 on white and 3.2:1 in a field. Now 5.3:1 and 4.8:1.
		theme.ColorNamePlaceHolder: color.NRGBA{R: 0x6b, G: 0x6b, B: 0x6b, A: 0xff},
		// An unticked checkbox is its outline alone (a field has one
		// too): Fyne's #e3e3e3 is 1.3:1 on white, next to invisible.
		// Now 3.7:1 on white, 3.4:1 on a field's grey.
		theme.ColorNameInputBorder: color.NRGBA{R: 0x85, G: 0x85, B: 0x85, A: 0xff},
		// A success note (a save confirmed, a remedy applied) is text in
		// this green: Fyne's #43f436 is 1.5:1 on white, a glare rather
		// than words. Now a darker green of the same hue family, 5.1:1.
		theme.ColorNameSuccess: color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff},
		// Warnings (stale exchange rates) and problems (what a form
		// refuses) are text too: Fyne's orange #ff9800 is 2.2:1 on white
		// and its red #f44336 3.7:1. Now 5.0:1 and 5.6:1.
		theme.ColorNameWarning: color.NRGBA{R: 0xb4, G: 0x53, B: 0x09, A: 0xff},
		theme.ColorNameError:   color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff},
	},
	theme.VariantDark: {
		// Fyne's #39393a is 1.6:1 on the dark background; now 3.6:1, and
		// 3.3:1 on a field's grey.
		theme.ColorNameInputBorder: color.NRGBA{R: 0x70, G: 0x70, B: 0x74, A: 0xff},
	},
}

// Icon draws an unticked checkbox and an unselected radio button with a
// heavier outline; every other icon is the default theme's.
func (t appTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	if heavier, ok := heavierOutlines[n]; ok {
		return heavier
	}
	return t.Theme.Icon(n)
}

// heavierOutlines replace the outlines of an unticked checkbox and an
// unselected radio button. Fyne's are a line one 24th of the icon wide,
// under a pixel at the usual size, so no pixel of it is drawn in full but
// at 57% at most: in the grey above that is 1.9:1 on white as drawn, and
// Fyne's own grey was 1.15:1. These are twice as wide, in the same shape,
// and fit the fill Fyne draws inside (a box from 5 to 19, a disc of
// radius 7).
var heavierOutlines = map[fyne.ThemeIconName]fyne.Resource{
	theme.IconNameCheckButton: theme.NewThemedResource(fyne.NewStaticResource("check-box-heavy.svg", []byte(
		`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">`+
			`<path d="M 4,3 H 20 C 20.6,3 21,3.4 21,4 V 20 C 21,20.6 20.6,21 20,21 H 4 C 3.4,21 3,20.6 3,20 V 4 C 3,3.4 3.4,3 4,3 Z `+
			`M 5,5 V 19 H 19 V 5 Z"/></svg>`))),
	theme.IconNameRadioButton: theme.NewThemedResource(fyne.NewStaticResource("radio-button-heavy.svg", []byte(
		`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">`+
			`<path d="M 12,2 A 10,10 0 1 1 12,22 A 10,10 0 1 1 12,2 Z M 12,4 A 8,8 0 1 0 12,20 A 8,8 0 1 0 12,4 Z"/></svg>`))),
}

// applyTheme sets the theme from the preference.
func applyTheme(a fyne.App) {
	a.Settings().SetTheme(newAppTheme(a.Preferences().StringWithFallback(prefTheme, "system")))
}

func themeLabel(pref string) string {
	switch pref {
	case "light":
		return themeLight
	case "dark":
		return themeDark
	}
	return themeSystem
}

func themePref(label string) string {
	switch label {
	case themeLight:
		return "light"
	case themeDark:
		return "dark"
	}
	return "system"
}
