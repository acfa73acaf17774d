package window

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"qicao/app/window/outlinemodel"
	"qicao/drafts"
)

// typeShortcut sends sc to the window as the driver does when nothing
// has the focus.
func typeShortcut(s *Shell, sc fyne.Shortcut) {
	s.Window.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(sc)
}

// TestFindMarksOutlineAndSelectsHits: Ctrl+F opens the bar with the focus
// in it; typing counts the hits over the whole draft, the outline marks
// each clause holding some with their number, and F3 / Shift+F3 step
// through them, selecting each in the clause pane.
func TestFindMarksOutlineAndSelectsHits(t *testing.T) {
	s := editorShell(t)
	typeShortcut(s, ctrl(fyne.KeyF))
	bar := s.Session.find.bar
	if !bar.box.Visible() || bar.replaceRow.Visible() {
		t.Fatal("Ctrl+F did not open the find bar alone")
	}
	if s.Window.Canvas().Focused() != bar.query {
		t.Error("the focus is not in the query")
	}
	test.Type(bar.query, "市科技局")
	want := drafts.Find(s.Session.Text, "市科技局", drafts.FindOptions{})
	if len(want) < 10 || len(s.Session.find.hits) != len(want) {
		t.Fatalf("%d hits, want %d", len(s.Session.find.hits), len(want))
	}
	if !strings.Contains(bar.status.Text, "/ "+strconv.Itoa(len(want))+" 处") {
		t.Errorf("status %q", bar.status.Text)
	}
	marked := 0
	for n, k := range drafts.HitsByNode(s.Session.Doc, want) {
		uid := pathUID(outlinemodel.PathOf(s.Session.Doc, n))
		r := &outlineRow{}
		find[*outlineTree](t, s, "editor").UpdateNode(uid, false, r)
		if !strings.HasPrefix(r.Text, "〔"+strconv.Itoa(k)+"处〕") {
			t.Fatalf("outline row %q does not count its %d hits", r.Text, k)
		}
		marked++
	}
	if marked < 5 {
		t.Fatalf("%d outline rows marked", marked)
	}

	entry := find[*clauseEntry](t, s, "editor")
	seen := map[int]bool{}
	for i := 0; i < 3; i++ {
		entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF3})
		cur := s.Session.find.current
		h := s.Session.find.hits[cur]
		seen[cur] = true
		if n := s.SelectedNode(); n == nil || h.Start < n.BodySpan.Start || h.End > n.BodySpan.End {
			t.Fatalf("hit %d at %d is not in the selected clause %v", cur, h.Start, n)
		}
		if got := entry.SelectedText(); got != "市科技局" {
			t.Fatalf("clause pane selects %q at hit %d", got, cur)
		}
	}
	if len(seen) != 3 {
		t.Errorf("F3 three times visited %d hits", len(seen))
	}
	bar.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if bar.box.Visible() || len(s.Session.find.hits) != 0 {
		t.Error("Escape left the bar or its marks")
	}
}

// TestFindIgnoresScriptAndWidth: a query in traditional characters and
// full-width digits finds the simplified, half-width text unless 区分
// is ticked; 全字匹配 keeps 科技局 from matching inside 市科技局.
func TestFindIgnoresScriptAndWidth(t *testing.T) {
	s := editorShell(t)
	s.openFind(false)
	bar := s.Session.find.bar
	bar.query.SetText("科技創新")
	n := len(s.Session.find.hits)
	if n == 0 || n != len(drafts.Find(s.Session.Text, "科技创新", drafts.FindOptions{Exact: true})) {
		t.Fatalf("科技創新 finds %d", n)
	}
	bar.exact.SetChecked(true)
	if len(s.Session.find.hits) != 0 {
		t.Error("an exact 科技創新 found the simplified text")
	}
	bar.exact.SetChecked(false)
	bar.query.SetText("科技局")
	all := len(s.Session.find.hits)
	bar.whole.SetChecked(true)
	if whole := len(s.Session.find.hits); whole >= all {
		t.Errorf("whole word: %d of %d hits", whole, all)
	}
}

// TestReplaceOneAndAllUndo: 替换 changes the current hit only; 全部替换
// changes every one as one step that Ctrl+Z takes back whole.
func TestReplaceOneAndAllUndo(t *testing.T) {
	s := editorShell(t)
	typeShortcut(s, ctrl(fyne.KeyH))
	bar := s.Session.find.bar
	if !bar.replaceRow.Visible() {
		t.Fatal("Ctrl+H shows no replace row")
	}
	before := s.Session.Text
	bar.query.SetText("市科技局")
	bar.with.SetText("市科学技术局")
	n := len(s.Session.find.hits)
	h := s.Session.find.hits[s.Session.find.current]
	bar.replaceOne()
	if got := s.Session.Text; got != before[:h.Start]+"市科学技术局"+before[h.End:] {
		t.Fatal("替换 changed more than the current hit")
	}
	if len(s.Session.find.hits) != n-1 {
		t.Errorf("%d hits left after one replace, want %d", len(s.Session.find.hits), n-1)
	}
	bar.replaceAll()
	if strings.Contains(s.Session.Text, "市科技局") || strings.Count(s.Session.Text, "市科学技术局") < n {
		t.Fatal("全部替换 left hits")
	}
	if bar.status.Text != "已替换 "+strconv.Itoa(n-1)+" 处。" {
		t.Errorf("status %q", bar.status.Text)
	}
	typeShortcut(s, &fyne.ShortcutUndo{})
	if strings.Count(s.Session.Text, "市科技局") != n-1 {
		t.Fatal("Ctrl+Z did not take back the whole 全部替换")
	}
	s.Undo()
	if s.Session.Text != before {
		t.Error("undoing the single replace did not restore the text")
	}
}

// TestFindMarksWholeDocument: the whole-document view puts each hit on a
// marked ground.
func TestFindMarksWholeDocument(t *testing.T) {
	s := editorShell(t)
	s.ToggleFullText()
	s.openFind(false)
	s.Session.find.bar.query.SetText("泰山")
	full := find[*fullText](t, s, "editor")
	marks := 0
	for _, o := range test.LaidOutObjects(full) {
		if r, ok := o.(*canvas.Rectangle); ok && r.FillColor != nil && r.Size().Width > 0 {
			marks++
		}
	}
	if marks == 0 {
		t.Error("no hit marked in the whole-document view")
	}
}
