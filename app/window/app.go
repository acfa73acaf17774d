// Package window is Qicao's window: the Fyne application, its theme (with the
// embedded CJK font), its translations and the main window's views.
//
// Run opens the window. Tests build the same window on Fyne's test driver:
//
//	a := test.NewApp()
//	window.Setup(a, window.Options{})
//	w := window.NewWindow(a)
//
// Each view of the main window is in its own file (view_drafts.go,
// view_editor.go, …) and listed in views.go; see View. The editor's panes
// are outline.go (the tree and its structural edits, edits.go), clause.go
// (one clause at a time), fulltext.go and versions.go; they share the
// Session (session.go). The widgets of its own (Redline, Diagram) are in
// app/window/widgets; the rules of its pages, in plain Go, in
// comparemodel, outlinemodel and editormodel.
package window

import (
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"

	"qicao/app/workspace"
	"qicao/assets"
	"qicao/drafts"
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
	// Compare are files to compare on opening (qicao FILE [FILE2]): one
	// against the open draft's working text, two against each other.
	Compare []string
}

// Run creates the Fyne application, opens the main window and returns when
// it is closed. It must be called from the main goroutine. A database that
// does not open (damaged, newer, foreign, read-only) shows the recovery
// window instead, whose choices lead to the main window or out.
func Run(opts Options) error {
	if err := checkDisplay(); err != nil {
		return err
	}
	a := fyneapp.NewWithID(AppID)
	if err := Setup(a, opts); err != nil {
		return err
	}
	var s *Shell
	var start func(ws *workspace.Workspace)
	// toRecovery closes the main window, its edits taken, for the recovery
	// window, when the check after the first frame finds damage.
	toRecovery := func(err error) {
		old := s
		old.Closing()
		old.Session.WS.Close()
		s = nil
		if path, perr := workspace.ResolvePath(opts.DBPath); perr == nil {
			newRecovery(a, path, err, start, true).Window.Show()
		}
		old.Window.Close()
	}
	start = func(ws *workspace.Workspace) {
		s = startShell(a, ws)
		handleSignals(s)
		if len(opts.Compare) > 0 {
			s.CompareFiles(opts.Compare)
		}
		s.CheckRest(toRecovery)
	}
	if ws, err := workspace.OpenQuickly(opts.DBPath); err == nil {
		start(ws)
	} else {
		path, perr := workspace.ResolvePath(opts.DBPath)
		if perr != nil {
			return err
		}
		NewRecovery(a, path, err, start).Window.Show()
	}
	a.Run()
	if s != nil {
		// Fyne quits on SIGTERM and SIGINT by itself, possibly before
		// handleSignals' Closing ran: the loop is over, so take the edits
		// here.
		s.Closing()
		s.Session.WS.Close()
	}
	return nil
}

// startShell makes and shows the main window over ws, on the draft open
// when Qicao last closed.
func startShell(a fyne.App, ws *workspace.Workspace) *Shell {
	s := NewShell(a, ws)
	if ws.ReadOnly() {
		s.Window.SetTitle(Title + " — " + lang.L("This database is open read-only: nothing is saved."))
	}
	s.openLastDraft()
	s.restorePlace()
	restoreWindowSize(s)
	s.Window.SetCloseIntercept(func() {
		s.Closing()
		s.Window.Close()
	})
	s.Window.Show()
	return s
}

// handleSignals makes sure the pending edits are written when the process
// is asked to end (SIGTERM, as at logout or shutdown; SIGINT, Ctrl+C in a
// terminal). Fyne quits the loop on both by itself, and Run then takes the
// edits (Closing) on the main goroutine; calling into Fyne from here would
// race that quit. Should the loop not end within three seconds (the UI
// goroutine stuck), the autosave pending is written as it is and the
// process exits.
func handleSignals(s *Shell) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-sig
		time.Sleep(3 * time.Second)
		s.FlushAutosave()
		os.Exit(1)
	}()
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

// Preference keys of the window's size.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
)

// restoreWindowSize gives the window its last size and saves the size
// when it closes.
func restoreWindowSize(s *Shell) {
	p := s.App.Preferences()
	if w, h := p.Float(prefWindowWidth), p.Float(prefWindowHeight); w >= 400 && h >= 300 {
		s.Window.Resize(fyne.NewSize(float32(w), float32(h)))
	}
	s.AtClose(func() {
		size := s.Window.Canvas().Size()
		p.SetFloat(prefWindowWidth, float64(size.Width))
		p.SetFloat(prefWindowHeight, float64(size.Height))
	})
}

// ErrNoDisplay is returned by Run where there is no graphical display to
// open the window on (GLFW would panic). It is told before any window, so
// in the locale's language as the command line's errors are (main prints
// it with cli.PrintError).
var ErrNoDisplay error = drafts.Errorf(drafts.EInvalid,
	"没有可用的图形显示（未设置 DISPLAY 或 WAYLAND_DISPLAY）：请在桌面环境中运行起草，或使用命令行子命令（qicao help）",
	"There is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set): run Qicao on a desktop, or use a command-line sub-command (qicao help)")

// checkDisplay reports a missing X11 or Wayland display on the systems
// that need one.
func checkDisplay() error {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd":
		if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
			return ErrNoDisplay
		}
	}
	return nil
}
