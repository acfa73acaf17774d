package app

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
// gaps, templates.
func editorView() View {
	return View{
		ID:    "editor",
		Title: "Editor",
		Icon:  theme.DocumentCreateIcon(),
		Make: func(s *Shell) fyne.CanvasObject {
			middle := container.NewHSplit(clausePane(s), sidePanels(s))
			middle.Offset = 0.58
			split := container.NewHSplit(outlinePane(s), middle)
			split.Offset = 0.26
			return split
		},
	}
}

// sidePanels are the editor's right-hand panels.
func sidePanels(s *Shell) fyne.CanvasObject {
	return container.NewAppTabs(
		container.NewTabItem(lang.L("Suggestions"), suggestionsPanel(s)),
		container.NewTabItem(lang.L("Gaps"), gapsPanel(s)),
		container.NewTabItem(lang.L("Templates"), templatesPanel(s)),
	)
}

// outlinePane shows the open draft's tree: 一、/（一）/1. with 责任单位.
func outlinePane(s *Shell) fyne.CanvasObject {
	return placeholder("Outline", "The outline of the open draft: 一、（一）1. …")
}

// clausePane edits the clause or section under the cursor.
func clausePane(s *Shell) fyne.CanvasObject {
	return placeholder("Editor", "Edit the draft one clause or section at a time.")
}
