package proof

import (
	"fmt"
	"strings"

	"qicao/drafts"
)

// Structure: numbering gaps, repeats and order in every sequence, a
// heading that lost its number, mixed label forms within one level, a
// space after a label.

// seqKey names one numbering sequence: a label family at a depth, and for
// a level that restarts under each parent, the parent.
type seqKey struct {
	family drafts.Family
	level  int
	parent *drafts.Node
}

// sequences groups the document's nodes by numbering sequence, each in
// document order. A level runs on across parents (000's clauses 1.–28.)
// when more of its later groups start above one than at one.
func sequences(d *drafts.Document) (map[seqKey][]*drafts.Node, []seqKey) {
	type lk struct {
		f drafts.Family
		l int
	}
	firsts := map[lk][]int{}
	seen := map[*drafts.Node]map[lk]bool{}
	d.Walk(func(n, parent *drafts.Node) {
		if n.Label == "" {
			return
		}
		k := lk{n.Style.Family, n.Level}
		if seen[parent] == nil {
			seen[parent] = map[lk]bool{}
		}
		if !seen[parent][k] {
			seen[parent][k] = true
			firsts[k] = append(firsts[k], n.Ordinal)
		}
	})
	runsOn := map[lk]bool{}
	for k, fs := range firsts {
		on, restart := 0, 0
		for _, f := range fs[1:] {
			if f > 1 {
				on++
			} else {
				restart++
			}
		}
		runsOn[k] = on > restart
	}
	out := map[seqKey][]*drafts.Node{}
	var order []seqKey
	d.Walk(func(n, parent *drafts.Node) {
		if n.Label == "" {
			return
		}
		k := seqKey{n.Style.Family, n.Level, parent}
		if runsOn[lk{n.Style.Family, n.Level}] {
			k.parent = nil
		}
		if out[k] == nil {
			order = append(order, k)
		}
		out[k] = append(out[k], n)
	})
	return out, order
}

// checkNumbering reports, in each sequence, a number skipped, a number
// used twice, a number out of order, and a heading among numbered
// siblings that lost its number. One wrong number is one finding: the
// count goes on from what the numbers around it show (a 第六十条 between
// 第五条 and 第七条 is a slip for 第六条, not the start of a run of
// 第七条 … 第二十条 out of order).
func checkNumbering(c *checker) {
	seqs, order := sequences(c.doc)
	unnumberedBefore := afterUnnumbered(c.doc)
	for _, k := range order {
		prev := 0
		var prevNode *drafts.Node
		for i, n := range seqs[k] {
			if unnumberedBefore[n] {
				prev++ // the heading before it lost its number: checkUnnumbered reports it
			}
			var next *drafts.Node
			if i+1 < len(seqs[k]) {
				next = seqs[k][i+1]
			}
			want := prev + 1
			if n.Ordinal == want {
				prev, prevNode = n.Ordinal, n
				continue
			}
			// slip: the number after is the one after want, so this one
			// stands where want should.
			slip := next != nil && next.Ordinal == want+1 && next.Ordinal != n.Ordinal
			switch {
			case n.Ordinal == prev && prevNode != nil:
				c.add("structure.repeat", Finding, KindStructure, RuleFormat,
					fmt.Sprintf("编号%s与上一个同级编号重复", n.Label), n.LabelSpan.Start, n.LabelSpan.End,
					fixIf(slip, n.Style.Format(want)))
			case n.Ordinal > want:
				msg := fmt.Sprintf("编号跳过了%s：上一个同级编号是%s", n.Style.Format(want), labelOr(prevNode))
				// the number after is this one again, the one after want, or none: this one is the slip
				sure := next == nil || next.Ordinal <= n.Ordinal || slip
				c.add("structure.gap", Finding, KindStructure, RuleFormat, msg, n.LabelSpan.Start, n.LabelSpan.End,
					fixIf(sure, n.Style.Format(want)))
				c.skipped = append(c.skipped, skippedLabel{len(c.raw) - 1, n.Style.Format(want)})
			default:
				c.add("structure.order", Finding, KindStructure, RuleFormat,
					fmt.Sprintf("编号%s排在%s之后，顺序颠倒", n.Label, labelOr(prevNode)),
					n.LabelSpan.Start, n.LabelSpan.End, fixIf(slip, n.Style.Format(want)))
			}
			prev, prevNode = resync(prev, want, n, next, slip), n
		}
	}
	checkUnnumbered(c, c.doc.Nodes)
	c.doc.Walk(func(n, _ *drafts.Node) { checkUnnumbered(c, n.Children) })
}

// resync returns the number the count goes on from after a wrong number
// n: n's own when the number after follows it or repeats it (the numbers
// jump, or restart, at n), want when n was a slip for it, else the
// larger of the two so far.
func resync(prev, want int, n, next *drafts.Node, slip bool) int {
	switch {
	case next != nil && (next.Ordinal == n.Ordinal+1 || next.Ordinal == n.Ordinal):
		return n.Ordinal
	case slip:
		return want
	}
	return max(prev, n.Ordinal)
}

// fixIf returns the fix s when sure, else none.
func fixIf(sure bool, s string) *string {
	if !sure {
		return nil
	}
	return fix(s)
}

