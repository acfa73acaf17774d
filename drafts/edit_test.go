package drafts

import (
	"strings"
	"testing"
)

// mainClauses returns the labels and headings of the main clause level.
func mainClauses(d *Document) (labels, headings []string) {
	family, level, _ := d.MainLevel()
	d.Walk(func(n, _ *Node) {
		if n.Label != "" && n.Style.Family == family && n.Level == level {
			labels = append(labels, n.Label)
			headings = append(headings, n.Heading)
		}
	})
	return labels, headings
}

// undoShift relabels the main-level clauses numbered from..to in text one
// lower, undoing the renumbering an insertion made.
func undoShift(t *testing.T, text string, from, to int) string {
	t.Helper()
	d := mustParse(t, text)
	var ops []splice
	for k := from; k <= to; k++ {
		n := d.ClauseByOrdinal(k)
		if n == nil {
			t.Fatalf("no clause %d after the edit", k)
		}
		ops = append(ops, splice{n.LabelSpan.Start, n.LabelSpan.End, n.Style.Format(k - 1)})
	}
	return apply(text, ops)
}

// checkInsertAfterNine inserts a clause after clause 9 of a seed and
// checks the numbering and that nothing else in the text changed.
func checkInsertAfterNine(t *testing.T, prefix string, last int, wantLabel string) {
	t.Helper()
	d := seed(t, prefix)
	old := d.Source
	_, oldHeadings := mainClauses(d)
	anchor := d.ClauseByOrdinal(9)
	e, err := InsertAfter(d, anchor, "新增测试条款。全文测试内容。（市科技局牵头）")
	if err != nil {
		t.Fatal(err)
	}
	if e.Label != wantLabel {
		t.Errorf("new label %q, want %q", e.Label, wantLabel)
	}
	nd := mustParse(t, e.Text)
	labels, headings := mainClauses(nd)
	if len(labels) != last+1 {
		t.Fatalf("%d clauses after insert, want %d: %q", len(labels), last+1, labels)
	}
	for i, l := range labels {
		if lb, _ := ParseLabel(l); lb.Ordinal != i+1 {
			t.Errorf("clause %d labelled %q", i+1, l)
		}
	}
	if headings[9] != "新增测试条款" {
		t.Errorf("clause 10 is %q", headings[9])
	}
	wantHeadings := append(append(append([]string{}, oldHeadings[:9]...), "新增测试条款"), oldHeadings[9:]...)
	if strings.Join(headings, "|") != strings.Join(wantHeadings, "|") {
		t.Errorf("headings after insert:\n%q\nwant\n%q", headings, wantHeadings)
	}
	// Undo the renumbering: what is left must be the old text with one
	// block inserted after clause 9 and nothing else changed.
	back := undoShift(t, e.Text, 11, last+1)
	at := anchor.Span.End
	if !strings.HasPrefix(back, old[:at]) || !strings.HasSuffix(back, old[at:]) {
		t.Fatalf("text outside the insertion changed")
	}
	inserted := back[at : len(back)-len(old[at:])]
	if !strings.Contains(inserted, wantLabel+"新增测试条款。全文测试内容。（市科技局牵头）") {
		t.Errorf("inserted block %q", inserted)
	}
}

func TestInsertAfterClauseNine(t *testing.T) {
	t.Run("000 1.", func(t *testing.T) { checkInsertAfterNine(t, "000", 28, "10.") })
	t.Run("004 （一）", func(t *testing.T) { checkInsertAfterNine(t, "004", 29, "（十）") })
	t.Run("003 1、", func(t *testing.T) { checkInsertAfterNine(t, "003", 25, "10、") })
}

func TestInsertKeepsSeparator(t *testing.T) {
	d := seed(t, "000")
	anchor := d.ClauseByOrdinal(5) // 000 puts a blank line after clause 5
	e, err := InsertAfter(d, anchor, "新增。内容。")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Text, "\n\n6.新增。内容。\n\n7.") {
		t.Errorf("separator not copied: %q", e.Text[e.Span.Start-20:e.Span.End+20])
	}
}

