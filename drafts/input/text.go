package input

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Byte-order marks.
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Thresholds of the text heuristics.
const (
	// maxControlPerMille is how many control characters (other than
	// \t \n \r \f) per thousand characters text may hold.
	maxControlPerMille = 5
	// minCommonPercent is the share of common characters (ASCII, Chinese
	// and their punctuation) a guessed encoding must give.
	minCommonPercent = 90
	// minCJKPercent is the share of Chinese characters that UTF-16 without
	// BOM and without any NUL byte (so without any ASCII) must give.
	minCJKPercent = 95
)

// decodeText detects the encoding of data and decodes it. A non-zero Kind
// (KindBinary or KindUndecodable) is a refusal, detail its message if
// not the kind's default.
//
// The order: a BOM; UTF-16 without BOM, told by its NUL bytes; valid
// UTF-8; GB18030 (a superset of GBK) or Big5, whichever reads as Chinese
// (decodeDoubleByte); UTF-16 without BOM and without ASCII if the result
// is Chinese.
func decodeText(data []byte) (text, detail string, kind Kind) {
	if text, kind, ok := decodeBOM(data); ok {
		return text, "", kind
	}
	if bytes.IndexByte(data, 0) >= 0 {
		text, kind := guessUTF16(data)
		return text, "", kind
	}
	if utf8.Valid(data) {
		text, kind := textOrBinary(string(data))
		return text, "", kind
	}
	text, detail, ok := decodeDoubleByte(data)
	if ok {
		return text, "", 0
	}
	if text, ok := chineseUTF16(data); ok {
		return text, "", 0
	}
	if controlShareTooHigh(string(data)) && !japaneseText(data) {
		return "", "", KindBinary
	}
	return "", detail, KindUndecodable
}

// decodeBOM decodes data that starts with a byte-order mark; ok is false
// when it has none.
func decodeBOM(data []byte) (text string, kind Kind, ok bool) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		if !utf8.Valid(data[3:]) {
			return "", KindUndecodable, true
		}
		text, kind = textOrBinary(string(data[3:]))
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		s, valid := fromUTF16(data[2:], data[0] == 0xFE)
		if !valid {
			return "", KindUndecodable, true
		}
		text, kind = textOrBinary(s)
	default:
		return "", 0, false
	}
	return text, kind, true
}

// textOrBinary accepts text unless it has too many control characters.
func textOrBinary(s string) (string, Kind) {
	if controlShareTooHigh(s) {
		return "", KindBinary
	}
	return s, 0
}

// guessUTF16 decodes data that holds NUL bytes: it is UTF-16 without BOM
// if one byte order gives common text, else binary. The byte order whose
// NULs fit ASCII (high byte 0) is tried first and wins a tie.
func guessUTF16(data []byte) (string, Kind) {
	even, odd := nulParity(data)
	orders := []bool{false, true} // big endian?
	if even > odd {
		orders = []bool{true, false}
	}
	best, bestScore := "", -1
	for _, big := range orders {
		s, ok := fromUTF16(data, big)
		if !ok {
			continue
		}
		if sc := score(s); sc > bestScore {
			best, bestScore = s, sc
		}
	}
	if bestScore < minCommonPercent {
		return "", KindBinary
	}
	return best, 0
}

// nulParity counts the NUL bytes at even and at odd offsets.
func nulParity(data []byte) (even, odd int) {
	for i, b := range data {
		if b == 0 && i%2 == 0 {
			even++
		} else if b == 0 {
			odd++
		}
	}
	return even, odd
}

// chineseUTF16 tries data as UTF-16 without BOM and without ASCII, as a
// purely Chinese text would be: it must be almost all CJK.
func chineseUTF16(data []byte) (string, bool) {
	for _, big := range []bool{false, true} {
		s, ok := fromUTF16(data, big)
		if ok && cjkPercent(s) >= minCJKPercent && !controlShareTooHigh(s) && chineseHan(s) {
			return s, true
		}
	}
	return "", false
}

// fromUTF16 decodes UTF-16 without BOM; ok is false for an odd length or
// unpaired surrogates.
func fromUTF16(data []byte, bigEndian bool) (string, bool) {
	if !validUTF16(data, bigEndian) {
		return "", false
	}
	order := xunicode.LittleEndian
	if bigEndian {
		order = xunicode.BigEndian
	}
	return decodeWith(xunicode.UTF16(order, xunicode.IgnoreBOM), data)
}

// validUTF16 reports whether data is whole UTF-16 code units with every
// surrogate paired.
func validUTF16(data []byte, bigEndian bool) bool {
	if len(data)%2 != 0 {
		return false
	}
	high := false // a high surrogate waits for its low one
	for i := 0; i < len(data); i += 2 {
		u := rune(data[i+1])<<8 | rune(data[i])
		if bigEndian {
			u = rune(data[i])<<8 | rune(data[i+1])
		}
		isHigh, isLow := u >= 0xD800 && u < 0xDC00, u >= 0xDC00 && u < 0xE000
		if isLow != high {
			return false
		}
		high = isHigh
	}
	return !high
}

