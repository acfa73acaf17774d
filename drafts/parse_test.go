package drafts

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// The counts and headings below come from reading the five seeds by hand.
func TestParseSeedsMeta(t *testing.T) {
	tests := []struct {
		seed, title, number, date, status, city string
		issuers                                 int
		effective                               Period
		clauses                                 int // all clauses, prose sections included
	}{
		{"000", "泰安市人民政府关于以科技创新引领现代化产业体系建设的实施意见", "", "", "征求意见稿", "泰安", 1, Period{}, 2 + 28 + 3},
		{"001", "濟寧市人民政府關于加快科技創新與產業創新深度融合的實施意見", "濟政發〔2025〕8號", "2025-07-27", "", "济宁", 1, Period{}, 1 + 18 + 1},
		{"002", "泰安市人民政府关于加快科技创新引领现代化产业体系建设的实施意见", "泰政发〔2024〕5号", "2024-08-15", "", "泰安", 1, Period{}, 1 + 25 + 3},
		{"003", "关于贯彻落实《山东省人民政府关于加快推进新时代科技强省建设的实施意见》的意见", "淄科发〔2023〕22号", "2023-12-20", "", "淄博", 16, Period{"2024-01-20", "2028-12-31"}, 1 + 25},
		{"004", "烟台市人民政府关于加快推进新时代高水平科技强市建设的实施意见", "烟政字〔2024〕40号", "2024-07-25", "", "烟台", 1, Period{}, 1 + 29},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			d := seed(t, tt.seed)
			got := []any{d.Title, d.Number, d.Date, d.Status, d.City, len(d.Issuers), d.Effective, len(d.Clauses())}
			want := []any{tt.title, tt.number, tt.date, tt.status, tt.city, tt.issuers, tt.effective, tt.clauses}
			names := []string{"title", "number", "date", "status", "city", "issuers", "effective", "clauses"}
			for i := range got {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Errorf("%s = %v, want %v", names[i], got[i], want[i])
				}
			}
		})
	}
}

func TestParseNumberedClauses(t *testing.T) {
	tests := []struct {
		seed     string
		family   Family
		count    int
		headings map[int]string // ordinal → heading
	}{
		{"000", ArabicDot, 28, map[int]string{1: "绘制产业链科技攻关路线图", 10: "强化数字化赋能", 16: "改革提升泰山创新谷",
			24: "推动绿色低碳高质量发展", 25: "创新科技金融服务模式", 28: "强化科学普及和宣传教育"}},
		{"001", ArabicDot, 18, map[int]string{2: "激勵企業加大研發投入", 18: "倡導寬容失敗文化生態"}},
		{"002", ArabicDot, 25, map[int]string{9: "推动数字赋能产业升级", 21: "强化区域协同创新", 22: "创新科技金融服务"}},
		{"003", ArabicDot, 25, map[int]string{1: "构建任务导向的实验室体系", 20: "创新科技金融模式", 25: "强化要素保障"}},
		{"004", HanParen, 29, map[int]string{3: "谋划布局重大科技基础设施", 23: "创新科技金融模式", 29: "强化要素保障"}},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			cs := clausesAt(seed(t, tt.seed), tt.family)
			if len(cs) != tt.count {
				t.Fatalf("%d numbered clauses, want %d", len(cs), tt.count)
			}
			for i, c := range cs {
				if c.Ordinal != i+1 {
					t.Errorf("clause %d has ordinal %d (label %q)", i+1, c.Ordinal, c.Label)
				}
				if h, ok := tt.headings[c.Ordinal]; ok && c.Heading != h {
					t.Errorf("clause %d heading %q, want %q", c.Ordinal, c.Heading, h)
				}
			}
		})
	}
}

