package input

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Page furniture: the page numbers and running headers and footers a
// printed 公文 repeats on every page, which are not the text.

// pageNumber matches a line that is only a page number: "— 3 —", "-3-",
// "3", "第3页", "第3页 共10页", "3/10", "Page 3 of 10".
var pageNumber = regexp.MustCompile(`^[\s\-—–－_~·]*(\d{1,4}|第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|(?i:page)\s*\d{1,4}(\s*(?i:of)\s*\d{1,4})?)[\s\-—–－_~·]*$`)

// furnitureLines is how many lines at the top and at the bottom of a
// page can be furniture.
const furnitureLines = 2

// dropFurniture removes page numbers and the lines repeated at the top or
// bottom of most pages (digits ignored, so "第3页" and "第4页" repeat).
func dropFurniture(pages [][]pdfLine) [][]pdfLine {
	repeated := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, i := range edgeIndexes(len(p)) {
			k := digitless(p[i].text)
			if !seen[k] {
				seen[k] = true
				repeated[k]++
			}
		}
	}
	minRepeat := max(3, (len(pages)+1)/2)
	out := make([][]pdfLine, len(pages))
	for pi, p := range pages {
		edge := map[int]bool{}
		for _, i := range edgeIndexes(len(p)) {
			edge[i] = true
		}
		for i, l := range p {
			if edge[i] && (pageNumber.MatchString(l.text) || repeated[digitless(l.text)] >= minRepeat) {
				continue
			}
			out[pi] = append(out[pi], l)
		}
	}
	return out
}

// edgeIndexes are the indexes of the first and last furnitureLines lines
// of a page of n lines.
func edgeIndexes(n int) []int {
	var idx []int
	for i := 0; i < n; i++ {
		if i < furnitureLines || i >= n-furnitureLines {
			idx = append(idx, i)
		}
	}
	return idx
}

// digitless replaces the digits of s by '#'.
func digitless(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '#'
		}
		return r
	}, s)
}

// reflow joins the lines of the pages into paragraphs: a line continues
// the one before when that one ran to the right margin and this one is
// not indented, across page breaks too. Lines are joined without a space
// unless both sides are Latin letters or digits.
func reflow(pages [][]pdfLine) string {
	var all []pdfLine
	for _, p := range pages {
		all = append(all, p...)
	}
	if len(all) == 0 {
		return ""
	}
	left, right := margins(all)
	var b strings.Builder
	for i, l := range all {
		if i > 0 {
			prev := all[i-1]
			full := prev.x1 >= right-1.5*prev.size
			indented := l.x0 > left+0.8*l.size
			if full && !indented && !prev.columns && !l.columns {
				joinLines(&b, prev.text, l.text)
			} else {
				b.WriteByte('\n')
			}
		}
		b.WriteString(l.text)
	}
	b.WriteByte('\n')
	return b.String()
}

// joinLines writes the space between two joined lines, if any.
func joinLines(b *strings.Builder, prev, next string) {
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(next)
	if last < utf8.RuneSelf && first < utf8.RuneSelf && isAlnum(last) && isAlnum(first) {
		b.WriteByte(' ')
	}
}

// isAlnum reports an ASCII letter or digit.
func isAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// margins are the body's left margin (the most common line start) and
// right margin (where the longest lines end, ignoring outliers).
func margins(lines []pdfLine) (left, right float64) {
	starts := map[int]int{}
	ends := make([]float64, 0, len(lines))
	for _, l := range lines {
		starts[int(l.x0+0.5)]++
		ends = append(ends, l.x1)
	}
	best := -1
	for x, n := range starts {
		if n > best || (n == best && float64(x) < left) {
			left, best = float64(x), n
		}
	}
	sort.Float64s(ends)
	right = ends[len(ends)*9/10]
	return left, right
}

// Object streams and cross-reference streams are unpacked by the library
// when it opens the file, and an object stream again for each object it
// holds: each is measured first.

var (
	streamStart = regexp.MustCompile(`stream\r?\n`)
	indexType   = regexp.MustCompile(`/Type\s*/(ObjStm|XRef)\b`)
)

// checkIndexStreams unpacks, counting, every Flate object or
// cross-reference stream of the file and fails with errPDFBomb past
// maxIndexStream or the ratio limit.
func checkIndexStreams(data []byte) error {
	for _, m := range streamStart.FindAllIndex(data, -1) {
		if m[0] >= 3 && string(data[m[0]-3:m[0]]) == "end" {
			continue
		}
		dict := data[max(0, m[0]-1024):m[0]]
		if o := bytes.LastIndex(dict, []byte(" obj")); o >= 0 {
			dict = dict[o:]
		}
		if !indexType.Match(dict) || !bytes.Contains(dict, []byte("/FlateDecode")) {
			continue
		}
		if err := inflateLimited(data[m[1]:]); err != nil {
			return err
		}
	}
	return nil
}

// inflateLimited unpacks the zlib stream at the start of data, counting;
// a stream that does not unpack is left for the library to refuse.
func inflateLimited(data []byte) error {
	src := bytes.NewReader(data)
	zr, err := zlib.NewReader(src)
	if err != nil {
		return nil
	}
	n, _ := io.Copy(io.Discard, io.LimitReader(zr, maxIndexStream+1))
	packed := int64(len(data) - src.Len())
	if n > maxIndexStream || (n > ratioFloor && n > maxPDFRatio*max(packed, 1)) {
		return errPDFBomb
	}
	return nil
}
