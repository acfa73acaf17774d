package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Every character 10 wide, so a line of width 45 holds four.
func ten(int) float32 { return 10 }

func lineTexts(text string, width float32) []string {
	rs := []rune(text)
	var out []string
	for _, l := range breakLines(rs, width, ten) {
		out = append(out, string(rs[l.Start:l.End]))
	}
	return out
}

func TestBreakLines(t *testing.T) {
	for _, c := range []struct {
		text  string
		width float32
		want  string // lines joined by |
	}{
		{"", 45, ""},
		{"一二三", 45, "一二三"},
		{"一二三四五六七八九", 45, "一二三四|五六七八|九"},
		{"一二三四", 40, "一二三四"},           // exactly full
		{"一二\n三四五六七", 45, "一二|三四五六|七"}, // hard break, then wrap
		{"一二\n", 45, "一二|"},            // trailing newline: an empty last line
		{"\n\n", 45, "||"},             //
		{"一二三四，五六", 45, "一二三四，|五六"},    // 避头: the comma overhangs
		{"一二三四。」五", 45, "一二三四。」|五"},    // several closing marks overhang together
		{"一二三（四五", 45, "一二三|（四五"},      // 避尾: an opening bracket goes down with what it opens
		{"（一二三四五", 45, "（一二三|四五"},      // …unless it begins the line
		{"一二三四五", 5, "一|二|三|四|五"},      // narrower than a character: one per line
		{"ab", 0, "a|b"}, // zero width still makes progress
		{"一二三四" + "五六七八" + "九十", 40, "一二三四|五六七八|九十"}, // long lines exactly full
	} {
		got := strings.Join(lineTexts(c.text, c.width), "|")
		if got != c.want {
			t.Errorf("breakLines(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

func TestBreakLinesCoversText(t *testing.T) {
	text := []rune(strings.Repeat("加快建设现代化产业体系，推动科技创新。\n", 50))
	lines := breakLines(text, 123, ten)
	n := 0
	for i, l := range lines {
		if l.End < l.Start || (i > 0 && l.Start < lines[i-1].End) {
			t.Fatalf("line %d %v out of order", i, l)
		}
		n += l.End - l.Start
		w := float32(0)
		for k := l.Start; k < l.End; k++ {
			w += ten(k)
		}
		if w > 123 && !strings.ContainsRune(noLineStart, text[l.End-1]) {
			t.Errorf("line %d is %v wide", i, w)
		}
	}
	if want := len(text) - strings.Count(string(text), "\n"); n != want {
		t.Errorf("lines hold %d characters, want %d", n, want)
	}
}

func TestRedlineSelectCopy(t *testing.T) {
	a := test.NewTempApp(t)
	r := NewRedline([]TextRun{{"保留", RunNormal}, {"删去", RunDeleted}, {"加上", RunInserted}})
	w := a.NewWindow("")
	w.SetContent(r)
	w.Resize(fyne.NewSize(400, 200))
	if r.Lines() != 1 {
		t.Errorf("%d lines, want 1", r.Lines())
	}
	r.TypedShortcut(&fyne.ShortcutCopy{})
	if got := a.Clipboard().Content(); got != "保留删去加上" {
		t.Errorf("copy with no selection = %q", got)
	}
	r.Select(2, 4)
	r.TypedShortcut(&fyne.ShortcutCopy{})
	if got := a.Clipboard().Content(); got != "删去" {
		t.Errorf("copy of selection = %q", got)
	}
	// A drag from the first character's left half to past the end selects all.
	r.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(390, 10)}, Dragged: fyne.NewDelta(389, 0)})
	r.DragEnd()
	if got := r.SelectedText(); got != "保留删去加上" {
		t.Errorf("dragged selection = %q", got)
	}
	r.Resize(fyne.NewSize(40, 200)) // narrower: it wraps and grows
	if r.Lines() < 2 || r.MinSize().Height <= currentMetrics().lineH*1.5 {
		t.Errorf("at width 40: %d lines, min height %v", r.Lines(), r.MinSize().Height)
	}
}

// BenchmarkRedlineLayout lays out a whole document's worth of tracked
// changes in one Redline: 20,000 characters in 2,000 runs, at 700 and 900 wide
// (the trial in DESIGN.md took 43 ms to build and 64 ms to re-wrap).
func BenchmarkRedlineLayout(b *testing.B) {
	test.NewTempApp(b)
	var runs []TextRun
	for i := range 2000 {
		runs = append(runs, TextRun{"加快建设现代化产业体", RunStyle(i % 3)})
	}
	r := NewRedline(runs)
	w := test.NewWindow(r)
	defer w.Close()
	width := float32(700)
	for b.Loop() {
		width = 1600 - width // 900, 700, …: every layout re-wraps
		r.Resize(fyne.NewSize(width, 20000))
	}
}
