package templates

import (
	"slices"
	"strings"
	"testing"
	"time"

	"qicao/drafts"
)

// TestDepartmentChoicesOwnCity: for each seed of the corpus, as the draft
// in hand, no department offered names another city, the draft's own
// responsible units come first, and the city-named organs of the corpus
// are offered under the draft's city.
func TestDepartmentChoicesOwnCity(t *testing.T) {
	for _, src := range CorpusSources() {
		d, err := drafts.Parse(src.Text)
		if err != nil || d.City == "" {
			t.Fatalf("%s: city %q, %v", src.Name, d.City, err)
		}
		t.Run(d.City, func(t *testing.T) {
			ctx := ContextOf(d, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
			choices := DepartmentChoices(ctx)
			for _, c := range choices {
				for _, n := range Cities(c) {
					if n.City != d.City {
						t.Errorf("%s draft offered %s", d.City, c)
					}
				}
			}
			own, _ := DepartmentForCity(ctx.Departments[0], d.City)
			if choices[0] != own {
				t.Errorf("first choice %s, want the draft's own %s", choices[0], own)
			}
			if want := "人民银行" + d.City + "市分行"; !slices.Contains(choices, want) {
				t.Errorf("no %s among %v", want, choices)
			}
		})
	}
}

func TestDepartmentForCity(t *testing.T) {
	for _, c := range []struct{ in, city, want string }{
		{"人民银行济宁市分行", "泰安", "人民银行泰安市分行"},
		{"國家金融監督管理總局淄博監管分局", "泰安", "国家金融监督管理总局泰安监管分局"},
		{"济宁金融监管分局", "烟台", "烟台金融监管分局"},
		{"市财政局", "泰安", "市财政局"},
		{"市财政局", "", "市财政局"},
		{"人民银行济宁市分行", "", ""},
	} {
		got, ok := DepartmentForCity(c.in, c.city)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("DepartmentForCity(%s, %s) = %s, %v; want %s", c.in, c.city, got, ok, c.want)
		}
	}
}

func TestDepartmentChoicesNoCity(t *testing.T) {
	for _, c := range DepartmentChoices(Context{}) {
		if len(Cities(c)) > 0 {
			t.Errorf("offered %s to a draft of no known city", c)
		}
		if !IsDepartment(c) {
			t.Errorf("offered %s, not a department", c)
		}
	}
}

func TestDepartmentsRoundTrip(t *testing.T) {
	v := "市发展改革委、市财政局、人民银行泰安市分行"
	if got := JoinDepartments(SplitDepartments(v)); got != v {
		t.Errorf("round trip %s", got)
	}
	if got := SplitDepartments(" 市发改委，市财政局 ; "); !slices.Equal(got, []string{"市发改委", "市财政局"}) {
		t.Errorf("split %q", got)
	}
}

// TestPreviewIsFill: the preview shows what is unfilled as 【name】 and,
// once every value is in, is exactly Fill's text.
func TestPreviewIsFill(t *testing.T) {
	tpl := Template{Body: "到{年份}年（{牵头单位}牵头，{配合单位}配合）", Placeholders: []Placeholder{
		{Name: "年份", Type: TypeYear}, {Name: "牵头单位", Type: TypeDepartments}, {Name: "配合单位", Type: TypeDepartments}}}
	v := map[string]string{"年份": "明年", "牵头单位": "市科技局"}
	parts := tpl.Preview(v)
	if got := Join(parts); got != "到【年份】年（市科技局牵头，【配合单位】配合）" {
		t.Errorf("preview %s", got)
	}
	var open []string
	for _, p := range parts {
		if p.Placeholder != "" {
			open = append(open, p.Placeholder)
		}
	}
	if strings.Join(open, " ") != "年份 配合单位" {
		t.Errorf("open placeholders %v", open)
	}
	v["年份"], v["配合单位"] = "2027年", "市发改委、市财政局"
	text, err := tpl.Fill(v)
	if err != nil || Join(tpl.Preview(v)) != text || text != "到2027年（市科技局牵头，市发展改革委、市财政局配合）" {
		t.Errorf("fill %q, %v; preview %q", text, err, Join(tpl.Preview(v)))
	}
}
