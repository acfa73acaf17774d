package templates

import (
	"unicode/utf8"

	"qicao/drafts"
	"qicao/drafts/norm"
)

// MatchKey returns the form a clause is matched on: norm's key of the
// text (traditional folded to simplified, widths folded, whitespace and
// punctuation dropped) with the 责任单位 parentheticals left out. pos[i]
// is the rune index in text that key[i] came from.
func MatchKey(text string) (key []rune, pos []int) {
	key, pos = norm.KeyRunes(text)
	units := drafts.UnitSpans(text)
	if len(units) == 0 {
		return key, pos
	}
	// Unit spans are bytes; turn them into rune ranges.
	type rng struct{ lo, hi int }
	var rs []rng
	for _, u := range units {
		lo := utf8.RuneCountInString(text[:u.Start])
		rs = append(rs, rng{lo, lo + utf8.RuneCountInString(text[u.Start:u.End])})
	}
	k, j := 0, 0
	for i, p := range pos {
		for j < len(rs) && rs[j].hi <= p {
			j++
		}
		if j < len(rs) && p >= rs[j].lo {
			continue
		}
		key[k], pos[k] = key[i], p
		k++
	}
	return key[:k], pos[:k]
}

// RuneSpan is a range [Start, End) of rune offsets into a text (where
// drafts.Span counts bytes into a document's Source).
type RuneSpan [2]int

// minSpan is the shortest run of shared key runes worth showing: a
// two-character word for a short query, longer for a whole clause, where
// shared two-character words (推动, 加强) are not evidence.
func minSpan(queryLen int) int {
	switch {
	case queryLen <= 8:
		return 2
	case queryLen <= 40:
		return 3
	}
	return 4
}

// sharedSpans returns the spans of text it shares with the query: runs of
// the text's key whose every bigram occurs in the query's key, at least
// minSpan(len(query)) runes long, as rune offsets into text. Spans are
// merged where only punctuation or spaces separate them.
func sharedSpans(query map[term]bool, queryLen int, text string) []RuneSpan {
	key, pos := MatchKey(text)
	min := minSpan(queryLen)
	var out []RuneSpan
	lastEnd := -2 // key index of the last rune of the last span
	i := 0
	for i+1 < len(key) {
		if !query[bigram(key[i], key[i+1])] {
			i++
			continue
		}
		j := i + 1 // key[i..j] is shared
		for j+1 < len(key) && query[bigram(key[j], key[j+1])] {
			j++
		}
		if j-i+1 >= min {
			s := RuneSpan{pos[i], pos[j] + 1}
			if n := len(out); n > 0 && lastEnd+1 == i {
				out[n-1][1] = s[1] // only dropped runes between
			} else {
				out = append(out, s)
			}
			lastEnd = j
		}
		i = j + 1
	}
	return out
}

// bigramSet returns the set of bigrams of a key.
func bigramSet(key []rune) map[term]bool {
	set := make(map[term]bool, len(key))
	for i := 0; i+1 < len(key); i++ {
		set[bigram(key[i], key[i+1])] = true
	}
	return set
}
