package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"qicao/drafts"
)

// wordOrder gives, for the WordprocessingML elements whose children form
// an xsd:sequence, the order of those children as ECMA-376 (transitional,
// wml.xsd) declares it. Word refuses a file, or offers to repair it, when
// the order is broken; LibreOffice is lenient, so only a test catches
// it. "*" stands for any element not listed (content that may follow in
// any order).
var wordOrder = map[string][]string{
	"document":    {"background", "body"},
	"body":        {"p", "tbl", "sectPr"},
	"p":           {"pPr", "*"},
	"r":           {"rPr", "*"},
	"tbl":         {"tblPr", "tblGrid", "tr"},
	"tr":          {"tblPrEx", "trPr", "tc"},
	"tc":          {"tcPr", "p", "tbl"},
	"ftr":         {"p", "tbl"},
	"styles":      {"docDefaults", "latentStyles", "style"},
	"docDefaults": {"rPrDefault", "pPrDefault"},
	"fonts":       {"font"},
	"font":        {"altName", "panose1", "charset", "family", "notTrueType", "pitch", "sig", "embedRegular", "embedBold", "embedItalic", "embedBoldItalic"},
	"style": {"name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
		"unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid", "pPr", "rPr",
		"tblPr", "trPr", "tcPr", "tblStylePr"},
	"pPr": {"pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
		"suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
		"topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
		"contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
		"textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"},
	// rPr of a run, a style and, with the revision marks first, of a
	// paragraph mark (CT_ParaRPr).
	"rPr": {"ins", "del", "moveFrom", "moveTo", "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps",
		"strike", "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
		"color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
		"vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange"},
	"pBdr": {"top", "left", "bottom", "right", "between", "bar"},
	"sectPr": {"headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
		"pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection",
		"bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"},
	"tblPr": {"tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
		"jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
		"tblDescription", "tblPrChange"},
	"tblBorders": {"top", "left", "start", "bottom", "right", "end", "insideH", "insideV"},
	"tblCellMar": {"top", "left", "start", "bottom", "right", "end"},
	"tcPr": {"cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
		"textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge", "tcPrChange"},
	"settings": {"writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
		"doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
		"printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts", "saveSubsetFonts",
		"saveFormsData", "mirrorMargins", "alignBordersAndEdges", "bordersDoNotSurroundHeader",
		"bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors",
		"activeWritingStyle", "proofState", "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
		"stylePaneSortMethod", "documentType", "mailMerge", "revisionView", "trackRevisions", "doNotTrackMoves",
		"doNotTrackFormatting", "documentProtection", "autoFormatOverride", "styleLockTheme", "styleLockQFSet",
		"defaultTabStop", "autoHyphenation", "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps",
		"showEnvelope", "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
		"bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets", "drawingGridHorizontalSpacing",
		"drawingGridVerticalSpacing", "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
		"doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin",
		"doNotShadeFormData", "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne",
		"strictFirstAndLastChars", "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture",
		"doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText",
		"doNotDemarcateInvalidXml", "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
		"alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat",
		"docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
		"doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
		"smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator"},
}

// revisionAttrs are the attributes each revision element must carry.
var revisionAttrs = map[string][]string{
	"ins": {"id", "author"}, "del": {"id", "author"}, "moveFrom": {"id", "author"}, "moveTo": {"id", "author"},
	"moveFromRangeStart": {"id", "name"}, "moveToRangeStart": {"id", "name"},
	"moveFromRangeEnd": {"id"}, "moveToRangeEnd": {"id"},
}

const wNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// checkPart walks one XML part and reports every element whose children
// break the schema order, and revision elements missing attributes.
func checkPart(name string, data []byte) []string {
	dec := xml.NewDecoder(bytes.NewReader(data))
	type open struct {
		name string
		at   int // index in the order of the last child seen
	}
	var stack []open
	var errs []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return append(errs, fmt.Sprintf("%s: not well-formed: %v", name, err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > 0 && t.Name.Space == wNS {
				if e := checkChild(&stack[len(stack)-1].at, stack[len(stack)-1].name, t.Name.Local); e != "" {
					errs = append(errs, name+": "+e)
				}
			}
			errs = append(errs, checkAttrs(name, t)...)
			stack = append(stack, open{name: t.Name.Local})
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	return errs
}

// checkChild checks that child may follow the children of parent seen so
// far; at is the position in the order of the last one.
func checkChild(at *int, parent, child string) string {
	order, ok := wordOrder[parent]
	if !ok {
		return ""
	}
	i := slices.Index(order, child)
	if i < 0 {
		i = slices.Index(order, "*")
		if i < 0 {
			return fmt.Sprintf("<w:%s> may not hold <w:%s>", parent, child)
		}
	}
	if i < *at {
		return fmt.Sprintf("<w:%s>: <w:%s> comes after <w:%s>", parent, child, order[*at])
	}
	*at = i
	return ""
}

func checkAttrs(part string, t xml.StartElement) []string {
	var errs []string
	for _, want := range revisionAttrs[t.Name.Local] {
		if !slices.ContainsFunc(t.Attr, func(a xml.Attr) bool { return a.Name.Local == want }) {
			errs = append(errs, fmt.Sprintf("%s: <w:%s> without w:%s", part, t.Name.Local, want))
		}
	}
	return errs
}

// checkPackage checks every XML part of a .docx, that each part has a
// content type, and that revision ids are unique.
func checkPackage(t *testing.T, what string, docx []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	var types string
	for _, f := range zr.File {
		data := readZip(t, f)
		if f.Name == "[Content_Types].xml" {
			types = string(data)
		}
		for _, e := range checkPart(f.Name, data) {
			t.Errorf("%s: %s", what, e)
		}
		if f.Name == "word/document.xml" {
			checkUniqueIDs(t, what, data)
		}
	}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".xml") && f.Name != "[Content_Types].xml" && !strings.Contains(types, "/"+f.Name+"\"") {
			t.Errorf("%s: %s has no content type", what, f.Name)
		}
	}
}

// checkUniqueIDs checks that no two revisions share a w:id (a move
// range's start and end share theirs).
func checkUniqueIDs(t *testing.T, what string, data []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	seen := map[string]string{}
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		se, ok := tok.(xml.StartElement)
		if !ok || revisionAttrs[se.Name.Local] == nil || strings.HasSuffix(se.Name.Local, "RangeEnd") {
			continue
		}
		for _, a := range se.Attr {
			if a.Name.Local == "id" {
				if prev, dup := seen[a.Value]; dup {
					t.Errorf("%s: w:id %s on <w:%s> and <w:%s>", what, a.Value, prev, se.Name.Local)
				}
				seen[a.Value] = se.Name.Local
			}
		}
	}
}

func readZip(t *testing.T, f *zip.File) []byte {
	t.Helper()
	rc, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestElementOrderDrafts(t *testing.T) {
	for _, p := range []string{"000", "001", "002", "003", "004"} {
		checkPackage(t, "draft "+p, draftDocx(t, p))
	}
}

func TestElementOrderComparison(t *testing.T) {
	old, new := taianPair(t)
	for _, strict := range []bool{false, true} {
		var buf bytes.Buffer
		c := drafts.Compare(old, new, drafts.CompareOptions{Strict: strict})
		if err := WriteComparison(&buf, old, new, c, Options{Strict: strict}); err != nil {
			t.Fatal(err)
		}
		checkPackage(t, fmt.Sprintf("comparison strict=%v", strict), buf.Bytes())
		checkMoves(t, buf.Bytes())
	}
}

// checkMoves wants the 泰安 comparison to hold moves, each named range
// opened once as moved away and once as moved here.
func checkMoves(t *testing.T, docx []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var doc string
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = string(readZip(t, f))
		}
	}
	name := regexp.MustCompile(`<w:(moveFrom|moveTo)RangeStart [^>]*w:name="([^"]+)"`)
	seen := map[string]string{}
	for _, m := range name.FindAllStringSubmatch(doc, -1) {
		seen[m[2]] += m[1] + " "
	}
	if len(seen) == 0 {
		t.Error("no moves in the 泰安 comparison")
	}
	for n, kinds := range seen {
		if kinds != "moveFrom moveTo " && kinds != "moveTo moveFrom " {
			t.Errorf("move %s: ranges %q, want one moveFrom and one moveTo", n, kinds)
		}
	}
}

// TestCheckPartCatchesDisorder makes sure the check is not vacuous.
func TestCheckPartCatchesDisorder(t *testing.T) {
	bad := `<w:document xmlns:w="` + wNS + `"><w:body><w:p><w:pPr><w:jc w:val="both"/><w:ind w:left="0"/></w:pPr></w:p>` +
		`<w:sectPr/><w:p/></w:body></w:document>`
	if errs := checkPart("bad", []byte(bad)); len(errs) != 2 {
		t.Errorf("want 2 errors (ind after jc, p after sectPr), got %q", errs)
	}
}
