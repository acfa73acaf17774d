package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// fuzzSeeds are the starting inputs: the start of each real document in
// each encoding, small .docx files and the bad inputs of the tests.
func fuzzSeeds(tb testing.TB) [][]byte {
	var seeds [][]byte
	for _, sd := range loadSeeds(tb) {
		text := prefix(sd.text, 600)
		for _, enc := range encoders {
			if data, err := enc.encode(text); err == nil {
				seeds = append(seeds, data)
			}
		}
		seeds = append(seeds, docxOf(tb, paragraphsXML(nonEmptyLines(prefix(sd.text, 300)))))
	}
	gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("一、总体要求\r\n"))
	le, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM).NewEncoder().Bytes([]byte("关于实施意见"))
	return append(seeds, gb, le, nil, []byte(" \n　"), randomBytes(256, false), randomBytes(256, true),
		[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"), []byte("%PDF-1.4\n"),
		[]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, []byte{0xFF, 0xFE, 0x00, 0xD8},
		[]byte{0xAA, 0xA1, 0x81, 0x30, 0x81, 0x30, 0xA1}, []byte(`{\rtf1 x}`),
		zipOf(tb, docxFile{"readme.txt", "hello"}),
		zipOf(tb, docxFile{"word/document.xml", docHead + "<w:p><w:r><w:t>未闭合</w:r></w:p>"}),
		bomb(tb, 2<<20))
}

// FuzzDecode checks that Decode never panics, that success is valid,
// non-blank UTF-8 with \n line endings, and that a refusal is an *Error
// with a Chinese message.
func FuzzDecode(f *testing.F) {
	noOffice(f)
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"f.txt", "f.docx"} {
			text, err := Decode(name, data)
			if err != nil {
				if KindOf(err) == 0 || !han.MatchString(err.Error()) || text != "" {
					t.Fatalf("%s: bad refusal %T %v, text %q", name, err, err, text)
				}
				continue
			}
			if !utf8.ValidString(text) || strings.TrimSpace(text) == "" || strings.ContainsAny(text, "\r\f") {
				t.Fatalf("%s: bad text %q", name, text)
			}
		}
	})
}

// checkDecoded fails unless Decode's result is valid: a refusal is an
// *Error with a Chinese message and no text; a success is valid,
// non-blank UTF-8 with \n line endings.
func checkDecoded(t *testing.T, name, text string, err error) {
	t.Helper()
	if err != nil {
		if KindOf(err) == 0 || !han.MatchString(err.Error()) || text != "" {
			t.Fatalf("%s: bad refusal %T %v, text %q", name, err, err, text)
		}
		return
	}
	if !utf8.ValidString(text) || blank(text) || strings.ContainsAny(text, "\r\f") {
		t.Fatalf("%s: bad text %q", name, text)
	}
}

// FuzzHTML feeds the HTML reader saved pages, fragments and broken
// markup, as .html and as .txt.
func FuzzHTML(f *testing.F) {
	noOffice(f)
	pages, _ := filepath.Glob("testdata/html/*")
	for _, p := range pages {
		if data, err := os.ReadFile(p); err == nil && !strings.HasSuffix(p, ".md") {
			f.Add(data)
		}
	}
	for _, s := range []string{"<p>一、总体要求</p><p>（一）目标<br>二</p>", "<html><body><div><p>正文", "<table><tr><td>a<td>b",
		`<meta charset="gbk"><p>` + "\xd6\xd0\xce\xc4", "<pre>\n  x</pre>", "<!doctype html><title>标题_网站</title><h1>标题</h1>",
		"<p>&#0;&#xD800;&amp&lt;&#x110000;</p>", strings.Repeat("<div>", 300) + "深"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"f.html", "f.txt"} {
			text, err := Decode(name, data)
			checkDecoded(t, name, text, err)
		}
	})
}

// noOffice makes the fuzzers refuse .doc/.rtf/.odt as if LibreOffice were
// missing: one conversion takes seconds.
func noOffice(f *testing.F) {
	saved := lookOffice
	lookOffice = func() (string, error) { return "", os.ErrNotExist }
	f.Cleanup(func() { lookOffice = saved })
}

// FuzzPDF feeds the PDF reader real, scanned, hand-made and damaged PDFs.
func FuzzPDF(f *testing.F) {
	noOffice(f)
	for _, name := range []string{"taian_2024_yijian.pdf", "scan_taian_2024.pdf"} {
		if data, err := os.ReadFile(filepath.Join("testdata", "pdf", name)); err == nil {
			f.Add(data)
			f.Add(data[:len(data)/3])
		}
	}
	text := "BT /F1 12 Tf 72 700 Td (Hello) Tj 0 -14 Td [(Wor) -250 (ld)] TJ T* (x) ' 1 0 0 1 9 9 Tm (y) Tj ET"
	f.Add(pdfOf(append(onePage, stream("", text), helvetica)...))
	f.Add(pdfOf(append(onePage, stream("/Filter /FlateDecode", deflated(1000, ' ')), helvetica)...))
	f.Add(pdfOf(append(onePage, stream("", "BT /F1 12 Tf <0102> Tj ET"),
		"<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /DescendantFonts [<< /W [1 [500 600] 3 9 700] >>] >>")...))
	f.Add([]byte("%PDF-1.4\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := Decode("f.pdf", data)
		checkDecoded(t, "f.pdf", text, err)
	})
}
