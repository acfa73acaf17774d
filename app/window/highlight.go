package window

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"qicao/app/window/comparemodel"
	"qicao/templates"
)

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
