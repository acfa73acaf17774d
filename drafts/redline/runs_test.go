package redline

import (
	"strings"
	"testing"

	"qicao/drafts"
	"qicao/drafts/redline/redlinetest"
)

// sideText is what a reader of one side sees: the kept text, the side's
// own changes and the side's form of each change of form.
func sideText(runs []Run, side Side) string {
	var b strings.Builder
	for _, r := range runs {
		if r.Mark == Same || r.Mark == Form || r.Mark == Deleted && side == OldSide || r.Mark == Inserted && side == NewSide {
			b.WriteString(r.Text)
		}
	}
	return b.String()
}

func TestRunsRebuildBothSides(t *testing.T) {
	for _, c := range redlinetest.Cases {
		for _, form := range []bool{false, true} {
			if got := sideText(Runs(c.Ops, OldSide, form), OldSide); got != c.Old {
				t.Errorf("%s (form %v): old side %q, want %q", c.Name, form, got, c.Old)
			}
			if got := sideText(Runs(c.Ops, NewSide, form), NewSide); got != c.New {
				t.Errorf("%s (form %v): new side %q, want %q", c.Name, form, got, c.New)
			}
		}
	}
}

func TestRuns(t *testing.T) {
	ops := redlinetest.Cases[len(redlinetest.Cases)-1].Ops
	show := func(runs []Run) string {
		var b strings.Builder
		for _, r := range runs {
			b.WriteString("[" + "=-+~"[r.Mark:r.Mark+1] + r.Text + "]")
		}
		return b.String()
	}
	for _, c := range []struct {
		side Side
		form bool
		want string
	}{
		{BothSide, false, "[=加快][-建设][+构建][=，][=体系][=;]"},
		{BothSide, true, "[=加快][-建设][+构建][~，][=体系][~;]"},
		{OldSide, false, "[=加快][-建设][=,][=体系][=；]"},
		{OldSide, true, "[=加快][-建设][~,][=体系][~；]"},
		{NewSide, true, "[=加快][+构建][~，][=体系][~;]"},
	} {
		if got := show(Runs(ops, c.side, c.form)); got != c.want {
			t.Errorf("Runs(side %d, form %v) = %s, want %s", c.side, c.form, got, c.want)
		}
	}
	r := Runs(ops, OldSide, true)[2]
	if r.Old != "," || r.New != "，" {
		t.Errorf("a Form run carries both forms: %+v", r)
	}
}

func TestVisible(t *testing.T) {
	for in, want := range map[string]string{"": "□", " ": "□", "\u3000 ": "□□", "，": "，", " a": " a"} {
		if got := Visible(in, '□'); got != want {
			t.Errorf("Visible(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKindsNamedOnce(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range Kinds {
		if Name(k) == "" || English(k) == "" || seen[Name(k)] || Hex(k) == "#000000" {
			t.Errorf("kind %v: name %q english %q colour %s", k, Name(k), English(k), Hex(k))
		}
		seen[Name(k)] = true
	}
	if Name(drafts.PairMoved) != "移动" || Hex(drafts.PairModified) != "#1f6feb" {
		t.Errorf("moved is %q, modified %s", Name(drafts.PairMoved), Hex(drafts.PairModified))
	}
	s := drafts.Summary{Modified: 23, Merged: 6, Split: 2, Added: 1, Deleted: 3}
	if got, want := SummaryLine(s), "修改 23，移动 0，合并 6，拆分 2，新增 1，删除 3，未改 0"; got != want {
		t.Errorf("SummaryLine = %q, want %q", got, want)
	}
}

// The HTML report's two columns read as the two texts.
func TestTrackedHTMLRebuildsBothSides(t *testing.T) {
	strip := func(h string) string {
		h = strings.ReplaceAll(h, "<br>", "\n")
		for _, tag := range []string{"<del>", "</del>", "<ins>", "</ins>"} {
			h = strings.ReplaceAll(h, tag, "")
		}
		return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&#34;", `"`, "&#39;", "'").Replace(h)
	}
	for _, c := range redlinetest.Cases {
		if got := strip(string(trackedHTML(c.Ops, false, OldSide))); got != c.Old {
			t.Errorf("%s: old column %q, want %q", c.Name, got, c.Old)
		}
		if got := strip(string(trackedHTML(c.Ops, false, NewSide))); got != c.New {
			t.Errorf("%s: new column %q, want %q", c.Name, got, c.New)
		}
	}
}
