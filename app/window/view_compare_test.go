package window

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/go-text/typesetting/font"

	"qicao/app/window/comparemodel"
	"qicao/app/window/widgets"
	"qicao/drafts"
)

// settle waits for the comparisons under way and shows their results.
func settle(cv *CompareView) {
	for {
		cv.Wait()
		if runUI() == 0 {
			return
		}
	}
}

// openCompare opens the example draft and the compare view, and waits for
// the first comparison.
func openCompare(t testing.TB) (*Shell, *CompareView) {
	t.Helper()
	a := test.NewTempApp(t)
	if err := Setup(a, Options{Language: LangChinese}); err != nil {
		t.Fatal(err)
	}
	s := testShell(t, a, testWorkspace(t))
	if err := s.OpenDraft(1); err != nil {
		t.Fatal(err)
	}
	s.Window.Resize(fyne.NewSize(1200, 760))
	if !s.Show("compare") {
		t.Fatal("no compare view")
	}
	cv := s.Content("compare").(*CompareView)
	settle(cv)
	return s, cv
}

// exampleComparison compares the example draft's two versions directly.
func exampleComparison(t testing.TB, s *Shell) *drafts.Comparison {
	t.Helper()
	v1, err := s.Session.WS.Version(1, 1)
	if err != nil {
		t.Fatal(err)
	}
	v2, err := s.Session.WS.Version(1, 2)
	if err != nil {
		t.Fatal(err)
	}
	_, _, c, err := CompareTexts(v1.Text, v2.Text, false)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCompareViewExample(t *testing.T) {
	s, cv := openCompare(t)
	if got := cv.oldSel.Selected; !strings.HasPrefix(got, "第 1 版") {
		t.Errorf("old picker = %q, want version 1", got)
	}
	if got := cv.newSel.Selected; !strings.HasPrefix(got, "第 2 版") {
		t.Errorf("new picker = %q, want version 2", got)
	}
	if len(cv.oldSel.Options) < 3+2 {
		t.Errorf("picker options %q: want the versions, the working text and the corpus", cv.oldSel.Options)
	}
	want := exampleComparison(t, s)
	for try := 0; try < 3 && cv.c != nil && cv.c.Summary != want.Summary; try++ {
		// drafts' character diff gives up after 100 ms: on a loaded
		// machine one of the two may have come out coarser.
		cv.Run()
		settle(cv)
		want = exampleComparison(t, s)
	}
	if cv.c == nil || cv.c.Summary != want.Summary {
		t.Fatalf("summary = %+v, want %+v", cv.c.Summary, want.Summary)
	}
	// The summary row shows the same counts.
	shown := summaryText(cv)
	for _, item := range []string{"修改 " + itoa(want.Summary.Modified), "合并 " + itoa(want.Summary.Merged),
		"删除 " + itoa(want.Summary.Deleted), "标点 " + itoa(want.Summary.PunctuationOnly), "目标变化 " + itoa(len(want.Figures))} {
		if !strings.Contains(shown, item) {
			t.Errorf("summary %q lacks %q", shown, item)
		}
	}
	if len(cv.tracked.pairs) != len(want.Pairs) || len(cv.table.pairs) != len(want.Pairs) {
		t.Errorf("lists hold %d and %d pairs, want %d", len(cv.tracked.pairs), len(cv.table.pairs), len(want.Pairs))
	}
	if cv.figures.Length() != len(want.Figures) {
		t.Errorf("%d figures listed, want %d", cv.figures.Length(), len(want.Figures))
	}

	// Stepping with F8 visits every pair with a change, in order.
	first := cv.Selected()
	if first < 0 || want.Pairs[first].Kind == drafts.PairUnchanged {
		t.Fatalf("first selected pair %d is not a change", first)
	}
	var visited []int
	for i := range want.Pairs {
		if want.Pairs[i].Kind != drafts.PairUnchanged {
			visited = append(visited, i)
		}
	}
	// F8 comes as a typed key: to the window when nothing has the focus,
	// else to the focused widget (as Fyne's GLFW driver does).
	f8 := &fyne.KeyEvent{Name: fyne.KeyF8}
	typeKey := func(e *fyne.KeyEvent) {
		if f, ok := s.Window.Canvas().Focused().(fyne.Focusable); ok {
			f.TypedKey(e)
		} else {
			s.Window.Canvas().OnTypedKey()(e)
		}
	}
	canvas := s.Window.Canvas().(interface{ TypedShortcut(fyne.Shortcut) })
	for k := 1; k < len(visited); k++ {
		switch k {
		case 3: // a list with the focus lets F8 through
			s.Window.Canvas().Focus(cv.tracked.list)
		case 6: // so does a Redline
			r := findRedline(cv.tracked)
			if r == nil {
				t.Fatal("no Redline on screen")
			}
			s.Window.Canvas().Focus(r)
		case 9:
			s.Window.Canvas().Unfocus()
		}
		typeKey(f8)
		if cv.Selected() != visited[k] {
			t.Fatalf("after %d × F8 selected %d, want %d", k, cv.Selected(), visited[k])
		}
	}
	if off := cv.tracked.list.GetScrollOffset(); off <= 0 {
		t.Errorf("at the last change the tracked list is scrolled to %v", off)
	}
	typeKey(f8) // at the last change it stays
	if cv.Selected() != visited[len(visited)-1] {
		t.Errorf("F8 past the last change moved to %d", cv.Selected())
	}
	canvas.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: fyne.KeyModifierAlt})
	if cv.Selected() != visited[len(visited)-2] {
		t.Errorf("Alt+PageUp selected %d, want %d", cv.Selected(), visited[len(visited)-2])
	}
	test.Tap(cv.prevButton)
	if cv.Selected() != visited[len(visited)-3] {
		t.Errorf("the previous button selected %d, want %d", cv.Selected(), visited[len(visited)-3])
	}
	canvas.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: fyne.KeyModifierAlt})
	canvas.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: fyne.KeyModifierAlt})
	if got := cv.position.Text; got != "第 "+itoa(len(visited)-2)+" / "+itoa(len(visited))+" 处" {
		t.Errorf("position = %q", got)
	}

	// Punctuation-only changes: hidden, then shown as their own runs and stops.
	form := countForm(cv)
	if form != 0 {
		t.Errorf("%d form runs shown with the toggle off", form)
	}
	test.Tap(cv.formCheck)
	settle(cv) // compared again with Strict
	if !cv.showForm || !cv.strict || countForm(cv) == 0 {
		t.Errorf("toggle on: showForm %v, %d form runs", cv.showForm, countForm(cv))
	}
	if len(cv.changes) < len(visited) { // the example has no pair changed in form only
		t.Errorf("with punctuation shown %d changes, want at least %d", len(cv.changes), len(visited))
	}
	at := cv.Selected()
	test.Tap(cv.formCheck)
	settle(cv)
	if cv.Selected() != at {
		t.Errorf("the toggle moved the selection from %d to %d", at, cv.Selected())
	}
	if cv.showForm || countForm(cv) != 0 || len(cv.changes) != len(visited) {
		t.Errorf("toggle off again: showForm %v, %d form runs, %d changes", cv.showForm, countForm(cv), len(cv.changes))
	}

	// Other views ignore the shortcut.
	s.Show("drafts")
	at = cv.Selected()
	s.Window.Canvas().Unfocus()
	typeKey(f8)
	canvas.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: fyne.KeyModifierAlt})
	if cv.Selected() != at {
		t.Error("F8 or Alt+PageUp acted on another view")
	}
}

