package window

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/drafts"
	"qicao/drafts/undo"
)

// askSaveVersion asks for an optional note and saves the working text as
// a new version.
func askSaveVersion(s *Shell) {
	if !draftInHand(s) {
		return
	}
	note := widget.NewEntry()
	note.SetPlaceHolder(lang.L("e.g. after the meeting of 3 March"))
	askLine(s, lang.L("Save a version"), lang.L("Save"), lang.L("Note (optional)"), note, func() {
		s.ShowError(s.SaveVersion(note.Text))
	})
}

// draftInHand puts the clause pane's pending keystrokes into the working
// text and reports whether a draft is open; when none is, it says so.
func draftInHand(s *Shell) bool {
	if s.Session.DraftID == 0 {
		s.ShowError(errNoDraftOpen)
		return false
	}
	s.FlushClauseEdit()
	return true
}

// ShowVersions lists the open draft's versions in a dialog: open one
// read-only, or restore it as the working text.
func (s *Shell) ShowVersions() {
	if !draftInHand(s) {
		return
	}
	list, err := s.Session.WS.Versions(s.Session.DraftID)
	if err != nil {
		s.ShowError(err)
		return
	}
	chosen := -1
	rows := widget.NewList(func() int { return len(list) }, newTruncatedLabel,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(versionLine(list[len(list)-1-i]))
		})
	view := widget.NewButtonWithIcon(lang.L("Open read-only"), theme.VisibilityIcon(), func() {
		if chosen >= 0 {
			showVersionText(s, list[len(list)-1-chosen].N)
		}
	})
	restore := widget.NewButtonWithIcon(lang.L("Restore"), theme.HistoryIcon(), func() {
		if chosen >= 0 {
			confirmRestore(s, list[len(list)-1-chosen].N)
		}
	})
	var d dialog.Dialog
	compare := widget.NewButtonWithIcon(lang.L("Compare with the working text"), theme.ViewRefreshIcon(), func() {
		if chosen >= 0 {
			d.Hide()
			s.ComparePair(Source{Kind: SourceVersion, N: list[len(list)-1-chosen].N}, Source{Kind: SourceWorking})
		}
	})
	buttons := []*widget.Button{view, restore, compare}
	for _, b := range buttons {
		b.Disable()
	}
	rows.OnSelected = func(i widget.ListItemID) {
		chosen = i
		for _, b := range buttons {
			b.Enable()
		}
	}
	content := container.NewBorder(nil, container.NewHBox(view, restore, compare), nil, nil, rows)
	d = dialog.NewCustom(lang.L("Versions of “{{.Title}}”", map[string]any{"Title": s.Session.Title}),
		lang.L("Close"), content, s.Window)
	d.Resize(fyne.NewSize(760, 480))
	d.Show()
}

// versionName names version n: 第 2 版.
func versionName(n int) string { return lang.L("Version {{.N}}", map[string]any{"N": n}) }

// versionLine is a version as the list shows it: number, time, size, note.
func versionLine(v drafts.Version) string {
	line := versionName(v.N) + "　" +
		v.Created.Local().Format("2006-01-02 15:04") + "　" +
		lang.L("{{.Chars}} characters", map[string]any{"Chars": fmt.Sprint(v.Chars)})
	if v.Note != "" {
		line += "　" + v.Note
	}
	return line
}

// showVersionText shows version n of the open draft read-only.
func showVersionText(s *Shell, n int) {
	v, err := s.Session.WS.Version(s.Session.DraftID, n)
	if err != nil {
		s.ShowError(err)
		return
	}
	f := newFullText()
	f.SetText(v.Text)
	d := dialog.NewCustom(versionLine(v), lang.L("Close"), f, s.Window)
	d.Resize(fyne.NewSize(900, 640))
	d.Show()
}

// confirmRestore makes version n the working text, after asking.
func confirmRestore(s *Shell, n int) {
	msg := lang.L("Make version {{.N}} the working text? The working text now is kept only if it was saved as a version.",
		map[string]any{"N": n})
	confirm(s.Window, lang.L("Restore"), msg, func(yes bool) {
		if yes {
			s.ShowError(s.RestoreVersion(n))
		}
	})
}

// RestoreVersion makes the text of version n of the open draft the
// working text (unsaved until a version is saved).
func (s *Shell) RestoreVersion(n int) error {
	v, err := s.Session.WS.Version(s.Session.DraftID, n)
	if err != nil {
		return err
	}
	s.FlushClauseEdit()
	s.record(undo.Restore, func() { s.setTextKeepingCursor(v.Text) })
	return nil
}
