// Package app is Qicao's window: the Fyne application, its theme (with the
// embedded CJK font), its translations and the main window's views.
//
// Run opens the window. Tests build the same window on Fyne's test driver:
//
//	a := test.NewApp()
//	app.Setup(a, app.Options{})
//	w := app.NewWindow(a)
//
// Each view of the main window is in its own file (view_drafts.go,
// view_outline.go, …) and listed in views.go; see View.
package app

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"qicao/app/workspace"
	"qicao/assets"
)

// AppID is the application's unique ID; it must match FyneApp.toml. Fyne
// keys the preferences and storage by it.
const AppID = "cn.qicao.app"

// Title is the main window's title, the same in every language.
const Title = "起草 Qicao"

// Icon is the application icon (assets/icon.png).
var Icon = fyne.NewStaticResource("icon.png", assets.Icon())

// Options override the saved settings for one run; zero fields keep them.
type Options struct {
	Language  Language // LangChinese or LangEnglish
	Variant   Variant  // VariantLight or VariantDark; VariantSystem keeps the saved choice
	FontScale float32  // 0 keeps the saved scale
	DBPath    string   // database file; "" for $QICAO_DB or the config dir
}

// Run creates the Fyne application, opens the main window and returns when
// it is closed. It must be called from the main goroutine.
func Run(opts Options) error {
	a := fyneapp.NewWithID(AppID)
	if err := Setup(a, opts); err != nil {
		return err
	}
	ws, err := workspace.Open(opts.DBPath)
	if err != nil {
		return err
	}
	defer ws.Close()
	s := NewShell(a, ws)
	s.openLastDraft()
	s.Window.SetCloseIntercept(func() {
		s.FlushAutosave()
		s.Window.Close()
	})
	s.Window.ShowAndRun()
	s.FlushAutosave()
	return nil
}

// Setup readies a (a real app or test.NewApp()) for Qicao: icon, theme and
// language from the saved settings, overridden by opts (the overrides are
// saved too).
func Setup(a fyne.App, opts Options) error {
	a.SetIcon(Icon)
	s := CurrentSettings(a)
	if opts.Language != "" {
		s.Language = opts.Language
	}
	if opts.Variant != VariantSystem {
		s.Variant = opts.Variant
	}
	if opts.FontScale != 0 {
		s.FontScale = opts.FontScale
	}
	return Apply(a, s)
}

// NewWindow makes the main window (not yet shown) over ws.
func NewWindow(a fyne.App, ws *workspace.Workspace) fyne.Window {
	return NewShell(a, ws).Window
}
