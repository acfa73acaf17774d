package input

import "testing"

// TestMarkdown reads a .md file as its words: heading marks, emphasis,
// links, quotes, lists, rules and table borders dropped, lines kept.
func TestMarkdown(t *testing.T) {
	src := "# 关于加快科技创新的实施意见\r\n\r\n> 济政发〔2025〕8号\n\n## 一、总体要求\n\n" +
		"**坚持**以习近平新时代中国特色社会主义思想为指导，见[《意见》](https://example.gov.cn/a.html)。\n" +
		"---\n- （一）实施`揭榜挂帅`行动\n* （二）*强化*企业主体地位\n\n" +
		"| 指标 | 目标值 |\n|---|:---:|\n| 研发投入 | 2.8% |\n"
	want := "关于加快科技创新的实施意见\n\n济政发〔2025〕8号\n\n一、总体要求\n\n" +
		"坚持以习近平新时代中国特色社会主义思想为指导，见《意见》。\n" +
		"（一）实施揭榜挂帅行动\n（二）强化企业主体地位\n\n" +
		"指标\t目标值\n研发投入\t2.8%\n"
	got, err := Decode("意见.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got, _ := Decode("意见.txt", []byte("**坚持**")); got != "**坚持**" {
		t.Errorf(".txt changed: %q", got)
	}
}
