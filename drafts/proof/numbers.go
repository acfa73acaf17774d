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
		if columns(s) || unpunctuated(s) || keywordLine(s) {
			continue // a table laid out with spaces (冯 丹), issuers side by side under a text, 主题词
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
			case i == 0 || j == len(s) || b < 0 || a < 0 || labelEnds[l.start+i] || articleLike(s[:i]):
			case quoted(i) && isHan(b) && isHan(a): // “感知圣城 优选济宁”: a slogan's two halves
			case paddedName(s, i, j): // 王　伟 in a list of names, padded to the width of three
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

// keywordLine reports a 主题词 line, whose words a space separates.
func keywordLine(s string) bool {
	t := strings.TrimLeft(s, " \t\u3000")
	return strings.HasPrefix(t, "主题词") || strings.HasPrefix(t, "关键词")
}

// paddedName reports a single space s[i:j] inside a two-character name in
// a list (张建国、王　伟、李　明): one character on each side, each between
// the space and a list mark or the line's end.
func paddedName(s string, i, j int) bool {
	if sp := s[i:j]; sp != "\u3000" && sp != " " {
		return false
	}
	b, bs := utf8.DecodeLastRuneInString(s[:i])
	a, as := utf8.DecodeRuneInString(s[j:])
	if !isHan(b) || !isHan(a) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i-bs])
	after, _ := utf8.DecodeRuneInString(s[j+as:])
	return (i-bs == 0 || strings.ContainsRune("、，,：:（(", before)) &&
		(j+as == len(s) || strings.ContainsRune("、，,。；;）)", after))
}

// hanNumerals are the characters of a Chinese ordinal (第二十一条).
const hanNumerals = "〇零一二三四五六七八九十百千"

// articleLike reports a line that starts (after its indent) with what
// reads as an article or chapter number, written right or not (第五条,
// 条五条): the space after it sets the number off by convention.
func articleLike(prefix string) bool {
	p := []rune(strings.TrimLeft(prefix, " \t\u3000"))
	if len(p) < 3 || len(p) > 8 || !strings.ContainsRune("章条條节節", p[len(p)-1]) {
		return false
	}
	for _, r := range p[1 : len(p)-1] {
		if !strings.ContainsRune(hanNumerals, r) {
			return false
		}
	}
	return true
}

// dropGap removes the structure.gap that found label missing: the label
// is there, mistyped, and the typo is the one finding.
func (c *checker) dropGap(label string) {
	for k, g := range c.skipped {
		if g.label != label || c.raw[g.item].ID != "structure.gap" {
			continue
		}
		c.raw = append(c.raw[:g.item], c.raw[g.item+1:]...)
		c.skipped = append(c.skipped[:k], c.skipped[k+1:]...)
		for i := range c.skipped {
			if c.skipped[i].item > g.item {
				c.skipped[i].item--
			}
		}
		return
	}
}

// checkArticleTypos reports a paragraph that starts like an article number
// with its 第 mistyped (条五条 for 第五条) in a document numbered in 第X条.
func checkArticleTypos(c *checker) {
	articles := false
	c.doc.Walk(func(n, _ *drafts.Node) { articles = articles || n.Style.Family == drafts.Article })
	if !articles {
		return
	}
	for _, l := range c.lines {
		t := strings.TrimLeft(l.text, " \t\u3000")
		end := strings.IndexFunc(t, isSpace)
		if end < 0 || !articleLike(t[:end]) || strings.HasPrefix(t, "第") {
			continue
		}
		first, size := utf8.DecodeRuneInString(t)
		if strings.ContainsRune(hanNumerals, first) {
			continue
		}
		start := l.start + len(l.text) - len(t)
		c.dropGap("第" + t[size:end])
		c.add("structure.label-typo", Finding, KindStructure, RuleFormat,
			fmt.Sprintf("「%s」像是条、章的编号，首字应为「第」", t[:end]), start, start+size, fix("第"))
	}
}
