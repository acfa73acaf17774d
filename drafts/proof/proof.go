// Package proof is Qicao's 公文校对: it reads a parsed document and its
// source text for the faults a reviewing office sends a draft back for —
// numbering, punctuation width, spaces, doubled words, confusable
// characters, missing verbs, organ names, 责任单位 forms and figures that
// disagree — and proposes a fix where one is sure. It does no I/O and knows
// nothing of the window.
//
// Every finding names the check that made it (a stable id), its severity
// (a finding is shown by default, a hint only when asked), the exact byte
// span of the source it is about, a message in Chinese, the rule it rests
// on and, where sure, the text that should replace the span. A fault that
// runs through the whole document (a web copy with half-width commas
// throughout) is one finding with a count and every occurrence, so that
// it can be fixed at once.
package proof

import (
	"sort"
	"strings"
	"unicode/utf8"

	"qicao/drafts"
)

// Severity says whether a finding is shown by default.
type Severity string

// Severities.
const (
	Finding Severity = "finding" // shown by default: a fault by the rule it names
	Hint    Severity = "hint"    // shown when asked: likely, not sure
)

// Kinds of finding, as the 校对 panel groups them.
const (
	KindStructure   = "结构"
	KindPunctuation = "标点"
	KindNumber      = "数字与空格"
	KindWord        = "词语"
	KindOrgan       = "机构与责任单位"
	KindConsistency = "前后一致"
)

// Rules findings rest on.
const (
	RuleFormat      = "GB/T 9704-2012 党政机关公文格式"
	RulePunctuation = "GB/T 15834-2011 标点符号用法"
	RuleNumbers     = "GB/T 15835-2011 出版物上数字用法"
	RuleRegulation  = "《党政机关公文处理工作条例》"
	RuleMajority    = "本文多数用法"
	RuleReform      = "2018—2019年机构改革后的机构名称"
	RuleCity        = "本市已印发文件的机构名称"
	RuleUsage       = "现代汉语规范用法"
)

// Occurrence is one place a fault stands, with its fix.
type Occurrence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Fix replaces Text; nil when no fix is sure.
	Fix *string `json:"fix"`
}

