// Package widgets holds the window's own Fyne widgets, apart from its
// pages: Redline (runs of tracked-changes text, wrapped with 避头尾),
// Diagram (a comparison's alignment) and KeyList (a list passing typed keys
// on), and the runs a side panel's text is drawn in. They know no Shell
// and no store; the pages in app/window bind them to the session.
package widgets

import (
	"image/color"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/drafts/linebreak"
)

// RunStyle is how a run of tracked-changes text is drawn.
type RunStyle uint8

// The run styles.
const (
	RunNormal   RunStyle = iota // kept text
	RunDeleted                  // deleted: error colour, struck through
	RunInserted                 // inserted: success colour, underlined
	RunForm                     // a change of form only (punctuation width, spacing): warning colour, underlined
	RunMark                     // a shared or found stretch: primary colour, bold
	RunBold                     // a heading: bold
	RunMuted                    // a 文号, a line number: the placeholder colour
)

// TextRun is a stretch of text in one style.
type TextRun struct {
	Text  string
	Style RunStyle
}

// Redline shows runs of text with tracked-changes styles (or the marks of
// a side panel's detail), wrapped per character at its width (Chinese needs
// no word breaking) with 避头尾. RichText can
// neither strike through nor underline, and is slow with many segments;
// this widget draws canvas.Text runs and canvas.Line marks itself.
//
// Drag to select; Ctrl+C (or the context menu) copies the selection, or
// the whole text when nothing is selected.
type Redline struct {
	widget.BaseWidget

	// OnTapped, if set, is called when the text is tapped (the list rows
	// use it to select their pair).
	OnTapped func()

	text   []rune
	styles []RunStyle

	selA, selB int // selection as rune offsets, selA may be > selB
	dragging   bool
	width      float32 // width of the last wrap
	lines      []Line
}

// Line is a line: runes [Start, End) of the text.
type Line struct{ Start, End int }

// NewRedline makes a Redline showing runs.
func NewRedline(runs []TextRun) *Redline {
	r := &Redline{}
	r.ExtendBaseWidget(r)
	r.setRuns(runs)
	return r
}

// SetRuns replaces the text and clears the selection.
func (r *Redline) SetRuns(runs []TextRun) {
	r.setRuns(runs)
	r.Refresh()
}

func (r *Redline) setRuns(runs []TextRun) {
	r.text, r.styles = r.text[:0], r.styles[:0]
	for _, run := range runs {
		for _, c := range run.Text {
			r.text = append(r.text, c)
			r.styles = append(r.styles, run.Style)
		}
	}
	r.selA, r.selB, r.width, r.lines = 0, 0, -1, nil
}

// Resize wraps the text again at a new width and refreshes, so that a
// scroll or box around it takes its new height.
func (r *Redline) Resize(size fyne.Size) {
	wider := size.Width != r.Size().Width
	r.BaseWidget.Resize(size)
	if wider {
		r.Refresh()
	}
}

// Text returns the text shown, deletions included.
func (r *Redline) Text() string { return string(r.text) }

// SelectedText returns the selected text, "" if none.
func (r *Redline) SelectedText() string {
	a, b := r.selection()
	return string(r.text[a:b])
}

func (r *Redline) selection() (int, int) {
	a, b := min(r.selA, r.selB), max(r.selA, r.selB)
	return max(0, min(a, len(r.text))), max(0, min(b, len(r.text)))
}

// Select selects runes [a, b) of the text.
func (r *Redline) Select(a, b int) {
	r.selA, r.selB = a, b
	r.Refresh()
}

// Lines returns the number of lines at the last layout width.
func (r *Redline) Lines() int { return len(r.lines) }

// MinSize is one character wide and as tall as the text wrapped at the
// current width.
func (r *Redline) MinSize() fyne.Size {
	m := currentMetrics()
	w := r.Size().Width
	if w <= 0 {
		return fyne.NewSize(m.size, m.lineH)
	}
	return fyne.NewSize(m.size, m.height(r.wrap(m, w)))
}

