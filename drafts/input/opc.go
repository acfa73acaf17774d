package input

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
)

// A .docx is an Open Packaging Conventions package: its root relationships
// (_rels/.rels) name the main part, and [Content_Types].xml says what
// each part is. The main part is found through them, by its exact name,
// never by guessing a name.

const (
	relsPart         = "_rels/.rels"
	contentTypesPart = "[Content_Types].xml"
	// relOfficeDocument ends the type of the main-part relationship, in
	// the transitional and the strict namespace.
	relOfficeDocument = "/officeDocument"
	// limitSmallPart caps the bytes read from .rels and content types.
	limitSmallPart = 1 << 20
)

// wordMainTypes are the content types of a Word main part: document,
// macro-enabled document and templates.
var wordMainTypes = map[string]bool{
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": true,
	"application/vnd.ms-word.document.macroEnabled.main+xml":                           true,
	"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": true,
	"application/vnd.ms-word.template.macroEnabledTemplate.main+xml":                   true,
}

// errNoMainPart is a package whose relationships name a main part that
// is not in it.
var errNoMainPart = errors.New("the main part named by _rels/.rels is missing")

// mainPart returns the Word main part of the package: the target of the
// root officeDocument relationship, if its content type is Word's. A
// package without root relationships falls back on the standard name
// word/document.xml, exactly. nil, nil means the archive is not a Word
// document; an error, that it is a damaged one.
func mainPart(zr *zip.Reader) (*zip.File, error) {
	rels := findPart(zr, relsPart)
	if rels == nil {
		return findPart(zr, documentPart), nil
	}
	target, err := officeDocumentTarget(rels)
	if err != nil || target == "" {
		return nil, err
	}
	f := findPart(zr, target)
	if f == nil {
		return nil, errNoMainPart
	}
	if ct := findPart(zr, contentTypesPart); ct != nil {
		typ, err := partType(ct, target)
		if err != nil {
			return nil, err
		}
		if !wordMainTypes[typ] {
			return nil, nil
		}
	}
	return f, nil
}

// officeDocumentTarget reads the root relationships and returns the main
// part's name inside the archive ("" if there is none).
func officeDocumentTarget(rels *zip.File) (string, error) {
	var doc struct {
		Rels []struct {
			Type       string `xml:"Type,attr"`
			Target     string `xml:"Target,attr"`
			TargetMode string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := readSmallXML(rels, &doc); err != nil {
		return "", err
	}
	for _, r := range doc.Rels {
		if strings.HasSuffix(r.Type, relOfficeDocument) && r.TargetMode != "External" {
			return partName(r.Target), nil
		}
	}
	return "", nil
}

// partName turns a relationship target of the root (relative to the
// package root, or absolute) into a zip entry name.
func partName(target string) string {
	return strings.TrimPrefix(path.Clean("/"+target), "/")
}

// partType returns the content type [Content_Types].xml gives part: its
// override, else the default for its extension.
func partType(ct *zip.File, part string) (string, error) {
	var doc struct {
		Defaults []struct {
			Ext  string `xml:"Extension,attr"`
			Type string `xml:"ContentType,attr"`
		} `xml:"Default"`
		Overrides []struct {
			Part string `xml:"PartName,attr"`
			Type string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	if err := readSmallXML(ct, &doc); err != nil {
		return "", err
	}
	for _, o := range doc.Overrides {
		if partName(o.Part) == part {
			return o.Type, nil
		}
	}
	ext := strings.TrimPrefix(path.Ext(part), ".")
	for _, d := range doc.Defaults {
		if strings.EqualFold(d.Ext, ext) {
			return d.Type, nil
		}
	}
	return "", nil
}

// readSmallXML unpacks a small package part (at most limitSmallPart bytes)
// and decodes it into v.
func readSmallXML(f *zip.File, v any) error {
	if f.UncompressedSize64 > limitSmallPart {
		return errZipBomb
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, limitSmallPart)).Decode(v)
}
