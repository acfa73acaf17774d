package drafts

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// A text often holds more than one document: a notice (关于印发…的通知)
// with its signature and date, then the document it issues, whose own
// title line follows the notice's date or a 附件 mark. splitParts finds
// those boundaries; compose makes one Document of the parts.

var (
	// attachmentMark is a 附件 line that heads an attached document:
	// 附件, 附件1, 附件2：, 附件一 (a title may follow on the same line).
	attachmentMark = regexp.MustCompile(`^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?\s*`)
	// noticeWords are how a notice says it issues or forwards a document.
	noticeWords = regexp.MustCompile(`(?:印发|印發|转发|轉發|颁布|頒布|发布|發布|公布)\S*(?:的)?(?:通知|公告|命令|令)$|` +
		`现将|現將|现予印发|現予印發|现予公布|現予公布|现予发布|现予以印发|印发给你们|印發給你們|予以印发|予以公布`)
	publicNote = regexp.MustCompile(`^[（(]此件[^）)]{1,8}[）)]$`)
)

// splitParts returns the paragraph ranges of the documents in ps, in
// order; a text that is one document gives one range.
func splitParts(ps []para) []Span {
	var out []Span
	start, closedAt, prose := 0, -1, false
	for i, p := range ps {
		if i > start && i+1 < len(ps) && (prose && strings.HasPrefix(p.text, "附") && isBareAttachmentMark(p.text) ||
			closedAt >= 0 && i-closedAt <= 3 && isAttachmentTitle(p.text) && startsDocument(ps[i+1:])) {
			out = append(out, Span{start, i})
			start, closedAt, prose = i, -1, false
			continue
		}
		switch {
		case prose && len(p.text) < 80 && (isDateLine(p.text) || publicNote.MatchString(p.text)):
			closedAt = i
		case !prose && isProse(p.text) && !isTitleLike(p.text) && !isMetadataLine(p.text):
			prose = true
		}
	}
	return append(out, Span{start, len(ps)})
}

// isBareAttachmentMark reports whether text is a 附件 mark heading an
// attached document (附件 or 附件2, with at most a title after it), not
// the list of attachments a notice gives before its signature.
func isBareAttachmentMark(text string) bool {
	m := attachmentMark.FindString(text)
	if m == "" {
		return false
	}
	rest := text[len(m):]
	return rest == "" || isAttachmentTitle(rest) && !strings.ContainsAny(rest, "1234567890１２３４５６７８９０.．")
}

// isAttachmentTitle reports whether text can be the title line of an
// attached document: short, without sentence punctuation, and none of the
// lines that close a document.
func isAttachmentTitle(text string) bool {
	if n := utf8.RuneCountInString(text); n < 4 || n > 80 || !hasHan(text) || strings.ContainsAny(text, "。，；：:,;") {
		return false
	}
	if _, ok := ParseLabel(text); ok {
		return false
	}
	return !isClosing(text) && !isMetadataLine(text) && !publicNote.MatchString(text)
}

// startsDocument reports whether the paragraphs after a title line read
// as a document's text: they hold something other than closing lines.
func startsDocument(rest []para) bool {
	for i := 0; i < len(rest) && i < 3; i++ {
		if !isClosing(rest[i].text) {
			return true
		}
	}
	return false
}

// dropAttachmentMark removes an attachment's 附件 mark, keeping a title
// written after it on the same line.
func dropAttachmentMark(ps []para) []para {
	m := attachmentMark.FindString(ps[0].text)
	if m == "" || len(ps) == 1 && len(m) == len(ps[0].text) {
		return ps
	}
	if len(m) == len(ps[0].text) {
		return ps[1:]
	}
	out := append([]para(nil), ps...)
	out[0].text = ps[0].text[len(m):]
	out[0].textStart += len(m)
	return out
}

// isNotice reports whether a part issues or forwards the parts after it.
func isNotice(d *Document) bool {
	if noticeWords.MatchString(d.Title) {
		return true
	}
	for _, p := range append(append([]Paragraph(nil), d.Preamble...), d.Closing...) {
		if noticeWords.MatchString(p.Text) {
			return true
		}
	}
	return false
}

// compose makes one Document of a text's parts: the metadata of the first
// (the notice), gaps filled from the main part, and the main part's tree.
// The main part is the attachment with the most clauses when the first
// part is a notice (or has no tree), else the first.
func compose(src string, parts []Part) *Document {
	main := 0
	first := parts[0].Document
	if len(parts) > 1 && (isNotice(first) || len(first.Nodes) == 0) {
		most := 0
		for i := 1; i < len(parts); i++ {
			if n := len(parts[i].Clauses()); n > most {
				main, most = i, n
			}
		}
		parts[0].Kind = PartNotice
	}
	for i := 1; i < len(parts); i++ {
		parts[i].Kind = PartAttachment
	}
	parts[main].Main = true
	m := parts[main].Document
	if main == 0 {
		d := *first
		d.Parts = parts
		return &d
	}
	d := &Document{Source: src, Meta: first.Meta, Preamble: m.Preamble, Nodes: m.Nodes, Closing: m.Closing, Parts: parts}
	for _, p := range parts {
		d.dropped = append(d.dropped, p.dropped...)
	}
	fill := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	fill(&d.Title, m.Title)
	fill(&d.Number, m.Number)
	fill(&d.Date, m.Date)
	fill(&d.Status, m.Status)
	fill(&d.City, m.City)
	if len(d.Issuers) == 0 {
		d.Issuers = m.Issuers
	}
	if d.Effective == (Period{}) {
		d.Effective = m.Effective
	}
	return d
}

// skipContents drops a table of contents (目录 and the chapter list under
// it): the body begins where its first entry comes again.
func skipContents(ps []para) []para {
	for i, p := range ps {
		if !strings.HasPrefix(p.text, "目") || strings.Join(strings.Fields(p.text), "") != "目录" {
			continue
		}
		if i+1 >= len(ps) {
			return ps
		}
		first, ok := ParseLabel(ps[i+1].text)
		if !ok {
			return ps
		}
		for k := i + 2; k < len(ps) && k < i+400; k++ {
			if l, _ := ParseLabel(ps[k].text); l.Text == first.Text {
				return append(append([]para(nil), ps[:i]...), ps[k:]...)
			}
			if strings.Contains(ps[k].text, "。") {
				return ps
			}
		}
		return ps
	}
	return ps
}

// nodeUnits returns the units a node names, with those of a 责任单位 line
// written after its group.
func nodeUnits(n *Node) (units, leads []string) {
	units, leads = Units(n.Text)
	if n.groupUnits != "" {
		gu, gl := Units(n.groupUnits)
		seen, seenLead := map[string]bool{}, map[string]bool{}
		units = appendUnseen(appendUnseen(nil, seen, units), seen, gu)
		leads = appendUnseen(appendUnseen(nil, seenLead, leads), seenLead, gl)
	}
	return units, leads
}
