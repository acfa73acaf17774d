package proof

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Forms: 书名号 around and inside cited documents (GB/T 15834-2011), dates
// and quantities written one way through a document (GB/T 15835-2011).

// citedBare is a document cited by title and 文号 without its 书名号:
// 根据国务院关于深化预算管理制度改革的决定（国发〔2014〕45号）.
var citedBare = regexp.MustCompile(`(根据|按照|依据|贯彻落实|落实|贯彻|执行|参照)((?:[^《》“”（）()，、。；：\s]{0,20})关于[^《》“”（）()，、。；：\s]{2,50}(?:意见|通知|办法|方案|规定|决定|条例|规划|纲要|细则|计划|要点))[（(][^（）()]{0,12}〔(?:19|20)\d{2}〕\d{1,4}号[）)]`)

// checkTitleMarks reports a cited document without its 书名号, with the
// marks as its fix, and a 书名号 inside a 书名号 (《关于印发《…》的通知》),
// whose inner pair is 〈〉.
func checkTitleMarks(c *checker) {
	for _, l := range c.lines {
		if strings.Contains(l.text, "关于") && strings.Contains(l.text, "号") {
			for _, m := range citedBare.FindAllStringSubmatchIndex(l.text, -1) {
				title := l.text[m[4]:m[5]]
				c.add("punct.title-marks", Finding, KindPunctuation, RulePunctuation,
					fmt.Sprintf("引用的文件「%s」应加书名号", title), l.start+m[4], l.start+m[5], fix("《"+title+"》"))
			}
		}
		if strings.Count(l.text, "《") > 1 {
			checkTitleNesting(c, l)
		}
	}
}

// checkTitleNesting reports 《 》 inside 《 》: the inner pair is 〈 〉.
func checkTitleNesting(c *checker, l line) {
	depth := 0
	for i, r := range l.text {
		switch r {
		case '《':
			if depth > 0 {
				c.add("punct.title-nesting", Finding, KindPunctuation, RulePunctuation,
					"书名号里面的书名号应用单书名号〈〉", l.start+i, l.start+i+len("《"), fix("〈"))
			}
			depth++
		case '》':
			if depth > 1 {
				c.add("punct.title-nesting", Finding, KindPunctuation, RulePunctuation,
					"书名号里面的书名号应用单书名号〈〉", l.start+i, l.start+i+len("》"), fix("〉"))
			}
			depth = max(depth-1, 0)
		case '。', '；':
			depth = 0
		}
	}
}

// Dates.
var (
	// arabicDate is 2024年8月15日 (month and day may be zero-padded).
	arabicDate = regexp.MustCompile(`((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日`)
	// numericDate is 2024-08-15, 2024.8.15 or 2024/8/15 in running text.
	numericDate = regexp.MustCompile(`((?:19|20)\d{2})([-./])(\d{1,2})[-./](\d{1,2})`)
	// hanYear is a year in Chinese numerals, the zero written any way
	// (二〇一六, 二○一○, 二OO六, 二00六).
	hanYear = regexp.MustCompile(`[一二][〇○零OＯ0九][〇○零OＯ0一二三四五六七八九]{2}年`)
)

