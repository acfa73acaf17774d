package editormodel

import (
	"errors"
	"strings"
	"testing"
	"time"

	"qicao/app/window/outlinemodel"
	"qicao/drafts"
)

const text = "关于加快科技创新的实施意见\n\n一、总体要求\n以科技创新引领产业体系建设。\n\n二、重点任务\n1.培育创新企业。到2026年，高新技术企业达到1300家。\n2.建设创新平台。布局建设一批重点实验室。\n"

func open(t *testing.T, text string) *Draft {
	t.Helper()
	d := &Draft{}
	d.Open(1, "实施意见", text, 2, text)
	return d
}

func TestDraftDirtyAndSaved(t *testing.T) {
	d := open(t, text)
	if d.Dirty() || d.Doc == nil || len(d.Doc.Nodes) != 2 {
		t.Fatalf("opened: dirty %v, doc %v", d.Dirty(), d.Doc)
	}
	d.SetText(text + "三、保障措施\n")
	if !d.Dirty() || len(d.Doc.Nodes) != 3 {
		t.Errorf("edited: dirty %v, %d nodes", d.Dirty(), len(d.Doc.Nodes))
	}
	d.SavedAs(3)
	if d.Dirty() || d.Version != 3 {
		t.Errorf("saved: dirty %v, version %d", d.Dirty(), d.Version)
	}
	d.Open(0, "", "", 0, "")
	if d.Dirty() || d.Doc != nil && len(d.Doc.Nodes) > 0 || d.Selected() != nil {
		t.Error("no draft open left something behind")
	}
}

// A parse given beforehand (an import's) is taken, not made again; one
// of another text is not.
func TestDraftUseParse(t *testing.T) {
	doc, err := drafts.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	d := &Draft{}
	d.UseParse(doc)
	d.Open(1, "", "", 0, text)
	if d.Doc != doc {
		t.Error("the parse given was not taken")
	}
	d.UseParse(doc)
	d.SetText(text + "三、保障措施\n")
	if d.Doc == doc || len(d.Doc.Nodes) != 3 {
		t.Error("a parse of another text was taken")
	}
	d.SetText(text)
	if d.Doc == doc {
		t.Error("a parse given once was taken twice")
	}
}

// The cursor is a path in the tree: a move elsewhere seals the undo step,
// an edit keeps the path, and a path the new tree lacks is dropped.
func TestDraftSelection(t *testing.T) {
	d := open(t, text)
	first := d.Doc.Nodes[1].Children[0]
	if !d.Select(first) || d.Select(first) {
		t.Error("Select reports a move only to another node")
	}
	d.SetText(strings.Replace(text, "培育", "大力培育", 1))
	if n := d.Selected(); n == nil || n.Heading != "大力培育创新企业" {
		t.Errorf("after an edit the cursor is on %v", n)
	}
	if d.Select(d.Selected()) {
		t.Error("the same place after a re-parse counts as a move")
	}
	d.Select(d.Doc.Nodes[1].Children[1])
	d.SetText(strings.Replace(text, "2.建设创新平台。布局建设一批重点实验室。\n", "", 1))
	d.KeepSelection()
	if d.Selected() != nil || d.SelectionPath() != nil {
		t.Errorf("the clause deleted is still selected: %v", d.SelectionPath())
	}
	d.Select(nil)
	if d.SelectionPath() != nil {
		t.Error("Select(nil) left a path")
	}
}

func TestClauseOf(t *testing.T) {
	long := "关于长文的意见\n" + strings.Repeat("长", MaxClauseChars+1) + "\n"
	for _, tc := range []struct {
		name    string
		text    string
		path    []int
		part    Part
		want    string
		tooLong bool
	}{
		{"a clause: its own text", text, []int{1, 0}, PartNode, "1.培育创新企业。到2026年，高新技术企业达到1300家。", false},
		{"a section: its label, heading and body, not its clauses", text, []int{1}, PartNode, "二、重点任务", false},
		{"nothing selected: title and opening", text, nil, PartOpening, "关于加快科技创新的实施意见\n\n", false},
		{"no nodes: the whole text", "只有一段话。\n", nil, PartWhole, "只有一段话。\n", false},
		{"empty", "", nil, PartWhole, "", false},
		{"too long to edit in one piece", long, nil, PartWhole, long, true},
	} {
		d := open(t, tc.text)
		if tc.path != nil {
			d.Select(outlinemodel.NodeAtPath(d.Doc, tc.path))
		}
		c := ClauseOf(d)
		if got := tc.text[c.Span.Start:c.Span.End]; c.Part != tc.part || got != tc.want || c.TooLong != tc.tooLong {
			t.Errorf("%s: %v %q too long %v, want %v %q %v", tc.name, c.Part, got, c.TooLong, tc.part, tc.want, tc.tooLong)
		}
	}
}

// A node's span that no longer fits the text (a stale parse) falls back
// to the whole text rather than cut outside it.
func TestClauseOfStaleSpan(t *testing.T) {
	d := open(t, text)
	d.Select(d.Doc.Nodes[1].Children[1])
	d.Text = text[:20] // the parse is of the longer text
	if c := ClauseOf(d); c.Part != PartWhole || c.Span != (drafts.Span{End: 20}) {
		t.Errorf("stale span: %+v", c)
	}
}

