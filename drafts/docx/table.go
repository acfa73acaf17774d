package docx

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"qicao/drafts"
	"qicao/drafts/norm"
	"qicao/drafts/redline"
)

// The landscape A4 page of the comparison table: 25 mm margins all
// round, a text block of 247 × 160 mm.
const (
	tableMargin = 1417 // 25 mm
	tableFooter = 850  // 15 mm
)

// The columns of the table, in twips; they fill the 14004-twip text block.
var tableColumns = []int{680, 5350, 5350, 2624}

// WriteTable writes the comparison c as a 修改对照表 on landscape A4: one
// row per changed clause or section with the old text (deletions struck
// through), the new text (insertions underlined) and a 修改说明 prefilled
// with the kind of change (redline.Name: 新增 / 删除 / 合并 / 拆分 / 修改 / 移动) and
// the targets whose figures changed. Unchanged clauses are left out;
// changes of form only are unmarked unless opt.Strict.
func WriteTable(w io.Writer, c *drafts.Comparison, opt Options) error {
	pg := page{Width: pageHeight, Height: pageWidth, Landscape: true, Top: tableMargin, Bottom: tableMargin,
		Inside: tableMargin, Outside: tableMargin, Header: tableFooter, Footer: tableFooter, LinePitch: linePitch}
	title := c.New.Title + "修改对照表"
	return writePackage(w, pg, tableBlocks(c, opt), title, opt)
}

// tableBlocks lays out the heading, the summary and the table.
func tableBlocks(c *drafts.Comparison, opt Options) []block {
	head := []block{
		{P: &paragraph{Style: styleTitle, Runs: []run{{Text: c.New.Title}}}},
		{P: &paragraph{Style: styleTitle, Runs: []run{{Text: "修改对照表"}}}},
		{P: &paragraph{Style: styleStatus, Runs: []run{{Text: "（" + versionName(c.Old) + " → " + versionName(c.New) + "）"}}}},
		{P: &paragraph{Style: styleAddressee, Runs: []run{{Text: summaryText(c.Summary)}}}},
	}
	t := &table{Widths: tableColumns, Header: []cell{
		headCell("序号"), headCell("修改前"), headCell("修改后"), headCell("修改说明")}}
	for i, r := range tableRows(c, opt.Strict) {
		t.Rows = append(t.Rows, []cell{textCell(strconv.Itoa(i + 1)), r.old, r.new, r.note})
	}
	return append(head, block{Table: t})
}

// versionName names a version by its 文号, else its status, else 原稿.
func versionName(m drafts.Meta) string {
	switch {
	case m.Number != "":
		return m.Number
	case m.Status != "":
		return m.Status
	}
	return "原稿"
}

// summaryText counts the changes for the line above the table.
func summaryText(s drafts.Summary) string {
	return fmt.Sprintf("共修改 %d 条，新增 %d 条，删除 %d 条，合并 %d 条，拆分 %d 条，%s %d 条。",
		s.Modified, s.Added, s.Deleted, s.Merged, s.Split, redline.Name(drafts.PairMoved), s.Moved)
}

// row is one changed clause (or group of clauses merged or split).
type row struct{ old, new, note cell }

// tableRows returns a row per changed pair, the pairs of a merger or a
// split gathered into one row where the first of them stands.
func tableRows(c *drafts.Comparison, strict bool) []row {
	groups := map[*drafts.Node][]drafts.Pair{}
	var order []*drafts.Node // group key of each row, nil for a single pair
	var singles []drafts.Pair
	for _, p := range c.Pairs {
		if p.Kind == drafts.PairUnchanged {
			continue
		}
		k := groupKey(p)
		if k == nil || len(groups[k]) == 0 {
			order = append(order, k)
			singles = append(singles, p)
		}
		if k != nil {
			groups[k] = append(groups[k], p)
		}
	}
	var rows []row
	for i, k := range order {
		ps := []drafts.Pair{singles[i]}
		if k != nil {
			ps = groups[k]
		}
		rows = append(rows, groupRow(ps, c.Figures, strict))
	}
	return rows
}

// groupRow lays out one row: the old sides, the new sides, the note.
func groupRow(ps []drafts.Pair, figs []drafts.Figure, strict bool) row {
	var r row
	seenOld, seenNew := map[*drafts.Node]bool{}, map[*drafts.Node]bool{}
	for _, p := range ps {
		oldSegs, newSegs := pairSegs(p, strict)
		if o := sideNode(p.Old); o != nil && !seenOld[o] {
			seenOld[o] = true
			r.old.Paras = append(r.old.Paras, markedParas(oldSegs)...)
		}
		if n := sideNode(p.New); n != nil && !seenNew[n] {
			seenNew[n] = true
			r.new.Paras = append(r.new.Paras, markedParas(newSegs)...)
		}
	}
	if len(r.old.Paras) == 0 {
		r.old = textCell("（无）")
	}
	if len(r.new.Paras) == 0 {
		r.new = textCell("（已删除）")
	}
	r.note = textCell(noteText(ps, figs))
	return r
}

