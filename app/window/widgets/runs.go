package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/templates"
)

// Highlighted returns RichText segments of text with the rune spans drawn
// bold in the primary colour and the rest plain; spans are in order and do
// not overlap (templates.Suggestion.Spans).
func Highlighted(text string, spans []templates.RuneSpan) []widget.RichTextSegment {
	rs := []rune(text)
	var out []widget.RichTextSegment
	last := 0
	for _, sp := range spans {
		lo, hi := clamp(sp[0], last, len(rs)), clamp(sp[1], last, len(rs))
		if lo > last {
			out = append(out, PlainSeg(string(rs[last:lo])))
		}
		if hi > lo {
			out = append(out, MarkSeg(string(rs[lo:hi])))
		}
		last = hi
	}
	if last < len(rs) {
		out = append(out, PlainSeg(string(rs[last:])))
	}
	return out
}

// RunsOf turns the side panels' segments into runs a Redline draws with
// 避头尾 (a RichText breaks Chinese anywhere, so lines began with ，。、):
// the primary colour bold is a mark, bold a heading, the placeholder
// colour muted.
func RunsOf(segs []widget.RichTextSegment) []TextRun {
	out := make([]TextRun, 0, len(segs))
	for _, seg := range segs {
		t, ok := seg.(*widget.TextSegment)
		if !ok {
			continue
		}
		st := RunNormal
		switch {
		case t.Style.ColorName == theme.ColorNamePrimary:
			st = RunMark
		case t.Style.ColorName == theme.ColorNamePlaceHolder:
			st = RunMuted
		case t.Style.TextStyle.Bold:
			st = RunBold
		}
		out = append(out, TextRun{Text: t.Text, Style: st})
	}
	return out
}

// PlainSeg is text in the body style.
func PlainSeg(s string) *widget.TextSegment {
	return &widget.TextSegment{Text: s, Style: widget.RichTextStyleInline}
}

// MarkSeg is a mark: bold in the primary colour (a shared or found stretch).
func MarkSeg(s string) *widget.TextSegment {
	st := widget.RichTextStyleInline
	st.ColorName = theme.ColorNamePrimary
	st.TextStyle = fyne.TextStyle{Bold: true}
	return &widget.TextSegment{Text: s, Style: st}
}

// BoldSeg is a heading: bold.
func BoldSeg(s string) *widget.TextSegment {
	st := widget.RichTextStyleInline
	st.TextStyle = fyne.TextStyle{Bold: true}
	return &widget.TextSegment{Text: s, Style: st}
}

// MutedSeg is in the placeholder colour (a 文号, a line number).
func MutedSeg(s string) *widget.TextSegment {
	st := widget.RichTextStyleInline
	st.ColorName = theme.ColorNamePlaceHolder
	return &widget.TextSegment{Text: s, Style: st}
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }
