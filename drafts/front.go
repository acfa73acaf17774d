package drafts

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"qicao/drafts/norm"
)

var (
	// webMarker ends a web page's header: the document follows it.
	webMarker = regexp.MustCompile(`^(?:原文如下|全文如下|正文如下|附全文|附原文)\s*[:：]?$`)
	// webJunk matches lines a web page puts around a document.
	webJunk = regexp.MustCompile(`^(?:(?:今天是|返回顶部|返回頂部|热点关键词|熱點關鍵詞|来源[:：]|來源[:：]|字体[:：]|字體[:：]|分享到|扫一扫|掃一掃|` +
		`当前位置|當前位置|您的位置|您现在的位置|您當前的位置|您当前的位置|作者[:：]|下载地址|點擊此處下載|点击此处下载|` +
		`版权所有|版權所有|网站标识码|網站標識碼|网站地图|網站地圖|联系我们|聯繫我們|技术支持[:：]|` +
		`【(?:打印|关闭|關閉|大|中|小|纠错|我要纠错)】|` +
		`摘要[:：]|发布日期|發布日期|发布时间|發布時間|浏览次数|瀏覽次數|【Word版】|【PDF版】|商务合作|商務合作|` +
		`打印本页|关闭窗口|責任編輯|责任编辑|相关链接|相關鏈接|附件下载|附件下載)|image\.(?:png|jpe?g|gif)$|` +
		`\d{4}\s+\d{2}/\d{2}$)`)
	// docNumber matches a 文号: 泰政发〔2024〕5号, 濟政發〔2025〕8號.
	docNumber = regexp.MustCompile(`(\p{Han}{1,10})\s*[〔\[［【(（]\s*(\d{4})\s*[〕\]］】)）]\s*(\d{1,4})\s*([号號])`)
	// docKind is how a title ends: the kind of document.
	docKind = regexp.MustCompile(`(?:意见|意見|办法|辦法|方案|通知|规定|規定|决定|決定|细则|細則|措施|规划|規劃|计划|計劃|条例|條例|纲要|綱要|指引|若干政策|政策|规则|規則|章程|预案|預案|要点|要點|清单|清單|公告|通告|决议|決議|责任分解|責任分解)[》」”]*$`)
	// statusWords marks a draft that is not final.
	statusWords    = regexp.MustCompile(`^[（(【\[]?\s*(征求意见稿|徵求意見稿|征求意見稿|送审稿|送審稿|讨论稿|討論稿|草案|修订稿|修訂稿)\s*[）)】\]]?$`)
	registration   = regexp.MustCompile(`^[A-Z]{2,}-\d{4}-\d{4,}$`)
	aboutWord      = regexp.MustCompile(`关于|關于|關於|关於`)
	cityInName     = regexp.MustCompile(`^(?:中共|中国共产党)?(\p{Han}{2,4}?)市`)
	spaceInsideHan = regexp.MustCompile(`([\p{Han}《》“”（）、，])\s+([\p{Han}《》“”（）、，])`)
	// orderNumber matches the number of a 政府令 or 公告: 第12号,
	// 沈阳市人民政府令第29号, 2023年第5号.
	orderNumber = regexp.MustCompile(`^(?:\p{Han}{2,24}(?:令|公告|通告))?\s*(?:[〔\[［(（]?\s*\d{4}\s*[〕\]］)）]?\s*年?)?\s*第\s*(?:[0-9０-９]{1,4}|[一二三四五六七八九十百零〇]{1,6})\s*[号號]$`)
	// letterhead is the red line above a document: 泰安市人民政府文件.
	letterhead = regexp.MustCompile(`^\p{Han}{2,40}(?:文件|文件\s*)$`)
	// metaKey is a key of the metadata a website or a legal database
	// writes above a document (发文标题: …, 索引号: …, 成文日期: …).
	metaKey      = regexp.MustCompile(metaKeyText)
	metaKeyStart = regexp.MustCompile(`^` + metaKeyText)
)

