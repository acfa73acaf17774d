package window

import (
	"embed"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// Language is the language of the user interface.
type Language string

const (
	LangChinese Language = "zh-Hans" // 简体中文, the default
	LangEnglish Language = "en"
)

// Preference keys (fyne.App.Preferences) of the UI settings.
const (
	PrefLanguage  = "ui.language"  // "zh-Hans" (default) or "en"
	PrefVariant   = "ui.variant"   // "" (follow the system), "light" or "dark"
	PrefFontScale = "ui.fontScale" // text size factor, default 1
)

// Settings are the user's UI choices, kept in the app's preferences.
type Settings struct {
	Language  Language
	Variant   Variant
	FontScale float32
}

// LoadSettings reads the settings from p, with defaults for what is unset
// or unknown: Chinese, the system's variant, scale 1.
func LoadSettings(p fyne.Preferences) Settings {
	s := Settings{
		Language:  Language(p.StringWithFallback(PrefLanguage, string(LangChinese))),
		Variant:   Variant(p.StringWithFallback(PrefVariant, string(VariantSystem))),
		FontScale: float32(p.FloatWithFallback(PrefFontScale, 1)),
	}
	return s.normalised()
}

// Save writes the settings to p.
func (s Settings) Save(p fyne.Preferences) {
	s = s.normalised()
	p.SetString(PrefLanguage, string(s.Language))
	p.SetString(PrefVariant, string(s.Variant))
	p.SetFloat(PrefFontScale, float64(s.FontScale))
}

func (s Settings) normalised() Settings {
	if s.Language != LangEnglish {
		s.Language = LangChinese
	}
	if s.Variant != VariantLight && s.Variant != VariantDark {
		s.Variant = VariantSystem
	}
	s.FontScale = clampScale(s.FontScale)
	return s
}

// Apply makes the settings current in a: it saves them, sets the theme
// (Fyne refreshes every window) and selects the language. Strings already
// on screen keep their language until they are built again, so the menu
// says a language change takes effect on restart.
func Apply(a fyne.App, s Settings) error {
	s = s.normalised()
	s.Save(a.Preferences())
	a.Settings().SetTheme(NewTheme(s.Variant, s.FontScale))
	return useLanguage(s.Language)
}

// CurrentSettings returns the settings of a, as last saved.
func CurrentSettings(a fyne.App) Settings { return LoadSettings(a.Preferences()) }

//go:embed translations
var translations embed.FS

// useLanguage loads Qicao's translations (translations/*.json, on top of
// Fyne's own, which also cover its dialogs) and makes l the language of
// lang.L.
//
// Fyne 2.7's lang package has no setter for the language: every call that
// adds translations picks the best match among the user's locales, which it
// reads (through github.com/jeandeaual/go-locale) from LANGUAGE, or from
// LC_ALL, LC_MESSAGES, LANG in that order; like gettext it ignores LANGUAGE
// when that locale is "C" or "POSIX". So we set LANGUAGE (which only names
// the language of messages) to our choice, make sure the locale is not
// plain C, and then add the translations. LC_CTYPE, which GLFW's input
// method handling reads, keeps its value.
func useLanguage(l Language) error {
	setLanguageEnv(l)
	return lang.AddTranslationsFS(translations, "translations")
}

func setLanguageEnv(l Language) {
	want := "zh_CN"
	if l == LangEnglish {
		want = "en_US"
	}
	os.Setenv("LANGUAGE", want)
	isC := func(v string) bool { return v == "C" || v == "POSIX" }
	if v := os.Getenv("LC_ALL"); isC(v) {
		os.Unsetenv("LC_ALL")
		os.Setenv("LC_CTYPE", v) // what LC_ALL imposed on character handling
		os.Setenv("LC_MESSAGES", "C.UTF-8")
		return
	} else if v != "" {
		return
	}
	if v := os.Getenv("LC_MESSAGES"); isC(v) || (v == "" && isC(os.Getenv("LANG"))) {
		os.Setenv("LC_MESSAGES", "C.UTF-8")
	}
}
