package app

import "fyne.io/fyne/v2"

// templatesPanel browses clause templates, fills and inserts them.
func templatesPanel(s *Shell) fyne.CanvasObject {
	return placeholder("Templates", "Templates and standard clauses.")
}
