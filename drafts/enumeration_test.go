package drafts

import (
	"strings"
	"testing"
)

// 一是…二是…三是 counts points inside running text; it is no label, so
// its sentences stay the text of the node they stand in (or of no node),
// on real excerpts (sources in testdata/real/SOURCES.md).
func TestEnumerationWordsStayText(t *testing.T) {
	tests := []struct {
		file, convention string
		outline          string // labelled nodes, > per level
		holder           string // the node whose text holds the 一是 sentence; "" for none
		sentence         string
	}{
		{"lishui_2017_nianbao.txt", "一是 opening a paragraph under （一）",
			"一、 >(一)", "(一)", "一是加强组织领导,积极落实任务。"},
		{"linfen_2009_meitan.txt", "一是/二是/三是 opening every paragraph, no outline at all",
			"", "", "二是在7月24日下午"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := realDoc(t, tt.file)
			if o := outline(d); o != tt.outline {
				t.Errorf("%s: outline %q, want %q", tt.convention, o, tt.outline)
			}
			d.Walk(func(n, _ *Node) {
				if strings.HasSuffix(strings.TrimSpace(n.Label), "是") {
					t.Errorf("%s: %q became a label", tt.convention, n.Label)
				}
			})
			if tt.holder == "" {
				return
			}
			if n := findLabel(d.Nodes, tt.holder); n == nil || !strings.Contains(n.Text, tt.sentence) {
				t.Errorf("%s: %s does not hold %q: %v", tt.convention, tt.holder, tt.sentence, n)
			}
		})
	}
	for _, s := range []string{"一是加强组织领导", "二是在7月24日下午", "十是统筹推进"} {
		if _, ok := ParseLabel(s); ok {
			t.Errorf("ParseLabel(%q) reads a label", s)
		}
	}
}
