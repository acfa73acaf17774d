package window

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"qicao/app/workspace"
)

// A View is one page of the main window, chosen from the side bar.
//
// To add or fill in a view: put it in its own file view_<id>.go as a
// function returning View, list that function in views below, and add its
// English strings with their Chinese to translations/en.json and
// translations/zh-Hans.json (a test checks that every lang.L string of the
// package is in both).
type View struct {
	ID    string        // stable identifier: "drafts", "outline", …
	Title string        // English; shown through lang.L, so it must be in the translations
	Icon  fyne.Resource // side-bar icon, e.g. theme.DocumentIcon()
	// Make builds the view's content. It is called once, on the UI
	// goroutine, the first time the view is shown. Long work belongs in a
	// goroutine that updates the UI through fyne.Do.
	Make func(s *Shell) fyne.CanvasObject
}

// views are the main window's views, in side-bar order. The editor holds
// the outline, the clause editor and the side panels (suggestions, gaps,
// templates) together, since they serve the clause in hand.
func views() []View {
	return []View{
		draftsView(),
		editorView(),
		compareView(),
		corpusView(),
	}
}

// Shell is the main window and what its views share: the session (open
// workspace, open draft, selection) and the window. Views get it in
// View.Make.
type Shell struct {
	App     fyne.App
	Window  fyne.Window
	Session Session

	views  []View
	tabs   *container.AppTabs
	built  map[string]bool
	panels panels
	bg     background // the window's timers and off-UI jobs
	// damage is how the window tells of a damaged database (startcheck.go)
	damage damageState

	// files are the files brought to the window to compare (CompareFiles);
	// filesPair, the paths to compare when the compare view next loads
	// its sources.
	files     []Source
	filesPair []string
}

// NewShell makes the main window (not yet shown) over an open workspace,
// with the views in a side bar, the first one selected, and the menu.
func NewShell(a fyne.App, ws *workspace.Workspace) *Shell {
	s := &Shell{App: a, Window: a.NewWindow(Title), views: views(), built: map[string]bool{}}
	s.Session.WS = ws
	s.Session.autosave = &autosaver{ws: ws, onError: s.ShowError}
	items := make([]*container.TabItem, len(s.views))
	for i, v := range s.views {
		items[i] = container.NewTabItemWithIcon(lang.L(v.Title), v.Icon, container.NewStack())
	}
	s.tabs = container.NewAppTabs(items...)
	s.tabs.SetTabLocation(container.TabLocationLeading)
	s.tabs.OnSelected = func(*container.TabItem) { s.build(s.tabs.SelectedIndex()) }
	s.build(0)
	s.Window.SetContent(s.tabs)
	s.Window.SetMainMenu(s.menu())
	s.Window.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { s.Dropped(uris) })
	s.Window.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { s.NewDraft() })
	s.Window.SetIcon(Icon)
	s.Window.Resize(fyne.NewSize(1200, 760))
	return s
}

// Show selects the view with the given ID and reports whether there is one.
func (s *Shell) Show(id string) bool {
	for i, v := range s.views {
		if v.ID == id {
			s.tabs.SelectIndex(i)
			s.build(i) // SelectIndex does not call OnSelected for the current tab
			return true
		}
	}
	return false
}

// Current returns the ID of the view on screen.
func (s *Shell) Current() string {
	return s.views[s.tabs.SelectedIndex()].ID
}

// Content returns the built content of a view, or nil if it was never shown.
func (s *Shell) Content(id string) fyne.CanvasObject {
	for i, v := range s.views {
		if v.ID == id && s.built[id] {
			return s.tabs.Items[i].Content.(*fyne.Container).Objects[0]
		}
	}
	return nil
}

func (s *Shell) build(i int) {
	if i < 0 || i >= len(s.views) {
		return
	}
	v := s.views[i]
	if s.built[v.ID] {
		return
	}
	s.built[v.ID] = true
	holder := s.tabs.Items[i].Content.(*fyne.Container)
	holder.Objects = []fyne.CanvasObject{v.Make(s)}
	holder.Refresh()
}

// menu is the main menu: 设置 with colours, text size and language.
func (s *Shell) menu() *fyne.MainMenu {
	set := func(change func(*Settings)) func() {
		return func() {
			st := CurrentSettings(s.App)
			change(&st)
			s.ShowError(Apply(s.App, st))
		}
	}
	language := func(l Language) func() {
		return func() {
			if CurrentSettings(s.App).Language == l {
				return
			}
			set(func(st *Settings) { st.Language = l })()
			dialog.ShowInformation(lang.L("Language"),
				lang.L("The language changes when Qicao is restarted."), s.Window)
		}
	}
	settings := fyne.NewMenu(lang.L("Settings"),
		fyne.NewMenuItem(lang.L("Follow system colours"), set(func(st *Settings) { st.Variant = VariantSystem })),
		fyne.NewMenuItem(lang.L("Light"), set(func(st *Settings) { st.Variant = VariantLight })),
		fyne.NewMenuItem(lang.L("Dark"), set(func(st *Settings) { st.Variant = VariantDark })),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Larger text"), set(func(st *Settings) { st.FontScale = clampScale(st.FontScale + 0.125) })),
		fyne.NewMenuItem(lang.L("Smaller text"), set(func(st *Settings) { st.FontScale = clampScale(st.FontScale - 0.125) })),
		fyne.NewMenuItem(lang.L("Default text size"), set(func(st *Settings) { st.FontScale = 1 })),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("简体中文", language(LangChinese)), // each language in its own name
		fyne.NewMenuItem("English", language(LangEnglish)),
	)
	file := fyne.NewMenu(lang.L("File"),
		fyne.NewMenuItem(lang.L("New draft")+"…　Ctrl+N", s.NewDraft),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Export Word…"), s.exportWord),
		fyne.NewMenuItem(lang.L("Export PDF…"), s.exportPDF),
		fyne.NewMenuItem(lang.L("Print…"), s.printDraft),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Copy whole text"), s.copyAll),
	)
	item := func(name, keys string, fn func()) *fyne.MenuItem {
		return fyne.NewMenuItem(lang.L(name)+"　"+keys, fn)
	}
	edit := fyne.NewMenu(lang.L("Edit"),
		item("Undo", "Ctrl+Z", func() { s.Undo() }),
		item("Redo", "Ctrl+Y", func() { s.Redo() }),
		fyne.NewMenuItemSeparator(),
		item("Find", "Ctrl+F", func() { s.editorThen(func() { s.openFind(false) }) }),
		item("Replace", "Ctrl+H", func() { s.editorThen(func() { s.openFind(true) }) }),
	)
	help := fyne.NewMenu(lang.L("Help"),
		fyne.NewMenuItem(lang.L("Keyboard shortcuts"), s.showShortcuts))
	return fyne.NewMainMenu(settings, file, edit, help)
}

// NewDraft asks for the title, kind and city of a new draft (Ctrl+N, as
// in Word and WPS) and opens it on its skeleton.
func (s *Shell) NewDraft() {
	if s.Session.newDraft != nil {
		s.Session.newDraft()
	}
}

// editorThen shows the editor (where find and replace work) and runs fn.
func (s *Shell) editorThen(fn func()) {
	if s.Current() != "editor" && !s.Show("editor") {
		return
	}
	fn()
}

// newTruncatedLabel is a list or tree row of one line, cut with … where
// it is too long.
func newTruncatedLabel() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}
