package window

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/app/window/widgets"
	"qicao/app/workspace"
	"qicao/drafts"
	"qicao/drafts/proof"
	"qicao/drafts/undo"
)

// ProofDelay is how long the 校对 panel waits after the last keystroke or
// change of the text before it checks again; checking the 2,000-clause
// benchmark draft costs about 180 ms of CPU, so the list is fresh within
// 300 ms of typing stopping on a draft of ordinary size.
const ProofDelay = 150 * time.Millisecond

// proofUI is the 校对 panel: the open draft's findings by kind, each with
// its fix; a click jumps to the place, a button applies one fix or every
// fix of the kind, and a finding can be ignored with a reason the draft
// remembers.
type proofUI struct {
	s        *Shell
	head     *widget.Label
	hints    *widget.Check
	list     *widget.List
	rows     []proofRow
	text     string // the text the items were found in
	chosen   *proof.Item
	detail   *widgets.Redline
	fixOne   *widget.Button
	fixKind  *widget.Button
	reason   *widget.Entry
	ignore   *widget.Button
	status   *widget.Label
	timer    *time.Timer
	gen      int
	ignored  map[string]string // key → reason, for the open draft
	draftID  int64
	computed time.Time // when the last list was shown (tests)
	// immediate checks at once on the UI goroutine (tests).
	immediate bool
}

// proofRow is a row of the list: a kind's header (item nil) or a finding.
type proofRow struct {
	kind  string
	count int
	item  *proof.Item
}

// proofPanel is the editor's 校对 panel.
func proofPanel(s *Shell) fyne.CanvasObject {
	u := &proofUI{s: s}
	panelsOf(s).proof = u
	s.Listen(func(e Event) {
		switch e {
		case DraftOpened:
			u.loadIgnored()
			u.schedule()
		case TextChanged, ClauseTyped:
			u.schedule()
		}
	})
	obj := u.layout()
	u.loadIgnored()
	u.schedule()
	return obj
}

func (u *proofUI) layout() fyne.CanvasObject {
	u.head = widget.NewLabel("")
	u.head.Wrapping = fyne.TextWrapWord
	u.hints = widget.NewCheck(lang.L("Show hints"), func(bool) { u.schedule() })
	u.list = widget.NewList(func() int { return len(u.rows) }, newProofRow, u.updateRow)
	u.list.OnSelected = u.choose
	u.detail = widgets.NewRedline(nil)
	u.fixOne = widget.NewButtonWithIcon(lang.L("Apply fix"), theme.ConfirmIcon(), u.applyChosen)
	u.fixOne.Importance = widget.HighImportance
	u.fixKind = widget.NewButton(lang.L("Fix all of this kind"), u.applyKind)
	u.reason = widget.NewEntry()
	u.reason.SetPlaceHolder(lang.L("Reason for ignoring (remembered for this draft)"))
	u.ignore = widget.NewButtonWithIcon(lang.L("Ignore"), theme.VisibilityOffIcon(), u.ignoreChosen)
	u.status = widget.NewLabel("")
	u.status.Wrapping = fyne.TextWrapWord
	u.enableButtons()
	buttons := container.NewHBox(u.fixOne, u.fixKind)
	bottom := container.NewBorder(nil, container.NewVBox(buttons, container.NewBorder(nil, nil, nil, u.ignore, u.reason), u.status),
		nil, nil, container.NewVScroll(container.NewPadded(u.detail)))
	top := container.NewBorder(container.NewVBox(u.head, u.hints), nil, nil, nil, u.list)
	split := container.NewVSplit(top, bottom)
	split.Offset = 0.6
	return split
}

func newProofRow() fyne.CanvasObject {
	r := widget.NewRichText()
	r.Truncation = fyne.TextTruncateEllipsis
	return r
}

func (u *proofUI) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(u.rows) {
		return
	}
	r, rt := u.rows[i], o.(*widget.RichText)
	if r.item == nil {
		rt.Segments = []widget.RichTextSegment{widgets.BoldSeg(fmt.Sprintf("%s（%d）", r.kind, r.count))}
	} else {
		it := r.item
		line := 1 + strings.Count(u.text[:min(it.Start, len(u.text))], "\n")
		segs := []widget.RichTextSegment{widgets.MutedSeg(fmt.Sprintf("　%d　", line)), widgets.MarkSeg(shown(it.Text)), widgets.PlainSeg("　" + it.Message)}
		if it.Severity == proof.Hint {
			segs = append([]widget.RichTextSegment{widgets.MutedSeg(lang.L("(hint)"))}, segs...)
		}
		rt.Segments = segs
	}
	rt.Refresh()
}

// shown makes spaces and line breaks in a span visible.
func shown(s string) string {
	return strings.NewReplacer(" ", "␣", "\u3000", "␣", "\n", "⏎", "\r", "").Replace(s)
}