func TestParseLevelsFollowTheDocument(t *testing.T) {
	d := seed(t, "000")
	var top []string
	for _, n := range d.Nodes {
		top = append(top, n.Label+n.Heading)
	}
	want := []string{"一、总体要求", "二、工作目标", "重点任务", "四、组织实施"}
	if !reflect.DeepEqual(top, want) {
		t.Errorf("top level %q, want %q", top, want)
	}
	var sections []string
	for _, n := range d.Nodes[2].Children {
		sections = append(sections, n.Label)
	}
	// 000 skips （五） and repeats （六）: labels are kept as written.
	if got := strings.Join(sections, ""); got != "（一）（二）（三）（四）（六）（六）（七）（八）" {
		t.Errorf("sections under 重点任务: %s", got)
	}
	if c := d.Nodes[2].Children[3].Children[0]; c.Label != "11." || c.Level != 3 {
		t.Errorf("clause 11 at %q level %d", c.Label, c.Level)
	}
	// 004: （一）…（二十九） sit directly under 一、…十、; 003: 1、 under 一、.
	if n := seed(t, "004").Nodes[1].Children[0]; n.Level != 2 || n.Label != "(一)" || n.Heading != "建立健全实验室体系" {
		t.Errorf("004 first clause: %q level %d %q", n.Label, n.Level, n.Heading)
	}
	if n := seed(t, "003").Nodes[1].Children[0]; n.Label != "1、" || n.Style.Form != "%s、" {
		t.Errorf("003 first clause label %q form %q", n.Label, n.Style.Form)
	}
}

func TestParseClausePaths(t *testing.T) {
	c := clausesAt(seed(t, "000"), ArabicDot)[9]
	if want := []string{"重点任务", "实施源头供给“突破”行动"}; !reflect.DeepEqual(c.Path, want) {
		t.Errorf("path of 10. = %q, want %q", c.Path, want)
	}
}

func TestParseUnits(t *testing.T) {
	tests := []struct {
		seed         string
		family       Family
		ordinal      int
		units, leads []string
		textSuffix   string
	}{
		{"000", ArabicDot, 4, []string{"市科技局", "市工信局", "市教育局", "市卫健委"}, []string{"市科技局"}, "配合）"},
		{"000", ArabicDot, 1, []string{"市科技局", "市工信局"}, []string{"市科技局", "市工信局"}, "按照职责分工）"},
		{"000", ArabicDot, 27, []string{"市科技局"}, []string{"市科技局"}, "（责任单位：市科技局）"},
		{"000", ArabicDot, 23, []string{"市科技局", "市发改委", "市工信局", "市科协"}, []string{"市科技局", "市发改委", "市工信局", "市科协"}, ""},
		// 001 names units after each part of a clause; both are kept.
		{"001", ArabicDot, 2, []string{"市科技局", "市發展改革委", "市工業和信息化局", "市住房城鄉建設局", "市國資委"},
			[]string{"市科技局", "市發展改革委", "市工業和信息化局", "市住房城鄉建設局", "市國資委"}, "(市科技局負責)"},
		{"001", ArabicDot, 9, nil, nil, "團市委按職責分工負責)"},
		{"002", ArabicDot, 19, []string{"市科技局", "市人力资源社会保障局", "市教育局(市委教育工委)", "市财政局"}, nil, "〕"},
		{"003", ArabicDot, 10, []string{"市国资委", "市财政局", "市科技局"}, []string{"市国资委", "市财政局"}, ""},
		// 004 puts some 责任单位 in a paragraph of their own.
		{"004", HanParen, 2, []string{"市科技局", "市发展改革委", "市工业和信息化局"}, []string{"市科技局"}, "500家以上。（市科技局牵头，市发展改革委、市工业和信息化局配合）"},
		{"004", HanParen, 15, []string{"市委组织部", "各人才工程责任部门"}, nil, "按职责分工负责）"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%d", tt.seed, tt.ordinal), func(t *testing.T) {
			c := clausesAt(seed(t, tt.seed), tt.family)[tt.ordinal-1]
			if tt.units != nil && !reflect.DeepEqual(c.Units, tt.units) {
				t.Errorf("units %q, want %q", c.Units, tt.units)
			}
			if tt.leads != nil && !reflect.DeepEqual(c.LeadUnits, tt.leads) {
				t.Errorf("leads %q, want %q", c.LeadUnits, tt.leads)
			}
			if !strings.HasSuffix(c.Text, tt.textSuffix) {
				t.Errorf("text ends %q, want suffix %q", tail(c.Text, 30), tt.textSuffix)
			}
			if len(c.Units) == 0 {
				t.Error("no units")
			}
		})
	}
}

func tail(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[len(r)-n:]
	}
	return string(r)
}

