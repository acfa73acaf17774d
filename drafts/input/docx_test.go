package input

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"strings"
	"testing"
)

// TestDocxSeeds builds a real .docx from each seed's paragraphs and reads
// them back, one line a paragraph.
func TestDocxSeeds(t *testing.T) {
	for _, sd := range loadSeeds(t) {
		t.Run(sd.name, func(t *testing.T) {
			want := nonEmptyLines(sd.text)
			got, err := Decode("意见.docx", docxOf(t, paragraphsXML(want)))
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
			if len(lines) != len(want) {
				t.Fatalf("got %d paragraphs, want %d", len(lines), len(want))
			}
			for i := range want {
				if lines[i] != want[i] {
					t.Fatalf("paragraph %d: got %q, want %q", i, lines[i], want[i])
				}
			}
		})
	}
}

// TestDocxMarkup covers the WordprocessingML the extractor must read or
// skip: split runs, tabs and tab stops, breaks, tracked changes, fields,
// tables, text boxes with their fallback, empty paragraphs.
func TestDocxMarkup(t *testing.T) {
	body := `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:rPr><w:del w:id="9"/></w:rPr></w:pPr>` +
		`<w:r><w:t>一、</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">总体 要求 </w:t></w:r></w:p>` +
		`<w:p/>` +
		`<w:p><w:r><w:t>到2027年</w:t></w:r><w:del w:id="1"><w:r><w:delText>，删去的字</w:delText></w:r></w:del>` +
		`<w:ins w:id="2"><w:r><w:t>，新增的字</w:t></w:r></w:ins><w:moveFrom w:id="3"><w:r><w:t>移走</w:t></w:r></w:moveFrom>` +
		`<w:r><w:br/><w:t>换行</w:t><w:cr/><w:t>回车</w:t><w:noBreakHyphen/></w:r></w:p>` +
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>目标值</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>（亿元）</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>` +
		`<w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>` +
		`<w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>` +
		`<w:r><w:t>续</w:t></w:r></w:p>`
	want := "一、\t总体 要求 \n\n到2027年，新增的字\n换行\n回车-\n3\n指标\n目标值\n（亿元）\n文本框\n正文续\n"
	got, err := Decode("a.docx", docxOf(t, body))
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// bomb is a .docx whose document.xml unpacks to size bytes of spaces
// inside one w:t: valid XML, so only the bomb limits stop it.
func bomb(tb testing.TB, size int) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	w, err := zw.Create("word/document.xml")
	if err != nil {
		tb.Fatal(err)
	}
	io.WriteString(w, docHead+"<w:p><w:r><w:t>")
	chunk := bytes.Repeat([]byte{' '}, 1<<20)
	for n := 0; n < size; n += len(chunk) {
		w.Write(chunk[:min(len(chunk), size-n)])
	}
	io.WriteString(w, "</w:t></w:r></w:p>"+docTail)
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// TestDocxRefusals covers zips that are not Word documents, broken ones
// and zip bombs.
func TestDocxRefusals(t *testing.T) {
	good := docxOf(t, paragraphsXML([]string{"一、总体要求", "（一）指导思想"}))
	tests := []struct {
		name string
		data []byte
		want Kind
	}{
		{"archive.zip", zipOf(t, docxFile{"readme.txt", "hello"}), KindNotWord},
		{"sheet.xlsx", zipOf(t, docxFile{"[Content_Types].xml", contentTypes}, docxFile{"xl/workbook.xml", "<workbook/>"}), KindNotWord},
		{"empty.zip", []byte("PK\x05\x06" + strings.Repeat("\x00", 18)), KindNotWord},
		{"truncated.docx", good[:len(good)/2], KindBrokenDocx},
		{"header-only.docx", good[:30], KindBrokenDocx},
		{"corrupt.docx", corrupt(good), KindBrokenDocx},
		{"malformed.docx", zipOf(t, docxFile{"word/document.xml", docHead + "<w:p><w:r><w:t>未闭合</w:r></w:p>" + docTail}), KindBrokenDocx},
		{"not-wordml.docx", zipOf(t, docxFile{"word/document.xml", `<?xml version="1.0"?><html><p>x</p></html>`}), KindBrokenDocx},
		{"empty-xml.docx", zipOf(t, docxFile{"word/document.xml", ""}), KindBrokenDocx},
		{"blank.docx", docxOf(t, `<w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>`), KindEmpty},
		{"ratio.docx", bomb(t, 5<<20), KindZipBomb},
		{"bomb.docx", bomb(t, 150<<20), KindZipBomb},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.name, tt.data)
			if got != "" {
				t.Errorf("refusal returned text %q", prefix(got, 40))
			}
			wantRefusal(t, tt.name, err, tt.want)
		})
	}
}

// corrupt flips bytes in the middle of data's compressed content, so
// unpacking or its checksum fails.
func corrupt(data []byte) []byte {
	c := bytes.Clone(data)
	i := bytes.Index(c, []byte("word/document.xml")) + len("word/document.xml") + 20
	for j := i; j < i+16 && j < len(c); j++ {
		c[j] ^= 0xFF
	}
	return c
}

// TestBombGuard checks the limits on bytes actually unpacked, which hold
// even when an archive's declared sizes lie.
func TestBombGuard(t *testing.T) {
	tests := []struct {
		name       string
		size       int64
		compressed uint64
		wantBomb   bool
	}{
		{"small", 1 << 20, 10, false},
		{"ratio", 3 << 20, 10 << 10, true},
		{"honest ratio", 3 << 20, 1 << 20, false},
		{"too big", maxUnzipped + 1, maxUnzipped, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := &bombGuard{r: io.LimitReader(io.LimitReader(zeros{}, tt.size), maxUnzipped+1), compressed: tt.compressed}
			_, err := io.Copy(io.Discard, g)
			if got := errors.Is(err, errZipBomb); got != tt.wantBomb {
				t.Errorf("bomb = %v (%v), want %v", got, err, tt.wantBomb)
			}
		})
	}
	// The XML decoder hands the guard's error back unchanged.
	g := &bombGuard{r: io.MultiReader(strings.NewReader(docHead+"<w:p><w:r><w:t>"), strings.NewReader(strings.Repeat(" ", 3<<20))), compressed: 1}
	if _, err := paragraphs(g); !errors.Is(err, errZipBomb) {
		t.Errorf("paragraphs: %v, want errZipBomb", err)
	}
}
