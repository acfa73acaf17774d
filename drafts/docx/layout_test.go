package docx

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkLayout renders the drafts to PDF with the app's embedded CJK font
// and measures the GB/T 9704 grid on every full page (all but the first
// and the last): 22 lines a page, 28 characters on a full line of Chinese
// text, the text block 28 mm from the binding side and 156 mm wide.
// Lines are counted by their baselines on the grid, not as the lines of
// pdftotext's text: a page whose last grid line is the blank line before
// the signature has 21 lines of text and is still a full page of 22 (that
// counting made the test fail on Debian 12, where draft-002's signature
// and date fell across a page break). Checked with LibreOffice 7.4.7.2 and
// poppler 22.12 (Debian 12). With
// QICAO_SCREENSHOTS set to a directory, it also renders the pictures of
// docs/screenshots there.
func checkLayout(t *testing.T, o *office, dir string, files map[string]string) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; skipping the layout measurements")
	}
	o.convert(t, "pdf", dir, files["draft-000"], files["draft-002"], files["tracked"], files["table"])
	for _, name := range []string{"draft-000", "draft-002"} {
		pdf := filepath.Join(dir, name+".pdf")
		pages := pdfText(t, pdf)
		if len(pages) < 3 {
			t.Fatalf("%s: %d pages, too few to measure", name, len(pages))
		}
		chars := measureChars(pages[1 : len(pages)-1])
		t.Logf("%s: %d pages; characters per all-Chinese line %v", name, len(pages), chars)
		words := pdfWords(t, pdf)
		checkGrid(t, name, pageLines(words))
		checkChars(t, name, chars)
		checkTextBlock(t, name, words)
	}
	if shots := os.Getenv("QICAO_SCREENSHOTS"); shots != "" {
		screenshot(t, filepath.Join(dir, "draft-002.pdf"), 1, filepath.Join(shots, "docx-draft-page1.png"))
		screenshot(t, filepath.Join(dir, "tracked.pdf"), 2, filepath.Join(shots, "docx-tracked-changes.png"))
		screenshot(t, filepath.Join(dir, "table.pdf"), 1, filepath.Join(shots, "docx-table.png"))
	}
}

// pdfText returns the text of each page of a PDF.
func pdfText(t *testing.T, pdf string) []string {
	t.Helper()
	out, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	return strings.Split(strings.TrimRight(string(out), "\f"), "\f")
}

// measureChars counts the characters of each line set wholly in
// full-width characters, which are the lines a character count can be
// read from.
func measureChars(pages []string) map[int]int {
	charsPerLine := map[int]int{}
	for _, p := range pages {
		for _, l := range strings.Split(p, "\n") {
			if l = strings.TrimSpace(l); l != "" && allWide(l) {
				charsPerLine[utf8.RuneCountInString(l)]++
			}
		}
	}
	return charsPerLine
}

var (
	bboxPage = regexp.MustCompile(`<page width="[\d.]+" height="[\d.]+">`)
	bboxWord = regexp.MustCompile(`xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<`)
)

// pdfWord is one word of `pdftotext -bbox`: its box's left, right and
// bottom edges in points and its text.
type pdfWord struct {
	x0, x1, y1 float64
	text       string
}

// pdfWords returns the words of each page of a PDF, read once for the grid
// and the text block.
func pdfWords(t *testing.T, pdf string) [][]pdfWord {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox %s: %v", pdf, err)
	}
	var pages [][]pdfWord
	for _, p := range bboxPage.Split(string(out), -1)[1:] {
		var words []pdfWord
		for _, m := range bboxWord.FindAllStringSubmatch(p, -1) {
			x0, _ := strconv.ParseFloat(m[1], 64)
			x1, _ := strconv.ParseFloat(m[2], 64)
			y1, _ := strconv.ParseFloat(m[3], 64)
			words = append(words, pdfWord{x0, x1, y1, m[4]})
		}
		pages = append(pages, words)
	}
	return pages
}

