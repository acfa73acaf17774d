package templates

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"qicao/drafts"
)

// Candidate is a proposed placeholder: a value of the clause that changes
// from city to city and the name and type it would get.
type Candidate struct {
	Placeholder
	// Kind is what was found: city, year, figure, department, name.
	Kind string `json:"kind"`
	// Value is the text as found, e.g. 烟台, 2027, 20亿元, 市科技局.
	Value string `json:"value"`
	// Unit is kept after the placeholder for a figure: 20亿元 →
	// {数量}亿元.
	Unit string `json:"unit,omitempty"`
	// Spans are the occurrences in the clause that the placeholder
	// replaces.
	Spans []drafts.Span `json:"-"`
	// Accepted says whether the placeholder is used; Propose accepts all.
	Accepted bool `json:"accepted"`
}

// Proposal is a clause with its proposed placeholders, for the user to
// accept, rename or drop before making a template.
type Proposal struct {
	Text       string      `json:"text"`
	Candidates []Candidate `json:"candidates"`
}

var (
	yearPattern   = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)
	figurePattern = regexp.MustCompile(`(\d+(?:\.\d+)?)\s*(万亿元|亿元|万元|元|个百分点|%|％|家|个|名|人次|人|项|所|支|台套|台|套|件|倍|万平方米|平方米|亩|次|场|批|篇|条)`)
)

// Propose finds what in a clause should become placeholders: responsible
// units ({牵头单位}, {配合单位}), other departments, cities in simplified or
// traditional form ({城市}), local names, years ({年份}) and figures with
// units ({数量}). Every candidate starts accepted.
func Propose(text string) *Proposal {
	p := &Proposal{Text: text}
	unitSpans := drafts.UnitSpans(text)
	p.addUnits(text, unitSpans)
	p.addOtherDepartments(text)
	p.addLocalNames(text)
	p.addYears(text)
	p.addFigures(text)
	return p
}

// add records an occurrence of value under a candidate, one candidate per
// kind and value; base is the placeholder name, numbered when taken.
func (p *Proposal) add(kind, base string, typ PlaceholderType, value, example, unit string, span drafts.Span) {
	for i := range p.Candidates {
		c := &p.Candidates[i]
		if c.Kind == kind && c.Value == value {
			c.Spans = append(c.Spans, span)
			return
		}
	}
	p.Candidates = append(p.Candidates, Candidate{
		Placeholder: Placeholder{Name: p.freeName(base), Type: typ, Example: example},
		Kind:        kind, Value: value, Unit: unit, Spans: []drafts.Span{span}, Accepted: true,
	})
}

// freeName returns base, or base2, base3 … when taken.
func (p *Proposal) freeName(base string) string {
	name := base
	for k := 2; p.has(name); k++ {
		name = base + strconv.Itoa(k)
	}
	return name
}

func (p *Proposal) has(name string) bool { return p.Candidate(name) != nil }

// addUnits proposes the units of each 责任单位 parenthetical: those that
// lead as {牵头单位}, the others as {配合单位}. Where all share the work
// (按职责分工负责), the first named leads and the rest are partners.
func (p *Proposal) addUnits(text string, spans []drafts.Span) {
	for _, s := range spans {
		inner := text[s.Start:s.End]
		all, leads := drafts.Units(inner)
		located := locate(inner, all, s.Start)
		if len(located) == 0 {
			continue
		}
		isLead := map[string]bool{}
		for _, l := range leads {
			isLead[l] = true
		}
		if len(leads) == len(all) && len(all) > 1 {
			isLead = map[string]bool{all[0]: true}
		}
		for _, run := range runs(text, located, isLead) {
			base := "配合单位"
			if run.lead {
				base = "牵头单位"
			}
			value := text[run.span.Start:run.span.End]
			p.add("department", base, TypeDepartments, value, standardList(value), "", run.span)
		}
	}
}

// unitAt is a unit found at a span.
type unitAt struct {
	name string
	span drafts.Span
}

// locate finds each unit name in order in the parenthetical inner, which
// starts at offset in the clause.
func locate(inner string, names []string, offset int) []unitAt {
	var out []unitAt
	from := 0
	for _, n := range names {
		i := strings.Index(inner[from:], n)
		if i < 0 {
			continue
		}
		start := offset + from + i
		out = append(out, unitAt{n, drafts.Span{Start: start, End: start + len(n)}})
		from += i + len(n)
	}
	return out
}

// unitRun is a stretch of units with the same role, joined by 、.
type unitRun struct {
	span drafts.Span
	lead bool
}

// runs groups adjacent units of the same role into one span each.
func runs(text string, units []unitAt, isLead map[string]bool) []unitRun {
	var out []unitRun
	for _, u := range units {
		lead := isLead[u.name]
		if k := len(out); k > 0 && out[k-1].lead == lead && strings.TrimSpace(text[out[k-1].span.End:u.span.Start]) == "、" {
			out[k-1].span.End = u.span.End
			continue
		}
		out = append(out, unitRun{u.span, lead})
	}
	return out
}

// addOtherDepartments proposes departments named outside the 责任单位
// parentheticals as {相关单位}.
func (p *Proposal) addOtherDepartments(text string) {
	taken := p.spans()
	for _, n := range FindDepartments(text) {
		span := drafts.Span{Start: n.Start, End: n.End}
		if overlaps(span, taken) {
			continue
		}
		p.add("department", "相关单位", TypeDepartments, n.Text, StandardDepartment(n.Text), "", span)
	}
}

