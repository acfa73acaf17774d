package docx_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"

	"qicao/drafts"
	"qicao/drafts/docx"
)

// paragraphs returns the text of each paragraph of the file's main part,
// with tracked deletions (w:del) in [-…-] and insertions (w:ins) in {+…+}.
func paragraphs(file []byte) []string {
	zr, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		return []string{err.Error()}
	}
	f, err := zr.Open("word/document.xml")
	if err != nil {
		return []string{err.Error()}
	}
	xml, _ := io.ReadAll(f)
	token := regexp.MustCompile(`<w:ins [^>]*>|</w:ins>|<w:(?:t|delText)(?: [^>]*)?>([^<]*)</w:(?:t|delText)>`)
	var out []string
	for _, p := range strings.Split(string(xml), "</w:p>") {
		var b strings.Builder
		for _, m := range token.FindAllStringSubmatch(p, -1) {
			switch {
			case strings.HasPrefix(m[0], "<w:ins"):
				b.WriteString("{+")
			case m[0] == "</w:ins>":
				b.WriteString("+}")
			case strings.HasPrefix(m[0], "<w:delText"):
				b.WriteString("[-" + m[1] + "-]")
			default:
				b.WriteString(m[1])
			}
		}
		if b.Len() > 0 {
			out = append(out, b.String())
		}
	}
	return out
}

func ExampleWriteDraft() {
	doc, _ := drafts.Parse("泰安市人民政府关于加快科技创新的实施意见\n\n一、总体要求\n以科技创新引领产业体系建设。\n\n二、重点任务\n1.培育创新企业。到2026年，高新技术企业达到1300家。\n")
	var file bytes.Buffer
	// A zero Options.Time leaves the dates out: the same document gives
	// the same bytes.
	if err := docx.WriteDraft(&file, doc, docx.Options{}); err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range paragraphs(file.Bytes()) {
		fmt.Println(p)
	}
	// Output:
	// 泰安市人民政府关于加快科技创新的实施意见
	// 一、总体要求
	// 以科技创新引领产业体系建设。
	// 二、重点任务
	// 1.培育创新企业。到2026年，高新技术企业达到1300家。
}

func ExampleWriteComparison() {
	old, _ := drafts.Parse("关于加快科技创新的实施意见\n\n一、重点任务\n1.培育创新企业。高新技术企业达到1200家。\n")
	issued, _ := drafts.Parse("关于加快科技创新的实施意见\n\n一、重点任务\n1.培育创新企业。高新技术企业达到1300家。\n")
	c := drafts.Compare(old, issued, drafts.CompareOptions{})
	var file bytes.Buffer
	if err := docx.WriteComparison(&file, old, issued, c, docx.Options{}); err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range paragraphs(file.Bytes()) {
		fmt.Println(p)
	}
	// Output:
	// 关于加快科技创新的实施意见
	// 一、重点任务
	// 1.培育创新企业。高新技术企业达到[-1200-]{+1300+}家。
}
