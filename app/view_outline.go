package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// outlineView: the outline of the open draft (一、（一）1.), beside the clause being edited.
func outlineView() View {
	return View{
		ID:    "outline",
		Title: "Outline",
		Icon:  theme.ListIcon(),
		Make: func(s *Shell) fyne.CanvasObject {
			return placeholder("Outline", "The outline of the open draft: 一、（一）1. …")
		},
	}
}
