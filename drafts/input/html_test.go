package input

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// readTestdata reads a file under testdata.
func readTestdata(t *testing.T, parts ...string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(append([]string{"testdata"}, parts...)...))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestHTMLPages reads each saved government page as its document: the
// title and the article's lines, in the page's charset, without the site
// around it (navigation, breadcrumb, metadata, links, footer, scripts).
func TestHTMLPages(t *testing.T) {
	pages, _ := filepath.Glob("testdata/html/*.html")
	if len(pages) < 3 {
		t.Fatalf("only %d pages", len(pages))
	}
	chrome := []string{"首页", "当前位置", "打印", "关闭窗口", "ICP", "版权所有", "相关文章", "索引号", "索引號", "主辦單位", "统计代码", "已隐藏", "<", "&nbsp;", "&ldquo;"}
	for _, page := range pages {
		name := filepath.Base(page)
		data := readTestdata(t, "html", name)
		want := string(readTestdata(t, "html", strings.TrimSuffix(name, ".html")+".txt"))
		t.Run(name, func(t *testing.T) {
			got, err := Decode(name, data)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
			for _, c := range chrome {
				if strings.Contains(got, c) {
					t.Errorf("site text %q in the document", c)
				}
			}
		})
		t.Run(name+"/as .txt", func(t *testing.T) {
			if got, err := Decode("page.txt", data); err != nil || got != want {
				t.Errorf("a page saved as .txt: %v\n%s", err, got)
			}
		})
	}
}

// TestHTMLCharset reads a page whose declaration is wrong or missing as
// its bytes are: GBK declared as UTF-8, GBK and Big5 with no declaration.
func TestHTMLCharset(t *testing.T) {
	charsetAttr := regexp.MustCompile(`(?i)charset=[a-z0-9_-]+`)
	for _, name := range []string{"yueyang_2017_zhengwu", "dongguan_2021_jiuye"} {
		data := readTestdata(t, "html", name+".html")
		want := string(readTestdata(t, "html", name+".txt"))
		for _, c := range []string{"charset=utf-8", "charset=iso-8859-1", "nocharset"} {
			t.Run(name+"/"+c, func(t *testing.T) {
				got, err := Decode(name+".html", charsetAttr.ReplaceAll(bytes.Clone(data), []byte(c)))
				if err != nil || got != want {
					t.Errorf("%v\n%s", err, got)
				}
			})
		}
	}
}

// TestHTMLInText reads the markup of a page pasted into a .txt (a real
// crawled document) as HTML: its plain metadata lines kept, each <p> a
// line, no tags left.
func TestHTMLInText(t *testing.T) {
	got, err := Decode("shanxi_2018_fangan.txt", readTestdata(t, "html", "shanxi_2018_fangan.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(got, "\n")
	wantStart := []string{
		"发文机关:山西省人民政府", "发布日期:2018年03月27", "生效日期:2018年03月27", "时效性 :现行有效", "文号 :晋政发〔2018〕13号",
		"各市、县人民政府,省人民政府各委、办、厅、局:",
		"现将《山西省激发重点群体活力带动城乡居民增收的实施方案》印发给你们,请认真组织实施。",
		"山西省人民政府", "2018年3月27日", "(此件公开发布)", "",
		"山西省激发重点群体活力带动城乡居民增收的实施方案", "",
	}
	for i, w := range wantStart {
		if i >= len(lines) || lines[i] != w {
			t.Fatalf("line %d: got %q, want %q\n%s", i, lines[min(i, len(lines)-1)], w, got)
		}
	}
	if strings.ContainsAny(got, "<>") || !strings.Contains(got, "\n一、指导思想\n") {
		t.Errorf("markup left or heading not a line:\n%s", got)
	}
}

// TestHTMLEdges covers what is not a page, and pages with nothing in them.
func TestHTMLEdges(t *testing.T) {
	plain := "一、总体要求\n营业收入<100万元的企业，按a<b处理。\n"
	if got, err := Decode("x.txt", []byte(plain)); err != nil || got != plain {
		t.Errorf("text with < read as HTML: %q, %v", got, err)
	}
	if got, err := Decode("x.html", []byte(plain)); err != nil || got != plain {
		t.Errorf("text named .html: %q, %v", got, err)
	}
	frag := "<p>第一段&amp;续</p><p>第二段<br>换行</p><table><tr><td>指标</td><td>目标值</td></tr></table><pre>  保留\n  原样</pre>"
	if got, err := Decode("x.htm", []byte(frag)); err != nil || got != "第一段&续\n第二段\n换行\n指标\t目标值\n  保留\n  原样\n" {
		t.Errorf("fragment: %q, %v", got, err)
	}
	deep := strings.Repeat("<div>", 5000) + "<p>深处的正文内容在这里，足够长的一段文字</p>" + strings.Repeat("</div>", 5000)
	if _, err := Decode("deep.html", []byte("<html><body>"+deep+"</body></html>")); err == nil {
		t.Log("deep page read") // either reading or refusing as empty is fine; it must not hang or crash
	}
	tests := []struct {
		name string
		data []byte
		want Kind
	}{
		{"scripts.html", []byte("<html><head><title> </title><script>var a='正文';</script></head><body><nav><a href='/'>首页</a></nav><script>x()</script></body></html>"), KindEmpty},
		{"zero-width.html", []byte("<html><body><p>&#8203;&zwj;&nbsp;</p></body></html>"), KindEmpty},
		{"sjis.html", append([]byte(`<html><head><meta charset="shift_jis"></head><body><p>`), append(encodeLossy(t, japaneseEnc, "経済発展計画の概要について、次のとおり定める。"), "</p></body></html>"...)...), KindUndecodable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.name, tt.data)
			if got != "" {
				t.Errorf("refusal returned text %q", got)
			}
			wantRefusal(t, tt.name, err, tt.want)
		})
	}
}
