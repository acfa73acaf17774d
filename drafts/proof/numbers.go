package proof

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"qicao/drafts"
)

// Numbers and spacing (GB/T 15835-2011, GB/T 9704-2012): spaces inside
// Chinese text and around figures, full-width digits.

// checkSpaces reports runs of spaces between Chinese characters, or
// between Chinese and a figure (不超过 500 万元). Spaces beside Latin
// letters (6G 低轨, T3 出行) are a hint: brand names keep them.
func checkSpaces(c *checker) {
	labelEnds := map[int]bool{}
	c.doc.Walk(func(n, _ *drafts.Node) { labelEnds[n.LabelSpan.End] = true })
	for _, l := range c.lines {
		s := l.text
		if columns(s) || unpunctuated(s) {
			continue // a table laid out with spaces (冯 丹), issuers side by side under a text
		}
		quoted := quotedRanges(s)
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isSpace(r) {
				i += size
				continue
			}
			j := i
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !isSpace(r2) {
					break
				}
				j += n
			}
			b, a := around(s, i, j)
			switch {
			case i == 0 || j == len(s) || b < 0 || a < 0 || labelEnds[l.start+i]:
			case quoted(i) && isHan(b) && isHan(a): // “感知圣城 优选济宁”: a slogan's two halves
			case (isChinese(b) || isDigit(b) || b == '%') && (isChinese(a) || isDigit(a)) && (isChinese(b) || isChinese(a)):
				c.add("space.in-text", Finding, KindNumber, RuleNumbers,
					"中文文本中多了空格", l.start+i, l.start+j, fix(""))
			case isChinese(b) && isLatin(a) || isLatin(b) && isChinese(a):
				c.add("space.latin", Hint, KindNumber, RuleUsage,
					"中文与字母之间有空格", l.start+i, l.start+j, fix(""))
			}
			i = j
		}
	}
}

// quotedRanges returns a test for offsets inside “…” in s.
func quotedRanges(s string) func(int) bool {
	var spans [][2]int
	open := -1
	for i, r := range s {
		switch r {
		case '“':
			open = i
		case '”':
			if open >= 0 {
				spans = append(spans, [2]int{open, i})
				open = -1
			}
		}
	}
	return func(p int) bool {
		for _, sp := range spans {
			if p > sp[0] && p < sp[1] {
				return true
			}
		}
		return false
	}
}

// unpunctuated reports a short line without a single punctuation mark: a
// signature line of issuers, a heading.
func unpunctuated(s string) bool {
	return utf8.RuneCountInString(s) <= 40 && strings.IndexFunc(s, isCJKPunct) < 0 && !strings.ContainsAny(s, ",.;:()")
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' }

// checkFullWidthDigits reports full-width digits (２０２６): GB/T 15835
// writes figures in half-width Arabic digits.
func checkFullWidthDigits(c *checker) {
	for _, l := range c.lines {
		for i, r := range l.text {
			if r >= '０' && r <= '９' {
				c.add("number.full-width", Finding, KindNumber, RuleNumbers,
					fmt.Sprintf("全角数字「%s」应为半角", string(r)), l.start+i, l.start+i+utf8.RuneLen(r),
					fix(string('0'+r-'０')))
			}
		}
	}
}
