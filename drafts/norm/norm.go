// Package norm is the normalised form of Chinese policy text that Qicao
// matches on, while the display keeps the original characters.
//
// Text reaches Qicao from the web and from PDFs: traditional characters
// (the 济宁 document of the corpus), full-width and half-width punctuation
// and digits mixed, stray spaces inside Chinese (到 2027 年, 500 万元). The
// functions here fold those differences away:
//
//   - Simplify converts traditional to simplified for display and pasting.
//   - FoldRune maps one rune to its matching form, one rune for one rune.
//   - Key and KeyRunes give the matching form of a string, with whitespace
//     and punctuation dropped; KeyRunes maps each key rune back to the
//     original text.
//   - SameUpToForm tells a change of form only (punctuation width,
//     whitespace) from a real change.
//
// The traditional→simplified data is OpenCC's (Apache-2.0), generated into
// t2s_table.go from Debian's dictionaries; see internal/gen.
package norm

//go:generate go run ./internal/gen

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// The fold table: for each BMP rune, its folded rune in the low 21 bits and
// flags above. Built once at init from the generated tables; the hot loops
// of Key and KeyRunes do one array load per rune.
var fold [0x10000]uint32

const (
	runeMask = 1<<21 - 1

	fSpace  = 1 << 24 // the folded rune is whitespace (IsSpace)
	fPunct  = 1 << 25 // the folded rune is punctuation (IsPunct)
	fDigit  = 1 << 26 // the folded rune is an ASCII digit
	fDot    = 1 << 27 // the folded rune is '.' (kept between digits by Key)
	fT2S    = 1 << 28 // the rune itself is a key of the character table
	fPhrase = 1 << 29 // the rune itself starts a key of the phrase table

	fDrop = fSpace | fPunct
)

var (
	// t2sCharIndex is t2sChars as a map.
	t2sCharIndex = make(map[rune]rune, len(t2sChars))
	// phraseSupp holds the first runes of phrases outside the BMP.
	phraseSupp = map[rune]bool{}
)

func init() {
	for _, p := range t2sChars {
		t2sCharIndex[p[0]] = p[1]
	}
	for k := range t2sPhrases {
		if r, _ := utf8.DecodeRuneInString(k); r > 0xFFFF {
			phraseSupp[r] = true
		}
	}
	buildFold(&fold)
}

// buildFold fills a fold table; t2sCharIndex must be ready.
func buildFold(fold *[0x10000]uint32) {
	for r := range fold {
		if r >= 0x3400 && r <= 0x9FFF || r >= 0xAC00 && r <= 0xD7A3 {
			// CJK ideographs and Hangul: no case, no punctuation, no
			// width; the traditional ones are set below. Keeps init short.
			fold[r] = uint32(r)
			continue
		}
		f := foldSlow(rune(r))
		fold[r] = uint32(f) | classify(f)
	}
	for _, p := range t2sChars {
		if k := p[0]; k <= 0xFFFF {
			f := foldSlow(k)
			fold[k] = uint32(f) | classify(f) | fT2S
		}
	}
	for k := range t2sPhrases {
		if r, _ := utf8.DecodeRuneInString(k); r <= 0xFFFF {
			fold[r] |= fPhrase
		}
	}
}

// foldSlow is FoldRune computed from first principles: width, then
// traditional→simplified, then case.
func foldSlow(r rune) rune {
	r = widthFold(r)
	// Follow chains (薴 → 苧 → 苎) so that folding is idempotent.
	for range 4 {
		s, ok := t2sCharIndex[r]
		if !ok {
			break
		}
		r = s
	}
	return unicode.ToLower(r)
}

// widthFold maps full-width and half-width forms to their usual width:
// full-width ASCII (！-～) to ASCII, the ideographic space to a space, curly
// double and single quotes to " and ', half-width CJK punctuation (｡､｢｣)
// to full-width, and katakana middle dots to ·. Other runes are unchanged.
func widthFold(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r >= 0xFFE0 && r <= 0xFFE6: // ￠￡￢￣￤￥￦
		return [...]rune{'¢', '£', '¬', '¯', '¦', '¥', '₩'}[r-0xFFE0]
	}
	switch r {
	case '\u3000':
		return ' '
	case '“', '”', '„', '‟', '〝', '〞':
		return '"'
	case '‘', '’', '‚', '‛':
		return '\''
	}
	if f, ok := halfwidthCJK(r); ok {
		return f
	}
	return r
}

// classify gives the flags of a folded rune.
func classify(f rune) uint32 {
	var e uint32
	if isSpace(f) {
		e |= fSpace
	}
	if isPunct(f) {
		e |= fPunct
	}
	if f >= '0' && f <= '9' {
		e |= fDigit
	}
	if f == '.' {
		e |= fDot
	}
	return e
}

func isSpace(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF': // zero-width, BOM
		return true
	}
	return unicode.IsSpace(r)
}

