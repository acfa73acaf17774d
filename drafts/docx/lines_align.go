package docx

import (
	"qicao/drafts/norm"
)

// minLineSimilarity is the least similarity at which two unnumbered
// paragraphs count as one paragraph edited rather than one deleted and
// another inserted.
const minLineSimilarity = 0.3

// alignLines pairs the unnumbered paragraphs of two versions (front
// matter, preamble or closing) in order, maximising their similarity, and
// returns them as items: paired ones diffed, the others deleted or
// inserted, deletions before insertions between two pairs.
func alignLines(old, new []line, strict bool) []item {
	score, match := alignScores(old, new)
	var rev []item
	i, j := len(old), len(new)
	for i > 0 || j > 0 {
		switch {
		case i > 0 && j > 0 && match[i-1][j-1] > 0 && score[i][j] == score[i-1][j-1]+match[i-1][j-1]:
			rev = append(rev, lineItem(new[j-1], textSegs(old[i-1].Text, new[j-1].Text, strict), segSame))
			i, j = i-1, j-1
		case j > 0 && (i == 0 || score[i][j] == score[i][j-1]):
			rev = append(rev, lineItem(new[j-1], whole(segIns, new[j-1].Text), segIns))
			j--
		default:
			rev = append(rev, lineItem(old[i-1], whole(segDel, old[i-1].Text), segDel))
			i--
		}
	}
	out := make([]item, len(rev))
	for k, it := range rev {
		out[len(rev)-1-k] = it
	}
	return out
}

// alignScores returns the table of best total similarity of old[:i] and
// new[:j], and that of matchScore of old[i] and new[j].
func alignScores(old, new []line) (score, match [][]float64) {
	score = make([][]float64, len(old)+1)
	for i := range score {
		score[i] = make([]float64, len(new)+1)
	}
	match = make([][]float64, len(old))
	for i := range match {
		match[i] = make([]float64, len(new))
	}
	for i := 1; i <= len(old); i++ {
		for j := 1; j <= len(new); j++ {
			score[i][j] = max(score[i-1][j], score[i][j-1])
			m := matchScore(old[i-1], new[j-1])
			match[i-1][j-1] = m
			if m > 0 {
				score[i][j] = max(score[i][j], score[i-1][j-1]+m)
			}
		}
	}
	return score, match
}

// matchScore is how well two paragraphs pair: their similarity, at least
// one half for two of the same special role (title, 文号, signature…), and
// 0 below minLineSimilarity.
func matchScore(a, b line) float64 {
	s := similarity(a.Text, b.Text)
	if a.Style == b.Style && a.Style != styleNormal {
		s = max(s, 0.5)
	}
	if s < minLineSimilarity {
		return 0
	}
	return s
}

// similarity is the Dice coefficient of the character bigrams of two
// texts in normalised form (punctuation width, spaces and traditional
// characters folded).
func similarity(a, b string) float64 {
	ka, kb := []rune(norm.Key(a)), []rune(norm.Key(b))
	if len(ka) < 2 || len(kb) < 2 {
		if string(ka) == string(kb) {
			return 1
		}
		return 0
	}
	count := map[string]int{}
	for i := 0; i+1 < len(ka); i++ {
		count[string(ka[i:i+2])]++
	}
	shared := 0
	for i := 0; i+1 < len(kb); i++ {
		if k := string(kb[i : i+2]); count[k] > 0 {
			count[k]--
			shared++
		}
	}
	return 2 * float64(shared) / float64(len(ka)+len(kb)-2)
}

// lineItem is an unnumbered paragraph of the view in the style of line l.
func lineItem(l line, segs []seg, end byte) item {
	return item{Style: l.Style, RightIndent: l.RightIndent, Space: l.Space, Segs: segs, End: end}
}
