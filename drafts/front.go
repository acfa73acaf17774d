package drafts

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"qicao/drafts/norm"
)

var (
	// webMarker ends a web page's header: the document follows it.
	webMarker = regexp.MustCompile(`^(?:原文如下|全文如下|正文如下|附全文|附原文)\s*[:：]?$`)
	// webJunk matches lines a web page puts around a document.
	webJunk = regexp.MustCompile(`^(?:今天是|热点关键词|熱點關鍵詞|来源[:：]|來源[:：]|字体[:：]|字體[:：]|分享到|扫一扫|掃一掃|` +
		`摘要[:：]|发布日期|發布日期|发布时间|發布時間|浏览次数|瀏覽次數|【Word版】|【PDF版】|商务合作|商務合作|` +
		`打印本页|关闭窗口|責任編輯|责任编辑|相关链接|相關鏈接|附件下载|附件下載)|^image\.(?:png|jpe?g|gif)$|` +
		`^\d{4}\s+\d{2}/\d{2}$`)
	// docNumber matches a 文号: 泰政发〔2024〕5号, 濟政發〔2025〕8號.
	docNumber = regexp.MustCompile(`(\p{Han}{1,10})\s*[〔\[［【(（]\s*(\d{4})\s*[〕\]］】)）]\s*(\d{1,4})\s*([号號])`)
	// docKind is how a title ends: the kind of document.
	docKind = regexp.MustCompile(`(?:意见|意見|办法|辦法|方案|通知|规定|規定|决定|決定|细则|細則|措施|规划|規劃|计划|計劃|条例|條例|纲要|綱要|指引|若干政策|政策)[》」”]*$`)
	// statusWords marks a draft that is not final.
	statusWords    = regexp.MustCompile(`^[（(【\[]?\s*(征求意见稿|徵求意見稿|征求意見稿|送审稿|送審稿|讨论稿|討論稿|草案|修订稿|修訂稿)\s*[）)】\]]?$`)
	registration   = regexp.MustCompile(`^[A-Z]{2,}-\d{4}-\d{4,}$`)
	aboutWord      = regexp.MustCompile(`关于|關于|關於|关於`)
	cityInName     = regexp.MustCompile(`^(?:中共|中国共产党)?(\p{Han}{2,4}?)市`)
	spaceInsideHan = regexp.MustCompile(`([\p{Han}《》“”（）、，])\s+([\p{Han}《》“”（）、，])`)
)

// readFront fills the document's metadata and preamble from the paragraphs
// before its first numbered node.
func (d *Document) readFront(front []para) {
	var issuers []string
	for i := 0; i < len(front); i++ {
		p := front[i]
		switch {
		case isWebJunk(p.text):
			d.drop(p, WhyWebPage)
		case registration.MatchString(p.text):
			d.drop(p, WhyRegistration)
		case statusWords.MatchString(p.text):
			d.Status = statusWords.FindStringSubmatch(p.text)[1]
		case d.Title == "" && isTitleLike(p.text):
			i += d.readTitle(front[i:]) - 1
		case d.Number == "" && isNumberLine(p.text):
			d.Number = formatNumber(docNumber.FindStringSubmatch(p.text))
		case isSignatureLine(p.text):
			issuers = append(issuers, strings.Fields(p.text)...)
		case d.Title != "" && isTitleLike(p.text) && strings.Contains(norm.Key(d.Title), norm.Key(p.text)):
			d.drop(p, WhyRepeatedTitle) // the title repeated, as web pages do
		default:
			d.Preamble = append(d.Preamble, Paragraph{Text: p.text, Span: p.span})
		}
	}
	d.Issuers = issuers
}

// readTitle reads a title that may run over up to three lines and returns
// how many paragraphs it used.
func (d *Document) readTitle(ps []para) int {
	title, used := ps[0].text, 1
	for used < len(ps) && used < 3 && !docKind.MatchString(strings.TrimSpace(stripStatus(title))) &&
		!isProse(ps[used].text) && docKindSoon(ps[used:]) {
		title += ps[used].text
		used++
	}
	if m := docNumber.FindStringSubmatchIndex(title); m != nil {
		d.Number = formatNumber(docNumber.FindStringSubmatch(title))
		title = title[:m[0]] + title[m[1]:]
	}
	if s := stripStatus(title); s != title {
		d.Status = statusWords.FindStringSubmatch(title[len(s):])[1]
		title = s
	}
	d.Title = tidyTitle(title)
	return used
}

