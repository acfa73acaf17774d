package window

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"qicao/app/window/outlinemodel"
	"qicao/drafts"
	"qicao/drafts/input"
	"qicao/drafts/undo"
)

// editorShell is a Chinese main window on the test driver with the
// example draft open and the editor on screen.
func editorShell(t testing.TB) *Shell {
	t.Helper()
	a := test.NewTempApp(t)
	if err := Setup(a, Options{Language: LangChinese, Variant: VariantLight}); err != nil {
		t.Fatal(err)
	}
	s := testShell(t, a, testWorkspace(t))
	s.Window.Resize(fyne.NewSize(1200, 760))
	list, err := s.Session.WS.Drafts()
	if err != nil || len(list) == 0 {
		t.Fatalf("no example draft: %v", err)
	}
	s.OpenAndEdit(list[0].ID)
	if s.Current() != "editor" || s.Session.Doc == nil {
		t.Fatalf("editor not shown with the example: %q", s.Current())
	}
	return s
}

// find returns the first object of type T laid out in the view id.
func find[T fyne.CanvasObject](t testing.TB, s *Shell, id string) T {
	t.Helper()
	for _, o := range test.LaidOutObjects(s.Content(id)) {
		if v, ok := o.(T); ok {
			return v
		}
	}
	var zero T
	t.Fatalf("view %s has no %T", id, zero)
	return zero
}

// firstIn returns the first object of type T in o's tree (containers and
// widgets' renderers, depth first) that ok accepts, without laying
// anything out; the zero T if none.
func firstIn[T fyne.CanvasObject](o fyne.CanvasObject, ok func(T) bool) T {
	v, _ := search(o, ok)
	return v
}

// childrenOf returns what o holds: a container's objects, a widget's
// renderer's.
func childrenOf(o fyne.CanvasObject) []fyne.CanvasObject {
	switch o := o.(type) {
	case *fyne.Container:
		return o.Objects
	case fyne.Widget:
		return test.WidgetRenderer(o).Objects()
	}
	return nil
}

func search[T fyne.CanvasObject](o fyne.CanvasObject, ok func(T) bool) (T, bool) {
	if v, is := o.(T); is && ok(v) {
		return v, true
	}
	for _, c := range childrenOf(o) {
		if v, found := search(c, ok); found {
			return v, true
		}
	}
	var none T
	return none, false
}

// selectClause selects clause n of the open draft through the outline.
func selectClause(t testing.TB, s *Shell, n int) *drafts.Node {
	t.Helper()
	node := s.Session.Doc.ClauseByOrdinal(n)
	if node == nil {
		t.Fatalf("no clause %d", n)
	}
	find[*outlineTree](t, s, "editor").Select(pathUID(outlinemodel.PathOf(s.Session.Doc, node)))
	if s.SelectedNode() != node {
		t.Fatalf("outline did not select clause %d", n)
	}
	return node
}

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func TestClausePaneTypeSaveRestore(t *testing.T) {
	s := editorShell(t)
	id := s.Session.DraftID
	v1, err := s.Session.WS.Version(id, 1)
	if err != nil {
		t.Fatal(err)
	}
	n := selectClause(t, s, 9)
	entry := find[*clauseEntry](t, s, "editor")
	own := s.Session.Text[n.BodySpan.Start:n.BodySpan.End]
	if entry.Text != own {
		t.Fatalf("clause pane shows %q, want clause 9's own text %q", entry.Text, own)
	}
	lines := strings.Split(own, "\n")
	entry.CursorRow, entry.CursorColumn = len(lines)-1, len([]rune(lines[len(lines)-1]))
	test.Type(entry, "加强")
	if entry.Text == own {
		t.Fatal("typing changed nothing")
	}
	s.FlushClauseEdit() // what the debounce timer does after ClauseDelay
	if !strings.Contains(s.Session.Text, entry.Text) || s.Session.Text == s.Session.Saved {
		t.Fatal("the working text does not hold the typed clause")
	}
	if got := s.SelectedNode(); got == nil || got.Ordinal != 9 {
		t.Fatalf("selection lost after the edit: %+v", got)
	}
	s.FlushAutosave()
	if w, ok, err := s.Session.WS.Working(id); err != nil || !ok || w != s.Session.Text {
		t.Fatalf("autosave did not write the working text (ok %v, err %v)", ok, err)
	}

	entry.TypedShortcut(ctrl(fyne.KeyS)) // Ctrl+S in the clause pane asks for a note
	if s.Window.Canvas().Overlays().Top() == nil {
		t.Fatal("Ctrl+S showed no dialog")
	}
	s.Window.Canvas().Overlays().Top().Hide()
	if err := s.SaveVersion("加强"); err != nil {
		t.Fatal(err)
	}
	if s.Dirty() || s.Session.Version != 3 {
		t.Fatalf("after saving: dirty %v, version %d", s.Dirty(), s.Session.Version)
	}
	typed := s.Session.Text

	if err := s.RestoreVersion(1); err != nil {
		t.Fatal(err)
	}
	if s.Session.Text != v1.Text || !s.Dirty() {
		t.Fatal("version 1 is not the working text after restoring it")
	}
	if v3, _ := s.Session.WS.Version(id, 3); v3.Text != typed {
		t.Fatal("restoring changed a saved version")
	}
	if entry.Text == "" || !strings.Contains(v1.Text, entry.Text) {
		t.Fatalf("clause pane not reloaded from the restored text: %q", entry.Text)
	}
}

