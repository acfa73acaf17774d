package proof

import (
	"fmt"
	"strings"
	"testing"
)

// articles builds a 条例 of chapters of five articles each, numbered in
// order, then lets edit change the label of article n (0 drops it) and
// of chapter c (0 drops it).
func articles(chapters int, edit map[string]string) string {
	var b strings.Builder
	b.WriteString("泰安市科技创新促进条例\n\n")
	n := 0
	for ch := 1; ch <= chapters; ch++ {
		label := "第" + hanOrdinal(ch) + "章"
		if l, ok := edit[label]; ok {
			label = l
		}
		if label != "" {
			fmt.Fprintf(&b, "%s　第%d部分\n\n", label, ch)
		}
		for k := 0; k < 5; k++ {
			n++
			label := "第" + hanOrdinal(n) + "条"
			if l, ok := edit[label]; ok {
				label = l
			}
			if label != "" {
				fmt.Fprintf(&b, "%s　市人民政府应当加强对第%d项工作的领导。\n\n", label, n)
			}
		}
	}
	return b.String()
}

// TestNumberingDoesNotCascade: one wrong 第X条 or 第X章 is one finding,
// whatever follows it, with a fix only where the numbers around it make
// the right one sure.
func TestNumberingDoesNotCascade(t *testing.T) {
	cases := []struct {
		name     string
		edit     map[string]string
		id, text string
		fix      string // "" for none
	}{
		{"article missing", map[string]string{"第七条": ""}, "structure.gap", "第八条", ""},
		{"two articles missing", map[string]string{"第七条": "", "第八条": ""}, "structure.gap", "第九条", ""},
		{"article slip upwards", map[string]string{"第七条": "第七十条"}, "structure.gap", "第七十条", "第七条"},
		{"article slip downwards", map[string]string{"第十二条": "第二条"}, "structure.order", "第二条", "第十二条"},
		{"article repeated for the next", map[string]string{"第十二条": "第十一条"}, "structure.repeat", "第十一条", "第十二条"},
		{"chapter missing", map[string]string{"第三章": ""}, "structure.gap", "第四章", ""},
		{"chapter slip", map[string]string{"第三章": "第八章"}, "structure.gap", "第八章", "第三章"},
		{"article mistyped", map[string]string{"第七条": "条七条"}, "structure.label-typo", "条", "第"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			items := Check(parseText(t, articles(6, tc.edit)), Options{Organs: seedOrgans(t)})
			if len(items) != 1 {
				t.Fatalf("want one finding, got %v", summarize(items))
			}
			it := items[0]
			if it.ID != tc.id || it.Text != tc.text {
				t.Errorf("got %s %q, want %s %q", it.ID, it.Text, tc.id, tc.text)
			}
			switch {
			case tc.fix == "" && it.Fix != nil:
				t.Errorf("fix %q, want none", *it.Fix)
			case tc.fix != "" && (it.Fix == nil || *it.Fix != tc.fix):
				t.Errorf("fix %v, want %q", it.Fix, tc.fix)
			}
		})
	}
	if items := Check(parseText(t, articles(6, nil)), Options{Hints: true, Organs: seedOrgans(t)}); len(items) != 0 {
		t.Errorf("the 条例 as built is not clean: %v", summarize(items))
	}
}
