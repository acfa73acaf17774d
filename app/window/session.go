package window

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"qicao/app/window/editormodel"
	"qicao/app/workspace"
	"qicao/drafts"
	"qicao/drafts/undo"
)

// Session is the state every view shares: the open workspace, the draft
// being edited with its working text, and the node under the cursor. It
// lives on the UI goroutine; only the autosave write runs elsewhere.
//
// Views read it and react to its events through Shell.Listen; they change
// it only through its methods, so that every view sees every change.
type Session struct {
	WS *workspace.Workspace

	// Draft is the open draft (DraftID 0 when none): its working text
	// (Text) with its parse (Doc), the latest version (Saved, Version) and
	// the node under the cursor, with the rules of changing them, in
	// plain Go.
	editormodel.Draft

	listeners []func(Event)
	autosave  *autosaver
	// history is the undo and redo of the working text since the draft
	// was opened or a version saved.
	history undo.History
	// find is the find bar's hits; selectText selects a span of the
	// working text in the clause pane (set by the editor view).
	find       findState
	selectText func(drafts.Span)
	// newDraft asks for a new draft (set by the drafts view; Ctrl+N).
	newDraft func()

	// Set by the editor view: its shortcuts, the clause pane's pending
	// edit and its whole-document switch, and work to do at close.
	shortcuts  []shortcut
	flushEdit  func()
	typed      func() bool // the clause pane holds keystrokes not yet written back
	entry      *clauseEntry
	toggleFull func()
	wholeText  *fullText   // the editor's read-only whole document (全文)
	cleanup    *cleanupBar // the clean-up bar over the editor
	atClose    []func()
	stepNote   string // what the last undo or redo did, for the panels' notes
}

// StepNote says what the last undo or redo did (已撤销：插入建议), for
// the panels whose note of their own last action it makes stale.
func (ss *Session) StepNote() string { return ss.stepNote }

// Event is a change of the session that views may redraw for.
type Event int

// The session's events.
const (
	DraftOpened   Event = iota // another draft (or none) is open
	TextChanged                // the working text changed
	Selected                   // the node under the cursor changed
	VersionSaved               // a version was saved
	DraftsChanged              // drafts were created, renamed or deleted
	CorpusChanged              // corpus documents were added or removed
	ClauseTyped                // the clause pane's text changed, not yet in the working text
	HitsChanged                // the find bar's hits or its current hit changed
	Stepped                    // an undo or redo changed the working text (Session.StepNote says which)
)

// AutosaveDelay is how long after the first change not yet written the
// working text is written, however fast the officer goes on typing; with
// the clause pane's ClauseMaxWait a keystroke survives a crash 2 s later.
const AutosaveDelay = time.Second

// Listen calls fn on the UI goroutine for every session event.
func (s *Shell) Listen(fn func(Event)) {
	s.Session.listeners = append(s.Session.listeners, fn)
}

func (s *Shell) emit(e Event) {
	for _, fn := range s.Session.listeners {
		fn(e)
	}
}

// OpenDraft opens a draft: its working text where there is one, else its
// latest version.
func (s *Shell) OpenDraft(id int64) error {
	s.FlushAutosave()
	db := s.Session.WS
	d, err := db.Draft(id)
	if err != nil {
		return err
	}
	saved := ""
	if d.Versions > 0 {
		v, err := db.Version(id, 0)
		if err != nil {
			return err
		}
		saved = v.Text
	}
	text, ok, err := db.Working(id)
	if err != nil {
		return err
	}
	if !ok {
		text = saved
	}
	s.App.Preferences().SetInt(prefLastDraft, int(id))
	s.setDraft(id, d.Title, saved, d.Versions, text)
	return nil
}

// CloseDraft leaves no draft open.
func (s *Shell) CloseDraft() {
	s.FlushAutosave()
	s.setDraft(0, "", "", 0, "")
}

