package window

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/app/window/comparemodel"
	"qicao/templates"
)

// highlighted returns RichText segments of text with the rune spans drawn
// bold in the primary colour and the rest plain; spans are in order and do
// not overlap (templates.Suggestion.Spans).
func highlighted(text string, spans []templates.Span) []widget.RichTextSegment {
	rs := []rune(text)
	var out []widget.RichTextSegment
	last := 0
	for _, sp := range spans {
		lo, hi := clamp(sp[0], last, len(rs)), clamp(sp[1], last, len(rs))
		if lo > last {
			out = append(out, plainSeg(string(rs[last:lo])))
		}
		if hi > lo {
			out = append(out, markSeg(string(rs[lo:hi])))
		}
		last = hi
	}
	if last < len(rs) {
		out = append(out, plainSeg(string(rs[last:])))
	}
	return out
}

// excerpt returns the part of text from a little before its first span, with
// the spans shifted to it, for a one-line preview.
func excerpt(text string, spans []templates.Span) (string, []templates.Span) {
	if len(spans) == 0 || spans[0][0] <= 12 {
		return text, spans
	}
	from := spans[0][0] - 8
	return "…" + string([]rune(text)[from:]), shift(spans, 1-from) // 1 for the …
}

// shift moves spans n runes on.
func shift(spans []templates.Span, n int) []templates.Span {
	out := make([]templates.Span, len(spans))
	for i, sp := range spans {
		out[i] = templates.Span{sp[0] + n, sp[1] + n}
	}
	return out
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

func plainSeg(s string) *widget.TextSegment {
	return &widget.TextSegment{Text: s, Style: widget.RichTextStyleInline}
}

func markSeg(s string) *widget.TextSegment {
	st := widget.RichTextStyleInline
	st.ColorName = theme.ColorNamePrimary
	st.TextStyle = fyne.TextStyle{Bold: true}
	return &widget.TextSegment{Text: s, Style: st}
}

func boldSeg(s string) *widget.TextSegment {
	st := widget.RichTextStyleInline
	st.TextStyle = fyne.TextStyle{Bold: true}
	return &widget.TextSegment{Text: s, Style: st}
}

func mutedSeg(s string) *widget.TextSegment {
	st := widget.RichTextStyleInline
	st.ColorName = theme.ColorNamePlaceHolder
	return &widget.TextSegment{Text: s, Style: st}
}

// similarityWords shows a similarity as an officer reads it: 相似度 高（93%）.
func similarityWords(score float64) string {
	level := lang.L("similarity low")
	switch comparemodel.SimilarityLevel(score) {
	case comparemodel.High:
		level = lang.L("similarity high")
	case comparemodel.Medium:
		level = lang.L("similarity medium")
	}
	return lang.L("similarity {{.Level}} ({{.P}}%)", map[string]any{"Level": level, "P": int(score*100 + 0.5)})
}
