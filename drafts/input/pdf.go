package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/ledongthuc/pdf"
)

// PDF text is read with github.com/ledongthuc/pdf (pure Go; see
// docs/ARCHITECTURE.md for the measurements that chose it). The library
// trusts its input: it panics on damaged files and inflates whatever
// streams it is asked for, so the reader guards it — panics become a
// KindBrokenPDF refusal, and the streams it would inflate are measured
// first against limits like the zip-bomb ones.

// Limits against PDF bombs and pathological files.
const (
	// maxPDFPages caps the pages read; a real document has far fewer.
	maxPDFPages = 2000
	// maxPageContent caps the bytes of one page's content streams once
	// unpacked; a dense page of Chinese text is well under 100 KB.
	maxPageContent = 2 << 20
	// maxPDFContent caps the unpacked content of all pages together.
	maxPDFContent = 64 << 20
	// maxIndexStream caps an object or cross-reference stream unpacked.
	maxIndexStream = 16 << 20
	// maxPDFRatio caps the compression ratio of a stream over ratioFloor.
	maxPDFRatio = 400
	// minTextPerPage is the text (letters and digits) per page below
	// which a PDF with images is a scan.
	minTextPerPage = 20
)

// noMapping explains a PDF whose fonts do not say which characters they
// draw, so that its text cannot be extracted.
const noMapping = detailNoMap

// errPDFBomb is a stream past the limits.
var errPDFBomb = errors.New("pdf bomb")

