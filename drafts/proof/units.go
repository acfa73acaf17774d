package proof

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// 责任单位 forms: an ending the document's other parentheticals do not
// use (按照职责分工 without 负责), a 责任单位： form among plain lists.

var unitsLabel = regexp.MustCompile(`^(?:责任单位|牵头单位)\s*[:：]\s*`)

// unitForm is a 责任单位 parenthetical, read.
type unitForm struct {
	unitParen
	inner    string // without brackets
	open     string // the brackets
	close    string
	labelled bool   // 责任单位：…
	ending   string // 按照职责分工负责, 按职责分工, 牵头, 负责, 配合 …
	units    []string
}

var endings = []string{"按照职责分工负责", "按职责分工负责", "按照职责分工", "按职责分工", "分别负责", "牵头负责", "牵头", "负责", "配合"}

func readForms(c *checker) []unitForm {
	var out []unitForm
	for _, p := range unitParens(c) {
		_, o := utf8.DecodeRuneInString(p.text)
		_, cl := utf8.DecodeLastRuneInString(p.text)
		f := unitForm{unitParen: p, inner: p.text[o : len(p.text)-cl], open: p.text[:o], close: p.text[len(p.text)-cl:]}
		f.labelled = unitsLabel.MatchString(f.inner)
		for _, e := range endings {
			if strings.HasSuffix(f.inner, e) {
				f.ending = e
				break
			}
		}
		f.units = p.units
		out = append(out, f)
	}
	return out
}

// checkUnitForms compares each parenthetical with the document's majority.
func checkUnitForms(c *checker) {
	forms := readForms(c)
	count := map[string]int{}
	labelled, single := 0, map[string]int{}
	for _, f := range forms {
		count[f.ending]++
		if f.labelled {
			labelled++
		}
		if len(f.units) == 1 && !f.labelled {
			single[f.ending]++
		}
	}
	dutyFull := count["按照职责分工负责"] + count["按职责分工负责"]
	for _, f := range forms {
		switch {
		case (f.ending == "按照职责分工" || f.ending == "按职责分工") && dutyFull > count["按照职责分工"]+count["按职责分工"]:
			s := f.end - len(f.close) - len(f.ending)
			c.add("units.no-duty", Finding, KindOrgan, RuleMajority,
				fmt.Sprintf("责任单位写作「%s」，缺少「负责」；本文其他条款写作「%s负责」", f.ending, f.ending),
				s, s+len(f.ending), fix(f.ending+"负责"))
		case f.labelled && labelled*2 < len(forms):
			role := majorityOf(single, "牵头", "负责")
			var fx *string
			if len(f.units) == 1 && role != "" {
				fx = fix(f.open + f.units[0] + role + f.close)
			}
			c.add("units.form", Finding, KindOrgan, RuleMajority,
				fmt.Sprintf("责任单位写作「责任单位：」的形式，本文其他条款写作「（单位%s）」", role), f.start, f.end, fx)
		case f.ending == "按职责分工负责" && count["按照职责分工负责"] > 2*count["按职责分工负责"] ||
			f.ending == "按照职责分工负责" && count["按职责分工负责"] > 2*count["按照职责分工负责"]:
			other := "按照职责分工负责"
			if f.ending == other {
				other = "按职责分工负责"
			}
			s := f.end - len(f.close) - len(f.ending)
			c.add("units.form", Hint, KindOrgan, RuleMajority,
				fmt.Sprintf("本文多数责任单位写作「%s」，此处写作「%s」", other, f.ending), s, s+len(f.ending), fix(other))
		}
	}
}

// majorityOf returns whichever of a, b is more frequent in counts (a on a
// tie); empty when neither occurs.
func majorityOf(counts map[string]int, a, b string) string {
	switch {
	case counts[a] == 0 && counts[b] == 0:
		return ""
	case counts[b] > counts[a]:
		return b
	}
	return a
}
