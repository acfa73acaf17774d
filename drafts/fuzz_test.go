package drafts

import (
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that any text parses without panicking and that what
// comes back points into the source it came from.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"000", "001", "002", "003", "004"} {
		f.Add(seedText(f, s))
	}
	f.Add("一、总体要求\n（一）\n1.\n（1）")
	f.Add("（二十三）创新科技金融模式。（市科技局牵头，（市财政局配合）")
	f.Add("原文如下:\n泰政发〔2024〕 5号泰安市人民政府关于\n1.x。(")
	f.Fuzz(func(t *testing.T, src string) {
		d, err := Parse(src)
		if err != nil {
			return
		}
		d.Walk(func(n *Node, parent *Node) {
			if n.LabelSpan.Start < 0 || n.LabelSpan.End > len(src) || src[n.LabelSpan.Start:n.LabelSpan.End] != n.Label {
				t.Fatalf("label %q span %v", n.Label, n.LabelSpan)
			}
			if n.Span.Start > n.Span.End || n.Span.End > len(src) {
				t.Fatalf("span %v of %d bytes", n.Span, len(src))
			}
			if utf8.ValidString(src) && !utf8.ValidString(n.Text) {
				t.Fatalf("invalid UTF-8 text from valid source")
			}
		})
		_ = d.Clauses()
	})
}