// setDraft makes draft id (0 for none) the open one, with no cursor, and
// tells the views.
func (s *Shell) setDraft(id int64, title, saved string, version int, text string) {
	ss := &s.Session
	ss.Open(id, title, saved, version, text)
	ss.history.Reset()
	s.emit(DraftOpened)
}

// SetText replaces the working text of the open draft (after an edit in
// the editor, a structural edit, an insertion), re-parses it and schedules
// the autosave.
//
// A view that computes the new text from Session.Text calls
// FlushClauseEdit first, so that keystrokes still pending in the clause
// pane (written back ClauseDelay after the last one, or when the pane
// loses the focus) are in it.
func (s *Shell) SetText(text string) {
	if s.Session.DraftID == 0 || text == s.Session.Text {
		return
	}
	s.Session.Draft.SetText(text)
	s.Session.autosave.schedule(s.Session.DraftID, text)
	s.emit(TextChanged)
}

// setTextKeepingCursor replaces the working text as SetText does and
// keeps the cursor at the same place in the tree (none if the new text has
// no node there), which the views then show.
func (s *Shell) setTextKeepingCursor(text string) {
	s.SetText(text) // leaves the path of the selection as it is
	s.Session.KeepSelection()
	s.emit(Selected)
}

// renameDraft renames draft id, the open one's title in the session too,
// and tells the views.
func (s *Shell) renameDraft(id int64, title string) error {
	if err := s.Session.WS.RenameDraft(id, title); err != nil {
		return err
	}
	if id == s.Session.DraftID {
		s.Session.Title = title
	}
	s.emit(DraftsChanged)
	return nil
}

// Dirty reports whether the working text differs from the latest version.
func (s *Shell) Dirty() bool { return s.Session.Dirty() }

// SaveVersion saves the working text as a new immutable version.
func (s *Shell) SaveVersion(note string) error {
	ss := &s.Session
	if ss.DraftID == 0 {
		return nil
	}
	s.FlushAutosave()
	v, err := ss.WS.SaveVersion(ss.DraftID, -1, ss.Text, note)
	if err != nil {
		return err
	}
	ss.SavedAs(v.N)
	ss.history.Reset() // a saved version is not undone
	s.emit(VersionSaved)
	return nil
}

// Select puts the cursor on node n of the open document (nil for none).
func (s *Shell) Select(n *drafts.Node) {
	if s.Session.Draft.Select(n) {
		s.Session.history.Seal() // typing in another clause is a step of its own
	}
	s.emit(Selected)
}

// SelectedNode returns the node under the cursor in the current parse of
// the working text, or nil.
func (s *Shell) SelectedNode() *drafts.Node {
	return s.Session.Selected()
}

// TypedClause returns the clause pane's text while it holds keystrokes
// not yet written into the working text, so that the panels can follow
// typing without waiting for the write-back.
func (s *Shell) TypedClause() (string, bool) {
	if s.Session.entry == nil || s.Session.typed == nil || !s.Session.typed() {
		return "", false
	}
	return s.Session.entry.Text, true
}

// FlushClauseEdit puts the clause pane's pending keystrokes into the
// working text now.
func (s *Shell) FlushClauseEdit() {
	if f := s.Session.flushEdit; f != nil {
		f()
	}
}

// ClauseEntry returns the editor's clause entry (for tools that measure
// it), nil until the editor is built.
func (s *Shell) ClauseEntry() *widget.Entry {
	if s.Session.entry == nil {
		return nil
	}
	return &s.Session.entry.Entry
}

// ToggleFullText switches the editor's clause pane between the clause and
// the whole document (read-only).
func (s *Shell) ToggleFullText() {
	if f := s.Session.toggleFull; f != nil {
		f()
	}
}

// AtClose registers fn to run when the window closes, before the last
// autosave (to remember split positions and the like).
func (s *Shell) AtClose(fn func()) {
	s.Session.atClose = append(s.Session.atClose, fn)
}

