package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// compareView: compares two versions clause by clause, with tracked changes.
func compareView() View {
	return View{
		ID:    "compare",
		Title: "Compare",
		Icon:  theme.ViewRestoreIcon(),
		Make: func(s *Shell) fyne.CanvasObject {
			return placeholder("Compare", "Compare two versions clause by clause.")
		},
	}
}
