package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// editorView: edits one clause or section at a time (a whole document in one Entry is too slow).
func editorView() View {
	return View{
		ID:    "editor",
		Title: "Editor",
		Icon:  theme.DocumentCreateIcon(),
		Make: func(s *Shell) fyne.CanvasObject {
			return placeholder("Editor", "Edit the draft one clause or section at a time.")
		},
	}
}
