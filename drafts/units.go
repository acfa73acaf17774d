package drafts

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// A clause names its responsible units (责任单位) in a parenthetical, most
// often at its end: （市科技局牵头，市教育局、市财政局配合）,
// （市科技局、市财政局按职责分工负责）, （责任单位：市科技局）.

var (
	unitsPrefix = regexp.MustCompile(`^(?:责任单位|責任單位|牵头单位|牽頭單位)\s*[:：]\s*`)
	unitName    = regexp.MustCompile(`^(?:市|县|縣|区|區|省|各|中共|共青团|共青團|团|團|人民|国家|國家|中国|中國|\p{Han}{2,4}(?:市|县|縣|区|區))`)
)

// UnitSpans returns the byte spans in text of its 责任单位 parentheticals,
// brackets included.
func UnitSpans(text string) []Span {
	var out []Span
	for _, p := range unitParentheticals(text) {
		out = append(out, p.span)
	}
	return out
}

// unitParenthetical is a 责任单位 parenthetical of a text, read.
type unitParenthetical struct {
	span      Span // brackets included
	all, lead []string
}

// unitParentheticals returns the 责任单位 parentheticals of text with the
// units each names, in order.
func unitParentheticals(text string) []unitParenthetical {
	var out []unitParenthetical
	for _, s := range parentheticals(text) {
		inner := text[s.Start:s.End]
		_, open := utf8.DecodeRuneInString(inner)
		_, close := utf8.DecodeLastRuneInString(inner)
		if all, lead, ok := parseUnits(inner[open : len(inner)-close]); ok {
			out = append(out, unitParenthetical{s, all, lead})
		}
	}
	return out
}

// StripUnits returns text without its 责任单位 parentheticals.
func StripUnits(text string) string {
	spans := UnitSpans(text)
	if len(spans) == 0 {
		return text
	}
	var b strings.Builder
	last := 0
	for _, s := range spans {
		b.WriteString(text[last:s.Start])
		last = s.End
	}
	b.WriteString(text[last:])
	return b.String()
}

// Units returns the responsible units named in text and those of them that
// lead, each list in order of first appearance without repeats.
func Units(text string) (units, leads []string) {
	seen, seenLead := map[string]bool{}, map[string]bool{}
	for _, p := range unitParentheticals(text) {
		units = appendUnseen(units, seen, p.all)
		leads = appendUnseen(leads, seenLead, p.lead)
	}
	return units, leads
}

// appendUnseen appends to list the names not yet in seen, and marks them.
func appendUnseen(list []string, seen map[string]bool, names []string) []string {
	for _, u := range names {
		if !seen[u] {
			seen[u] = true
			list = append(list, u)
		}
	}
	return list
}

// parseUnits reads the inside of a parenthetical as a list of units; ok is
// false when it is some other aside (首台（套）, （含金融和投资机构专家）).
func parseUnits(s string) (all, lead []string, ok bool) {
	s = strings.TrimSpace(s)
	prefix := unitsPrefix.FindStringIndex(s)
	prefixed := prefix != nil
	if prefixed {
		s = s[prefix[1]:]
	}
	groups := splitTop(s, "，,；;")
	roles := 0
	for _, g := range groups {
		g = strings.TrimSpace(g)
		g, role := cutRole(g)
		if role != "" {
			roles++
		}
		names := splitTop(g, "、")
		for _, n := range names {
			n = strings.TrimSpace(n)
			if !isUnitName(n) {
				return nil, nil, false
			}
			all = append(all, n)
			if role == "" || !isPartnerRole(role) {
				lead = append(lead, n)
			}
		}
	}
	if len(all) == 0 || roles == 0 && !prefixed {
		return nil, nil, false
	}
	return all, lead, true
}

func isPartnerRole(role string) bool {
	switch role {
	case "配合", "参与", "參與", "协助", "協助":
		return true
	}
	return false
}

func isUnitName(n string) bool {
	count := utf8.RuneCountInString(n)
	if count < 2 || count > 40 || isProse(n) {
		return false
	}
	base := n
	if i := strings.IndexAny(n, "（("); i > 0 { // 市教育局(市委教育工委)
		base = n[:i]
	}
	return isOrgName(base) || unitName.MatchString(base) && hasHan(base)
}

// roles end a group of units and say what the units do; longest first.
var roles = []string{"按照职责分工负责", "按照職責分工負責", "按职责分工负责", "按職責分工負責", "按照职责分工", "按照職責分工",
	"按职责分工", "按職責分工", "分别负责", "分別負責", "共同负责", "共同負責", "牵头负责", "牽頭負責",
	"牵头", "牽頭", "负责", "負責", "配合", "参与", "參與", "协助", "協助"}

// cutRole splits a group such as 市教育局、市财政局配合 into its units and its
// role, dropping an 等部门 before the role.
func cutRole(g string) (units, role string) {
	for _, r := range roles {
		if rest, ok := strings.CutSuffix(g, r); ok {
			rest = strings.TrimSpace(rest)
			for _, etc := range []string{"等部门", "等部門", "等单位", "等單位", "等"} {
				if s, ok := strings.CutSuffix(rest, etc); ok {
					rest = s
					break
				}
			}
			return rest, r
		}
	}
	return g, ""
}

// splitTop splits s at any of seps that stand outside brackets.
func splitTop(s, seps string) []string {
	var parts []string
	depth, last := 0, 0
	for i, r := range s {
		switch {
		case strings.ContainsRune("（(〔[【", r):
			depth++
		case strings.ContainsRune("）)〕]】", r):
			depth--
		case depth == 0 && strings.ContainsRune(seps, r):
			parts = append(parts, s[last:i])
			last = i + utf8.RuneLen(r)
		}
	}
	return append(parts, s[last:])
}

// parentheticals returns the spans of the outermost bracketed asides in
// text: （…）, (…) and 〔…〕, nested brackets included.
func parentheticals(text string) []Span {
	var out []Span
	depth, start := 0, 0
	for i, r := range text {
		switch r {
		case '（', '(', '〔':
			if depth == 0 {
				start = i
			}
			depth++
		case '）', ')', '〕':
			if depth == 0 {
				continue
			}
			depth--
			if depth == 0 {
				out = append(out, Span{start, i + utf8.RuneLen(r)})
			}
		}
	}
	return out
}

// isUnitsOnly reports whether text is nothing but a 责任单位 parenthetical,
// as when a page break pushed it into a paragraph of its own.
func isUnitsOnly(text string) bool {
	spans := UnitSpans(text)
	return len(spans) == 1 && spans[0].Start == 0 && spans[0].End == len(text)
}
