package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// templatesView: templates and standard clauses to insert.
func templatesView() View {
	return View{
		ID:    "templates",
		Title: "Templates",
		Icon:  theme.ContentPasteIcon(),
		Make: func(s *Shell) fyne.CanvasObject {
			return placeholder("Templates", "Templates and standard clauses.")
		},
	}
}
