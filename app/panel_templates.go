package app

import "fyne.io/fyne/v2"

type templatesUI struct{}

// templatesPanel browses clause templates, fills and inserts them.
func templatesPanel(s *Shell) fyne.CanvasObject {
	return placeholder("Templates", "Templates and standard clauses.")
}