func TestOutlineInsertAfterClause9Renumbers(t *testing.T) {
	s := editorShell(t)
	old9 := s.Session.Doc.ClauseByOrdinal(9).Heading
	old10 := s.Session.Doc.ClauseByOrdinal(10).Heading
	last := 0
	s.Session.Doc.Walk(func(n, _ *drafts.Node) {
		if n.Ordinal > last && n.Style.Family == s.Session.Doc.ClauseByOrdinal(1).Style.Family {
			last = n.Ordinal
		}
	})
	selectClause(t, s, 9)
	entry := find[*clauseEntry](t, s, "editor")
	entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault})
	doc := s.Session.Doc
	if got := doc.ClauseByOrdinal(10); got == nil || !strings.HasPrefix(got.Text, "新条款") {
		t.Fatalf("clause 10 is not the new one: %+v", got)
	}
	if got := doc.ClauseByOrdinal(11); got == nil || got.Heading != old10 {
		t.Fatalf("old clause 10 is not 11 now: %+v", got)
	}
	if doc.ClauseByOrdinal(last+1) == nil {
		t.Errorf("the last clause %d was not renumbered to %d", last, last+1)
	}
	if sel := s.SelectedNode(); sel == nil || sel.Ordinal != 10 {
		t.Errorf("the new clause is not selected: %+v", sel)
	}
	if !strings.HasPrefix(entry.Text, "10") {
		t.Errorf("clause pane shows %q, want the new clause 10", entry.Text)
	}
	// The outline's rows show the new labels.
	rows := 0
	for _, o := range test.LaidOutObjects(s.Content("editor")) {
		if r, ok := o.(*outlineRow); ok && strings.HasPrefix(r.Text, "11.") && strings.Contains(r.Text, old10) {
			rows++
		}
	}
	tree := find[*outlineTree](t, s, "editor")
	tree.ScrollTo(pathUID(outlinemodel.PathOf(doc, doc.ClauseByOrdinal(11))))
	if uid := pathUID(outlinemodel.PathOf(doc, doc.ClauseByOrdinal(11))); !strings.HasPrefix(outlineText(nodeAtUID(doc, uid)), "11.") {
		t.Errorf("outline row of clause 11: %q", outlineText(nodeAtUID(doc, uid)))
	}

	// Move it up, then delete it: clause 10 is the old 10 again.
	s.structural(undo.Move, drafts.MoveUp)
	if got := s.Session.Doc.ClauseByOrdinal(9); got == nil || !strings.HasPrefix(got.Text, "新条款") {
		t.Fatalf("after moving the new clause up, 9 is %+v", got)
	}
	if got := s.Session.Doc.ClauseByOrdinal(10); got == nil || got.Heading != old9 {
		t.Fatalf("after moving the new clause up, 10 is %+v", got)
	}
	s.structural(undo.Delete, drafts.Delete)
	if got := s.Session.Doc.ClauseByOrdinal(10); got == nil || got.Heading != old10 {
		t.Fatalf("after deleting the new clause, 10 is %+v", got)
	}
}