const metaKeyText = `(?:^[•·・●▪\-\s]*【|[•·・●▪]\s*)?(法宝引证码|发文标题|發文標題|文件名称|文件名稱|标题|標題|名称|名稱|索引号|索引號|发文机关|發文機關|发文部门|發文部門|` +
	`发文单位|发布机构|發布機構|成文日期|成文时间|发文日期|发文时间|發文時間|发布日期|發布日期|发布时间|發布時間|生效日期|生效时间|` +
	`实施日期|实施时间|施行日期|来源|來源|主题分类|主題分類|主题词|主題詞|废止时间|废止日期|廢止日期|失效日期|失效时间|` +
	`发文字号|發文字號|发文文号|發文文號|文件编号|文件編號|文号|文號|时效性|時效性|效力级别|效力級別|效力状态|时效状态|` +
	`法规类型|所属行业|所属区域|阅读人次|评论人次|页面功能|发文内容|體裁分類|体裁分类|公开方式|公开时限|公开范围|有效性|信息来源|内容概述|发文机构)(?:\s*[:：]|】)\s*`

// isMetadataLine reports whether text is a line of website or database
// metadata: it starts with one of metaKey's keys.
func isMetadataLine(text string) bool {
	return len(text) < 600 && metaKeyStart.MatchString(text)
}

// metaValueMissing reports whether a metadata line ends with a key whose
// value stands on the next line (• 发文字号: / 镇政发〔2024〕7号).
func metaValueMissing(text string) bool {
	locs := metaKey.FindAllStringIndex(text, -1)
	return len(locs) > 0 && locs[len(locs)-1][1] == len(text)
}

// webMeta is what a page's metadata says of the document.
type webMeta struct {
	title, number, date string
	issuers             []string
}

// read takes the values of one metadata line, which may hold several
// keys (索引号: … 发文时间: …).
func (w *webMeta) read(text string) {
	locs := metaKey.FindAllStringSubmatchIndex(text, -1)
	for i, l := range locs {
		end := len(text)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		key, value := text[l[2]:l[3]], strings.TrimSpace(text[l[1]:end])
		switch key {
		case "发文标题", "發文標題", "文件名称", "文件名稱", "标题", "標題", "名称", "名稱":
			if w.title == "" {
				w.title = value
			}
		case "发文字号", "發文字號", "发文文号", "發文文號", "文件编号", "文件編號", "文号", "文號":
			if m := docNumber.FindStringSubmatch(value); m != nil {
				w.number = formatNumber(m)
			} else if orderNumber.MatchString(value) {
				w.number = strings.Join(strings.Fields(value), "")
			}
		case "发文机关", "發文機關", "发文部门", "發文部門", "发文单位", "发文机构":
			for _, n := range strings.FieldsFunc(value, func(r rune) bool { return unicode.IsSpace(r) || r == '、' || r == '，' || r == ',' }) {
				if isOrgName(n) {
					w.issuers = append(w.issuers, n)
				}
			}
		case "成文日期", "成文时间":
			w.date = anyDate(value)
		}
	}
}