// pageLines returns, for each page, the distinct baselines (in points from
// the top) of its lines of text, the page number's left out. Baselines come
// from the glyph boxes, so they do not depend on the order in which a
// poppler version reads the lines out, and an empty paragraph (a blank line
// of the grid) shows as the gap it leaves.
func pageLines(pages [][]pdfWord) [][]float64 {
	var lines [][]float64
	for _, words := range pages {
		seen := map[float64]bool{}
		var ys []float64
		for _, w := range words {
			text := strings.TrimSpace(w.text)
			if text == "" || text == "—" || isDigits(text) { // the page number, — 3 —
				continue
			}
			y := math.Round(w.y1*2) / 2
			if !seen[y] {
				seen[y] = true
				ys = append(ys, y)
			}
		}
		sort.Float64s(ys)
		lines = append(lines, ys)
	}
	return lines
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// checkGrid checks the GB/T 9704 grid on the baselines of every page but
// the first (whose title, in a larger face, has its own boxes):
// each line sits on one of 22 slots of the line pitch below the first line
// of the page (within half a point), the first line of every page on the
// same slot, never a 23rd; every full page (all but the first and the
// last) reaches the 21st or 22nd slot (its last line may be the blank line
// before a signature kept with its date), and most reach the 22nd.
func checkGrid(t *testing.T, name string, pages [][]float64) {
	pitch := float64(linePitch) / 20 // twips → points
	top := pages[1][0]
	used := map[int]int{} // slots used on a full page → pages
	for i, ys := range pages {
		if i == 0 || len(ys) == 0 {
			continue
		}
		if math.Abs(ys[0]-top) > 0.5 {
			t.Errorf("%s page %d: first line at %.1f pt, the grid starts at %.1f", name, i+1, ys[0], top)
		}
		last := 0
		for _, y := range ys {
			k := math.Round((y - ys[0]) / pitch)
			if off := y - ys[0] - k*pitch; math.Abs(off) > 0.5 {
				t.Errorf("%s page %d: a line %.1f pt off the grid (at %.1f pt)", name, i+1, off, y)
			}
			last = max(last, int(k))
		}
		if last >= linesPerPage {
			t.Errorf("%s page %d: %d lines, the grid has %d", name, i+1, last+1, linesPerPage)
		}
		if i < len(pages)-1 {
			used[last+1]++
			if last+1 < linesPerPage-1 {
				t.Errorf("%s page %d: ends at line %d of %d", name, i+1, last+1, linesPerPage)
			}
		}
	}
	full := len(pages) - 2
	if 2*used[linesPerPage] <= full {
		t.Errorf("%s: %d of %d full pages use all %d lines", name, used[linesPerPage], full, linesPerPage)
	}
	t.Logf("%s: lines of the grid used per full page %v (pitch %.2f pt)", name, used, pitch)
}

func allWide(s string) bool {
	for _, r := range s {
		if !isWide(r) {
			return false
		}
	}
	return true
}

// checkChars wants no line longer than 28 characters and most lines of
// 28: the others end a paragraph or lost a character to the rule that a
// line starts with no closing punctuation.
func checkChars(t *testing.T, name string, chars map[int]int) {
	total, longest := 0, 0
	for n, c := range chars {
		total += c
		longest = max(longest, n)
	}
	if longest != charsPerLine {
		t.Errorf("%s: longest all-Chinese line has %d characters, want %d", name, longest, charsPerLine)
	}
	if 2*chars[charsPerLine] < total {
		t.Errorf("%s: only %d of %d all-Chinese lines have %d characters", name, chars[charsPerLine], total, charsPerLine)
	}
}

// checkTextBlock measures the second page (an even one, whose binding
// side is the right) and the third (odd, binding left): the lines of 20
// characters or more start at the inner margin, and the longest end 156
// mm further, within a millimetre.
func checkTextBlock(t *testing.T, name string, pages [][]pdfWord) {
	for _, pg := range []int{2, 3} {
		var lefts, rights []float64
		for _, w := range pages[pg-1] {
			if utf8.RuneCountInString(w.text) < 20 {
				continue
			}
			lefts, rights = append(lefts, w.x0*25.4/72), append(rights, w.x1*25.4/72)
		}
		if len(lefts) == 0 {
			t.Errorf("%s page %d: no full lines found", name, pg)
			continue
		}
		sort.Float64s(lefts)
		sort.Float64s(rights)
		inner := twipsToMM(marginInside)
		if pg%2 == 0 {
			inner = twipsToMM(marginOutside)
		}
		left, right := lefts[0], rights[len(rights)/2]
		if math.Abs(left-inner) > 1 || math.Abs(right-left-twipsToMM(textWidth)) > 1.5 {
			t.Errorf("%s page %d: text block from %.1f to %.1f mm, want from %.1f, %.1f mm wide",
				name, pg, left, right, inner, twipsToMM(textWidth))
		}
		t.Logf("%s page %d: text block %.1f–%.1f mm (width %.1f)", name, pg, left, right, right-left)
	}
}

// screenshot renders one page of a PDF to PNG at 60 dpi.
func screenshot(t *testing.T, pdf string, page int, png string) {
	t.Helper()
	base := strings.TrimSuffix(png, ".png")
	p := strconv.Itoa(page)
	if out, err := exec.Command("pdftoppm", "-png", "-r", "60", "-f", p, "-l", p, "-singlefile", pdf, base).CombinedOutput(); err != nil {
		t.Errorf("pdftoppm: %v: %s", err, out)
	}
}
