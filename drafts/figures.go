package drafts

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"qicao/drafts/norm"
)

// A figure is a number with its unit — 1300家, 不少于300名, 2.8%, 500万元,
// 50亿 — and the subject it counts, read from the words before it in its
// sentence (高新技术企业突破1300家), or after it when only a verb stands
// before (形成不少于50项重大创新成果).

var (
	// qualifierRE is what may stand right before a figure's number;
	// amountRE the number with its magnitude, unit and 以上/左右. The text
	// is searched for digits first: a regexp over all of it is slow.
	qualifierRE = regexp.MustCompile(`(不少于|不低于|不超过|不高于|不到|超过|达到|突破|约|近|逾|过)[\s\p{Co}]*$`)
	amountRE    = regexp.MustCompile(`^[0-9０-９]+(?:[.．][0-9０-９]+)?\s*(万亿|亿|万|千|百)?\s*` +
		`(平方米|公里|万千瓦|千瓦|人次|家次|元|家|名|人|项|个|场|所|支|件|条|台|套|户|次|亩|吨|倍|批|%|％)?(以上|左右|以内|以下|余)?`)
	// Words that stand between a subject and its figure, or before the
	// subject, and are not part of it.
	subjectTail = regexp.MustCompile(`(?:达到|突破|超过|增长|增加|提高|控制在|保持在|稳定在|为|达|在|至|到)$`)
	subjectHead = regexp.MustCompile(`^(?:(?:到|至)?[0-9０-９]{4}\s*年(?:年底|底)?前?|力争|累计|全市|全年|年均|每年|其中)+`)
)

// figure is one quantity found in a clause.
type figure struct {
	subject string // as written, trimmed
	qual    string // 不少于, 突破…
	amount  string // number, magnitude, unit and 以上/左右, as written
	key     string // normalised amount for comparing
	clause  string // label and heading of the clause
	at      int    // byte offset, for order
}

// findFigures returns the figures of a clause's text.
func findFigures(text, clause string) []figure {
	var out []figure
	segStart, prevEnd, shared := 0, -1, ""
	for _, m := range figureMatches(text) {
		if seg := lastDelimiter(text[:m.start]); seg != segStart {
			segStart, prevEnd, shared = seg, -1, ""
		}
		var subject string
		if between := text[max(segStart, prevEnd):m.start]; prevEnd >= 0 && utf8.RuneCountInString(norm.Key(strings.Trim(between, "、和及与或"))) <= 1 {
			subject = shared // 500亿、100亿和50亿元: one subject for the list
		} else {
			subject = cleanSubject(between, text[m.end:])
		}
		shared, prevEnd = subject, m.end
		amount := strings.TrimSpace(text[m.number:m.end])
		out = append(out, figure{subject: subject, qual: m.qual, amount: amount, key: amountKey(amount), clause: clause, at: m.start})
	}
	return out
}

// figureMatch is where a figure stands in a text: its qualifier from
// start, its number from number, to end.
type figureMatch struct {
	start, number, end int
	qual               string // the qualifier's word, without the space after it
}

// figureMatches finds the numbers of text that carry a magnitude or a
// unit (1300家, 50亿, 2.8%), skipping bare ones (441X, 5G, 2026年).
func figureMatches(text string) []figureMatch {
	var out []figureMatch
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isDigit(r) {
			i += n
			continue
		}
		m := amountRE.FindStringSubmatchIndex(text[i:])
		if m[2] < 0 && m[4] < 0 {
			i += m[1]
			continue
		}
		start := i
		qual := ""
		from := max(0, i-16) // the qualifier is looked for in the 16 bytes before the number
		if q := qualifierRE.FindStringSubmatchIndex(text[from:i]); q != nil {
			start = from + q[0]
			qual = text[from+q[2] : from+q[3]]
		}
		out = append(out, figureMatch{start, i, i + m[1], qual})
		i += m[1]
	}
	return out
}

// lastDelimiter returns the byte offset after the last sentence or clause
// delimiter in s.
func lastDelimiter(s string) int {
	i := strings.LastIndexAny(s, "，,；;。：:\n！？")
	if i < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return i + n
}

// cleanSubject trims a figure's subject of the time, the verb and the
// giver around it; when nothing but a verb is left it takes the words
// after the figure instead.
func cleanSubject(before, after string) string {
	s := strings.Trim(before, " \t、和及与或")
	if i := strings.LastIndex(s, "给予"); i >= 0 {
		s = s[i+len("给予"):]
	}
	s = subjectHead.ReplaceAllString(s, "")
	s = strings.TrimSpace(subjectTail.ReplaceAllString(s, ""))
	if utf8.RuneCountInString(norm.Key(s)) <= 2 {
		next := after[:len(after)-len(after[phraseEnd(after):])]
		next = strings.TrimPrefix(strings.TrimSpace(next), "的")
		if next != "" {
			s = next
		}
	}
	if rs := []rune(s); len(rs) > 20 {
		s = string(rs[len(rs)-20:])
	}
	return s
}

// phraseEnd returns the byte offset where the phrase at the start of s
// ends: at a delimiter, a bracket or another number; len(s) if none.
func phraseEnd(s string) int {
	if i := strings.IndexAny(s, "，,；;。：:\n！？、（(0123456789"); i >= 0 {
		return i
	}
	return len(s)
}

// amountKey is the comparable form of an amount: width folded, spaces
// dropped, 亿元 the same as 亿.
func amountKey(amount string) string {
	k := norm.Key(amount)
	for _, m := range []string{"万亿", "亿", "万"} {
		k = strings.Replace(k, m+"元", m, 1)
	}
	return strings.Replace(k, "％", "%", 1)
}

