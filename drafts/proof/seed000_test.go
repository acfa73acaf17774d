package proof

import (
	"strings"
	"testing"
)

// fault is one of the faults issue 14 lists in seed 000: the check that
// must find it, the text at its span (with the context that places it),
// and the fix it must propose ("" for none; "<delete>" for an empty fix).
type fault struct {
	id, context, text, fix string
}

var faults000 = []fault{
	{"structure.unnumbered", "形成。\n重点任务\n", "重点任务", "三、重点任务"},
	{"structure.gap", "（六）实施创新平台", "（六）", "（五）"},
	{"structure.repeat", "（六）实施科技人才", "（六）", ""},
	{"word.doubled", "重点产业领域领域，", "领域领域", "领域"},
	{"punct.half-width", "1200家,规上", ",", "，"},
	{"space.in-text", "不超过 500", " ", "<delete>"},
	{"space.in-text", "500 万元", " ", "<delete>"},
	{"units.no-duty", "（市科技局、市工信局按照职责分工）\n\n2.", "按照职责分工", "按照职责分工负责"},
	{"units.form", "（责任单位：市科技局）", "（责任单位：市科技局）", "（市科技局牵头）"},
	{"punct.end-before-units", "创新成本（市科技局", "本", "本。"},
	{"punct.quote-nesting", "‘岱宗人才工程’", "‘岱宗人才工程’", "“岱宗人才工程”"},
	{"word.confusable", "营造栓心留人", "栓心留人", "拴心留人"},
	{"organ.outdated", "市工信局、市农业局、市生态环境局", "市农业局", "市农业农村局"},
	{"organ.abbreviated", "联盟作用，带动创新链前后端和产业链上下游协同攻关。（市科技局、市工信局", "市工信局", "市工业和信息化局"},
	{"word.missing-verb", "充分泰安市委科技委员会", "充分", "充分发挥"},
}

// TestSeed000Faults: every fault the issue lists in the 泰安 征求意见稿 is
// found at its span, with the right fix.
func TestSeed000Faults(t *testing.T) {
	doc := seed(t, "000")
	items := Check(doc, Options{Organs: seedOrgans(t)})
	for _, f := range faults000 {
		t.Run(f.id+"/"+f.text, func(t *testing.T) {
			ctx := strings.Index(doc.Source, f.context)
			if ctx < 0 || strings.Count(doc.Source, f.context) != 1 {
				t.Fatalf("context %q not unique in 000", f.context)
			}
			start := ctx + strings.Index(f.context, f.text)
			if f.text == " " && strings.HasPrefix(f.context, "500") {
				start = ctx + len("500")
			}
			occ, ok := findAt(items, f.id, start)
			if !ok {
				t.Fatalf("no %s at %d (%q); found %v", f.id, start, f.text, summarize(items))
			}
			if occ.Text != f.text {
				t.Errorf("span text %q, want %q", occ.Text, f.text)
			}
			switch {
			case f.fix == "" && occ.Fix != nil:
				t.Errorf("fix %q, want none", *occ.Fix)
			case f.fix != "" && occ.Fix == nil:
				t.Errorf("no fix, want %q", f.fix)
			case f.fix == "<delete>" && *occ.Fix != "", f.fix != "" && f.fix != "<delete>" && *occ.Fix != f.fix:
				t.Errorf("fix %q, want %q", *occ.Fix, f.fix)
			}
		})
	}
}

// findAt returns the occurrence of check id starting at start, whether
// the finding stands alone or groups many.
func findAt(items []Item, id string, start int) (Occurrence, bool) {
	for _, it := range items {
		if it.ID != id {
			continue
		}
		if it.Start == start {
			return Occurrence{it.Start, it.End, it.Text, it.Fix}, true
		}
		for _, o := range it.Occurrences {
			if o.Start == start {
				return o, true
			}
		}
	}
	return Occurrence{}, false
}

func summarize(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.ID+":"+it.Text)
	}
	return out
}

// TestSeed000FixAll: applying every fix gives a text in which the fixed
// faults are gone and the structure is the same, numbering repaired.
func TestSeed000FixAll(t *testing.T) {
	doc := seed(t, "000")
	items := Check(doc, Options{Organs: seedOrgans(t)})
	out, skipped := Apply(doc.Source, AllEdits(items))
	if skipped != 0 {
		t.Errorf("%d edits overlapped", skipped)
	}
	for _, gone := range []string{"领域领域", "栓心留人", "市农业局", "市工信局", "充分泰安", "1200家,", "不超过 500 万元", "‘", "（责任单位：", "28. "} {
		if strings.Contains(out, gone) {
			t.Errorf("%q still in the fixed text", gone)
		}
	}
	again := parseText(t, out)
	for _, it := range Check(again, Options{Organs: seedOrgans(t)}) {
		if it.Fix != nil || len(it.Edits()) > 0 {
			t.Errorf("after fixing all: still %s %q → %q", it.ID, it.Text, *it.Fix)
		}
	}
	if got, want := len(again.Clauses()), len(doc.Clauses()); got != want {
		t.Errorf("%d clauses after fixing, want %d", got, want)
	}
}
