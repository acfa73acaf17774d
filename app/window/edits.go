package window

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"qicao/app/window/outlinemodel"
	"qicao/drafts"
	"qicao/drafts/undo"
)

// shortcut is a keyboard shortcut of the editor.
type shortcut struct {
	Key  fyne.KeyName
	Mod  fyne.KeyModifier
	Keys string // as the help lists it, e.g. "Ctrl+S"
	Name string // English, through lang.L
	Run  func(s *Shell)
}

// editorShortcuts are the editor's shortcuts, in the order the help lists
// them.
func editorShortcuts() []shortcut {
	ctrl, shift, alt := fyne.KeyModifierShortcutDefault, fyne.KeyModifierShift, fyne.KeyModifierAlt
	return []shortcut{
		{fyne.KeyS, ctrl, "Ctrl+S", "Save a version", func(s *Shell) { askSaveVersion(s) }},
		{fyne.KeyReturn, ctrl, "Ctrl+Enter", "Insert a clause after", (*Shell).insertClause},
		{fyne.KeyReturn, ctrl | shift, "Ctrl+Shift+Enter", "Insert a section after", (*Shell).insertSection},
		{fyne.KeyDelete, ctrl, "Ctrl+Delete", "Delete (asks first)", (*Shell).confirmDeleteNode},
		{fyne.KeyUp, alt, "Alt+↑", "Move up", func(s *Shell) { s.structural(undo.Move, drafts.MoveUp) }},
		{fyne.KeyDown, alt, "Alt+↓", "Move down", func(s *Shell) { s.structural(undo.Move, drafts.MoveDown) }},
		{fyne.KeyLeft, alt, "Alt+←", "Promote (one level up)", func(s *Shell) { s.structural(undo.Promote, drafts.Promote) }},
		{fyne.KeyRight, alt, "Alt+→", "Demote (one level down)", func(s *Shell) { s.structural(undo.Demote, drafts.Demote) }},
		{fyne.KeyR, ctrl | shift, "Ctrl+Shift+R", "Renumber all", (*Shell).renumberAll},
		{fyne.KeyF, ctrl | shift, "Ctrl+Shift+F", "Whole document / clause", func(s *Shell) { s.ToggleFullText() }},
		{fyne.KeyH, ctrl | shift, "Ctrl+Shift+H", "Versions", (*Shell).ShowVersions},
		{fyne.KeyP, ctrl, "Ctrl+P", "Print…", (*Shell).printDraft},
		{fyne.KeyF, ctrl, "Ctrl+F", "Find", func(s *Shell) { s.openFind(false) }},
		{fyne.KeyH, ctrl, "Ctrl+H", "Replace", func(s *Shell) { s.openFind(true) }},
		{fyne.KeyF3, 0, "F3", "Find next", func(s *Shell) { s.findNext(false) }},
		{fyne.KeyF3, fyne.KeyModifierShift, "Shift+F3", "Find previous", func(s *Shell) { s.findNext(true) }},
		{fyne.KeyZ, ctrl, "Ctrl+Z", "Undo", func(s *Shell) { s.Undo() }},
		{fyne.KeyY, ctrl, "Ctrl+Y", "Redo", func(s *Shell) { s.Redo() }},
		{fyne.KeyZ, ctrl | shift, "Ctrl+Shift+Z", "Redo", func(s *Shell) { s.Redo() }},
	}
}

// addShortcuts puts the editor's shortcuts on the window.
func (s *Shell) addShortcuts() {
	if len(s.Session.shortcuts) > 0 {
		return
	}
	s.Session.shortcuts = editorShortcuts()
	c := s.Window.Canvas()
	for _, sc := range s.Session.shortcuts {
		if sc.Mod&^fyne.KeyModifierShift == 0 { // F3, Shift+F3: keys, not shortcuts, to the driver
			continue
		}
		c.AddShortcut(&desktop.CustomShortcut{KeyName: sc.Key, Modifier: sc.Mod}, func(fyne.Shortcut) { sc.Run(s) })
	}
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyF3 && s.Current() == "editor" {
			s.findNext(shiftHeld())
		} else if prev != nil {
			prev(e)
		}
	})
	// Ctrl+A, Ctrl+C reach the canvas when no entry has the focus: in 全文
	// they select and copy the whole text, as in Word's reading view.
	c.AddShortcut(&fyne.ShortcutSelectAll{}, func(fyne.Shortcut) { s.selectWholeText() })
	c.AddShortcut(&fyne.ShortcutCopy{}, func(fyne.Shortcut) { s.copyWholeTextSelected() })
	// The driver sends Ctrl+Z and Ctrl+Y as these, not as custom shortcuts.
	for _, sc := range []fyne.Shortcut{&fyne.ShortcutUndo{}, &fyne.ShortcutRedo{}} {
		c.AddShortcut(sc, func(sc fyne.Shortcut) { s.runShortcut(sc) })
	}
}

