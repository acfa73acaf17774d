package window

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestCompareTableHeads: the 对照表 tab heads its columns 修改前 and 修改后,
// under 修改说明 over each row's header line.
func TestCompareTableHeads(t *testing.T) {
	s, cv := openCompare(t)
	cv.ShowTab(1)
	heads := map[string]fyne.Position{}
	for _, o := range test.LaidOutObjects(s.Content("compare")) {
		if c, ok := o.(*canvas.Text); ok && c.Visible() && (c.Text == "修改前" || c.Text == "修改后" || c.Text == "修改说明") {
			heads[c.Text] = c.Position()
		}
	}
	if len(heads) != 3 {
		t.Fatalf("heads shown: %v", heads)
	}
	if !(heads["修改前"].X < heads["修改后"].X && heads["修改说明"].Y < heads["修改前"].Y) {
		t.Errorf("heads out of place: %v", heads)
	}
}

// TestF8AfterPickingAVersion: choosing a version in a picker gives the
// focus back to the page, so that F8 steps again (it stuck at 第 1 / 43
// 处 while the picker kept the focus).
func TestF8AfterPickingAVersion(t *testing.T) {
	s, cv := openCompare(t)
	c := s.Window.Canvas()
	c.Focus(cv.newSel)
	cv.newSel.SetSelectedIndex(0)
	cv.newSel.SetSelectedIndex(1)
	settle(cv)
	if f := c.Focused(); f != nil {
		t.Fatalf("the focus stayed on %T after picking", f)
	}
	before := cv.ChangePosition()
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF8})
	if cv.ChangePosition() == before {
		t.Errorf("F8 after picking did not step (%s)", before)
	}
}

// TestCompareDefaultsToWorkingText: with unsaved changes the compare view
// opens on the last saved version against the working text.
func TestCompareDefaultsToWorkingText(t *testing.T) {
	s := editorShell(t)
	s.SetText(s.Session.Text + "\n附件：测试")
	s.Show("compare")
	cv := s.Content("compare").(*CompareView)
	settle(cv)
	if !strings.HasPrefix(cv.oldSel.Selected, "第 2 版") || !strings.HasPrefix(cv.newSel.Selected, "工作稿") {
		t.Errorf("compare opened on %q against %q", cv.oldSel.Selected, cv.newSel.Selected)
	}
}

// TestVersionsDialogCompares: 与工作稿比对 in the versions dialog opens the
// compare view on the chosen version against the working text.
func TestVersionsDialogCompares(t *testing.T) {
	s := editorShell(t)
	s.ShowVersions()
	top := s.Window.Canvas().Overlays().Top()
	var rows *widget.List
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.List); ok {
			rows = l
		}
	}
	rows.Select(1) // the list is newest first: 第 1 版
	tapButton(t, top, "与工作稿比对")
	if s.Current() != "compare" {
		t.Fatalf("on %q, want compare", s.Current())
	}
	cv := s.Content("compare").(*CompareView)
	settle(cv)
	if !strings.HasPrefix(cv.oldSel.Selected, "第 1 版") || !strings.HasPrefix(cv.newSel.Selected, "工作稿") {
		t.Errorf("compare on %q against %q", cv.oldSel.Selected, cv.newSel.Selected)
	}
}
