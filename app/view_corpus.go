package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

type corpusUI struct{}

func (c *corpusUI) open(id int64, clause int) {}

// corpusView: the built-in corpus of policy documents and the officer's imports.
func corpusView() View {
	return View{
		ID:    "corpus",
		Title: "Corpus",
		Icon:  theme.StorageIcon(),
		Make: func(s *Shell) fyne.CanvasObject {
			return placeholder("Corpus", "The built-in corpus of policy documents, and your own.")
		},
	}
}
