package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// suggestionsView: suggests wording from the corpus for the clause being edited.
func suggestionsView() View {
	return View{
		ID:    "suggestions",
		Title: "Suggestions",
		Icon:  theme.HelpIcon(),
		Make: func(s *Shell) fyne.CanvasObject {
			return placeholder("Suggestions", "Suggested wording from the corpus.")
		},
	}
}