func TestNewDraftTypeAndImport(t *testing.T) {
	s := editorShell(t)
	db := s.Session.WS
	d, err := db.CreateDraft("测试草稿", "", "", "")
	if err != nil {
		t.Fatal(err)
	}
	s.OpenAndEdit(d.ID)
	entry := find[*clauseEntry](t, s, "editor")
	if entry.Disabled() {
		t.Fatal("the clause pane is disabled for a new draft")
	}
	test.Type(entry, "一、总体要求")
	s.FlushClauseEdit()
	s.FlushAutosave()
	if w, ok, _ := db.Working(d.ID); !ok || w != "一、总体要求" {
		t.Fatalf("working text of the new draft: %q %v", w, ok)
	}

	before, _ := db.Drafts()
	bad := filepath.Join(t.TempDir(), "坏文件.docx")
	if err := os.WriteFile(bad, []byte("%PDF-1.4 not a docx"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.importText("坏文件.docx", func() (string, error) { return input.ReadFile(bad) }, false)
	s.importText("坏文件.docx", func() (string, error) { return input.ReadFile(bad) }, true)
	waitFor(t, func() bool { return s.Window.Canvas().Overlays().Top() != nil })
	time.Sleep(100 * time.Millisecond)
	after, _ := db.Drafts()
	if len(after) != len(before) || after[0].Versions != before[0].Versions {
		t.Fatalf("a bad file wrote something: %d drafts before, %d after", len(before), len(after))
	}

	good := filepath.Join(t.TempDir(), "good.txt")
	v1, _ := db.Version(before[len(before)-1].ID, 1)
	if err := os.WriteFile(good, []byte(v1.Text), 0o644); err != nil {
		t.Fatal(err)
	}
	s.importText("good.txt", func() (string, error) { return input.ReadFile(good) }, false)
	waitFor(t, func() bool { l, _ := db.Drafts(); return len(l) == len(before)+1 })
	// The import ends on the UI goroutine (fyne.Do), here another one:
	// wait for all of it.
	waitFor(t, func() bool {
		doc := s.Session.Doc
		return s.Current() == "editor" && strings.HasSuffix(s.Session.Title, "实施意见") &&
			doc != nil && len(doc.Nodes) > 0
	})
}

// waitFor polls cond for up to 5 s, running what jobs hand to the UI.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		runUI()
		if cond() {
			return
		}
	}
	t.Fatal("timed out")
}

func TestDraftsViewListsAndOpens(t *testing.T) {
	s := editorShell(t)
	s.Show("drafts")
	list := find[*widget.List](t, s, "drafts")
	if list.Length() != 1 {
		t.Fatalf("drafts listed: %d", list.Length())
	}
	search := find[*widget.Entry](t, s, "drafts")
	test.Type(search, "不存在的标题")
	if list.Length() != 0 {
		t.Errorf("search kept %d drafts", list.Length())
	}
	search.SetText("泰安")
	if list.Length() != 1 {
		t.Errorf("search for 泰安 lists %d drafts", list.Length())
	}
	s.CloseDraft()
	list.Select(0)
	for _, o := range test.LaidOutObjects(s.Content("drafts")) {
		if b, ok := o.(*widget.Button); ok && b.Text == "打开" {
			test.Tap(b)
		}
	}
	if s.Session.DraftID == 0 || s.Current() != "editor" {
		t.Fatalf("打开 did not open the draft in the editor (%q)", s.Current())
	}
	s.CloseDraft()
	s.Show("drafts")
	test.DoubleTap(find[*draftRow](t, s, "drafts"))
	if s.Session.DraftID == 0 || s.Current() != "editor" {
		t.Fatal("a double click did not open the draft")
	}
}

func TestWrapLines(t *testing.T) {
	lines, starts := wrapLines("一二三四五\n\nab一二", 2)
	want := []string{"一二", "三四", "五", "", "ab一", "二"}
	if strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Fatalf("lines %q, want %q", lines, want)
	}
	src := "一二三四五\n\nab一二"
	for i, l := range lines {
		if !strings.HasPrefix(src[starts[i]:], l) {
			t.Errorf("line %d %q does not start at %d", i, l, starts[i])
		}
	}
	// 避头尾: no line begins with ，。、 or ends with （《“.
	for _, tc := range []struct{ text, want string }{
		{"一二，三四。五", "一二，|三四。|五"},
		{"一二三，。四五", "一二|三，。|四五"}, // two closing marks hang together
		{"一（二三）四", "一|（二|三）|四"},
		{"一二“三四”", "一二|“三|四”"},
	} {
		lines, starts := wrapLines(tc.text, 2)
		if got := strings.Join(lines, "|"); got != tc.want {
			t.Errorf("wrapLines(%q) = %q, want %q", tc.text, got, tc.want)
		}
		for i, l := range lines {
			if !strings.HasPrefix(tc.text[starts[i]:], l) {
				t.Errorf("%q: line %d %q does not start at %d", tc.text, i, l, starts[i])
			}
		}
	}
}