func isPunct(r rune) bool {
	switch r {
	case '%', '‰', '‱': // units: 10% is not 10
		return false
	case '~', '`', '^', '|': // ASCII symbols used as punctuation (3~5年)
		return true
	}
	return unicode.IsPunct(r)
}

// entry is the fold table entry of any rune.
func entry(r rune) uint32 {
	if uint32(r) <= 0xFFFF {
		return fold[r]
	}
	f := foldSlow(r)
	e := uint32(f)&runeMask | classify(f)
	if _, ok := t2sCharIndex[r]; ok {
		e |= fT2S
	}
	if phraseSupp[r] {
		e |= fPhrase
	}
	return e
}

// Simplify converts traditional Chinese to simplified for display and
// pasting: at each position the longest phrase of OpenCC's TSPhrases wins,
// otherwise the character is converted with TSCharacters (first candidate).
// Everything else, including punctuation, width and invalid UTF-8, is
// kept byte for byte; text with nothing to convert is returned as is.
//
//	濟寧市人民政府關于 → 济宁市人民政府关于
//	激勵企業加大研發投入 → 激励企业加大研发投入
func Simplify(s string) string {
	var b strings.Builder // written only once something changes
	last := 0             // s[last:i] is not written yet
	var ends [t2sMaxPhrase]int
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++ // ASCII: never traditional, never starts a phrase
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		e := entry(r)
		if e&fPhrase != 0 {
			// Byte offsets of the ends of the next 1…t2sMaxPhrase runes.
			k, j := 0, i
			for k < t2sMaxPhrase && j < len(s) {
				_, m := utf8.DecodeRuneInString(s[j:])
				j += m
				ends[k] = j
				k++
			}
			matched := false
			for k--; k >= 0; k-- {
				if v, ok := t2sPhrases[s[i:ends[k]]]; ok {
					if v != s[i:ends[k]] {
						if b.Cap() == 0 {
							b.Grow(len(s) + 8)
						}
						b.WriteString(s[last:i])
						b.WriteString(v)
						last = ends[k]
					}
					i = ends[k]
					matched = true
					break
				}
			}
			if matched {
				continue
			}
		}
		if e&fT2S != 0 {
			if b.Cap() == 0 {
				b.Grow(len(s) + 8)
			}
			b.WriteString(s[last:i])
			b.WriteRune(t2sCharIndex[r])
			last = i + n
		}
		i += n
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// FoldRune maps one rune to its matching form, always one rune for one
// rune so that offsets stay valid:
//
//   - traditional → simplified by OpenCC's character table (first
//     candidate; phrases are not considered), following chains such as
//     薴 → 苧 → 苎 so that FoldRune(FoldRune(r)) == FoldRune(r): 濟 → 济;
//   - full-width ASCII (！-～: punctuation, digits ０-９, letters) → ASCII,
//     the ideographic space → space, so that ，→ ,  ；→ ;  （→ (  ０→ 0;
//   - the remaining Chinese/ASCII punctuation pairs to one form: “ ” → ",
//     ‘ ’ → ', half-width ｡､｢｣ → 。、「」, ・ → ·;
//   - letters lower-cased: Ｇ → g, A → a.
//
// 。 and . stay distinct, as do 、 and ,.
func FoldRune(r rune) rune {
	if uint32(r) <= 0xFFFF {
		return rune(fold[r] & runeMask)
	}
	if r < 0 || r > unicode.MaxRune {
		return r
	}
	return rune(entry(r) & runeMask)
}

// IsSpace reports whether r is whitespace once folded: Unicode white space
// (including the ideographic space U+3000 and no-break spaces) and the
// invisible zero-width space, joiners and BOM that web text carries.
func IsSpace(r rune) bool {
	if r < 0 || r > unicode.MaxRune {
		return false
	}
	return entry(r)&fSpace != 0
}

// IsPunct reports whether r is punctuation once folded: Chinese and ASCII
// punctuation (，。、；：？！ and their ASCII forms), quotes “”‘’「」『』"',
// brackets （）()〔〕【】《》〈〉[]{}, dashes —–-, the ellipsis …, the middle
// dot ·, and the ASCII marks ~`^|. Percent and per-mille signs are not
// punctuation: 10% and 10 differ.
func IsPunct(r rune) bool {
	if r < 0 || r > unicode.MaxRune {
		return false
	}
	return entry(r)&fPunct != 0
}

// Key returns the matching form of s: FoldRune on every rune, whitespace
// and punctuation (IsSpace, IsPunct) dropped — except that a '.' (or ．)
// between two digits is kept as a decimal point, so 1.5 and 15 keep
// distinct keys. Key(`到 2027 年，（市科技局）`) == "到2027年市科技局".
func Key(s string) string {
	b := make([]byte, 0, len(s)+utf8.UTFMax)
	prevDigit := false // the last rune written is a digit
	for i := 0; i < len(s); {
		e, n := next(s, i)
		i += n
		if e&fDrop != 0 {
			if e&fDot == 0 || !prevDigit || !digitAt(s, i) {
				continue
			}
		}
		switch f := rune(e & runeMask); {
		case f < utf8.RuneSelf:
			b = append(b, byte(f))
		case f >= 0x800 && f <= 0xFFFF: // most of Chinese text
			b = append(b, 0xE0|byte(f>>12), 0x80|byte(f>>6)&0x3F, 0x80|byte(f)&0x3F)
		default:
			b = utf8.AppendRune(b, f)
		}
		prevDigit = e&fDigit != 0
	}
	// b is not touched again: share its memory as strings.Builder does.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// next returns the fold table entry of the rune starting at byte i of s
// and its length in bytes, decoding ASCII and three-byte sequences (all of
// the BMP's CJK) inline. Invalid UTF-8 decodes as U+FFFD, one byte long.
func next(s string, i int) (e uint32, n int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return fold[c], 1
	}
	if c&0xF0 == 0xE0 && i+2 < len(s) {
		c1, c2 := s[i+1], s[i+2]
		if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
			if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				return fold[r], 3
			}
		}
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return entry(r), n
}

