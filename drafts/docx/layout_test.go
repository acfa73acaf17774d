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

// checkLayout renders the drafts to PDF with a CJK font and measures the
// GB/T 9704 grid on every full page (all but the first and the last): 22
// lines a page, 28 characters on a full line of Chinese text, the text
// block 28 mm from the binding side and 156 mm wide. With
// QICAO_SCREENSHOTS set to a directory, it also renders the pictures of
// docs/screenshots there.
func checkLayout(t *testing.T, o *office, dir string, files map[string]string) {
	if o.fontsConf == "" {
		t.Skip("no CJK font could be unpacked from fonts-noto-cjk; skipping the layout measurements")
	}
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
		lines, chars := measureGrid(pages[1 : len(pages)-1])
		t.Logf("%s: %d pages; lines per full page %v; characters per all-Chinese line %v", name, len(pages), lines, chars)
		for n, count := range lines {
			if n != linesPerPage {
				t.Errorf("%s: %d pages of %d lines, want %d", name, count, n, linesPerPage)
			}
		}
		checkChars(t, name, chars)
		checkTextBlock(t, name, pdf)
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

// measureGrid counts the text lines of each page (the page number left
// out) and the characters of each line set wholly in full-width
// characters, which are the lines a character count can be read from.
func measureGrid(pages []string) (linesPerPage, charsPerLine map[int]int) {
	linesPerPage, charsPerLine = map[int]int{}, map[int]int{}
	for _, p := range pages {
		n := 0
		for _, l := range strings.Split(p, "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.HasPrefix(l, "—") && strings.HasSuffix(l, "—") {
				continue
			}
			n++
			if allWide(l) {
				charsPerLine[utf8.RuneCountInString(l)]++
			}
		}
		linesPerPage[n]++
	}
	return linesPerPage, charsPerLine
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

var bboxWord = regexp.MustCompile(`xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<`)

// checkTextBlock measures the second page (an even one, whose binding
// side is the right) and the third (odd, binding left): the lines of 20
// characters or more start at the inner margin, and the longest end 156
// mm further, within a millimetre.
func checkTextBlock(t *testing.T, name, pdf string) {
	for _, pg := range []int{2, 3} {
		out, err := exec.Command("pdftotext", "-f", strconv.Itoa(pg), "-l", strconv.Itoa(pg), "-bbox", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		var lefts, rights []float64
		for _, m := range bboxWord.FindAllStringSubmatch(string(out), -1) {
			if utf8.RuneCountInString(m[3]) < 20 {
				continue
			}
			x0, _ := strconv.ParseFloat(m[1], 64)
			x1, _ := strconv.ParseFloat(m[2], 64)
			lefts, rights = append(lefts, x0*25.4/72), append(rights, x1*25.4/72)
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