func TestHelpMenuShowsShortcuts(t *testing.T) {
	s := editorShell(t)
	menu := s.Window.MainMenu()
	help := menu.Items[len(menu.Items)-1]
	if help.Label != "帮助" || help.Items[0].Label != "快捷键" {
		t.Fatalf("last menu %q %+v", help.Label, help.Items)
	}
	help.Items[0].Action()
	top := s.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no help dialog")
	}
	found := false
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok && l.Text == "Ctrl+S" {
			found = true
		}
	}
	if !found {
		t.Error("the help lists no Ctrl+S")
	}
}

func TestOutlineContextMenuAndPaste(t *testing.T) {
	s := editorShell(t)
	selectClause(t, s, 2)
	var row *outlineRow
	for _, o := range test.LaidOutObjects(s.Content("editor")) {
		if r, ok := o.(*outlineRow); ok && strings.HasPrefix(r.Text, "3.") {
			row = r
		}
	}
	if row == nil {
		t.Fatal("no outline row for clause 3")
	}
	test.Tap(row)
	if s.SelectedNode() == nil || s.SelectedNode().Ordinal != 3 {
		t.Fatal("a click did not select clause 3")
	}
	selectClause(t, s, 2)
	test.TapSecondary(row)
	if s.SelectedNode() == nil || s.SelectedNode().Ordinal != 3 {
		t.Fatal("right click did not select clause 3")
	}
	if s.Window.Canvas().Overlays().Top() == nil {
		t.Fatal("right click showed no menu")
	}
	s.Window.Canvas().Overlays().Top().Hide()

	db := s.Session.WS
	before, _ := db.Drafts()
	s.App.Clipboard().SetContent("一、总体要求\n1.第一条。\n2.第二条。\n")
	s.Show("drafts")
	for _, o := range test.LaidOutObjects(s.Content("drafts")) {
		if b, ok := o.(*widget.Button); ok && b.Text == "粘贴为新草稿" {
			test.Tap(b)
		}
	}
	after, _ := db.Drafts()
	if len(after) != len(before)+1 || s.Current() != "editor" || s.Session.Doc.ClauseByOrdinal(2) == nil {
		t.Fatalf("paste as a new draft: %d → %d drafts, view %q", len(before), len(after), s.Current())
	}
}

func TestClausePaneRefusesHugeUnnumberedText(t *testing.T) {
	s := editorShell(t)
	d, err := s.Session.WS.CreateDraft("长文", "", strings.Repeat("没有编号的长段落。", 1000), "")
	if err != nil {
		t.Fatal(err)
	}
	s.OpenAndEdit(d.ID)
	entry := find[*clauseEntry](t, s, "editor")
	if !entry.Disabled() || entry.Text != "" {
		t.Fatal("a 9,000-character unnumbered text went into the entry")
	}
}

func TestImportAsNewVersion(t *testing.T) {
	s := editorShell(t)
	text := "一、总体要求\n1.第一条。\n"
	if err := s.ImportVersion(text, "导入"); err != nil {
		t.Fatal(err)
	}
	v, err := s.Session.WS.Version(s.Session.DraftID, 0)
	if err != nil || v.N != 3 || v.Text != text || v.Note != "导入" || s.Dirty() {
		t.Fatalf("latest version %d %q %q, dirty %v, err %v", v.N, v.Text, v.Note, s.Dirty(), err)
	}
	s.CloseDraft()
	if err := s.ImportVersion(text, ""); err == nil {
		t.Error("a new version with no draft open was accepted")
	}
}

// tapButton taps the button labelled text in o.
func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	for _, c := range test.LaidOutObjects(o) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q", text)
}

func TestNewDraftDialog(t *testing.T) {
	s := editorShell(t)
	s.Show("drafts")
	tapButton(t, s.Content("drafts"), "新建草稿")
	top := s.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	var title *widget.Entry
	for _, o := range test.LaidOutObjects(top) {
		if e, ok := o.(*widget.Entry); ok && title == nil {
			title = e // the first: 标题
		}
	}
	test.Type(title, "关于推进数字经济发展的实施意见")
	tapButton(t, top, "确定")
	if s.Session.Title != "关于推进数字经济发展的实施意见" || s.Current() != "editor" || s.Session.Version != 0 {
		t.Fatalf("new draft not open in the editor: %q %q", s.Session.Title, s.Current())
	}
	// It opens on the 实施意见 skeleton, with no error and the cursor on 一、总体要求.
	if top := s.Window.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog is open over the new draft: %v", top)
	}
	doc := s.Session.Doc
	if doc == nil || !strings.HasPrefix(s.Session.Text, "关于推进数字经济发展的实施意见\n") || len(doc.Nodes) < 3 {
		t.Fatalf("the new draft is not on the skeleton: %q", s.Session.Text)
	}
	if n := s.SelectedNode(); n == nil || n.Heading != "总体要求" {
		t.Errorf("cursor on %+v, want 一、总体要求", n)
	}
	s.FlushAutosave()
	if w, ok, _ := s.Session.WS.Working(s.Session.DraftID); !ok || w != s.Session.Text {
		t.Error("the skeleton is not the draft's saved working text")
	}
}

