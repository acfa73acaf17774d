package redline

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"qicao/drafts"
)

//go:embed compare.html
var compareHTML string

var compareTmpl = template.Must(template.New("compare").Parse(compareHTML))

// report is what compare.html shows.
type report struct {
	OldName, NewName string
	Old, New         drafts.Meta
	Summary          drafts.Summary
	Strict           bool
	Generated        string
	Diagram          diagram
	Pairs            []pairView
	Figures          []drafts.Figure
	Kinds            []kindView
}

// kindView is a kind with its Chinese name, colour and count, for the
// summary and the diagram's legend.
type kindView struct {
	Kind  drafts.Kind
	Name  string
	Color string
	Count int
}

// pairView is a pair ready to show.
type pairView struct {
	drafts.Pair
	Name, Color               string
	Anchor                    string
	Tracked, OldHTML, NewHTML template.HTML
	OldName, NewName          string
}

var kindColors = map[drafts.Kind]string{
	drafts.PairUnchanged: "#9aa3ad", drafts.PairModified: "#1f6feb", drafts.PairMoved: "#8250df",
	drafts.PairMerged: "#d4760a", drafts.PairSplit: "#0a8f8f", drafts.PairAdded: "#1a7f37", drafts.PairDeleted: "#cf222e",
}

var kindOrder = []drafts.Kind{drafts.PairModified, drafts.PairMoved, drafts.PairMerged, drafts.PairSplit,
	drafts.PairAdded, drafts.PairDeleted, drafts.PairUnchanged}

// WriteHTML writes the report of `qicao compare --html` to w (the window's
// compare view exports the same): summary, alignment diagram, tracked
// changes, 对照表 and target changes in one self-contained page. With
// strict, changes of form are marked.
func WriteHTML(w io.Writer, oldName, newName string, c *drafts.Comparison, strict bool) error {
	if err := compareTmpl.Execute(w, newReport(oldName, newName, c, strict)); err != nil {
		return fmt.Errorf("生成 HTML 报告失败：%v", err)
	}
	return nil
}

func newReport(oldName, newName string, c *drafts.Comparison, strict bool) report {
	r := report{OldName: oldName, NewName: newName, Old: c.Old, New: c.New, Summary: c.Summary, Strict: strict,
		Generated: time.Now().Format("2006-01-02 15:04"), Figures: c.Figures}
	counts := map[drafts.Kind]int{}
	for i, p := range c.Pairs {
		if !p.Section {
			counts[p.Kind]++
		}
		r.Pairs = append(r.Pairs, pairView{Pair: p, Name: kindNames[p.Kind], Color: kindColors[p.Kind],
			Anchor: fmt.Sprintf("p%d", i), Tracked: trackedHTML(p.Ops, strict, 0), OldHTML: trackedHTML(p.Ops, strict, -1),
			NewHTML: trackedHTML(p.Ops, strict, +1), OldName: p.Old.Name(), NewName: p.New.Name()})
	}
	for _, k := range kindOrder {
		r.Kinds = append(r.Kinds, kindView{k, kindNames[k], kindColors[k], counts[k]})
	}
	r.Diagram = newDiagram(r.Pairs)
	return r
}

// trackedHTML renders ops as tracked changes: side 0 both (deletions
// struck through, insertions underlined), -1 the old text with its
// deletions marked, +1 the new text with its insertions marked.
func trackedHTML(ops []drafts.Op, strict bool, side int) template.HTML {
	var b strings.Builder
	esc := template.HTMLEscapeString
	for _, o := range ops {
		switch {
		case o.Kind == '=':
			b.WriteString(esc(o.Text))
		case o.Kind == '-' && side <= 0:
			b.WriteString("<del>" + esc(o.Text) + "</del>")
		case o.Kind == '+' && side >= 0:
			b.WriteString("<ins>" + esc(o.Text) + "</ins>")
		case o.Kind == '~':
			text := o.New
			if side < 0 {
				text = o.Text
			}
			if strict {
				fmt.Fprintf(&b, `<span class="form" title="%s → %s">%s</span>`, esc(visible(o.Text)), esc(visible(o.New)), esc(visible(text)))
			} else {
				b.WriteString(esc(text))
			}
		}
	}
	return template.HTML(strings.ReplaceAll(b.String(), "\n", "<br>"))
}