// decodePDF extracts the text of a PDF, one paragraph a line.
func decodePDF(name string, data []byte) (text string, err error) {
	if err := checkIndexStreams(data); err != nil {
		return "", refuse(name, KindPDFBomb, "", err)
	}
	defer func() {
		if x := recover(); x != nil {
			kind := KindBrokenPDF
			if x == errTooManyRuns {
				kind = KindPDFBomb
			}
			text, err = "", refuse(name, kind, "", fmt.Errorf("pdf: %v", x))
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	switch {
	case errors.Is(err, pdf.ErrInvalidPassword):
		return "", refuseIn(name, KindBrokenPDF, "这个 PDF 设有打开密码，请先在 PDF 阅读器中取消密码后再导入", "this PDF has a password; remove it in a PDF reader first, then import it", err)
	case err != nil:
		return "", refuse(name, KindBrokenPDF, "", err)
	}
	pages, images, shown, err := readPages(r)
	if err != nil {
		return "", refuse(name, KindPDFBomb, "", err)
	}
	letters := 0
	for _, p := range pages {
		for _, l := range p {
			letters += countLetters(l.text)
		}
	}
	text = reflow(dropFurniture(pages))
	switch {
	case letters < minTextPerPage*max(len(pages), 1) && images:
		return "", refuse(name, KindScannedPDF, "", nil)
	case letters == 0 && shown == 0:
		return "", refuseIn(name, KindEmpty, "PDF 中没有文字", "the PDF holds no text", nil)
	case letters == 0 || score(text) < minCommonPercent:
		return "", refuse(name, KindBrokenPDF, noMapping, nil)
	}
	return text, nil
}

// pdfLine is one line of text on a page, with its extent.
type pdfLine struct {
	text       string
	x0, x1, y  float64
	size       float64 // font size
	lastOnPage bool
	columns    bool // a gap of columns inside: a signature block or table row
}

// readPages reads the lines of each page, whether any page shows an image
// and how many strings the pages show, checking each page's content
// against the limits first.
func readPages(r *pdf.Reader) (pages [][]pdfLine, images bool, shown int, err error) {
	nodes := 0
	if !pageTreeOK(r.Trailer().Key("Root").Key("Pages"), 0, &nodes) {
		return nil, false, 0, errPDFBomb
	}
	n := r.NumPage()
	if n > maxPDFPages {
		return nil, false, 0, fmt.Errorf("%d pages: %w", n, errPDFBomb)
	}
	var total int64
	runs := 0
	for i := 1; i <= n; i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		size, err := contentSize(p.V.Key("Contents"))
		total += size
		if err != nil || total > maxPDFContent {
			return nil, false, 0, errPDFBomb
		}
		images = images || hasImages(p)
		pages = append(pages, pageLines(pageRuns(p, &runs)))
	}
	return pages, images, runs, nil
}

// contentSize unpacks a page's content streams, counting, and fails past
// maxPageContent or the ratio limit.
func contentSize(v pdf.Value) (int64, error) {
	streams := []pdf.Value{v}
	if v.Kind() == pdf.Array {
		streams = streams[:0]
		for i := 0; i < v.Len() && i < 1000; i++ {
			streams = append(streams, v.Index(i))
		}
	}
	var total int64
	for _, s := range streams {
		if s.Kind() != pdf.Stream {
			continue
		}
		n, err := io.Copy(io.Discard, io.LimitReader(s.Reader(), maxPageContent+1))
		total += n
		packed := s.Key("Length").Int64()
		if total > maxPageContent || (n > ratioFloor && n > maxPDFRatio*max(packed, 1)) {
			return total, errPDFBomb
		}
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// hasImages reports a page whose resources hold an image.
func hasImages(p pdf.Page) bool {
	xo := p.Resources().Key("XObject")
	for _, k := range xo.Keys() {
		if xo.Key(k).Key("Subtype").Name() == "Image" {
			return true
		}
	}
	return false
}

// pageLines groups a page's runs into lines, top to bottom, each left to
// right, with a space where the gap between two runs is wide.
func pageLines(runs []textRun) []pdfLine {
	var lines []pdfLine
	sorted := append([]textRun(nil), runs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].y > sorted[j].y })
	for start := 0; start < len(sorted); {
		end := start + 1
		tol := max(sorted[start].size*0.4, 1)
		for end < len(sorted) && sorted[start].y-sorted[end].y <= tol {
			end++
		}
		if l, ok := makeLine(sorted[start:end]); ok {
			lines = append(lines, l)
		}
		start = end
	}
	if len(lines) > 0 {
		lines[len(lines)-1].lastOnPage = true
	}
	return lines
}

// makeLine joins the runs of one line, left to right: one space where
// the line shows a space or leaves a gap wider than half a character.
func makeLine(runs []textRun) (pdfLine, bool) {
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].x0 < runs[j].x0 })
	var b strings.Builder
	l := pdfLine{y: runs[0].y}
	prevEnd, space := 0.0, false
	for _, r := range runs {
		if strings.TrimSpace(r.s) == "" {
			space = b.Len() > 0
			continue
		}
		if b.Len() == 0 {
			l.x0 = r.x0
		} else if gap := r.x0 - prevEnd; space || gap > max(r.size, 1)*0.6 {
			b.WriteByte(' ')
			l.columns = l.columns || gap > 2*max(r.size, 1)
		}
		space = false
		b.WriteString(r.s)
		prevEnd = r.x1
		l.x1 = max(l.x1, r.x1)
		l.size = max(l.size, r.size)
	}
	l.text = strings.TrimSpace(b.String())
	return l, l.text != ""
}

// maxTreeDepth caps the depth of the page tree; a real one is a few
// levels deep, and a cycle (Kids naming an ancestor) is infinitely deep.
const maxTreeDepth = 32

// pageTreeOK walks the page tree, failing on a cycle, excessive depth or
// more nodes than pages allowed, which would make the library loop.
func pageTreeOK(v pdf.Value, depth int, nodes *int) bool {
	if *nodes++; depth > maxTreeDepth || *nodes > 2*maxPDFPages {
		return false
	}
	kids := v.Key("Kids")
	for i := 0; i < kids.Len(); i++ {
		if !pageTreeOK(kids.Index(i), depth+1, nodes) {
			return false
		}
	}
	return true
}