// wrap breaks the text at width w, reusing the last result for the same w.
func (r *Redline) wrap(m *metrics, w float32) []Line {
	if w != r.width || r.lines == nil {
		r.lines, r.width = breakLines(r.text, w, func(i int) float32 { return r.advance(m, i) }), w
	}
	return r.lines
}

// Copy puts the selection, or the whole text, on the clipboard.
func (r *Redline) Copy() {
	text := r.SelectedText()
	if text == "" {
		text = r.Text()
	}
	fyne.CurrentApp().Clipboard().SetContent(text)
}

// Tapped focuses the widget (so Ctrl+C reaches it) and clears the selection.
func (r *Redline) Tapped(*fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(r); c != nil {
		c.Focus(r)
	}
	if r.selA != r.selB {
		r.Select(0, 0)
	}
	if r.OnTapped != nil {
		r.OnTapped()
	}
}

// TappedSecondary shows the context menu: copy the selection, copy all.
func (r *Redline) TappedSecondary(e *fyne.PointEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(r)
	if c == nil {
		return
	}
	menu := fyne.NewMenu("",
		fyne.NewMenuItem(lang.L("Copy"), r.Copy),
		fyne.NewMenuItem(lang.L("Copy all"), func() { fyne.CurrentApp().Clipboard().SetContent(r.Text()) }),
		fyne.NewMenuItem(lang.L("Select all"), func() { r.Select(0, len(r.text)) }),
	)
	widget.ShowPopUpMenuAtPosition(menu, c, e.AbsolutePosition)
}

// Dragged extends the selection from where the drag started.
func (r *Redline) Dragged(e *fyne.DragEvent) {
	at := r.offsetAt(e.Position)
	if !r.dragging {
		r.dragging = true
		r.selA = r.offsetAt(e.Position.Subtract(e.Dragged))
	}
	r.selB = at
	r.Refresh()
}

// DragEnd ends a selection drag.
func (r *Redline) DragEnd() { r.dragging = false }

// FocusGained is part of fyne.Focusable.
func (r *Redline) FocusGained() {}

// FocusLost is part of fyne.Focusable.
func (r *Redline) FocusLost() {}

// TypedRune is part of fyne.Focusable: the text is read-only.
func (r *Redline) TypedRune(rune) {}

// TypedKey is part of fyne.Focusable: the text is read-only, so keys go
// on to the window's handler (the compare view's F8).
func (r *Redline) TypedKey(e *fyne.KeyEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(r); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(e)
	}
}

// TypedShortcut copies on Ctrl+C and selects all on Ctrl+A; other
// shortcuts go on to the window.
func (r *Redline) TypedShortcut(s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutCopy:
		r.Copy()
	case *fyne.ShortcutSelectAll:
		r.Select(0, len(r.text))
	default:
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(r).(fyne.Shortcutable); ok {
			c.TypedShortcut(s)
		}
	}
}

// offsetAt is the rune offset nearest to position p.
func (r *Redline) offsetAt(p fyne.Position) int {
	m := currentMetrics()
	lines := r.wrap(m, r.Size().Width)
	if len(lines) == 0 {
		return 0
	}
	i := int((p.Y - m.pad) / m.lineH)
	if i < 0 {
		return 0
	}
	if i >= len(lines) {
		return len(r.text)
	}
	x := float32(0)
	for k := lines[i].Start; k < lines[i].End; k++ {
		w := r.advance(m, k)
		if p.X < x+w/2 {
			return k
		}
		x += w
	}
	return lines[i].End
}

// CreateRenderer is part of fyne.Widget.
func (r *Redline) CreateRenderer() fyne.WidgetRenderer {
	return &redlineRenderer{r: r}
}

type redlineRenderer struct {
	r       *Redline
	objects []fyne.CanvasObject
	texts   []*canvas.Text // pooled
	marks   []*canvas.Line
	rects   []*canvas.Rectangle
}

func (rr *redlineRenderer) Destroy()                     {}
func (rr *redlineRenderer) MinSize() fyne.Size           { return rr.r.MinSize() }
func (rr *redlineRenderer) Objects() []fyne.CanvasObject { return rr.objects }
func (rr *redlineRenderer) Refresh()                     { rr.Layout(rr.r.Size()) }