// checkDates reports dates written in a form other than the document's
// majority (2024-08-15 among 2024年8月15日, 2024年08月05日 among 2024年8月5日),
// with the majority form as the fix; a year in Chinese numerals whose zero
// is a letter or a digit (二OO六) is a finding, one whose zero is the
// circle ○ rather than 〇 a hint.
func checkDates(c *checker) {
	type date struct {
		start, end int
		form       string // "年月日", "padded", "numeric"
		fix        string
	}
	var dates []date
	counts := map[string]int{}
	for _, l := range c.lines {
		if strings.Contains(l.text, "年") && strings.Contains(l.text, "月") {
			for _, m := range arabicDate.FindAllStringSubmatchIndex(l.text, -1) {
				y, mo, d := l.text[m[2]:m[3]], l.text[m[4]:m[5]], l.text[m[6]:m[7]]
				form := "年月日"
				if mo[0] == '0' || d[0] == '0' {
					form = "padded"
				}
				dates = append(dates, date{l.start + m[0], l.start + m[1], form, y + "年" + trimZero(mo) + "月" + trimZero(d) + "日"})
				counts[form]++
			}
		}
		if yearThenMark(l.text) {
			for _, m := range numericDate.FindAllStringSubmatchIndex(l.text, -1) {
				if !plainDate(l.text, m) {
					continue
				}
				y, mo, d := l.text[m[2]:m[3]], l.text[m[6]:m[7]], l.text[m[8]:m[9]]
				dates = append(dates, date{l.start + m[0], l.start + m[1], "numeric", y + "年" + trimZero(mo) + "月" + trimZero(d) + "日"})
				counts["numeric"]++
			}
		}
	}
	checkHanYears(c)
	if counts["年月日"] < 2 || counts["年月日"] <= counts["padded"]+counts["numeric"] {
		return // no clear majority to hold the others to
	}
	for _, d := range dates {
		if d.form != "年月日" {
			c.add("date.form", Finding, KindNumber, RuleNumbers,
				fmt.Sprintf("日期「%s」与全文多数写法（如2024年8月15日）不一致", c.src[d.start:d.end]), d.start, d.end, fix(d.fix))
		}
	}
}

// yearThenMark reports four digits followed by - . or /: what a numeric
// date starts with (a cheap test before the regexp).
func yearThenMark(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= '0' && b <= '9':
			run++
		case run >= 4 && (b == '-' || b == '.' || b == '/'):
			return true
		default:
			run = 0
		}
	}
	return false
}

// plainDate reports a numeric date match that stands alone: a valid month
// and day, not part of a longer figure (a version 2.1.3, a phone number).
func plainDate(s string, m []int) bool {
	mo, _ := strconv.Atoi(s[m[6]:m[7]])
	d, _ := strconv.Atoi(s[m[8]:m[9]])
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return false
	}
	b, a := around(s, m[0], m[1])
	return !isDigit(b) && b != '.' && !isDigit(a) && a != '.' && !isLatin(b) && !isLatin(a)
}

func trimZero(s string) string {
	if len(s) > 1 && s[0] == '0' {
		return s[1:]
	}
	return s
}

// checkHanYears reports the zero of a year in Chinese numerals written as
// a letter O, a digit 0 (a finding) or the circle ○ (a hint): GB/T 15835
// writes it 〇. It reads the whole text but the lines the parser dropped
// as a web page's: the 成文日期 stands in the title block or the closing.
func checkHanYears(c *checker) {
	dropped := map[int]bool{}
	for _, r := range c.doc.Boilerplate() {
		dropped[r.Span.Start] = r.With == "" // a rewritten line stays in the text
	}
	for off := 0; off < len(c.src); {
		end := strings.IndexByte(c.src[off:], '\n')
		if end < 0 {
			end = len(c.src) - off
		}
		if !dropped[off] && strings.Contains(c.src[off:off+end], "年") {
			checkHanYearsIn(c, line{off, c.src[off : off+end]})
		}
		off += end + 1
	}
}

func checkHanYearsIn(c *checker, l line) {
	for _, m := range hanYear.FindAllStringIndex(l.text, -1) {
		y := l.text[m[0]:m[1]]
		fixed := strings.NewReplacer("O", "〇", "Ｏ", "〇", "0", "〇", "○", "〇").Replace(y)
		if fixed == y {
			continue
		}
		sev, msg := Finding, "年份中的「〇」误写成了字母或数字"
		if !strings.ContainsAny(y, "OＯ0") {
			sev, msg = Hint, "年份中的「〇」写成了圆圈符号「○」"
		}
		c.add("date.zero", sev, KindNumber, RuleNumbers, msg+"："+y, l.start+m[0], l.start+m[1], fix(fixed))
	}
}