func TestParseDropsWebPage(t *testing.T) {
	d := seed(t, "002")
	web := []string{"今天是", "热点关键词", "来源", "最高补贴500万", "摘要", "image.png", "原文如下", "商务合作", "扫一扫", "2024 08/22"}
	var all []string
	for _, p := range append(append([]Paragraph{}, d.Preamble...), d.Closing...) {
		all = append(all, p.Text)
	}
	d.Walk(func(n *Node, _ *Node) { all = append(all, n.Label+n.Text) })
	joined := strings.Join(all, "\n")
	for _, w := range web {
		if strings.Contains(joined, w) {
			t.Errorf("web text %q survived", w)
		}
	}
	if !strings.HasPrefix(d.Preamble[0].Text, "各县、市、区人民政府") {
		t.Errorf("preamble starts %q", d.Preamble[0].Text)
	}
	if d.Closing[0].Text != "泰安市人民政府" || len(d.Closing) != 2 {
		t.Errorf("closing %v", d.Closing)
	}
	// 001's web page lines and download links go too.
	d = seed(t, "001")
	for _, p := range append(d.Preamble, d.Closing...) {
		if strings.Contains(p.Text, "瀏覽次數") || strings.Contains(p.Text, "【Word版】") {
			t.Errorf("web text survived: %q", p.Text)
		}
	}
}

// Every sentence a page break cut in 003 and 004 comes back whole.
func TestParseJoinsPageBreaks(t *testing.T) {
	whole := map[string][]string{
		"003": {"淄博绿色化工与功能材料山东省实验室", "着力解决创新发展中的重大科学", "重点领域开展科研攻关", "（市科技局牵头，市教育局、市工业和信息化局、市财政局配合)",
			"实施“产业领军人才引领计划”", "离岸创新创业基地、人才工作海外联络站", "加强国际科技合作基地建设", "发挥技术转移人才培养基地作用"},
		"004": {"100 家烟台市重点实验室，构建", "山东冰轮海卓氢能技术研究院等科创平台建设", "力争实现一批从“0”到“1”的原始技术创新突破", "实施数字烟台战略，聚焦",
			"建立研发机构的占比达到 60%以上", "优化整合市级“双百计划”", "（市委组织部、市科技局、市人力资源社会保障局按职责分工负责）", "各类成果转化服务机构", "（市市场监管局牵头)"},
	}
	for s, phrases := range whole {
		d := seed(t, s)
		var texts []string
		for _, c := range d.Clauses() {
			texts = append(texts, c.Text)
			for i, line := range strings.Split(c.Text, "\n") {
				if !endsSentence(line) && !(i == 0 && line == c.Heading) {
					t.Errorf("%s %s: a paragraph ends mid-sentence: …%s", s, c.Label, tail(line, 20))
				}
			}
		}
		all := strings.Join(texts, "\n")
		for _, p := range phrases {
			if !strings.Contains(all, p) {
				t.Errorf("%s: %q not found whole", s, p)
			}
		}
	}
	if got := seed(t, "003").Closing[0].Text; got != "本意见自 2024 年 1 月 20 日起施行，有效期至 2028 年12月31日。" {
		t.Errorf("003 effective sentence %q", got)
	}
}

// A chapter's title that runs onto a second line is one title, not a
// second, unnumbered chapter: 国际海运条例 (2019 text) breaks its 第四章
// title after 国际海上运输; a chapter number alone on its line takes its
// title from the next.
func TestParseJoinsChapterTitleOverTwoLines(t *testing.T) {
	d := realDoc(t, "guowuyuan_2019_haiyun_tiaoli.txt")
	var chapters []string
	for _, n := range d.Nodes {
		chapters = append(chapters, n.Label+" "+n.Heading)
	}
	want := []string{"第一章 总则", "第二章 国际海上运输及其辅助性业务的经营者", "第三章 国际海上运输及其辅助性业务经营活动",
		"第四章 外商投资经营国际海上运输及其辅助性业务的特别规定", "第五章 调查与处理", "第六章 法律责任", "第七章 附则"}
	if !reflect.DeepEqual(chapters, want) {
		t.Errorf("chapters %q\nwant %q", chapters, want)
	}
	if got := len(d.Nodes[3].Children); got != 3 {
		t.Errorf("第四章 holds %d articles, want 3 (第二十五–二十七条)", got)
	}

	d = mustParse(t, "某某条例\n\n第一章\n\n总则\n\n第一条 为了规范管理，制定本条例。\n\n第二条 本条例自公布之日起施行。\n")
	if len(d.Nodes) != 1 || d.Nodes[0].Heading != "总则" || len(d.Nodes[0].Children) != 2 {
		t.Errorf("第一章 on a line of its own: %d chapters, first %q", len(d.Nodes), d.Nodes[0].Heading)
	}
}

