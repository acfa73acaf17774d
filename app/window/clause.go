package window

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/app/window/editormodel"
	"qicao/drafts"
	"qicao/drafts/undo"
)

// ClauseDelay is how long after the last keystroke in the clause pane the
// working text is updated and re-parsed: typing only costs the entry.
const ClauseDelay = 300 * time.Millisecond

// ClauseMaxWait is the longest the working text lags the clause pane
// however fast the officer types: the pause ClauseDelay waits for is never
// waited for beyond it.
const ClauseMaxWait = time.Second

// clauseMaxWait is ClauseMaxWait; tests that hold typing pending set it
// with clauseDelay.
var clauseMaxWait = ClauseMaxWait

// clauseDelay is ClauseDelay, longer in tests that look at typed text
// before it is written back (a loaded machine can take 300 ms to type).
var clauseDelay = ClauseDelay

// MaxClauseChars is the longest text the clause pane edits (see
// editormodel); longer text without numbering is shown read-only in the
// whole-document view.
const MaxClauseChars = editormodel.MaxClauseChars

// clauseEditor is the editor's middle pane: one node's own text (label,
// heading, body, 责任单位) in an entry, or the whole document read-only.
type clauseEditor struct {
	s      *Shell
	entry  *clauseEntry
	header *widget.Label
	status *widget.Label
	full   *fullText
	body   *fyne.Container
	toggle *widget.Button

	// span is where the entry's text stands in the working text: a node's
	// BodySpan, or the text before the first node when none is selected.
	span     drafts.Span
	loading  bool      // the entry is being filled from the session
	applying bool      // the session is being changed from the entry
	pending  bool      // the entry has edits not yet in the working text
	since    time.Time // when the first of them was typed
	timer    *time.Timer
	showFull bool
}

// clausePane edits the clause or section under the cursor.
func clausePane(s *Shell) fyne.CanvasObject {
	c := &clauseEditor{s: s}
	c.entry = newClauseEntry(s)
	c.entry.OnChanged = c.changed
	c.header = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.header.Truncation = fyne.TextTruncateEllipsis
	c.status = widget.NewLabel("")
	c.full = newFullText()
	c.body = container.NewStack(c.entry, c.full)
	c.full.Hide()
	c.toggle = widget.NewButtonWithIcon(lang.L("Whole document"), theme.ViewFullScreenIcon(), c.toggleFull)
	save := widget.NewButtonWithIcon(lang.L("Save version…"), theme.DocumentSaveIcon(), func() { askSaveVersion(s) })
	versions := widget.NewButtonWithIcon(lang.L("Versions…"), theme.HistoryIcon(), s.ShowVersions)
	bar := newFindBar(s)
	top := container.NewVBox(bar.box, container.NewBorder(nil, nil, nil, c.status, c.header),
		container.NewHBox(c.toggle, save, versions))
	s.Session.flushEdit = func() { c.flush(false) }
	s.Session.typed = func() bool { return c.pending }
	s.Session.entry = c.entry
	s.Session.toggleFull = c.toggleFull
	s.Session.wholeText = c.full
	s.Session.selectText = c.selectSpan
	s.Listen(c.event)
	c.load()
	return container.NewBorder(top, nil, nil, nil, c.body)
}

func (c *clauseEditor) event(e Event) {
	if c.applying {
		c.showStatus()
		return
	}
	switch e {
	case Selected:
		c.flush(false)
		c.load()
	case DraftOpened, TextChanged:
		c.cancel()
		c.load()
	case VersionSaved:
		c.showStatus()
	case HitsChanged:
		if f := &c.s.Session.find; c.showFull {
			c.full.SetHits(f.hits, f.current)
		}
	}
}

// selectSpan selects h, a span of the working text, in the entry when it
// lies in the clause shown, and scrolls the whole-document view to it.
func (c *clauseEditor) selectSpan(h drafts.Span) {
	if c.showFull {
		c.full.ScrollToOffset(h.Start)
		return
	}
	from, to, ok := editormodel.SpanRunes(c.s.Session.Text, c.span, h)
	if !ok || c.pending || c.entry.Text != c.s.Session.Text[c.span.Start:c.span.End] {
		return
	}
	runes := []rune(c.s.Session.Text[c.span.Start:c.span.End])
	e := c.entry
	e.CursorRow, e.CursorColumn = 0, 0
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome}) // drops a selection
	pos, moves := 0, 0
	right := func() bool { // one rune on, as → goes: a wrapped row's end is the next row's start
		row := e.CursorRow
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
		if e.CursorRow == row || runes[pos] == '\n' {
			pos++
		}
		moves++
		return moves <= 2*len(runes) // each rune is one or two moves
	}
	for pos < from && right() {
	}
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft}) // select as Shift+→ does
	for pos < to && right() {
	}
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

