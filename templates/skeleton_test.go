package templates

import (
	"slices"
	"strings"
	"testing"
	"time"

	"qicao/drafts"
)

var skeletonNow = time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)

// Every skeleton, filled as the new-draft dialog fills it, reads back
// with its title, 文号, issuer, city and date, and with its parts.
func TestSkeletonsParseWithTheirValues(t *testing.T) {
	for _, tc := range []struct {
		kind          string
		nodes, clause int
	}{
		{"实施意见", 3, 7},
		{"若干措施", 3, 5},
		{"实施方案", 4, 9},
		{"通知", 3, 3},
	} {
		s, ok := SkeletonOf(tc.kind)
		if !ok {
			t.Fatalf("no skeleton %s", tc.kind)
		}
		v := DefaultSkeletonValues(tc.kind, "泰安市", skeletonNow)
		v.Number = "泰政发〔2026〕5号"
		text := s.Text(v)
		d, err := drafts.Parse(text)
		if err != nil {
			t.Fatalf("%s: %v", tc.kind, err)
		}
		want := "泰安市人民政府关于……的" + tc.kind
		if d.Title != want || d.Number != "泰政发〔2026〕5号" || d.City != "泰安" || d.Date != "2026-12-04" ||
			!slices.Equal(d.Issuers, []string{"泰安市人民政府"}) {
			t.Errorf("%s: meta %+v, want title %s, 泰政发〔2026〕5号, 泰安, 2026-12-04, [泰安市人民政府]", tc.kind, d.Meta, want)
		}
		if len(d.Nodes) != tc.nodes || len(d.Clauses()) != tc.clause {
			t.Errorf("%s: %d parts, %d clauses, want %d, %d", tc.kind, len(d.Nodes), len(d.Clauses()), tc.nodes, tc.clause)
		}
		if m := Missing(text); len(m) != 0 {
			t.Errorf("%s: placeholders left %v", tc.kind, m)
		}
		if !strings.Contains(text, "结合泰安实际") {
			t.Errorf("%s: the city is not in the text:\n%s", tc.kind, text)
		}
	}
}

// A skeleton started with nothing known still parses (a new draft never
// opens on an error) and keeps each unknown as a placeholder to fill.
func TestSkeletonWithNothingKnown(t *testing.T) {
	for _, s := range Skeletons() {
		text := s.Text(SkeletonValues{})
		if _, err := drafts.Parse(text); err != nil {
			t.Errorf("%s: %v", s.Kind, err)
		}
		m := Missing(text)
		for _, name := range []string{PhIssuer, PhNumber, PhDate} {
			if !slices.Contains(m, name) {
				t.Errorf("%s: {%s} not left to fill (left: %v)", s.Kind, name, m)
			}
		}
	}
}

// The officer's own title and issuer win over the derived ones.
func TestSkeletonOwnTitle(t *testing.T) {
	s, _ := SkeletonOf("实施方案")
	v := DefaultSkeletonValues("实施方案", "济宁", skeletonNow)
	v.Title = "济宁市人民政府办公室关于印发济宁市科技创新三年行动实施方案的通知"
	v.Issuer = "济宁市人民政府办公室"
	d, err := drafts.Parse(s.Text(v))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != v.Title || !slices.Equal(d.Issuers, []string{v.Issuer}) {
		t.Errorf("got %q %v", d.Title, d.Issuers)
	}
}

// The 管理办法 skeleton is written in chapters and articles (第一章 总则,
// 第一条 …, 附则) as regulations are.
func TestSkeletonRulesInArticles(t *testing.T) {
	s, _ := SkeletonOf("管理办法")
	text := s.Text(DefaultSkeletonValues("管理办法", "泰安", skeletonNow))
	for _, want := range []string{"\n第一章 总则\n第一条 为了", "\n第四章 附则\n", "第八条 本办法自2026年12月4日起施行。"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	d, err := drafts.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "泰安市人民政府关于……的管理办法" {
		t.Errorf("title %q", d.Title)
	}
}
