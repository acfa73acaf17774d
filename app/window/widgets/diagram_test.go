package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"qicao/drafts"
)

// Tapping a row of the diagram selects its pair; a tap between the
// columns selects the line passing there.
func TestDiagramTap(t *testing.T) {
	test.NewTempApp(t)
	var old, new strings.Builder
	old.WriteString("关于科技创新的实施意见\n")
	new.WriteString("关于科技创新的实施意见\n")
	for i, h := range []string{"总体要求", "重点任务", "创新平台", "人才引进", "金融支持", "组织实施", "保障措施"} {
		num := string([]rune("一二三四五六七")[i])
		old.WriteString(num + "、" + h + "\n加快建设" + h + "体系，到2026年达到100家。\n")
		new.WriteString(num + "、" + h + "\n加快建设" + h + "体系，到2027年达到120家。\n")
	}
	o, err := drafts.Parse(old.String())
	if err != nil {
		t.Fatal(err)
	}
	n, err := drafts.Parse(new.String())
	if err != nil {
		t.Fatal(err)
	}
	c := drafts.Compare(o, n, drafts.CompareOptions{})
	d := NewDiagram()
	selected := -1
	d.OnSelected = func(i int) { selected = i }
	d.SetPairs(c.Pairs)
	w := test.NewWindow(d)
	defer w.Close()
	d.Resize(fyne.NewSize(300, d.MinSize().Height))
	test.TapAt(d, fyne.NewPos(20, DiagramRowHeight*4+5))
	if selected < 0 || c.Pairs[selected].Old == nil || c.Pairs[selected].Old.Node != d.left[4].node {
		t.Errorf("tap on the 5th old row selected pair %d", selected)
	}
	_, x1, x2 := d.geometry()
	tapped := false
	for k, p := range c.Pairs {
		if y1, y2, ok := d.lineYs(k); ok && p.Kind == drafts.PairModified {
			at := fyne.NewPos((x1+x2)/2, (y1+y2)/2)
			test.TapAt(d, at)
			s1, s2, ok := d.lineYs(selected)
			if mid := (s1 + s2) / 2; !ok || mid-at.Y > DiagramRowHeight || at.Y-mid > DiagramRowHeight {
				t.Errorf("tap on the line of pair %d at %v selected pair %d (line %v→%v)", k, at, selected, s1, s2)
			}
			tapped = true
			break
		}
	}
	if !tapped {
		t.Error("no modified pair to tap the line of")
	}
}
