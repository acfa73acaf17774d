// Package undo is the document-level undo and redo of a draft's working
// text: every change the officer makes — typing, inserting, moving,
// deleting, renumbering, promoting, a template or a suggestion put in, a
// version restored, a clean-up, a replace-all — is one step, kept across
// clause switches, and undone or redone in order. A saved version is a
// boundary: the window resets the history when it saves one.
//
// A step is kept as the one splice that turns the text before into the
// text after (the common head and tail left out), so a long history of
// a large draft stays small. The package does no I/O and knows nothing of
// the window.
package undo

// Kind names a change as the undo menu shows it (撤销插入建议).
type Kind string

// The kinds of change.
const (
	Typing     Kind = "输入"
	Insert     Kind = "插入条款"
	Move       Kind = "移动"
	Delete     Kind = "删除"
	Renumber   Kind = "重新编号"
	Promote    Kind = "升级"
	Demote     Kind = "降级"
	Template   Kind = "插入模板"
	Suggestion Kind = "插入建议"
	Restore    Kind = "恢复版本"
	CleanUp    Kind = "清理"
	Replace    Kind = "替换"
	Fix        Kind = "校对修改"
)

// Limits of a history: the oldest steps go first.
const (
	MaxSteps = 500
	MaxBytes = 32 << 20
)

// step turns text A into text B: B = A[:at] + new + A[at+len(old):].
type step struct {
	kind     Kind
	at       int
	old, new string
	// Cursors are byte offsets of the node under the cursor before and
	// after the change, -1 for none.
	cursorBefore, cursorAfter int
}

func (s step) size() int { return len(s.old) + len(s.new) }

// History is the undo and redo stacks of one draft's working text. The
// zero value is an empty history.
type History struct {
	done, undone []step
	// merging is true while the last step is typing that more typing in
	// the same place continues.
	merging bool
	bytes   int // the size of the done steps
}

// Record adds the change from before to after as one step and forgets
// what was undone. Typing continues the last step when that was typing
// at the same cursor and no Seal came between. A change that changes
// nothing is not recorded.
func (h *History) Record(kind Kind, before, after string, cursorBefore, cursorAfter int) {
	if before == after {
		return
	}
	h.undone = nil
	if kind == Typing && h.merging && len(h.done) > 0 {
		top := h.done[len(h.done)-1]
		if top.cursorAfter == cursorAfter && top.left(before) {
			h.pop()
			orig := top.revert(before)
			h.push(diff(kind, orig, after, top.cursorBefore, cursorAfter))
			return
		}
	}
	h.push(diff(kind, before, after, cursorBefore, cursorAfter))
	h.merging = kind == Typing
}

// left reports whether text can be what s left: its new part stands
// where s put it.
func (s step) left(text string) bool {
	return s.at+len(s.new) <= len(text) && text[s.at:s.at+len(s.new)] == s.new
}

// found reports whether text can be what s started from.
func (s step) found(text string) bool {
	return s.at+len(s.old) <= len(text) && text[s.at:s.at+len(s.old)] == s.old
}

// Seal ends the typing step in progress: the next typing is a step of its
// own (the cursor moved to another clause, the clause pane lost focus).
func (h *History) Seal() { h.merging = false }

// Reset forgets every step: another draft was opened or a version saved.
func (h *History) Reset() { *h = History{} }

// CanUndo reports whether there is a step to undo, and its kind.
func (h *History) CanUndo() (Kind, bool) { return topKind(h.done) }

// CanRedo reports whether there is a step to redo, and its kind.
func (h *History) CanRedo() (Kind, bool) { return topKind(h.undone) }

func topKind(s []step) (Kind, bool) {
	if len(s) == 0 {
		return "", false
	}
	return s[len(s)-1].kind, true
}

// Len returns the number of steps that can be undone and redone.
func (h *History) Len() (undo, redo int) { return len(h.done), len(h.undone) }

// Result is the outcome of an undo or redo: the text to make the working
// text and where to put the cursor (-1 for nowhere in particular).
type Result struct {
	Text   string
	Cursor int
	Kind   Kind
}

// Undo reverts the last step on text, the current working text. It
// reports false, and forgets the history, when there is nothing to undo
// or text is not what the last step left (it changed behind the
// history's back, as when another version was restored without it).
func (h *History) Undo(text string) (Result, bool) {
	if len(h.done) == 0 {
		return Result{}, false
	}
	s := h.done[len(h.done)-1]
	if !s.left(text) {
		h.Reset()
		return Result{}, false
	}
	h.pop()
	h.undone = append(h.undone, s)
	h.merging = false
	return Result{s.revert(text), s.cursorBefore, s.kind}, true
}

// Redo makes again the last step undone, on text.
func (h *History) Redo(text string) (Result, bool) {
	if len(h.undone) == 0 {
		return Result{}, false
	}
	s := h.undone[len(h.undone)-1]
	if !s.found(text) {
		h.Reset()
		return Result{}, false
	}
	h.undone = h.undone[:len(h.undone)-1]
	h.push(s)
	h.merging = false
	return Result{text[:s.at] + s.new + text[s.at+len(s.old):], s.cursorAfter, s.kind}, true
}

// revert turns the text a step produced back into the text before it.
func (s step) revert(text string) string {
	return text[:s.at] + s.old + text[s.at+len(s.new):]
}

func (h *History) push(s step) {
	h.done = append(h.done, s)
	h.bytes += s.size()
	for len(h.done) > 1 && (len(h.done) > MaxSteps || h.bytes > MaxBytes) {
		h.bytes -= h.done[0].size()
		h.done = h.done[1:]
	}
}

func (h *History) pop() {
	s := h.done[len(h.done)-1]
	h.done = h.done[:len(h.done)-1]
	h.bytes -= s.size()
}

// diff returns the step from a to b: the part between their common head
// and tail.
func diff(kind Kind, a, b string, cursorBefore, cursorAfter int) step {
	head := commonPrefix(a, b)
	tail := commonSuffix(a[head:], b[head:])
	return step{kind: kind, at: head, old: a[head : len(a)-tail], new: b[head : len(b)-tail],
		cursorBefore: cursorBefore, cursorAfter: cursorAfter}
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

func commonSuffix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}