// fromGB18030 decodes GB18030 (and so GBK and GB2312); ok is false if any
// byte sequence is invalid. x/text leaves the three user-defined areas
// undecoded, so the runs between them are handed to it and user-defined
// characters are mapped here to the private use area, as the standard
// and Windows do.
func fromGB18030(data []byte) (string, bool) {
	var b strings.Builder
	start := 0
	for i := 0; i < len(data); {
		n := gbSequenceLen(data, i)
		if r, ok := userDefined(data[i : i+n]); ok {
			if !appendGB18030(&b, data[start:i]) {
				return "", false
			}
			b.WriteRune(r)
			start = i + n
		}
		i += n
	}
	if !appendGB18030(&b, data[start:]) {
		return "", false
	}
	return b.String(), true
}

// appendGB18030 decodes data with x/text and appends it to b; false if
// any sequence is invalid.
func appendGB18030(b *strings.Builder, data []byte) bool {
	s, ok := decodeWith(simplifiedchinese.GB18030, data)
	if !ok || strings.ContainsRune(s, utf8.RuneError) {
		return false
	}
	b.WriteString(s)
	return true
}

// gbSequenceLen is the length of the GB18030 byte sequence at data[i]:
// 1 (ASCII, 0x80 or invalid), 2 or 4 (second byte a digit).
func gbSequenceLen(data []byte, i int) int {
	if data[i] < 0x81 || data[i] == 0xFF || i+1 == len(data) {
		return 1
	}
	if c := data[i+1]; c >= '0' && c <= '9' {
		return min(4, len(data)-i)
	}
	return 2
}

// userDefined maps a two-byte sequence of the user-defined areas
// (AAA1–AFFE, F8A1–FEFE, A140–A7A0) to U+E000–U+E765.
func userDefined(seq []byte) (rune, bool) {
	if len(seq) != 2 {
		return 0, false
	}
	lead, trail := rune(seq[0]), rune(seq[1])
	switch {
	case lead >= 0xAA && lead <= 0xAF && trail >= 0xA1 && trail <= 0xFE:
		return 0xE000 + (lead-0xAA)*94 + trail - 0xA1, true
	case lead >= 0xF8 && lead <= 0xFE && trail >= 0xA1 && trail <= 0xFE:
		return 0xE234 + (lead-0xF8)*94 + trail - 0xA1, true
	case lead >= 0xA1 && lead <= 0xA7 && trail >= 0x40 && trail <= 0xA0 && trail != 0x7F:
		if trail > 0x7F {
			trail-- // 0x7F is not a trail byte
		}
		return 0xE4C6 + (lead-0xA1)*96 + trail - 0x40, true
	}
	return 0, false
}

// decodeWith decodes data with enc.
func decodeWith(enc encoding.Encoding, data []byte) (string, bool) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", false
	}
	return string(out), true
}

// isControl reports a control character that text should not hold: C0
// other than \t \n \r \f, DEL and C1.
func isControl(r rune) bool {
	switch r {
	case '\t', '\n', '\r', '\f':
		return false
	}
	return r < 0x20 || (r >= 0x7F && r < 0xA0)
}

// controlShareTooHigh reports whether s holds more control characters
// (or any NUL) than text does.
func controlShareTooHigh(s string) bool {
	n, controls := 0, 0
	for _, r := range s {
		n++
		if r == 0 {
			return true
		}
		if isControl(r) {
			controls++
		}
	}
	return controls*1000 > n*maxControlPerMille
}

// score is the percentage of common characters in s, or 0 if s has too
// many control characters.
func score(s string) int {
	if controlShareTooHigh(s) {
		return 0
	}
	return percent(s, isCommon)
}

// cjkPercent is the percentage of Chinese characters and punctuation in s.
func cjkPercent(s string) int { return percent(s, isCJK) }

// percent is the percentage of the characters of s that is reports; 0 for
// an empty s.
func percent(s string, is func(rune) bool) int {
	n, yes := 0, 0
	for _, r := range s {
		n++
		if is(r) {
			yes++
		}
	}
	if n == 0 {
		return 0
	}
	return yes * 100 / n
}

// commonRanges are the blocks, beyond ASCII and CJK, that Chinese official
// text commonly uses: Latin-1, Greek and Cyrillic, general punctuation,
// letterlike symbols, number forms (Ⅰ), arrows, maths, enclosed
// alphanumerics (①), box drawing and geometric shapes (■●).
var commonRanges = []struct{ lo, hi rune }{
	{0x00A0, 0x024F}, {0x0370, 0x045F}, {0x2000, 0x22FF}, {0x2460, 0x25FF},
}

// isCommon reports a character that is common in Chinese official text.
func isCommon(r rune) bool {
	if r < 0x80 {
		return !isControl(r)
	}
	if isCJK(r) {
		return true
	}
	for _, c := range commonRanges {
		if r >= c.lo && r <= c.hi {
			return true
		}
	}
	return false
}

// isCJK reports a Han character or CJK punctuation (including full-width
// forms and enclosed CJK like ㈠).
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0x3200 && r <= 0x32FF) ||
		(r >= 0xFF00 && r <= 0xFFEF)
}
