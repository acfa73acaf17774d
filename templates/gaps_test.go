package templates

import (
	"context"
	"errors"
	"slices"
	"testing"

	"qicao/drafts"
)

// gapHeadings returns the gaps as DOC:HEADING, in order.
func gapHeadings(groups []GapGroup) []string {
	var out []string
	for _, g := range groups {
		for _, x := range g.Gaps {
			out = append(out, x.Source+":"+x.Heading)
		}
	}
	return out
}

func TestGapsOn000(t *testing.T) {
	b := NewBank(seeds(t))
	groups := b.Gaps(seedSource(t, "000").Doc, GapOptions{})
	got := map[string]bool{}
	for _, g := range groups {
		t.Logf("%.3f %s %s %s", g.Strength, g.City, g.Number, g.Section)
		for _, x := range g.Gaps {
			got[x.Source+":"+x.Heading] = true
			near := ""
			if x.Nearest != nil {
				near = x.Nearest.Heading
			}
			t.Logf("    %.3f %s%s  coverage %.2f topics %v also %v  nearest %s", x.Strength, x.Label, x.Heading, x.Coverage, x.Topics, x.Also, near)
		}
	}
	for _, want := range []string{"004:谋划布局重大科技基础设施", "001:倡導寬容失敗文化生態"} {
		if !got[want] {
			t.Errorf("gaps miss %s", want)
		}
	}
	// Measures 000 plainly has: 科技金融 (its 25), 重点实验室 (its 14).
	for _, has := range []string{"003:创新科技金融模式", "004:创新科技金融模式", "001:優化科技金融服務",
		"001:提升科技金融質效", "003:构建任务导向的实验室体系", "004:建立健全实验室体系",
		"003:加强应用导向的基础研究", "004:推动国有企业创新示范"} {
		if got[has] {
			t.Errorf("gaps list %s, which 000 has", has)
		}
	}
	for _, g := range groups {
		for _, x := range g.Gaps {
			if slices.Contains(x.Also, x.City) || slices.Contains(x.Also, "泰安") {
				t.Errorf("%s supported by its own or the draft's city: %v", x.Heading, x.Also)
			}
		}
		if g.City == "泰安" {
			t.Errorf("gaps list the draft's own city: %s", g.Source)
		}
	}
	if also := gapAlso(groups, "强化乡村振兴科技支撑"); !also["淄博"] && !also["烟台"] {
		t.Errorf("强化乡村振兴科技支撑 of another city not supported by 淄博 or 烟台, which head a clause 乡村振兴: %v", also)
	}
	for i := 1; i < len(groups); i++ {
		if groups[i].Strength > groups[i-1].Strength {
			t.Errorf("group %d stronger than group %d", i, i-1)
		}
	}
}

func TestGapsOwnCityOnly(t *testing.T) {
	b := NewBank([]drafts.CorpusDoc{seedSource(t, "000"), seedSource(t, "002")})
	if g := b.Gaps(seedSource(t, "000").Doc, GapOptions{}); len(g) != 0 {
		t.Errorf("bank of 泰安 only: gaps %v", gapHeadings(g))
	}
}

func TestGapsExcludeCity(t *testing.T) {
	b := NewBank(seeds(t))
	for _, h := range gapHeadings(b.Gaps(seedSource(t, "000").Doc, GapOptions{ExcludeCities: []string{"烟台"}})) {
		if h[:3] == "004" {
			t.Errorf("烟台 excluded, yet listed %s", h)
		}
	}
}

// TestGapsCancelled: a cancelled context stops Gaps with its error and
// no gaps.
func TestGapsCancelled(t *testing.T) {
	b := NewBank(seeds(t))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	groups, err := b.GapsContext(ctx, seedSource(t, "000").Doc, GapOptions{})
	if !errors.Is(err, context.Canceled) || groups != nil {
		t.Errorf("cancelled: %d groups, %v", len(groups), err)
	}
	if groups, err := b.GapsContext(context.Background(), seedSource(t, "000").Doc, GapOptions{}); err != nil || len(groups) == 0 {
		t.Errorf("not cancelled: %d groups, %v", len(groups), err)
	}
}

// gapAlso returns the cities supporting the gaps headed heading.
func gapAlso(groups []GapGroup, heading string) map[string]bool {
	out := map[string]bool{}
	for _, g := range groups {
		for _, x := range g.Gaps {
			if x.Heading == heading {
				for _, c := range x.Also {
					out[c] = true
				}
			}
		}
	}
	return out
}
