package window

import (
	"strings"

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
func highlighted(text string, spans []templates.RuneSpan) []widget.RichTextSegment {
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
func excerpt(text string, spans []templates.RuneSpan) (string, []templates.RuneSpan) {
	if len(spans) == 0 || spans[0][0] <= 12 {
		return text, spans
	}
	from := spans[0][0] - 8
	return "…" + string([]rune(text)[from:]), shift(spans, 1-from) // 1 for the …
}

// shift moves spans n runes on.
func shift(spans []templates.RuneSpan, n int) []templates.RuneSpan {
	out := make([]templates.RuneSpan, len(spans))
	for i, sp := range spans {
		out[i] = templates.RuneSpan{sp[0] + n, sp[1] + n}
	}
	return out
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// runsOf turns the side panels' segments into runs a Redline draws with
// 避头尾 (a RichText breaks Chinese anywhere, so lines began with ，。、):
// the primary colour bold is a mark, bold a heading, the placeholder
// colour muted.
func runsOf(segs []widget.RichTextSegment) []TextRun {
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
	return lang.L("similarity {{.Level}} ({{.P}}%)", map[string]any{"Level": similarityLevel(score), "P": percent(score)})
}

// similarityShort is the same for a list row: 高 93%.
func similarityShort(score float64) string {
	return lang.L("similarity short {{.Level}} {{.P}}%", map[string]any{"Level": similarityLevel(score), "P": percent(score)})
}

// similarityLevel is 高, 中 or 低.
func similarityLevel(score float64) string {
	switch comparemodel.SimilarityLevel(score) {
	case comparemodel.High:
		return lang.L("similarity high")
	case comparemodel.Medium:
		return lang.L("similarity medium")
	}
	return lang.L("similarity low")
}

// labelName is a clause's label as a sentence names it: 26 for 26., 三 for
// 三、 (a message reading 已插入新条款 26.， doubles its stops).
func labelName(label string) string { return strings.TrimRight(label, ".．、") }

func percent(score float64) int { return int(score*100 + 0.5) }