// Layout wraps the text at the widget's width and places one canvas.Text
// per stretch of a line in one style, a line for each strike or underline
// and a rectangle behind the selection.
func (rr *redlineRenderer) Layout(size fyne.Size) {
	r, m := rr.r, currentMetrics()
	lines := r.wrap(m, size.Width)
	selA, selB := r.selection()
	nt, nl, nr := 0, 0, 0
	rr.objects = rr.objects[:0]
	for li, ln := range lines {
		y := m.pad + float32(li)*m.lineH
		x := float32(0)
		for k := ln.Start; k < ln.End; {
			st, sel := r.styles[k], k >= selA && k < selB
			e, w := k, float32(0)
			for e < ln.End && r.styles[e] == st && (e >= selA && e < selB) == sel {
				w += r.advance(m, e)
				e++
			}
			if sel {
				rr.rects = growRects(rr.rects, nr)
				rr.rects[nr].FillColor = theme.Color(theme.ColorNameSelection)
				rr.rects[nr].Move(fyne.NewPos(x, y))
				rr.rects[nr].Resize(fyne.NewSize(w, m.lineH))
				rr.objects = append(rr.objects, rr.rects[nr])
				nr++
			}
			rr.texts = growTexts(rr.texts, nt)
			t := rr.texts[nt]
			t.Text, t.TextSize, t.Color, t.TextStyle = string(r.text[k:e]), m.size, styleColor(st), styleFont(st)
			t.Move(fyne.NewPos(x, y+m.textY))
			t.Resize(fyne.NewSize(w, m.textH))
			rr.objects = append(rr.objects, t)
			nt++
			if st == RunDeleted || st == RunInserted || st == RunForm {
				ly := y + m.textY + m.textH - 2 // underline
				if st == RunDeleted {
					ly = y + m.textY + m.textH*0.55
				}
				rr.marks = growLines(rr.marks, nl)
				l := rr.marks[nl]
				l.StrokeColor, l.StrokeWidth = t.Color, 1.2
				l.Position1, l.Position2 = fyne.NewPos(x, ly), fyne.NewPos(x+w, ly)
				rr.objects = append(rr.objects, l)
				nl++
			}
			x += w
			k = e
		}
	}
	for _, o := range rr.objects {
		canvas.Refresh(o)
	}
}

func growTexts(ts []*canvas.Text, n int) []*canvas.Text {
	if n < len(ts) {
		return ts
	}
	return append(ts, canvas.NewText("", nil))
}

func growLines(ls []*canvas.Line, n int) []*canvas.Line {
	if n < len(ls) {
		return ls
	}
	return append(ls, canvas.NewLine(nil))
}

func growRects(rs []*canvas.Rectangle, n int) []*canvas.Rectangle {
	if n < len(rs) {
		return rs
	}
	return append(rs, canvas.NewRectangle(nil))
}

// styleColor is the theme colour of a run style.
func styleColor(st RunStyle) color.Color {
	switch st {
	case RunDeleted:
		return theme.Color(theme.ColorNameError)
	case RunInserted:
		if !lightBackground() {
			return theme.Color(theme.ColorNameSuccess)
		}
		return insertedLight // the theme's success green is too pale on white
	case RunForm:
		return theme.Color(theme.ColorNameWarning)
	case RunMark:
		return theme.Color(theme.ColorNamePrimary)
	case RunMuted:
		return theme.Color(theme.ColorNamePlaceHolder)
	}
	return theme.Color(theme.ColorNameForeground)
}

// styleFont is the text style of a run style.
func styleFont(st RunStyle) fyne.TextStyle {
	return fyne.TextStyle{Bold: st == RunMark || st == RunBold}
}

// advance is the width of rune i of the text in its style.
func (r *Redline) advance(m *metrics, i int) float32 {
	return m.advanceIn(r.text[i], styleFont(r.styles[i]))
}

// insertedLight is the colour of insertions on a light background.
var insertedLight = color.NRGBA{0x1a, 0x7f, 0x37, 0xff}

