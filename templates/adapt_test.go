package templates

import (
	"strings"
	"testing"

	"qicao/drafts/norm"
)

func TestAdaptJiningToTaian(t *testing.T) {
	for _, heading := range []string{"加強區域協同創新", "推動“五鏈”深度融合賦能", "深化大院大所大學合作"} {
		c, err := clauseByHeading(seedSource(t, "001"), heading)
		if err != nil {
			t.Fatal(err)
		}
		a := Adapt(c.Text, "濟寧", "泰安")
		t.Logf("%s\n%s", heading, a.Text)
		if norm.Simplify(a.Text) != a.Text {
			t.Errorf("%s: traditional characters left", heading)
		}
		if strings.Contains(a.Text, "济宁") || strings.Contains(a.Text, "濟寧") {
			t.Errorf("%s: 济宁 left in %s", heading, a.Text)
		}
		r := []rune(a.Text)
		kinds := map[string][]string{}
		for _, f := range a.Flags {
			if got := string(r[f.Start:f.End]); got != f.Text {
				t.Errorf("flag %q covers %q", f.Text, got)
			}
			kinds[f.Kind] = append(kinds[f.Kind], f.Text)
			t.Logf("  %s %s", f.Kind, f.Text)
		}
		if len(kinds[FlagUnits]) == 0 {
			t.Errorf("%s: 责任单位 not flagged", heading)
		}
		if !strings.Contains(a.Text, "（市") && !strings.Contains(a.Text, "(市") {
			t.Errorf("%s: 责任单位 dropped", heading)
		}
	}
}

func TestAdaptFlagsLocalNames(t *testing.T) {
	c, _ := clauseByHeading(seedSource(t, "001"), "加強區域協同創新")
	a := Adapt(c.Text, "济宁", "泰安市")
	if !strings.Contains(a.Text, "以泰安高新区创新策源地为牵引") {
		t.Errorf("city not replaced: %s", a.Text)
	}
	want := map[string]string{"泰安": FlagCity}
	c, _ = clauseByHeading(seedSource(t, "001"), "推動“五鏈”深度融合賦能")
	a2 := Adapt(c.Text, "济宁", "泰安")
	want["尼山高端人才创新联盟"] = FlagLocalName
	c, _ = clauseByHeading(seedSource(t, "001"), "深化大院大所大學合作")
	a3 := Adapt(c.Text, "济宁", "泰安")
	want["驻济"] = FlagShortName
	found := map[string]bool{}
	for _, a := range []Adapted{a, a2, a3} {
		for _, f := range a.Flags {
			if want[f.Text] == f.Kind {
				found[f.Text] = true
			}
		}
	}
	for text, kind := range want {
		if !found[text] {
			t.Errorf("no %s flag on %s", kind, text)
		}
	}
	// 烟台's local names, adapted to 泰安.
	c, _ = clauseByHeading(seedSource(t, "004"), "打造区域科技创新中心")
	y := Adapt(c.Text, "烟台", "泰安")
	names := ""
	for _, f := range y.Flags {
		if f.Kind == FlagLocalName {
			names += f.Text + "|"
		}
	}
	if !strings.Contains(names, "八角湾中央创新区") {
		t.Errorf("八角湾中央创新区 not flagged: %s", names)
	}
}

func TestSuggestAdaptTo(t *testing.T) {
	b := NewBank(seeds(t))
	ss := b.Suggest(Query{Text: "区域协同创新", K: 3, Cities: []string{"济宁"}, AdaptTo: "泰安"})
	if len(ss) == 0 || ss[0].Adapted == nil {
		t.Fatal("no adapted suggestion")
	}
	if norm.Simplify(ss[0].Adapted.Text) != ss[0].Adapted.Text {
		t.Error("adapted text not simplified")
	}
}
