package app

import "fyne.io/fyne/v2"

// suggestionsPanel shows how other cities wrote the clause under the cursor.
func suggestionsPanel(s *Shell) fyne.CanvasObject {
	return placeholder("Suggestions", "Suggested wording from the corpus.")
}
