package templates

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"qicao/drafts"
	"qicao/drafts/norm"
)

// The built-in templates are drawn from the corpus by analysis, never
// typed in: GenerateBuiltin finds the parts that recur across cities,
// picks the most typical wording of each, generalises it with Propose and
// records which corpus clauses it stands for. go generate writes the
// result to builtin.json; a test regenerates it and compares, so the trace
// stays true to the corpus.

// genPart is a piece of a corpus document that may recur: a clause, an
// opening paragraph, a target sentence or a 责任单位 phrase.
type genPart struct {
	text   string // simplified
	key    []string
	head   []string // bigrams of the heading, for clauses
	source Provenance
	kind   string // clause, opening, guide, target, units
	path   []string
}

// Thresholds of recurrence: two parts recur when their headings or their
// texts share this much (Dice on character bigrams of the matching form).
const (
	headingSimilar = 0.6
	bodySimilar    = 0.45
	targetSimilar  = 0.4
)

// GenerateBuiltin draws the built-in templates from corpus documents.
func GenerateBuiltin(sources []Source) (BuiltinFile, error) {
	parts, err := corpusParts(sources)
	if err != nil {
		return BuiltinFile{}, err
	}
	version := corpusVersion(sources)
	var out []Template
	out = append(out, clauseTemplates(parts["clause"])...)
	out = append(out, oneTemplate(parts["opening"], "开头：贯彻落实并提出实施意见", "开头")...)
	out = append(out, oneTemplate(parts["guide"], "总体要求：指导思想", "总体要求")...)
	out = append(out, targetTemplates(parts["target"])...)
	out = append(out, unitTemplates(parts["units"])...)
	names := map[string]bool{}
	for i := range out {
		out[i].Version = version
		for names[out[i].Name] {
			out[i].Name += "（二）"
		}
		names[out[i].Name] = true
	}
	return BuiltinFile{Version: version, Templates: out}, nil
}

// corpusVersion stamps the corpus: a hash of its files.
func corpusVersion(sources []Source) string {
	h := sha256.New()
	for _, s := range sources {
		fmt.Fprintf(h, "%s\x00%d\x00%s", s.Name, len(s.Text), s.Text)
	}
	return "corpus-" + hex.EncodeToString(h.Sum(nil))[:12]
}

// corpusParts parses the sources and collects their parts by kind.
func corpusParts(sources []Source) (map[string][]genPart, error) {
	out := map[string][]genPart{}
	for _, s := range sources {
		d, err := drafts.Parse(s.Text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.Name, err)
		}
		for _, p := range docParts(s.Name, d) {
			p.key = bigrams(p.text)
			out[p.kind] = append(out[p.kind], p)
		}
	}
	return out, nil
}

var (
	openingLine = regexp.MustCompile(`^(?:为|為).*(?:提出如下|提出以下|现就|現就).*$`)
	guideLine   = regexp.MustCompile(`^(?:坚持)?以习近平新时代中国特色社会主义思想为指导`)
	targetStart = regexp.MustCompile(`^(?:到\s*)?20\d{2}\s*年`)
)

// docParts returns the parts of one document.
func docParts(file string, d *drafts.Document) []genPart {
	prov := func(label, heading string) Provenance {
		return Provenance{City: d.City, Number: d.Number, Label: label, Heading: heading, Doc: file}
	}
	var out []genPart
	for _, p := range d.Preamble {
		if t := norm.Simplify(p.Text); openingLine.MatchString(t) {
			out = append(out, genPart{text: t, kind: "opening", source: prov("", firstSentence(p.Text))})
		}
	}
	for _, c := range d.Clauses() {
		src := prov(c.Label, c.Heading)
		if c.Label != "" && c.Body() != "" && c.Level > 1 {
			out = append(out, genPart{text: norm.Simplify(c.Text), kind: "clause", source: src, path: c.Path})
		}
		out = append(out, paragraphParts(c, src)...)
		out = append(out, unitParts(c.Text, src)...)
	}
	return out
}

// paragraphParts returns a clause's guiding-thought paragraph and target
// sentences.
func paragraphParts(c drafts.Clause, src Provenance) []genPart {
	var out []genPart
	for _, para := range strings.Split(c.Text, "\n") {
		para = norm.Simplify(para)
		if guideLine.MatchString(para) {
			out = append(out, genPart{text: para, kind: "guide", source: src})
		}
		for _, s := range sentences(para) {
			if targetStart.MatchString(s) && figurePattern.MatchString(s) && utf8.RuneCountInString(s) <= 160 {
				out = append(out, genPart{text: s, kind: "target", source: src})
			}
		}
	}
	return out
}

