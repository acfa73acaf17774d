package window

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/drafts"
	"qicao/drafts/undo"
)

// findBar is the editor's find and replace bar (Ctrl+F, Ctrl+H) over the
// whole working text: the outline counts the hits of each clause and the
// whole-document view marks them; Enter or F3 goes to the next hit and
// Shift+F3 to the one before, selecting it in the clause pane; 替换 and
// 全部替换 are each one step of the undo history. By default 繁简,
// 全角/半角 and letter case do not matter (drafts.FindOptions).
type findBar struct {
	s          *Shell
	box        *fyne.Container
	query      *findEntry
	with       *findEntry
	replaceRow *fyne.Container
	whole      *widget.Check
	exact      *widget.Check
	status     *widget.Label
	finder     *drafts.Finder
}

// findState is what the session knows of the find bar: the hits, byte
// spans in the working text, and which one is current (-1 for none).
type findState struct {
	hits    []drafts.Span
	current int
	bar     *findBar
}

// newFindBar makes the bar, hidden.
func newFindBar(s *Shell) *findBar {
	f := &findBar{s: s}
	f.query = newFindEntry(f, lang.L("Find in the whole draft"))
	f.query.OnChanged = func(string) { f.refresh(true) }
	f.with = newFindEntry(f, lang.L("Replace with"))
	f.whole = widget.NewCheck(lang.L("Whole word"), func(bool) { f.refresh(true) })
	f.exact = widget.NewCheck(lang.L("Match 繁简 and width exactly"), func(bool) { f.refresh(true) })
	f.status = widget.NewLabel("")
	prev := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { f.next(-1, true) })
	next := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { f.next(1, true) })
	closeB := widget.NewButtonWithIcon("", theme.CancelIcon(), f.close)
	one := widget.NewButton(lang.L("Replace"), f.replaceOne)
	all := widget.NewButton(lang.L("Replace all"), f.replaceAll)
	f.replaceRow = container.NewBorder(nil, nil, nil, container.NewHBox(one, all), f.with)
	findRow := container.NewBorder(nil, nil, nil, container.NewHBox(prev, next, closeB), f.query)
	f.box = container.NewVBox(findRow, f.replaceRow, container.NewHBox(f.whole, f.exact, f.status))
	f.box.Hide()
	s.Session.find = findState{current: -1, bar: f}
	s.Listen(func(e Event) {
		if e == TextChanged || e == DraftOpened {
			f.refresh(false)
		}
	})
	return f
}

// open shows the bar, with the replace row when replace is set, and puts
// the focus in the query, filled with the clause pane's selected text.
func (f *findBar) open(replace bool) {
	if e := f.s.Session.entry; e != nil && e.SelectedText() != "" {
		f.query.SetText(e.SelectedText())
	}
	f.box.Show()
	if replace {
		f.replaceRow.Show()
	} else {
		f.replaceRow.Hide()
	}
	f.s.Window.Canvas().Focus(f.query)
	f.refresh(true)
}

// close hides the bar and its marks.
func (f *findBar) close() {
	f.box.Hide()
	f.setHits(nil, -1)
}

// options are the bar's matching options.
func (f *findBar) options() drafts.FindOptions {
	return drafts.FindOptions{WholeWord: f.whole.Checked, Exact: f.exact.Checked}
}

// refresh finds the query again in the working text; with fromCursor the
// current hit becomes the first at or after the cursor's clause.
func (f *findBar) refresh(fromCursor bool) {
	ss := &f.s.Session
	if !f.box.Visible() {
		return
	}
	if f.finder == nil || f.finder.Text() != ss.Text {
		f.finder = drafts.NewFinder(ss.Text)
	}
	hits := f.finder.Find(f.query.Text, f.options())
	cur := -1
	if len(hits) > 0 {
		cur = min(max(ss.find.current, 0), len(hits)-1)
		if fromCursor {
			cur = firstHitFrom(hits, max(f.s.cursorOffset(), 0))
		}
	}
	f.setHits(hits, cur)
}

// firstHitFrom is the index of the first hit starting at or after off,
// wrapping to the first.
func firstHitFrom(hits []drafts.Span, off int) int {
	for i, h := range hits {
		if h.Start >= off {
			return i
		}
	}
	return 0
}

// setHits makes hits the session's, shows their count and tells the views.
func (f *findBar) setHits(hits []drafts.Span, cur int) {
	f.s.Session.find.hits, f.s.Session.find.current = hits, cur
	switch {
	case f.query.Text == "" || !f.box.Visible():
		f.status.SetText("")
	case len(hits) == 0:
		f.status.SetText(lang.L("Not found"))
	default:
		f.status.SetText(lang.L("Hit {{.K}} of {{.N}}", map[string]any{"K": cur + 1, "N": len(hits)}))
	}
	f.s.emit(HitsChanged)
}