// lightBackground reports whether the theme's background is light.
func lightBackground() bool {
	r, g, b, _ := theme.Color(theme.ColorNameBackground).RGBA()
	return r+g+b > 3*0x8000
}

// metrics are the text size, line height and character widths the
// redlines share, measured once per text size.
type metrics struct {
	size, lineH, textH, textY, pad float32

	mu    sync.Mutex
	width map[rune]float32
	bold  map[rune]float32
}

var (
	metricsMu sync.Mutex
	metricsBy = map[float32]*metrics{}
)

// currentMetrics returns the metrics of the theme's current text size.
func currentMetrics() *metrics {
	size := theme.TextSize()
	metricsMu.Lock()
	defer metricsMu.Unlock()
	m := metricsBy[size]
	if m == nil {
		h := fyne.MeasureText("国", size, fyne.TextStyle{}).Height
		m = &metrics{size: size, textH: h, lineH: h + size*0.35, textY: size * 0.175, pad: 2,
			width: map[rune]float32{}, bold: map[rune]float32{}}
		metricsBy[size] = m
	}
	return m
}

// advance is the width of character c.
func (m *metrics) advance(c rune) float32 { return m.advanceIn(c, fyne.TextStyle{}) }

// advanceIn is the width of character c in style s (regular or bold).
func (m *metrics) advanceIn(c rune, s fyne.TextStyle) float32 {
	m.mu.Lock()
	defer m.mu.Unlock()
	widths := m.width
	if s.Bold {
		widths = m.bold
	}
	w, ok := widths[c]
	if !ok {
		if c == '\n' {
			w = 0
		} else {
			w = fyne.MeasureText(string(c), m.size, s).Width
		}
		widths[c] = w
	}
	return w
}

// height is the height of text broken into lines.
func (m *metrics) height(lines []Line) float32 {
	return 2*m.pad + float32(max(1, len(lines)))*m.lineH
}

// HasStyle reports whether some of the text is drawn in style st.
func (r *Redline) HasStyle(st RunStyle) bool {
	for _, s := range r.styles {
		if s == st {
			return true
		}
	}
	return false
}

// LineHeight is the height of a line of a Redline at the theme's text
// size; rows of text around Redlines are laid out with it.
func LineHeight() float32 { return currentMetrics().lineH }

// Wrap returns the lines the Redline's text breaks into at width w.
func (r *Redline) Wrap(w float32) []Line { return r.wrap(currentMetrics(), w) }

// The marks that may not begin or end a line (避头尾).
var (
	noLineStart = linebreak.NoLineStart
	noLineEnd   = linebreak.NoLineEnd
)

// TextHeight is the height a Redline needs to show runs at width w.
func TextHeight(runs []TextRun, w float32) float32 {
	r := &Redline{}
	r.setRuns(runs)
	m := currentMetrics()
	return m.height(breakLines(r.text, w, func(i int) float32 { return r.advance(m, i) }))
}

// breakLines cuts text into lines no wider than width: at each '\n' (left
// out of the lines), and before a character that would overflow, unless
// the line is empty or the character must not begin a line; an opening
// mark at a line's end goes down to the next.
func breakLines(text []rune, width float32, advance func(i int) float32) []Line {
	var lines []Line
	start, x := 0, float32(0)
	for i, c := range text {
		if c == '\n' {
			lines = append(lines, Line{start, i})
			start, x = i+1, 0
			continue
		}
		w := advance(i)
		if x+w > width && i > start && !strings.ContainsRune(noLineStart, c) {
			brk := i
			if i-1 > start && strings.ContainsRune(noLineEnd, text[i-1]) {
				brk = i - 1 // an opening mark goes down with what it opens
			}
			lines = append(lines, Line{start, brk})
			start, x = brk, 0
			if brk < i {
				x = advance(brk)
			}
		}
		x += w
	}
	if start < len(text) || len(lines) == 0 || text[len(text)-1] == '\n' {
		lines = append(lines, Line{start, len(text)})
	}
	return lines
}
