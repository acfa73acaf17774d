package drafts

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"qicao/drafts/norm"
)

// OpKind says what an Op does. Its value is the byte the JSON form and
// the fuzz corpora write: '=', '-', '+', '~'.
type OpKind byte

// The kinds of op.
const (
	OpEqual  OpKind = '=' // kept
	OpDelete OpKind = '-' // deleted
	OpInsert OpKind = '+' // inserted
	OpForm   OpKind = '~' // a change of form only: punctuation width or whitespace, e.g. ， for ,
)

// String returns the kind's byte as a string: "=", "-", "+", "~".
func (k OpKind) String() string { return string(rune(k)) }

// Op is one step of the character-level changes inside a pair of clauses.
// The OpEqual and OpDelete texts, with Text of OpForm, concatenate to the
// old clause text; the OpEqual and OpInsert texts, with New of OpForm, to
// the new one.
type Op struct {
	Kind OpKind
	// Text is the text kept, deleted or inserted; for '~' the old form.
	Text string
	// New is the new form for '~'; empty otherwise.
	New string
}

// MarshalJSON writes an op as ["=","…"], or ["~","old form","new form"].
func (o Op) MarshalJSON() ([]byte, error) {
	if o.Kind == OpForm {
		return json.Marshal([]string{"~", o.Text, o.New})
	}
	return json.Marshal([]string{o.Kind.String(), o.Text})
}

// UnmarshalJSON reads the form MarshalJSON writes.
func (o *Op) UnmarshalJSON(b []byte) error {
	var parts []string
	if err := json.Unmarshal(b, &parts); err != nil {
		return err
	}
	if len(parts) < 2 || len(parts[0]) != 1 || strings.IndexByte("=-+~", parts[0][0]) < 0 {
		return fmt.Errorf("drafts: bad op %s", b)
	}
	*o = Op{Kind: OpKind(parts[0][0]), Text: parts[1]}
	if o.Kind == OpForm {
		if len(parts) != 3 {
			return fmt.Errorf("drafts: bad op %s", b)
		}
		o.New = parts[2]
	}
	return nil
}

// OldText rebuilds the old text from ops.
func OldText(ops []Op) string {
	var b strings.Builder
	for _, o := range ops {
		if o.Kind != OpInsert {
			b.WriteString(o.Text)
		}
	}
	return b.String()
}

// NewText rebuilds the new text from ops.
func NewText(ops []Op) string {
	var b strings.Builder
	for _, o := range ops {
		switch o.Kind {
		case OpEqual, OpInsert:
			b.WriteString(o.Text)
		case OpForm:
			b.WriteString(o.New)
		}
	}
	return b.String()
}

// runeText is a string cut into runes, remembering where each rune's bytes
// are so that invalid UTF-8 survives the round trip exactly.
type runeText struct {
	s    string
	at   []int  // at[i] is the byte offset of rune i; at[len] == len(s)
	form []rune // the rune's form: punctuation and width folded, for diffing
}

func newRuneText(s string) runeText {
	t := runeText{s: s, at: make([]int, 0, len(s)+1), form: make([]rune, 0, len(s))}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		t.at = append(t.at, i)
		t.form = append(t.form, formOf(r))
		i += n
	}
	t.at = append(t.at, len(s))
	return t
}

func (t runeText) slice(i, j int) string { return t.s[t.at[i]:t.at[j]] }

// formOf folds what SameUpToForm counts as form: punctuation width and
// style, full-width digits and letters, and every kind of whitespace.
func formOf(r rune) rune {
	switch {
	case norm.IsSpace(r):
		return ' '
	case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
		return r - 0xFEE0
	}
	return norm.FoldPunct(r)
}

// diffOps returns the character-level ops turning old into new, cleaned
// up to read as whole phrases.
func diffOps(old, new string) []Op {
	if old == new {
		if old == "" {
			return nil
		}
		return []Op{{Kind: OpEqual, Text: old}}
	}
	a, b := newRuneText(old), newRuneText(new)
	var ops opBuilder
	i, j := 0, 0
	for _, d := range phraseDiff(a.form, b.form) {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			ops.equal(a, b, i, j, n)
			i, j = i+n, j+n
		case diffmatchpatch.DiffDelete:
			ops.add(Op{Kind: OpDelete, Text: a.slice(i, i+n)})
			i += n
		case diffmatchpatch.DiffInsert:
			ops.add(Op{Kind: OpInsert, Text: b.slice(j, j+n)})
			j += n
		}
	}
	return absorbLoneRunes(wholeNumbers(formOnlySpaces(ops.ops)))
}

