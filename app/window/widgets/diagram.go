package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/drafts"
	"qicao/drafts/redline"
)

// Diagram draws the alignment of a comparison: the old version's clauses
// and sections down the left, the new version's down the right, a line
// for each pair coloured by its kind. Tapping a row or a line selects its
// pair.
type Diagram struct {
	widget.BaseWidget

	// OnSelected is called with the index of the pair tapped.
	OnSelected func(pair int)

	pairs    []drafts.Pair
	left     []diagramRow // old nodes in the old order
	right    []diagramRow // new nodes in the new order
	rowOf    map[*drafts.Node]int
	selected int
}

// diagramRow is a node on one side and the first pair it belongs to.
type diagramRow struct {
	node *drafts.Node
	side *drafts.Side
	pair int
}

// DiagramRowHeight is the height of a row of the diagram.
const DiagramRowHeight = 18

// NewDiagram makes an empty diagram.
func NewDiagram() *Diagram {
	d := &Diagram{selected: -1}
	d.ExtendBaseWidget(d)
	return d
}

// SetPairs shows the pairs of a comparison.
func (d *Diagram) SetPairs(pairs []drafts.Pair) {
	d.pairs, d.left, d.right, d.selected = pairs, nil, nil, -1
	olds, news := redline.Rows(pairs)
	for _, r := range olds {
		d.left = append(d.left, diagramRow{r.Side.Node, r.Side, r.Pair})
	}
	for _, r := range news {
		d.right = append(d.right, diagramRow{r.Side.Node, r.Side, r.Pair})
	}
	d.rowOf = map[*drafts.Node]int{} // the two versions' nodes are distinct
	for k, r := range d.left {
		d.rowOf[r.node] = k
	}
	for k, r := range d.right {
		d.rowOf[r.node] = k
	}
	d.Refresh()
}

// Select marks pair i as selected.
func (d *Diagram) Select(i int) {
	if d.selected != i {
		d.selected = i
		d.Refresh()
	}
}

// RowY returns the top of the row of pair i's new side (else its old
// side), for scrolling it into view.
func (d *Diagram) RowY(i int) float32 {
	p := d.pairs[i]
	side := p.New
	if side == nil {
		side = p.Old
	}
	return float32(d.rowOf[side.Node] * DiagramRowHeight)
}

// MinSize is as tall as the longer column.
func (d *Diagram) MinSize() fyne.Size {
	return fyne.NewSize(200, float32(max(len(d.left), len(d.right))*DiagramRowHeight+4))
}

// geometry returns the columns' width and the gap's x range.
func (d *Diagram) geometry() (colW, gapX1, gapX2 float32) {
	w := d.Size().Width
	gap := min(80, w*0.2)
	colW = (w - gap) / 2
	return colW, colW, colW + gap
}

// Tapped selects the pair of the row or line nearest the tap.
func (d *Diagram) Tapped(e *fyne.PointEvent) {
	if i := d.pairAt(e.Position); i >= 0 && d.OnSelected != nil {
		d.OnSelected(i)
	}
}

// pairAt returns the pair at position p, or -1.
func (d *Diagram) pairAt(p fyne.Position) int {
	_, x1, x2 := d.geometry()
	row := int(p.Y) / DiagramRowHeight
	switch {
	case p.X < x1:
		if row < len(d.left) {
			return d.left[row].pair
		}
	case p.X > x2:
		if row < len(d.right) {
			return d.right[row].pair
		}
	default: // in the gap: the line passing nearest at this x
		best, bestD := -1, float32(DiagramRowHeight)
		t := (p.X - x1) / (x2 - x1)
		for i := range d.pairs {
			y1, y2, ok := d.lineYs(i)
			if !ok {
				continue
			}
			dy := y1 + t*(y2-y1) - p.Y
			if dy < 0 {
				dy = -dy
			}
			if dy < bestD {
				best, bestD = i, dy
			}
		}
		return best
	}
	return -1
}

// lineYs returns the y of both ends of pair i's line.
func (d *Diagram) lineYs(i int) (y1, y2 float32, ok bool) {
	p := d.pairs[i]
	if p.Old == nil || p.New == nil {
		return 0, 0, false
	}
	l, okL := d.rowOf[p.Old.Node]
	r, okR := d.rowOf[p.New.Node]
	if !okL || !okR {
		return 0, 0, false
	}
	return float32(l*DiagramRowHeight) + DiagramRowHeight/2, float32(r*DiagramRowHeight) + DiagramRowHeight/2, true
}