// pairSegs returns the old side's text with its deletions and the new
// side's with its insertions, labels included; a change of form shows
// each side's own form, marked only when strict. For a merger or split
// the shared side's text is written plain: its changes are spread over
// the group's pairs.
func pairSegs(p drafts.Pair, strict bool) (old, new []seg) {
	var ol, nl string
	if p.Old != nil {
		ol = p.Old.Node.Label
	}
	if p.New != nil {
		nl = p.New.Node.Label
	}
	ops := append(labelOps(ol, nl), p.Ops...)
	old = sideSegs(redline.Runs(ops, redline.OldSide, strict), redline.OldSide)
	new = sideSegs(redline.Runs(ops, redline.NewSide, strict), redline.NewSide)
	switch p.Kind {
	case drafts.PairMerged:
		new = whole(segSame, segsText(new, false))
	case drafts.PairSplit:
		old = whole(segSame, segsText(old, true))
	}
	return old, new
}

// labelOps is the change of a label as ops: kept, changed in form only,
// or replaced.
func labelOps(old, new string) []drafts.Op {
	switch {
	case old == new:
		return []drafts.Op{{Kind: drafts.OpEqual, Text: old}}
	case norm.SameUpToForm(old, new):
		return []drafts.Op{{Kind: drafts.OpForm, Text: old, New: new}}
	}
	return []drafts.Op{{Kind: drafts.OpDelete, Text: old}, {Kind: drafts.OpInsert, Text: new}}
}

// markedParas writes segments as table paragraphs, one per "\n", deleted
// text in the Removed style and inserted text in the Added style.
func markedParas(ss []seg) []paragraph {
	styles := map[byte]string{segDel: "Removed", segIns: "Added"}
	ps := []paragraph{{Style: styleTable}}
	for _, s := range ss {
		for i, text := range strings.Split(s.Text, "\n") {
			if i > 0 {
				ps = append(ps, paragraph{Style: styleTable})
			}
			if text != "" {
				last := &ps[len(ps)-1]
				last.Runs = append(last.Runs, run{Text: text, Style: styles[s.Kind]})
			}
		}
	}
	return ps
}

// noteText is the prefilled 修改说明: the kind of change, what a merger
// or split joined or parted, a renumbering, and the changed figures.
func noteText(ps []drafts.Pair, figs []drafts.Figure) string {
	p := ps[0]
	parts := []string{redline.Name(p.Kind)}
	if p.Section {
		parts[0] += "（标题）"
	}
	switch p.Kind {
	case drafts.PairMerged:
		parts = append(parts, "由原"+sideNames(ps, true)+"合并")
	case drafts.PairSplit:
		parts = append(parts, "拆分为"+sideNames(ps, false))
	case drafts.PairMoved:
		parts = append(parts, "原“"+p.Old.Name()+"”移至"+strings.TrimSpace(p.New.Label))
	}
	for _, f := range figs {
		if pairHasFigure(ps, f) {
			parts = append(parts, figureText(f))
		}
	}
	return strings.Join(parts, "；")
}

// sideNames lists the labels of the old (or new) sides of a group.
func sideNames(ps []drafts.Pair, old bool) string {
	var names []string
	for _, p := range ps {
		s := p.New
		if old {
			s = p.Old
		}
		if s != nil {
			names = append(names, "“"+s.Name()+"”")
		}
	}
	return strings.Join(names, "、")
}

// pairHasFigure reports whether a changed figure belongs to the group.
func pairHasFigure(ps []drafts.Pair, f drafts.Figure) bool {
	for _, p := range ps {
		if f.OldClause != "" && f.OldClause == p.Old.Name() || f.NewClause != "" && f.NewClause == p.New.Name() {
			return true
		}
	}
	return false
}

// figureText states a changed target: 高新技术企业 1200家→1300家.
func figureText(f drafts.Figure) string {
	switch {
	case f.Old == "":
		return "新增目标：" + f.Subject + f.New
	case f.New == "":
		return "删去目标：" + f.Subject + f.Old
	}
	return "目标调整：" + f.Subject + " " + f.Old + "→" + f.New
}

func headCell(text string) cell {
	return cell{Shade: "D9D9D9", Paras: []paragraph{{Style: styleTableHead, Runs: []run{{Text: text}}}}}
}

func textCell(text string) cell {
	return cell{Paras: []paragraph{{Style: styleTable, Runs: []run{{Text: text}}}}}
}