// TestNewDraftKinds: each kind of the new-draft dialog opens on its own
// skeleton — 管理办法 on 第一章 总则 / 第一条 — and 空白 on an empty text
// with no error.
func TestNewDraftKinds(t *testing.T) {
	s := editorShell(t)
	p := newDraftsPage(s)
	p.create("", "管理办法", "泰安市")
	if s.Session.Title != "泰安市人民政府关于……的管理办法" {
		t.Errorf("title %q", s.Session.Title)
	}
	if doc := s.Session.Doc; doc == nil || !strings.Contains(s.Session.Text, "第一章") || !strings.Contains(s.Session.Text, "第一条") {
		t.Fatalf("管理办法 skeleton: %q", s.Session.Text)
	}
	p.create("空白草稿", "空白", "")
	if s.Session.Text != "" || s.Current() != "editor" || s.Window.Canvas().Overlays().Top() != nil {
		t.Errorf("blank draft: text %q, view %s", s.Session.Text, s.Current())
	}
}

func TestRenumberAll(t *testing.T) {
	s := editorShell(t)
	n11 := s.Session.Doc.ClauseByOrdinal(11)
	broken := s.Session.Text[:n11.LabelSpan.Start] + "15." + s.Session.Text[n11.LabelSpan.End:]
	s.SetText(broken)
	if s.Session.Doc.ClauseByOrdinal(11) != nil {
		t.Fatal("the label was not broken")
	}
	s.renumberAll()
	if got := s.Session.Doc.ClauseByOrdinal(11); got == nil || got.Heading != n11.Heading {
		t.Fatalf("after renumbering, 11 is %+v", got)
	}
}

func TestOutlineArrowKeys(t *testing.T) {
	s := editorShell(t)
	selectClause(t, s, 9)
	tree := find[*outlineTree](t, s, "editor")
	tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if n := s.SelectedNode(); n == nil || n.Ordinal != 4 || n.Level != 2 {
		t.Fatalf("↓ after clause 9 selected %+v, want section (四)", n)
	}
	tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if n := s.SelectedNode(); n == nil || n.Ordinal != 9 {
		t.Fatalf("↑ selected %+v, want clause 9", n)
	}
	if !strings.HasPrefix(find[*clauseEntry](t, s, "editor").Text, "9.") {
		t.Error("clause pane did not follow the keys")
	}
}

func TestRemembersWindowSizeAndSplits(t *testing.T) {
	s := editorShell(t)
	restoreWindowSize(s)
	find[*container.Split](t, s, "editor").SetOffset(0.4)
	s.Window.Resize(fyne.NewSize(900, 600))
	s.Closing()
	p := s.App.Preferences()
	if w := p.Float(prefWindowWidth); w < 850 || w > 950 {
		t.Errorf("window width saved as %v", w)
	}
	if off := p.Float(prefOutlineSplit); off != 0.4 {
		t.Errorf("outline split saved as %v", off)
	}
	s2 := testShell(t, s.App, s.Session.WS)
	s2.OpenAndEdit(s.Session.DraftID)
	if off := find[*container.Split](t, s2, "editor").Offset; off != 0.4 {
		t.Errorf("outline split restored as %v", off)
	}
}

func TestClausePaneFlushesOnFocusLost(t *testing.T) {
	s := editorShell(t)
	selectClause(t, s, 9)
	entry := find[*clauseEntry](t, s, "editor")
	s.Window.Canvas().Focus(entry)
	test.Type(entry, "新")
	if strings.Contains(s.Session.Text, entry.Text) {
		t.Fatal("the keystroke reached the working text before the delay")
	}
	s.Window.Canvas().Unfocus()
	if !strings.Contains(s.Session.Text, entry.Text) {
		t.Fatal("losing the focus did not write the clause back")
	}
}
