package window

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestFileDialogSideBarChinese: the file dialog behind 导入文件… lists its
// places in Chinese (主文件夹, 计算机 …), not Fyne's English names, and
// they stay Chinese after the list is drawn again.
func TestFileDialogSideBarChinese(t *testing.T) {
	s := editorShell(t)
	s.Show("drafts")
	tapButton(t, s.Content("drafts"), "导入文件…")
	top := s.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no file dialog")
	}
	labels := func() map[string]bool {
		seen := map[string]bool{}
		for _, o := range test.LaidOutObjects(top) {
			if l, ok := o.(*widget.Label); ok {
				seen[l.Text] = true
			}
		}
		return seen
	}
	seen := labels()
	for _, want := range []string{"主文件夹", "计算机"} {
		if !seen[want] {
			t.Errorf("the side bar has no %s: %v", want, seen)
		}
	}
	for name := range placeNames {
		if seen[name] {
			t.Errorf("the side bar still says %q", name)
		}
	}
	l := placesList(top)
	if l != nil {
		t.Fatal("the side bar still reads Home after localising")
	}
}