// runShortcut runs the editor's shortcut sc, if it is one, and reports
// whether it was; a focused entry passes its shortcuts here first.
func (s *Shell) runShortcut(sc fyne.Shortcut) bool {
	c, ok := sc.(fyne.KeyboardShortcut) // custom ones, and Ctrl+Z, Ctrl+Y
	if !ok {
		return false
	}
	for _, e := range s.Session.shortcuts {
		if e.Key == c.Key() && e.Mod == c.Mod() {
			e.Run(s)
			return true
		}
	}
	return false
}

// editMenuItems are the structural edits on the selected node, for the
// outline's context menu.
func editMenuItems(s *Shell) []*fyne.MenuItem {
	scs := editorShortcuts()
	item := func(sc shortcut) *fyne.MenuItem {
		return fyne.NewMenuItem(lang.L(sc.Name)+"　"+sc.Keys, func() { sc.Run(s) })
	}
	var items []*fyne.MenuItem
	for _, sc := range scs[1:8] { // insert, delete, move, promote, demote
		items = append(items, item(sc))
	}
	return append(items, fyne.NewMenuItemSeparator(), item(scs[8])) // renumber all
}

// structural applies a structural edit to the selected node, one step
// of kind in the undo history.
func (s *Shell) structural(kind undo.Kind, edit func(*drafts.Document, *drafts.Node) (drafts.Edit, error)) {
	s.FlushClauseEdit()
	n := s.SelectedNode()
	if s.Session.Doc == nil || n == nil {
		s.ShowError(drafts.ErrNoNode)
		return
	}
	ed, err := edit(s.Session.Doc, n)
	s.record(kind, func() { s.applyEdit(ed, err) })
}

// applyEdit makes an edit's text the working text and selects the node it
// is about.
func (s *Shell) applyEdit(ed drafts.Edit, err error) {
	if err != nil {
		s.ShowError(err)
		return
	}
	s.SetText(ed.Text)
	if ed.Label == "" {
		s.Select(nil)
		return
	}
	s.Select(outlinemodel.NodeStartingAt(s.Session.Doc, ed.Span.Start))
}

// insertClause inserts a new clause after the selected node.
func (s *Shell) insertClause() {
	s.structural(undo.Insert, func(d *drafts.Document, n *drafts.Node) (drafts.Edit, error) {
		return drafts.InsertAfter(d, n, lang.L("New clause."))
	})
}

// insertSection inserts a new node one level up, after the section that
// holds the selected node (after the node itself at the top level).
func (s *Shell) insertSection() {
	s.structural(undo.Insert, func(d *drafts.Document, n *drafts.Node) (drafts.Edit, error) {
		anchor := n
		if p := parentNode(d, n); p != nil {
			anchor = p
		}
		return drafts.InsertAfter(d, anchor, lang.L("New section"))
	})
}

// parentNode returns n's parent in d, nil at the top.
func parentNode(d *drafts.Document, n *drafts.Node) *drafts.Node {
	var parent *drafts.Node
	d.Walk(func(m, p *drafts.Node) {
		if m == n {
			parent = p
		}
	})
	return parent
}

// confirmDeleteNode deletes the selected node after asking.
func (s *Shell) confirmDeleteNode() {
	n := s.SelectedNode()
	if n == nil {
		s.ShowError(drafts.ErrNoNode)
		return
	}
	msg := lang.L("Delete “{{.Node}}” and everything under it?", map[string]any{"Node": outlineText(n)})
	confirm(s.Window, lang.L("Delete"), msg, func(yes bool) {
		if yes {
			s.structural(undo.Delete, drafts.Delete)
		}
	})
}

// renumberAll renumbers every sequence of the open document.
func (s *Shell) renumberAll() {
	s.FlushClauseEdit()
	if s.Session.Doc == nil {
		return
	}
	text := drafts.Renumber(s.Session.Doc)
	s.record(undo.Renumber, func() { s.setTextKeepingCursor(text) })
}

// showShortcuts shows the help: the editor's shortcuts.
func (s *Shell) showShortcuts() {
	grid := container.NewGridWithColumns(2)
	for _, sc := range editorShortcuts() {
		grid.Add(widget.NewLabelWithStyle(sc.Keys, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		grid.Add(widget.NewLabel(lang.L(sc.Name)))
	}
	note := widget.NewLabel(lang.L("Right-click a line of the outline for the same edits."))
	dialog.ShowCustom(lang.L("Keyboard shortcuts"), lang.L("Close"), container.NewVBox(grid, note), s.Window)
}