func TestCompareViewPickAndExport(t *testing.T) {
	s, cv := openCompare(t)
	// A version against a corpus document.
	corpus := -1
	for i, src := range cv.sources {
		if src.Kind == SourceCorpus {
			corpus = i
			break
		}
	}
	cv.newSel.SetSelectedIndex(corpus)
	settle(cv)
	if cv.newName != cv.sources[corpus].Name || cv.c == nil {
		t.Fatalf("compared with %q, want %q", cv.newName, cv.sources[corpus].Name)
	}
	// Tapping the diagram selects a pair.
	cv.oldSel.SetSelectedIndex(0)
	cv.newSel.SetSelectedIndex(1)
	settle(cv)
	cv.diagram.Resize(fyne.NewSize(300, cv.diagram.MinSize().Height))
	test.TapAt(cv.diagram, fyne.NewPos(20, widgets.DiagramRowHeight*4+5))
	if p := cv.Selected(); p < 0 || cv.c.Pairs[p].Old == nil {
		t.Errorf("tap on the 5th old row selected pair %d", p) // which pair: widgets' TestDiagramTap
	}
	// Each export button asks where to save.
	for _, label := range []string{"导出 HTML…", "导出 Word 修订稿…", "导出对照表（Word）…"} {
		b := findButton(cv, label)
		if b == nil {
			t.Fatalf("no button %q", label)
		}
		test.Tap(b)
		if top := s.Window.Canvas().Overlays().Top(); top == nil {
			t.Errorf("%q shows no save dialog", label)
		} else {
			s.Window.Canvas().Overlays().Remove(top)
		}
	}
	var html, doc, table bytes.Buffer
	if err := cv.ExportHTML(&html); err != nil || !strings.Contains(html.String(), "<del>") {
		t.Errorf("HTML export: %v, %d bytes", err, html.Len())
	}
	if err := cv.ExportDocx(&doc); err != nil || !bytes.HasPrefix(doc.Bytes(), []byte("PK")) {
		t.Errorf("docx export: %v, %d bytes", err, doc.Len())
	}
	if err := cv.ExportTable(&table); err != nil || !bytes.HasPrefix(table.Bytes(), []byte("PK")) {
		t.Errorf("table export: %v, %d bytes", err, table.Len())
	}

	// The working text follows edits; with no draft open, two corpus documents.
	cv.oldSel.SetSelectedIndex(1)
	cv.newSel.SetSelectedIndex(2) // 工作稿
	settle(cv)
	before := cv.c.Summary
	gen := cv.Generation()
	s.SetText(strings.Replace(s.Session.Text, "1300家", "1400家", 1))
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end) && cv.Generation() == gen; {
		time.Sleep(50 * time.Millisecond)
		settle(cv)
	}
	if cv.c.Summary == before || cv.Generation() == gen {
		t.Errorf("editing the working text left the comparison as it was: %+v", before)
	}
	s.CloseDraft()
	settle(cv)
	if len(cv.sources) == 0 || cv.sources[0].Kind != SourceCorpus || cv.c == nil || cv.oldName == cv.newName {
		t.Errorf("no draft: sources %d, compared %q with %q", len(cv.sources), cv.oldName, cv.newName)
	}
}