// Item is one finding or hint. Start, End, Text and Fix are those of its
// first occurrence; a fault repeated through the document carries all of
// them in Occurrences and their number in Count.
type Item struct {
	ID       string   `json:"id"`
	Severity Severity `json:"severity"`
	Kind     string   `json:"kind"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Text     string   `json:"text"`
	Message  string   `json:"message"`
	Rule     string   `json:"rule"`
	Fix      *string  `json:"fix"`
	// Count is how many places the finding covers (1 for most).
	Count       int          `json:"count"`
	Occurrences []Occurrence `json:"occurrences,omitempty"`
}

// Edits returns the item's fixes as edits: every occurrence that has one.
func (it Item) Edits() []Edit {
	if len(it.Occurrences) == 0 {
		if it.Fix == nil {
			return nil
		}
		return []Edit{{it.Start, it.End, *it.Fix}}
	}
	var out []Edit
	for _, o := range it.Occurrences {
		if o.Fix != nil {
			out = append(out, Edit{o.Start, o.End, *o.Fix})
		}
	}
	return out
}

// Key names the item for remembering that the officer ignored it: its
// check, its text and the text just around it, so that it survives edits
// elsewhere in the draft.
func (it Item) Key(src string) string {
	lo, hi := it.Start-12, it.End+12
	lo, hi = max(lo, 0), min(hi, len(src))
	for lo > 0 && !isRuneStart(src[lo]) {
		lo--
	}
	for hi < len(src) && !isRuneStart(src[hi]) {
		hi++
	}
	return it.ID + "|" + src[lo:hi]
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// Options choose what Check reports.
type Options struct {
	// Hints includes the checks that cannot stay quiet on issued documents.
	Hints bool
	// Organs is the table of current organ names; nil uses DefaultOrgans
	// (the maintained list only).
	Organs *Organs
	// Ignored holds keys (Item.Key) the officer chose to ignore.
	Ignored map[string]bool
}

// groupAt is how many occurrences of one check make it one finding with
// a fix-all rather than one finding each.
const groupAt = 6

// Check runs every check on doc and returns its findings in source order.
func Check(doc *drafts.Document, opt Options) []Item {
	if opt.Organs == nil {
		opt.Organs = DefaultOrgans()
	}
	c := &checker{doc: doc, src: doc.Source, opt: opt}
	c.lines = textLines(doc)
	for _, run := range checks {
		run(c)
	}
	items := group(c.raw)
	var out []Item
	for _, it := range items {
		if it.Severity == Hint && !opt.Hints || opt.Ignored[it.Key(doc.Source)] {
			continue
		}
		out = append(out, it)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// checks run in this order; each adds raw items to the checker.
var checks = []func(*checker){
	checkNumbering, checkArticleTypos, checkLabelStyles, checkLabelSpace,
	checkHalfWidth, checkBrackets, checkQuoteNesting, checkDoubledMarks, checkEndBeforeUnits, checkDocNumbers, checkTitleMarks,
	checkSpaces, checkFullWidthDigits, checkBrokenParagraphs, checkDates, checkNumberForms,
	checkDoubledWords, checkConfusables, checkMissingVerb,
	checkOrgans, checkUnitForms,
	checkTargets, checkCitedNumbers,
}

// restoresLabel lists the checks whose fix gives a paragraph back the
// number it lost, so that it parses as the article it was meant to be.
var restoresLabel = map[string]bool{"structure.label-typo": true}

// checker holds a document while the checks run.
type checker struct {
	doc   *drafts.Document
	src   string
	opt   Options
	lines []line
	raw   []Item
	// parens caches the 责任单位 parentheticals (unitParens).
	parens *[]unitParen
	// skipped records the label each structure.gap found missing.
	skipped []skippedLabel
}

// skippedLabel is a structure.gap (its index in raw) and the label it
// found missing.
type skippedLabel struct {
	item  int
	label string
}

// line is one line of the document's text proper (title block, preamble,
// body, closing; a web page's header and footer left out), with its offset.
type line struct {
	start int
	text  string
}

// add records one occurrence of a check.
func (c *checker) add(id string, sev Severity, kind, rule, msg string, start, end int, fix *string) {
	c.raw = append(c.raw, Item{ID: id, Severity: sev, Kind: kind, Rule: rule, Message: msg,
		Start: start, End: end, Text: c.src[start:end], Fix: fix, Count: 1})
}

// fix returns a pointer to s, for Item.Fix.
func fix(s string) *string { return &s }

// group folds a check's occurrences into one item when there are many:
// the fault runs through the document.
func group(raw []Item) []Item {
	byKey := map[string][]int{}
	for i, it := range raw {
		byKey[groupKey(it)] = append(byKey[groupKey(it)], i)
	}
	var out []Item
	done := map[string]bool{}
	for _, it := range raw {
		k := groupKey(it)
		idx := byKey[k]
		if len(idx) < groupAt || !groupable[it.ID] {
			out = append(out, it)
			continue
		}
		if done[k] {
			continue
		}
		done[k] = true
		g := it
		g.Count = len(idx)
		g.Message = it.Message + "；全文共 " + itoa(len(idx)) + " 处，可一并修改"
		for _, i := range idx {
			o := raw[i]
			g.Occurrences = append(g.Occurrences, Occurrence{o.Start, o.End, o.Text, o.Fix})
		}
		out = append(out, g)
	}
	return out
}

// groupKey is what makes occurrences one fault: the check, and for organ
// names the name too (市工信局 throughout is one fault, 市农业局 another).
func groupKey(it Item) string {
	if strings.HasPrefix(it.ID, "organ.") {
		return it.ID + "|" + it.Text
	}
	return it.ID
}

// groupable lists the checks whose faults, when many, are one habit of the
// whole document (or of the copy it came from).
var groupable = map[string]bool{
	"punct.half-width": true, "space.in-text": true, "space.after-label": true, "space.latin": true, "space.broken-paragraph": true,
	"punct.quote-nesting": true, "number.full-width": true, "label.style": true, "organ.abbreviated": true,
	"organ.outdated": true, "units.form": true, "date.form": true, "date.zero": true, "number.form": true,
}

// textLines returns the lines of the document's text proper: from the
// start of its first paragraph (the title block is before it) to the end
// of its last, web header and footer left out.
func textLines(doc *drafts.Document) []line {
	lo, hi := len(doc.Source), 0
	widen := func(s drafts.Span) {
		if s.End > s.Start {
			lo, hi = min(lo, s.Start), max(hi, s.End)
		}
	}
	for _, p := range doc.Preamble {
		widen(p.Span)
	}
	for _, n := range doc.Nodes {
		widen(n.Span)
	}
	for _, p := range doc.Closing {
		widen(p.Span)
	}
	if lo >= hi {
		return nil
	}
	var out []line
	for off := lo; off < hi; {
		end := strings.IndexByte(doc.Source[off:hi], '\n')
		if end < 0 {
			end = hi - off
		}
		t := strings.TrimRight(doc.Source[off:off+end], "\r")
		if strings.TrimSpace(t) != "" {
			out = append(out, line{off, t})
		}
		off += end + 1
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// Context returns a few characters of src just before and just after the
// item's span, on the same line: enough to find the span again in a
// re-rendered copy of the text (a Word comment's anchor).
func (it Item) Context(src string) (before, after string) {
	const n = 6
	lo := it.Start
	for k := 0; k < n && lo > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(src[:lo])
		if src[lo-size] == '\n' {
			break
		}
		lo -= size
	}
	hi := it.End
	for k := 0; k < n && hi < len(src); k++ {
		r, size := utf8.DecodeRuneInString(src[hi:])
		if r == '\n' || r == '\r' {
			break
		}
		hi += size
	}
	return src[lo:it.Start], src[it.End:hi]
}

// Note is the item as a reviewer's note: kind, message, rule and fix.
func (it Item) Note() string {
	s := "【" + it.Kind + "】" + it.Message
	if it.Fix != nil {
		if *it.Fix == "" {
			s += "。建议删去"
		} else {
			s += "。建议改为「" + *it.Fix + "」"
		}
	}
	return s + "（依据：" + it.Rule + "）"
}
