package drafts

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// realDoc parses a real document kept under testdata/real (see SOURCES.md
// there).
func realDoc(t testing.TB, name string) *Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "real", name))
	if err != nil {
		t.Fatal(err)
	}
	return mustParse(t, string(b))
}

// outline writes a document's labelled nodes as depth:label, one a word.
func outline(d *Document) string {
	var out []string
	var walk func(ns []*Node, depth int)
	walk = func(ns []*Node, depth int) {
		for _, n := range ns {
			out = append(out, strings.Repeat(">", depth)+strings.Join(strings.Fields(n.Label), ""))
			walk(n.Children, depth+1)
		}
	}
	walk(d.Nodes, 0)
	return strings.Join(out, " ")
}

// One row per convention, each on a real document; what is expected was
// read off the document by hand.
func TestParseRealConventions(t *testing.T) {
	tests := []struct {
		file, convention            string
		title, number, date, status string
		issuer                      string // one issuer the document names
		outline                     string // labelled nodes, > per level
		headings                    map[string]string
	}{
		{"weihai_2020_banfa.txt", "第X条 only, Markdown, 款 as paragraphs, 项 under an article",
			"威海市危险废物管理办法", "", "", "", "", "", map[string]string{"第二十三条": "危险废物应当按照特性分类处置"}},
		{"xiamen_2002_guiding.txt", "第X条 without a space after the label",
			"厦门市新型墙体材料管理规定", "", "", "", "福建省厦门市人民政府", "第一条 第二条 第三条 第四条 第五条 第六条 第七条",
			map[string]string{"第六条": "禁止新建生产实心粘土砖的企业"}},
		{"heze_2009_banfa.txt", "notice wrapping a 第X章/第X条 办法, date in ○ numerals",
			"菏泽市人民政府办公室关于印发菏泽市扩大内需投资项目管理办法的通知", "菏政办发〔2009〕72号", "2009-10-29", "", "山东省菏泽市人民政府办公室",
			"第一章 >第一条 >第二条 >第三条", map[string]string{"第一章": "总则"}},
		{"tongchuan_2019_guize.txt", "第X章 holding 一、 items that run on across chapters; title after an issuer line",
			"铜川市人民政府关于印发《铜川市人民政府工作规则》的通知", "铜政发〔2019〕3号", "2019-01-21", "", "铜川市人民政府",
			"第一章 >一、 >二、 >三、 >四、 第二章 >五、 >六、", map[string]string{"第二章": "组成人员职责"}},
		{"zhenba_2024_guize.txt", "第X章总则 without a space; metadata values on the line after their key",
			"镇巴县人民政府工作规则", "镇政发〔2024〕7号", "", "", "", "第一章 >一、 >二、 >三、 第二章 >四、 >五、",
			map[string]string{"第二章": "组成人员和政府职能"}},
		{"hebei_2010_rengong.txt", "政府令 number, 现予公布 notice, 二○一○ date, 第一章总则",
			"河北省人工影响天气管理规定", "政府令〔2010〕第15号", "2010-12-25", "", "河北省人民政府",
			"第一章 >第一条 >第二条 >第三条 >第四条 >第五条 >第六条 >第七条", map[string]string{"第一章": "总则"}},
		{"lincang_2006_guiding.txt", "notice wrapping a 规定(试行), date 二OO六 with letter O, an article heading its items",
			"临沧市人民政府关于印发临沧市道路交通安全管理特别规定(试行)的通知", "", "2006-02-20", "试行", "云南省临沧市人民政府",
			"第一条 第二条 第三条 >(一) >(二) >(三)", map[string]string{"第三条": "运输企业、客运车辆的营运资质和条件"}},
		{"tuanzhongyang_2005_banfa.txt", "[ ] 文号, signature and ○ date before the attachment, 第一章 总 则",
			"关于印发《“全国青年中心建设先进县(市)”创建办法(试行)》的通知", "中青办发〔2005〕13号", "2005-05-09", "试行", "共青团中央办公厅",
			"第一章 >第一条 >第二条", map[string]string{"第一章": "总则"}},
		{"shenyang_1997_guiding.txt", "government order with [ ] number",
			"沈阳市鼓励华侨、港澳同胞投资的规定", "沈政令〔1997〕29号", "", "", "辽宁省沈阳市人民政府",
			"第一条 第二条 第三条 第四条 第五条 第六条 第七条 >(一) >(二) >(三) >(四)", nil},
		{"shanxi_2018_fangan.txt", "HTML tags in text, database metadata, notice without a title",
			"山西省激发重点群体活力带动城乡居民增收的实施方案", "晋政发〔2018〕13号", "2018-03-27", "", "山西省人民政府", "一、 二、",
			map[string]string{"一、": "指导思想"}},
		{"sichuan_2022_fangan.txt", "notice without a title wrapping a 方案",
			"四川省“十四五”现代流通体系建设实施方案", "", "2022-10-18", "", "四川省发展和改革委员会", "一、 >(一) >(二) >(三)", nil},
		{"jinhua_2016_yijian.txt", "legal database metadata (发文标题, 发文文号)",
			"金华市人民政府关于深入实施创新驱动发展战略补齐科技创新短板的若干意见", "金政发〔2016〕54号", "", "", "金华市人民政府", "一、 >1.", nil},
		{"chengdu_2024_fangan.txt", "joint issuers on the title line",
			"成都市发展和改革委员会中共成都市委社会工作部成都市规划和自然资源局成都市住房和城乡建设局关于印发成都市城市社区嵌入式服务设施建设工程实施方案的通知",
			"", "", "", "中共成都市委社会工作部", "一、", nil},
		{"guowuyuan_2017_jiaotong_jie.txt", "第X章 > 第X节 > 第X条 > 项, 款 after the items back in the article",
			"", "", "", "", "", "第四章 >第一节 >>第三十八条 >>>(一) >>>(二) >>>(三) >>第三十九条 >>>(一) >>>(二) >>第四十条 >>>(一) >>>(二) " +
				">>第四十一条 >>第四十二条 >>第四十三条 >第二节 >>第四十四条 >>第四十五条 >>>(一) >>>(二)",
			map[string]string{"第一节": "一般规定", "第二节": "机动车通行规定"}},
		{"guowuyuan_2017_jiaotong_fuze.txt", "第一百条　with an ideographic space, 第一百零一条",
			"", "", "", "", "", "第六章 >第九十八条 >第九十九条 >第一百条 >第一百零一条 第七章 >第一百零二条 >第一百零三条",
			map[string]string{"第一百条": "公安机关交通管理部门应当公布举报电话，受理群众举报投诉，并及时调查核实，反馈查处结果", "第七章": "法律责任"}},
		{"yuncheng_2017_fenjie.txt", "【key】 database metadata, notice wrapping a 责任分解",
			"运城市人民政府办公厅关于印发运城市突发事件应急体系建设“十三五”规划责任分解的通知", "", "2017-04-13", "", "运城市人民政府办公厅",
			"(一) >1. >>(1) >>(2) >>(3) >>(4) >2.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := realDoc(t, tt.file)
			got := []string{d.Title, d.Number, d.Date, d.Status}
			want := []string{tt.title, tt.number, tt.date, tt.status}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: title, number, date, status = %q, want %q", tt.convention, got, want)
			}
			if tt.issuer != "" && !contains(d.Issuers, tt.issuer) {
				t.Errorf("%s: issuers %q lack %q", tt.convention, d.Issuers, tt.issuer)
			}
			if o := outline(d); tt.outline != "" && o != tt.outline {
				t.Errorf("%s: outline\n got %s\nwant %s", tt.convention, o, tt.outline)
			}
			for label, h := range tt.headings {
				if n := findLabel(d.Nodes, label); n == nil || n.Heading != h {
					t.Errorf("%s: heading of %s = %v, want %q", tt.convention, label, n, h)
				}
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func findLabel(ns []*Node, label string) *Node {
	for _, n := range ns {
		if strings.Join(strings.Fields(n.Label), "") == label {
			return n
		}
		if m := findLabel(n.Children, label); m != nil {
			return m
		}
	}
	return nil
}

// A notice and its attachment are two parts; the outline is the
// attachment's, the metadata the notice's.
func TestParseNoticeParts(t *testing.T) {
	d := realDoc(t, "heze_2009_banfa.txt")
	if len(d.Parts) != 2 || d.Parts[0].Kind != PartNotice || d.Parts[1].Kind != PartAttachment || !d.Parts[1].Main {
		t.Fatalf("parts %+v", d.Parts)
	}
	if got := d.Parts[1].Title; got != "菏泽市扩大内需投资项目管理办法" {
		t.Errorf("attachment title %q", got)
	}
	if len(d.Parts[0].Nodes) != 0 || d.Parts[0].Date != "2009-10-29" {
		t.Errorf("notice part: %d nodes, date %q", len(d.Parts[0].Nodes), d.Parts[0].Date)
	}
	if one := realDoc(t, "weihai_2020_banfa.txt"); len(one.Parts) != 1 || one.Parts[0].Kind != PartDocument {
		t.Errorf("a regulation alone: parts %+v", one.Parts)
	}
}

// Articles are clauses, chapters sections; an article's later paragraphs
// (款) are its body.
func TestParseArticlesAreClauses(t *testing.T) {
	d := realDoc(t, "weihai_2020_banfa.txt")
	var articles int
	for _, c := range d.Clauses() {
		if c.Style.Family == Article {
			articles++
		}
	}
	if articles != 34 {
		t.Errorf("%d article clauses, want 34", articles)
	}
	a := findLabel(d.Nodes, "第二条")
	if want := "法律、法规对危险废物管理另有规定的，从其规定。"; !strings.HasSuffix(a.Text, "\n"+want) {
		t.Errorf("第二条 text %q, want its second paragraph %q", a.Text, want)
	}
	if d.Effective.From != "2020-03-01" {
		t.Errorf("effective from %q", d.Effective.From)
	}
}

// 责任单位 in the forms real documents write them.
func TestParseRealUnits(t *testing.T) {
	tests := []struct {
		file, label  string
		nth          int // which node with that label, from 0
		units, leads []string
	}{
		// 责任单位:县财政局。 on a line of its own after the item
		{"changxing_2023_fenjie.txt", "1.", 0, []string{"县财政局"}, []string{"县财政局"}},
		// 〔责任单位:…按职责分工负责。具体任务…下同。〕
		{"sichuan_2022_fangan.txt", "(一)", 0, []string{"省发展改革委", "省市场监管局", "商务厅", "省大数据中心"},
			[]string{"省发展改革委", "省市场监管局", "商务厅", "省大数据中心"}},
		// (责任单位:…) after a group of items applies to each
		{"yuncheng_2017_fenjie.txt", "(1)", 0, []string{"市直各有关单位", "各县(市、区)人民政府", "各开发区管委会"}, nil},
		{"yuncheng_2017_fenjie.txt", "(4)", 0, []string{"市直各有关单位", "各县(市、区)人民政府", "各开发区管委会"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.label, func(t *testing.T) {
			n := findLabel(realDoc(t, tt.file).Nodes, tt.label)
			if n == nil {
				t.Fatal("no node")
			}
			if !reflect.DeepEqual(n.Units, tt.units) || tt.leads != nil && !reflect.DeepEqual(n.LeadUnits, tt.leads) {
				t.Errorf("units %q leads %q, want %q %q", n.Units, n.LeadUnits, tt.units, tt.leads)
			}
		})
	}
	// Forms from the issue, each written as real plans write them.
	forms := []struct {
		text         string
		units, leads []string
	}{
		{"（牵头单位：市科技局；配合单位：市财政局）", []string{"市科技局", "市财政局"}, []string{"市科技局"}},
		{"（责任单位：市科技局（牵头）、市财政局）", []string{"市科技局", "市财政局"}, []string{"市科技局"}},
		{"（牵头单位：省发展改革委；责任单位：省编办、省国土资源厅）", []string{"省发展改革委", "省编办", "省国土资源厅"}, []string{"省发展改革委"}},
		{"（市科技局牵头 市财政局 市教育局配合）", []string{"市科技局", "市财政局", "市教育局"}, []string{"市科技局"}},
		{"〔责任单位：市发展改革委 市财政局〕", []string{"市发展改革委", "市财政局"}, []string{"市发展改革委", "市财政局"}},
	}
	for _, f := range forms {
		u, l := Units("推进工作。" + f.text)
		if !reflect.DeepEqual(u, f.units) || !reflect.DeepEqual(l, f.leads) {
			t.Errorf("%s: units %q leads %q, want %q %q", f.text, u, l, f.units, f.leads)
		}
	}
}

// Noise: page numbers and the running header beside them go; the words
// stay.
func TestParseDropsPageNoise(t *testing.T) {
	src := "某市人民政府关于印发某方案的通知\n一、总体要求\n1.加强统筹。推进全市\n— 3 —\n某市人民政府文件\n工作落实。\n第4页 共10页\n某市人民政府文件\n2.强化保障。\n-5-\n某市人民政府文件\n3.加强考核。\n"
	d := mustParse(t, src)
	c := findLabel(d.Nodes, "1.")
	if c == nil || c.Text != "加强统筹。推进全市工作落实。" {
		t.Fatalf("clause 1: %+v", c)
	}
	if n := findLabel(d.Nodes, "3."); n == nil || n.Text != "加强考核。" {
		t.Errorf("clause 3: %+v", n)
	}
}

// Metadata as databases and pages write it: keys stripped from the title,
// 成文日期 used where the text has no date, breadcrumbs dropped.
func TestParseWebMetadata(t *testing.T) {
	d := mustParse(t, "政务服务丨某市人民政府关于加强某某工作的意见\n成文日期：2021年03月05日 发布日期：2021-03-08\n一、总体要求\n有效期5年，自2021年4月1日起施行。\n")
	if d.Title != "某市人民政府关于加强某某工作的意见" || d.Date != "2021-03-05" {
		t.Errorf("title %q date %q", d.Title, d.Date)
	}
	if d.Effective != (Period{"2021-04-01", "2026-03-31"}) {
		t.Errorf("effective %+v", d.Effective)
	}
}

// A table of contents is not the body.
func TestParseSkipsContents(t *testing.T) {
	d := mustParse(t, "某市物业管理条例\n目录\n第一章 总则\n第二章 业主\n第三章 附则\n第一章 总则\n第一条 为了规范物业管理，制定本条例。\n第二章 业主\n第二条 业主享有权利。\n第三章 附则\n第三条 本条例自2020年1月1日起施行。\n")
	if o := outline(d); o != "第一章 >第一条 第二章 >第二条 第三章 >第三条" {
		t.Errorf("outline %s", o)
	}
}
