package window

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// editorView is where a draft is written: the outline of the open draft on
// the left, the clause or section under the cursor in the middle (a whole
// document in one Entry is too slow to type in), and on the right the
// panels that serve the clause in hand: suggestions from other cities,
// gaps, templates, and the 校对 of the whole draft.
func editorView() View {
	return View{
		ID:    "editor",
		Title: "Editor",
		Icon:  theme.DocumentCreateIcon(),
		Make: func(s *Shell) fyne.CanvasObject {
			s.addShortcuts()
			middle := container.NewHSplit(clausePane(s), sidePanels(s))
			split := container.NewHSplit(outlinePane(s), middle)
			rememberSplit(s, split, prefOutlineSplit, 0.3)
			rememberSplit(s, middle, prefClauseSplit, 0.55)
			return container.NewBorder(newCleanupBar(s).box, nil, nil, nil, split)
		},
	}
}

// sidePanels are the editor's right-hand panels.
func sidePanels(s *Shell) fyne.CanvasObject {
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("Suggestions"), suggestionsPanel(s)),
		container.NewTabItem(lang.L("Gaps"), gapsPanel(s)),
		container.NewTabItem(lang.L("Templates"), templatesPanel(s)),
		container.NewTabItem(lang.L("Proofread"), proofPanel(s)),
	)
	panelsOf(s).tabs = tabs
	return tabs
}

// Preference keys of the editor's split positions.
const (
	prefOutlineSplit = "editor.outlineSplit"
	prefClauseSplit  = "editor.clauseSplit"
)

// rememberSplit sets split's position from the preferences (def if none)
// and saves it when the window closes.
func rememberSplit(s *Shell, split *container.Split, key string, def float64) {
	p := s.App.Preferences()
	if off := p.FloatWithFallback(key, def); off > 0.05 && off < 0.95 {
		split.Offset = off
	} else {
		split.Offset = def
	}
	s.AtClose(func() { p.SetFloat(key, split.Offset) })
}
