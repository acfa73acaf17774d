package input

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// seed is one real document of the built-in corpus.
type seed struct {
	name string
	text string
}

// loadSeeds reads the built-in corpus, UTF-8 as shipped.
func loadSeeds(tb testing.TB) []seed {
	tb.Helper()
	paths, err := filepath.Glob("../../assets/corpus/*.txt")
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no corpus: %v", err)
	}
	var seeds []seed
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		seeds = append(seeds, seed{filepath.Base(p), string(data)})
	}
	return seeds
}

// nonEmptyLines returns the lines of s that are not empty.
func nonEmptyLines(s string) []string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// prefix returns about n bytes from the start of s, cut at a rune boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// docxFile is one entry of a test zip archive.
type docxFile struct {
	name, body string
}

// zipOf builds a zip archive of files, deflated at best compression.
func zipOf(tb testing.TB, files ...docxFile) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	for _, f := range files {
		w, err := zw.Create(f.name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := io.WriteString(w, f.body); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	docHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>`
	docTail = `<w:sectPr/></w:body></w:document>`
)

// docxOf builds a minimal valid .docx whose body is the given XML.
func docxOf(tb testing.TB, body string) []byte {
	tb.Helper()
	return zipOf(tb,
		docxFile{"[Content_Types].xml", contentTypes},
		docxFile{"_rels/.rels", rootRels},
		docxFile{"word/document.xml", docHead + body + docTail})
}

// paragraphsXML writes each line as a Word paragraph of one run.
func paragraphsXML(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(`<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:t xml:space="preserve">`)
		xml.EscapeText(&b, []byte(l))
		b.WriteString(`</w:t></w:r></w:p>`)
	}
	return b.String()
}

// han matches a Chinese character.
var han = regexp.MustCompile(`\p{Han}`)

// wantRefusal checks that err is an *Error of kind want whose message is
// Chinese and names the file.
func wantRefusal(tb testing.TB, name string, err error, want Kind) {
	tb.Helper()
	var e *Error
	if !errors.As(err, &e) {
		tb.Fatalf("%s: got error %v (%T), want *Error of kind %v", name, err, err, want)
	}
	if e.Kind != want {
		tb.Fatalf("%s: got kind %v (%q), want %v", name, e.Kind, e.Error(), want)
	}
	msg := e.Error()
	if !han.MatchString(e.Detail+kindMessages[e.Kind]) || !strings.Contains(msg, "无法读取") {
		tb.Errorf("%s: message %q is not clear Chinese", name, msg)
	}
	if name != "" && !strings.Contains(msg, "「"+name+"」") {
		tb.Errorf("%s: message %q does not name the file", name, msg)
	}
}