// current returns the text to check: the working text with the clause
// pane's pending keystrokes in place of the clause under the cursor.
func (u *proofUI) current() string {
	ss := &u.s.Session
	typed, ok := u.s.TypedClause()
	n := u.s.SelectedNode()
	if !ok || n == nil || n.BodySpan.End > len(ss.Text) {
		return ss.Text
	}
	return ss.Text[:n.BodySpan.Start] + typed + ss.Text[n.BodySpan.End:]
}

// schedule checks the text ProofDelay after the last call, off the UI
// goroutine.
func (u *proofUI) schedule() {
	u.gen++
	gen, text, opt := u.gen, u.current(), u.options()
	if u.timer != nil {
		u.timer.Stop()
	}
	if u.s.Session.DraftID == 0 || u.immediate {
		u.show(text, check(text, opt))
		return
	}
	u.timer = u.s.bg.after(ProofDelay, func() {
		items := check(text, opt)
		onUI(func() {
			if gen == u.gen {
				u.show(text, items)
			}
		})
	})
}

func (u *proofUI) options() proof.Options {
	ign := map[string]bool{}
	for k := range u.ignored {
		ign[k] = true
	}
	return proof.Options{Hints: u.hints.Checked, Organs: workspace.BuiltinOrgans(), Ignored: ign}
}

// check parses and checks text; nothing for an empty or unreadable text.
func check(text string, opt proof.Options) []proof.Item {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	doc, err := drafts.Parse(text)
	if err != nil {
		return nil
	}
	return proof.Check(doc, opt)
}

// show lists the items by kind, kinds in the order they first occur.
func (u *proofUI) show(text string, items []proof.Item) {
	keep := ""
	if u.chosen != nil {
		keep = u.chosen.Key(u.text)
	}
	u.text = text
	byKind := map[string][]*proof.Item{}
	var kinds []string
	for i := range items {
		it := &items[i]
		if byKind[it.Kind] == nil {
			kinds = append(kinds, it.Kind)
		}
		byKind[it.Kind] = append(byKind[it.Kind], it)
	}
	u.rows = u.rows[:0]
	reselect := -1
	for _, k := range kinds {
		u.rows = append(u.rows, proofRow{kind: k, count: len(byKind[k])})
		for _, it := range byKind[k] {
			if keep != "" && it.Key(text) == keep {
				reselect = len(u.rows)
			}
			u.rows = append(u.rows, proofRow{kind: k, item: it})
		}
	}
	u.chosen = nil
	u.list.UnselectAll()
	u.list.Refresh()
	u.detail.SetRuns(nil)
	switch {
	case u.s.Session.DraftID == 0:
		u.head.SetText(lang.L("Open a draft to proofread it."))
	case len(items) == 0:
		u.head.SetText(lang.L("No faults found."))
	default:
		u.head.SetText(lang.L("{{.N}} findings; click one to go to it.", map[string]any{"N": len(items)}))
	}
	if reselect >= 0 {
		u.list.Select(reselect)
	}
	u.enableButtons()
	u.computed = time.Now()
}

// choose shows row i's finding and puts the cursor on its place.
func (u *proofUI) choose(i widget.ListItemID) {
	if i < 0 || i >= len(u.rows) || u.rows[i].item == nil {
		u.chosen = nil
		u.enableButtons()
		return
	}
	it := u.rows[i].item
	u.chosen = it
	segs := []widget.RichTextSegment{widgets.BoldSeg(it.Message + "\n"), widgets.MutedSeg(lang.L("Rule: {{.Rule}}", map[string]any{"Rule": it.Rule}) + "\n")}
	before, after := it.Context(u.text)
	segs = append(segs, widgets.PlainSeg(before), widgets.MarkSeg(shown(it.Text)), widgets.PlainSeg(after+"\n"))
	if it.Fix != nil {
		segs = append(segs, widgets.PlainSeg(lang.L("Fix: {{.Fix}}", map[string]any{"Fix": "「" + shown(*it.Fix) + "」"})))
	}
	u.detail.SetRuns(widgets.RunsOf(segs))
	u.enableButtons()
	u.jump(it.Start)
}

// jump selects the node whose own text holds offset and puts the clause
// pane's cursor there.
func (u *proofUI) jump(offset int) {
	if u.text != u.s.Session.Text {
		return // pending keystrokes: the offsets are of the typed text
	}
	doc := u.s.Session.Doc
	if doc == nil {
		return
	}
	var at *drafts.Node
	doc.Walk(func(n, _ *drafts.Node) {
		if n.BodySpan.Start <= offset && offset < n.BodySpan.End {
			at = n
		}
	})
	u.s.Select(at)
	if at == nil || u.s.Session.entry == nil {
		return
	}
	setCursor(&u.s.Session.entry.Entry, utf8.RuneCountInString(u.s.Session.Text[at.BodySpan.Start:offset]))
}

