package undo

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"qicao/drafts"
)

// draft000 is 泰安's draft for comments from the built-in corpus.
func draft000(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("../../assets/corpus/000_821d8b4d3cdede77.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func parse(t testing.TB, text string) *drafts.Document {
	t.Helper()
	d, err := drafts.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// clause returns the node of d labelled label under a heading holding in.
func clause(t testing.TB, d *drafts.Document, label string) *drafts.Node {
	t.Helper()
	for _, c := range d.Clauses() {
		if c.Label == label {
			return c.Node
		}
	}
	t.Fatalf("no clause %s", label)
	return nil
}

// An officer's morning on 000, one change of every kind: each is undone
// in reverse order back to the text as opened, and redone to the end.
func TestUndoEveryKindOfChange(t *testing.T) {
	edits := []struct {
		kind Kind
		do   func(t *testing.T, d *drafts.Document) string
	}{
		{Typing, func(t *testing.T, d *drafts.Document) string {
			n := clause(t, d, "3.")
			return d.Source[:n.BodySpan.End] + "并纳入年度考核。" + d.Source[n.BodySpan.End:]
		}},
		{Insert, edit(drafts.InsertAfter, "5.", "新增条款。加快建设中试基地。")},
		{Suggestion, edit(drafts.InsertAfter, "7.", "强化企业科技创新主体地位。支持龙头企业牵头组建创新联合体。（市科技局牵头）")},
		{Template, edit(drafts.InsertBefore, "1.", "加强组织领导。成立泰安市科技创新工作领导小组。")},
		{Move, edit1(drafts.MoveDown, "2.")},
		{Delete, edit1(drafts.Delete, "10.")},
		{Promote, edit1(drafts.Promote, "12.")},
		{Renumber, func(t *testing.T, d *drafts.Document) string { return drafts.Renumber(d) }},
		{Replace, func(t *testing.T, d *drafts.Document) string {
			out, n := drafts.ReplaceAll(d.Source, "市科技局", "市科学技术局", drafts.FindOptions{})
			if n == 0 {
				t.Fatal("nothing replaced")
			}
			return out
		}},
		{CleanUp, func(t *testing.T, d *drafts.Document) string { return strings.ReplaceAll(d.Source, "\n\n", "\n") }},
		{Restore, func(t *testing.T, d *drafts.Document) string { return draft000(t) + "\n" }},
	}
	var h History
	texts := []string{draft000(t)}
	for i, e := range edits {
		before := texts[len(texts)-1]
		after := e.do(t, parse(t, before))
		if after == before {
			t.Fatalf("%s changed nothing", e.kind)
		}
		h.Record(e.kind, before, after, i, i+1)
		texts = append(texts, after)
	}
	text := texts[len(texts)-1]
	for i := len(edits) - 1; i >= 0; i-- {
		r, ok := h.Undo(text)
		if !ok || r.Kind != edits[i].kind || r.Text != texts[i] || r.Cursor != i {
			t.Fatalf("undo %d (%s): ok %v kind %s cursor %d, text right: %v", i, edits[i].kind, ok, r.Kind, r.Cursor, r.Text == texts[i])
		}
		text = r.Text
	}
	if _, ok := h.Undo(text); ok {
		t.Error("undo past the first change")
	}
	for i := range edits {
		r, ok := h.Redo(text)
		if !ok || r.Kind != edits[i].kind || r.Text != texts[i+1] || r.Cursor != i+1 {
			t.Fatalf("redo %d (%s): ok %v kind %s", i, edits[i].kind, ok, r.Kind)
		}
		text = r.Text
	}
}

func edit(fn func(*drafts.Document, *drafts.Node, string) (drafts.Edit, error), label, text string) func(*testing.T, *drafts.Document) string {
	return func(t *testing.T, d *drafts.Document) string {
		ed, err := fn(d, clause(t, d, label), text)
		if err != nil {
			t.Fatal(err)
		}
		return ed.Text
	}
}

func edit1(fn func(*drafts.Document, *drafts.Node) (drafts.Edit, error), label string) func(*testing.T, *drafts.Document) string {
	return func(t *testing.T, d *drafts.Document) string {
		ed, err := fn(d, clause(t, d, label))
		if err != nil {
			t.Fatal(err)
		}
		return ed.Text
	}
}

// The rules of a history, step by step.
func TestHistoryRules(t *testing.T) {
	type op struct {
		do     string // record KIND TEXT CURSOR | seal | undo | redo | reset
		kind   Kind
		text   string
		cursor int
		want   string // the text after undo or redo; "" when it must refuse
	}
	for _, tc := range []struct {
		name string
		ops  []op
	}{
		{"typing in one clause is one step", []op{
			{do: "record", kind: Typing, text: "甲乙", cursor: 1},
			{do: "record", kind: Typing, text: "甲乙丙", cursor: 1},
			{do: "undo", want: "甲"},
			{do: "undo", want: ""},
		}},
		{"a clause switch seals typing", []op{
			{do: "record", kind: Typing, text: "甲乙", cursor: 1},
			{do: "seal"},
			{do: "record", kind: Typing, text: "甲乙丙", cursor: 1},
			{do: "undo", want: "甲乙"},
			{do: "undo", want: "甲"},
		}},
		{"typing in another clause is a step of its own", []op{
			{do: "record", kind: Typing, text: "甲乙", cursor: 1},
			{do: "record", kind: Typing, text: "丙甲乙", cursor: 2},
			{do: "undo", want: "甲乙"},
		}},
		{"an insert after typing is a step of its own", []op{
			{do: "record", kind: Typing, text: "甲乙", cursor: 1},
			{do: "record", kind: Insert, text: "甲乙\n2.新条款。", cursor: 1},
			{do: "record", kind: Typing, text: "甲乙\n2.新条款。丁", cursor: 1},
			{do: "undo", want: "甲乙\n2.新条款。"},
			{do: "undo", want: "甲乙"},
		}},
		{"a new change forgets the redo", []op{
			{do: "record", kind: Insert, text: "甲乙", cursor: 1},
			{do: "undo", want: "甲"},
			{do: "record", kind: Delete, text: "", cursor: -1},
			{do: "redo", want: ""},
			{do: "undo", want: "甲"},
		}},
		{"no change is no step", []op{
			{do: "record", kind: Renumber, text: "甲", cursor: 1},
			{do: "undo", want: ""},
		}},
		{"saving a version is a boundary", []op{
			{do: "record", kind: Insert, text: "甲乙", cursor: 1},
			{do: "reset"},
			{do: "undo", want: ""},
		}},
		{"a text changed behind the history is not undone", []op{
			{do: "record", kind: Insert, text: "甲乙", cursor: 1},
			{do: "set", text: "丙"},
			{do: "undo", want: ""},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var h History
			text, cursor := "甲", 1
			for i, o := range tc.ops {
				switch o.do {
				case "record":
					h.Record(o.kind, text, o.text, cursor, o.cursor)
					text, cursor = o.text, o.cursor
				case "seal":
					h.Seal()
				case "reset":
					h.Reset()
				case "set":
					text = o.text
				case "undo", "redo":
					f := h.Undo
					if o.do == "redo" {
						f = h.Redo
					}
					r, ok := f(text)
					if ok != (o.want != "") || ok && r.Text != o.want {
						t.Fatalf("op %d %s: ok %v text %q, want %q", i, o.do, ok, r.Text, o.want)
					}
					if ok {
						text = r.Text
					}
				}
			}
		})
	}
}

// The history keeps at most MaxSteps steps, dropping the oldest.
func TestHistoryLimit(t *testing.T) {
	var h History
	text, oldest := "", ""
	for i := range MaxSteps + 20 {
		if i == 20 {
			oldest = text // the first 20 steps are dropped
		}
		next := text + fmt.Sprintf("%d.", i)
		h.Record(Insert, text, next, 0, 0)
		text = next
	}
	if u, _ := h.Len(); u != MaxSteps {
		t.Fatalf("%d steps kept", u)
	}
	for range MaxSteps {
		r, ok := h.Undo(text)
		if !ok {
			t.Fatal("undo refused")
		}
		text = r.Text
	}
	if text != oldest {
		t.Errorf("after undoing everything kept: %q, want %q", text, oldest)
	}
	if _, ok := h.Undo(text); ok {
		t.Error("undo past the steps kept")
	}
}

// BenchmarkUndoInsert undoes a clause inserted into a 2,000-clause draft
// and parses the text again, as the window does before it redraws.
func BenchmarkUndoInsert(b *testing.B) {
	text := bigDraft(2000)
	d := parse(b, text)
	ed, err := drafts.InsertAfter(d, d.Clauses()[1000].Node, "新增条款。加快建设中试基地。")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		var h History
		h.Record(Insert, text, ed.Text, 0, 1)
		r, ok := h.Undo(ed.Text)
		if !ok || r.Text != text {
			b.Fatal("undo failed")
		}
		parse(b, r.Text)
	}
}

// bigDraft is a draft of n clauses in sections of 50, each about 300
// characters of 000's own clauses.
func bigDraft(n int) string {
	src := draft000(&testing.T{})
	d, _ := drafts.Parse(src)
	cs := d.Clauses()
	var b strings.Builder
	b.WriteString("泰安市人民政府关于以科技创新引领现代化产业体系建设的实施意见\n\n一、重点任务\n")
	for i := range n {
		if i%50 == 0 {
			fmt.Fprintf(&b, "（%s）第%s组任务\n", drafts.HanNumeral(i/50+1), drafts.HanNumeral(i/50+1))
		}
		fmt.Fprintf(&b, "%d.%s\n", i%50+1, strings.ReplaceAll(cs[i%len(cs)].Text, "\n", ""))
	}
	return b.String()
}
