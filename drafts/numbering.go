package drafts

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Style is a way of writing a number label. Officers' documents use the
// four families of GB/T 9704-2012 (一、 → （一） → 1. → （1）, then ①) in
// several spellings; normative documents (办法, 条例, 规定) are written in
// the structural family 第X编/第X章/第X节/第X条 above them.
type Style struct {
	Family Family
	// Form is the spelling of the label around the number, e.g. "（%s）",
	// "(%s)", "%s.", "%s、", "%s．". A trailing space written after the
	// label in the source is not part of the style.
	Form string
}

// Family is the kind of number a label carries and how it is enclosed.
type Family int

// The label families, in the order GB/T 9704-2012 nests them.
const (
	NoFamily    Family = iota
	HanComma           // 一、
	HanParen           // （一）
	ArabicDot          // 1.  1、  1．
	ArabicParen        // （1）
	Circled            // ①
	Volume             // 第一编
	Chapter            // 第一章
	Section            // 第一节
	Article            // 第一条
)

// Rank orders the structural families: 编 1, 章 2, 节 3, 条 4; 0 for the
// item families, which nest by the document's own order instead.
func (f Family) Rank() int {
	if f >= Volume && f <= Article {
		return int(f-Volume) + 1
	}
	return 0
}

// Format writes ordinal n in the style, e.g. Style{HanParen,"（%s）"}.Format(23) = "（二十三）".
func (s Style) Format(n int) string {
	num := strconv.Itoa(n)
	switch {
	case s.Family == Circled && n >= 1 && n <= 20:
		num = string(rune('①' + n - 1))
	case s.Family == HanComma || s.Family == HanParen || s.Family.Rank() > 0 && !strings.Contains(s.Form, "%d"):
		num = HanNumeral(n)
	}
	if s.Family.Rank() > 0 {
		return strings.Replace(strings.Replace(s.Form, "%d", "%s", 1), "%s", num, 1)
	}
	return strings.Replace(s.Form, "%s", num, 1)
}

// labelPattern matches a label at the start of a paragraph. Groups: 1 the
// whole label, then one group per family alternative.
var labelPattern = regexp.MustCompile(`^(` +
	`([一二三四五六七八九十百零〇]+)、` + // 一、
	`|[（(]\s*([一二三四五六七八九十百零〇]+)\s*[）)]` + // （一）
	`|([0-9０-９]{1,3})[.．、]` + // 1. 1、 1．
	`|[（(]\s*([0-9０-９]{1,3})\s*[）)]` + // （1）
	`|([①-⑳])` + // ①
	`|第[ \t\x{3000}]*([一二三四五六七八九十百千零〇两]+|[0-9０-９]{1,4})[ \t\x{3000}]*([编章节条編節條])(之[一二三四五六七八九十]+)?` + // 第一章, 第十条之一
	`)`)

// Label is a number label at the start of a paragraph, as ParseLabel
// reads it.
type Label struct {
	Text    string // as written, without trailing spaces: "（一）", "1."
	Style   Style  // its family and form
	Ordinal int    // the number it says: 23 for （二十三）
	// Len is the byte length of s it takes, spaces after it included:
	// s[Len:] is the paragraph's text after the label.
	Len int
}

// ParseLabel reads a number label at the start of s; ok is false when s
// does not start with one.
func ParseLabel(s string) (l Label, ok bool) {
	m := labelPattern.FindStringSubmatchIndex(s)
	if m == nil {
		return Label{}, false
	}
	whole := s[m[2]:m[3]]
	l.Len = m[3]
	// Spaces after the label are layout, not label.
	for l.Len < len(s) {
		r, size := utf8.DecodeRuneInString(s[l.Len:])
		if r != ' ' && r != '\u3000' && r != '\t' {
			break
		}
		l.Len += size
	}
	l.Text = strings.TrimRight(whole, " \u3000\t")
	switch {
	case m[4] >= 0:
		l.Ordinal = ParseHanNumeral(s[m[4]:m[5]])
		l.Style = Style{HanComma, "%s、"}
	case m[6] >= 0:
		l.Ordinal = ParseHanNumeral(s[m[6]:m[7]])
		l.Style = Style{HanParen, parenForm(l.Text)}
	case m[8] >= 0:
		l.Ordinal = parseArabic(s[m[8]:m[9]])
		l.Style = Style{ArabicDot, "%s" + strings.TrimLeft(l.Text, "0123456789０１２３４５６７８９")}
		if r, _ := utf8.DecodeRuneInString(s[m[3]:]); isDigit(r) {
			return Label{}, false // 2.8% is a figure, not a label
		}
	case m[10] >= 0:
		l.Ordinal = parseArabic(s[m[10]:m[11]])
		l.Style = Style{ArabicParen, parenForm(l.Text)}
	case m[12] >= 0:
		r, _ := utf8.DecodeRuneInString(s[m[12]:])
		l.Ordinal, l.Style = int(r-'①')+1, Style{Circled, "%s"}
	case m[14] >= 0:
		l.Ordinal, l.Style = structuralLabel(s[m[14]:m[15]], s[m[16]:m[17]])
		if !structuralFits(l.Style.Family, s[l.Len:], l.Len > m[3]) {
			return Label{}, false
		}
	}
	if l.Ordinal <= 0 {
		return Label{}, false
	}
	return l, true
}