// addLocalNames proposes cities as {城市} (inside unit names too, for when
// the unit placeholders are dropped) and local places and names by what
// they are: {工程名称}, {平台名称}, {品牌名称}, {地名}, {名称}.
func (p *Proposal) addLocalNames(text string) {
	for _, n := range Cities(text) {
		p.add("city", "城市", TypeText, n.Text, n.Text, "", drafts.Span{Start: n.Start, End: n.End})
	}
	for _, n := range LocalNames(text) {
		if n.Kind == KindCity {
			continue
		}
		p.add("name", nameBase(n), TypeText, n.Text, n.Text, "", drafts.Span{Start: n.Start, End: n.End})
	}
}

// nameBase names the placeholder for a local name by its ending.
func nameBase(n Name) string {
	t := strings.Trim(foldHan(n.Text), "“”")
	switch {
	case n.Kind == KindPlace:
		return "地名"
	case strings.HasSuffix(t, "工程") || strings.HasSuffix(t, "计划"):
		return "工程名称"
	case strings.HasSuffix(t, "平台"):
		return "平台名称"
	case strings.HasPrefix(n.Text, "“") || strings.HasSuffix(t, "品牌"):
		return "品牌名称"
	case strings.HasSuffix(t, "区") || strings.HasSuffix(t, "谷") || strings.HasSuffix(t, "城"):
		return "载体名称"
	}
	return "名称"
}

// addYears proposes four-digit years before 年 as {年份}.
func (p *Proposal) addYears(text string) {
	for _, m := range yearPattern.FindAllStringSubmatchIndex(text, -1) {
		if inDocNumber(text, m[2]) {
			continue
		}
		y := text[m[2]:m[3]]
		p.add("year", "年份", TypeYear, y, y, "", drafts.Span{Start: m[2], End: m[3]})
	}
}

// addFigures proposes figures with units as {数量}, keeping the unit.
func (p *Proposal) addFigures(text string) {
	for _, m := range figurePattern.FindAllStringSubmatchIndex(text, -1) {
		if inDocNumber(text, m[2]) || m[2] > 0 && isDigitByte(text[m[2]-1]) {
			continue
		}
		value := strings.ReplaceAll(text[m[0]:m[1]], " ", "")
		p.add("figure", "数量", TypeNumber, value, text[m[2]:m[3]], text[m[4]:m[5]], drafts.Span{Start: m[2], End: m[3]})
	}
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' || b == '.' }

// inDocNumber reports whether offset i is inside a 文号's 〔2022〕.
func inDocNumber(text string, i int) bool {
	return strings.HasSuffix(text[:i], "〔") || strings.HasSuffix(text[:i], "[") || strings.HasSuffix(text[:i], "〕")
}

// spans returns every span of every candidate.
func (p *Proposal) spans() []drafts.Span {
	var out []drafts.Span
	for _, c := range p.Candidates {
		out = append(out, c.Spans...)
	}
	return out
}

func overlaps(s drafts.Span, list []drafts.Span) bool {
	for _, o := range list {
		if s.Start < o.End && o.Start < s.End {
			return true
		}
	}
	return false
}

// Candidate returns the candidate of that placeholder name.
func (p *Proposal) Candidate(name string) *Candidate {
	for i := range p.Candidates {
		if p.Candidates[i].Name == name {
			return &p.Candidates[i]
		}
	}
	return nil
}

// Rename gives a candidate another placeholder name.
func (p *Proposal) Rename(old, name string) error {
	c := p.Candidate(old)
	if c == nil {
		return fmt.Errorf("没有名为 {%s} 的占位符", old)
	}
	if !placeholderPattern.MatchString("{"+name+"}") || p.has(name) && name != old {
		return fmt.Errorf("占位符名 {%s} 不可用", name)
	}
	c.Name = name
	return nil
}

// Drop leaves a candidate's value in the text.
func (p *Proposal) Drop(name string) error {
	c := p.Candidate(name)
	if c == nil {
		return fmt.Errorf("没有名为 {%s} 的占位符", name)
	}
	c.Accepted = false
	return nil
}

// Template makes a template of the clause with the accepted placeholders.
// Where accepted spans overlap, the longer wins (a department name over
// the city inside it).
func (p *Proposal) Template(name, category string) Template {
	type rep struct {
		span drafts.Span
		text string
	}
	var reps []rep
	for _, c := range p.Candidates {
		if c.Accepted {
			for _, s := range c.Spans {
				reps = append(reps, rep{s, "{" + c.Name + "}"})
			}
		}
	}
	sort.Slice(reps, func(i, j int) bool {
		if reps[i].span.Start != reps[j].span.Start {
			return reps[i].span.Start < reps[j].span.Start
		}
		return reps[i].span.End > reps[j].span.End
	})
	var b strings.Builder
	last := 0
	used := map[string]bool{}
	for _, r := range reps {
		if r.span.Start < last {
			continue
		}
		b.WriteString(p.Text[last:r.span.Start])
		b.WriteString(r.text)
		used[r.text[1:len(r.text)-1]] = true
		last = r.span.End
	}
	b.WriteString(p.Text[last:])
	t := Template{Name: name, Category: category, Body: b.String(), Placeholders: []Placeholder{}}
	for _, n := range t.Names() {
		if c := p.Candidate(n); c != nil && used[n] {
			t.Placeholders = append(t.Placeholders, c.Placeholder)
		}
	}
	return t
}
