package drafts

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// Cleaning each built-in document removes exactly the lines the parser
// leaves out, and the cleaned text parses to the same document.
func TestCleanTextOnTheCorpus(t *testing.T) {
	for _, tc := range []struct {
		seed  string
		count map[string]int
	}{
		{"000", map[string]int{}},
		{"001", map[string]int{WhyWebPage: 3, WhyRepeatedTitle: 1}},                   // 發布日期…, 【Word版】, 【PDF版】
		{"002", map[string]int{WhyWebHeader: 16, WhyWebPage: 1, WhyNumberInTitle: 1}}, // 今天是… to 原文如下, 商务合作; 泰政发〔2024〕 5号泰安市…
		{"003", map[string]int{WhyRegistration: 1, WhyRule: 2}},                       // ZBCR-2023-0060002, ---
		{"004", map[string]int{}},
	} {
		src := seedText(t, tc.seed)
		clean, removed := CleanText(src)
		got := map[string]int{}
		for _, r := range removed {
			got[r.Why]++
			if !strings.Contains(src[r.Span.Start:r.Span.End], r.Text) || strings.Contains(clean, "\n"+r.Text+"\n") && r.Why != WhyRepeatedTitle {
				t.Errorf("%s: removal %q (%s) not a line of the source or still in the clean text", tc.seed, r.Text, r.Why)
			}
		}
		if !reflect.DeepEqual(got, tc.count) {
			t.Errorf("%s: removed %v, want %v", tc.seed, got, tc.count)
		}
		before, after := mustParse(t, src), mustParse(t, clean)
		if !reflect.DeepEqual(before.Meta, after.Meta) {
			t.Errorf("%s: meta changed\n%+v\n%+v", tc.seed, before.Meta, after.Meta)
		}
		if !reflect.DeepEqual(texts(before), texts(after)) {
			t.Errorf("%s: the document's paragraphs changed", tc.seed)
		}
		if again := Boilerplate(clean); len(again) != 0 {
			t.Errorf("%s: cleaning twice removes more: %v", tc.seed, again)
		}
	}
}

// texts returns a document's preamble, node texts and closing in order.
func texts(d *Document) []string {
	var out []string
	for _, p := range d.Preamble {
		out = append(out, p.Text)
	}
	d.Walk(func(n, _ *Node) { out = append(out, n.Label+n.Text) })
	for _, p := range d.Closing {
		out = append(out, p.Text)
	}
	return out
}

// The issued 泰安 text opens, once cleaned, on its 文号 and title, not on
// the web page (今天是…, 分享到, image.png), and ends on its date.
func TestCleanTextOfTheWebPage(t *testing.T) {
	clean, _ := CleanText(seedText(t, "002"))
	if !strings.HasPrefix(clean, "泰政发〔2024〕5号\n泰安市人民政府关于加快科技创新引领现代化产业体系建设的实施意见\n") {
		t.Errorf("starts %.80q", clean)
	}
	for _, junk := range []string{"今天是", "分享到", "image.png", "原文如下", "商务合作"} {
		if strings.Contains(clean, junk) {
			t.Errorf("still holds %s", junk)
		}
	}
	if !strings.HasSuffix(strings.TrimSpace(clean), "2024年8月15日") {
		t.Errorf("ends %q", clean[len(clean)-60:])
	}
}

func TestCleanTextWithNothingToRemove(t *testing.T) {
	for _, src := range []string{"", "一、总体要求\n1.加强领导。"} {
		if clean, removed := CleanText(src); clean != src || removed != nil {
			t.Errorf("%q: cleaned to %q, removed %v", src, clean, removed)
		}
	}
}

// Text copied out of a PDF viewer carries the page numbers (— 3 —, 第 3 页
// 共 9 页) and the running header of every page: the clean-up lists them
// and removes them, and the cleaned text parses to the same document.
func TestCleanTextOfPDFPages(t *testing.T) {
	src := seedText(t, "000")
	lines := strings.Split(src, "\n")
	var b strings.Builder
	pages := 0
	for i, l := range lines {
		b.WriteString(l + "\n")
		if i > 0 && i%25 == 0 {
			pages++
			if pages%2 == 0 {
				fmt.Fprintf(&b, "\n— %d —\n\n泰安市人民政府文件\n", pages)
			} else {
				fmt.Fprintf(&b, "第 %d 页 共 9 页\n泰安市人民政府文件\n", pages)
			}
		}
	}
	pdf := b.String()
	clean, removed := CleanText(pdf)
	got := map[string]int{}
	for _, r := range removed {
		got[r.Why]++
	}
	if got[WhyPageNumber] != pages || got[WhyRunningLine] != pages || len(removed) != 2*pages {
		t.Errorf("%d pages: removed %v", pages, got)
	}
	if a, b := nonBlankLines(clean), nonBlankLines(src); a != b {
		t.Errorf("the cleaned text is not the text before the page breaks (blank lines aside):\n%s", firstDifference(a, b))
	}
	if !reflect.DeepEqual(texts(mustParse(t, pdf)), texts(mustParse(t, src))) {
		t.Error("the page numbers changed the parse")
	}
}

// nonBlankLines is s without its blank lines.
func nonBlankLines(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// firstDifference shows where a and b part.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-40)
	return fmt.Sprintf("%q\n%q", a[lo:min(len(a), i+40)], b[lo:min(len(b), i+40)])
}