func TestInsertKeepsNeighbourForm(t *testing.T) {
	d := seed(t, "004")
	e, err := InsertAfter(d, d.ClauseByOrdinal(25), "（九）新增条款。内容。")
	if err != nil {
		t.Fatal(err)
	}
	if e.Label != "(二十六)" {
		t.Errorf("label %q, want the half-width form of its neighbour", e.Label)
	}
	if !strings.Contains(e.Text, "(二十七)深化科研经费管理改革") || !strings.Contains(e.Text, "(三十) 强化要素保障") {
		t.Error("later clauses not renumbered in their own form")
	}
}

func TestInsertRestartsUnderParent(t *testing.T) {
	d := seed(t, "000")
	var org *Node
	d.Walk(func(n, p *Node) {
		if p != nil && p.Heading == "组织实施" && n.Ordinal == 1 {
			org = n
		}
	})
	e, err := InsertAfter(d, org, "强化要素保障。内容。")
	if err != nil {
		t.Fatal(err)
	}
	if e.Label != "（二）" {
		t.Errorf("label %q", e.Label)
	}
	if !strings.Contains(e.Text, "（三）周密部署实施") || !strings.Contains(e.Text, "（四）加强宣传引导") {
		t.Error("组织实施 not renumbered")
	}
	// The 重点任务 sections and clauses keep their numbers, gaps included.
	if strings.Count(e.Text, "（六）实施") != 2 || !strings.Contains(e.Text, "28. ") {
		t.Error("numbering outside 组织实施 changed")
	}
}

func TestSequenceModes(t *testing.T) {
	cases := map[string]map[levelKey]bool{
		"000": {{ArabicDot, 3}: true, {HanParen, 2}: false},
		"004": {{HanParen, 2}: true},
		"003": {{ArabicDot, 2}: true},
	}
	for prefix, want := range cases {
		got := sequenceModes(seed(t, prefix))
		for k, on := range want {
			if got[k] != on {
				t.Errorf("%s: level %v runs on = %v, want %v", prefix, k, got[k], on)
			}
		}
	}
}

func TestClauseByOrdinal(t *testing.T) {
	for prefix, want := range map[string]string{"000": "强化数字化赋能", "004": "推动未来产业培育发展", "003": "推动国有企业创新示范"} {
		if n := seed(t, prefix).ClauseByOrdinal(10); n == nil || n.Heading != want {
			t.Errorf("%s clause 10 = %v, want %s", prefix, n, want)
		}
	}
}

func TestDelete(t *testing.T) {
	d := seed(t, "004")
	e, err := Delete(d, d.ClauseByOrdinal(10))
	if err != nil {
		t.Fatal(err)
	}
	labels, headings := mainClauses(mustParse(t, e.Text))
	if len(labels) != 28 || labels[9] != "（十）" || headings[9] != "强化科技型企业梯次培育" || labels[27] != "(二十八)" {
		t.Errorf("after delete: %q %q", labels, headings)
	}
	if strings.Contains(e.Text, "推动未来产业培育发展") {
		t.Error("deleted text still there")
	}
}

func TestMoveUpDown(t *testing.T) {
	d := seed(t, "003")
	e, err := MoveUp(d, d.ClauseByOrdinal(2))
	if err != nil {
		t.Fatal(err)
	}
	_, h := mainClauses(mustParse(t, e.Text))
	if h[0] != "推动产业创新平台提质升级" || h[1] != "构建任务导向的实验室体系" || e.Label != "1、" {
		t.Errorf("move up: %q label %q", h[:3], e.Label)
	}
	if _, err := MoveUp(d, d.ClauseByOrdinal(3)); err == nil {
		t.Error("3、 is first in its section: move up should fail")
	}
	e, err = MoveDown(d, d.ClauseByOrdinal(3))
	if err != nil {
		t.Fatal(err)
	}
	l, h := mainClauses(mustParse(t, e.Text))
	if h[2] != "加强关键核心技术攻关" || h[3] != "加强应用导向的基础研究" || l[3] != "4、" || e.Label != "4、" {
		t.Errorf("move down: %q %q label %q", l[:5], h[:5], e.Label)
	}
	if len(e.Text) != len(d.Source) {
		t.Error("a move must keep every byte")
	}
}