// next goes step hits on (−1: back), wrapping at the ends, and shows it;
// with focusText the clause pane takes the focus, where the hit is
// selected (an entry shows its selection only when focused) and can be
// typed over.
func (f *findBar) next(step int, focusText bool) {
	f.s.FlushClauseEdit()
	if !f.box.Visible() {
		f.open(false)
	}
	hits := f.s.Session.find.hits
	if len(hits) == 0 {
		return
	}
	cur := (f.s.Session.find.current + step + len(hits)) % len(hits)
	f.setHits(hits, cur)
	f.s.showHit(hits[cur])
	if e := f.s.Session.entry; focusText && e != nil && e.Visible() && !e.Disabled() {
		f.s.Window.Canvas().Focus(e)
	}
}

// replaceOne replaces the current hit and goes to the next.
func (f *findBar) replaceOne() {
	f.s.FlushClauseEdit()
	f.refresh(false)
	ss := &f.s.Session
	if ss.find.current < 0 {
		return
	}
	h, with := ss.find.hits[ss.find.current], f.with.Text
	text := ss.Text[:h.Start] + with + ss.Text[h.End:]
	f.s.record(undo.Replace, func() { f.s.setTextKeepingCursor(text) })
	f.refresh(false)
	if hits := ss.find.hits; len(hits) > 0 {
		f.setHits(hits, firstHitFrom(hits, h.Start+len(with)))
		f.s.showHit(hits[ss.find.current])
	}
}

// replaceAll replaces every hit, as one step of the undo history.
func (f *findBar) replaceAll() {
	f.s.FlushClauseEdit()
	f.refresh(false)
	ss := &f.s.Session
	n := len(ss.find.hits)
	if n == 0 {
		return
	}
	text := drafts.ReplaceSpans(ss.Text, ss.find.hits, f.with.Text)
	f.s.record(undo.Replace, func() { f.s.setTextKeepingCursor(text) })
	f.refresh(false)
	f.status.SetText(lang.L("{{.N}} places replaced.", map[string]any{"N": n}))
}

// showHit selects the clause that holds hit h and, in the clause pane,
// the hit itself; the whole-document view scrolls to it.
func (s *Shell) showHit(h drafts.Span) {
	n := nodeHolding(s.Session.Doc, h.Start)
	s.Select(n)
	if s.Session.selectText != nil {
		s.Session.selectText(h)
	}
}

// nodeHolding returns the deepest node whose own text holds offset, nil
// when it is in the title block before the first node.
func nodeHolding(doc *drafts.Document, offset int) *drafts.Node {
	var found *drafts.Node
	if doc == nil {
		return nil
	}
	doc.Walk(func(n, _ *drafts.Node) {
		if n.BodySpan.Start <= offset && offset < n.BodySpan.End {
			found = n // children come after their parent: the deepest wins
		}
	})
	return found
}

// findEntry is an entry of the find bar: Enter goes to the next hit
// (Shift+Enter to the one before) with the focus staying in the bar, F3
// and Shift+F3 as everywhere in the editor; Escape closes the bar.
type findEntry struct {
	widget.Entry
	f *findBar
}

func newFindEntry(f *findBar, placeholder string) *findEntry {
	e := &findEntry{f: f}
	e.SetPlaceHolder(placeholder)
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles the bar's keys, and the entry's others.
func (e *findEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyF3:
		if e == e.f.with && k.Name != fyne.KeyF3 {
			e.f.replaceOne()
			return
		}
		e.f.next(stepOf(shiftHeld()), k.Name == fyne.KeyF3)
	case fyne.KeyEscape:
		e.f.close()
	default:
		e.Entry.TypedKey(k)
	}
}

// TypedShortcut runs the editor's shortcuts (Ctrl+H, Ctrl+S …) and the
// entry's own others.
func (e *findEntry) TypedShortcut(sc fyne.Shortcut) {
	if c, ok := sc.(*desktop.CustomShortcut); ok && e.f.s.runShortcut(c) {
		return
	}
	e.Entry.TypedShortcut(sc)
}

// stepOf is the step of F3: back with Shift.
func stepOf(back bool) int {
	if back {
		return -1
	}
	return 1
}

// openFind shows the find bar (with the replace row for Ctrl+H).
func (s *Shell) openFind(replace bool) {
	if b := s.Session.find.bar; b != nil {
		b.open(replace)
	}
}

// findNext goes to the next hit of the find bar (back: the one before).
func (s *Shell) findNext(back bool) {
	if b := s.Session.find.bar; b != nil {
		b.next(stepOf(back), true)
	}
}