// readFront fills the document's metadata and preamble from the paragraphs
// before its first numbered node.
func (d *Document) readFront(front []para) {
	var issuers []string
	var web webMeta
	for i := 0; i < len(front); i++ {
		p := front[i]
		switch {
		case isMetadataLine(p.text):
			line := p.text
			if metaValueMissing(line) && i+1 < len(front) && !isMetadataLine(front[i+1].text) && !isTitleLike(front[i+1].text) {
				i++
				line += front[i].text
			}
			web.read(line)
			if isWebJunk(p.text) {
				d.drop(p, WhyWebPage)
			}
		case isWebJunk(p.text):
			d.drop(p, WhyWebPage)
		case registration.MatchString(p.text):
			d.drop(p, WhyRegistration)
		case letterhead.MatchString(p.text):
		case statusWords.MatchString(p.text):
			d.Status = statusWords.FindStringSubmatch(p.text)[1]
		case d.Title == "" && isTitleLike(p.text):
			i += d.readTitle(front[i:]) - 1
			if k := len(issuers); k > 0 && i > 0 && strings.HasPrefix(d.Title, "关于") && isSignatureLine(front[i-1].text) {
				d.Title = tidyTitle(front[i-1].text) + d.Title // 铜川市人民政府 / 关于印发…的通知
			}
		case d.Number == "" && isNumberLine(p.text):
			d.Number = formatNumber(docNumber.FindStringSubmatch(p.text))
		case d.Number == "" && orderNumber.MatchString(p.text):
			d.Number = strings.Join(strings.Fields(p.text), "")
			if i > 0 && !strings.Contains(d.Number, "令") && strings.HasSuffix(front[i-1].text, "令") {
				d.Number = tidyTitle(front[i-1].text) + d.Number
			}
		case isSignatureLine(p.text):
			issuers = append(issuers, strings.Fields(p.text)...)
		case d.Title != "" && isTitleLike(p.text) && strings.Contains(norm.Key(d.Title), norm.Key(stripYear(p.text))):
			d.drop(p, WhyRepeatedTitle) // the title repeated, as web pages do
		default:
			d.Preamble = append(d.Preamble, Paragraph{Text: p.text, Span: p.span})
		}
	}
	if len(d.Issuers) == 0 {
		d.Issuers = issuers
	}
	if d.Title == "" {
		d.Title = tidyTitle(web.title)
	}
	if d.Number == "" {
		d.Number = web.number
	}
	if len(d.Issuers) == 0 {
		d.Issuers = web.issuers
	}
	d.webDate = web.date
}

// stripYear drops the (2002年) a legal database adds to a title.
func stripYear(t string) string {
	if i := strings.LastIndexAny(t, "(（"); i > 0 && strings.HasSuffix(t, "年)") || strings.HasSuffix(t, "年）") {
		return t[:i]
	}
	return t
}

// frontClosing returns where the closing (signature, date) of a part
// without numbered nodes begins among its front paragraphs: at the first
// date or signature line after running text.
func frontClosing(front []para) int {
	prose := false
	for i, p := range front {
		if prose && (isDateLine(p.text) || isSignatureLine(p.text) && i+1 < len(front) && isDateLine(front[i+1].text)) {
			return i
		}
		if isProse(p.text) && !isTitleLike(p.text) && !isMetadataLine(p.text) && !isWebJunk(p.text) {
			prose = true
		}
	}
	return len(front)
}

// readStatus marks a title that says the document is on trial (试行,
// 暂行) when nothing else gave a status.
func (d *Document) readStatus() {
	switch {
	case d.Status != "":
	case strings.Contains(d.Title, "试行") || strings.Contains(d.Title, "試行"):
		d.Status = "试行"
	case strings.Contains(d.Title, "暂行") || strings.Contains(d.Title, "暫行"):
		d.Status = "暂行"
	}
}