// setCursor puts the entry's cursor at rune offset pos of its text. The
// entry counts rows as wrapped on screen, so the row is found by asking
// where each row starts.
func setCursor(e *widget.Entry, pos int) {
	row := 0
	for r := 1; ; r++ {
		e.CursorRow, e.CursorColumn = r, 0
		start := e.CursorTextOffset()
		if e.CursorRow != r || start > pos || start <= 0 {
			break
		}
		row = r
		if start == pos {
			break
		}
	}
	e.CursorRow, e.CursorColumn = row, 0
	e.CursorColumn = pos - e.CursorTextOffset()
	e.Refresh()
}

func (u *proofUI) enableButtons() {
	set := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	it := u.chosen
	set(u.fixOne, it != nil && len(it.Edits()) > 0)
	set(u.fixKind, it != nil && len(u.kindEdits(it.Kind)) > 0)
	set(u.ignore, it != nil)
}

// kindEdits are the fixes of every listed finding of a kind.
func (u *proofUI) kindEdits(kind string) []proof.Edit {
	var out []proof.Edit
	for _, r := range u.rows {
		if r.item != nil && r.item.Kind == kind {
			out = append(out, r.item.Edits()...)
		}
	}
	return out
}

// applyChosen applies the chosen finding's fix (all its places, for a
// fault repeated through the draft).
func (u *proofUI) applyChosen() {
	if u.chosen != nil {
		u.apply(u.chosen.Edits())
	}
}

// applyKind applies every fix of the chosen finding's kind as one edit.
func (u *proofUI) applyKind() {
	if u.chosen != nil {
		u.apply(u.kindEdits(u.chosen.Kind))
	}
}

// apply makes the edits in one change of the working text. They were
// found in u.text; pending keystrokes are written back first, and if the
// text moved on meanwhile the panel checks again instead.
func (u *proofUI) apply(edits []proof.Edit) {
	u.s.FlushClauseEdit()
	if u.text != u.s.Session.Text {
		u.status.SetText(lang.L("The text changed; the list is being refreshed. Try again."))
		u.schedule()
		return
	}
	text, skipped := proof.Apply(u.text, edits)
	u.s.record(undo.Fix, func() { u.s.setTextKeepingCursor(text) })
	msg := lang.L("{{.N}} places corrected.", map[string]any{"N": len(edits) - skipped})
	u.status.SetText(msg)
	u.immediateOnce()
}

// immediateOnce refreshes the list now, so that a fix's finding is gone
// when the button returns.
func (u *proofUI) immediateOnce() {
	was := u.immediate
	u.immediate = true
	u.schedule()
	u.immediate = was
}

// ignoreChosen hides the chosen finding for this draft, with the reason
// typed; the draft remembers it across sessions.
func (u *proofUI) ignoreChosen() {
	if u.chosen == nil || u.s.Session.DraftID == 0 {
		return
	}
	if u.ignored == nil {
		u.ignored = map[string]string{}
	}
	u.ignored[u.chosen.Key(u.text)] = strings.TrimSpace(u.reason.Text)
	u.saveIgnored()
	u.reason.SetText("")
	u.status.SetText(lang.L("Ignored for this draft."))
	u.immediateOnce()
}

func ignoredKey(id int64) string { return fmt.Sprintf("proof.ignored.%d", id) }

// loadIgnored reads the open draft's ignored findings from the
// preferences.
func (u *proofUI) loadIgnored() {
	u.draftID = u.s.Session.DraftID
	u.ignored = map[string]string{}
	if u.draftID == 0 {
		return
	}
	if raw := u.s.App.Preferences().String(ignoredKey(u.draftID)); raw != "" {
		_ = json.Unmarshal([]byte(raw), &u.ignored)
	}
}

func (u *proofUI) saveIgnored() {
	raw, _ := json.Marshal(u.ignored)
	u.s.App.Preferences().SetString(ignoredKey(u.s.Session.DraftID), string(raw))
}

// ProofItems returns the findings the 校对 panel lists (tests, fontshot).
func (s *Shell) ProofItems() []proof.Item {
	u := panelsOf(s).proof
	if u == nil {
		return nil
	}
	var out []proof.Item
	for _, r := range u.rows {
		if r.item != nil {
			out = append(out, *r.item)
		}
	}
	return out
}

// ChooseProofItem selects the panel's first finding of check id and
// reports whether there is one.
func (s *Shell) ChooseProofItem(id string) bool {
	u := panelsOf(s).proof
	if u == nil {
		return false
	}
	for i, r := range u.rows {
		if r.item != nil && r.item.ID == id {
			u.list.Select(i)
			return true
		}
	}
	return false
}
