package drafts

import (
	"strings"
	"testing"
)

// In a regulation an item (项) is one paragraph: a paragraph after an
// article's items is the article's next 款, not more of its last item, on
// real articles (sources in testdata/real/SOURCES.md).
func TestParagraphAfterItemsIsTheArticles(t *testing.T) {
	tests := []struct {
		file, article, lastItem string
		itemText                string // the last item's whole text
		kuan                    string // a 款 after the items, in the article's text
	}{
		{"guowuyuan_2017_jiaotong_jie.txt", "第三十八条", "(三)", "红灯亮时，禁止车辆通行。", "红灯亮时，右转弯的车辆在不妨碍被放行的车辆"},
		{"guowuyuan_2019_wangba_tiaoli.txt", "第八条", "(七)", "法律、行政法规和国务院有关部门规定的其他条件。", "审批从事互联网上网服务经营活动"},
		{"minzhengbu_2019_shouyang_banfa.txt", "第五条", "(三)", "县级以上医疗机构出具的未患有在医学上认为不应当收养子女的疾病的身体健康检查证明。", "收养继子女的，可以只提交"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := realDoc(t, tt.file)
			a := findLabel(d.Nodes, tt.article)
			if a == nil {
				t.Fatalf("no %s", tt.article)
			}
			item := findLabel(a.Children, tt.lastItem)
			if item == nil || item.Text != tt.itemText {
				t.Errorf("%s%s = %v, want text %q", tt.article, tt.lastItem, item, tt.itemText)
			}
			if !strings.Contains(a.Text, tt.kuan) {
				t.Errorf("%s text %q lacks its 款 %q", tt.article, a.Text, tt.kuan)
			}
			if a.BodySpan.End < item.Span.End || !strings.Contains(d.Source[a.BodySpan.Start:a.BodySpan.End], tt.kuan) {
				t.Errorf("%s BodySpan %v does not run to its last 款", tt.article, a.BodySpan)
			}
		})
	}
	// A second list after a 款 is the article's too (第五条 of the 办法 has two).
	d := realDoc(t, "minzhengbu_2019_shouyang_banfa.txt")
	if o := outline(&Document{Nodes: []*Node{findLabel(d.Nodes, "第五条")}}); o != "第五条 >(一) >(二) >(三) >(一) >(二)" {
		t.Errorf("第五条 outline %s", o)
	}
	// A hit counts for the node whose own paragraph holds it, never for
	// the article as well as its item.
	d = realDoc(t, "guowuyuan_2017_jiaotong_jie.txt")
	byNode := HitsByNode(d, Find(d.Source, "红灯亮时", FindOptions{}))
	for label, want := range map[string]int{"第三十八条": 1, "第三十九条": 0} {
		if got := byNode[findLabel(d.Nodes, label)]; got != want {
			t.Errorf("%s holds %d hits, want %d", label, got, want)
		}
	}
	if n := findLabel(findLabel(d.Nodes, "第三十八条").Children, "(三)"); byNode[n] != 1 {
		t.Errorf("(三) of 第三十八条 holds %d hits, want 1", byNode[n])
	}
}
