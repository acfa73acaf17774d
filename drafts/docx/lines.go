package docx

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"qicao/drafts"
)

// Paragraph and character style ids; styles.xml defines them with their
// Chinese names.
const (
	styleNormal     = "Normal"     // 正文: 3号仿宋, indent two characters
	styleIssuerMark = "IssuerMark" // 发文机关标志: red 小标宋
	styleDocNumber  = "DocNumber"  // 发文字号, with the red rule below
	styleTitle      = "Title"      // 标题: 2号小标宋, centred
	styleStatus     = "Status"     // 稿别 (（征求意见稿）): 楷体, centred
	styleAddressee  = "Addressee"  // 主送机关: flush left
	styleHeading1   = "Heading1"   // 一、 heading on its own line: 黑体
	styleHeading2   = "Heading2"   // （一） heading on its own line: 楷体
	styleSignature  = "Signature"  // 发文机关署名: right, indented per paragraph
	styleDate       = "DocDate"    // 成文日期: right, indented per paragraph
	styleRecord     = "Record"     // 版记 (抄送, 印发机关): 4号, indent one character
	styleRecordDate = "RecordDate" // 印发日期: 4号, right
	styleFooter     = "Footer"     // page number
	styleTable      = "TableText"  // 对照表 cells
	styleTableHead  = "TableHead"  // 对照表 header row

	charHeading1 = "Heading1Char" // 一、 heading run inside a paragraph: 黑体
	charHeading2 = "Heading2Char" // （一） heading run inside a paragraph: 楷体
)

// line is one paragraph of a document's text with its place in the
// layout: the unit both the draft export and the comparison lay out.
type line struct {
	Style string
	Text  string
	// HeadStyle is the character style of the heading that opens Text
	// (一、… in 黑体, （一）… in 楷体), "" for none.
	HeadStyle string
	// RightIndent is a direct right indent in twips (signature, date).
	RightIndent int
	// Space adds an empty paragraph before this one (空一行).
	Space bool
}

// frontLines returns the document's 文号, title and 稿别 lines.
func frontLines(d *drafts.Document) []line {
	var out []line
	if d.Number != "" {
		out = append(out, line{Style: styleDocNumber, Text: d.Number})
	}
	if d.Title != "" {
		out = append(out, line{Style: styleTitle, Text: d.Title, Space: d.Number != ""})
	}
	if d.Status != "" {
		out = append(out, line{Style: styleStatus, Text: "（" + d.Status + "）"})
	}
	return out
}

// preambleLines returns the paragraphs before the first numbered node:
// the addressees flush left, the rest indented. A blank line separates
// them from the title.
func preambleLines(d *drafts.Document) []line {
	var out []line
	for i, p := range d.Preamble {
		l := line{Style: styleNormal, Text: p.Text}
		if i == 0 && isAddressee(p.Text) {
			l.Style = styleAddressee
		}
		out = append(out, l)
	}
	if len(out) > 0 {
		out[0].Space = true
	}
	return out
}

// isAddressee reports whether text is a 主送机关 line: short, ending in a
// colon.
func isAddressee(text string) bool {
	t := strings.TrimSpace(text)
	return utf8.RuneCountInString(t) < 200 && (strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":"))
}

// nodeLines returns the paragraphs of one node as written: the label
// before the first paragraph of its text.
func nodeLines(n *drafts.Node) []line {
	var out []line
	for i, text := range strings.Split(n.Text, "\n") {
		if i == 0 {
			text = n.Label + text
		}
		out = append(out, line{Style: styleNormal, Text: text})
	}
	out[0].Style, out[0].HeadStyle = headingStyles(n.Style.Family, out[0].Text)
	return out
}

// headingStyles returns the paragraph and character styles of a node's
// first paragraph: a heading of the first two levels on a line of its own
// takes the heading paragraph style; one that runs on into the body takes
// the heading character style for its first sentence.
func headingStyles(f drafts.Family, first string) (para, char string) {
	var p, c string
	switch f {
	case drafts.HanComma:
		p, c = styleHeading1, charHeading1
	case drafts.HanParen:
		p, c = styleHeading2, charHeading2
	default:
		return styleNormal, ""
	}
	end := headingEnd(first)
	switch {
	case end == len(first):
		return p, ""
	case end > 0:
		return styleNormal, c
	}
	return styleNormal, ""
}

// headingEnd returns the byte length of the heading at the start of a
// node's first paragraph: through the first 。, or the whole line when it
// is short and has none; 0 when the line has no heading.
func headingEnd(first string) int {
	if i := strings.Index(first, "。"); i >= 0 {
		return i + len("。")
	}
	if utf8.RuneCountInString(first) <= 40 {
		return len(first)
	}
	return 0
}

