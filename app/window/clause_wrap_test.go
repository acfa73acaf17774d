package window

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"qicao/drafts/linebreak"
)

// TestClauseEntryBreaksLinesChinese: the clause pane (Fyne's entry, built
// with the Fyne of app/cmd/fynepatch) never begins a line with a closing
// mark nor ends one with an opening mark, at any width, and loses no
// character; 1200 stays whole. Plain Fyne breaks anywhere: built without
// make's go.work the test is skipped, and in CI it fails.
func TestClauseEntryBreaksLinesChinese(t *testing.T) {
	if !strings.HasSuffix(os.Getenv("GOWORK"), "go.work") {
		if os.Getenv("CI") != "" {
			t.Fatal("built with plain Fyne: make builds with GOWORK=bin/fyne/go.work (app/cmd/fynepatch)")
		}
		t.Skip("built with plain Fyne (make test sets GOWORK=bin/fyne/go.work)")
	}
	s := editorShell(t)
	e := find[*clauseEntry](t, s, "editor")
	text := "（一）实施高新技术企业“倍增”计划。到2025年，全市高新技术企业达到1200家以上，" +
		"科技型中小企业达到2000家以上（市科技局牵头，市财政局、市税务局配合）。" +
		"完善“微成长、小升高、高变强”梯次培育机制，对首次认定的高新技术企业给予奖励。"
	e.SetText(text)
	breaks := 0
	for w := float32(180); w <= 620; w += 13 {
		e.Resize(fyne.NewSize(w, 600))
		rows := entryRows(e)
		if strings.Join(rows, "") != text {
			t.Fatalf("width %.0f: the rows do not make the text:\n%s", w, strings.Join(rows, "\n"))
		}
		for i, r := range rows {
			first, last := []rune(r)[0], []rune(r)[len([]rune(r))-1]
			if i > 0 && strings.ContainsRune(linebreak.NoLineStart, first) {
				t.Errorf("width %.0f: row %d begins with %q: %s", w, i+1, first, r)
			}
			if i < len(rows)-1 && strings.ContainsRune(linebreak.NoLineEnd, last) {
				t.Errorf("width %.0f: row %d ends with %q: %s", w, i+1, last, r)
			}
			if i > 0 && strings.HasSuffix(rows[i-1], "12") && strings.HasPrefix(r, "00") {
				t.Errorf("width %.0f: 1200 broken across rows %d and %d", w, i, i+1)
			}
		}
		breaks += len(rows) - 1
	}
	if breaks == 0 {
		t.Fatal("the entry never wrapped: the test shows nothing")
	}
}

// entryRows returns the entry's visible rows of text, top to bottom.
func entryRows(e *clauseEntry) []string {
	var rows []string
	for _, o := range test.LaidOutObjects(e) {
		if t, ok := o.(*canvas.Text); ok && t.Visible() && t.Text != "" {
			rows = append(rows, t.Text)
		}
	}
	return rows
}
