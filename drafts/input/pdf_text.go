package input

import (
	"errors"
	"math"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// The text of a page is read by interpreting its content stream with the
// library's Interpret and fonts: each shown string is a run with its
// position, its advance computed from the font's widths (Widths for
// simple fonts, W and DW of the descendant for composite ones).

// maxPDFRuns caps the text runs of the whole file.
const maxPDFRuns = 4 << 20

// errTooManyRuns stops the interpreter past maxPDFRuns.
var errTooManyRuns = errors.New("pdf: too many text runs")

// textRun is one shown string: its text, start and end on the baseline,
// and its font size, in page space.
type textRun struct {
	s      string
	x0, x1 float64
	y      float64
	size   float64
}

// mat is an affine matrix [a b c d e f].
type mat [6]float64

var identity = mat{1, 0, 0, 1, 0, 0}

// mul returns m × n.
func (m mat) mul(n mat) mat {
	return mat{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// textState is the graphics and text state the interpreter tracks.
type textState struct {
	ctm, tm, tlm               mat
	font                       *pdfFont
	size, tc, tw, th, tl, rise float64
}

// pdfFont is a font of the page with its decoder and widths.
type pdfFont struct {
	enc       pdf.TextEncoding
	font      pdf.Font
	composite bool
	widths    map[int]float64 // composite fonts: CID → width
	dw        float64         // composite fonts: default width
}

// pageRuns interprets a page's content and returns its text runs; n
// counts the runs of the file so far, against maxPDFRuns.
func pageRuns(p pdf.Page, n *int) []textRun {
	fonts := map[string]*pdfFont{}
	g := textState{ctm: identity, tm: identity, tlm: identity, th: 1}
	var stack []textState
	var runs []textRun
	show := func(raw string) {
		if g.font == nil {
			return
		}
		if *n++; *n > maxPDFRuns {
			panic(errTooManyRuns)
		}
		runs = append(runs, g.run(raw))
	}
	pdf.Interpret(p.V.Key("Contents"), func(stk *pdf.Stack, op string) {
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < 1000 {
				stack = append(stack, g)
			}
		case "Q":
			if k := len(stack) - 1; k >= 0 {
				g, stack = stack[k], stack[:k]
			}
		case "cm":
			g.ctm = mat{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(g.ctm)
		case "BT":
			g.tm, g.tlm = identity, identity
		case "Tf":
			if len(args) == 2 {
				g.font = fontOf(p, fonts, args[0].Name())
				g.size = num(1)
			}
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.rise = num(0)
		case "Td":
			g.moveLine(num(0), num(1))
		case "TD":
			g.tl = -num(1)
			g.moveLine(num(0), num(1))
		case "Tm":
			g.tm = mat{num(0), num(1), num(2), num(3), num(4), num(5)}
			g.tlm = g.tm
		case "T*":
			g.moveLine(0, -g.tl)
		case "Tj":
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "'", "\"":
			if op == "\"" && len(args) == 3 {
				g.tw, g.tc, args = num(0), num(1), args[2:]
			}
			g.moveLine(0, -g.tl)
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "TJ":
			if len(args) == 1 {
				g.showArray(args[0], show)
			}
		}
	})
	return runs
}

// moveLine starts a new line offset by (tx, ty) from the current one.
func (g *textState) moveLine(tx, ty float64) {
	g.tlm = mat{1, 0, 0, 1, tx, ty}.mul(g.tlm)
	g.tm = g.tlm
}

// showArray shows the strings of a TJ array, moving by its numbers.
func (g *textState) showArray(a pdf.Value, show func(string)) {
	for i := 0; i < a.Len(); i++ {
		v := a.Index(i)
		if v.Kind() == pdf.String {
			show(v.RawString())
		} else {
			g.advance(-v.Float64() / 1000 * g.size * g.th)
		}
	}
}

// advance moves the text matrix by tx along the baseline.
func (g *textState) advance(tx float64) { g.tm = mat{1, 0, 0, 1, tx, 0}.mul(g.tm) }

// run decodes a shown string, advances past it and returns it as a run.
func (g *textState) run(raw string) textRun {
	start := mat{1, 0, 0, 1, 0, g.rise}.mul(g.tm).mul(g.ctm)
	text := g.font.enc.Decode(raw)
	g.advance(g.font.advance(raw, text, g.size, g.tc, g.tw) * g.th)
	end := mat{1, 0, 0, 1, 0, g.rise}.mul(g.tm).mul(g.ctm)
	scale := math.Hypot(start[2], start[3]) // the vertical scale of the text space
	return textRun{s: text, x0: start[4], x1: end[4], y: start[5], size: math.Abs(g.size * scale)}
}

// advance is the width of a shown string in text space: the font's widths
// of its codes, with character and word spacing; estimated from the text
// (an em for a Chinese character, half for others) when the font gives none.
func (f *pdfFont) advance(raw, text string, size, tc, tw float64) float64 {
	total, known := 0.0, false
	step := 1
	if f.composite {
		step = 2
	}
	for i := 0; i+step <= len(raw); i += step {
		w := 0.0
		if f.composite {
			cid := int(raw[i])<<8 | int(raw[i+1])
			w = f.dw
			if cw, ok := f.widths[cid]; ok {
				w = cw
			}
		} else {
			w = f.font.Width(int(raw[i]))
			if raw[i] == ' ' {
				total += tw
			}
		}
		known = known || w > 0
		total += w/1000*size + tc
	}
	if known {
		return total
	}
	for _, r := range text {
		em := 0.5
		if r >= 0x2E80 {
			em = 1
		}
		total += em*size + tc
	}
	return total
}

// fontOf returns the page's font named name, loading it once.
func fontOf(p pdf.Page, fonts map[string]*pdfFont, name string) *pdfFont {
	if f, ok := fonts[name]; ok {
		return f
	}
	font := p.Font(name)
	f := &pdfFont{font: font, enc: font.Encoder()}
	if f.enc == nil {
		f.enc = rawEncoding{}
	}
	if font.V.Key("Subtype").Name() == "Type0" {
		f.composite = true
		f.widths, f.dw = cidWidths(font.V.Key("DescendantFonts").Index(0))
	}
	fonts[name] = f
	return f
}

// rawEncoding passes codes through, for fonts without any mapping.
type rawEncoding struct{}

// Decode returns raw unchanged.
func (rawEncoding) Decode(raw string) string {
	if utf8.ValidString(raw) {
		return raw
	}
	return ""
}

// maxCIDWidths caps the entries read from a W array.
const maxCIDWidths = 1 << 16

// cidWidths reads a CID font's W array ([c [w…]] and [c1 c2 w] forms) and
// its DW (1000 when absent).
func cidWidths(cid pdf.Value) (map[int]float64, float64) {
	dw := 1000.0
	if v := cid.Key("DW"); v.Kind() == pdf.Integer || v.Kind() == pdf.Real {
		dw = v.Float64()
	}
	widths := map[int]float64{}
	w := cid.Key("W")
	for i := 0; i+1 < w.Len() && len(widths) < maxCIDWidths; {
		first := int(w.Index(i).Int64())
		if next := w.Index(i + 1); next.Kind() == pdf.Array {
			for j := 0; j < next.Len() && len(widths) < maxCIDWidths; j++ {
				widths[first+j] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= w.Len() {
			break
		}
		last, width := int(w.Index(i+1).Int64()), w.Index(i+2).Float64()
		for c := first; c <= last && c-first < maxCIDWidths && len(widths) < maxCIDWidths; c++ {
			widths[c] = width
		}
		i += 3
	}
	return widths, dw
}