// allNodeLines returns the paragraphs of every node in document order.
func allNodeLines(d *drafts.Document) []line {
	var out []line
	d.Walk(func(n *drafts.Node, _ *drafts.Node) { out = append(out, nodeLines(n)...) })
	return out
}

var (
	dateText   = regexp.MustCompile(`^\s*[0-9０-９〇零一二三四五六七八九十]{4}\s*年\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日\s*$`)
	issuedText = regexp.MustCompile(`印发\s*$|印發\s*$`)
)

// closingLines returns the paragraphs after the last node, each in its
// place: effective period and notes as body text, the signature and date
// right-aligned as GB/T 9704 §7.3.5.3 sets them, the 版记 in 4号. When the
// document names its date but has no date line, the signature and date
// are added from the metadata.
func closingLines(d *drafts.Document) []line {
	texts := make([]string, len(d.Closing))
	for i, p := range d.Closing {
		texts[i] = p.Text
	}
	date := slices.IndexFunc(texts, dateText.MatchString)
	if date < 0 && d.Date != "" {
		date = len(texts) + len(d.Issuers)
		texts = append(texts, d.Issuers...)
		texts = append(texts, chineseDate(d.Date))
	}
	sig := date
	for sig > 0 && isSignatureText(texts[sig-1]) {
		sig--
	}
	out := make([]line, len(texts))
	record := false
	for i, t := range texts {
		out[i] = line{Style: styleNormal, Text: t}
		switch {
		case i >= sig && i < date:
			out[i].Style = styleSignature
		case i == date:
			out[i].Style = styleDate
		case i > date && date >= 0 && (record || isRecordStart(texts, i)):
			record = true
			out[i].Style = styleRecord
			if issuedText.MatchString(t) {
				out[i].Style = styleRecordDate
			}
			out[i].Space = isRecordStart(texts, i) && !isRecordStart(texts, i-1)
		}
	}
	placeSignature(out, sig, date)
	return out
}

// isRecordStart reports whether closing paragraph i opens the 版记: a
// 抄送 line, or the 印发机关 line before an 印发 date.
func isRecordStart(texts []string, i int) bool {
	if i < 0 {
		return false
	}
	t := strings.TrimSpace(texts[i])
	return strings.HasPrefix(t, "抄送") || issuedText.MatchString(t) ||
		i+1 < len(texts) && issuedText.MatchString(texts[i+1])
}

// placeSignature sets the right indents of the signature lines out[sig:date]
// and the date out[date]: the signature 右空二字, the date's first
// character two to the right of the signature's, or, when the date is the
// longer, the date 右空二字 and the signature moved left to match.
func placeSignature(out []line, sig, date int) {
	if date < 0 || date >= len(out) {
		return
	}
	sigW := 0
	for _, l := range out[sig:date] {
		sigW = max(sigW, halfWidths(l.Text))
	}
	dateW := halfWidths(out[date].Text)
	sigRight, dateRight := 4, sigW-dateW
	if dateRight < 4 {
		dateRight, sigRight = 4, 8+dateW-sigW
	}
	if sigW > charsPerLine { // a joint signature in columns: flush right
		sigRight, dateRight = 0, 4
	}
	for i := sig; i < date; i++ {
		out[i].RightIndent = sigRight * charPitch / 2
	}
	if sig < date {
		out[sig].Space = true
	} else {
		out[date].Space = true
	}
	out[date].RightIndent = dateRight * charPitch / 2
}

// halfWidths measures text in half characters: two for a CJK character
// or full-width form, one for anything else.
func halfWidths(text string) int {
	n := 0
	for _, r := range strings.TrimSpace(text) {
		n++
		if isWide(r) {
			n++
		}
	}
	return n
}

// isWide reports whether r takes a full character cell.
func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF60 ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…'
}

// isSignatureText reports whether a closing line reads as issuing bodies:
// short, no sentence punctuation, not a parenthesised note.
func isSignatureText(t string) bool {
	t = strings.TrimSpace(t)
	return t != "" && utf8.RuneCountInString(t) <= 80 && !strings.ContainsAny(t, "。，,；;：:") &&
		!strings.HasPrefix(t, "(") && !strings.HasPrefix(t, "（") && !dateText.MatchString(t)
}

// chineseDate writes YYYY-MM-DD as 2024年8月15日.
func chineseDate(iso string) string {
	y, rest, _ := strings.Cut(iso, "-")
	m, day, _ := strings.Cut(rest, "-")
	return y + "年" + strings.TrimLeft(m, "0") + "月" + strings.TrimLeft(day, "0") + "日"
}
