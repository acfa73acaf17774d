package docx

// The page of GB/T 9704-2012 (党政机关公文格式), in twentieths of a point
// (twips), the unit of w:pgSz, w:pgMar and w:ind. 1 mm = 1440/25.4 twips.
const (
	// A4: 210 × 297 mm.
	pageWidth  = 11906
	pageHeight = 16838

	// 天头 37 mm; 订口 (binding side) 28 mm. The text block is 156 × 225 mm,
	// so the bottom margin is 297−37−225 = 35 mm and the outer margin
	// 210−28−156 = 26 mm. With mirrored margins the binding side is the left
	// of odd pages and the right of even ones.
	marginTop     = 2098 // 37 mm
	marginBottom  = 1984 // 35 mm
	marginInside  = 1587 // 28 mm
	marginOutside = 1474 // 26 mm

	// The header sits in the top margin; the footer's page number line is
	// 7 mm below the text block (its baseline about 22 mm above the edge).
	headerDistance = 851  // 15 mm
	footerDistance = 1247 // 22 mm

	// textWidth and textHeight are the text block: 8845 × 12756 twips, that
	// is 156.0 × 225.0 mm.
	textWidth  = pageWidth - marginInside - marginOutside
	textHeight = pageHeight - marginTop - marginBottom

	// linesPerPage and charsPerLine are the grid of 9704 §7.1: 22 lines of 28
	// characters of 3号 type filling the text block.
	linesPerPage = 22
	charsPerLine = 28

	// linePitch is the line spacing, fixed: 12756/22 = 579.8 twips, rounded
	// down so that 22 lines always fit (22 × 579 = 12738 ≤ 12756) and 23
	// never do. Used both as w:docGrid/@w:linePitch and as the exact
	// w:spacing/@w:line of every paragraph on the grid.
	linePitch = textHeight / linesPerPage

	// charPitch is one character's share of the line: 8845/28 = 315.9
	// twips (15.79 pt), a little narrower than 3号 type (16 pt).
	charPitch = textWidth / charsPerLine

	// tracking is the letter spacing of the body (w:spacing/@w:val in
	// twentieths of a point): −0.25 pt makes each character 15.75 pt wide,
	// so 28 fill the line (441 pt of 442.2) and a 29th never fits (456.75).
	// A character grid (w:docGrid type linesAndChars with a negative
	// w:charSpace) would say the same to Word, but LibreOffice gives a 16 pt
	// character two cells of a grid narrower than 16 pt and sets 14 a line;
	// letter spacing lays out alike in Word, WPS and LibreOffice.
	tracking = -5
)

// Font sizes in half-points (w:sz): 2号 22 pt, 3号 16 pt, 4号 14 pt.
const (
	sizeErHao  = 44
	sizeSanHao = 32
	sizeSiHao  = 28
)

// twipsToMM converts twips to millimetres.
func twipsToMM(tw int) float64 { return float64(tw) * 25.4 / 1440 }
