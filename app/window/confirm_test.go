package window

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestConfirmSaysOKCancel: deleting a clause asks with 确定 / 取消, as
// Word and WPS do; 取消 keeps it, 确定 deletes it.
func TestConfirmSaysOKCancel(t *testing.T) {
	s := editorShell(t)
	selectClause(t, s, 9)
	before := s.Session.Text
	ask := func() []string {
		s.confirmDeleteNode()
		var labels []string
		for _, o := range test.LaidOutObjects(s.Window.Canvas().Overlays().Top()) {
			if b, ok := o.(*widget.Button); ok {
				labels = append(labels, b.Text)
			}
		}
		return labels
	}
	if got := ask(); len(got) != 2 || got[0] != "取消" || got[1] != "确定" {
		t.Fatalf("the confirm dialog's buttons are %q", got)
	}
	tapButton(t, s.Window.Canvas().Overlays().Top(), "取消")
	if s.Session.Text != before {
		t.Fatal("取消 deleted the clause")
	}
	ask()
	tapButton(t, s.Window.Canvas().Overlays().Top(), "确定")
	if s.Session.Text == before {
		t.Error("确定 did not delete the clause")
	}
}

// TestEditMenu: an 编辑 menu as in WPS lists undo, redo, find and replace
// with their keys, and its 查找 opens the find bar.
func TestEditMenu(t *testing.T) {
	s := editorShell(t)
	var edit *fyne.Menu
	for _, m := range s.Window.MainMenu().Items {
		if m.Label == "编辑" {
			edit = m
		}
	}
	if edit == nil {
		t.Fatal("no 编辑 menu")
	}
	var labels []string
	for _, it := range edit.Items {
		labels = append(labels, it.Label)
	}
	if got := strings.Join(labels, "|"); got != "撤销　Ctrl+Z|重做　Ctrl+Y||查找　Ctrl+F|替换　Ctrl+H" {
		t.Errorf("编辑 menu: %s", got)
	}
	edit.Items[3].Action()
	if b := s.Session.find.bar; !b.box.Visible() || b.replaceRow.Visible() {
		t.Error("编辑 → 查找 did not open the find bar")
	}
}

// TestCtrlNAsksForANewDraft: Ctrl+N, in any view, asks for a new draft.
func TestCtrlNAsksForANewDraft(t *testing.T) {
	s := editorShell(t)
	typeShortcut(s, ctrl(fyne.KeyN))
	top := s.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Ctrl+N opened no dialog")
	}
	tapButton(t, top, "确定")
	if s.Session.Doc == nil || s.Session.Title != "{发文机关}关于……的实施意见" {
		t.Errorf("new draft %q", s.Session.Title)
	}
}