// visible shows whitespace so that a change of spacing can be seen.
func visible(s string) string {
	if strings.TrimSpace(s) == "" {
		return strings.Repeat("␣", max(1, utf8.RuneCountInString(s)))
	}
	return s
}

// diagram is the alignment drawn as SVG: old nodes down the left, new
// ones down the right, a line for each pair coloured by its kind.
type diagram struct {
	Width, Height int
	Old, New      []diagramNode
	Lines         []diagramLine
}

type diagramNode struct {
	X, Y, W   int
	Label     string
	Title     string
	Color     string
	Section   bool
	Anchor    string
	TextX     int
	Unmatched bool
}

type diagramLine struct {
	X1, Y1, X2, Y2 int
	C1, C2         int // control points' x
	Color          string
	Dashed         bool
	Title          string
}

const (
	rowH     = 20
	boxW     = 330
	diagramW = 1000
)

func newDiagram(pairs []pairView) diagram {
	d := diagram{Width: diagramW}
	oldY, newY := map[*drafts.Node]int{}, map[*drafts.Node]int{}
	// Old nodes are listed in their own reading order: pairs are in the
	// new order, so collect the old sides and sort by position in source.
	// A node's box takes the colour of its first pair, the one kept for it
	// here and in the loop over new nodes (merged and split nodes have
	// several).
	olds := oldInOrder(pairs)
	for i, p := range olds {
		y := 30 + i*rowH
		oldY[p.Old.Node] = y
		d.Old = append(d.Old, diagramNode{X: 10, Y: y, W: boxW, Label: shortName(p.Old), Title: p.Old.Name(),
			Color: p.Color, Section: p.Section, Anchor: p.Anchor, TextX: 16})
	}
	for _, p := range pairs {
		if p.New == nil {
			continue
		}
		if _, ok := newY[p.New.Node]; ok {
			continue
		}
		y := 30 + len(newY)*rowH
		newY[p.New.Node] = y
		d.New = append(d.New, diagramNode{X: diagramW - boxW - 10, Y: y, W: boxW, Label: shortName(p.New), Title: p.New.Name(),
			Color: p.Color, Section: p.Section, Anchor: p.Anchor, TextX: diagramW - boxW - 4})
	}
	x1, x2 := 10+boxW, diagramW-boxW-10
	for _, p := range pairs {
		if p.Old == nil || p.New == nil {
			continue
		}
		d.Lines = append(d.Lines, diagramLine{X1: x1, Y1: oldY[p.Old.Node] + rowH/2 - 2, X2: x2, Y2: newY[p.New.Node] + rowH/2 - 2,
			C1: x1 + 130, C2: x2 - 130, Color: p.Color, Dashed: p.Kind == drafts.PairUnchanged,
			Title: fmt.Sprintf("%s：%s → %s", p.Name, p.Old.Name(), p.New.Name())})
	}
	d.Height = 40 + max(len(d.Old), len(d.New))*rowH
	return d
}

// oldInOrder returns the pairs with an old side, one per old node, in the
// old document's order (by the node's position in its source).
func oldInOrder(pairs []pairView) []pairView {
	var out []pairView
	seen := map[*drafts.Node]bool{}
	for _, p := range pairs {
		if p.Old != nil && !seen[p.Old.Node] {
			seen[p.Old.Node] = true
			out = append(out, p)
		}
	}
	// Insertion sort by source position: the list is short and nearly sorted.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Old.Node.Span.Start < out[j-1].Old.Node.Span.Start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// shortName is a label and heading cut to fit a diagram box.
func shortName(s *drafts.Side) string {
	name := []rune(s.Name())
	if len(name) > 24 {
		return string(name[:23]) + "…"
	}
	return string(name)
}