// unitParts returns a clause's 责任单位 parentheticals.
func unitParts(text string, src Provenance) []genPart {
	var out []genPart
	for _, s := range drafts.UnitSpans(text) {
		out = append(out, genPart{text: norm.Simplify(text[s.Start:s.End]), kind: "units", source: src})
	}
	return out
}

// sentences splits a paragraph after each 。 or ；, keeping the mark.
func sentences(para string) []string {
	var out []string
	start := 0
	for i, r := range para {
		if r == '。' || r == '；' || r == ';' {
			out = append(out, strings.TrimSpace(para[start:i+utf8.RuneLen(r)]))
			start = i + utf8.RuneLen(r)
		}
	}
	if rest := strings.TrimSpace(para[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// firstSentence is s up to its first 。, trimmed: a clause's heading
// sentence.
func firstSentence(s string) string {
	h, _, _ := strings.Cut(s, "。")
	return strings.TrimSpace(h)
}

// bigrams returns the character bigrams of the matching form of s.
func bigrams(s string) []string {
	r := []rune(norm.Key(s))
	out := make([]string, 0, len(r))
	for i := 0; i+1 < len(r); i++ {
		out = append(out, string(r[i:i+2]))
	}
	return out
}

// dice is the Dice coefficient of two bigram multisets.
func dice(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, g := range a {
		count[g]++
	}
	shared := 0
	for _, g := range b {
		if count[g] > 0 {
			count[g]--
			shared++
		}
	}
	return 2 * float64(shared) / float64(len(a)+len(b))
}

// cluster groups parts that recur: linked when similar enough and from
// different documents; only groups spanning two documents or more are
// kept, largest first.
func cluster(parts []genPart, similar func(a, b genPart) bool) [][]genPart {
	parent := make([]int, len(parts))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			i = parent[i]
		}
		return i
	}
	for i := range parts {
		for j := i + 1; j < len(parts); j++ {
			if parts[i].source.Doc != parts[j].source.Doc && similar(parts[i], parts[j]) {
				parent[find(i)] = find(j)
			}
		}
	}
	groups := map[int][]genPart{}
	var order []int
	for i, p := range parts {
		r := find(i)
		if groups[r] == nil {
			order = append(order, r)
		}
		groups[r] = append(groups[r], p)
	}
	var out [][]genPart
	for _, r := range order {
		if docs(groups[r]) >= 2 {
			out = append(out, groups[r])
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// cities counts the distinct cities of parts.
func cities(parts []genPart) int {
	seen := map[string]bool{}
	for _, p := range parts {
		seen[p.source.City] = true
	}
	return len(seen)
}

// docs counts the distinct documents of parts.
func docs(parts []genPart) int {
	seen := map[string]bool{}
	for _, p := range parts {
		seen[p.source.Doc] = true
	}
	return len(seen)
}

// typical returns the part most like the others (the largest sum of
// similarities), preferring one with something to generalise.
func typical(parts []genPart) genPart {
	best, bestScore := 0, -1.0
	for i, p := range parts {
		score := 0.0
		for j, q := range parts {
			if i != j {
				score += dice(p.key, q.key)
			}
		}
		if len(Propose(p.text).Candidates) > 0 {
			score += float64(len(parts)) // a city, year or figure to fill
		}
		if p.text != "" && p.text[0] >= '0' && p.text[0] <= '9' {
			score -= float64(len(parts)) // a label before it would read as 1.2026
		}
		if strings.ContainsAny(p.text, ",()") {
			score -= float64(len(parts)) / 2 // half-width punctuation from the web
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	return parts[best]
}

// provenance lists the parts' sources, in corpus order, without repeats.
func provenance(parts []genPart) []Provenance {
	var out []Provenance
	seen := map[Provenance]bool{}
	for _, p := range parts {
		if !seen[p.source] {
			seen[p.source] = true
			out = append(out, p.source)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Doc < out[j].Doc })
	return out
}

// generalise makes a template of a part with every proposed placeholder.
func generalise(p genPart, name, category string, group []genPart) Template {
	t := Propose(p.text).Template(name, category)
	t.Provenance = provenance(group)
	return t
}

// clauseTemplates makes a template of each clause that recurs across
// cities (加强组织领导, 推动国有企业创新示范, 创新科技金融模式 …), and of each
// 组织实施 clause that recurs across documents (加强宣传引导 in 000 and 002).
func clauseTemplates(parts []genPart) []Template {
	for i := range parts {
		parts[i].head = bigrams(firstSentence(parts[i].text))
	}
	groups := cluster(parts, func(a, b genPart) bool {
		return dice(a.head, b.head) >= headingSimilar || dice(a.key, b.key) >= bodySimilar
	})
	var out []Template
	for _, g := range groups {
		category := clauseCategory(g)
		if cities(g) < 2 && category != "组织实施" {
			continue
		}
		rep := typical(g)
		out = append(out, generalise(rep, firstSentence(rep.text), category, g))
	}
	return out
}

// organisational marks the headings and sections of 组织实施.
var organisational = regexp.MustCompile(`组织实施|组织领导|统筹协调|要素保障|宣传引导|部署实施|支撑保障`)

// clauseCategory is 组织实施 for a group found under or named as one, else
// 重点任务.
func clauseCategory(g []genPart) string {
	for _, p := range g {
		if organisational.MatchString(firstSentence(p.text)) {
			return "组织实施"
		}
		for _, h := range p.path {
			if organisational.MatchString(norm.Simplify(h)) {
				return "组织实施"
			}
		}
	}
	return "重点任务"
}

// oneTemplate makes one template of all parts of a kind, when they recur.
func oneTemplate(parts []genPart, name, category string) []Template {
	if cities(parts) < 2 {
		return nil
	}
	return []Template{generalise(typical(parts), name, category, parts)}
}

// targetTemplates makes a template of each target sentence that recurs
// across cities, named after what it counts.
func targetTemplates(parts []genPart) []Template {
	groups := cluster(parts, func(a, b genPart) bool { return dice(a.key, b.key) >= targetSimilar })
	var out []Template
	for _, g := range groups {
		if cities(g) < 2 {
			continue
		}
		t := generalise(typical(g), "", "目标", g)
		t.Name = "目标：" + placeholderPattern.ReplaceAllString(targetSubject(t.Body), "")
		out = append(out, t)
	}
	return out
}

// targetSubject names a target sentence by its first clause after the
// year: 全社会研发经费投入大幅增加.
func targetSubject(s string) string {
	s = regexp.MustCompile(`^(?:到)?\{年份\}年`).ReplaceAllString(s, "")
	s = strings.TrimLeft(s, "，, 底前")
	s = strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("，,；;。", r) })[0]
	if r := []rune(s); len(r) > 16 {
		s = string(r[:16])
	}
	return s
}

// unitForms are the ways a 责任单位 phrase is written, by the words that
// mark it.
var unitForms = []struct {
	name string
	re   *regexp.Regexp
}{
	{"牵头与配合", regexp.MustCompile(`牵头[，,].*配合`)},
	{"按职责分工负责", regexp.MustCompile(`按(?:照)?职责分工(?:负责)?[）)〕]$`)},
	{"责任单位：", regexp.MustCompile(`^[（(]责任单位[:：]`)},
	{"单独牵头", regexp.MustCompile(`^[（(][^，,、]*牵头[）)]$`)},
	{"负责", regexp.MustCompile(`^[（(][^，,]*[^工]负责[）)]$`)},
}

// unitTemplates makes a template of each way of writing 责任单位 that
// recurs across cities.
func unitTemplates(parts []genPart) []Template {
	var out []Template
	for _, f := range unitForms {
		var group []genPart
		for _, p := range parts {
			if f.re.MatchString(p.text) {
				group = append(group, p)
			}
		}
		if cities(group) < 2 {
			continue
		}
		rep := shortestWithUnits(group)
		out = append(out, generalise(rep, "责任单位："+f.name, "责任单位", group))
	}
	return out
}

// shortestWithUnits returns the shortest phrase in full-width brackets
// that names two units or more where there is one, so the template shows
// the list form.
func shortestWithUnits(group []genPart) genPart {
	best := -1
	better := func(p, q genPart) bool { // full-width brackets, a whole role, then shorter
		if pw, qw := strings.HasPrefix(p.text, "（"), strings.HasPrefix(q.text, "（"); pw != qw {
			return pw
		}
		if pr, qr := strings.HasSuffix(p.text, "负责）"), strings.HasSuffix(q.text, "负责）"); pr != qr {
			return pr
		}
		return len(p.text) < len(q.text)
	}
	for i, p := range group {
		all, _ := drafts.Units(p.text)
		if len(all) < 2 && len(group) > 1 {
			continue
		}
		if best < 0 || better(p, group[best]) {
			best = i
		}
	}
	if best < 0 {
		best = 0
	}
	return group[best]
}
