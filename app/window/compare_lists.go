package window

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/app/window/comparemodel"
	"qicao/app/window/widgets"
	"qicao/drafts"
	"qicao/drafts/redline"
)

// pairList is a virtualised list of the pairs of a comparison, each row a
// header (kind, old and new names) over its text: the tracked changes, or
// with sideBySide the old text (deletions marked) beside the new
// (insertions marked), which makes the 对照表. Rows are as tall as their
// text wrapped at the list's width.
type pairList struct {
	widget.BaseWidget
	cv         *CompareView
	sideBySide bool
	list       *widgets.KeyList

	pairs     []drafts.Pair
	runs      [][2][]widgets.TextRun // per pair: the tracked runs in [0], or the old and new runs
	width     float32                // the width the heights were computed for
	selecting bool
	current   int       // the selected pair, -1 for none
	tops      []float32 // where each row begins in the list
}

func newPairList(cv *CompareView, sideBySide bool) *pairList {
	pl := &pairList{cv: cv, sideBySide: sideBySide, current: -1}
	pl.ExtendBaseWidget(pl)
	pl.list = widgets.NewKeyList(func() int { return len(pl.pairs) }, pl.createRow, pl.updateRow, cv.typedKey)
	pl.list.OnSelected = func(i widget.ListItemID) {
		if !pl.selecting {
			cv.Select(i)
		}
	}
	return pl
}

// CreateRenderer is part of fyne.Widget.
func (pl *pairList) CreateRenderer() fyne.WidgetRenderer {
	return &pairListRenderer{pl}
}

type pairListRenderer struct{ pl *pairList }

func (r *pairListRenderer) Destroy()                     {}
func (r *pairListRenderer) MinSize() fyne.Size           { return r.pl.list.MinSize() }
func (r *pairListRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.pl.list} }
func (r *pairListRenderer) Refresh()                     { r.pl.list.Refresh() }

// Layout gives the list the whole size and recomputes the row heights
// when the width changed.
func (r *pairListRenderer) Layout(size fyne.Size) {
	pl := r.pl
	pl.list.Resize(size)
	if size.Width != pl.width {
		pl.width = size.Width
		pl.setHeights()
		if pl.current >= 0 && pl.current < len(pl.pairs) {
			pl.scrollTo(pl.current) // a list first shown now shows the current pair
		}
	}
}

// setPairs shows the pairs, styled for the punctuation toggle.
func (pl *pairList) setPairs(pairs []drafts.Pair, showForm bool) {
	pl.pairs = pairs
	pl.runs = make([][2][]widgets.TextRun, len(pairs))
	for i, p := range pairs {
		if pl.sideBySide {
			pl.runs[i] = [2][]widgets.TextRun{pairRuns(p.Ops, -1, showForm), pairRuns(p.Ops, 1, showForm)}
		} else {
			pl.runs[i][0] = pairRuns(p.Ops, 0, showForm)
		}
	}
	pl.list.UnselectAll()
	pl.current = -1
	pl.setHeights()
	if pl.width > 0 { // the list's scroller exists once it was laid out
		pl.list.ScrollToTop()
	}
	pl.list.Refresh()
}

// selectPair selects row i and scrolls it into view, without calling back.
func (pl *pairList) selectPair(i int) {
	pl.current = i
	pl.selecting = true
	pl.list.Select(i)
	pl.scrollTo(i)
	pl.selecting = false
}

// scrollTo brings row i to the top of the list (or as near as the end
// allows), so that its text shows below it.
func (pl *pairList) scrollTo(i int) {
	if i < 0 || i >= len(pl.tops) || pl.width <= 0 {
		pl.list.ScrollTo(i)
		return
	}
	pl.list.ScrollToOffset(max(0, pl.tops[i]-theme.Padding()))
}

// textWidths are the widths of the text columns of a row.
func (pl *pairList) textWidths() (w float32, cols int) {
	cols = 1
	if pl.sideBySide {
		cols = 2
	}
	return textColumnWidth(pl.width, cols), cols
}

