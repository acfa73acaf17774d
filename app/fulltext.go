package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fullText shows a whole document read-only, virtualised: the text is
// broken into screen lines (Chinese needs no word breaking) and only the
// visible lines are drawn, by a widget.List. A RichText or Entry of a
// whole 实施意见 takes seconds to lay out.
type fullText struct {
	widget.BaseWidget
	list  *widget.List
	paras []string
	lines []string
	width float32
}

func newFullText() *fullText {
	f := &fullText{}
	f.list = widget.NewList(func() int { return len(f.lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(f.lines) {
				o.(*widget.Label).SetText(f.lines[i])
			}
		})
	f.list.HideSeparators = true
	f.ExtendBaseWidget(f)
	return f
}

// SetText shows text.
func (f *fullText) SetText(text string) {
	f.paras = strings.Split(text, "\n")
	f.rewrap()
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
	f.lines = wrapLines(f.paras, f.perLine())
	f.list.Refresh()
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

// wrapLines breaks paragraphs into lines of at most per characters, an
// ASCII character counting half; an empty paragraph stays an empty line.
func wrapLines(paras []string, per int) []string {
	var out []string
	for _, p := range paras {
		p = strings.TrimRight(p, " \t\r")
		if p == "" {
			out = append(out, "")
			continue
		}
		var line []rune
		width := 0
		for _, r := range p {
			w := 2
			if r < 0x80 {
				w = 1
			}
			if width+w > 2*per {
				out = append(out, string(line))
				line, width = line[:0:0], 0
			}
			line = append(line, r)
			width += w
		}
		out = append(out, string(line))
	}
	return out
}