// CreateRenderer is part of fyne.Widget.
func (d *Diagram) CreateRenderer() fyne.WidgetRenderer {
	return &diagramRenderer{d: d}
}

type diagramRenderer struct {
	d       *Diagram
	objects []fyne.CanvasObject
}

func (r *diagramRenderer) Destroy()                     {}
func (r *diagramRenderer) MinSize() fyne.Size           { return r.d.MinSize() }
func (r *diagramRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *diagramRenderer) Refresh()                     { r.Layout(r.d.Size()); canvas.Refresh(r.d) }

// Layout rebuilds the drawing: it is a few hundred objects at most.
func (r *diagramRenderer) Layout(size fyne.Size) {
	d := r.d
	colW, x1, x2 := d.geometry()
	r.objects = r.objects[:0]
	var sel []fyne.CanvasObject
	for i, p := range d.pairs {
		y1, y2, ok := d.lineYs(i)
		if !ok {
			continue
		}
		l := canvas.NewLine(redline.Color(p.Kind))
		l.Position1, l.Position2 = fyne.NewPos(x1, y1), fyne.NewPos(x2, y2)
		l.StrokeWidth = 1.2
		if i == d.selected {
			l.StrokeWidth = 3.5
			sel = append(sel, l)
			continue
		}
		if p.Kind == drafts.PairUnchanged {
			l.StrokeColor = withAlpha(redline.Color(p.Kind), 0x90)
		}
		r.objects = append(r.objects, l)
	}
	r.objects = append(r.objects, sel...) // the selected line on top
	r.column(d.left, 0, colW, true)
	r.column(d.right, x2, colW, false)
}

// column draws one side's rows: a box in the colour of the row's pair
// kind, the label and heading cut to fit.
func (r *diagramRenderer) column(rows []diagramRow, x, w float32, old bool) {
	d := r.d
	size := theme.TextSize() * 0.8
	for k, row := range rows {
		y := float32(k * DiagramRowHeight)
		kind := d.pairs[row.pair].Kind
		if !old && d.pairs[row.pair].Kind == drafts.PairDeleted || old && kind == drafts.PairAdded {
			kind = drafts.PairUnchanged
		}
		selected := d.selected >= 0 && (old && d.pairs[d.selected].Old != nil && d.pairs[d.selected].Old.Node == row.node ||
			!old && d.pairs[d.selected].New != nil && d.pairs[d.selected].New.Node == row.node)
		bg := canvas.NewRectangle(withAlpha(redline.Color(kind), 0x28))
		if selected {
			bg.FillColor = theme.Color(theme.ColorNameSelection)
			bg.StrokeColor, bg.StrokeWidth = redline.Color(kind), 1.5
		}
		bg.Move(fyne.NewPos(x, y+1))
		bg.Resize(fyne.NewSize(w, DiagramRowHeight-2))
		mark := canvas.NewRectangle(redline.Color(kind))
		mx := x
		if old {
			mx = x + w - 4
		}
		mark.Move(fyne.NewPos(mx, y+1))
		mark.Resize(fyne.NewSize(4, DiagramRowHeight-2))
		name := row.side.Name()
		if row.side.Node != nil && row.side.Node.Children != nil && row.side.Heading == "" {
			name = row.side.Label
		}
		style := fyne.TextStyle{Bold: d.pairs[row.pair].Section}
		t := canvas.NewText(fitText(name, w-10, size, style), theme.Color(theme.ColorNameForeground))
		t.TextSize, t.TextStyle = size, style
		t.Move(fyne.NewPos(x+5, y+(DiagramRowHeight-t.MinSize().Height)/2))
		r.objects = append(r.objects, bg, mark, t)
	}
}

// fitText cuts s with … so that it fits width w.
func fitText(s string, w, size float32, style fyne.TextStyle) string {
	if fyne.MeasureText(s, size, style).Width <= w {
		return s
	}
	rs := []rune(s)
	lo, hi := 0, len(rs)
	for lo < hi { // longest prefix that fits with the ellipsis
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(rs[:mid])+"…", size, style).Width <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(rs[:lo]) + "…"
}

func withAlpha(c color.NRGBA, a uint8) color.NRGBA {
	c.A = a
	return c
}
