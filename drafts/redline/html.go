package redline

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

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
	Kind  drafts.PairKind
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
	counts := map[drafts.PairKind]int{}
	for i, p := range c.Pairs {
		if !p.Section {
			counts[p.Kind]++
		}
		r.Pairs = append(r.Pairs, pairView{Pair: p, Name: Name(p.Kind), Color: Hex(p.Kind),
			Anchor: fmt.Sprintf("p%d", i), Tracked: trackedHTML(p.Ops, strict, BothSide), OldHTML: trackedHTML(p.Ops, strict, OldSide),
			NewHTML: trackedHTML(p.Ops, strict, NewSide), OldName: p.Old.Name(), NewName: p.New.Name()})
	}
	for _, k := range Kinds {
		r.Kinds = append(r.Kinds, kindView{k, Name(k), Hex(k), counts[k]})
	}
	r.Diagram = newDiagram(r.Pairs)
	return r
}

// trackedHTML renders ops as tracked changes for a side: both
// (deletions struck through, insertions underlined), the old text with
// its deletions marked or the new text with its insertions marked.
func trackedHTML(ops []drafts.Op, strict bool, side Side) template.HTML {
	var b strings.Builder
	esc := template.HTMLEscapeString
	for _, r := range Runs(ops, side, strict) {
		switch r.Mark {
		case Same:
			b.WriteString(esc(r.Text))
		case Deleted:
			b.WriteString("<del>" + esc(r.Text) + "</del>")
		case Inserted:
			b.WriteString("<ins>" + esc(r.Text) + "</ins>")
		case Form:
			fmt.Fprintf(&b, `<span class="form" title="%s → %s">%s</span>`, esc(Visible(r.Old, '␣')), esc(Visible(r.New, '␣')), esc(Visible(r.Text, '␣')))
		}
	}
	return template.HTML(strings.ReplaceAll(b.String(), "\n", "<br>"))
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
	ps := make([]drafts.Pair, len(pairs))
	for i, p := range pairs {
		ps[i] = p.Pair
	}
	// A node's box takes the colour of its first pair (merged and split
	// nodes have several).
	olds, news := Rows(ps)
	for i, r := range olds {
		p, y := pairs[r.Pair], 30+i*rowH
		oldY[r.Side.Node] = y
		d.Old = append(d.Old, diagramNode{X: 10, Y: y, W: boxW, Label: shortName(r.Side), Title: r.Side.Name(),
			Color: p.Color, Section: p.Section, Anchor: p.Anchor, TextX: 16})
	}
	for i, r := range news {
		p, y := pairs[r.Pair], 30+i*rowH
		newY[r.Side.Node] = y
		d.New = append(d.New, diagramNode{X: diagramW - boxW - 10, Y: y, W: boxW, Label: shortName(r.Side), Title: r.Side.Name(),
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

// shortName is a label and heading cut to fit a diagram box.
func shortName(s *drafts.Side) string {
	name := []rune(s.Name())
	if len(name) > 24 {
		return string(name[:23]) + "…"
	}
	return string(name)
}