// Closing runs the AtClose functions and writes pending edits; Run calls
// it when the window closes.
func (s *Shell) Closing() {
	s.FlushClauseEdit()
	for _, fn := range s.Session.atClose {
		fn()
	}
	s.StopBackground()
	s.FlushAutosave()
}

// StopBackground drops the window's pending timers and off-UI jobs and
// waits for those running, so that none outlives the window.
func (s *Shell) StopBackground() { s.bg.stop() }

// FlushAutosave writes a pending autosave now.
func (s *Shell) FlushAutosave() { s.Session.autosave.flush() }

// ShowError shows err in a dialog, in the window's language where the
// error has an English message (see localized); an error met on a damaged
// page, once the window can lead to the recovery window, as tellDamage
// does.
func (s *Shell) ShowError(err error) {
	if err != nil && s.damage.toRecovery != nil && s.Session.WS.Damaged() {
		s.tellDamage(err, false)
		return
	}
	if err != nil {
		dialog.ShowError(localized(s.App, err), s.Window)
	}
}

const prefLastDraft = "session.lastDraft"

// openLastDraft opens the draft open when Qicao last closed, else the
// newest one.
func (s *Shell) openLastDraft() {
	if s.Session.WS == nil {
		return
	}
	if id := s.App.Preferences().Int(prefLastDraft); id > 0 && s.OpenDraft(int64(id)) == nil {
		return
	}
	if list, err := s.Session.WS.Drafts(); err == nil && len(list) > 0 {
		s.ShowError(s.OpenDraft(list[0].ID))
	}
}

// Preference keys of the place Qicao was left at: the view, and the
// clause under the cursor as "draft id:tree path".
const (
	prefLastView   = "session.view"
	prefLastClause = "session.clause"
)

// restorePlace shows the view and selects the clause Qicao was closed
// on (the editor when none was saved and a draft is open), and saves
// them again when the window closes.
func (s *Shell) restorePlace() {
	p := s.App.Preferences()
	view := p.String(prefLastView)
	if view == "" && s.Session.DraftID != 0 {
		view = "editor"
	}
	if view != "" {
		s.Show(view)
	}
	if id, uid, ok := strings.Cut(p.String(prefLastClause), ":"); ok && id == strconv.FormatInt(s.Session.DraftID, 10) {
		if n := nodeAtUID(s.Session.Doc, uid); n != nil {
			s.Select(n)
		}
	}
	s.AtClose(func() {
		p.SetString(prefLastView, s.Current())
		p.SetString(prefLastClause, fmt.Sprintf("%d:%s", s.Session.DraftID, pathUID(s.Session.SelectionPath())))
	})
}

// autosaver writes the working text a moment after the first change not
// yet written, off the UI goroutine, paced by editormodel.Autosave;
// errors come back to the UI through fyne.Do.
type autosaver struct {
	mu      sync.Mutex // guards state and timer, which change together
	state   editormodel.Autosave
	timer   *time.Timer
	ws      *workspace.Workspace
	onError func(error)
}

// schedule makes text the working text to write. The write happens
// AutosaveDelay after the first change not yet written, however many
// follow: steady typing cannot put it off.
func (a *autosaver) schedule(id int64, text string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.state.Schedule(id, text) {
		a.timer = time.AfterFunc(AutosaveDelay, a.flush)
	}
}

func (a *autosaver) flush() {
	a.mu.Lock()
	id, text, ok := a.state.Take()
	if a.timer != nil {
		a.timer.Stop()
	}
	a.mu.Unlock()
	if !ok {
		return
	}
	err := a.ws.SetWorking(id, text)
	a.mu.Lock()
	tell := a.state.Written(err) // a read-only database would otherwise raise a dialog a second
	a.mu.Unlock()
	if tell && a.onError != nil {
		onUI(func() { a.onError(err) })
	}
}
