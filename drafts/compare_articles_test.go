package drafts

import (
	"strings"
	"testing"
)

// amend makes a second version of a real regulation as an amendment
// decision does: the named articles deleted, the rest renumbered (with
// Renumber, which keeps every other character), and one article's text
// changed.
func amend(t *testing.T, d *Document, deleted []string, from, to string) *Document {
	t.Helper()
	src := d.Source
	for i := len(deleted) - 1; i >= 0; i-- { // from the end, so spans hold
		n := findLabel(d.Nodes, deleted[i])
		src = src[:n.Span.Start] + src[n.Span.End:]
		d = mustParse(t, src)
	}
	return mustParse(t, strings.Replace(Renumber(d), from, to, 1))
}

// Two versions of a regulation align article by article across
// renumbering: every kept article pairs with its renumbered self, the
// deleted ones are deletions, and the changed one is a modification named
// by its labels as written.
func TestCompareArticlesAcrossRenumbering(t *testing.T) {
	old := realDoc(t, "weihai_2020_banfa.txt")
	new := amend(t, old, []string{"第五条", "第十二条"}, "处一万元以上五万元以下罚款", "处二万元以上十万元以下罚款")
	if n := findLabel(new.Nodes, "第三十二条"); n == nil || !strings.HasPrefix(n.Text, "本办法自2020年3月1日起施行") {
		t.Fatalf("renumbered version does not end at 第三十二条: %v", n)
	}
	c := Compare(old, new, CompareOptions{})
	deleted := map[string]bool{}
	paired := map[string]string{}
	for _, p := range c.Pairs {
		if p.Section || p.Old == nil || p.Old.Node.Style.Family != Article {
			continue
		}
		switch {
		case p.Kind == PairDeleted:
			deleted[p.Old.Label] = true
		case p.New != nil:
			paired[p.Old.Label] = p.New.Label
		}
	}
	if len(deleted) != 2 || !deleted["第五条"] || !deleted["第十二条"] {
		t.Errorf("deleted %v, want 第五条 and 第十二条", deleted)
	}
	want := map[string]string{"第四条": "第四条", "第六条": "第五条", "第十一条": "第十条", "第十三条": "第十一条", "第三十四条": "第三十二条"}
	for o, n := range want {
		if paired[o] != n {
			t.Errorf("%s paired with %q, want %s", o, paired[o], n)
		}
	}
	if len(paired) != 32 {
		t.Errorf("%d articles paired, want all 32 kept", len(paired))
	}
	for _, p := range c.Pairs {
		if p.Old != nil && p.Old.Label == "第十三条" && p.Kind != PairModified {
			t.Errorf("第十三条 → %s is %s, want modified (its fine changed)", p.New.Label, p.Kind)
		}
	}
}