// compareFigures lists the figures that changed, appeared or vanished,
// pair by pair; the parts of a merge or a split are taken together.
func compareFigures(ps []Pair) []Figure {
	var out []Figure
	done := map[*Node]bool{}
	for i, p := range ps {
		if p.Section {
			continue
		}
		olds, news := figureGroup(ps, i, done)
		if olds == nil && news == nil {
			continue
		}
		out = append(out, matchFigures(olds, news)...)
	}
	return out
}

// figureGroup returns the old and new figures of pair i and of the pairs
// it was merged or split with, once per group.
func figureGroup(ps []Pair, i int, done map[*Node]bool) (olds, news []figure) {
	p := ps[i]
	var oldSides, newSides []*Side
	switch {
	case p.Kind == PairMerged:
		newSides, oldSides = groupSides(ps, p, done)
	case p.Kind == PairSplit:
		oldSides, newSides = groupSides(ps, p, done)
	case p.Old != nil && p.New != nil && p.Old.Node.Text == p.New.Node.Text:
		return nil, nil // the same text has the same figures
	default:
		oldSides, newSides = []*Side{p.Old}, []*Side{p.New}
	}
	if oldSides == nil && newSides == nil {
		return nil, nil // the group was done with an earlier pair
	}
	return sideFigures(oldSides), sideFigures(newSides)
}

// groupSides returns the side of merged or split pair p that is whole
// (the new clause of a merge, the old one of a split) and the sides of the
// other document paired with it, or nothing when done has it already.
func groupSides(ps []Pair, p Pair, done map[*Node]bool) (whole, parts []*Side) {
	ends := func(q Pair) (whole, part *Side) {
		if p.Kind == PairMerged {
			return q.New, q.Old
		}
		return q.Old, q.New
	}
	w, _ := ends(p)
	if done[w.Node] {
		return nil, nil
	}
	done[w.Node] = true
	for _, q := range ps {
		if qw, qp := ends(q); q.Kind == p.Kind && qw.Node == w.Node {
			parts = append(parts, qp)
		}
	}
	return []*Side{w}, parts
}

func sideFigures(sides []*Side) []figure {
	out := []figure{}
	for _, s := range sides {
		if s != nil {
			out = append(out, findFigures(StripUnits(s.Node.Text), s.Name())...)
		}
	}
	return out
}

// matchFigures pairs old and new figures by subject, unit and value, and
// returns those that differ, with those left on either side.
func matchFigures(olds, news []figure) []Figure {
	type cand struct {
		o, n  int
		score float64
	}
	var cs []cand
	for i, a := range olds {
		for j, b := range news {
			if s := figureScore(a, b); s > 0 {
				cs = append(cs, cand{i, j, s})
			}
		}
	}
	slices.SortStableFunc(cs, func(x, y cand) int { return cmp.Compare(y.score, x.score) })
	oldTo, newUsed := make([]int, len(olds)), make([]bool, len(news))
	for i := range oldTo {
		oldTo[i] = -1
	}
	for _, c := range cs {
		if oldTo[c.o] < 0 && !newUsed[c.n] {
			oldTo[c.o], newUsed[c.n] = c.n, true
		}
	}
	var out []Figure
	for i, a := range olds {
		if j := oldTo[i]; j < 0 {
			out = append(out, Figure{Subject: a.subject, Old: a.qual + a.amount, OldClause: a.clause})
		} else if b := news[j]; a.key != b.key || qualKey(a.qual) != qualKey(b.qual) {
			out = append(out, changedFigure(a, b))
		}
	}
	for j, b := range news {
		if !newUsed[j] {
			out = append(out, Figure{Subject: b.subject, New: b.qual + b.amount, NewClause: b.clause})
		}
	}
	return out
}

// changedFigure shows a figure that changed, with its qualifier only when
// that changed too: 1200家 → 1300家, 200名以上 → 不少于300名.
func changedFigure(a, b figure) Figure {
	f := Figure{Subject: b.subject, Old: a.amount, New: b.amount, OldClause: a.clause, NewClause: b.clause}
	if qualKey(a.qual) != qualKey(b.qual) {
		f.Old, f.New = a.qual+a.amount, b.qual+b.amount
	}
	return f
}

// figureScore says how likely two figures are the same target: similar
// subjects, the same unit, the same value; 0 when they are not.
func figureScore(a, b figure) float64 {
	subj := dice(bigrams(norm.Key(a.subject)), bigrams(norm.Key(b.subject)))
	sameUnit := unitOf(a.key) == unitOf(b.key)
	sameValue := a.key == b.key
	switch {
	case subj >= 0.5 && sameUnit, subj >= 0.3 && sameUnit && sameValue:
	default:
		return 0
	}
	score := subj
	if sameValue {
		score += 0.3
	}
	return score
}

// qualKey is a qualifier's meaning: 不低于 says what 不少于 says.
func qualKey(q string) string {
	switch q {
	case "不低于":
		return "不少于"
	case "不高于":
		return "不超过"
	}
	return q
}

// unitOf returns what follows the number in an amount key: 万元, 家, %.
func unitOf(key string) string {
	i := strings.IndexFunc(key, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	if i < 0 {
		return ""
	}
	u := key[i:]
	for _, s := range []string{"以上", "左右", "以内", "以下", "余"} {
		u = strings.TrimSuffix(u, s)
	}
	return u
}