// load fills the entry with the selected node's own text.
func (c *clauseEditor) load() {
	ss := &c.s.Session
	clause := editormodel.ClauseOf(&ss.Draft)
	c.span = clause.Span
	switch clause.Part {
	case editormodel.PartNode:
		c.header.SetText(outlineText(c.s.SelectedNode()))
	case editormodel.PartOpening:
		c.header.SetText(lang.L("Title and opening (choose a clause in the outline)"))
	default:
		c.header.SetText(ss.Title)
	}
	text, tooLong := ss.Text[c.span.Start:c.span.End], clause.TooLong
	if tooLong {
		text = ""
	}
	c.loading = true
	c.entry.SetText(text)
	c.loading = false
	switch {
	case ss.DraftID == 0:
		c.entry.Disable()
		c.header.SetText(lang.L("No draft open: open or create one in Drafts."))
	case tooLong:
		c.entry.Disable()
		c.header.SetText(lang.L("This part is too long to edit in one piece: number its paragraphs (一、 1.) to edit them one by one."))
		if !c.showFull {
			c.setFull(true)
		}
	default:
		c.entry.Enable()
	}
	if c.showFull {
		c.showWhole()
	}
	c.showStatus()
}

// changed schedules the working text's update after a keystroke.
func (c *clauseEditor) changed(string) {
	if c.loading {
		return
	}
	if !c.pending {
		c.since = time.Now()
	}
	c.pending = true
	if c.timer != nil {
		c.timer.Stop()
	}
	wait := editormodel.WriteBackWait(clauseDelay, clauseMaxWait, time.Since(c.since))
	c.timer = c.s.bg.after(wait, func() { onUI(func() { c.flush(true) }) })
	c.showStatus()
	c.s.emit(ClauseTyped)
}

func (c *clauseEditor) cancel() {
	c.pending = false
	if c.timer != nil {
		c.timer.Stop()
	}
}

// flush writes the entry's text into the working text in place of its
// span, and with reselect puts the cursor on the node there.
func (c *clauseEditor) flush(reselect bool) {
	if !c.pending {
		return
	}
	c.cancel()
	newText, at, ok := editormodel.WriteBack(c.s.Session.Text, c.span, c.entry.Text)
	if !ok {
		return
	}
	c.applying = true
	defer func() { c.applying = false }()
	c.s.record(undo.Typing, func() { c.s.SetText(newText) })
	c.span = at
	if reselect {
		if n := editormodel.NodeAfterWriteBack(c.s.Session.Doc, at); n != nil {
			c.s.Select(n)
		}
	}
	if c.showFull {
		c.full.SetText(c.s.Session.Text)
	}
}

// showStatus says, briefly, whether the working text is saved as a
// version (the working text itself is always autosaved).
func (c *clauseEditor) showStatus() {
	switch editormodel.StatusOf(&c.s.Session.Draft, c.pending) {
	case editormodel.StatusNone:
		c.status.SetText("")
	case editormodel.StatusUnsaved:
		c.status.SetText(lang.L("● Unsaved"))
	case editormodel.StatusNoVersion:
		c.status.SetText(lang.L("No version saved yet"))
	default:
		c.status.SetText(versionName(c.s.Session.Version))
	}
}

// toggleFull switches between the clause and the whole document.
func (c *clauseEditor) toggleFull() {
	c.flush(true)
	c.setFull(!c.showFull)
	if c.showFull {
		c.showWhole()
	}
}

// setFull shows the whole document (on) or the clause's entry.
func (c *clauseEditor) setFull(on bool) {
	c.showFull = on
	if on {
		if c.s.Window.Canvas().Focused() == c.entry {
			c.s.Window.Canvas().Unfocus() // Ctrl+A, Ctrl+C now mean the whole text
		}
		c.entry.Hide()
		c.full.Show()
		c.toggle.SetText(lang.L("Edit clause"))
	} else {
		c.full.Hide()
		c.entry.Show()
		c.toggle.SetText(lang.L("Whole document"))
	}
}

// showWhole puts the working text in the whole-document view, scrolled to
// the clause's place.
func (c *clauseEditor) showWhole() {
	c.full.SetText(c.s.Session.Text)
	c.full.SetHits(c.s.Session.find.hits, c.s.Session.find.current)
	c.full.ScrollToOffset(c.span.Start)
}

// clauseEntry is the clause pane's entry: multi-line, wrapping, and
// passing the editor's shortcuts (Ctrl+S, Alt+↑ …) to the window.
type clauseEntry struct {
	widget.Entry
	s *Shell
}

func newClauseEntry(s *Shell) *clauseEntry {
	e := &clauseEntry{s: s}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut runs the editor's shortcuts, and the entry's own others.
func (e *clauseEntry) TypedShortcut(sc fyne.Shortcut) {
	if !e.s.runShortcut(sc) {
		e.Entry.TypedShortcut(sc)
	}
}

// TypedKey goes to the next find hit on F3 (Shift+F3: the one before).
func (e *clauseEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyF3 {
		e.s.findNext(shiftHeld())
		return
	}
	e.Entry.TypedKey(k)
}

// FocusLost writes pending keystrokes into the working text at once: a
// click elsewhere (a panel's insert button, another view) takes the focus
// before it acts, so it sees the clause as typed.
func (e *clauseEntry) FocusLost() {
	e.Entry.FocusLost()
	e.s.FlushClauseEdit()
}
