package docx

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"qicao/drafts"
	"qicao/drafts/proof"
)

// proofComments returns 000's 校对 findings as comments, as `qicao export
// docx --comments` builds them.
func proofComments(t *testing.T, d *drafts.Document) []Comment {
	var out []Comment
	for _, it := range proof.Check(d, proof.Options{}) {
		before, after := it.Context(d.Source)
		out = append(out, Comment{Text: it.Text, Before: before, After: after, Message: it.Note()})
	}
	if len(out) < 12 {
		t.Fatalf("only %d findings on 000", len(out))
	}
	return out
}

func zipPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			return string(b)
		}
	}
	return ""
}

// TestCommentsPart: every finding on 000 becomes a comment whose range
// holds the finding's text; the part has its relationship and content
// type; a draft without comments has no comments part.
func TestCommentsPart(t *testing.T) {
	old, _ := taianPair(t)
	cs := proofComments(t, old)
	var buf bytes.Buffer
	if err := WriteDraft(&buf, old, Options{Comments: cs}); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	comments := zipPart(t, data, "word/comments.xml")
	if got := strings.Count(comments, "<w:comment "); got != len(cs) {
		t.Errorf("%d comments written, want %d", got, len(cs))
	}
	if !strings.Contains(zipPart(t, data, "word/_rels/document.xml.rels"), `Target="comments.xml"`) ||
		!strings.Contains(zipPart(t, data, "[Content_Types].xml"), "wordprocessingml.comments+xml") {
		t.Error("comments part without its relationship or content type")
	}
	doc := zipPart(t, data, "word/document.xml")
	ranges := regexp.MustCompile(`(?s)commentRangeStart w:id="(\d+)"/>(.*?)<w:commentRangeEnd w:id="(\d+)"`).FindAllStringSubmatch(doc, -1)
	text := regexp.MustCompile(`<w:t[^>]*>([^<]*)</w:t>`)
	for i, m := range ranges {
		var got strings.Builder
		for _, tm := range text.FindAllStringSubmatch(m[2], -1) {
			got.WriteString(tm[1])
		}
		want := cs[i].Text
		if strings.TrimSpace(want) != "" && got.String() != xmlEscape(want) {
			t.Errorf("comment %d spans %q, want %q", i, got.String(), want)
		}
	}
	buf.Reset()
	if err := WriteDraft(&buf, old, Options{}); err != nil {
		t.Fatal(err)
	}
	if zipPart(t, buf.Bytes(), "word/comments.xml") != "" || strings.Contains(zipPart(t, buf.Bytes(), "[Content_Types].xml"), "comments") {
		t.Error("a draft without comments has a comments part")
	}
}

func xmlEscape(s string) string { return escape(s) }

// TestLibreOfficeComments: LibreOffice reads every comment as an
// annotation with its text.
func TestLibreOfficeComments(t *testing.T) {
	o := newOffice(t)
	dir := t.TempDir()
	old, _ := taianPair(t)
	cs := proofComments(t, old)
	var buf bytes.Buffer
	if err := WriteDraft(&buf, old, Options{Comments: cs}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "comments.docx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	o.convert(t, "fodt", dir, path)
	flat, err := os.ReadFile(filepath.Join(dir, "comments.fodt"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(flat), "<office:annotation "); got != len(cs) {
		t.Errorf("LibreOffice reads %d annotations, want %d", got, len(cs))
	}
	for _, c := range cs[:3] {
		if !strings.Contains(string(flat), xmlEscape(c.Message)) {
			t.Errorf("annotation text %q not found", c.Message)
		}
	}
}
