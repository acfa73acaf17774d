package proof

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"qicao/drafts/norm"
)

// simplified returns s with traditional characters folded to simplified
// ones of the same byte length, so that offsets into s stay valid (001's
// 充分發揮 reads as 充分发挥).
func simplified(s string) string {
	same := true
	for _, r := range s {
		if r >= 0x3400 && norm.FoldRune(r) != r {
			same = false
			break
		}
	}
	if same {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if isHan(r) {
			if f := norm.FoldRune(r); isHan(f) && utf8.RuneLen(f) == utf8.RuneLen(r) {
				r = f
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Words: a word written twice, confusable characters where the right one
// is sure, a verb missing in a fixed collocation.

// checkDoubledWords reports a run of two to six Chinese characters written
// twice in a row (领域领域).
func checkDoubledWords(c *checker) {
	for _, l := range c.lines {
		rs := []rune(l.text)
		var offs []int
		for i := 0; i < len(rs); i++ {
			for n := 6; n >= 2; n-- {
				if i+2*n > len(rs) || rs[i] != rs[i+n] || string(rs[i:i+n]) != string(rs[i+n:i+2*n]) || !allHan(rs[i:i+2*n]) {
					continue
				}
				w := string(rs[i : i+n])
				if reduplicated[w] || !edged(rs, i, i+2*n) && !standsAlone(c.lines, w) {
					continue // 企业创业创新: 业创 is no word
				}
				if offs == nil {
					offs = runeOffsets(l.text)
				}
				c.add("word.doubled", Finding, KindWord, RuleUsage,
					fmt.Sprintf("「%s」重复了一次", w), l.start+offs[i], l.start+offs[i+2*n], fix(w))
				i += 2*n - 1
				break
			}
		}
	}
}

// edged reports whether rs[i:j] touches a punctuation mark or the line's
// edge on either side.
func edged(rs []rune, i, j int) bool {
	return i == 0 || j == len(rs) || !isHan(rs[i-1]) || !isHan(rs[j])
}

// standsAlone reports whether w occurs somewhere in the lines next to a
// mark or a line's edge: it is a word of its own, not the seam of two.
func standsAlone(lines []line, w string) bool {
	for _, l := range lines {
		rs := []rune(l.text)
		wr := []rune(w)
		for i := 0; i+len(wr) <= len(rs); i++ {
			if string(rs[i:i+len(wr)]) == w && edged(rs, i, i+len(wr)) {
				return true
			}
		}
	}
	return false
}

// reduplicated lists words whose doubling is correct Chinese.
var reduplicated = map[string]bool{"研究": true, "讨论": true, "商量": true, "考虑": true}

func runeOffsets(s string) []int {
	out := make([]int, 0, len(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}

func allHan(rs []rune) bool {
	for _, r := range rs {
		if !isHan(r) {
			return false
		}
	}
	return true
}

// confusables maps a miswritten word to the right one, only where the
// wrong form has no correct reading of its own.
var confusables = map[string]string{
	"栓心留人": "拴心留人", "迫不急待": "迫不及待", "按步就班": "按部就班", "再接再励": "再接再厉",
	"走头无路": "走投无路", "一愁莫展": "一筹莫展", "全力以扶": "全力以赴", "默守成规": "墨守成规",
	"既使": "即使", "即然": "既然", "既便": "即便", "不径而走": "不胫而走", "不加思索": "不假思索",
	"如火如茶": "如火如荼", "坐阵": "坐镇", "布署": "部署", "部暑": "部署", "发韧": "发轫", "凑效": "奏效",
	"针贬": "针砭", "松驰": "松弛", "暴燥": "暴躁", "宣泻": "宣泄", "重迭": "重叠", "一股作气": "一鼓作气",
	"出奇不意": "出其不意", "名符其实": "名副其实", "变本加利": "变本加厉", "言简意骇": "言简意赅",
	"有持无恐": "有恃无恐", "关健": "关键", "竟争": "竞争", "必竟": "毕竟", "贯切落实": "贯彻落实",
	"统筹兼故": "统筹兼顾", "因地治宜": "因地制宜", "实事求事": "实事求是", "与时具进": "与时俱进",
	"做为": "作为", "作大做强": "做大做强", "做大作强": "做大做强", "作优做强": "做优做强", "精兵减政": "精兵简政",
	"急待解决": "亟待解决", "截止目前": "截至目前", "一如继往": "一如既往",
	"配套措旋": "配套措施", "穿流不息": "川流不息", "既往不究": "既往不咎",
	"防犯": "防范", "装祯": "装帧", "部份": "部分", "园满": "圆满",
	"侯选": "候选", "渲泄": "宣泄", "付作用": "副作用",
}

// traditional reports whether the first lines hold traditional characters
// (001): then words are matched on their simplified form.
func traditional(lines []line) bool {
	n := 0
	for _, l := range lines {
		for _, r := range l.text {
			if r >= 0x3400 && norm.FoldRune(r) != r && isHan(norm.FoldRune(r)) {
				return true
			}
			if n++; n > 4000 {
				return false
			}
		}
	}
	return false
}

// confusableByRune indexes the table by each wrong word's first rune.
var confusableByRune = func() map[rune][]string {
	out := map[rune][]string{}
	for w := range confusables {
		r, _ := utf8.DecodeRuneInString(w)
		out[r] = append(out[r], w)
	}
	return out
}()

// checkConfusables reports a word from the table of sure miswritings.
func checkConfusables(c *checker) {
	trad := traditional(c.lines)
	for _, l := range c.lines {
		text := l.text
		if trad {
			text = simplified(text)
		}
		for i, r := range text {
			for _, w := range confusableByRune[r] {
				if strings.HasPrefix(text[i:], w) {
					right := confusables[w]
					c.add("word.confusable", Finding, KindWord, RuleUsage,
						fmt.Sprintf("「%s」应为「%s」", w, right), l.start+i, l.start+i+len(w), fix(right))
				}
			}
		}
	}
}

// fullyVerbs are the verbs 充分 takes before …作用 in the corpus.
var fullyVerbs = []string{"发挥", "利用", "调动", "释放", "激发", "彰显", "体现", "运用", "依托", "借助", "用好",
	"认识", "肯定", "挖掘", "展现", "显示", "重视", "尊重", "考虑", "听取", "保障", "论证", "评估", "吸收", "结合", "动员", "整合"}

var fullyRole = regexp.MustCompile(`充分([^，。；：、（）“”,;:()]{1,30}?)作用`)

// checkMissingVerb reports 充分…作用 without its verb (充分泰安市委科技
// 委员会统筹协调作用): the collocation is 充分发挥…作用.
func checkMissingVerb(c *checker) {
	for _, l := range c.lines {
		if !strings.Contains(l.text, "充分") {
			continue
		}
		text := simplified(l.text)
		for _, m := range fullyRole.FindAllStringSubmatchIndex(text, -1) {
			inner := strings.TrimPrefix(text[m[2]:m[3]], "地")
			if hasVerbPrefix(inner) {
				continue
			}
			s := l.start + m[0]
			c.add("word.missing-verb", Finding, KindWord, RuleUsage,
				"「充分……作用」缺少动词，应为「充分发挥……作用」", s, s+len("充分"), fix("充分发挥"))
		}
	}
}

func hasVerbPrefix(s string) bool {
	for _, v := range fullyVerbs {
		if strings.HasPrefix(s, v) {
			return true
		}
	}
	return false
}
