package window

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// openProof opens the example draft's 征求意见稿 with the 校对 panel
// checking at once.
func openProof(t testing.TB) (*Shell, *proofUI) {
	s := openExample(t)
	u := panelsOf(s).proof
	if u == nil {
		t.Fatal("no 校对 panel")
	}
	u.immediate = true
	u.schedule()
	return s, u
}

func hasItem(s *Shell, id, text string) bool {
	for _, it := range s.ProofItems() {
		if it.ID == id && it.Text == text {
			return true
		}
	}
	return false
}

// TestProofPanelJumpAndFix: the panel lists 000's faults by kind; choosing
// 领域领域 puts the cursor on clause 14 at the word, and its fix changes
// the working text there and nowhere else.
func TestProofPanelJumpAndFix(t *testing.T) {
	s, u := openProof(t)
	if n := len(s.ProofItems()); n < 12 {
		t.Fatalf("%d findings on the 征求意见稿", n)
	}
	if u.rows[0].item != nil {
		t.Error("the list does not start with a kind's header")
	}
	if !s.ChooseProofItem("word.doubled") {
		t.Fatal("no doubled word listed")
	}
	if n := s.SelectedNode(); n == nil || !strings.HasPrefix(n.Heading, "优化重点实验室布局") {
		t.Fatalf("cursor on %v, want clause 14", n)
	}
	e := s.ClauseEntry()
	if at := e.CursorTextOffset(); !strings.HasPrefix(string([]rune(e.Text)[at:]), "领域领域") {
		t.Errorf("clause cursor at %d, not at 领域领域", at)
	}
	before := s.Session.Text
	test.Tap(u.fixOne)
	after := s.Session.Text
	if strings.Contains(after, "领域领域") || len(before)-len(after) != len("领域") {
		t.Fatalf("fix did not remove one 领域")
	}
	i := strings.Index(before, "领域领域")
	if before[:i] != after[:i] || before[i+len("领域"):] != after[i:] {
		t.Error("the fix changed text outside its span")
	}
	if hasItem(s, "word.doubled", "领域领域") {
		t.Error("the fixed finding is still listed")
	}
}

// TestProofPanelFixKind: 本类全部修改 on an organ name corrects every
// organ and 责任单位 finding in one change of the text.
func TestProofPanelFixKind(t *testing.T) {
	s, u := openProof(t)
	if !s.ChooseProofItem("organ.outdated") {
		t.Fatal("no outdated organ listed")
	}
	changes := 0
	s.Listen(func(e Event) {
		if e == TextChanged {
			changes++
		}
	})
	test.Tap(u.fixKind)
	if changes != 1 {
		t.Errorf("%d changes of the text, want one", changes)
	}
	for _, gone := range []string{"市农业局", "市工信局", "（责任单位：", "按照职责分工）"} {
		if strings.Contains(s.Session.Text, gone) {
			t.Errorf("%q left after fixing all of the kind", gone)
		}
	}
	if !hasItem(s, "word.confusable", "栓心留人") {
		t.Error("a finding of another kind went too")
	}
}

// TestProofPanelIgnore: an ignored finding leaves the list and stays out
// after the draft is opened again, its reason kept.
func TestProofPanelIgnore(t *testing.T) {
	s, u := openProof(t)
	if !s.ChooseProofItem("word.confusable") {
		t.Fatal("no confusable listed")
	}
	u.reason.SetText("引用原文，保留")
	test.Tap(u.ignore)
	if hasItem(s, "word.confusable", "栓心留人") {
		t.Fatal("ignored finding still listed")
	}
	raw := s.App.Preferences().String(ignoredKey(s.Session.DraftID))
	if !strings.Contains(raw, "引用原文，保留") {
		t.Errorf("reason not remembered: %s", raw)
	}
	s.CloseDraft()
	if err := s.OpenDraft(1); err != nil {
		t.Fatal(err)
	}
	u.schedule()
	if hasItem(s, "word.confusable", "栓心留人") {
		t.Error("ignored finding back after reopening the draft")
	}
}

// TestProofPanelFollowsTyping: keystrokes still pending in the clause
// pane are checked: a doubled word typed shows up in the list.
func TestProofPanelFollowsTyping(t *testing.T) {
	clauseDelay = time.Hour
	t.Cleanup(func() { clauseDelay = ClauseDelay })
	s, _ := openProof(t)
	test.Type(s.ClauseEntry(), "推动推动")
	if _, ok := s.TypedClause(); !ok {
		t.Fatal("typing not pending")
	}
	if !hasItem(s, "word.doubled", "推动推动") {
		t.Errorf("typed fault not listed: %v", s.ProofItems())
	}
}

// BenchmarkProofRefresh: from the last keystroke to the refreshed list,
// with ProofDelay and the check off the UI goroutine, as in the window
// (target: under 300 ms). The other panels work as in the window too:
// the suggestions ask after SuggestDelay off the UI goroutine, not on
// every keystroke as openExample's tests have them.
func BenchmarkProofRefresh(b *testing.B) {
	s, u := openProof(b)
	u.immediate = false
	panelsOf(s).suggestions.immediate = false
	entry := s.ClauseEntry()
	var worst time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		last := u.computed
		start := time.Now()
		test.Type(entry, "。")
		for u.computed == last {
			time.Sleep(time.Millisecond)
			runUI()
		}
		worst = max(worst, time.Since(start))
		if testing.Verbose() {
			b.Logf("keystroke %d: %v", i+1, time.Since(start).Round(time.Millisecond))
		}
	}
	b.ReportMetric(float64(worst.Milliseconds()), "max-ms")
}