// readTitle reads a title that may run over up to three lines and returns
// how many paragraphs it used.
func (d *Document) readTitle(ps []para) int {
	title, used := ps[0].text, 1
	for used < len(ps) && used < 3 && !docKind.MatchString(strings.TrimSpace(stripStatus(title))) &&
		!isProse(ps[used].text) && docKindSoon(ps[used:]) && !isLabelled(ps[used].text) {
		title += ps[used].text
		used++
	}
	if m := docNumber.FindStringSubmatchIndex(title); m != nil {
		d.Number = formatNumber(docNumber.FindStringSubmatch(title))
		title = title[:m[0]] + title[m[1]:]
		if used == 1 && m[0] == 0 {
			d.splitNumberLine(ps[0], tidyTitle(title))
		}
	}
	if s := stripStatus(title); s != title {
		d.Status = statusWords.FindStringSubmatch(title[len(s):])[1]
		title = s
	}
	if loc := aboutWord.FindStringIndex(title); loc != nil && len(d.Issuers) == 0 {
		if names := strings.Fields(title[:loc[0]]); len(names) > 1 && isSignatureLine(title[:loc[0]]) {
			d.Issuers = names // joint issuers on the title line
		}
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

func isLabelled(text string) bool {
	_, ok := ParseLabel(text)
	return ok
}

// tidyTitle drops the spaces a PDF's line breaks left inside a title, and
// a website's breadcrumb before it (政务服务丨…).
func tidyTitle(t string) string {
	if i := strings.LastIndexAny(t, "丨|"); i >= 0 && i < len(t)-1 {
		_, size := utf8.DecodeRuneInString(t[i:])
		t = t[i+size:]
	}
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

// splitNumberLine records that the title line p begins with the 文号, as
// web pages print them: a clean-up puts the 文号 on a line of its own.
func (d *Document) splitNumberLine(p para, title string) {
	if title == "" {
		return
	}
	d.dropped = append(d.dropped, Removal{Span: p.span, Text: p.text, Why: WhyNumberInTitle,
		With: d.Number + "\n" + title})
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
		case isMetadataLine(p.text):
		case isSignatureLine(p.text):
			signature = append(signature, strings.Fields(p.text)...)
		}
		d.readEffective(p.text)
	}
	if len(d.Issuers) == 0 {
		d.Issuers = signature
	}
	if d.Date == "" {
		d.Date = d.webDate
	}
	if d.Effective.From == "印发" {
		d.Effective.From = d.Date
	}
	if d.Effective.To == "" && d.years > 0 {
		d.Effective.To = addYears(d.Effective.From, d.years)
	}
}

// dateRe is a date as documents write it, in Arabic or Chinese numerals
// (2024年8月15日, 二〇二四年八月十五日, 二OO六年, 二○一二年5月16日).
const dateRe = `([0-9０-９〇○OoΟ零一二三四五六七八九]{4})\s*年\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日`

var (
	effectiveFrom = regexp.MustCompile(`自` + dateRe + `起(?:施行|执行|實施|实施|執行|生效)`)
	effectiveTo   = regexp.MustCompile(`有效期至` + dateRe)
	effectiveFor  = regexp.MustCompile(`有效期(?:为|為)?([0-9]{1,2}|[一二三四五六七八九十])年`)
	fromIssue     = regexp.MustCompile(`自(?:印发|發布|发布|印發|公布)之日起(?:施行|执行|實施|实施|生效)`)
	anyDateRe     = regexp.MustCompile(dateRe + `|(\d{4})[-./](\d{1,2})[-./](\d{1,2})`)
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
	} else if m := effectiveFor.FindStringSubmatch(compact); m != nil {
		d.years = numeral(m[1])
	}
}

// isoDate writes a year, month and day, in whatever numerals, as
// YYYY-MM-DD.
func isoDate(ymd []string) string {
	var y int
	for _, r := range ymd[0] {
		y = y*10 + digitOf(r)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, numeral(ymd[1]), numeral(ymd[2]))
}

// anyDate reads the first date in s (2018年03月27日, 2018-03-27), or "".
func anyDate(s string) string {
	m := anyDateRe.FindStringSubmatch(s)
	switch {
	case m == nil:
		return ""
	case m[1] != "":
		return isoDate(m[1:4])
	}
	return isoDate(m[4:7])
}

// digitOf reads one digit of a year: 2, ２, 二, and 〇 ○ O 零 for 0.
func digitOf(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	case strings.ContainsRune("〇○OoΟ零", r):
		return 0
	}
	return max(hanDigit(r), 0)
}

// numeral reads a month, a day or a count in Arabic or Chinese numerals.
func numeral(s string) int {
	if r, _ := utf8.DecodeRuneInString(s); isDigit(r) {
		return parseArabic(s)
	}
	return ParseHanNumeral(s)
}

// addYears returns the last day of a period of n years from from
// (YYYY-MM-DD), or "" when from is not a date.
func addYears(from string, n int) string {
	t, err := time.Parse("2006-01-02", from)
	if err != nil {
		return ""
	}
	return t.AddDate(n, 0, -1).Format("2006-01-02")
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
	return webJunk.MatchString(text) || strings.Contains(text, "ICP备") || strings.Contains(text, "ICP備") ||
		strings.Contains(text, "公网安备") || strings.Contains(text, "公網安備")
}
