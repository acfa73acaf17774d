package input

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
	"testing"
	"unicode"
)

// squashed drops the spaces and punctuation of s: LibreOffice's PDF
// export loses the punctuation it hangs at a line's end, and spaces
// around figures vary.
func squashed(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, s)
}

// TestPDFSeeds reads PDFs LibreOffice made from two seeds (Word files in
// the GB/T 9704 layout, page numbers "— N —" in the footer): every page
// number is gone and the lines are re-flowed into the paragraphs of the
// Word file, across page breaks.
func TestPDFSeeds(t *testing.T) {
	for _, name := range []string{"taian_2024_yijian", "zibo_2023_yijian"} {
		t.Run(name, func(t *testing.T) {
			got, err := Decode(name+".pdf", readTestdata(t, "pdf", name+".pdf"))
			if err != nil {
				t.Fatal(err)
			}
			want := nonEmptyLines(string(readTestdata(t, "pdf", name+".txt")))
			lines := nonEmptyLines(got)
			have := map[string]bool{}
			for _, l := range lines {
				have[squashed(l)] = true
				if pageNumber.MatchString(l) || strings.Contains(l, "—1") {
					t.Errorf("page number left: %q", l)
				}
			}
			found := 0
			for _, w := range want {
				if have[squashed(w)] {
					found++
				} else {
					t.Logf("paragraph not found whole: %.60s", w)
				}
			}
			// The title wraps over two centred lines, which stay two; a
			// long name in the signature block wraps inside its column.
			if found < len(want)-3 || len(lines) > len(want)+3 {
				t.Errorf("%d of %d paragraphs found whole, %d lines", found, len(want), len(lines))
			}
		})
	}
}

// TestPDFFurniture drops page numbers in each form and running headers
// and footers, and nothing else.
func TestPDFFurniture(t *testing.T) {
	line := func(s string) pdfLine { return pdfLine{text: s, x0: 90, x1: 500, size: 16} }
	var pages [][]pdfLine
	numbers := []string{"— 1 —", "-2-", "第3页 共4页", "4 / 4"}
	body := []string{"一、总体要求", "以习近平新时代中国特色社会主义思想为指导", "二、工作目标", "到2026年，全社会研发经费投入大幅增加",
		"三、重点任务", "（一）实施标志性产业链“赋能”行动", "四、组织实施", "（一）加强组织领导"}
	for i, n := range numbers {
		pages = append(pages, []pdfLine{
			line("泰安市人民政府文件"), line(body[2*i]), line("3"), line(body[2*i+1]),
			line("泰安市人民政府办公室 2024年8月15日印发"), line(n),
		})
	}
	out := dropFurniture(pages)
	for i, p := range out {
		var texts []string
		for _, l := range p {
			texts = append(texts, l.text)
		}
		want := body[2*i] + "|3|" + body[2*i+1]
		if got := strings.Join(texts, "|"); got != want {
			t.Errorf("page %d: %s, want %s", i+1, got, want)
		}
	}
}

// pdfOf builds a PDF of the given objects (numbered from 1, the first the
// catalog) with a correct cross-reference table.
func pdfOf(objects ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// deflated compresses n bytes of filler at best compression.
func deflated(n int, filler byte) string {
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	chunk := bytes.Repeat([]byte{filler}, 1<<20)
	for ; n > 0; n -= len(chunk) {
		w.Write(chunk[:min(n, len(chunk))])
	}
	w.Close()
	return b.String()
}

// stream is a PDF stream object of data with the extra dictionary keys.
func stream(keys, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", keys, len(data), data)
}

// onePage is a catalog, a page tree and a page whose content is object 4.
var onePage = []string{
	"<< /Type /Catalog /Pages 2 0 R >>",
	"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
	"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
}

// helvetica is a simple font object.
const helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

// TestPDFRefusals refuses a scan, damaged files, bombs and a PDF whose
// fonts give no text, each with its kind and a Chinese message.
func TestPDFRefusals(t *testing.T) {
	good := readTestdata(t, "pdf", "taian_2024_yijian.pdf")
	content := stream("/Filter /FlateDecode", deflated(200<<20, ' '))
	objStm := stream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", deflated(40<<20, ' '))
	tests := []struct {
		name string
		data []byte
		want Kind
	}{
		{"scan.pdf", readTestdata(t, "pdf", "scan_taian_2024.pdf"), KindScannedPDF},
		{"truncated.pdf", good[:len(good)/2], KindBrokenPDF},
		{"header-only.pdf", []byte("%PDF-1.7\n"), KindBrokenPDF},
		{"garbage.pdf", append([]byte("%PDF-1.4\n"), randomBytes(4096, false)...), KindBrokenPDF},
		{"no-xref.pdf", []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), KindBrokenPDF},
		{"content-bomb.pdf", pdfOf(append(onePage, content, helvetica)...), KindPDFBomb},
		{"objstm-bomb.pdf", pdfOf(append(onePage, objStm, helvetica)...), KindPDFBomb},
		{"page-bomb.pdf", pdfOf(onePage[0], "<< /Type /Pages /Kids [3 0 R] /Count 1000000 >>", onePage[2], stream("", "BT /F1 12 Tf (x) Tj ET"), helvetica), KindPDFBomb},
		{"empty-page.pdf", pdfOf(append(onePage, stream("", ""), helvetica)...), KindEmpty},
		{"no-mapping.pdf", pdfOf(append(onePage, stream("", "BT /F1 12 Tf 72 700 Td <0102030405060708090b0c0e0f10111213141516> Tj ET"),
			"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [<< /Subtype /CIDFontType2 /DW 1000 >>] >>")...), KindBrokenPDF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.name, tt.data)
			if got != "" {
				t.Errorf("refusal returned text %q", prefix(got, 60))
			}
			wantRefusal(t, tt.name, err, tt.want)
		})
	}
}

// TestPDFMinimal reads a small hand-made PDF: Latin words joined with a
// space across a line break, a short line ending its paragraph.
func TestPDFMinimal(t *testing.T) {
	content := "BT /F1 12 Tf 72 700 Td (The first line of a paragraph that runs on) Tj 0 -14 Td (to the next line.) Tj 0 -14 Td (A new paragraph starts.) Tj ET"
	got, err := Decode("a.pdf", pdfOf(append(onePage, stream("", content), helvetica)...))
	if err != nil {
		t.Fatal(err)
	}
	if want := "The first line of a paragraph that runs on to the next line.\nA new paragraph starts.\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
