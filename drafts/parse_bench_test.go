package drafts

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkParseSeedsAndReal parses the five seeds and the real documents
// of testdata/real one after the other (target: well under 50 ms).
func BenchmarkParseSeedsAndReal(b *testing.B) {
	var texts []string
	for _, p := range []string{"000", "001", "002", "003", "004"} {
		texts = append(texts, seedText(b, p))
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "real", "*.txt"))
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
	}
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			if _, err := Parse(t); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// regulation writes a regulation of n articles in chapters of 20, each
// article of two paragraphs (款), every fifth with three items (项).
func regulation(n int) string {
	var s strings.Builder
	s.WriteString("某市物业管理条例\n\n")
	for i := 1; i <= n; i++ {
		if i%20 == 1 {
			fmt.Fprintf(&s, "第%s章 第%s部分规定\n\n", HanNumeral(i/20+1), HanNumeral(i/20+1))
		}
		fmt.Fprintf(&s, "第%s条 物业服务企业应当按照物业服务合同的约定提供第%d项服务，接受业主监督。\n\n", HanNumeral(i), i)
		s.WriteString("违反前款规定的，由房屋行政管理部门责令限期改正，处一万元以上五万元以下罚款。\n\n")
		if i%5 == 0 {
			for k := 1; k <= 3; k++ {
				fmt.Fprintf(&s, "（%s）建立和保存第%d类档案；\n\n", HanNumeral(k), k)
			}
		}
	}
	return s.String()
}

// BenchmarkParseRegulation400 parses a 400-article regulation (target:
// under 20 ms).
func BenchmarkParseRegulation400(b *testing.B) {
	text := regulation(400)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := Parse(text); err != nil {
			b.Fatal(err)
		}
	}
}

// numberedClauses writes n numbered clauses of about 22 bytes each, as a
// 4.5 MB file of 200,000 clauses does: sections 一、 of 100 items (1.–100.).
func numberedClauses(n int) string {
	var s strings.Builder
	for i := 0; i < n; i++ {
		if i%100 == 0 {
			fmt.Fprintf(&s, "%s、任务\n", HanNumeral(i/100%999+1))
		}
		fmt.Fprintf(&s, "%d.推进第%d项。\n", i%100+1, i)
	}
	return s.String()
}

// BenchmarkParseClauses shows the growth of parsing with the number of
// clauses (target: 200,000 clauses in 4.5 MB under 2 s, linear growth).
func BenchmarkParseClauses(b *testing.B) {
	for _, n := range []int{10_000, 50_000, 200_000} {
		text := numberedClauses(n)
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := Parse(text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParseOneLongClause parses 200,000 unnumbered lines that all
// belong to one clause: the clause's text is built once, not re-copied
// per line.
func BenchmarkParseOneLongClause(b *testing.B) {
	var s strings.Builder
	s.WriteString("一、任务\n")
	for i := 0; i < 200_000; i++ {
		fmt.Fprintf(&s, "%d 推进第%d项工作\n", 1000+i, i)
	}
	text := s.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := Parse(text); err != nil {
			b.Fatal(err)
		}
	}
}

// The 400-article regulation is read as 20 chapters of 20 articles.
func TestParseRegulationShape(t *testing.T) {
	d := mustParse(t, regulation(400))
	if len(d.Nodes) != 20 || len(d.Nodes[19].Children) != 20 || d.Nodes[19].Children[19].Label != "第四百条" {
		t.Fatalf("%d chapters", len(d.Nodes))
	}
	if n := len(d.Clauses()); n != 400+80*3 {
		t.Errorf("%d clauses, want 640 (400 articles, 240 items)", n)
	}
}
