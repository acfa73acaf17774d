// Package linebreak says where Chinese text may be broken into lines, by
// the habit of GB/T 15834 and of Word and WPS (避头尾): a closing mark
// (，。、）》” …) never begins a line and an opening one (（《“ …) never
// ends one; a line may break between any two characters of which one is
// Chinese, and at spaces, but not inside a run of Latin letters or digits
// (1200家 keeps 1200 whole).
//
// The window's own widgets break with NoLineStart and NoLineEnd; Fyne's
// text entry breaks with Break, compiled into Fyne's widget package by
// app/cmd/fynepatch (docs/ARCHITECTURE.md). So this file may import
// nothing but the standard library's unicode package.
package linebreak

import "unicode"

// The marks a line may not begin with (避头点) and those it may not end
// with (避尾点).
const (
	NoLineStart = "，。、；：？！）》」』】〕〉”’…—·,.;:?!)]}%"
	NoLineEnd   = "（《「『【〔〈“‘([{"
)

// Break returns where to end a line of text of which the first fit runes
// fit (0 < fit < len(text)): the largest k ≤ fit at which the line may
// break, so that the line is text[:k] and the next begins at text[k] (a
// space there is the break itself). When no such k exists (a long
// Latin word, a URL) it returns fit.
func Break(text []rune, fit int) int {
	for k := fit; k >= 1; k-- {
		if unicode.IsSpace(text[k]) || Between(text[k-1], text[k]) {
			return k
		}
	}
	return fit
}

// Between reports whether a line may break between a and b.
func Between(a, b rune) bool {
	if unicode.IsSpace(a) || !(wide(a) || wide(b)) {
		return false
	}
	return !contains(NoLineStart, b) && !contains(NoLineEnd, a)
}

// wide reports whether r is Chinese: a Han character or a full-width or
// CJK mark (between which a line may break).
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—' || r == '·'
}

func contains(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}