// phraseDiff diffs two rune sequences and cleans the result for a reader:
// one- and two-character matches between edits are folded into them, and
// a pair of texts with little in common becomes one deletion and one
// insertion. go-diff's DiffCleanupSemantic is not used: in Chinese, where
// a word is two characters, its cascade swallows real phrases (技改提级
// between two edits).
func phraseDiff(a, b []rune) []diffmatchpatch.Diff {
	dmp := diffmatchpatch.New()
	// Clauses are short: diff them fully, so that the same texts always
	// give the same changes however busy the machine is. Only for huge
	// texts is a coarser diff better than a long wait.
	dmp.DiffTimeout = 0
	if len(a)+len(b) > hugeDiff {
		dmp.DiffTimeout = time.Second
	}
	diffs := dmp.DiffCleanupMerge(dmp.DiffMainRunes(a, b, false))
	diffs = absorbShortEqualities(dmp, diffs)
	if kept := equalRunes(diffs); 2*kept*100 < minShared*(len(a)+len(b)) {
		return replaceAll(a, b)
	}
	return diffs
}

// absorbShortEqualities folds a short match between two edits into them:
// one character always (but a punctuation mark, which separates two edits
// naturally), two characters when the edits on both sides are longer.
// [-泰安-]{+各县、+}市[-…-] reads better as one change, and in rewritten
// text the common words (科技, 企业) match by chance.
func absorbShortEqualities(dmp *diffmatchpatch.DiffMatchPatch, diffs []diffmatchpatch.Diff) []diffmatchpatch.Diff {
	// DiffCleanupMerge factors common prefixes and suffixes out of edits,
	// which can make new short equalities: a few passes are enough, and the
	// bound keeps it from going round for ever.
	for range 8 {
		out := make([]diffmatchpatch.Diff, 0, len(diffs)+4)
		changed := false
		for k, d := range diffs {
			if k > 0 && k+1 < len(diffs) && chaff(diffs, k) {
				out = append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffDelete, Text: d.Text},
					diffmatchpatch.Diff{Type: diffmatchpatch.DiffInsert, Text: d.Text})
				changed = true
				continue
			}
			out = append(out, d)
		}
		if !changed {
			return diffs
		}
		diffs = dmp.DiffCleanupMerge(out)
	}
	return diffs
}

// chaff reports whether diffs[k] is a match too short to show between
// the edits around it.
func chaff(diffs []diffmatchpatch.Diff, k int) bool {
	d := diffs[k]
	n := utf8.RuneCountInString(d.Text)
	if d.Type != diffmatchpatch.DiffEqual || n > 2 {
		return false
	}
	before, after := editSize(diffs, k, -1), editSize(diffs, k, +1)
	if before == 0 || after == 0 {
		return false
	}
	if n == 1 {
		r, _ := utf8.DecodeRuneInString(d.Text)
		return !norm.IsPunct(r)
	}
	return n < before && n < after
}

// editSize is the length of the longer of the deletion and insertion
// next to diffs[k] in direction dir; 0 if an equality is next.
func editSize(diffs []diffmatchpatch.Diff, k, dir int) int {
	del, ins := 0, 0
	for i := k + dir; i >= 0 && i < len(diffs) && diffs[i].Type != diffmatchpatch.DiffEqual; i += dir {
		if diffs[i].Type == diffmatchpatch.DiffDelete {
			del += utf8.RuneCountInString(diffs[i].Text)
		} else {
			ins += utf8.RuneCountInString(diffs[i].Text)
		}
	}
	return max(del, ins)
}

// hugeDiff is the length, in characters of both texts, above which a
// diff may stop early.
const hugeDiff = 40000

// minShared is the share of characters, in percent, that two texts must
// keep in common for their diff to be shown piece by piece.
const minShared = 15

func equalRunes(diffs []diffmatchpatch.Diff) int {
	n := 0
	for _, d := range diffs {
		if d.Type == diffmatchpatch.DiffEqual {
			n += utf8.RuneCountInString(d.Text)
		}
	}
	return n
}

