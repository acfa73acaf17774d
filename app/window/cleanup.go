package window

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"qicao/drafts"
	"qicao/drafts/undo"
)

// CleanUp removes from the working text the lines drafts.Boilerplate
// lists, after keeping the text as it was as a version of its own (unless
// the latest version is that text), through the workspace in one
// transaction; the removal is one step of the undo history. It reports
// how many lines it removed.
func (s *Shell) CleanUp() (int, error) {
	ss := &s.Session
	if ss.DraftID == 0 {
		return 0, errNoDraftOpen
	}
	s.FlushClauseEdit()
	s.FlushAutosave()
	c, err := ss.WS.CleanWorking(ss.DraftID, ss.Version, ss.Text, lang.L("Imported original (before clean-up)"))
	if err != nil || len(c.Removed) == 0 {
		return 0, err
	}
	if c.Saved {
		ss.Saved, ss.Version = c.Kept.Text, c.Kept.N
		ss.history.Reset() // a saved version is not undone
		s.emit(VersionSaved)
	}
	s.record(undo.CleanUp, func() { s.setTextKeepingCursor(c.Text) })
	return len(c.Removed), nil
}

// cleanupBar is the editor's bar over the outline and clause: shown when
// the open draft's text carries lines the parser reads as no part of the
// document, it lists them with their reasons and offers 清除 / 保留.
type cleanupBar struct {
	s       *Shell
	box     *fyne.Container
	summary *widget.Label
	lines   *widget.Label
	kept    map[int64]bool // drafts whose boilerplate the officer kept
}

func newCleanupBar(s *Shell) *cleanupBar {
	b := &cleanupBar{s: s, summary: widget.NewLabel(""), lines: widget.NewLabel(""), kept: map[int64]bool{}}
	b.summary.TextStyle.Bold = true
	b.lines.Wrapping = fyne.TextWrapWord
	clean := widget.NewButton(lang.L("Clean up"), b.clean)
	clean.Importance = widget.HighImportance
	keep := widget.NewButton(lang.L("Keep"), b.keep)
	scroll := container.NewVScroll(b.lines)
	scroll.SetMinSize(fyne.NewSize(0, 96))
	b.box = container.NewBorder(nil, nil, nil, container.NewHBox(clean, keep),
		container.NewBorder(b.summary, nil, nil, nil, scroll))
	b.box.Hide()
	s.Session.cleanup = b
	s.Listen(func(e Event) {
		switch e {
		case DraftOpened, VersionSaved:
			b.update()
		case TextChanged:
			if b.box.Visible() {
				b.update()
			}
		}
	})
	b.update()
	return b
}

// update shows the bar with the open draft's boilerplate, or hides it.
func (b *cleanupBar) update() {
	doc := b.s.Session.Doc
	var removed []drafts.Removal
	if doc != nil && !b.kept[b.s.Session.DraftID] {
		removed = doc.Boilerplate()
	}
	if len(removed) == 0 {
		b.box.Hide()
		return
	}
	b.summary.SetText(lang.L("Found {{.N}} lines that are no part of the document: web page headers, page numbers and the like",
		map[string]any{"N": len(removed)}))
	b.lines.SetText(removalLines(removed))
	b.box.Show()
}

// removalLines lists the removals one a line: the text, then why.
func removalLines(removed []drafts.Removal) string {
	var out strings.Builder
	for _, r := range removed {
		fmt.Fprintf(&out, "%s　（%s）\n", truncateRunes(r.Text, 60), lang.L(r.Why))
	}
	return strings.TrimSuffix(out.String(), "\n")
}

// truncateRunes cuts s to n runes with an ellipsis.
func truncateRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

func (b *cleanupBar) clean() {
	n, err := b.s.CleanUp()
	if err != nil {
		b.s.ShowError(err)
		return
	}
	if n > 0 {
		b.box.Hide()
	}
}

func (b *cleanupBar) keep() {
	b.kept[b.s.Session.DraftID] = true
	b.box.Hide()
}