// docKindSoon reports whether one of the next two paragraphs ends a title.
func docKindSoon(ps []para) bool {
	for i := 0; i < len(ps) && i < 2; i++ {
		if docKind.MatchString(ps[i].text) {
			return true
		}
	}
	return false
}

func stripStatus(title string) string {
	for _, open := range []string{"（", "(", "【"} {
		if i := strings.LastIndex(title, open); i > 0 && statusWords.MatchString(title[i:]) {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}

// tidyTitle drops the spaces a PDF's line breaks left inside a title.
func tidyTitle(t string) string {
	t = strings.TrimSpace(t)
	for {
		next := spaceInsideHan.ReplaceAllString(t, "$1$2")
		if next == t {
			return t
		}
		t = next
	}
}

// isTitleLike reports whether text can be (the first line of) a title.
func isTitleLike(text string) bool {
	if strings.Contains(text, "。") || utf8.RuneCountInString(text) > 120 || !hasHan(text) {
		return false
	}
	if strings.HasSuffix(text, "：") || strings.HasSuffix(text, ":") {
		return false
	}
	return aboutWord.MatchString(text) || docKind.MatchString(strings.TrimSpace(stripStatus(text)))
}

func isNumberLine(text string) bool {
	m := docNumber.FindStringIndex(text)
	return m != nil && utf8.RuneCountInString(text) < 40
}

// formatNumber writes a 文号 without the stray spaces of its source.
func formatNumber(m []string) string {
	if m == nil {
		return ""
	}
	return fmt.Sprintf("%s〔%s〕%s%s", m[1], m[2], m[3], m[4])
}

// readClosing fills the date of issue, the effective period and, where the
// front matter named no issuer, the issuers from the signature.
func (d *Document) readClosing(closing []para) {
	var signature []string
	for _, p := range closing {
		if isWebJunk(p.text) {
			d.drop(p, WhyWebPage)
			continue
		}
		d.Closing = append(d.Closing, Paragraph{Text: p.text, Span: p.span})
		switch {
		case d.Date == "" && isDateLine(p.text):
			d.Date = isoDate(dateLine.FindStringSubmatch(p.text)[1:])
		case isSignatureLine(p.text):
			signature = append(signature, strings.Fields(p.text)...)
		}
		d.readEffective(p.text)
	}
	if len(d.Issuers) == 0 {
		d.Issuers = signature
	}
	if d.Effective.From == "印发" {
		d.Effective.From = d.Date
	}
}

var (
	effectiveFrom = regexp.MustCompile(`自(\d{4})年(\d{1,2})月(\d{1,2})日起(?:施行|执行|實施|实施|執行)`)
	effectiveTo   = regexp.MustCompile(`有效期至(\d{4})年(\d{1,2})月(\d{1,2})日`)
	fromIssue     = regexp.MustCompile(`自(?:印发|發布|发布|印發)之日起(?:施行|执行|實施|实施)`)
)

func (d *Document) readEffective(text string) {
	compact := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, text)
	if m := effectiveFrom.FindStringSubmatch(compact); m != nil {
		d.Effective.From = isoDate(m[1:])
	} else if fromIssue.MatchString(compact) {
		d.Effective.From = "印发"
	}
	if m := effectiveTo.FindStringSubmatch(compact); m != nil {
		d.Effective.To = isoDate(m[1:])
	}
}

func isoDate(ymd []string) string {
	var y, m, dd int
	fmt.Sscan(ymd[0], &y)
	fmt.Sscan(ymd[1], &m)
	fmt.Sscan(ymd[2], &dd)
	return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
}

// fillIssuersAndCity derives issuers from the title where the document
// names none elsewhere, and the city from the issuers or the title.
func (d *Document) fillIssuersAndCity() {
	if len(d.Issuers) == 0 {
		if loc := aboutWord.FindStringIndex(d.Title); loc != nil && loc[0] > 0 && isOrgName(d.Title[:loc[0]]) {
			d.Issuers = []string{d.Title[:loc[0]]}
		}
	}
	for _, s := range append(append([]string(nil), d.Issuers...), d.Title) {
		if m := cityInName.FindStringSubmatch(s); m != nil {
			d.City = norm.Simplify(m[1])
			return
		}
	}
}

// isWebJunk reports whether text is a line a web page puts around a
// document: navigation, share buttons, download links.
func isWebJunk(text string) bool {
	if len(text) > 300 {
		return false
	}
	for _, ext := range []string{".docx", ".doc", ".pdf", ".wps"} {
		if strings.HasSuffix(text, ext) {
			return true
		}
	}
	return webJunk.MatchString(text)
}
