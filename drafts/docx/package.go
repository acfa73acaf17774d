package docx

import (
	"archive/zip"
	"bytes"
	"embed"
	"encoding/xml"
	"fmt"
	"io"
	"text/template"
)

// parts holds the templates of the package's XML parts; this file is the
// one place that turns the model into OOXML.
//
//go:embed parts/*
var partFiles embed.FS

var partTemplates = template.Must(template.New("parts").Funcs(template.FuncMap{
	"x":      escape,
	"cellAt": cellAt,
}).ParseFS(partFiles, "parts/*"))

// page is the geometry of the section: sizes and margins in twips, the
// line pitch of the document grid (a grid of lines: see tracking).
type page struct {
	Width, Height                int
	Landscape, Mirror            bool
	Top, Bottom, Inside, Outside int
	Header, Footer               int
	LinePitch, CharSpace         int
}

// portraitPage is the page of GB/T 9704-2012: A4 upright, mirrored margins
// for printing on both sides, a grid of 22 lines of 28 characters.
func portraitPage() page {
	return page{Width: pageWidth, Height: pageHeight, Mirror: true,
		Top: marginTop, Bottom: marginBottom, Inside: marginInside, Outside: marginOutside,
		Header: headerDistance, Footer: footerDistance, LinePitch: linePitch}
}

// partData is what the templates are filled with.
type partData struct {
	Blocks         []block
	Page           page
	Title, Author  string
	Created        string
	TrackRevisions bool
	// Comments are the 批注 placed in Blocks.
	Comments []placedComment
	Fonts    []font
	// L and F are the layout measures and fonts styles.xml uses.
	L layoutValues
	F fontNames
}

// layoutValues are measures styles.xml needs, in twips.
type layoutValues struct {
	LinePitch, TwoLines, TableLine int
	Tracking                       int
	Indent1, Indent2               int
}

// fontNames are the fonts styles.xml names.
type fontNames struct{ Title, Heading1, Heading2, PageNum string }

// footerData places the page number: odd pages at the right, even pages
// at the left, each one character (4号, 14 pt) in from the text block's
// outer edge.
type footerData struct {
	Align       string
	Left, Right int
}

// writePackage writes the .docx: the parts in a zip in the order Word
// writes them, [Content_Types].xml first.
func writePackage(w io.Writer, pg page, blocks []block, title string, opt Options) error {
	data := partData{Blocks: blocks, Page: pg, Title: title, Author: opt.author(), Created: opt.date(), Fonts: fonts,
		TrackRevisions: hasChanges(blocks), Comments: placeComments(blocks, opt.Comments),
		L: layoutValues{LinePitch: pg.LinePitch, TwoLines: 2 * pg.LinePitch, TableLine: 360,
			Indent1: charPitch, Indent2: 2 * charPitch, Tracking: tracking},
		F: fontNames{Title: fontTitle, Heading1: fontHeading1, Heading2: fontHeading2, PageNum: fontPageNum}}
	const numberIndent = 280 // one 4号 character
	parts := []struct {
		name, tmpl string
		data       any
	}{
		{"[Content_Types].xml", "[Content_Types].xml", data},
		{"_rels/.rels", "rels.xml", nil},
		{"docProps/core.xml", "core.xml", data},
		{"docProps/app.xml", "app.xml", nil},
		{"word/_rels/document.xml.rels", "document.xml.rels", data},
		{"word/document.xml", "document.xml", data},
		{"word/styles.xml", "styles.xml", data},
		{"word/settings.xml", "settings.xml", data},
		{"word/fontTable.xml", "fontTable.xml", data},
		{"word/footer1.xml", "footer.xml", footerData{Align: "right", Right: numberIndent}},
		{"word/footer2.xml", "footer.xml", footerData{Align: "left", Left: numberIndent}},
	}
	if len(data.Comments) > 0 {
		parts = append(parts, struct {
			name, tmpl string
			data       any
		}{"word/comments.xml", "comments.xml", data})
	}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		if err := writePart(zw, p.name, p.tmpl, p.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// writePart fills one template into the zip.
func writePart(zw *zip.Writer, name, tmpl string, data any) error {
	var buf bytes.Buffer
	if err := partTemplates.ExecuteTemplate(&buf, tmpl, data); err != nil {
		return fmt.Errorf("docx: %s: %w", name, err)
	}
	f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	_, err = f.Write(buf.Bytes())
	return err
}

// escape writes s as XML character data, safe in text and attributes.
func escape(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// cellAt pairs a table cell with its column's width for the "tc" template.
func cellAt(widths []int, i int, c cell) struct {
	Width int
	Cell  cell
} {
	return struct {
		Width int
		Cell  cell
	}{widths[i], c}
}

// hasChanges reports whether any paragraph carries a tracked change; such
// a file opens with change tracking on, so that further edits are tracked
// too.
func hasChanges(blocks []block) bool {
	for _, b := range blocks {
		if b.P == nil {
			continue
		}
		if b.P.Mark != nil {
			return true
		}
		for _, r := range b.P.Runs {
			if r.Change != nil {
				return true
			}
		}
	}
	return false
}