// digitAt reports whether the rune starting at byte i of s folds to a digit.
func digitAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	e, _ := next(s, i)
	return e&fDigit != 0
}

// KeyRunes is Key with a map back to the original: key[i] came from rune
// index pos[i] of s (rune offsets as in []rune(s), not bytes; an invalid
// byte counts as one rune). It turns a match on the key back into a span of
// the original text: key[i:j] came from []rune(s)[pos[i]:pos[j-1]+1].
func KeyRunes(s string) (key []rune, pos []int) {
	n := utf8.RuneCountInString(s)
	key = make([]rune, 0, n)
	pos = make([]int, 0, n)
	prevDigit := false
	ri := 0 // rune index of the rune being read
	for i := 0; i < len(s); ri++ {
		e, n := next(s, i)
		i += n
		if e&fDrop != 0 {
			if e&fDot == 0 || !prevDigit || !digitAt(s, i) {
				continue
			}
		}
		key = append(key, rune(e&runeMask))
		pos = append(pos, ri)
		prevDigit = e&fDigit != 0
	}
	return key, pos
}

// SameUpToForm reports whether a and b differ only in form: the width of
// punctuation (，vs ,  ；vs ;  （vs (  ：vs :), “ ” vs ", the width of
// digits and letters (１ vs 1), and whitespace, which is ignored altogether
// (500 万元 vs 500万元). This is the "~" change that comparison hides by
// default. Any other difference — another character, a traditional for a
// simplified one, a letter's case, 、 for , or 。 for . — is a real change.
// Equal strings are the same form.
func SameUpToForm(a, b string) bool {
	if a == b {
		return true
	}
	i, j := 0, 0
	for {
		ra, oka := nextVisible(a, &i)
		rb, okb := nextVisible(b, &j)
		if !oka || !okb {
			return oka == okb
		}
		if ra != rb && formRune(ra) != formRune(rb) {
			return false
		}
	}
}

// nextVisible returns the next rune of s from byte *i on that is not
// whitespace, and advances *i past it; ok is false at the end of s.
func nextVisible(s string, i *int) (r rune, ok bool) {
	for *i < len(s) {
		r, n := utf8.DecodeRuneInString(s[*i:])
		*i += n
		if !isSpace(r) {
			return r, true
		}
	}
	return 0, false
}

// formRune is the canonical form of r for SameUpToForm: FoldPunct for
// punctuation and symbols, ASCII for full-width digits and letters.
func formRune(r rune) rune {
	switch {
	case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
		return r - 0xFEE0
	}
	return FoldPunct(r)
}

// FoldPunct maps punctuation to one canonical form, the full-width Chinese
// one: , → ，  ; → ；  : → ：  ( → （  ) → ）  ? → ？  ! → ！, and likewise
// every ASCII punctuation mark or symbol to its full-width form (. → ．,
// [ → ［, - → －, % → ％). Quotes, which carry no direction in ASCII,
// fold to the opening curly quote: " ” ＂ → “ and ' ’ ＇ → ‘. Half-width
// ｡､｢｣ fold to 。、「」 and ・ to ·. Other runes, including 。 and 、, are
// returned unchanged. Two marks have the same form when their FoldPunct
// values are equal.
func FoldPunct(r rune) rune {
	switch r {
	case '"', '“', '”', '＂', '„', '‟', '〝', '〞':
		return '“'
	case '\'', '‘', '’', '＇', '‚', '‛':
		return '‘'
	}
	if f, ok := halfwidthCJK(r); ok {
		return f
	}
	if r >= '!' && r <= '~' && !isAlnumASCII(r) {
		return r + 0xFEE0
	}
	return r
}

func isAlnumASCII(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z'
}

// halfwidthCJK maps the half-width forms of CJK punctuation (U+FF61…) and
// the katakana middle dots to their usual forms.
func halfwidthCJK(r rune) (rune, bool) {
	switch r {
	case '｡':
		return '。', true
	case '､':
		return '、', true
	case '｢':
		return '「', true
	case '｣':
		return '」', true
	case '・', '･':
		return '·', true
	}
	return r, false
}
