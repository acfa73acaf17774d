package input

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// Namespaces of WordprocessingML (transitional and strict) and of markup
// compatibility.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// errNoBody is returned for XML that is not a Word document body.
var errNoBody = errors.New("word/document.xml has no w:body")

// skipped are the elements whose content is not document text: deleted
// and moved-away revisions, paragraph properties (tab stops, revision
// marks) and the fallback copy of alternate content.
var skipped = map[string]bool{
	"del": true, "moveFrom": true, "delText": true, "pPr": true, "rPr": true,
	"tabs": true, "instrText": true,
}

// extractor collects paragraph text while streaming document.xml.
type extractor struct {
	out    strings.Builder
	paras  []*strings.Builder // open paragraphs; text boxes nest them
	skip   int                // depth inside a skipped element
	inText int                // depth inside w:t
	body   bool               // a w:body was seen
}

// paragraphs streams WordprocessingML from r and returns its text, one
// paragraph a line, each line ending in \n.
func paragraphs(r io.Reader) (string, error) {
	d := xml.NewDecoder(r)
	var x extractor
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		x.token(tok)
	}
	if !x.body {
		return "", errNoBody
	}
	return x.out.String(), nil
}

// token handles one XML token.
func (x *extractor) token(tok xml.Token) {
	switch t := tok.(type) {
	case xml.StartElement:
		x.start(t.Name)
	case xml.EndElement:
		x.end(t.Name)
	case xml.CharData:
		if x.inText > 0 && x.skip == 0 {
			x.write(string(t))
		}
	}
}

// start handles a start tag.
func (x *extractor) start(n xml.Name) {
	if x.skip > 0 || isSkipped(n) {
		x.skip++
		return
	}
	if !isW(n) {
		return
	}
	switch n.Local {
	case "body":
		x.body = true
	case "p":
		x.paras = append(x.paras, new(strings.Builder))
	case "t":
		x.inText++
	case "tab":
		x.write("\t")
	case "br", "cr":
		x.write("\n")
	case "noBreakHyphen":
		x.write("-")
	}
}

// end handles an end tag.
func (x *extractor) end(n xml.Name) {
	if x.skip > 0 {
		x.skip--
		return
	}
	if !isW(n) {
		return
	}
	switch n.Local {
	case "p":
		x.endParagraph()
	case "t":
		x.inText--
	}
}

// endParagraph writes the innermost open paragraph as a line.
func (x *extractor) endParagraph() {
	last := len(x.paras) - 1
	if last < 0 {
		return
	}
	x.out.WriteString(x.paras[last].String())
	x.out.WriteByte('\n')
	x.paras = x.paras[:last]
}

// write appends s to the innermost open paragraph; text outside any
// paragraph (not valid WordprocessingML) is dropped.
func (x *extractor) write(s string) {
	if n := len(x.paras); n > 0 {
		x.paras[n-1].WriteString(s)
	}
}

// isW reports a WordprocessingML element.
func isW(n xml.Name) bool {
	return n.Space == nsW || n.Space == nsWStrict
}

// isSkipped reports an element whose content is not document text.
func isSkipped(n xml.Name) bool {
	return (isW(n) && skipped[n.Local]) || (n.Space == nsMC && n.Local == "Fallback")
}
