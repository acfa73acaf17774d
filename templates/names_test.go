package templates

import (
	"strings"
	"testing"
)

func namesOf(ns []Name, kind NameKind) []string {
	var out []string
	for _, n := range ns {
		if n.Kind == kind {
			out = append(out, n.Text)
		}
	}
	return out
}

func TestLocalNames(t *testing.T) {
	cases := []struct {
		text  string
		kind  NameKind
		wants []string
	}{
		{"科研人员申报泰山人才工程青年项目，岱宗人才工程优先支持", KindProper, []string{"泰山人才工程", "岱宗人才工程"}},
		{"加快推进八角湾中央创新区建设", KindProper, []string{"八角湾中央创新区"}},
		{"做優尼山高端人才創新聯盟", KindProper, []string{"尼山高端人才創新聯盟"}},
		{"打造“泰爱才”人才服务品牌，推广“齐鑫汇”", KindProper, []string{"“泰爱才”", "“齐鑫汇”"}},
		{"建设“鲁中技术产权交易平台”", KindProper, []string{"“鲁中技术产权交易平台”"}},
		{"结合泰安实际，濟寧市、烟台市", KindCity, []string{"泰安", "濟寧", "烟台"}},
		{"支持桓台县等区县争创省级高新区", KindPlace, []string{"桓台县"}},
		{"实施“揭榜挂帅”，坚持“四个面向”", KindProper, nil},
	}
	for _, c := range cases {
		got := namesOf(LocalNames(c.text), c.kind)
		if strings.Join(got, "|") != strings.Join(c.wants, "|") {
			t.Errorf("LocalNames(%q) %s = %q, want %q", c.text, c.kind, got, c.wants)
		}
	}
}

func TestLocalNamesSpans(t *testing.T) {
	text := "以泰安高新区为核心，结合泰安实际"
	for _, n := range LocalNames(text) {
		if text[n.Start:n.End] != n.Text || n.City != "泰安" {
			t.Errorf("bad name %+v", n)
		}
	}
}

func TestCityOf(t *testing.T) {
	for in, want := range map[string]string{"濟寧": "济宁", "烟台市": "烟台", "煙台": "烟台", "泰安": "泰安"} {
		if got, ok := CityOf(in); !ok || got != want {
			t.Errorf("CityOf(%q) = %q, %v", in, got, ok)
		}
	}
	if _, ok := CityOf("山东"); ok {
		t.Error("山东 is a province")
	}
}

func TestStandardDepartment(t *testing.T) {
	for in, want := range map[string]string{
		"市工信局": "市工业和信息化局", "市發展改革委": "市发展改革委", "市发改委": "市发展改革委",
		"市人社局": "市人力资源社会保障局", "市农业局": "市农业农村局", "市卫健委": "市卫生健康委",
		"淄博市科学技术局": "市科技局", "市工業和信息化局": "市工业和信息化局",
	} {
		if got := StandardDepartment(in); got != want {
			t.Errorf("StandardDepartment(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFindDepartments(t *testing.T) {
	text := "（市科技局牵头，市工信局、市市场监管局配合；人民银行烟台市分行、烟台金融监管分局负责）"
	got := namesOf(FindDepartments(text), KindDepartment)
	want := "市科技局|市工信局|市市场监管局|人民银行烟台市分行|烟台金融监管分局"
	if strings.Join(got, "|") != want {
		t.Errorf("FindDepartments = %q", got)
	}
}
