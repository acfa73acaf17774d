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
// what it did, in words (nothing done: "").
func (s *Shell) CleanUp() (string, error) {
	ss := &s.Session
	if ss.DraftID == 0 {
		return "", errNoDraftOpen
	}
	s.FlushClauseEdit()
	s.FlushAutosave()
	note := lang.L("Imported original (before clean-up)")
	c, err := ss.WS.CleanWorking(ss.DraftID, ss.Version, ss.Text, note)
	if err != nil || len(c.Removed) == 0 {
		return "", err
	}
	if c.Saved {
		ss.Saved, ss.Version = c.Kept.Text, c.Kept.N
		ss.history.Reset() // a saved version is not undone
		s.emit(VersionSaved)
	}
	s.record(undo.CleanUp, func() { s.setTextKeepingCursor(c.Text) })
	return cleanedNote(c.Removed, c.Kept), nil
}

// cleanedNote says what a clean-up did and which version keeps the text
// as it was: 已清除 17 行，1 行文号与标题分为两行；原文保留为第 1 版（导入原文（清理前））。
func cleanedNote(removed []drafts.Removal, kept drafts.Version) string {
	n, split := drafts.CountRemovals(removed)
	var did string
	switch {
	case n > 0 && split > 0:
		did = lang.L("Removed {{.N}} lines, split {{.M}} lines holding the 文号 and the title", map[string]any{"N": n, "M": split})
	case n > 0:
		did = lang.L("Removed {{.N}} lines", map[string]any{"N": n})
	default:
		did = lang.L("Split {{.M}} lines holding the 文号 and the title", map[string]any{"M": split})
	}
	where := versionName(kept.N)
	if kept.Note != "" {
		where += lang.L(" ({{.Note}})", map[string]any{"Note": kept.Note})
	}
	return did + lang.L("; the original is kept as {{.Version}}.", map[string]any{"Version": where})
}

// cleanupBar is the editor's bar over the outline and clause: shown when
// the open draft's text carries lines the parser reads as no part of the
// document, it lists them with their reasons and offers 清除 / 保留.
type cleanupBar struct {
	s       *Shell
	box     *fyne.Container
	summary *widget.Label
	lines   *widget.Label
	scroll  *container.Scroll
	choices *fyne.Container // 清除 / 保留
	done    *widget.Button  // 关闭, after a clean-up says what it did
	kept    map[int64]bool  // drafts whose boilerplate the officer kept
}

func newCleanupBar(s *Shell) *cleanupBar {
	b := &cleanupBar{s: s, summary: widget.NewLabel(""), lines: widget.NewLabel(""), kept: map[int64]bool{}}
	b.summary.TextStyle.Bold = true
	b.lines.Wrapping = fyne.TextWrapWord
	clean := widget.NewButton(lang.L("Clean up"), b.clean)
	clean.Importance = widget.HighImportance
	keep := widget.NewButton(lang.L("Keep"), b.keep)
	b.done = widget.NewButton(lang.L("Close"), func() { b.box.Hide() })
	b.choices = container.NewHBox(clean, keep)
	b.scroll = container.NewVScroll(b.lines)
	b.scroll.SetMinSize(fyne.NewSize(0, 96))
	b.box = container.NewBorder(nil, nil, nil, container.NewHBox(b.choices, b.done),
		container.NewBorder(b.summary, nil, nil, nil, b.scroll))
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
	b.summary.SetText(foundNote(removed))
	b.lines.SetText(removalLines(removed))
	b.scroll.Show()
	b.choices.Show()
	b.done.Hide()
	b.box.Show()
}

// foundNote sums up what a clean-up would do: 发现 17 行网页页眉、页码等非正文内容，1 行文号与标题同在一行.
func foundNote(removed []drafts.Removal) string {
	n, split := drafts.CountRemovals(removed)
	var out string
	if n > 0 {
		out = lang.L("Found {{.N}} lines that are no part of the document: web page headers, page numbers and the like",
			map[string]any{"N": n})
	}
	switch {
	case split > 0 && out != "":
		out += lang.L(", {{.N}} lines holding the 文号 and the title", map[string]any{"N": split})
	case split > 0:
		out = lang.L("{{.N}} lines holding the 文号 and the title", map[string]any{"N": split})
	}
	return out
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

// clean cleans up and leaves the bar saying what it did and where the
// original is, until the next change of the text or 关闭.
func (b *cleanupBar) clean() {
	note, err := b.s.CleanUp()
	if err != nil {
		b.s.ShowError(err)
		return
	}
	if note == "" {
		return
	}
	b.summary.SetText(note)
	b.lines.SetText("")
	b.scroll.Hide()
	b.choices.Hide()
	b.done.Show()
	b.box.Show()
}

func (b *cleanupBar) keep() {
	b.kept[b.s.Session.DraftID] = true
	b.box.Hide()
}