func replaceAll(a, b []rune) []diffmatchpatch.Diff {
	var out []diffmatchpatch.Diff
	if len(a) > 0 {
		out = append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffDelete, Text: string(a)})
	}
	if len(b) > 0 {
		out = append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffInsert, Text: string(b)})
	}
	return out
}

// opBuilder appends ops, joining neighbours of the same kind.
type opBuilder struct{ ops []Op }

func (ob *opBuilder) add(o Op) {
	if o.Text == "" && o.New == "" {
		return
	}
	ob.ops = appendJoined(ob.ops, o)
}

// equal adds the ops for n runes that are equal in form from a[i] and
// b[j]: '=' where the bytes agree, '~' where only the form differs, and a
// deletion with an insertion where the bytes differ otherwise (two
// different invalid bytes).
func (ob *opBuilder) equal(a, b runeText, i, j, n int) {
	for k := 0; k < n; {
		start, kind := k, runeKind(a, b, i+k, j+k)
		for k < n && runeKind(a, b, i+k, j+k) == kind {
			k++
		}
		old, new := a.slice(i+start, i+k), b.slice(j+start, j+k)
		switch kind {
		case OpEqual:
			ob.add(Op{Kind: OpEqual, Text: old})
		case OpForm:
			ob.add(Op{Kind: OpForm, Text: old, New: new})
		default:
			ob.add(Op{Kind: OpDelete, Text: old})
			ob.add(Op{Kind: OpInsert, Text: new})
		}
	}
}

func runeKind(a, b runeText, i, j int) OpKind {
	x, y := a.slice(i, i+1), b.slice(j, j+1)
	switch {
	case x == y:
		return OpEqual
	case utf8.ValidString(x) && utf8.ValidString(y) && norm.SameUpToForm(x, y):
		return OpForm
	}
	return '!' // an edit: a deletion and an insertion
}

// formOnlySpaces turns deletions and insertions of nothing but whitespace,
// with no other edit beside them, into '~' ops: 500 万元 against 500万元.
func formOnlySpaces(ops []Op) []Op {
	out := ops[:0]
	for k := 0; k < len(ops); k++ {
		o := ops[k]
		if o.Kind != OpDelete && o.Kind != OpInsert || !isBlank(o.Text) {
			out = append(out, o)
			continue
		}
		tilde := Op{Kind: OpForm}
		if o.Kind == OpDelete {
			tilde.Text = o.Text
			if k+1 < len(ops) && ops[k+1].Kind == OpInsert {
				if !isBlank(ops[k+1].Text) {
					out = append(out, o)
					continue
				}
				tilde.New = ops[k+1].Text
				k++
			}
		} else {
			tilde.New = o.Text
		}
		out = appendJoined(out, tilde)
	}
	return out
}

// appendJoined appends o, joined to the last op if that is of its kind.
func appendJoined(ops []Op, o Op) []Op {
	if n := len(ops); n > 0 && ops[n-1].Kind == o.Kind {
		ops[n-1].Text += o.Text
		ops[n-1].New += o.New
		return ops
	}
	return append(ops, o)
}

func isBlank(s string) bool {
	for _, r := range s {
		if !norm.IsSpace(r) {
			return false
		}
	}
	return s != ""
}

// wholeNumbers widens an edit that changes part of a number to the whole
// number, so that 突破1[-2-]{+3+}00家 reads 突破[-1200-]{+1300+}家. The digits
// taken from the matches on either side go into both the deletion and the
// insertion, which keeps both texts as they were.
func wholeNumbers(ops []Op) []Op {
	out := make([]Op, 0, len(ops))
	for k := 0; k < len(ops); {
		if ops[k].Kind != OpDelete && ops[k].Kind != OpInsert {
			out = append(out, ops[k])
			k++
			continue
		}
		end, absorbed := k, false
		var old, new strings.Builder
		for ; end < len(ops); end++ {
			switch {
			case ops[end].Kind == OpDelete:
				old.WriteString(ops[end].Text)
			case ops[end].Kind == OpInsert:
				new.WriteString(ops[end].Text)
			case insideNumber(ops, end):
				old.WriteString(ops[end].Text) // 2[.]8 between two edits of one number
				new.WriteString(ops[end].Text)
				absorbed = true
			default:
				goto grouped
			}
		}
	grouped:
		o, n := old.String(), new.String()
		var head, tail string
		if prev := len(out) - 1; prev >= 0 && out[prev].Kind == OpEqual && startsWithDigit(o, n) {
			kept, digits := cutTrailingDigits(out[prev].Text)
			if digits != "" {
				head = digits
				if out[prev].Text = kept; kept == "" {
					out = out[:prev]
				}
			}
		}
		var after *Op
		if end < len(ops) && ops[end].Kind == OpEqual && endsWithDigit(o, n) {
			digits, rest := cutLeadingDigits(ops[end].Text)
			tail = digits
			if tail != "" {
				after = &Op{Kind: OpEqual, Text: rest}
			}
		}
		if head == "" && tail == "" && !absorbed {
			out = append(out, ops[k:end]...)
			k = end
			continue
		}
		out = appendOp(out, Op{Kind: OpDelete, Text: head + o + tail})
		out = appendOp(out, Op{Kind: OpInsert, Text: head + n + tail})
		k = end
		if after != nil {
			k++
			out = appendOp(out, *after)
		}
	}
	return out
}