// Quantities.
var (
	// hanQuantity is a quantity of ten or more in Chinese numerals with its
	// unit (三十天, 十五个工作日, 一百二十家).
	hanQuantity = regexp.MustCompile(`([一二两三四五六七八九十百千]*[十百千][一二三四五六七八九十百千]*)(个工作日|个月|天|日|万元|亿元|家|项|人|名|所|公里|亩|平方米)`)
)

// quantityUnits are the units number.form compares forms for.
var quantityUnits = []string{"个工作日", "个月", "天", "日", "万元", "亿元", "家", "项", "人", "名", "所", "公里", "亩", "平方米"}

// countArabicQuantities counts, by unit, the figures with a unit right
// after them in s (30天, 15个工作日), dates' days (8月15日) left out.
func countArabicQuantities(s string, counts map[string]int) {
	for i := 0; i < len(s); {
		if !isDigit(rune(s[i])) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(rune(s[j])) {
			j++
		}
		b, _ := around(s, i, j)
		if b != '.' && b != '月' {
			for _, u := range quantityUnits {
				if strings.HasPrefix(s[j:], u) {
					counts[u]++
					break
				}
			}
		}
		i = j
	}
}

// checkNumberForms reports a quantity of ten or more written in Chinese
// numerals (三十天) in a document that writes the same kind of quantity
// with figures (30天) more often, with the figure as the fix. Ordinals
// (第三十条), dates (七月三十日), plan names (十四五) and fixed phrases
// (百家争鸣, 十项措施) are left alone: only a numeral of two characters or
// more with its unit right after it counts.
func checkNumberForms(c *checker) {
	type han struct {
		start, end int
		unit, fix  string
	}
	var hans []han
	arabic := map[string]int{}
	for _, l := range c.lines {
		countArabicQuantities(l.text, arabic)
		if !strings.ContainsAny(l.text, "十百千") {
			continue
		}
		for _, m := range hanQuantity.FindAllStringSubmatchIndex(l.text, -1) {
			num, unit := l.text[m[2]:m[3]], l.text[m[4]:m[5]]
			b, _ := around(l.text, m[0], m[1])
			v, ok := hanValue(num)
			if !ok || v < 10 || utf8.RuneCountInString(num) < 2 || b == '第' || b == '月' || isHan(b) && strings.ContainsRune("一二两三四五六七八九十百千几数", b) {
				continue
			}
			hans = append(hans, han{l.start + m[2], l.start + m[3], unit, strconv.Itoa(v)})
		}
	}
	perUnit := map[string]int{}
	for _, h := range hans {
		perUnit[h.unit]++
	}
	for _, h := range hans {
		if arabic[h.unit] > perUnit[h.unit] {
			c.add("number.form", Finding, KindNumber, RuleNumbers,
				fmt.Sprintf("同类数量全文多用阿拉伯数字（如%s%s），此处写作汉字「%s」", h.fix, h.unit, c.src[h.start:h.end]),
				h.start, h.end, fix(h.fix))
		}
	}
}

// hanValue reads a Chinese numeral below ten thousand (三十, 十五,
// 一百二十, 两千).
func hanValue(s string) (int, bool) {
	digits := map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	units := map[rune]int{'十': 10, '百': 100, '千': 1000}
	total, cur, last := 0, 0, 10000
	for _, r := range s {
		if d, ok := digits[r]; ok {
			if cur != 0 {
				return 0, false // two digits in a row: not a number (三四十)
			}
			cur = d
			continue
		}
		u, ok := units[r]
		if !ok || u >= last {
			return 0, false
		}
		if cur == 0 {
			cur = 1
		}
		total, cur, last = total+cur*u, 0, u
	}
	return total + cur, utf8.RuneCountInString(s) > 0
}
