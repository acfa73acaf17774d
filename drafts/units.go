package drafts

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// A clause names its responsible units (责任单位) in a parenthetical, most
// often at its end: （市科技局牵头，市教育局、市财政局配合）,
// （市科技局、市财政局按职责分工负责）, （责任单位：市科技局）.

var (
	// unitsPrefix names a list of units and, for some, their role.
	unitsPrefix = regexp.MustCompile(`^(责任单位|責任單位|责任部门|責任部門|责任主体|責任主體|牵头单位|牽頭單位|牵头部门|牽頭部門|` +
		`主责单位|主責單位|配合单位|配合單位|配合部门|配合部門|协办单位|協辦單位|参与单位|參與單位|协助单位|協助單位)\s*[:：]\s*`)
	unitName = regexp.MustCompile(`^(?:市|县|縣|区|區|省|各|中共|共青团|共青團|团|團|人民|国家|國家|中国|中國|\p{Han}{2,4}(?:市|县|縣|区|區))`)
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

// unitParentheticals returns the 责任单位 parentheticals of text, and its
// 责任单位 sentences written without brackets, with the units each names,
// in order.
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
	for _, s := range unitSentences(text) {
		if insideAny(s.Start, out) {
			continue
		}
		if all, lead, ok := parseUnits(text[s.Start:s.End]); ok {
			out = append(out, unitParenthetical{s, all, lead})
		}
	}
	return out
}

var unitSentenceKeys = []string{"责任单位", "責任單位", "责任部门", "責任部門", "牵头单位", "牽頭單位", "牵头部门", "牽頭部門", "主责单位", "主責單位"}

// unitSentences returns the spans of text's 责任单位 sentences written
// without brackets: a key and a colon at the start of a line or after a
// full stop, to the end of the line.
func unitSentences(text string) []Span {
	var out []Span
	if !strings.Contains(text, "：") && !strings.Contains(text, ":") {
		return nil
	}
	for _, k := range unitSentenceKeys {
		for from := 0; ; {
			i := strings.Index(text[from:], k)
			if i < 0 {
				break
			}
			i += from
			from = i + len(k)
			before := strings.TrimRight(text[:i], " \t\u3000")
			if r, _ := utf8.DecodeLastRuneInString(before); before != "" && !strings.ContainsRune("。；;\n", r) {
				continue
			}
			if rest := strings.TrimLeft(text[from:], " \t\u3000"); !strings.HasPrefix(rest, ":") && !strings.HasPrefix(rest, "：") {
				continue
			}
			end := strings.IndexByte(text[i:], '\n')
			if end < 0 {
				end = len(text)
			} else {
				end += i
			}
			out = append(out, Span{i, end})
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

func insideAny(at int, ps []unitParenthetical) bool {
	for _, p := range ps {
		if at >= p.span.Start && at < p.span.End {
			return true
		}
	}
	return false
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
// Units are separated by 、 or spaces, groups by ，or ；; a group's role is
// said after it (市科技局牵头), before it (牵头单位：…；配合单位：…) or by a
// mark on a unit (市科技局（牵头）). When some unit is named as the lead,
// the units without a role are its partners.
func parseUnits(s string) (all, lead []string, ok bool) {
	s = strings.TrimSpace(s)
	prefix := unitsPrefix.FindStringIndex(s)
	prefixed := prefix != nil
	if prefixed {
		if i := strings.Index(s, "。"); i >= 0 { // 具体任务…下同 after the list
			s = s[:i]
		}
	}
	if strings.ContainsAny(s, " \u3000") {
		for _, r := range []string{"牵头", "牽頭", "负责", "負責"} { // 市科技局牵头 市财政局配合
			s = strings.ReplaceAll(strings.ReplaceAll(s, r+" ", r+"，"), r+"\u3000", r+"，")
		}
	}
	type named struct{ name, role string }
	var names []named
	roles, leadNamed := 0, false
	for _, g := range splitTop(s, "，,；;") {
		g = strings.TrimSpace(g)
		preRole := ""
		if m := unitsPrefix.FindStringSubmatch(g); m != nil {
			preRole, g = prefixRole(m[1]), g[len(m[0]):]
		}
		g, role := cutRole(g)
		if role == "" {
			role = preRole
		}
		if role != "" || preRole != "" {
			roles++
		}
		for _, n := range splitTop(g, "、 \u3000") {
			n, mark := cutMark(strings.TrimSpace(n))
			if n == "" && mark == "" {
				continue
			}
			if !isUnitName(n) {
				return nil, nil, false
			}
			r := role
			if mark != "" {
				r, roles = mark, roles+1
			}
			leadNamed = leadNamed || isLeadRole(r)
			names = append(names, named{n, r})
		}
	}
	if len(names) == 0 || roles == 0 && !prefixed {
		return nil, nil, false
	}
	for _, n := range names {
		all = append(all, n.name)
		if !isPartnerRole(n.role) && !(leadNamed && n.role == "") {
			lead = append(lead, n.name)
		}
	}
	return all, lead, true
}

// prefixRole returns the role a list's key gives its units: 牵头 for
// 牵头单位, 配合 for 配合单位, none for 责任单位.
func prefixRole(key string) string {
	switch {
	case strings.HasPrefix(key, "牵头") || strings.HasPrefix(key, "牽頭") || strings.HasPrefix(key, "主责") || strings.HasPrefix(key, "主責"):
		return "牵头"
	case strings.HasPrefix(key, "责任") || strings.HasPrefix(key, "責任"):
		return ""
	}
	return "配合"
}

// cutMark splits a unit's role mark off its name: 市科技局（牵头）.
func cutMark(n string) (name, role string) {
	for _, open := range []string{"（", "("} {
		if i := strings.LastIndex(n, open); i > 0 {
			inner := strings.TrimRight(n[i+len(open):], "）)")
			if isLeadRole(inner) || isPartnerRole(inner) {
				return strings.TrimSpace(n[:i]), inner
			}
		}
	}
	return n, ""
}

func isLeadRole(role string) bool {
	switch role {
	case "牵头", "牽頭", "牵头负责", "牽頭負責":
		return true
	}
	return false
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
	base := n
	if i := strings.IndexAny(n, "（("); i > 0 { // 市教育局(市委教育工委), 各县(市、区)人民政府
		base = n[:i]
		if j := strings.LastIndexAny(n, "）)"); j > i && j+1 < len(n) {
			base += n[j+1:]
		}
	}
	if count < 2 || count > 40 || isProse(base) {
		return false
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

// isUnitsLine reports whether text is a 责任单位 sentence of its own
// (责任单位：县财政局。).
func isUnitsLine(text string) bool {
	if !strings.HasPrefix(text, "责任") && !strings.HasPrefix(text, "責任") && !strings.HasPrefix(text, "牵头") &&
		!strings.HasPrefix(text, "牽頭") && !strings.HasPrefix(text, "主责") && !strings.HasPrefix(text, "主責") {
		return false
	}
	ss := unitSentences(text)
	return len(ss) > 0 && ss[0].Start == 0 && len(unitParentheticals(text)) > 0
}

// isUnitsOnly reports whether text is nothing but a 责任单位 parenthetical,
// as when a page break pushed it into a paragraph of its own.
func isUnitsOnly(text string) bool {
	first, _ := utf8.DecodeRuneInString(text)
	last, _ := utf8.DecodeLastRuneInString(text)
	if !strings.ContainsRune("（(〔", first) || !strings.ContainsRune("）)〕", last) {
		return false
	}
	spans := UnitSpans(text)
	return len(spans) == 1 && spans[0].Start == 0 && spans[0].End == len(text)
}
