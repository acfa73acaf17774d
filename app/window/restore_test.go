package window

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestRestartRestoresPlace: closed on the compare view, with clause 9
// under the cursor and 第 1 版 against the 工作稿 chosen, Qicao comes back
// on the compare view, clause 9 and the same pair.
func TestRestartRestoresPlace(t *testing.T) {
	a := test.NewTempApp(t)
	if err := Setup(a, Options{Language: LangChinese}); err != nil {
		t.Fatal(err)
	}
	ws := testWorkspace(t)
	start := func() *Shell {
		s := startShell(a, ws)
		t.Cleanup(func() { stopPumping(s.StopBackground) })
		return s
	}
	s := start()
	if s.Current() != "editor" {
		t.Fatalf("first start on %q, want the editor with the example open", s.Current())
	}
	clause := selectClause(t, s, 9).Heading
	s.Show("compare")
	cv := s.Content("compare").(*CompareView)
	settle(cv)
	working := -1
	for i, o := range cv.oldSel.Options {
		if strings.HasPrefix(o, "工作稿") {
			working = i
		}
	}
	cv.oldSel.SetSelectedIndex(0)
	cv.newSel.SetSelectedIndex(working)
	settle(cv)
	want := []string{cv.oldSel.Selected, cv.newSel.Selected}
	s.Closing()

	s2 := start()
	if s2.Current() != "compare" {
		t.Errorf("restarted on %q, want compare", s2.Current())
	}
	if n := s2.SelectedNode(); n == nil || n.Heading != clause {
		t.Errorf("restarted with the cursor on %v, want %s", n, clause)
	}
	cv2 := s2.Content("compare").(*CompareView)
	settle(cv2)
	if got := []string{cv2.oldSel.Selected, cv2.newSel.Selected}; got[0] != want[0] || got[1] != want[1] {
		t.Errorf("restarted comparing %q, want %q", got, want)
	}
}
