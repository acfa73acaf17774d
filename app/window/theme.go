package window

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"qicao/assets"
)

// The embedded CJK faces as Fyne resources. Fyne's default font has no CJK
// glyphs, and without system CJK fonts every character would be drawn as
// U+FFFD after a slow per-glyph fallback search; these faces cover GB 2312,
// the traditional forms of its hanzi and every character of the corpus.
var (
	FontRegular = fyne.NewStaticResource("NotoSansSC-Qicao-Regular.otf", assets.FontRegular())
	FontBold    = fyne.NewStaticResource("NotoSansSC-Qicao-Bold.otf", assets.FontBold())
)

// Variant chooses light or dark colours.
type Variant string

const (
	VariantSystem Variant = ""      // follow the desktop's setting; light when it has none
	VariantLight  Variant = "light" // always light
	VariantDark   Variant = "dark"  // always dark
)

// Font-size scale limits: 0.75× to 2× the default text sizes.
const (
	MinFontScale = 0.75
	MaxFontScale = 2.0
)

// Theme is Qicao's theme: Fyne's default look with the embedded CJK font,
// a font-size scale and an optional forced light or dark variant.
// Build it with NewTheme; the zero value is not usable.
type Theme struct {
	base      fyne.Theme
	variant   Variant
	fontScale float32
	// followSystem: with VariantSystem, the variant Fyne asks for is the
	// desktop's choice (desktopSetsVariant), not Fyne's dark fallback.
	followSystem bool
}

var _ fyne.Theme = (*Theme)(nil)

// NewTheme returns the theme for the given variant and font-size scale
// (1 is Fyne's default size; values are clamped to MinFontScale..MaxFontScale,
// and 0 means 1).
func NewTheme(v Variant, fontScale float32) *Theme {
	switch v {
	case VariantLight, VariantDark:
	default:
		v = VariantSystem
	}
	t := &Theme{base: theme.DefaultTheme(), variant: v, fontScale: clampScale(fontScale)}
	t.followSystem = v == VariantSystem && desktopSetsVariant()
	return t
}

func clampScale(s float32) float32 {
	switch {
	case s == 0:
		return 1
	case s < MinFontScale:
		return MinFontScale
	case s > MaxFontScale:
		return MaxFontScale
	}
	return s
}

// Variant returns the variant the theme was made with.
func (t *Theme) Variant() Variant { return t.variant }

// FontScale returns the font-size scale the theme was made with.
func (t *Theme) FontScale() float32 { return t.fontScale }

// Color returns the default theme's colour, for the forced variant if any.
func (t *Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.variant {
	case VariantLight:
		v = theme.VariantLight
	case VariantDark:
		v = theme.VariantDark
	default:
		if !t.followSystem {
			v = theme.VariantLight
		}
	}
	return t.base.Color(n, v)
}

// Font returns the embedded CJK faces: bold for bold text, regular for
// everything else. Chinese has no italics, so italic text uses the upright
// face, and monospace text uses it too so that CJK in monospace renders
// (its Latin letters are then proportional). Symbols come from Fyne.
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Symbol:
		return t.base.Font(s)
	case s.Bold:
		return FontBold
	default:
		return FontRegular
	}
}

// Icon returns the default theme's icon.
func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return t.base.Icon(n)
}

// Size returns the default theme's size, text sizes multiplied by the
// font-size scale.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 {
	s := t.base.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return s * t.fontScale
	}
	return s
}