func TestWriteBack(t *testing.T) {
	src := "一、总则\n甲乙丙。\n二、附则\n"
	for _, tc := range []struct {
		name  string
		span  drafts.Span
		typed string
		want  string
		at    drafts.Span
		ok    bool
	}{
		{"a clause retyped", drafts.Span{Start: 13, End: 26}, "甲乙丙丁。\n", "一、总则\n甲乙丙丁。\n二、附则\n", drafts.Span{Start: 13, End: 29}, true},
		{"the opening emptied", drafts.Span{End: 13}, "", "甲乙丙。\n二、附则\n", drafts.Span{}, true},
		{"appended at the end", drafts.Span{Start: 39, End: 39}, "三、其他\n", src + "三、其他\n", drafts.Span{Start: 39, End: 52}, true},
		{"a span past the text", drafts.Span{Start: 13, End: 99}, "x", src, drafts.Span{Start: 13, End: 99}, false},
		{"a reversed span", drafts.Span{Start: 26, End: 13}, "x", src, drafts.Span{Start: 26, End: 13}, false},
	} {
		got, at, ok := WriteBack(src, tc.span, tc.typed)
		if got != tc.want || at != tc.at || ok != tc.ok {
			t.Errorf("%s: %q %v %v, want %q %v %v", tc.name, got, at, ok, tc.want, tc.at, tc.ok)
		}
	}
}

// After the write-back the cursor goes to the node the clause's text now
// starts: typing 三、 before a clause's text makes it a section.
func TestNodeAfterWriteBack(t *testing.T) {
	d := open(t, text)
	d.Select(d.Doc.Nodes[1].Children[1])
	c := ClauseOf(d)
	typed := "三、建设创新平台\n布局建设一批重点实验室。\n"
	newText, at, ok := WriteBack(d.Text, c.Span, typed)
	if !ok {
		t.Fatal("write-back refused")
	}
	d.SetText(newText)
	n := NodeAfterWriteBack(d.Doc, at)
	if n == nil || n.Heading != "建设创新平台" || len(d.Doc.Nodes) != 3 || n != d.Doc.Nodes[2] {
		t.Errorf("the cursor goes to %+v, want the new section", n)
	}
	if NodeAfterWriteBack(d.Doc, drafts.Span{Start: at.Start, End: at.Start}) != nil {
		t.Error("an emptied clause moves the cursor")
	}
}

func TestWriteBackWait(t *testing.T) {
	const delay, maxWait = 300 * time.Millisecond, time.Second
	for _, tc := range []struct {
		typingFor, want time.Duration
	}{
		{0, delay},
		{500 * time.Millisecond, delay},
		{800 * time.Millisecond, 200 * time.Millisecond}, // never past a second from the first keystroke
		{time.Second, 0},
		{3 * time.Second, 0},
	} {
		if got := WriteBackWait(delay, maxWait, tc.typingFor); got != tc.want {
			t.Errorf("typing for %v: wait %v, want %v", tc.typingFor, got, tc.want)
		}
	}
}

func TestSpanRunes(t *testing.T) {
	src := "一、总则\n甲乙丙。\n"
	clause := drafts.Span{Start: 13, End: len(src)}
	for _, tc := range []struct {
		h        drafts.Span
		from, to int
		ok       bool
	}{
		{drafts.Span{Start: 16, End: 22}, 1, 3, true}, // 乙丙
		{drafts.Span{Start: 13, End: 13}, 0, 0, true},
		{drafts.Span{Start: 3, End: 9}, 0, 0, false}, // 总则: another part
		{drafts.Span{Start: 16, End: 99}, 0, 0, false},
	} {
		from, to, ok := SpanRunes(src, clause, tc.h)
		if from != tc.from || to != tc.to || ok != tc.ok {
			t.Errorf("%v: %d, %d, %v, want %d, %d, %v", tc.h, from, to, ok, tc.from, tc.to, tc.ok)
		}
	}
}

func TestStatusOf(t *testing.T) {
	for _, tc := range []struct {
		name    string
		id      int64
		text    string
		version int
		pending bool
		want    Status
	}{
		{"no draft", 0, "", 0, false, StatusNone},
		{"saved", 1, "甲", 2, false, StatusSaved},
		{"keystrokes not yet written back", 1, "甲", 2, true, StatusUnsaved},
		{"working text changed", 1, "乙", 2, false, StatusUnsaved},
		{"never saved", 1, "甲", 0, false, StatusNoVersion},
	} {
		d := &Draft{DraftID: tc.id, Text: tc.text, Saved: "甲", Version: tc.version}
		if tc.id == 0 {
			d.Saved = ""
		}
		if got := StatusOf(d, tc.pending); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// The autosave writes the latest text once per delay, which later changes
// do not put off, and tells a failure once until it changes or succeeds.
func TestAutosave(t *testing.T) {
	var a Autosave
	if _, _, ok := a.Take(); ok {
		t.Error("nothing scheduled, something to write")
	}
	steps := []struct {
		text  string
		first bool
	}{{"甲", true}, {"甲乙", false}, {"甲乙丙", false}}
	for _, s := range steps {
		if first := a.Schedule(7, s.text); first != s.first {
			t.Errorf("Schedule(%q) first = %v", s.text, first)
		}
	}
	if id, text, ok := a.Take(); !ok || id != 7 || text != "甲乙丙" || a.Pending() {
		t.Errorf("Take = %d %q %v: the latest text, once", id, text, ok)
	}
	if !a.Schedule(7, "丁") {
		t.Error("the change after a write does not start the delay again")
	}
	full, busy := errors.New("磁盘已满"), errors.New("数据库忙")
	for i, tc := range []struct {
		err  error
		tell bool
	}{{nil, false}, {full, true}, {full, false}, {busy, true}, {nil, false}, {full, true}} {
		if tell := a.Written(tc.err); tell != tc.tell {
			t.Errorf("write %d (%v): tell %v, want %v", i, tc.err, tell, tc.tell)
		}
	}
}