// tableHead is the 对照表's column heads, over the columns of its rows:
// 修改说明 over each row's header line (the kind of change and the
// clauses), 修改前 and 修改后 over the old and the new text.
func tableHead() fyne.CanvasObject {
	head := func(key string) *canvas.Text {
		t := canvas.NewText(lang.L(key), theme.Color(theme.ColorNameForeground))
		t.TextStyle.Bold = true
		return t
	}
	return container.New(tableHeadLayout{}, head("Change note"), head("Before"), head("After"))
}

// tableHeadLayout puts the note's head on a line of its own and the two
// column heads below it, where pairRowRenderer puts the texts.
type tableHeadLayout struct{}

func (tableHeadLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	p, lineH := theme.Padding(), widgets.LineHeight()
	w := textColumnWidth(size.Width, 2)
	for i, pos := range []fyne.Position{{X: p, Y: p / 2}, {X: p, Y: p/2 + lineH}, {X: 3*p + w + p, Y: p/2 + lineH}} {
		objs[i].Move(pos)
		objs[i].Resize(fyne.NewSize(w, lineH))
	}
}

func (tableHeadLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(100, 2*widgets.LineHeight()+theme.Padding())
}

// textColumnWidth is the width of each of the cols (1 or 2) text columns
// of a row width wide: the row heights are measured at it and the rows
// laid out with it.
func textColumnWidth(width float32, cols int) float32 {
	p := theme.Padding()
	if cols == 2 {
		return (width - 5*p) / 2 // padding at both ends, and 3 around the divider
	}
	return width - 2*p
}

// rowHeight is the height of row i at the current width.
func (pl *pairList) rowHeight(i int) float32 {
	w, cols := pl.textWidths()
	h := float32(0)
	for c := 0; c < cols; c++ {
		h = max(h, widgets.TextHeight(pl.runs[i][c], w))
	}
	return theme.Padding()*2 + widgets.LineHeight() + h
}

// setHeights sets every row's height. The list refreshes its visible rows
// on each change, so it is kept empty meanwhile.
func (pl *pairList) setHeights() {
	if pl.width <= 0 {
		return
	}
	pairs := pl.pairs
	pl.pairs = nil
	pl.tops = make([]float32, len(pairs))
	y := float32(0)
	for i := range pairs {
		h := pl.rowHeight(i)
		pl.list.SetItemHeight(i, h)
		pl.tops[i] = y
		y += h + theme.Padding() // the list's separator
	}
	pl.pairs = pairs
	pl.list.Refresh()
}

// pairRow is a row of a pairList: header over one or two texts.
type pairRow struct {
	widget.BaseWidget
	header  *canvas.Text
	bar     *canvas.Rectangle
	texts   [2]*widgets.Redline
	divider *canvas.Rectangle
	cols    int
}

func (pl *pairList) createRow() fyne.CanvasObject {
	r := &pairRow{header: canvas.NewText("", theme.Color(theme.ColorNameForeground)), bar: canvas.NewRectangle(nil),
		divider: canvas.NewRectangle(theme.Color(theme.ColorNameSeparator)), cols: 1}
	r.header.TextStyle.Bold = true
	if pl.sideBySide {
		r.cols = 2
	}
	for c := 0; c < r.cols; c++ {
		r.texts[c] = widgets.NewRedline(nil)
	}
	r.ExtendBaseWidget(r)
	return r
}

func (pl *pairList) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	r := o.(*pairRow)
	if i >= len(pl.pairs) {
		return
	}
	p := pl.pairs[i]
	r.header.Text = pairHeader(p)
	r.header.Color = redline.Color(p.Kind)
	if p.Kind == drafts.PairUnchanged {
		r.header.Color = theme.Color(theme.ColorNameForeground)
	}
	r.bar.FillColor = redline.Color(p.Kind)
	for c := 0; c < r.cols; c++ {
		r.texts[c].OnTapped = func() { pl.cv.Select(i) }
		r.texts[c].SetRuns(pl.runs[i][c])
	}
	r.Refresh()
}