func findButton(o fyne.CanvasObject, text string) *widget.Button {
	return firstIn(o, func(b *widget.Button) bool { return b.Text == text })
}

func findRedline(o fyne.CanvasObject) *widgets.Redline {
	return firstIn(o, func(r *widgets.Redline) bool { return r.Visible() && r.Size().Width > 0 })
}

func summaryText(cv *CompareView) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *widget.Label:
			b.WriteString(o.Text + " ")
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		}
	}
	walk(cv.summary)
	return b.String()
}

func countForm(cv *CompareView) int {
	n := 0
	for _, rs := range cv.tracked.runs {
		for _, r := range rs[0] {
			if r.Style == widgets.RunForm {
				n++
			}
		}
	}
	return n
}

func itoa(n int) string { return strconv.Itoa(n) }

// The compare view's own marks must be in the embedded font: without a
// system CJK font a missing one would come out as a box.
func TestCompareMarksInFont(t *testing.T) {
	marks := "【】→—…：（）·□%第版处"
	for _, r := range []fyne.Resource{FontRegular, FontBold} {
		face, err := font.ParseTTF(bytes.NewReader(r.Content()))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range marks {
			if _, ok := face.NominalGlyph(c); !ok {
				t.Errorf("%s lacks %q", r.Name(), c)
			}
		}
	}
}

func TestPairRunsAndChanges(t *testing.T) {
	ops := []drafts.Op{{Kind: '=', Text: "加快"}, {Kind: '-', Text: "建设"}, {Kind: '+', Text: "构建"},
		{Kind: '~', Text: ",", New: "，"}, {Kind: '=', Text: "体系"}, {Kind: '~', Text: " ", New: ""}}
	show := func(runs []widgets.TextRun) string {
		var b strings.Builder
		for _, r := range runs {
			b.WriteString("[" + "=-+~"[r.Style:r.Style+1] + r.Text + "]")
		}
		return b.String()
	}
	for _, c := range []struct {
		side     int
		showForm bool
		want     string
	}{
		{0, false, "[=加快][-建设][+构建][=，体系]"},
		{0, true, "[=加快][-建设][+构建][~，][=体系][~□]"}, // a space dropped shows as □
		{-1, false, "[=加快][-建设][=,体系 ]"},
		{-1, true, "[=加快][-建设][~,][=体系][~□]"},
		{1, false, "[=加快][+构建][=，体系]"},
	} {
		if got := show(pairRuns(ops, c.side, c.showForm)); got != c.want {
			t.Errorf("pairRuns(side %d, form %v) = %s, want %s", c.side, c.showForm, got, c.want)
		}
	}
	formOnly := drafts.Pair{Kind: drafts.PairUnchanged, Ops: []drafts.Op{{Kind: '=', Text: "甲"}, {Kind: '~', Text: ",", New: "，"}}}
	if comparemodel.HasChange(formOnly, false) || !comparemodel.HasChange(formOnly, true) {
		t.Error("a pair changed in form only is a stop only with the punctuation shown")
	}
	if !comparemodel.HasChange(drafts.Pair{Kind: drafts.PairAdded}, false) || comparemodel.HasChange(drafts.Pair{Kind: drafts.PairUnchanged}, true) {
		t.Error("hasChange: added or unchanged misjudged")
	}
}
