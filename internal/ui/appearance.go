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

// variantTheme is Fyne's default theme held to one variant, light or dark,
// whatever the desktop prefers.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// applyTheme sets the theme from the preference.
func applyTheme(a fyne.App) {
	switch a.Preferences().StringWithFallback(prefTheme, "system") {
	case "light":
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case "dark":
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		a.Settings().SetTheme(theme.DefaultTheme())
	}
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