// afterUnnumbered returns the nodes whose sibling just before has no
// label.
func afterUnnumbered(d *drafts.Document) map[*drafts.Node]bool {
	out := map[*drafts.Node]bool{}
	mark := func(sibs []*drafts.Node) {
		for i := 1; i < len(sibs); i++ {
			if sibs[i-1].Label == "" {
				out[sibs[i]] = true
			}
		}
	}
	mark(d.Nodes)
	d.Walk(func(m, _ *drafts.Node) { mark(m.Children) })
	return out
}

func labelOr(n *drafts.Node) string {
	if n == nil {
		return "（无）"
	}
	return n.Label
}

// checkUnnumbered reports a node without a label among labelled siblings
// of one family (000's bare 重点任务 between 二、 and 四、), with the label
// it should have.
func checkUnnumbered(c *checker, sibs []*drafts.Node) {
	for i, n := range sibs {
		if n.Label != "" {
			continue
		}
		var before, after *drafts.Node
		for j := i - 1; j >= 0 && before == nil; j-- {
			if sibs[j].Label != "" {
				before = sibs[j]
			}
		}
		for j := i + 1; j < len(sibs) && after == nil; j++ {
			if sibs[j].Label != "" {
				after = sibs[j]
			}
		}
		ref := before
		if ref == nil {
			ref = after
		}
		if ref == nil {
			continue
		}
		want := 1
		if before != nil {
			want = before.Ordinal + 1
		} else {
			want = after.Ordinal - 1
		}
		start := headingStart(c.src, n)
		end := start + len(firstLine(c.src[start:]))
		var f *string
		if want > 0 && (after == nil || after.Ordinal == want+1) {
			f = fix(ref.Style.Format(want) + c.src[start:end])
		}
		c.add("structure.unnumbered", Finding, KindStructure, RuleFormat,
			fmt.Sprintf("标题「%s」缺少编号，按上下文应为%s", strings.TrimSpace(c.src[start:end]), ref.Style.Format(max(want, 1))),
			start, end, f)
	}
}

// headingStart returns where a node's text starts in the source, leading
// spaces skipped.
func headingStart(src string, n *drafts.Node) int {
	p := n.Span.Start
	for p < len(src) && (src[p] == ' ' || src[p] == '\t' || src[p] == '\n' || src[p] == '\r') {
		p++
	}
	if strings.HasPrefix(src[p:], "\u3000") {
		p += len("\u3000")
	}
	return p
}

func firstLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// checkLabelStyles reports labels of one level written in a form other
// than the level's majority (（一） among (一), 1、 among 1.).
func checkLabelStyles(c *checker) {
	type lk struct {
		f drafts.Family
		l int
	}
	forms := map[lk]map[string]int{}
	c.doc.Walk(func(n, _ *drafts.Node) {
		if n.Label == "" {
			return
		}
		k := lk{n.Style.Family, n.Level}
		if forms[k] == nil {
			forms[k] = map[string]int{}
		}
		forms[k][n.Style.Form]++
	})
	c.doc.Walk(func(n, _ *drafts.Node) {
		if n.Label == "" {
			return
		}
		fs := forms[lk{n.Style.Family, n.Level}]
		major, count, total := "", 0, 0
		for f, k := range fs {
			total += k
			if k > count || k == count && f < major {
				major, count = f, k
			}
		}
		if fullWidthForm(n.Style.Form) != n.Style.Form {
			want := drafts.Style{Family: n.Style.Family, Form: fullWidthForm(n.Style.Form)}.Format(n.Ordinal)
			c.add("label.style", Finding, KindStructure, RuleFormat,
				fmt.Sprintf("编号%s应使用全角括号", n.Label), n.LabelSpan.Start, n.LabelSpan.End, fix(want))
			return
		}
		if n.Style.Form == major || count*2 <= total || fullWidthForm(major) == n.Style.Form {
			return
		}
		want := drafts.Style{Family: n.Style.Family, Form: major}.Format(n.Ordinal)
		c.add("label.style", Finding, KindStructure, RuleMajority,
			fmt.Sprintf("同级编号多数写作%s，此处写作%s", drafts.Style{Family: n.Style.Family, Form: major}.Format(1), n.Label),
			n.LabelSpan.Start, n.LabelSpan.End, fix(want))
	})
}

// fullWidthForm returns a label form with full-width brackets: (%s) → （%s）.
func fullWidthForm(form string) string {
	if !strings.ContainsAny(form, "()") {
		return form
	}
	return strings.ReplaceAll(strings.ReplaceAll(form, "(", "（"), ")", "）")
}

// checkLabelSpace reports spaces between a label and its text (28. 强化).
// A 第X章 or 第X条 is followed by a space by convention (法规 set their
// article numbers off with one: 第一条　为了…), so those are left alone.
func checkLabelSpace(c *checker) {
	c.doc.Walk(func(n, _ *drafts.Node) {
		if n.Label == "" || n.Style.Family.Rank() > 0 {
			return
		}
		p := n.LabelSpan.End
		q := p
		for q < len(c.src) && (c.src[q] == ' ' || c.src[q] == '\t' || strings.HasPrefix(c.src[q:], "\u3000")) {
			if c.src[q] == ' ' || c.src[q] == '\t' {
				q++
			} else {
				q += len("\u3000")
			}
		}
		if q > p && q < len(c.src) && c.src[q] != '\n' && c.src[q] != '\r' {
			c.add("space.after-label", Finding, KindNumber, RuleFormat,
				fmt.Sprintf("编号%s与正文之间多了空格", n.Label), p, q, fix(""))
		}
	})
}