// pairHeader names a pair: 【修改】10.强化数字化赋能 → 9.推动数字赋能产业升级.
func pairHeader(p drafts.Pair) string {
	o, n := p.Old.Name(), p.New.Name()
	var names string
	switch {
	case p.Old == nil:
		names = n
	case p.New == nil:
		names = o
	case o == n:
		names = n
	default:
		names = o + " → " + n
	}
	h := "【" + kindName(p.Kind) + "】" + names
	if redline.Similarity(p) != "" {
		h += "  " + similarityWords(p.Similarity)
	}
	return h
}

// CreateRenderer is part of fyne.Widget.
func (r *pairRow) CreateRenderer() fyne.WidgetRenderer {
	objs := []fyne.CanvasObject{r.bar, r.header, r.divider}
	for c := 0; c < r.cols; c++ {
		objs = append(objs, r.texts[c])
	}
	return &pairRowRenderer{r, objs}
}

type pairRowRenderer struct {
	r    *pairRow
	objs []fyne.CanvasObject
}

func (rr *pairRowRenderer) Destroy()                     {}
func (rr *pairRowRenderer) Objects() []fyne.CanvasObject { return rr.objs }
func (rr *pairRowRenderer) MinSize() fyne.Size {
	return fyne.NewSize(100, widgets.LineHeight()+2*theme.Padding())
}
func (rr *pairRowRenderer) Refresh() {
	rr.Layout(rr.r.Size())
	canvas.Refresh(rr.r.header)
	canvas.Refresh(rr.r.bar)
}

// Layout puts the header on top, a bar in the kind's colour at the left
// and the texts below, side by side when there are two.
func (rr *pairRowRenderer) Layout(size fyne.Size) {
	r, p, lineH := rr.r, theme.Padding(), widgets.LineHeight()
	r.bar.Move(fyne.NewPos(0, 0))
	r.bar.Resize(fyne.NewSize(3, size.Height))
	r.header.TextSize = theme.TextSize() * 0.9
	r.header.Move(fyne.NewPos(p, p/2))
	r.header.Resize(fyne.NewSize(size.Width-2*p, lineH))
	top := p/2 + lineH + p/2
	w := textColumnWidth(size.Width, r.cols)
	if r.cols == 1 {
		r.texts[0].Move(fyne.NewPos(p, top))
		r.texts[0].Resize(fyne.NewSize(w, size.Height-top))
		r.divider.Hide()
		return
	}
	r.texts[0].Move(fyne.NewPos(p, top))
	r.texts[0].Resize(fyne.NewSize(w, size.Height-top))
	r.divider.Show()
	r.divider.Move(fyne.NewPos(p+w+p, top))
	r.divider.Resize(fyne.NewSize(1, size.Height-top-p/2))
	r.texts[1].Move(fyne.NewPos(3*p+w+p, top))
	r.texts[1].Resize(fyne.NewSize(w, size.Height-top))
}

// pairRuns turns ops into runs through redline.Runs: side 0 both
// (deletions and insertions), -1 the old text with its deletions, +1 the
// new text with its insertions. Changes of form show their old or new
// form, marked (and spaces made visible) only when showForm.
func pairRuns(ops []drafts.Op, side int, showForm bool) []widgets.TextRun {
	var runs []widgets.TextRun
	for _, r := range redline.Runs(ops, redline.Side(side), showForm) {
		text, st := r.Text, widgets.RunStyle(r.Mark)
		if r.Mark == redline.Form {
			text = redline.Visible(text, '□') // the embedded font has no ␣
		}
		if text == "" {
			continue
		}
		if n := len(runs); n > 0 && runs[n-1].Style == st {
			runs[n-1].Text += text
			continue
		}
		runs = append(runs, widgets.TextRun{Text: text, Style: st})
	}
	return runs
}

// newFigureList lists the changed figures: subject, old → new, clause.
// Tapping one selects its clause's pair.
func (cv *CompareView) newFigureList() *widgets.KeyList {
	l := widgets.NewKeyList(
		func() int {
			if cv.c == nil {
				return 0
			}
			return len(cv.c.Figures)
		},
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(comparemodel.FigureLine(cv.c.Figures[i]))
		}, cv.typedKey)
	l.OnSelected = func(i widget.ListItemID) {
		if p := comparemodel.FigurePair(cv.c, cv.c.Figures[i]); p >= 0 {
			cv.Select(p)
		}
	}
	return l
}
