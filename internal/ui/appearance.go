package ui

import (
	"fmt"
	"image/color"
	"sync"

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
	return t.Theme.Color(n, t.variant(v))
}

// Icon hands out the theme's icon as a resource of its own for each
// variant. It draws as the icon it wraps, in the colours of the moment;
// but Fyne's Icon widget (a drop-down's arrow, among others) draws again
// only when given another resource, so one off view when the theme changed
// (on a tab not selected) would keep the old theme's pixels however often
// it is refreshed, where a drop-down asking the theme for its arrow again
// now gets another.
func (t appTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	icon := t.Theme.Icon(n)
	themed, ok := icon.(fyne.ThemedResource)
	if !ok {
		return icon // drawn in its own colours, whatever the variant
	}
	key := variantIconKey{themed, t.variant(fyne.CurrentApp().Settings().ThemeVariant())}
	if known, ok := variantIcons.Load(key); ok {
		return known.(*variantIcon)
	}
	known, _ := variantIcons.LoadOrStore(key, &variantIcon{themed, key.variant})
	return known.(*variantIcon)
}

// variantIcons keeps one resource per icon and variant, so a widget that
// asks again in the same variant gets the same one and does not draw it
// anew.
var variantIcons sync.Map // variantIconKey → *variantIcon

type variantIconKey struct {
	icon    fyne.ThemedResource
	variant fyne.ThemeVariant
}

// variantIcon is a theme icon handed out for one variant.
type variantIcon struct {
	fyne.ThemedResource
	variant fyne.ThemeVariant
}

// Name tells the variants apart where Fyne caches icons by name.
func (i *variantIcon) Name() string {
	return fmt.Sprintf("variant%d-%s", i.variant, i.ThemedResource.Name())
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
