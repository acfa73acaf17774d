package templates

import (
	"strings"
	"testing"
	"time"

	"qicao/drafts"
)

// corpusClause returns the clause of a corpus document with that heading.
func corpusClause(t *testing.T, prefix, heading string) *drafts.Node {
	t.Helper()
	for _, s := range CorpusSources() {
		if !strings.HasPrefix(s.Name, prefix) {
			continue
		}
		d, err := drafts.Parse(s.Text)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range d.Clauses() {
			if c.Heading == heading {
				return c.Node
			}
		}
	}
	t.Fatalf("%s: no clause %s", prefix, heading)
	return nil
}

func TestProposeYantaiFinance(t *testing.T) {
	n := corpusClause(t, "004", "创新科技金融模式")
	p := Propose(n.Text)
	want := map[string]string{"烟台": "城市", "20亿元": "数量", "市科技局": "牵头单位",
		"市财政局、人民银行烟台市分行、烟台金融监管分局": "配合单位"}
	for value, name := range want {
		found := false
		for _, c := range p.Candidates {
			if c.Value == value && c.Name == name {
				found = true
			}
		}
		if !found {
			t.Errorf("no proposal %s → {%s}; got %+v", value, name, p.Candidates)
		}
	}
	tpl := p.Template("创新科技金融模式", "重点任务")
	if !strings.Contains(tpl.Body, "发放科技贷款{数量}亿元以上。（{牵头单位}、{配合单位}按职责分工负责）") {
		t.Errorf("body %s", tpl.Body)
	}
	got, err := tpl.Fill(map[string]string{"数量": "30", "牵头单位": "市科技局", "配合单位": "市财政局、市工信局"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, "30亿元以上。（市科技局、市财政局、市工业和信息化局按职责分工负责）") {
		t.Errorf("filled %s", got)
	}
}

func TestProposeDropAndRename(t *testing.T) {
	p := Propose("到2027年，淄博市高新技术企业达到1300家以上（市科技局牵头，市工信局配合）")
	if err := p.Drop("配合单位"); err != nil {
		t.Fatal(err)
	}
	if err := p.Rename("数量", "企业数"); err != nil {
		t.Fatal(err)
	}
	tpl := p.Template("t", "目标")
	want := "到{年份}年，{城市}市高新技术企业达到{企业数}家以上（{牵头单位}牵头，市工信局配合）"
	if tpl.Body != want {
		t.Errorf("body %s\nwant %s", tpl.Body, want)
	}
	if len(tpl.Placeholders) != 4 {
		t.Errorf("placeholders %+v", tpl.Placeholders)
	}
}

func TestProposeTraditionalCity(t *testing.T) {
	p := Propose("助力濟寧經濟高質量發展")
	if c := p.Candidate("城市"); c == nil || c.Value != "濟寧" {
		t.Errorf("濟寧 not proposed: %+v", p.Candidates)
	}
}

func TestFillRefusesUnfilled(t *testing.T) {
	tpl := Template{Body: "结合{城市}实际，到{年份}年。", Placeholders: []Placeholder{{Name: "城市", Type: TypeText}, {Name: "年份", Type: TypeYear}}}
	if _, err := tpl.Fill(map[string]string{"城市": "泰安"}); err == nil || !strings.Contains(err.Error(), "{年份}") {
		t.Errorf("unfilled accepted: %v", err)
	}
	if _, err := tpl.Fill(map[string]string{"城市": "泰安", "年份": "明年"}); err == nil {
		t.Error("bad year accepted")
	}
}

func TestContextAndDefaults(t *testing.T) {
	var d *drafts.Document
	for _, s := range CorpusSources() {
		if strings.HasPrefix(s.Name, "000") {
			d, _ = drafts.Parse(s.Text)
		}
	}
	ctx := ContextOf(d, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	if ctx.City != "泰安" || ctx.Year != 2026 || ctx.Departments[0] != "市科技局" {
		t.Errorf("context %+v", ctx)
	}
	for _, dep := range ctx.Departments {
		if dep == "市工信局" {
			t.Error("short name 市工信局 offered instead of 市工业和信息化局")
		}
	}
	tpl := Template{Body: "结合{城市}实际，到{年份}年（{牵头单位}牵头）", Placeholders: []Placeholder{
		{Name: "城市", Type: TypeText}, {Name: "年份", Type: TypeYear}, {Name: "牵头单位", Type: TypeDepartments}}}
	v := Defaults(tpl, ctx)
	if v["城市"] != "泰安" || v["年份"] != "2026" || v["牵头单位"] != "" {
		t.Errorf("defaults %v", v)
	}
	if choices := DepartmentChoices(ctx); choices[0] != "市科技局" || len(choices) < 20 {
		t.Errorf("choices %v", choices)
	}
}
