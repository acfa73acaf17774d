package window

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2/container"

	"qicao/app/window/outlinemodel"
	"qicao/drafts"
	"qicao/drafts/undo"
)

// panels are the editor's side panels and the corpus view of one shell,
// kept so that they can reach one another (查看原文 opens the corpus view
// at a clause) and so that tests and fontshot can drive them.
type panels struct {
	// tabs hold the editor's side panels: suggestions, gaps, templates.
	tabs        *container.AppTabs
	suggestions *suggestionsUI
	gaps        *gapsUI
	templates   *templatesUI
	proof       *proofUI
	corpus      *corpusUI
}

func panelsOf(s *Shell) *panels { return &s.panels }

// ErrNoAnchor is the error for an insertion with no clause under the cursor.
var ErrNoAnchor = errors.New("请先在提纲中选择一个条款，新条款将插入在它之后")

// InsertAfterSelected inserts text as a new node after the node under the
// cursor (renumbering those after it), makes it the working text and puts
// the cursor on the new node. It returns the new node's label.
func (s *Shell) InsertAfterSelected(kind undo.Kind, text string) (string, error) {
	return s.insertAfter(kind, s.SelectedNode(), text)
}

// insertAfter inserts text after anchor, a node of the current parse, one
// step of kind in the undo history.
func (s *Shell) insertAfter(kind undo.Kind, anchor *drafts.Node, text string) (string, error) {
	// Keystrokes still pending in the clause pane go in first; the anchor
	// is found again by its place in the tree, in the new parse.
	path := outlinemodel.PathOf(s.Session.Doc, anchor)
	s.FlushClauseEdit()
	anchor = outlinemodel.NodeAtPath(s.Session.Doc, path)
	if anchor == nil || s.Session.Doc == nil {
		return "", ErrNoAnchor
	}
	e, err := drafts.InsertAfter(s.Session.Doc, anchor, text)
	if err != nil {
		return "", err
	}
	s.record(kind, func() {
		s.SetText(e.Text)
		if n := outlinemodel.NodeAt(s.Session.Doc, e.Span.Start); n != nil {
			s.Select(n)
		}
	})
	return e.Label, nil
}

// ShowCorpusAt shows the corpus view with document id open at its clause
// of that index.
func (s *Shell) ShowCorpusAt(id int64, clause int) {
	s.Show("corpus") // builds the view, if it is not yet, before it returns
	if c := panelsOf(s).corpus; c != nil {
		c.open(id, clause)
	}
}

// ShowPanel shows the editor with one of its side panels in front:
// "suggestions", "gaps", "templates" or "proof" (校对). It reports whether
// there is one.
func (s *Shell) ShowPanel(name string) bool {
	s.Show("editor")
	tabs := panelsOf(s).tabs
	if tabs == nil {
		return false
	}
	for i, n := range []string{"suggestions", "gaps", "templates", "proof"} {
		if n == name && i < len(tabs.Items) {
			tabs.SelectIndex(i)
			return true
		}
	}
	return false
}

// SelectClause puts the cursor on the open draft's first clause whose
// heading contains heading, and reports whether there is one.
func (s *Shell) SelectClause(heading string) bool {
	if s.Session.Doc == nil {
		return false
	}
	for _, c := range s.Session.Doc.Clauses() {
		if strings.Contains(c.Heading, heading) {
			s.Select(c.Node)
			return true
		}
	}
	return false
}

// ChooseTemplate shows the editor's templates panel with the template of
// that name chosen and its form filled from the draft, and reports whether
// there is one.
func (s *Shell) ChooseTemplate(name string) bool {
	if !s.ShowPanel("templates") {
		return false
	}
	u := panelsOf(s).templates
	u.search.SetText(name)
	return u.selectNamed(name)
}

// FillTemplate types values into the chosen template's form, as the
// officer would (a department list by its 、-joined text), and reports
// whether every name is a field of the form; the form is scrolled to its
// end, where the departments are.
func (s *Shell) FillTemplate(values map[string]string) bool {
	u := panelsOf(s).templates
	if u == nil {
		return false
	}
	ok := true
	for name, v := range values {
		f, has := u.fields[name]
		if has {
			f.SetText(v)
		}
		ok = ok && has
	}
	u.scroll.ScrollToBottom()
	return ok
}
