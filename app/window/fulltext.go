package window

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/drafts"
	"qicao/drafts/linebreak"
)

// fullText shows a whole document read-only, virtualised: the text is
// broken into screen lines (Chinese needs no word breaking) and only the
// visible lines are drawn, by a widget.List. A RichText or Entry of a
// whole 实施意见 takes seconds to lay out.
type fullText struct {
	widget.BaseWidget
	list   *widget.List
	text   string
	lines  []string
	starts []int // byte offset in text of each line
	width  float32
	anchor int // byte offset to keep at the top, -1 for none
	// hits are marked on a coloured ground, the current one stronger.
	hits    []drafts.Span
	current int
	all     bool // Ctrl+A: the whole text selected, for Ctrl+C
}

func newFullText() *fullText {
	f := &fullText{anchor: -1}
	f.list = widget.NewList(func() int { return len(f.lines) },
		func() fyne.CanvasObject {
			p := theme.Padding()
			line := container.New(runLayout{}, canvas.NewText("", theme.Color(theme.ColorNameForeground))) // one line high
			return container.New(layout.NewCustomPaddedLayout(p/2, p/2, 2*p, 2*p), line)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(f.lines) {
				f.drawLine(i, o.(*fyne.Container).Objects[0].(*fyne.Container))
			}
		})
	f.list.HideSeparators = true
	f.ExtendBaseWidget(f)
	return f
}

// drawLine fills row with line i: its text in runs, the hits in it on a
// marked ground.
func (f *fullText) drawLine(i int, row *fyne.Container) {
	line, start := f.lines[i], f.starts[i]
	fg := theme.Color(theme.ColorNameForeground)
	if f.all {
		row.Objects = []fyne.CanvasObject{container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNameSelection)), canvas.NewText(line, fg))}
		row.Refresh()
		return
	}
	var objs []fyne.CanvasObject
	at := 0
	for k, h := range f.hits {
		a, b := max(h.Start-start, 0), min(h.End-start, len(line))
		if b <= at || a >= len(line) {
			continue
		}
		if a > at {
			objs = append(objs, canvas.NewText(line[at:a], fg))
		}
		ground := theme.Color(theme.ColorNameSelection)
		if k == f.current {
			ground = theme.Color(theme.ColorNameFocus)
		}
		objs = append(objs, container.NewStack(canvas.NewRectangle(ground), canvas.NewText(line[max(a, at):b], fg)))
		at = b
	}
	if at < len(line) || len(objs) == 0 {
		objs = append(objs, canvas.NewText(line[at:], fg))
	}
	row.Objects = objs
	row.Refresh()
}

// SetHits marks hits, byte spans of the text, current the strongest.
func (f *fullText) SetHits(hits []drafts.Span, current int) {
	f.hits, f.current = hits, current
	f.list.Refresh()
}

// runLayout lays its objects out left to right at their natural width:
// the pieces of one line of text.
type runLayout struct{}

func (runLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for _, o := range objs {
		w := o.MinSize().Width
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

func (runLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width += m.Width
		s.Height = max(s.Height, m.Height)
	}
	return s
}

// SetText shows text, nothing selected.
func (f *fullText) SetText(text string) {
	f.text, f.anchor, f.all = text, -1, false
	f.rewrap()
}

// SelectAll selects the whole text (Ctrl+A) until the text is set again.
func (f *fullText) SelectAll() {
	if !f.all {
		f.all = true
		f.list.Refresh()
	}
}

// Selected returns the selected text: all of it after Ctrl+A, else "".
func (f *fullText) Selected() string {
	if f.all {
		return f.text
	}
	return ""
}

// ScrollToOffset scrolls the line holding byte offset off of the text to
// the top, and keeps it there when the lines are broken again.
func (f *fullText) ScrollToOffset(off int) {
	f.anchor = off
	f.scrollToAnchor()
}

func (f *fullText) scrollToAnchor() {
	i := sort.SearchInts(f.starts, f.anchor+1) - 1
	if f.anchor < 0 || i < 0 {
		return
	}
	p := theme.Padding()
	row := fyne.MeasureText("国", theme.TextSize(), fyne.TextStyle{}).Height + p
	f.list.ScrollToOffset(float32(i) * (row + p))
}

// Resize breaks the lines again for the new width.
func (f *fullText) Resize(size fyne.Size) {
	f.BaseWidget.Resize(size)
	if size.Width != f.width {
		f.width = size.Width
		f.rewrap()
	}
}

// CreateRenderer draws the list.
func (f *fullText) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(f.list)
}

func (f *fullText) rewrap() {
	f.lines, f.starts = wrapLines(f.text, f.perLine())
	f.list.Refresh()
	f.scrollToAnchor()
}

// perLine is how many wide (CJK) characters fit on a line.
func (f *fullText) perLine() int {
	w := fyne.MeasureText("国", theme.TextSize(), fyne.TextStyle{}).Width
	n := 40
	if w > 0 && f.width > 0 {
		n = int((f.width - 6*theme.Padding()) / w)
	}
	return max(n, 8)
}

// wrapLines breaks the text's paragraphs into lines of at most per
// characters, an ASCII character counting half, and returns them with the
// byte offset where each starts; an empty paragraph stays an empty line.
// Lines follow 避头尾 (GB/T 15834's line-breaking habit, as Word's): a
// mark that closes (，。、）》” …) hangs at the end of the line rather than
// begin the next, and one that opens (（《“ …) goes down with what follows.
// The marks a line may not begin with (避头点: a line that would begin
// with one keeps it at its end instead, overhanging), and those it may not
// end with (避尾点); the whole-document view and the redline both break so,
// and the clause pane (Fyne's entry) through linebreak.Break.
const (
	noLineStart = linebreak.NoLineStart
	noLineEnd   = linebreak.NoLineEnd
)

func wrapLines(text string, per int) (lines []string, starts []int) {
	off := 0
	for _, p := range strings.Split(text, "\n") {
		start, width := 0, 0
		var prev rune
		prevAt := 0
		for i, r := range p {
			w := 2
			if r < 0x80 {
				w = 1
			}
			if width+w > 2*per && !strings.ContainsRune(noLineStart, r) {
				brk := i
				if strings.ContainsRune(noLineEnd, prev) && prevAt > start {
					brk = prevAt // the opening mark begins the next line
				}
				lines, starts = append(lines, p[start:brk]), append(starts, off+start)
				width = 0
				if brk < i {
					width = 2
				}
				start = brk
			}
			width += w
			prev, prevAt = r, i
		}
		lines = append(lines, strings.TrimRight(p[start:], " \t\r"))
		starts = append(starts, off+start)
		off += len(p) + 1
	}
	return lines, starts
}
