package proof

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Consistency: one target stated with two figures; one cited document
// with two 文号.

var (
	targetRe = regexp.MustCompile(`(?:达到|突破|超过|增至|达)(\d+(?:\.\d+)?)(家|个|项|名|所|座|条|亿元|万元|%)`)
	yearRe   = regexp.MustCompile(`(20\d\d)年`)
	// leading words that do not belong to a target's subject
	subjectNoise = regexp.MustCompile(`^(?:全市|全县|全区|累计|到|力争|其中|培育|建设|新增|年均|每年|年底前|年底|以上)+`)
)

// target is a figure a document sets for a subject.
type target struct {
	subject, unit, year, value string
	start, end                 int
}

// checkTargets reports a subject given a target twice with different
// figures for the same year (高新技术企业 1200家 in 目标, 1300家 in a measure).
func checkTargets(c *checker) {
	seen := map[string]target{}
	for _, l := range c.lines {
		if !hasTargetVerb(l.text) {
			continue
		}
		for _, sentence := range splitSentences(l) {
			if !hasTargetVerb(sentence.text) {
				continue
			}
			year := ""
			for _, m := range targetRe.FindAllStringSubmatchIndex(sentence.text, -1) {
				if ys := yearRe.FindAllStringSubmatch(c.src[l.start:sentence.start+m[0]], -1); len(ys) > 0 {
					year = ys[len(ys)-1][1]
				}
				subj := subjectBefore(sentence.text[:m[0]])
				if len([]rune(subj)) < 3 || year == "" {
					continue
				}
				t := target{subj, sentence.text[m[4]:m[5]], year, sentence.text[m[2]:m[3]],
					sentence.start + m[2], sentence.start + m[3]}
				key := t.subject + "|" + t.unit + "|" + t.year
				if prev, ok := seen[key]; ok && prev.value != t.value {
					c.add("consistency.target", Finding, KindConsistency, RuleMajority,
						fmt.Sprintf("%s年%s的目标前文为%s%s，此处为%s%s", year, subj, prev.value, prev.unit, t.value, t.unit),
						t.start, t.end, nil)
					continue
				}
				seen[key] = t
			}
		}
	}
}

// hasTargetVerb reports whether s holds 达到, 突破, 超过, 增至 or 达 before a
// figure; a quick test before targetRe.
func hasTargetVerb(s string) bool {
	for _, v := range []string{"达", "突破", "超过", "增至"} {
		for from := 0; ; {
			i := strings.Index(s[from:], v)
			if i < 0 {
				break
			}
			j := from + i + len(v)
			if strings.HasPrefix(s[j:], "到") {
				j += len("到")
			}
			if j < len(s) && s[j] >= '0' && s[j] <= '9' {
				return true
			}
			from = from + i + len(v)
		}
	}
	return false
}

// subjectBefore returns the subject of a target: the run of up to 16
// Chinese characters before its verb, without 总数/数量 and leading words
// such as 全市, 累计.
func subjectBefore(s string) string {
	start, n := len(s), 0
	for start > 0 && n < 16 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !isHan(r) {
			break
		}
		start -= size
		n++
	}
	subj := s[start:]
	for _, suffix := range []string{"力争", "总数", "数量", "总量"} {
		subj = strings.TrimSuffix(subj, suffix)
	}
	return subjectNoise.ReplaceAllString(subj, "")
}

// splitSentences cuts a line at 。 and ；.
func splitSentences(l line) []line {
	var out []line
	start := 0
	for i, r := range l.text {
		if r == '。' || r == '；' {
			out = append(out, line{l.start + start, l.text[start:i]})
			start = i + len(string(r))
		}
	}
	return append(out, line{l.start + start, l.text[start:]})
}

var citedRe = regexp.MustCompile(`《([^《》]{4,80})》\s*[（(]([^（）()《》]{1,12}〔\d{4}〕\d{1,4}号)[）)]`)

// checkCitedNumbers reports a cited document given two different 文号.
func checkCitedNumbers(c *checker) {
	seen := map[string]string{}
	for _, l := range c.lines {
		for _, m := range citedRe.FindAllStringSubmatchIndex(l.text, -1) {
			title, num := l.text[m[2]:m[3]], strings.TrimSpace(l.text[m[4]:m[5]])
			if prev, ok := seen[title]; ok && prev != num {
				c.add("consistency.doc-number", Finding, KindConsistency, RuleRegulation,
					fmt.Sprintf("《%s》的发文字号前文为%s，此处为%s", title, prev, num), l.start+m[4], l.start+m[5], nil)
				continue
			}
			seen[title] = num
		}
	}
}
