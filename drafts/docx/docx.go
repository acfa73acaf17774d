// Package docx writes Qicao's documents as Word files (.docx): a draft in
// the layout of GB/T 9704-2012 (党政机关公文格式), a comparison of two
// versions as the new text with tracked changes (修订), and a comparison
// table (修改对照表). The files open in Word, WPS and LibreOffice.
//
// The OOXML is written by hand: the parts are text/template files in
// parts/, filled from a small model of paragraphs, runs and tables
// (model.go) that the layout code builds. No Go library writes tracked
// changes, and the formats needed here are few.
package docx

import (
	"io"
	"time"

	"qicao/drafts"
)

// DefaultAuthor is the author of tracked changes when Options names none.
const DefaultAuthor = "Qicao"

// Options adjust what the writers produce.
type Options struct {
	// Author is the author of tracked changes and of the file; empty means
	// DefaultAuthor.
	Author string
	// Time is the time of the revisions (the time of the comparison) and
	// the file's creation time; zero leaves them out, which keeps output
	// byte-for-byte reproducible.
	Time time.Time
	// NoMasthead leaves out the 版头 (发文机关标志, 文号 and red rule) of a
	// draft that has a 文号.
	NoMasthead bool
	// Strict keeps punctuation-width and space-only changes as revisions;
	// by default the new form is written without marking them.
	Strict bool
	// Comments are written as Word comments (批注) on the text they name,
	// in source order; one whose text cannot be found is left out.
	Comments []Comment
}

func (o Options) author() string {
	if o.Author == "" {
		return DefaultAuthor
	}
	return o.Author
}

// date returns the revision date attribute value, "" when Time is zero.
func (o Options) date() string {
	if o.Time.IsZero() {
		return ""
	}
	return o.Time.UTC().Format("2006-01-02T15:04:05Z")
}

// WriteDraft writes d as a .docx in the GB/T 9704-2012 layout: A4, a
// 156 × 225 mm text block of 22 lines of 28 characters, title in 2号
// 方正小标宋简体, body in 3号 仿宋_GB2312, headings in 黑体 and 楷体_GB2312,
// signature and date set right, and page numbers “— 1 —” at the outer
// side.
func WriteDraft(w io.Writer, d *drafts.Document, opt Options) error {
	return writePackage(w, portraitPage(), draftBlocks(d, opt), d.Title, opt)
}

// draftBlocks lays out a whole draft.
func draftBlocks(d *drafts.Document, opt Options) []block {
	var ls []line
	if !opt.NoMasthead {
		ls = append(ls, mastheadLines(d)...)
	}
	ls = append(ls, frontLines(d)...)
	ls = append(ls, preambleLines(d)...)
	ls = append(ls, allNodeLines(d)...)
	ls = append(ls, closingLines(d)...)
	return plainBlocks(ls)
}

// mastheadLines returns the 发文机关标志 of a document that has a 文号 and
// a single issuer, with the two blank lines GB/T 9704 §7.2.3 puts between
// it and the 文号. A joint document gets no mark: its stacked names are
// beyond this layout.
func mastheadLines(d *drafts.Document) []line {
	if d.Number == "" || len(d.Issuers) != 1 {
		return nil
	}
	return []line{{Style: styleIssuerMark, Text: d.Issuers[0] + "文件"}, {Style: styleNormal}, {Style: styleNormal}}
}

// plainBlocks turns lines without changes into paragraphs, an empty
// paragraph before each line that asks for space.
func plainBlocks(ls []line) []block {
	var out []block
	for _, l := range ls {
		if l.Space {
			out = append(out, block{P: &paragraph{Style: styleNormal}})
		}
		p := plainParagraph(l)
		out = append(out, block{P: &p})
	}
	return out
}

// plainParagraph lays out one line: its heading run in the heading
// character style, the rest in the paragraph's.
func plainParagraph(l line) paragraph {
	p := paragraph{Style: l.Style, RightIndent: l.RightIndent}
	if l.Text == "" {
		return p
	}
	if l.HeadStyle != "" {
		end := headingEnd(l.Text)
		p.Runs = append(p.Runs, run{Text: l.Text[:end], Style: l.HeadStyle})
		if end < len(l.Text) {
			p.Runs = append(p.Runs, run{Text: l.Text[end:]})
		}
		return p
	}
	p.Runs = []run{{Text: l.Text}}
	return p
}

// WriteComparison writes the comparison c of old with new as the new
// version's text with tracked changes (修订) from the old: insertions and
// deletions inside aligned clauses as the compare engine found them,
// renumbered labels as a deleted and an inserted label, clauses moved out
// of order as w:moveFrom/w:moveTo pairs, added and deleted clauses and
// paragraphs whole. Changes of punctuation width and spacing are written
// in their new form without a mark unless opt.Strict. Accepting every
// change gives the new text; rejecting every one gives the old (up to
// those changes of form, exactly with opt.Strict).
func WriteComparison(w io.Writer, old, new *drafts.Document, c *drafts.Comparison, opt Options) error {
	return writePackage(w, portraitPage(), comparisonBlocks(old, new, c, opt), new.Title, opt)
}

// comparisonBlocks lays out the tracked-changes view of the whole
// document: front matter, preamble, numbered nodes and closing.
func comparisonBlocks(old, new *drafts.Document, c *drafts.Comparison, opt Options) []block {
	var items []item
	items = append(items, alignLines(frontLines(old), frontLines(new), opt.Strict)...)
	items = append(items, alignLines(preambleLines(old), preambleLines(new), opt.Strict)...)
	items = append(items, nodeItems(old, new, c, opt.Strict)...)
	items = append(items, alignLines(closingLines(old), closingLines(new), opt.Strict)...)
	return newTracker(opt).blocks(items)
}
