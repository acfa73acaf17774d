package window

import (
	"fyne.io/fyne/v2/lang"

	"qicao/app/window/outlinemodel"
	"qicao/drafts/undo"
)

// record runs change, which changes the working text, and makes what it
// changed one step of the draft's undo history, of kind, with the cursor
// before and after.
func (s *Shell) record(kind undo.Kind, change func()) {
	before, cursor := s.Session.Text, s.cursorOffset()
	change()
	s.Session.history.Record(kind, before, s.Session.Text, cursor, s.cursorOffset())
}

// cursorOffset is where the node under the cursor starts in the working
// text, -1 for none.
func (s *Shell) cursorOffset() int {
	if n := s.SelectedNode(); n != nil {
		return n.Span.Start
	}
	return -1
}

// Undo reverts the last change of the working text (keystrokes still
// pending in the clause pane first become one), and puts the cursor
// where it was before it; it reports what it undid, "" for nothing.
func (s *Shell) Undo() undo.Kind {
	return s.step((*undo.History).Undo, "Undone: {{.What}}")
}

// Redo makes again the last change undone; it reports what it redid, ""
// for nothing.
func (s *Shell) Redo() undo.Kind {
	return s.step((*undo.History).Redo, "Redone: {{.What}}")
}

// step applies an undo or a redo and says so (note, with the step's kind)
// to the panels.
func (s *Shell) step(do func(*undo.History, string) (undo.Result, bool), note string) undo.Kind {
	s.FlushClauseEdit()
	res, ok := do(&s.Session.history, s.Session.Text)
	if !ok {
		return ""
	}
	s.SetText(res.Text)
	if res.Cursor >= 0 {
		s.Select(outlinemodel.NodeStartingAt(s.Session.Doc, res.Cursor))
	} else {
		s.Select(nil)
	}
	s.Session.stepNote = lang.L(note, map[string]any{"What": lang.L(string(res.Kind))})
	s.emit(Stepped)
	return res.Kind
}
