package templates

import (
	"sort"
	"strings"
	"unicode/utf8"

	"qicao/drafts"
	"qicao/drafts/norm"
)

// Adapted is a suggestion made ready to paste into another city's draft.
type Adapted struct {
	Text string `json:"text"`
	// Flags mark what the officer must review, as rune offsets into Text,
	// in order of Start.
	Flags []Flag `json:"flags"`
}

// Flag marks a part of an adapted text for review.
type Flag struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
	Kind   string `json:"kind"` // one of the Flag* kinds
	Reason string `json:"reason"`
}

// The kinds of Flag.
const (
	FlagCity      = "city"       // the source city's name, replaced by the target's
	FlagLocalName = "local-name" // a local programme, place or brand (泰山人才工程, 八角湾中央创新区)
	FlagShortName = "short-name" // a one-character short form of the source city (驻济高校, 来烟)
	FlagUnits     = "units"      // the 责任单位, kept as the source wrote them
)

// Adapt returns a clause of city from made ready for a draft of city to:
// traditional characters converted to simplified, from's name (simplified
// or traditional) replaced by to's, and flagged for review: the
// replacements, local proper names (LocalNames), one-character short forms
// of from after 驻/来/在 (驻济高校), and the 责任单位, which are kept.
func Adapt(text, from, to string) Adapted {
	source, target := canonicalCity(from), canonicalCity(to)
	out, replaced := replaceCity(norm.Simplify(text), source, target)
	var flags []Flag
	for _, s := range replaced {
		flags = append(flags, newFlag(out, s, FlagCity, "原文为"+source+"，已改为"+target+"，请核对"))
	}
	for _, n := range LocalNames(out) {
		if n.Kind == KindCity {
			continue
		}
		flags = append(flags, newFlag(out, drafts.Span{Start: n.Start, End: n.End}, FlagLocalName, "地方专有名称，请确认本市是否有对应名称"))
	}
	for _, s := range shortForms(out, source) {
		flags = append(flags, newFlag(out, s, FlagShortName, "可能是原城市的简称，请核对"))
	}
	for _, s := range drafts.UnitSpans(out) {
		flags = append(flags, newFlag(out, s, FlagUnits, "责任单位照录原文，请按本市分工核对"))
	}
	sort.SliceStable(flags, func(i, j int) bool { return flags[i].Start < flags[j].Start })
	if flags == nil {
		flags = []Flag{}
	}
	return Adapted{Text: out, Flags: flags}
}

// canonicalCity is a city's simplified name without 市.
func canonicalCity(city string) string {
	if c, ok := CityOf(city); ok {
		return c
	}
	return cityKey(city)
}

// replaceCity replaces every from (simplified or traditional) in s by to
// and returns the byte spans of the replacements in the result.
func replaceCity(s, from, to string) (string, []drafts.Span) {
	if from == "" || to == "" || from == to {
		return s, nil
	}
	names := []string{from}
	for _, c := range CityNames {
		if c.Name == from && c.Trad != from {
			names = append(names, c.Trad)
		}
	}
	var b strings.Builder
	var spans []drafts.Span
	for i := 0; i < len(s); {
		if n := hasPrefixAny(s[i:], names); n > 0 {
			spans = append(spans, drafts.Span{Start: b.Len(), End: b.Len() + len(to)})
			b.WriteString(to)
			i += n
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String(), spans
}

func hasPrefixAny(s string, prefixes []string) int {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return len(p)
		}
	}
	return 0
}

// shortLeads are the characters that put a city's one-character short
// form after them: 驻济高校, 来烟落地, 在烟创新创业, 留泰, 回泰.
const shortLeads = "驻来在留回赴"

// shortForms returns the byte spans of from's short form after one of
// shortLeads, lead included.
func shortForms(s, from string) []drafts.Span {
	short := ""
	for _, c := range CityNames {
		if c.Name == from {
			short = c.Short
		}
	}
	if short == "" {
		return nil
	}
	var out []drafts.Span
	for _, lead := range shortLeads {
		pat := string(lead) + short
		for _, at := range indexAll(s, pat) {
			out = append(out, drafts.Span{Start: at, End: at + len(pat)})
		}
	}
	return out
}

// newFlag makes a flag of the byte span sp of s, in rune offsets.
func newFlag(s string, sp drafts.Span, kind, reason string) Flag {
	start := utf8.RuneCountInString(s[:sp.Start])
	return Flag{Start: start, End: start + utf8.RuneCountInString(s[sp.Start:sp.End]),
		Text: s[sp.Start:sp.End], Kind: kind, Reason: reason}
}
