package window

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"qicao/drafts"
	"qicao/drafts/undo"
)

// rawTaian is the 泰安 issued text 002 as saved from the web: a header
// from 今天是…星期六 to 原文如下 and a footer.
func rawTaian(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../assets/corpus/002_5544c373c39e6580.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// barText is the clean-up bar's summary and lines, "" when it is hidden.
func barText(s *Shell) string {
	if c := s.Session.cleanup; c == nil || !c.box.Visible() {
		return ""
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(s.Content("editor")) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && (strings.Contains(l.Text, "非正文") || strings.Contains(l.Text, "网页") || strings.Contains(l.Text, "原文保留")) {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// TestImportCleans: importing the web page as a draft shows the bar
// listing its lines with their reasons; 清除 makes the working text
// drafts.CleanText's, the original stays a version, Ctrl+Z brings it back.
func TestImportCleans(t *testing.T) {
	s := editorShell(t)
	raw := rawTaian(t)
	want, removed := drafts.CleanText(raw)
	if err := s.ImportDraft("002.txt", raw, "导入"); err != nil {
		t.Fatal(err)
	}
	s.Show("editor")
	bar := barText(s)
	for _, w := range []string{"发现 17 行网页页眉、页码等非正文内容，1 行文号与标题同在一行", "今天是20241221星期六", "网页页眉（“原文如下”之前）", "商务合作"} {
		if !strings.Contains(bar, w) {
			t.Errorf("the bar lacks %q:\n%s", w, bar)
		}
	}
	if len(removed) != 18 {
		t.Errorf("%d removals", len(removed))
	}
	tapButton(t, s.Content("editor"), "清除")
	if s.Session.Text != want {
		t.Fatalf("the working text is not drafts.CleanText's: %.60q", s.Session.Text)
	}
	// The bar now says what was done and where the original is, until 关闭.
	if got := barText(s); got != "已清除 17 行，1 行文号与标题分为两行；原文保留为第 1 版（导入）。\n" {
		t.Errorf("after 清除 the bar reads %q", got)
	}
	tapButton(t, s.Content("editor"), "关闭")
	if barText(s) != "" {
		t.Error("the bar still shows after 关闭")
	}
	if v, err := s.Session.WS.Version(s.Session.DraftID, 0); err != nil || v.Text != raw {
		t.Errorf("no version keeps the original: %v", err)
	}
	if k, ok := s.Session.history.CanUndo(); !ok || k != undo.CleanUp {
		t.Errorf("undo offers %q", k)
	}
	if got := s.Undo(); got != undo.CleanUp || s.Session.Text != raw {
		t.Errorf("undo undid %q, original back %v", got, s.Session.Text == raw)
	}
}

// TestPastedVersionCleans: a paste over the example's working text keeps
// it as a version of its own (导入原文（清理前）) before cleaning; 保留
// leaves everything as it is; the example, clean, shows no bar.
func TestPastedVersionCleans(t *testing.T) {
	s := editorShell(t)
	if barText(s) != "" {
		t.Fatalf("the clean example shows the bar:\n%s", barText(s))
	}
	raw := rawTaian(t)
	s.SetText(raw) // pasted into the working text, not saved
	s.emit(DraftOpened)
	tapButton(t, s.Content("editor"), "保留")
	if s.Session.Text != raw || barText(s) != "" {
		t.Fatal("保留 changed the text or left the bar")
	}
	n := s.Session.Version
	note, err := s.CleanUp()
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("原文保留为第 %d 版（导入原文（清理前））。", n+1); !strings.HasSuffix(note, want) {
		t.Errorf("the clean-up says %q, want it to end %q", note, want)
	}
	v, err := s.Session.WS.Version(s.Session.DraftID, 0)
	if err != nil || v.N != n+1 || v.Text != raw || v.Note != "导入原文（清理前）" {
		t.Fatalf("kept as version %d %q: %v", v.N, v.Note, err)
	}
	if want, _ := drafts.CleanText(raw); s.Session.Text != want || !s.Dirty() {
		t.Error("the working text is not the cleaned one")
	}
}
