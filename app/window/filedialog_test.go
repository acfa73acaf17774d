package window

import (
	"testing"

	"fyne.io/fyne/v2"
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

// The 另存为 form shows the whole proposed name (the field was 100 pixels
// wide) and Enter saves, as in Word; an emptied name saves nothing.
func TestAskFileNameEnterSaves(t *testing.T) {
	s := editorShell(t)
	name := s.ExportName() + ".docx"
	var got []string
	askFileName(s.Window, name, func(n string) { got = append(got, n) })
	entry, ok := s.Window.Canvas().Focused().(*widget.Entry)
	if !ok || entry.Text != name {
		t.Fatalf("focus on %T, want the name field holding %q", s.Window.Canvas().Focused(), name)
	}
	if w := entry.Size().Width; w < 400 {
		t.Errorf("the name field is %v wide", w)
	}
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(got) != 1 || got[0] != name {
		t.Fatalf("Enter saved %q", got)
	}
	askFileName(s.Window, "   ", func(n string) { got = append(got, n) })
	e := s.Window.Canvas().Focused().(*widget.Entry)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(got) != 1 {
		t.Errorf("an empty name saved %q", got[1:])
	}
}

// TestExportFolderDialogTitle: the folder dialog of an export is titled
// 选择保存位置 with a 选择 button, not Fyne's 打开 文件夹 / 打开.
func TestExportFolderDialogTitle(t *testing.T) {
	s := editorShell(t)
	s.askExportPath(".docx", func(string, bool, func(error)) { t.Error("wrote without a folder") })
	top := s.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no folder dialog")
	}
	seen := map[string]bool{}
	for _, o := range test.LaidOutObjects(top) {
		switch o := o.(type) {
		case *widget.Label:
			seen[o.Text] = true
		case *widget.Button:
			seen["button "+o.Text] = true
		}
	}
	for _, want := range []string{"选择保存位置", "button 选择"} {
		if !seen[want] {
			t.Errorf("no %q in the dialog", want)
		}
	}
	for _, not := range []string{"打开 文件夹", "button 打开"} {
		if seen[not] {
			t.Errorf("the dialog still shows %q", not)
		}
	}
}