// structuralLabel reads the number and the kind of a 第X章/第X条 label.
func structuralLabel(num, kind string) (int, Style) {
	f := map[string]Family{"编": Volume, "編": Volume, "章": Chapter, "节": Section, "節": Section, "条": Article, "條": Article}[kind]
	if r, _ := utf8.DecodeRuneInString(num); isDigit(r) {
		return parseArabic(num), Style{f, "第%d" + kind}
	}
	return ParseHanNumeral(strings.ReplaceAll(num, "两", "二")), Style{f, "第%s" + kind}
}

// structuralFits reports whether the text after a structural label reads
// as that label's: a chapter's or section's heading is a short line without
// a full stop (第一章 总则), and an article's text does not go on as a
// reference does (第十条第二款, 第三条规定的).
func structuralFits(f Family, rest string, spaced bool) bool {
	if f == Article {
		if spaced {
			return true
		}
		for _, ref := range []string{"第", "规定", "規定", "所", "的", "至", "、", "，", "。", "）", ")"} {
			if strings.HasPrefix(rest, ref) {
				return false
			}
		}
		return true
	}
	return utf8.RuneCountInString(rest) <= 40 && !strings.ContainsAny(rest, "。；，")
}

func parenForm(label string) string {
	if strings.HasPrefix(label, "(") {
		return "(%s)"
	}
	return "（%s）"
}

func parseArabic(s string) int {
	var n int
	for _, r := range s {
		if r >= '０' && r <= '９' {
			r = r - '０' + '0'
		}
		n = n*10 + int(r-'0')
	}
	return n
}

var hanDigits = []rune("零一二三四五六七八九")

// HanNumeral writes n (1..999) in Chinese numerals as labels use them:
// 1 一, 10 十, 11 十一, 23 二十三, 100 一百, 105 一百零五.
func HanNumeral(n int) string {
	if n <= 0 || n >= 1000 {
		return strconv.Itoa(n)
	}
	var b strings.Builder
	if h := n / 100; h > 0 {
		b.WriteRune(hanDigits[h])
		b.WriteRune('百')
		n %= 100
		if n > 0 && n < 10 {
			b.WriteRune('零')
		}
	}
	if t := n / 10; t > 0 {
		if t > 1 || b.Len() > 0 {
			b.WriteRune(hanDigits[t])
		}
		b.WriteRune('十')
		n %= 10
	}
	if n > 0 {
		b.WriteRune(hanDigits[n])
	}
	return b.String()
}

// ParseHanNumeral reads a Chinese numeral of up to three digits; it
// returns 0 for anything else.
func ParseHanNumeral(s string) int {
	total, cur := 0, 0
	for _, r := range s {
		switch r {
		case '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur = 0
		case '百':
			if cur == 0 {
				cur = 1
			}
			total += cur * 100
			cur = 0
		case '千':
			if cur == 0 {
				cur = 1
			}
			total += cur * 1000
			cur = 0
		case '零', '〇':
		default:
			d := hanDigit(r)
			if d < 0 {
				return 0
			}
			cur = d
		}
	}
	return total + cur
}

func hanDigit(r rune) int {
	for i, d := range hanDigits {
		if d == r {
			return i
		}
	}
	return -1
}
