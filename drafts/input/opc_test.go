package input

import (
	"strings"
	"testing"
)

// relsTo is a root relationships part whose main part is target.
func relsTo(target string) string {
	return strings.Replace(rootRels, `Target="word/document.xml"`, `Target="`+target+`"`, 1)
}

// TestDocxMainPart finds the main part through _rels/.rels and
// [Content_Types].xml, by its exact name: a decoy entry differing only in
// case is never read, whichever comes first in the archive.
func TestDocxMainPart(t *testing.T) {
	real := docHead + paragraphsXML([]string{"真正的正文"}) + docTail
	decoy := docHead + paragraphsXML([]string{"诱饵"}) + docTail
	types2 := strings.Replace(contentTypes, "/word/document.xml", "/word/document2.xml", 1)
	tests := []struct {
		name  string
		files []docxFile
	}{
		{"decoy first", []docxFile{{"WORD/DOCUMENT.XML", decoy}, {"[Content_Types].xml", contentTypes}, {"_rels/.rels", rootRels}, {"word/document.xml", real}}},
		{"decoy last", []docxFile{{"[Content_Types].xml", contentTypes}, {"_rels/.rels", rootRels}, {"word/document.xml", real}, {"Word/Document.xml", decoy}}},
		{"other name", []docxFile{{"[Content_Types].xml", types2}, {"_rels/.rels", relsTo("/word/document2.xml")}, {"word/document.xml", decoy}, {"word/document2.xml", real}}},
		{"no rels, standard name", []docxFile{{"WORD/DOCUMENT.XML", decoy}, {"word/document.xml", real}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode("a.docx", zipOf(t, tt.files...))
			if err != nil || got != "真正的正文\n" {
				t.Errorf("got %q, %v; want the real main part", got, err)
			}
		})
	}
}

// TestDocxMainPartRefusals refuses packages whose relationships lead
// nowhere or to something that is not Word.
func TestDocxMainPartRefusals(t *testing.T) {
	body := docHead + paragraphsXML([]string{"正文"}) + docTail
	sheetTypes := strings.Replace(contentTypes, "wordprocessingml.document.main+xml", "spreadsheetml.sheet.main+xml", 1)
	tests := []struct {
		name  string
		files []docxFile
		want  Kind
	}{
		{"only-decoy.docx", []docxFile{{"[Content_Types].xml", contentTypes}, {"_rels/.rels", rootRels}, {"WORD/DOCUMENT.XML", body}}, KindBrokenDocx},
		{"only-decoy-no-rels.docx", []docxFile{{"WORD/DOCUMENT.XML", body}}, KindNotWord},
		{"missing-target.docx", []docxFile{{"[Content_Types].xml", contentTypes}, {"_rels/.rels", relsTo("word/gone.xml")}, {"word/document.xml", body}}, KindBrokenDocx},
		{"bad-rels.docx", []docxFile{{"[Content_Types].xml", contentTypes}, {"_rels/.rels", "<Relationships"}, {"word/document.xml", body}}, KindBrokenDocx},
		{"no-office-rel.docx", []docxFile{{"_rels/.rels", strings.Replace(rootRels, "officeDocument\"", "thumbnail\"", 1)}, {"word/document.xml", body}}, KindNotWord},
		{"sheet-type.docx", []docxFile{{"[Content_Types].xml", sheetTypes}, {"_rels/.rels", rootRels}, {"word/document.xml", body}}, KindNotWord},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.name, zipOf(t, tt.files...))
			if got != "" {
				t.Errorf("refusal returned text %q", got)
			}
			wantRefusal(t, tt.name, err, tt.want)
		})
	}
}