// insideNumber reports whether ops[k] is a match of digits or a decimal
// point between two edits, both touching it with digits: the middle of one
// number that changed in two places.
func insideNumber(ops []Op, k int) bool {
	if ops[k].Kind != OpEqual || k == 0 || k+1 >= len(ops) || ops[k+1].Kind != OpDelete && ops[k+1].Kind != OpInsert {
		return false
	}
	for _, r := range ops[k].Text {
		if !isDigit(r) && r != '.' {
			return false
		}
	}
	return endsWithDigit(ops[k-1].Text) && startsWithDigit(ops[k+1].Text)
}

// appendOp appends o unless it carries no text.
func appendOp(ops []Op, o Op) []Op {
	if o.Text == "" && o.New == "" {
		return ops
	}
	return append(ops, o)
}

// isDigit reports whether r is a digit, ASCII or full-width.
func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func startsWithDigit(ss ...string) bool {
	for _, s := range ss {
		if r, _ := utf8.DecodeRuneInString(s); isDigit(r) {
			return true
		}
	}
	return false
}

func endsWithDigit(ss ...string) bool {
	for _, s := range ss {
		if r, _ := utf8.DecodeLastRuneInString(s); isDigit(r) {
			return true
		}
	}
	return false
}

// cutTrailingDigits splits s before its trailing run of digits (with any
// decimal points inside it).
func cutTrailingDigits(s string) (kept, digits string) {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !isDigit(r) && !(r == '.' && i < len(s)) {
			break
		}
		i -= size
	}
	if strings.HasPrefix(s[i:], ".") {
		i++
	}
	return s[:i], s[i:]
}

// cutLeadingDigits splits s after its leading run of digits.
func cutLeadingDigits(s string) (digits, rest string) {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isDigit(r) && !(r == '.' && i > 0 && startsWithDigit(s[i+size:])) {
			break
		}
		i += size
	}
	return s[:i], s[i:]
}

// absorbLoneRunes folds a single kept character (not a punctuation mark)
// between two edits into them, as phraseDiff does before numbers are
// widened: [-200-]{+不少于300+}名[-以上-] reads [-200名以上-]{+不少于300名+}.
func absorbLoneRunes(ops []Op) []Op {
	out := make([]Op, 0, len(ops))
	var del, ins strings.Builder
	inEdit := false
	flush := func() {
		out = appendOp(out, Op{Kind: OpDelete, Text: del.String()})
		out = appendOp(out, Op{Kind: OpInsert, Text: ins.String()})
		del.Reset()
		ins.Reset()
		inEdit = false
	}
	for k, o := range ops {
		switch {
		case o.Kind == OpDelete:
			del.WriteString(o.Text)
			inEdit = true
		case o.Kind == OpInsert:
			ins.WriteString(o.Text)
			inEdit = true
		case inEdit && o.Kind == OpEqual && loneRune(o.Text) && k+1 < len(ops) && isEdit(ops[k+1]):
			del.WriteString(o.Text)
			ins.WriteString(o.Text)
		default:
			if inEdit {
				flush()
			}
			out = append(out, o)
		}
	}
	if inEdit {
		flush()
	}
	return out
}

func isEdit(o Op) bool { return o.Kind == OpDelete || o.Kind == OpInsert }

func loneRune(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return size == len(s) && r != utf8.RuneError && !norm.IsPunct(r) && !norm.IsSpace(r)
}