func TestParseSpansPointIntoSource(t *testing.T) {
	for _, s := range []string{"000", "001", "002", "003", "004"} {
		d := seed(t, s)
		d.Walk(func(n *Node, parent *Node) {
			if got := d.Source[n.LabelSpan.Start:n.LabelSpan.End]; got != n.Label {
				t.Errorf("%s: label span %q, label %q", s, got, n.Label)
			}
			if n.Span.Start > n.LabelSpan.Start || n.Span.End < n.BodySpan.End || n.BodySpan.End > len(d.Source) {
				t.Errorf("%s %s: spans %v %v %v out of order", s, n.Label, n.Span, n.LabelSpan, n.BodySpan)
			}
			if parent != nil && (n.Span.Start < parent.Span.Start || n.Span.End > parent.Span.End) {
				t.Errorf("%s %s: span %v outside parent %v", s, n.Label, n.Span, parent.Span)
			}
		})
	}
}

func TestParseEmpty(t *testing.T) {
	for _, in := range []string{"", "\n\n", "   \n\t\n", "---\n"} {
		if _, err := Parse(in); err != ErrEmpty {
			t.Errorf("Parse(%q) error %v, want ErrEmpty", in, err)
		}
	}
}

func TestParseLabel(t *testing.T) {
	tests := []struct {
		in, label string
		family    Family
		ordinal   int
		rest      string
	}{
		{"一、总体要求", "一、", HanComma, 1, "总体要求"},
		{"（二十三）创新", "（二十三）", HanParen, 23, "创新"},
		{"(二十八) 强化组织领导。", "(二十八)", HanParen, 28, "强化组织领导。"},
		{"28. 强化科学普及", "28.", ArabicDot, 28, "强化科学普及"},
		{"1、构建", "1、", ArabicDot, 1, "构建"},
		{"3．加强", "3．", ArabicDot, 3, "加强"},
		{"（1）支持", "（1）", ArabicParen, 1, "支持"},
		{"十、强化", "十、", HanComma, 10, "强化"},
	}
	for _, tt := range tests {
		l, ok := ParseLabel(tt.in)
		label, style, ord, consumed := l.Text, l.Style, l.Ordinal, l.Len
		if !ok || label != tt.label || style.Family != tt.family || ord != tt.ordinal || tt.in[consumed:] != tt.rest {
			t.Errorf("ParseLabel(%q) = %q %v %d %q %v", tt.in, label, style, ord, tt.in[consumed:], ok)
		}
		if got := style.Format(ord); got != strings.TrimSpace(tt.label) {
			t.Errorf("Format(%d) in %v = %q, want %q", ord, style, got, tt.label)
		}
	}
	for _, in := range []string{"2.8%的投入", "2026年，全社会", "（市科技局牵头）", "（此件公开发布）", "重点任务"} {
		if _, ok := ParseLabel(in); ok {
			t.Errorf("ParseLabel(%q) took a label", in)
		}
	}
}

func TestHanNumerals(t *testing.T) {
	for n := 1; n < 1000; n++ {
		if got := ParseHanNumeral(HanNumeral(n)); got != n {
			t.Fatalf("%d → %s → %d", n, HanNumeral(n), got)
		}
	}
	for s, n := range map[string]int{"一": 1, "十": 10, "十一": 11, "二十九": 29, "一百零五": 105} {
		if HanNumeral(n) != s {
			t.Errorf("HanNumeral(%d) = %s, want %s", n, HanNumeral(n), s)
		}
	}
	if !utf8.ValidString(HanNumeral(0)) {
		t.Error("invalid")
	}
}

func BenchmarkParseSeeds(b *testing.B) {
	var texts []string
	for _, s := range []string{"000", "001", "002", "003", "004"} {
		texts = append(texts, seedText(b, s))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			if _, err := Parse(t); err != nil {
				b.Fatal(err)
			}
		}
	}
}
