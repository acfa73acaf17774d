package docx

import (
	"slices"
	"testing"

	"qicao/drafts"
	"qicao/drafts/norm"
)

// versionText returns the paragraphs of a document as the views lay them
// out, empty ones left out.
func versionText(d *drafts.Document) []string {
	var ls []line
	ls = append(ls, frontLines(d)...)
	ls = append(ls, preambleLines(d)...)
	ls = append(ls, allNodeLines(d)...)
	ls = append(ls, closingLines(d)...)
	var out []string
	for _, l := range ls {
		if l.Text != "" {
			out = append(out, l.Text)
		}
	}
	return out
}

// resolve accepts (or rejects) every change in blocks the way a word
// processor does: the text of the dropped changes goes, and a paragraph
// whose mark goes joins the next one. Empty paragraphs are left out.
func resolve(blocks []block, accept bool) []string {
	drop := map[string]bool{changeDel: accept, changeMoveFrom: accept, changeIns: !accept, changeMoveTo: !accept}
	var out []string
	carry := ""
	for _, b := range blocks {
		if b.P == nil {
			continue
		}
		for _, r := range b.P.Runs {
			if r.Change == nil || !drop[r.Change.Kind] {
				carry += r.Text
			}
		}
		if b.P.Mark != nil && drop[b.P.Mark.Kind] {
			continue
		}
		if carry != "" {
			out = append(out, carry)
		}
		carry = ""
	}
	if carry != "" {
		out = append(out, carry)
	}
	return out
}

func taianPair(t testing.TB) (old, new *drafts.Document) {
	return seedDoc(t, "000"), seedDoc(t, "002")
}

func TestComparisonRoundTripStrict(t *testing.T) {
	old, new := taianPair(t)
	c := drafts.Compare(old, new, drafts.CompareOptions{Strict: true})
	blocks := comparisonBlocks(old, new, c, Options{Strict: true})
	assertLines(t, "accept all", resolve(blocks, true), versionText(new))
	assertLines(t, "reject all", resolve(blocks, false), versionText(old))
}

func TestComparisonRoundTripDefault(t *testing.T) {
	old, new := taianPair(t)
	c := drafts.Compare(old, new, drafts.CompareOptions{})
	blocks := comparisonBlocks(old, new, c, Options{})
	assertLines(t, "accept all", resolve(blocks, true), versionText(new))
	assertLinesUpToForm(t, "reject all", resolve(blocks, false), versionText(old))
}

// TestComparisonRoundTripSeeds runs the round trip on every ordered pair
// of the corpus, unrelated documents included: the view must hold for
// any comparison, not only a good one.
func TestComparisonRoundTripSeeds(t *testing.T) {
	seeds := []string{"000", "001", "002", "003", "004"}
	for _, a := range seeds {
		for _, b := range seeds {
			old, new := seedDoc(t, a), seedDoc(t, b)
			c := drafts.Compare(old, new, drafts.CompareOptions{Strict: true})
			blocks := comparisonBlocks(old, new, c, Options{Strict: true})
			checkSeparated(t, a+"→"+b, blocks)
			assertLines(t, a+"→"+b+" accept", resolve(blocks, true), versionText(new))
			assertLines(t, a+"→"+b+" reject", resolve(blocks, false), versionText(old))
			c = drafts.Compare(old, new, drafts.CompareOptions{})
			blocks = comparisonBlocks(old, new, c, Options{})
			checkSeparated(t, a+"→"+b+" default", blocks)
			assertLines(t, a+"→"+b+" default accept", resolve(blocks, true), versionText(new))
			assertLinesUpToForm(t, a+"→"+b+" default reject", resolve(blocks, false), versionText(old))
		}
	}
}

func assertLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	for i := 0; i < max(len(got), len(want)); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("%s: paragraph %d of %d/%d:\n got  %.120q\n want %.120q", what, i, len(got), len(want), g, w)
			return
		}
	}
}

// checkSeparated checks that no insertion (deletion) ending a paragraph
// meets one opening the next over an unchanged paragraph mark, which
// LibreOffice would merge (see separateRevisions).
func checkSeparated(t *testing.T, what string, blocks []block) {
	t.Helper()
	var prev *paragraph
	for _, b := range blocks {
		if b.P == nil {
			continue
		}
		if prev != nil && meetingKind(prev, b.P) != "" {
			t.Errorf("%s: %s meets over a paragraph mark: %.40q | %.40q", what, meetingKind(prev, b.P),
				prev.Runs[len(prev.Runs)-1].Text, b.P.Runs[0].Text)
		}
		prev = b.P
	}
}

// assertLinesUpToForm wants the same paragraphs, each the same up to
// changes of form (punctuation width, spaces), which the default view
// leaves unmarked.
func assertLinesUpToForm(t *testing.T, what string, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d paragraphs, want %d", what, len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		if !norm.SameUpToForm(got[i], want[i]) {
			t.Errorf("%s: paragraph %d differs beyond form:\n got  %.120q\n want %.120q", what, i, got[i], want[i])
			return
		}
	}
}