func TestMoveSectionCarriesClauses(t *testing.T) {
	d := seed(t, "000")
	var sec *Node
	d.Walk(func(n, _ *Node) {
		if sec == nil && n.Label == "（二）" && n.Level == 2 {
			sec = n
		}
	})
	e, err := MoveUp(d, sec)
	if err != nil {
		t.Fatal(err)
	}
	l, h := mainClauses(mustParse(t, e.Text))
	if h[0] != "加快未来产业培育" || l[0] != "1." || h[3] != "绘制产业链科技攻关路线图" || l[3] != "4." {
		t.Errorf("after moving （二） up: %q %q", l[:6], h[:6])
	}
}

func TestPromoteDemote(t *testing.T) {
	d := seed(t, "000")
	e, err := Promote(d, d.ClauseByOrdinal(3)) // last of （一）: relabelled in place
	if err != nil {
		t.Fatal(err)
	}
	nd := mustParse(t, e.Text)
	if e.Label != "（二）" || nd.ClauseByOrdinal(3).Heading != "加快未来产业培育" {
		t.Errorf("promote: label %q, clause 3 %q", e.Label, nd.ClauseByOrdinal(3).Heading)
	}
	if !strings.Contains(e.Text, "（三）实施未来产业“创新引领”行动") {
		t.Error("sections after the promoted clause not renumbered")
	}
	e, err = Promote(d, d.ClauseByOrdinal(1)) // first of （一）: moves after it
	if err != nil {
		t.Fatal(err)
	}
	nd = mustParse(t, e.Text)
	if e.Label != "（二）" || nd.ClauseByOrdinal(1).Heading != "推动标志性产业链策源能力跃升" {
		t.Errorf("promote first: label %q", e.Label)
	}
	e, err = Demote(d, d.ClauseByOrdinal(2))
	if err != nil {
		t.Fatal(err)
	}
	if e.Label != "（1）" || !strings.Contains(e.Text, "2.实施科技创新联盟攻坚行动") {
		t.Errorf("demote: label %q", e.Label)
	}
}

func TestRenumberFixesGaps(t *testing.T) {
	text := Renumber(seed(t, "000"))
	for i, want := range []string{"（一）", "（二）", "（三）", "（四）", "（五）实施创新平台", "（六）实施科技人才", "（七）", "（八）"} {
		if !strings.Contains(text, want) {
			t.Errorf("section %d: %q missing", i+1, want)
		}
	}
	if strings.Count(text, "（六）") != 1 {
		t.Error("two （六） left")
	}
}

func TestInsertEmptyText(t *testing.T) {
	d := seed(t, "000")
	if _, err := InsertAfter(d, d.ClauseByOrdinal(1), "  \n "); err == nil {
		t.Error("empty insert accepted")
	}
}

func TestInsertSectionWithClauses(t *testing.T) {
	d := seed(t, "000")
	var sec *Node
	d.Walk(func(n, _ *Node) {
		if n.Level == 2 && strings.HasPrefix(n.Heading, "实施科技人才") {
			sec = n
		}
	})
	e, err := InsertAfter(d, sec, "实施新兴领域“试点示范”行动\n1.新条款甲。内容。\n2.新条款乙。内容。")
	if err != nil {
		t.Fatal(err)
	}
	l, h := mainClauses(mustParse(t, e.Text))
	if len(l) != 30 || h[19] != "新条款甲" || l[19] != "20." || l[20] != "21." || l[21] != "22." || h[21] != "实施重大科技成果转化项目" {
		t.Errorf("clauses after inserting a section: %q", l[17:24])
	}
	if e.Label != "（七）" || !strings.Contains(e.Text, "（八）实施科技成果“落地生金”行动") || !strings.Contains(e.Text, "（九）实施创新生态") {
		t.Errorf("sections: label %q", e.Label)
	}
}
